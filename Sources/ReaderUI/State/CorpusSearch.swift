import TranscriptKit

/// A search of every episode, under way. Reading thousands of transcripts takes seconds, so
/// the program runs it off the main loop while the reader stays live.
public struct CorpusSearch: Equatable, Sendable {
    /// Tells one search from the next, so late reports of a stopped one are ignored.
    public var id: Int
    public var query: SearchQuery
    /// As typed, for messages.
    public var text: String
    public var done = 0
    public var total: Int
}
