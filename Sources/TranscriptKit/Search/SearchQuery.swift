import Foundation

/// What `podread search` looks for: every word (or "quoted phrase") must be in the same
/// utterance; case-insensitive unless the query has a capital; accents never matter.
public struct SearchQuery: Equatable, Sendable {
    /// Words and phrases as typed.
    public let terms: [String]
    public let caseSensitive: Bool
    /// The terms folded, as they are looked for in folded text.
    let needles: [String]
    /// The terms folded case-insensitively, as trigram filters hold text: a case-sensitive
    /// match is a case-insensitive one too, so these rule files out for every query.
    let caselessNeedles: [String]

    /// A query of more words and phrases is refused: each is looked for in every utterance.
    public static let mostTerms = 64

    /// Each argument is split into words, except "quoted phrases"; an argument that holds
    /// spaces (the shell's quotes already removed) is a phrase. Nil when nothing is left, or
    /// more than `mostTerms` different ones.
    public init?(arguments: [String]) {
        var terms: [String] = []
        for argument in arguments {
            if !argument.contains("\""), arguments.count == 1, argument.contains(" ") {
                terms.append(argument.split(whereSeparator: \.isWhitespace).joined(separator: " "))
            } else {
                terms += Self.split(argument)
            }
        }
        self.init(terms: terms)
    }

    /// A query typed as one line (the reader's prompt): words, and "quoted phrases".
    public init?(typed text: String) {
        self.init(terms: Self.split(text))
    }

    private init?(terms: [String]) {
        var seen = Set<String>()
        let terms = terms.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !terms.isEmpty, terms.count <= Self.mostTerms else { return nil }
        let sensitive = terms.contains { SearchText.isCaseSensitive($0) }
        self.terms = terms
        caseSensitive = sensitive
        needles = terms.map { SearchText.fold($0, caseSensitive: sensitive) }
        caselessNeedles = sensitive ? terms.map { SearchText.fold($0, caseSensitive: false) } : needles
    }

    private static func split(_ text: String) -> [String] {
        var terms: [String] = []
        for (n, piece) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            if n % 2 == 1 {
                terms.append(piece.split(whereSeparator: \.isWhitespace).joined(separator: " "))
            } else {
                terms += piece.split(whereSeparator: \.isWhitespace).map(String.init)
            }
        }
        return terms.filter { !$0.isEmpty }
    }

    /// Whether every term is in the text.
    public func matches(_ text: String) -> Bool {
        let folded = SearchText.fold(text, caseSensitive: caseSensitive)
        return needles.allSatisfy { SearchText.contains($0, in: folded) }
    }

    /// Character ranges of every occurrence of every term, sorted, for highlighting.
    public func ranges(in text: String) -> [Range<Int>] {
        terms.flatMap { SearchText.ranges(of: $0, in: text, caseSensitive: caseSensitive) }
            .sorted { $0.lowerBound < $1.lowerBound }
    }
}

/// One utterance that matched, carried with its speaker, so results can be shown without
/// keeping every transcript of the corpus in memory.
public struct SearchHit: Sendable, Equatable {
    public var episode: Int
    public var utterance: Int
    public var found: Utterance
    public var speaker: Speaker

    public init(episode: Int, utterance: Int, found: Utterance, speaker: Speaker) {
        self.episode = episode
        self.utterance = utterance
        self.found = found
        self.speaker = speaker
    }
}

