import TranscriptKit

/// Matches of a search over every episode (`F`), grouped by episode, to open one with
/// Enter; `n` and `N` then step through them across episodes.
public struct CorpusResults: Equatable, Sendable {
    public enum Row: Equatable, Sendable {
        /// An episode's heading, with how many of its utterances match.
        case episode(Int, count: Int)
        /// A hit (an index into `hits`).
        case hit(Int)
    }

    /// The search as typed.
    public var text: String
    /// The hits shown (the best, grouped by episode), and how many utterances match in all.
    public var hits: [SearchHit]
    public var total: Int
    public private(set) var rows: [Row] = []
    /// The cursor moves over rows, and rests on hits.
    public var list = ScrollList(cursor: 1)

    public init(text: String, hits: [SearchHit], total: Int) {
        self.text = text
        self.hits = hits
        self.total = max(total, hits.count)
        var start = 0
        while start < hits.count {
            var end = start
            while end < hits.count, hits[end].episode == hits[start].episode { end += 1 }
            rows.append(.episode(hits[start].episode, count: end - start))
            rows += (start..<end).map(Row.hit)
            start = end
        }
    }

    /// The hit under the cursor (on a heading: the episode's first).
    public var chosen: Int? {
        guard rows.indices.contains(list.cursor) else { return nil }
        switch rows[list.cursor] {
        case let .hit(index): return index
        case .episode: return rows.indices.contains(list.cursor + 1) ? Self.hit(rows[list.cursor + 1]) : nil
        }
    }

    private static func hit(_ row: Row) -> Int? {
        if case let .hit(index) = row { return index }
        return nil
    }

    /// Off a heading, in the direction the cursor moved.
    mutating func settle(from previous: Int, height: Int) {
        guard rows.indices.contains(list.cursor), Self.hit(rows[list.cursor]) == nil else { return }
        let down = list.cursor >= previous
        if down, list.cursor + 1 < rows.count {
            list.cursor += 1
        } else if list.cursor > 0 {
            list.cursor -= 1
        } else {
            list.cursor += 1
        }
        list.keepInView(count: rows.count, height: height)
        // The heading of the first episode stays in view above its first hit.
        if list.cursor == 1 { list.top = 0 }
    }
}

/// The results a hit was opened from, for `n` and `N` across episodes.
struct ResultsTrail: Equatable, Sendable {
    var results: CorpusResults
    var hit: Int
}
