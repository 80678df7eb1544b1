/// One timestamped, speaker-tagged turn of the transcript with all of its paragraphs.
public struct Utterance: Hashable, Sendable {
    /// Seconds from the start of the episode.
    public var start: Double
    /// The timestamp exactly as written, e.g. `0:00:08.7`; empty when the file gave none.
    public var timestamp: String
    /// The speaker tag exactly as written (`BL ` included), empty when there was none.
    public var tag: String
    /// Index into the episode's `speakers`.
    public var speakerIndex: Int
    public var paragraphs: [String]
    /// Index into the episode's `sections`, nil before the first section marker.
    public var sectionIndex: Int?
    /// 1-based line of the timestamp in the file.
    public var line: Int
    /// The timed pieces the file gave, in order; empty when the utterance is one untimed
    /// block or one timestamp (an episode page).
    public var cues: [Cue] = []

    public init(start: Double, timestamp: String, tag: String, speakerIndex: Int,
                paragraphs: [String], sectionIndex: Int?, line: Int) {
        self.start = start
        self.timestamp = timestamp
        self.tag = tag
        self.speakerIndex = speakerIndex
        self.paragraphs = paragraphs
        self.sectionIndex = sectionIndex
        self.line = line
    }

    public var text: String { paragraphs.joined(separator: "\n\n") }
}

/// A section marker such as `[INTRODUCTION]` or `[END OF EPISODE]`.
public struct Section: Hashable, Sendable, Codable {
    public var title: String
    public var line: Int
    /// Index of the first utterance after the marker (== count when none follows).
    public var firstUtterance: Int
}
