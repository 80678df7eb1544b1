import Foundation

/// Which three-byte runs occur in an episode's utterances, folded as a case-insensitive
/// search folds them: a Bloom filter (two bits per run). If an utterance holds a needle, it
/// holds every three-byte run of the needle, so a file whose filter lacks one of them is
/// skipped without being read. It may let a file through that has no match (about one in
/// two thousand for a five-letter word), never the other way round.
public struct TrigramFilter: Equatable, Sendable {
    /// log2 of the number of bits.
    var scale: Int
    var words: [UInt64]

    init(scale: Int, words: [UInt64]) {
        self.scale = scale
        self.words = words
    }

    /// The filter of these utterances' texts.
    init(_ utterances: [Utterance]) {
        let bytes = utterances.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.utf8.count } }
        // A bit for every four bytes of text: 50 KB of prose has about 3,000 distinct runs,
        // so a run that is not there passes one time in twelve, a five-letter word (three
        // runs) one time in two thousand.
        scale = max(12, min(24, Int.bitWidth - (bytes / 4).leadingZeroBitCount))
        words = Array(repeating: 0, count: (1 << scale) / 64)
        for utterance in utterances {
            var folded = SearchText.fold(utterance.text, caseSensitive: false)
            folded.withUTF8 { insert($0) }
        }
    }

    private mutating func insert(_ text: UnsafeBufferPointer<UInt8>) {
        guard text.count >= 3 else { return }
        var code = UInt32(text[0]) << 8 | UInt32(text[1])
        let shift = UInt32(32 - scale)
        words.withUnsafeMutableBufferPointer { bits in
            for i in 2..<text.count {
                code = (code << 8 | UInt32(text[i])) & 0xFF_FFFF
                let (a, b) = Self.positions(code, shift)
                bits[a >> 6] |= 1 << UInt64(a & 63)
                bits[b >> 6] |= 1 << UInt64(b & 63)
            }
        }
    }

    private static func positions(_ code: UInt32, _ shift: UInt32) -> (Int, Int) {
        (Int((code &* 0x9E37_79B1) >> shift), Int(((code ^ 0x5BD1_E995) &* 0x85EB_CA77) >> shift))
    }

    /// False only when `needle` (folded case-insensitively) cannot be in any utterance.
    func mayContain(_ needle: String) -> Bool {
        let bytes = Array(needle.utf8)
        guard bytes.count >= 3 else { return true }
        var code = UInt32(bytes[0]) << 8 | UInt32(bytes[1])
        for i in 2..<bytes.count {
            code = (code << 8 | UInt32(bytes[i])) & 0xFF_FFFF
            let (a, b) = Self.positions(code, UInt32(32 - scale))
            if words[a >> 6] & (1 << UInt64(a & 63)) == 0 || words[b >> 6] & (1 << UInt64(b & 63)) == 0 { return false }
        }
        return true
    }
}

/// The trigram filters of a corpus's files, made by searches and kept beside the summary
/// cache (`trigrams-…`), each under its file's stamp like the summaries: a filter is used
/// only while its file is unchanged.
struct TrigramIndex: Sendable {
    static let magic = "podread-trigrams 1"

    let path: String
    private(set) var filters = StampedEntries<TrigramFilter>()

    static func location(summaries: String) -> String { CacheFile.sibling(of: summaries, kind: "trigrams") }

    /// The index at `path`; empty when it is missing, damaged or written by another podread.
    init(path: String) {
        self.path = path
        guard let program = SummaryCache.program, case var .success(body) = FileReader.read(path),
              CacheFile.unseal(&body) else { return }
        var reader = CacheReader(body)
        guard (try? reader.string()) == Self.magic, (try? SummaryCache.Stamp(&reader)) == program,
              let list = try? reader.array({ r -> (name: String, entry: StampedEntries<TrigramFilter>.Entry) in
                  let name = try r.string()
                  let stamp = try SummaryCache.Stamp(&r)
                  let scale = try r.int()
                  guard (12...24).contains(scale) else { throw CacheReader.Corrupt() }
                  let words = try r.words()
                  guard words.count == (1 << scale) / 64 else { throw CacheReader.Corrupt() }
                  return (name, .init(stamp: stamp, value: TrigramFilter(scale: scale, words: words)))
              }), reader.isAtEnd
        else { return }
        filters = StampedEntries(list)
    }

    func filter(for name: String, stamp: SummaryCache.Stamp?) -> TrigramFilter? { filters.value(for: name, stamp: stamp) }

    mutating func store(_ filter: TrigramFilter, name: String, stamp: SummaryCache.Stamp) {
        filters.store(filter, name: name, stamp: stamp)
    }

    mutating func keep(only names: Set<String>) { filters.keep(only: names) }

    func save() {
        guard filters.isChanged, let program = SummaryCache.program else { return }
        var writer = CacheWriter()
        writer.string(Self.magic)
        program.write(&writer)
        writer.array(filters.sorted) { w, item in
            w.string(item.name)
            item.entry.stamp.write(&w)
            w.int(item.entry.value.scale)
            w.words(item.entry.value.words)
        }
        CacheFile.write(writer, to: path)
    }
}

extension TrigramFilter {
    /// For fuzzing: every word of the episode's first utterances, as typed (a capital makes
    /// the query case-sensitive), that matches its utterance must pass the episode's filter.
    public static func exercise(_ episode: Episode) {
        let filter = TrigramFilter(episode.utterances)
        for utterance in episode.utterances.prefix(20) {
            for word in utterance.text.split(whereSeparator: \.isWhitespace).prefix(4) {
                guard let query = SearchQuery(typed: String(word)), query.matches(utterance.text) else { continue }
                precondition(query.caselessNeedles.allSatisfy(filter.mayContain), "a trigram filter ruled out a match")
            }
        }
    }
}
