import Foundation

public enum CorpusError: Error, CustomStringConvertible, Equatable {
    case notADirectory(String)
    case aFile(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case let .notADirectory(path): return "\(path): no such folder"
        case let .aFile(path): return "\(path) is a file, not a folder: give --data the folder that holds it, or name the file itself (podread show \(path))"
        case let .unreadable(path, why): return "\(path): cannot read the folder: \(why)"
        }
    }
}

/// Reads a folder of episode pages. One bad file never stops the others.
public enum CorpusLoader {
    /// The corpus folder: `--data`, then `$PODREAD_DATA`, then `./data`.
    public static func location(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["PODREAD_DATA"], !env.isEmpty { return env }
        return "data"
    }

    /// Reads every episode of `directory`. With `transcripts`, every file is read whole and
    /// the corpus holds the episodes; without, it keeps their summaries, and
    /// `Corpus.transcript(of:)` reads one whole when it is needed.
    /// With `cache`, unchanged files are not read at all (see `SummaryCache`).
    /// `partial`, a `loadFrontMatter` of the same folder, saves reading front matter again
    /// (for files unchanged since).
    public static func load(directory: String, transcripts: Bool = true, cache useCache: Bool = false,
                            after partial: Corpus? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                            isCancelled: (@Sendable () -> Bool)? = nil) throws -> Corpus {
        let files = try episodeFiles(in: directory)
        let shows = showFolders(in: directory)
        if !shows.isEmpty {
            return try loadLibrary(directory, shows: shows, ownFiles: files, progress: progress, isCancelled: isCancelled) {
                try loadFolder($0, files: $1, transcripts: transcripts, cache: useCache,
                               after: partial, environment: environment, progress: $2, isCancelled: isCancelled)
            }
        }
        return try loadFolder(directory, files: files, transcripts: transcripts, cache: useCache, after: partial,
                              environment: environment, progress: progress, isCancelled: isCancelled)
    }

    /// `load` of one folder of episodes (`files`: its `episodeFiles`).
    private static func loadFolder(_ directory: String, files: [String], transcripts: Bool, cache useCache: Bool,
                                   after partial: Corpus?, environment: [String: String],
                                   progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
                                   isCancelled: (@Sendable () -> Bool)?) throws -> Corpus {
        let overridesPath = (directory as NSString).appendingPathComponent(SpeakerOverrides.fileName)
        let paths = files.map { (directory as NSString).appendingPathComponent($0) }
        // With the cache, every file's stamp is taken first: if none changed, the last
        // listing of this corpus is the answer (see `CorpusSnapshot`).
        let place = useCache ? SummaryCache.place(for: directory, environment: environment) : (path: nil, problem: nil)
        let summaries = place.path
        var snapshot: (key: CorpusSnapshot.Key, path: String)?
        if !transcripts, let program = SummaryCache.program, let summaries {
            let stamps = Concurrently.map(paths.count) { SummaryCache.Stamp(path: paths[$0]) }
            if !stamps.contains(nil) {
                let key = CorpusSnapshot.Key(program: program, overrides: SummaryCache.Stamp(path: overridesPath),
                                             names: files, stamps: stamps.map { $0! })
                snapshot = (key, CorpusSnapshot.location(summaries: summaries))
            }
        }
        let (overrides, diagnostics) = readOverrides(overridesPath)
        if let snapshot, let files = CorpusSnapshot.load(path: snapshot.path, key: snapshot.key, directory: directory) {
            var corpus = assemble(files, directory: directory, diagnostics: diagnostics, overrides: overrides)
            corpus.cacheProblem = place.problem
            corpus.fromCache = files.count
            corpus.fromSnapshot = true
            corpus.cacheLocation = summaries
            return corpus
        }

        var cache = useCache ? SummaryCache(directory: directory, environment: environment) : nil
        var fromCache = 0
        var steady = true
        var episodes = readAll(files, in: directory, transcripts: transcripts, cache: &cache, stamps: snapshot?.key.stamps,
                               partial: partial, fromCache: &fromCache, steady: &steady, progress: progress,
                               isCancelled: isCancelled)
        // Stopped part-way: nothing read is worth keeping (the cache is not written either).
        if isCancelled?() == true { return Corpus(directory: directory, episodes: []) }
        if var cache {
            cache.keep(only: Set(files))
            cache.save()
        }
        SpeakerResolver.resolve(&episodes, overrides: overrides)
        if let snapshot, steady, snapshot.key.overrides == SummaryCache.Stamp(path: overridesPath) {
            CorpusSnapshot.save(episodes, key: snapshot.key, path: snapshot.path)
        }
        var corpus = assemble(episodes, directory: directory, diagnostics: diagnostics, overrides: overrides, holding: transcripts)
        corpus.cacheProblem = place.problem
        corpus.fromCache = fromCache
        corpus.cacheLocation = summaries
        return corpus
    }

