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
    /// `Corpus.transcript(of:)` reads one whole when it is needed. Then, with `memory`,
    /// unchanged files are not read at all, and a folder where nothing changed is not even
    /// resolved again. `partial`, a `loadFrontMatter` of the same folder, saves reading
    /// front matter again (for files unchanged since).
    public static func load(directory: String, transcripts: Bool = true, memory: CorpusMemory? = nil,
                            after partial: Corpus? = nil,
                            progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                            isCancelled: (@Sendable () -> Bool)? = nil) throws -> Corpus {
        let listing = try FolderListing(directory)
        let shows = listing.showFolders
        let memory = transcripts ? nil : memory
        if !shows.isEmpty {
            return try loadLibrary(listing, shows: shows, progress: progress, isCancelled: isCancelled) {
                try loadFolder($0, transcripts: transcripts, memory: memory, after: partial, progress: $1, isCancelled: isCancelled)
            }
        }
        return try loadFolder(listing, transcripts: transcripts, memory: memory, after: partial,
                              progress: progress, isCancelled: isCancelled)
    }

    /// `load` of one folder of episodes.
    private static func loadFolder(_ listing: FolderListing, transcripts: Bool, memory: CorpusMemory?,
                                   after partial: Corpus?,
                                   progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
                                   isCancelled: (@Sendable () -> Bool)?) throws -> Corpus {
        let directory = listing.directory, files = listing.episodeFiles
        let overridesPath = (directory as NSString).appendingPathComponent(SpeakerOverrides.fileName)
        let paths = listing.episodePaths
        // With a memory, every file's stamp is taken first: if none changed, the folder's
        // summaries as last resolved are the answer.
        var stamps: [FileStamp?]?
        var state: String?
        let overridesStamp = FileStamp(path: overridesPath)
        if memory != nil {
            let taken = listing.episodeStamps()
            stamps = taken
            state = folderState(names: files, stamps: taken, overrides: overridesStamp)
        }
        let (overrides, diagnostics) = readOverrides(overridesPath)
        if let memory, let state, let kept = memory.resolvedSummaries(of: directory, state: state), kept.count == files.count {
            var corpus = assemble(kept.map(Episode.init(summary:)), directory: directory, diagnostics: diagnostics, overrides: overrides)
            corpus.fromCache = kept.count
            corpus.resolvedFromCache = true
            return corpus
        }

        var fromCache = 0
        var steady = true
        var episodes = readAll(paths, of: directory, transcripts: transcripts, memory: memory, stamps: stamps, partial: partial,
                               fromCache: &fromCache, steady: &steady, progress: progress, isCancelled: isCancelled)
        // Stopped part-way: nothing read is worth keeping.
        if isCancelled?() == true { return Corpus(directory: directory, episodes: []) }
        SpeakerResolver.resolve(&episodes, overrides: overrides)
        if let memory, let state, steady, overridesStamp == FileStamp(path: overridesPath) {
            memory.keepResolved(episodes.map(\.summary), of: directory, state: state)
        }
        var corpus = assemble(episodes, directory: directory, diagnostics: diagnostics, overrides: overrides, holding: transcripts)
        corpus.fromCache = fromCache
        return corpus
    }

    /// What a folder's resolved summaries depend on, as one text: the podread executable,
    /// `speakers.yaml`, and every file's name and stamp. Nil when a stamp is missing or too
    /// recent to be trusted (`FileStamp.isSettled`).
    static func folderState(names: [String], stamps: [FileStamp?], overrides: FileStamp?) -> String? {
        guard let program = FileStamp.program, overrides?.isSettled ?? true else { return nil }
        var text = "podread " + program.text + "\nspeakers " + (overrides?.text ?? "none") + "\n"
        for (name, stamp) in zip(names, stamps) {
            guard let stamp, stamp.isSettled else { return nil }
            text += name + "\t" + stamp.text + "\n"
        }
        return text
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
    static func episodeFiles(in directory: String) throws -> [String] { try FolderListing(directory).episodeFiles }

    /// Every episode's front matter only, on every core: a first list of a large corpus
    /// while its transcripts are still to be read (`Corpus.isPartial`; speakers, counts and
    /// durations come with the full load).
    public static func loadFrontMatter(directory: String, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                                       isCancelled: (@Sendable () -> Bool)? = nil) throws -> Corpus {
        let listing = try FolderListing(directory)
        let shows = listing.showFolders
        if !shows.isEmpty {
            return try loadLibrary(listing, shows: shows, progress: progress, isCancelled: isCancelled) {
                try loadFrontMatter($0, progress: $1, isCancelled: isCancelled)
            }
        }
        return try loadFrontMatter(listing, progress: progress, isCancelled: isCancelled)
    }

    private static func loadFrontMatter(_ listing: FolderListing, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
                                        isCancelled: (@Sendable () -> Bool)?) throws -> Corpus {
        let directory = listing.directory, files = listing.episodeFiles
        // A name in several formats is read in full now, to choose between them as the full load will.
        let stems = Dictionary(files.map { (TranscriptFile.stem(of: $0), 1) }, uniquingKeysWith: +)
        let counter = ProgressCounter()
        let read = Concurrently.map(files.count) { index -> (Episode, FileStamp?) in
            if isCancelled?() == true { return (Episode(file: ""), nil) }
            let path = (directory as NSString).appendingPathComponent(files[index])
            let stamp = FileStamp(path: path)
            let (episode, reusable) = stems[TranscriptFile.stem(of: files[index])] == 1
                ? EpisodeParser.parseFrontMatter(fileAt: path) : (Episode(summary: EpisodeParser.parse(fileAt: path).summary), false)
            progress?(counter.increment(), files.count)
            // Reused later only if the file did not change while it was read.
            return (episode, reusable && stamp != nil && stamp == FileStamp(path: path) ? stamp : nil)
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

    /// Parses files on every core, or takes their summaries from `memory`; results keep the
    /// order of `paths` (`folder`'s files). `stamps`, when given, were taken just before; `steady` turns false
    /// when a file was found changed after it was read.
    static func readAll(_ paths: [String], of folder: String, transcripts: Bool, memory: CorpusMemory?, stamps: [FileStamp?]? = nil,
                        partial: Corpus? = nil, fromCache: inout Int, steady: inout Bool,
                        progress: (@Sendable (Int, Int) -> Void)? = nil,
                        isCancelled: (@Sendable () -> Bool)? = nil) -> [Episode] {
        let counter = ProgressCounter()
        // With a memory, the stamps were always taken first (`loadFolder`).
        let kept = memory.flatMap { memory in stamps.map { memory.parsedSummaries(of: paths, in: folder, stamps: $0) } }
        /// An episode, the stamp to keep it under when it was parsed, and whether it was kept.
        let read = Concurrently.map(paths.count) { index -> (Episode, FileStamp?, Bool) in
            if isCancelled?() == true { return (Episode(file: ""), nil, false) }
            let path = paths[index]
            var result: (Episode, FileStamp?, Bool)
            if !transcripts, let summary = kept?[index] {
                result = (Episode(summary: summary), nil, true)
            } else {
                let stamp = memory == nil && partial == nil ? nil : stamps?[index] ?? FileStamp(path: path)
                var episode: Episode
                if let partial, let known = partial.frontMatter(of: path, stamp: stamp) {
                    episode = EpisodeParser.parse(fileAt: path, frontMatter: known)
                } else {
                    episode = EpisodeParser.parse(fileAt: path)
                }
                if !transcripts { episode = Episode(summary: episode.summary) }
                // A file that changed while being read must not be kept under either stamp.
                let settled = stamp != nil && stamp == FileStamp(path: path)
                result = (episode, settled ? stamp : nil, false)
            }
            progress?(counter.increment(), paths.count)
            return result
        }
        fromCache = read.count { $0.2 }
        steady = read.allSatisfy { $0.2 || $0.1 != nil }
        if let memory {
            let fresh = zip(paths, read).compactMap { path, entry in
                entry.1.flatMap { $0.isSettled ? (path: path, stamp: $0, summary: entry.0.summary) : nil }
            }
            memory.keepParsed(fresh, folder: folder, paths: paths)
        }
        return read.map(\.0)
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
