import GRDB
import TranscriptKit

extension SearchIndex {
    /// One utterance that matches, with what a search prints of it.
    public struct Hit: Sendable {
        public var file: String
        /// The utterance's index in its episode.
        public var position: Int
        /// Where the first match is spoken: its cue's start, else the utterance's.
        public var start: Double
        public var timestamp: String
        public var tag: String
        /// Index into the episode's speakers.
        public var speaker: Int
        public var line: Int
        public var text: String
        /// Each match, in characters of `text`.
        public var matches: [Range<Int>]
        /// Each match, in UTF-8 bytes of `text`.
        public var matchBytes: [Range<Int>]
        /// The episode as the index stored it (`store`): file, id, number and title.
        public var episode: EpisodeSummary
        /// The speaker as stored; nil when the index has no such speaker.
        public var person: Speaker?
    }

    public enum Order: Sendable { case relevance, time }

    /// The files a search looks at, each with the speakers wanted in it (nil: all of them).
    public struct Scope: Sendable {
        public var files: [String: Set<Int>?]
        public init(files: [String: Set<Int>?]) { self.files = files }
    }

    /// Streams the utterances matching `query` in `scope` (nil: everywhere), best first
    /// (BM25) or in file and time order, at most `limit`; `each` returns false to stop.
    /// Memory does not grow with the number of results, and the scope and the limit are
    /// the database's work (so only the hits returned have their text marked up).
    public func search(_ query: IndexQuery, order: Order = .relevance, in scope: Scope? = nil, limit: Int? = nil,
                       each: (Hit) throws -> Bool) throws {
        let orderBy = order == .relevance ? "rank" : "f.path, s.position"
        try pool.read { db in
            let (condition, arguments) = try Self.condition(scope, in: db)
            // A query with capitals is checked here, after the database: it cannot count for it.
            let sqlLimit = query.caseSensitive ? -1 : (limit ?? -1)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT f.path, s.speaker, s.position, s.start, s.timestamp, s.tag, s.line, s.cues,
                       highlight(utterance, 0, '\(Highlight.open)', '\(Highlight.close)'),
                       e.id, e.number, e.title, p.tag, p.name, p.role, p.certain
                FROM utterance JOIN spoken s ON s.id = utterance.rowid JOIN file f ON f.id = s.file
                LEFT JOIN episode e ON e.path = f.path
                LEFT JOIN speaker p ON p.path = f.path AND p.position = s.speaker
                WHERE utterance MATCH ?\(condition) ORDER BY \(orderBy) LIMIT ?
                """, arguments: StatementArguments([query.match] + arguments + [sqlLimit]))
            var returned = 0
            while let row = try rows.next() {
                let (text, marked, markedBytes) = Highlight.split(row[8])
                guard query.accepts(text) else { continue }
                // FTS5 marks without case: with capitals, only the words that have them.
                let kept = query.caseSensitive ? markedBytes.indices.filter { query.keepsMark(Self.slice(text, markedBytes[$0])) }
                    : Array(markedBytes.indices)
                let chosen = kept.isEmpty ? Array(markedBytes.indices) : kept
                let matches = chosen.map { marked[$0] }, bytes = chosen.map { markedBytes[$0] }
                let start: Double = row[3]
                let cues = (row[7] as String?).map(CueOffsets.decode) ?? []
                var episode = EpisodeSummary(file: row[0])
                episode.id = row[9] ?? ""
                episode.number = row[10]
                episode.title = row[11] ?? ""
                let person = (row[12] as String?).map { tag in
                    Speaker(tag: tag, name: row[13] ?? tag, role: Speaker.Role(rawValue: row[14] ?? "") ?? .unknown,
                            isCertain: row[15] ?? false, reason: "")
                }
                let hit = Hit(file: row[0], position: row[2],
                              start: CueOffset.start(at: bytes.first?.lowerBound ?? 0, in: cues, otherwise: start),
                              timestamp: row[4], tag: row[5], speaker: row[1], line: row[6],
                              text: text, matches: matches, matchBytes: bytes, episode: episode, person: person)
                returned += 1
                if try !each(hit) || returned == limit { break }
            }
        }
    }

    private static func slice(_ text: String, _ bytes: Range<Int>) -> String {
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)])
    }

    /// How many utterances match in `scope`.
    public func count(_ query: IndexQuery, in scope: Scope? = nil) throws -> Int {
        if query.caseSensitive {
            var count = 0
            try search(query, order: .time, in: scope) { _ in count += 1; return true }
            return count
        }
        return try pool.read { db in
            // Every utterance has its `spoken` row: only a scope needs them read.
            guard scope != nil else {
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM utterance WHERE utterance MATCH ?",
                                        arguments: [query.match]) ?? 0
            }
            let (condition, arguments) = try Self.condition(scope, in: db)
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM utterance JOIN spoken s ON s.id = utterance.rowid
                WHERE utterance MATCH ?\(condition)
                """, arguments: StatementArguments([query.match] + arguments)) ?? 0
        }
    }

    /// The scope as SQL on `spoken s`: the files searched whole, and file-and-speaker pairs
    /// (as one number each: no episode has a million speakers, nor an index 9 × 10¹² files).
    private static func condition(_ scope: Scope?, in db: Database) throws -> (String, [DatabaseValueConvertible]) {
        guard let scope else { return ("", []) }
        var whole: [Int64] = [], pairs: [Int64] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, path FROM file")
        while let row = try rows.next() {
            guard let wanted = scope.files[row[1]] else { continue }
            let id: Int64 = row[0]
            if let speakers = wanted {
                pairs += speakers.filter { $0 >= 0 && $0 < 1_000_000 }.map { id * 1_000_000 + Int64($0) }
            } else {
                whole.append(id)
            }
        }
        func json(_ numbers: [Int64]) -> String { "[" + numbers.map(String.init).joined(separator: ",") + "]" }
        return ("""
             AND (s.file IN (SELECT value FROM json_each(?)) OR s.file * 1000000 + s.speaker IN (SELECT value FROM json_each(?)))
            """, [json(whole), json(pairs)])
    }
}