    /// The corpus of the files read: one episode per name (see `EpisodeGroups`), checked
    /// across episodes; files that are not transcripts leave their diagnostics. `holding`:
    /// the files were read whole, and the corpus keeps them.
    static func assemble(_ files: [Episode], directory: String, diagnostics: [Diagnostic], overrides: SpeakerOverrides,
                         holding: Bool = false) -> Corpus {
        var (episodes, skipped) = EpisodeGroups.apply(files)
        CorpusChecks.run(&episodes)
        return holding
            ? Corpus(directory: directory, transcripts: episodes, diagnostics: diagnostics + skipped, overrides: overrides)
            : Corpus(directory: directory, episodes: episodes.map(\.summary), diagnostics: diagnostics + skipped, overrides: overrides)
    }

    /// `speakers.yaml`, if there is one, and what is wrong with it.
    static func readOverrides(_ path: String) -> (SpeakerOverrides, [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: path) else { return (SpeakerOverrides(), []) }
        let overrides = SpeakerOverrides(fileAt: path)
        return (overrides, overrides.diagnostics)
    }

    /// The episode pages of `directory`, sorted by name.
    static func episodeFiles(in directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw CorpusError.notADirectory(directory)
        }
        guard isDirectory.boolValue else { throw CorpusError.aFile(directory) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw CorpusError.unreadable(directory, EpisodeParser.reason(error))
        }
        return names.filter { name in
            !name.hasPrefix(".") && name != "README.md" && TranscriptFile.isCandidate(name)
        }.sorted()
    }

    /// Every episode's front matter only, on every core: a first list of a large corpus
    /// while its transcripts are still to be read (`Corpus.isPartial`; speakers, counts and
    /// durations come with the full load).
    public static func loadFrontMatter(directory: String, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                                       isCancelled: (@Sendable () -> Bool)? = nil) throws -> Corpus {
        let files = try episodeFiles(in: directory)
        let shows = showFolders(in: directory)
        if !shows.isEmpty {
            return try loadLibrary(directory, shows: shows, ownFiles: files, progress: progress, isCancelled: isCancelled) {
                try loadFrontMatter($0, files: $1, progress: $2, isCancelled: isCancelled)
            }
        }
        return try loadFrontMatter(directory, files: files, progress: progress, isCancelled: isCancelled)
    }

    private static func loadFrontMatter(_ directory: String, files: [String], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
                                        isCancelled: (@Sendable () -> Bool)?) throws -> Corpus {
        // A name in several formats is read in full now, to choose between them as the full load will.
        let stems = Dictionary(files.map { (TranscriptFile.stem(of: $0), 1) }, uniquingKeysWith: +)
        let counter = ProgressCounter()
        let read = Concurrently.map(files.count) { index -> (Episode, SummaryCache.Stamp?) in
            if isCancelled?() == true { return (Episode(file: ""), nil) }
            let path = (directory as NSString).appendingPathComponent(files[index])
            let stamp = SummaryCache.Stamp(path: path)
            let (episode, reusable) = stems[TranscriptFile.stem(of: files[index])] == 1
                ? EpisodeParser.parseFrontMatter(fileAt: path) : (Episode(summary: EpisodeParser.parse(fileAt: path).summary), false)
            progress?(counter.increment(), files.count)
            // Reused later only if the file did not change while it was read.
            return (episode, reusable && stamp != nil && stamp == SummaryCache.Stamp(path: path) ? stamp : nil)
        }
        if isCancelled?() == true { return Corpus(directory: directory, episodes: []) }
        let (overrides, diagnostics) = readOverrides((directory as NSString).appendingPathComponent(SpeakerOverrides.fileName))
        var corpus = assemble(read.map(\.0), directory: directory, diagnostics: diagnostics, overrides: overrides)
        corpus.isPartial = true
        for (episode, stamp) in read { if let stamp { corpus.frontMatterStamps[episode.file] = (episode, stamp) } }
        return corpus
    }

    /// A single file read on its own (e.g. `podread show path/to/file.vtt`); no episode
    /// when it is not a transcript (its diagnostics say why).
    public static func load(file: String) -> Corpus {
        var episodes = [EpisodeParser.parse(fileAt: file)]
        SpeakerResolver.resolve(&episodes)
        return assemble(episodes, directory: (file as NSString).deletingLastPathComponent, diagnostics: [],
                        overrides: SpeakerOverrides(), holding: true)
    }

    /// Parses files on every core, or takes them from the cache; results keep the order of `files`.
    /// `stamps`, when given, were taken just before; `steady` turns false when a file was
    /// found changed after it was read.
    static func readAll(_ files: [String], in directory: String, transcripts: Bool, cache: inout SummaryCache?,
                        stamps: [SummaryCache.Stamp]? = nil, partial: Corpus? = nil, fromCache: inout Int, steady: inout Bool,
                        progress: (@Sendable (Int, Int) -> Void)? = nil,
                        isCancelled: (@Sendable () -> Bool)? = nil) -> [Episode] {
        let counter = ProgressCounter()
        let known = cache
        /// An episode, the stamp to cache it under when it was parsed, and whether it came from the cache.
        let read = Concurrently.map(files.count) { index -> (Episode, SummaryCache.Stamp?, Bool) in
            if isCancelled?() == true { return (Episode(file: ""), nil, false) }
            let path = (directory as NSString).appendingPathComponent(files[index])
            let stamp = known == nil && partial == nil ? nil : stamps?[index] ?? SummaryCache.Stamp(path: path)
            var result: (Episode, SummaryCache.Stamp?, Bool)
            if !transcripts, let summary = known?.summary(for: files[index], path: path, stamp: stamp) {
                result = (summary, nil, true)
            } else {
                var episode: Episode
                if let partial, let known = partial.frontMatter(of: path, stamp: stamp) {
                    episode = EpisodeParser.parse(fileAt: path, frontMatter: known)
                } else {
                    episode = EpisodeParser.parse(fileAt: path)
                }
                if !transcripts { episode = Episode(summary: episode.summary) }
                // A file that changed while being read must not be cached under either stamp.
                let settled = stamp != nil && stamp == SummaryCache.Stamp(path: path)
                result = (episode, settled ? stamp : nil, false)
            }
            let done = counter.increment()
            progress?(done, files.count)
            return result
        }
        fromCache = read.count { $0.2 }
        steady = read.allSatisfy { $0.2 || $0.1 != nil }
        let episodes = read.map(\.0)
        if cache != nil {
            for (index, entry) in read.enumerated() {
                if let stamp = entry.1 { cache?.store(episodes[index], name: files[index], stamp: stamp) }
            }
        }
        return episodes
    }
}

/// Checks that need several episodes: duplicate numbers and ids, related ids that name nothing.
enum CorpusChecks {
    static func run(_ episodes: inout [Episode]) {
        var byNumber: [Int: Int] = [:]
        var byID: [String: Int] = [:]
        for index in episodes.indices {
            let episode = episodes[index]
            if let number = episode.number {
                if let other = byNumber[number] {
                    episodes[index].diagnostics.append(Diagnostic(file: episode.file, line: 1, severity: .warning,
                        message: "episode number \(number) is also used by \(episodes[other].file)"))
                } else {
                    byNumber[number] = index
                }
            }
            if let other = byID[episode.id] {
                episodes[index].diagnostics.append(Diagnostic(file: episode.file, line: 1, severity: .warning,
                    message: "episode id '\(episode.id)' is also used by \(episodes[other].file)"))
            } else {
                byID[episode.id] = index
            }
        }
        for index in episodes.indices {
            for id in episodes[index].related where byID[id] == nil {
                let line = episodes[index].relatedLines[id] ?? 1
                episodes[index].diagnostics.append(Diagnostic(file: episodes[index].file, line: line, severity: .warning,
                    message: "related episode '\(id)' is not the episode_id of any episode in this folder"))
            }
        }
    }
}
