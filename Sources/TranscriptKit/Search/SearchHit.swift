/// One utterance that a search of every episode found, with what the results show of it,
/// so they can be shown without any transcript in memory.
public struct SearchHit: Sendable, Equatable {
    /// Index into the corpus's episodes.
    public var episode: Int
    /// Index into the episode's utterances.
    public var utterance: Int
    /// Where the first match is spoken: its cue's start, else the utterance's.
    public var start: Double
    public var speaker: Speaker
    /// The utterance's text, paragraphs apart by a blank line.
    public var text: String
    /// Each match, in characters of `text`.
    public var matches: [Range<Int>]

    public init(episode: Int, utterance: Int, start: Double, speaker: Speaker, text: String, matches: [Range<Int>]) {
        self.episode = episode
        self.utterance = utterance
        self.start = start
        self.speaker = speaker
        self.text = text
        self.matches = matches
    }

    /// The text of the first match, as the utterance has it.
    public var firstMatch: String? {
        guard let range = matches.first, range.lowerBound >= 0, range.upperBound <= text.count else { return nil }
        let start = text.index(text.startIndex, offsetBy: range.lowerBound)
        return String(text[start..<text.index(start, offsetBy: range.count)])
    }
}