/// The marks FTS5's `highlight` puts around each match, STX and ETX; the indexed text has
/// none of its own (`clean`), so splitting on them is exact.
enum Highlight {
    static let open = "\u{2}", close = "\u{3}"

    /// The text as indexed: STX and ETX as spaces, and NUL (which SQLite's C strings would
    /// end the text at) as U+FFFD.
    static func clean(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 <= 3 }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.value {
            case 0: return "\u{FFFD}"
            case 2, 3: return " "
            default: return scalar
            }
        }))
    }

    /// The text without marks, and the marked ranges in characters and in UTF-8 bytes.
    /// Byte by byte: the marks are single bytes that no other UTF-8 sequence holds.
    static func split(_ marked: String) -> (text: String, matches: [Range<Int>], bytes: [Range<Int>]) {
        var marked = marked
        let (text, bytes) = marked.withUTF8 { buffer -> (String, [Range<Int>]) in
            var plain: [UInt8] = []
            plain.reserveCapacity(buffer.count)
            var bytes: [Range<Int>] = []
            var opened = 0
            for byte in buffer {
                switch byte {
                case 2: opened = plain.count
                case 3: bytes.append(opened..<plain.count)
                default: plain.append(byte)
                }
            }
            return (String(decoding: plain, as: UTF8.self), bytes)
        }
        // Characters counted between the marks only (no walk of the text after the last).
        let utf8 = text.utf8
        var matches: [Range<Int>] = []
        var at = text.startIndex, characters = 0
        for range in bytes {
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let upper = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
            characters += text.distance(from: at, to: lower)
            let length = text.distance(from: lower, to: upper)
            matches.append(characters..<(characters + length))
            characters += length
            at = upper
        }
        return (text, matches, bytes)
    }
}

/// Cue offsets as the index keeps them: `offset:start` pairs separated by spaces.
enum CueOffsets {
    static func encode(_ cues: [CueOffset]) -> String {
        cues.map { "\($0.offset):\($0.start)" }.joined(separator: " ")
    }

    static func decode(_ text: String) -> [CueOffset] {
        text.split(separator: " ").compactMap { pair in
            guard let colon = pair.firstIndex(of: ":"), let offset = Int(pair[..<colon]),
                  let start = Double(pair[pair.index(after: colon)...]) else { return nil }
            return CueOffset(offset: offset, start: start)
        }
    }
}
