import GRDB

extension SearchIndex {
    /// One utterance that matches: its episode's file, position, time, speaker, and a
    /// snippet with the matches between `highlight` marks.
    public struct Hit: Equatable, Sendable {
        public var file: String
        public var position: Int
        public var start: Double
        public var speaker: String
        public var snippet: String
    }

    public enum Order: Sendable { case relevance, time }

    /// Marks around each match in a snippet, STX and ETX: the caller splits on them before
    /// the text goes through `OutputText` (a file's own STX only misplaces a highlight).
    public static let highlight = (open: "\u{2}", close: "\u{3}")

    /// Streams the utterances matching `query`, best first (BM25) or by episode and time,
    /// at most `limit`; `each` returns false to stop. Memory does not grow with the results.
    public func search(_ query: IndexQuery, order: Order = .relevance, limit: Int? = nil,
                       each: (Hit) throws -> Bool) throws {
        let orderBy = order == .relevance ? "rank" : "f.path, s.position"
        let sql = """
            SELECT f.path, s.position, s.start, s.speaker,
                   snippet(utterance, 0, '\(Self.highlight.open)', '\(Self.highlight.close)', '…', 24)
            FROM utterance JOIN spoken s ON s.id = utterance.rowid JOIN file f ON f.id = s.file
            WHERE utterance MATCH ? ORDER BY \(orderBy) LIMIT ?
            """
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: [query.match, limit ?? -1])
            while let row = try rows.next() {
                let hit = Hit(file: row[0], position: row[1], start: row[2], speaker: row[3], snippet: row[4])
                if try !each(hit) { break }
            }
        }
    }
}
