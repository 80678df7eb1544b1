import Foundation

/// All the episodes of one folder, with speakers resolved across them: a summary of each,
/// and each transcript read when it is asked for (`transcript(of:)`).
public struct Corpus: Sendable {
    public var directory: String
    public var episodes: [EpisodeSummary]
    /// Problems that belong to no single episode (unreadable folder entries, duplicates, bad speakers.yaml).
    public var diagnostics: [Diagnostic]

    /// How many files' summaries came from a `CorpusMemory` instead of being read.
    public internal(set) var fromCache = 0
    /// True for front matter only (see `CorpusLoader.loadFrontMatter`): no speakers yet.
    public internal(set) var isPartial = false
    /// For a partial corpus: each file's front matter and the stamp it had when it was read,
    /// for those that can be reused (see `frontMatter(of:stamp:)`).
    var frontMatterStamps: [String: (episode: Episode, stamp: FileStamp)] = [:]
    /// True when nothing changed since a `CorpusMemory` kept the corpus resolved: no file
    /// was read, nor any speaker resolved.
    public internal(set) var resolvedFromCache = false
    /// Why what was kept of the corpus could not be used, for a message.
    public var cacheProblem: String?
    /// Speaker names set in `speakers.yaml`, for episodes resolved after loading.
    let overrides: SpeakerOverrides
    /// Whole episodes the corpus was made of or loaded with, by file: given by
    /// `transcript(of:)` without reading the file again.
    var held: [String: Episode] = [:]
    /// In a library (see `CorpusLoader.showFolders(in:)`), each show's `show.yaml`, by the
    /// folder its episodes give as `show`.
    public internal(set) var shows: [String: ShowInfo] = [:]
    /// Each show's `speakers.yaml`, by folder.
    var showOverrides: [String: SpeakerOverrides] = [:]

    public init(directory: String, episodes: [EpisodeSummary], diagnostics: [Diagnostic] = [],
                overrides: SpeakerOverrides = SpeakerOverrides(), shows: [String: ShowInfo] = [:]) {
        self.directory = directory
        self.episodes = episodes
        self.diagnostics = diagnostics
        self.overrides = overrides
        self.shows = shows
    }

    /// A corpus of whole episodes (read, or made in memory), which it holds.
    public init(directory: String, transcripts: [Episode], diagnostics: [Diagnostic] = [],
                overrides: SpeakerOverrides = SpeakerOverrides()) {
        let whole = transcripts.map { episode in
            var episode = episode
            episode.refreshEvidence()
            return episode
        }
        self.init(directory: directory, episodes: whole.map(\.summary), diagnostics: diagnostics, overrides: overrides)
        held = Dictionary(whole.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Episode `index` whole: its transcript, notes and points, with the speakers and
    /// diagnostics the corpus gave it; read now unless the corpus holds it.
    public func transcript(of index: Int) -> Episode {
        if let episode = heldTranscript(of: index) { return episode }
        let summary = episodes[index]
        var episode = EpisodeParser.parse(fileAt: summary.file)
        episode.otherFiles = summary.otherFiles
        episode.chaptersFile = summary.chaptersFile
        episode.show = summary.show
        if let chapters = summary.chaptersFile { Chapters.attach(Chapters.read(chapters), to: &episode) }
        if episode.speakers.map(\.tag) == summary.speakers.map(\.tag) {
            episode.speakers = summary.speakers
            episode.diagnostics = summary.diagnostics
        } else {
            // The file changed since the corpus was loaded: resolve it with its show's rules.
            let show = episodes.indices.filter { episodes[$0].show == summary.show }
            var all = show.map { episodes[$0] }.map(Episode.init(summary:))
            let position = show.firstIndex(of: index)!
            all[position] = episode
            SpeakerResolver.resolve(&all, overrides: summary.show.flatMap { showOverrides[$0] } ?? overrides)
            episode = all[position]
        }
        return episode
    }

    /// The front matter read for the file at `path`, if it still has `stamp`.
    func frontMatter(of path: String, stamp: FileStamp?) -> Episode? {
        guard isPartial, let stamp, let known = frontMatterStamps[path], known.stamp == stamp else { return nil }
        return known.episode
    }

    /// Episode `index` whole if the corpus holds it (see `init(directory:transcripts:)`);
    /// nil when it would have to be read.
    public func heldTranscript(of index: Int) -> Episode? {
        guard var episode = held[episodes[index].file] else { return nil }
        episode.summary = episodes[index]
        return episode
    }

    /// The show of `episode` in a library.
    public func show(of episode: EpisodeSummary) -> ShowInfo? { episode.show.flatMap { shows[$0] } }

    /// Every transcript, read on every core (those the corpus holds are not read again).
    public func transcripts() -> [Episode] {
        Concurrently.map(episodes.count) { transcript(of: $0) }
    }

    /// Every diagnostic, episode by episode in file order, then line order.
    public var allDiagnostics: [Diagnostic] {
        (diagnostics + episodes.flatMap(\.diagnostics)).sorted {
            ($0.file, $0.line) < ($1.file, $1.line)
        }
    }

    /// Finds an episode by number (`9`), id, file name with or without `.md`, or path.
    public func episode(matching reference: String) -> EpisodeSummary? {
        index(matching: reference).map { episodes[$0] }
    }

    /// The index of `episode(matching:)`: a number, an id, a file name (with any extension
    /// of its formats, or none), or a path.
    public func index(matching reference: String) -> Int? {
        let ref = reference.trimmedSpaces
        if let number = Int(ref), let hit = episodes.firstIndex(where: { $0.number == number }) { return hit }
        if let hit = episodes.firstIndex(where: { $0.id == ref }) { return hit }
        let name = (ref as NSString).lastPathComponent
        let files = { (episode: EpisodeSummary) in [episode.file] + episode.otherFiles }
        if let hit = episodes.firstIndex(where: { files($0).contains { ($0 as NSString).lastPathComponent == name } }) { return hit }
        if let hit = episodes.firstIndex(where: { TranscriptFile.stem(of: $0.file) == name }) { return hit }
        let standardized = URL(fileURLWithPath: ref).standardizedFileURL.path
        return episodes.firstIndex { files($0).contains { URL(fileURLWithPath: $0).standardizedFileURL.path == standardized } }
    }
}