extension Corpus {
    /// Every utterance, in corpus order, that has all the query's terms, optionally only in
    /// one episode and only by some speakers (tags or names, as for `show`). Transcripts are
    /// read on every core, and only those of files that can match: files whose trigram
    /// filter rules the terms out are not read at all (corpora loaded with the cache),
    /// others when their raw bytes cannot hold the terms.
    public func search(_ query: SearchQuery, speakers: [String] = [], episode reference: String? = nil,
                       progress: (@Sendable (Int) -> Void)? = nil, isCancelled: (@Sendable () -> Bool)? = nil) -> [SearchHit] {
        let only = reference.map { self.episode(matching: $0)?.file }
        let indexes = episodes.indices.filter { only == nil || only! == episodes[$0].file }
        let index = cacheLocation.map { TrigramIndex(path: TrigramIndex.location(summaries: $0)) }
        let counter = ProgressCounter()
        let results = Concurrently.map(indexes.count) { slot -> (hits: [SearchHit], filter: (SummaryCache.Stamp, TrigramFilter)?) in
            if isCancelled?() == true { return ([], nil) }
            let found = self.search(query, speakers: speakers, inEpisode: indexes[slot], index: index)
            let done = counter.increment()
            progress?(done)
            return found
        }
        if var index, isCancelled?() != true {
            for (slot, result) in results.enumerated() {
                if let (stamp, filter) = result.filter { index.store(filter, name: Self.name(of: episodes[indexes[slot]]), stamp: stamp) }
            }
            index.keep(only: Set(episodes.map(Self.name)))
            index.save()
        }
        return results.flatMap(\.hits)
    }

    /// The file name (NSString's `lastPathComponent` took a tenth of a search).
    private static func name(of episode: EpisodeSummary) -> String {
        guard let slash = episode.file.utf8.lastIndex(of: UInt8(ascii: "/")) else { return episode.file }
        return String(episode.file[episode.file.index(after: slash)...])
    }

    /// The episode's hits, and a new trigram filter for it when it was read to make one.
    private func search(_ query: SearchQuery, speakers: [String], inEpisode e: Int,
                        index: TrigramIndex?) -> ([SearchHit], (SummaryCache.Stamp, TrigramFilter)?) {
        let summary = episodes[e]
        var stamp: SummaryCache.Stamp?
        var episode: Episode
        if let whole = heldTranscript(of: e) {
            episode = whole
        } else {
            if let index {
                stamp = SummaryCache.Stamp(path: summary.file)
                if let filter = index.filter(for: Self.name(of: summary), stamp: stamp) {
                    if !query.caselessNeedles.allSatisfy(filter.mayContain) { return ([], nil) }
                    stamp = nil
                }
            }
            // No filter to make: the raw bytes can rule the file out more cheaply than parsing it.
            if stamp == nil, !query.mayMatch(summary) { return ([], nil) }
            // The summary has the front matter and resolved speakers: read only the transcript.
            let read = summary.reading.format == .episodePage ? EpisodeParser.parseTranscript(fileAt: summary.file)
                : transcript(of: e)
            if read.speakers.map(\.tag) == summary.speakers.map(\.tag) {
                episode = Episode(summary: summary)
                episode.utterances = read.utterances
            } else {
                episode = transcript(of: e)
            }
        }
        // A filter is kept only if the file did not change while it was read.
        let made = stamp.flatMap { before in
            before == SummaryCache.Stamp(path: episode.file) ? (before, TrigramFilter(episode.utterances)) : nil
        }
        var allowed: Set<Int>?
        if !speakers.isEmpty {
            allowed = episode.speakerIndexes(matching: speakers).indexes
            if allowed?.isEmpty == true { return ([], made) }
        }
        var hits: [SearchHit] = []
        // Looked for only in an episode with a hit: most have none.
        var repeats: [Int: Int]?
        for (u, utterance) in episode.utterances.enumerated() {
            if let allowed, !allowed.contains(utterance.speakerIndex) { continue }
            if query.mayMatch(utterance.paragraphs), query.matches(utterance.text) {
                if repeats == nil { repeats = RepeatedUtterances.earlier(in: episode.utterances) }
                if repeats?[u] != nil { continue }   // found once, where it first is
                hits.append(SearchHit(episode: e, utterance: u, found: utterance, speaker: episode.speaker(of: utterance)))
            }
        }
        return (hits, made)
    }
}
