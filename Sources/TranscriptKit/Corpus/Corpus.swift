import Foundation

/// All the episodes of one folder, parsed, with speakers resolved across them.
public struct Corpus: Sendable {
    public var directory: String
    public var episodes: [Episode]
    /// Problems that belong to no single episode (unreadable folder entries, duplicates, bad speakers.yaml).
    public var diagnostics: [Diagnostic]

    /// How many episodes came from the summary cache instead of being read.
    public internal(set) var fromCache = 0
    /// True for front matter only (see `CorpusLoader.loadFrontMatter`): no speakers yet.
    public internal(set) var isPartial = false
    /// For a partial corpus: each file's front matter and the stamp it had when it was read,
    /// for those that can be reused (see `frontMatter(of:stamp:)`).
    var frontMatterStamps: [String: (episode: Episode, stamp: SummaryCache.Stamp)] = [:]
    /// True when the whole corpus came from its snapshot (see `CorpusSnapshot`).
    public internal(set) var fromSnapshot = false
    /// The summary cache's file when the corpus was loaded with the cache; search keeps its
    /// trigram filters beside it.
    var cacheLocation: String?
    /// Why the cache could not be used, for a message (its folder is not private).
    public internal(set) var cacheProblem: String?
    /// Speaker names set in `speakers.yaml`, for episodes resolved after loading.
    let overrides: SpeakerOverrides

    public init(directory: String, episodes: [Episode], diagnostics: [Diagnostic] = [],
                overrides: SpeakerOverrides = SpeakerOverrides()) {
        self.directory = directory
        self.episodes = episodes
        self.diagnostics = diagnostics
        self.overrides = overrides
    }

    /// Episode `index` with its transcript, notes and points: read now if it is a summary,
    /// with the speakers and diagnostics the corpus gave it.
    public func transcript(of index: Int) -> Episode {
        let summary = episodes[index]
        if summary.hasTranscript { return summary }
        var episode = EpisodeParser.parse(fileAt: summary.file)
        episode.otherFiles = summary.otherFiles
        episode.chaptersFile = summary.chaptersFile
        if let chapters = summary.chaptersFile { Chapters.attach(Chapters.read(chapters), to: &episode) }
        if episode.speakers.map(\.tag) == summary.speakers.map(\.tag) {
            episode.speakers = summary.speakers
            episode.diagnostics = summary.diagnostics
        } else {
            // The file changed since the corpus was loaded: resolve it with the corpus's rules.
            var all = episodes
            all[index] = episode
            SpeakerResolver.resolve(&all, overrides: overrides)
            episode = all[index]
        }
        return episode
    }

    /// The front matter read for the file at `path`, if it still has `stamp`.
    func frontMatter(of path: String, stamp: SummaryCache.Stamp?) -> Episode? {
        guard isPartial, let stamp, let known = frontMatterStamps[path], known.stamp == stamp else { return nil }
        return known.episode
    }

    /// Replaces summaries with whole episodes (see `transcript(of:)`).
    public mutating func loadTranscript(of index: Int) {
        if !episodes[index].hasTranscript { episodes[index] = transcript(of: index) }
    }

    /// Every diagnostic, episode by episode in file order, then line order.
    public var allDiagnostics: [Diagnostic] {
        (diagnostics + episodes.flatMap(\.diagnostics)).sorted {
            ($0.file, $0.line) < ($1.file, $1.line)
        }
    }

    /// Finds an episode by number (`9`), id, file name with or without `.md`, or path.
    public func episode(matching reference: String) -> Episode? {
        index(matching: reference).map { episodes[$0] }
    }

    /// The index of `episode(matching:)`: a number, an id, a file name (with any extension
    /// of its formats, or none), or a path.
    public func index(matching reference: String) -> Int? {
        let ref = reference.trimmedSpaces
        if let number = Int(ref), let hit = episodes.firstIndex(where: { $0.number == number }) { return hit }
        if let hit = episodes.firstIndex(where: { $0.id == ref }) { return hit }
        let name = (ref as NSString).lastPathComponent
        let files = { (episode: Episode) in [episode.file] + episode.otherFiles }
        if let hit = episodes.firstIndex(where: { files($0).contains { ($0 as NSString).lastPathComponent == name } }) { return hit }
        if let hit = episodes.firstIndex(where: { TranscriptFile.stem(of: $0.file) == name }) { return hit }
        let standardized = URL(fileURLWithPath: ref).standardizedFileURL.path
        return episodes.firstIndex { files($0).contains { URL(fileURLWithPath: $0).standardizedFileURL.path == standardized } }
    }
}
