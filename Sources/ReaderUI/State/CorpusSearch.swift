/// A search of every episode, under way: the program brings the search index up to date
/// and queries it off the main loop while the reader stays live.
public struct CorpusSearch: Equatable, Sendable {
    /// Tells one search from the next, so late reports of a replaced one are ignored.
    public var id: Int
    /// As typed; the program reads it as `podread search` reads its words.
    public var text: String
    /// The most results to show, best first.
    public var limit: Int
    /// Changed episodes indexed so far, and how many there are (0 of 0: the index was current).
    public var indexed = 0
    public var toIndex = 0

    /// Results the reader shows of one search: enough to scroll, not every one of a common word.
    public static let mostResults = 1000
}
