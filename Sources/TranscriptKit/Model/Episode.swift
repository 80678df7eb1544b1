/// One episode read whole: its summary (front matter, speakers, counts, diagnostics), its
/// transcript, and the text around it (description, notes, points, links, preamble).
/// The summary's fields read and write through the episode (`episode.title`).
@dynamicMemberLookup
public struct Episode: Sendable {
    public var summary: EpisodeSummary
    public var description = ""
    public var notes = ""
    public var points: [String] = []
    public var links: [Link] = []
    public var sections: [Section] = []
    public var utterances: [Utterance] = []
    /// Text before the first utterance that is not a heading (kept, never dropped).
    public var preamble: [String] = []
    /// What a chapters file holds (its reading is `.chapters`).
    var chapters: [JSONTranscriptReader.Chapter] = []

    public init(file: String) {
        summary = EpisodeSummary(file: file)
    }

    /// An episode known only by its summary, its transcript not read.
    init(summary: EpisodeSummary) {
        self.summary = summary
    }

    @inlinable public subscript<T>(dynamicMember path: WritableKeyPath<EpisodeSummary, T>) -> T {
        get { summary[keyPath: path] }
        set { summary[keyPath: path] = newValue }
    }

    @inlinable public subscript<T>(dynamicMember path: KeyPath<EpisodeSummary, T>) -> T {
        summary[keyPath: path]
    }

    public func speaker(of utterance: Utterance) -> Speaker { summary.speakers[utterance.speakerIndex] }

    /// Number of utterances per speaker index.
    public var utteranceCounts: [Int] {
        if summary.evidence.utteranceCounts.count == summary.speakers.count { return summary.evidence.utteranceCounts }
        var counts = Array(repeating: 0, count: summary.speakers.count)
        for u in utterances { counts[u.speakerIndex] += 1 }
        return counts
    }

    public var utteranceCount: Int { utterances.count }

    /// Makes the evidence (and so the counts) from the transcript when it does not match the
    /// speakers: an episode assembled in code, or edited.
    mutating func refreshEvidence() {
        guard !utterances.isEmpty, summary.evidence.utteranceCounts.count != summary.speakers.count else { return }
        summary.evidence = SpeakerEvidence(of: self)
    }

    /// The front matter fields of `other` and their diagnostics (after this episode's own).
    mutating func takeFrontMatter(of other: Episode) {
        summary.id = other.id
        summary.number = other.number
        summary.title = other.title
        summary.hosts = other.hosts
        summary.guests = other.guests
        summary.video = other.video
        summary.related = other.related
        summary.relatedLines = other.summary.relatedLines
        summary.date = other.date
        summary.media = other.media
        summary.people = other.people
        summary.diagnostics += other.diagnostics
        description = other.description
        notes = other.notes
        points = other.points
        links = other.links
    }
}
