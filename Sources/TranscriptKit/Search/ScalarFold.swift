import Foundation

/// Case and diacritic folding one Unicode scalar at a time, from tables made once with
/// Foundation's folding. Folding whole utterances with Foundation was most of the time of a
/// corpus search; a table lookup per scalar gives the same result (tested on every utterance
/// of the real and hostile corpora) at a fraction of the cost.
enum ScalarFold {
    /// Scalars below this are tabled; the rest (rare in transcripts) fold through Foundation.
    static let tabled: UInt32 = 0x2500

    private static let caseless = Table(caseSensitive: false)
    private static let accentless = Table(caseSensitive: true)

    /// The folded UTF-8 of every tabled scalar, in one flat array: an array per scalar
    /// cost a retain and a release per lookup, which showed in every search.
    private struct Table: Sendable {
        var bytes: [UInt8] = []
        /// `bytes[offsets[v]..<offsets[v + 1]]` is the folding of scalar `v`.
        var offsets: [Int32] = [0]
        /// The most bytes a folding takes per byte of the scalar's own UTF-8.
        var growth = 1

        init(caseSensitive: Bool) {
            for value in 0..<tabled {
                if let scalar = Unicode.Scalar(value) {
                    let text = String(Character(scalar))
                    let folded = value < 0x80 ? (caseSensitive ? text : text.lowercased()) : foundation(text, caseSensitive)
                    bytes += folded.utf8
                    let own = text.utf8.count
                    growth = max(growth, (folded.utf8.count + own - 1) / own)
                }
                offsets.append(Int32(bytes.count))
            }
        }

        func folded(_ value: UInt32) -> ArraySlice<UInt8> {
            bytes[Int(offsets[Int(value)])..<Int(offsets[Int(value) + 1])]
        }
    }

    private static func foundation(_ text: String, _ caseSensitive: Bool) -> String {
        text.folding(options: caseSensitive ? [.diacriticInsensitive] : [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    /// Combining marks fold with the letter before them (`e` + U+0301 is `é`, folded to
    /// `e`), which a table of single scalars cannot do: text with one goes to Foundation.
    private static let marks: [Bool] = (0..<tabled).map { value in Unicode.Scalar(value).map(isMark) ?? false }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value)
        }
    }

    /// The folded UTF-8 of one scalar: empty for a combining mark (it folds into the letter
    /// before it), nil when the scalar is not tabled.
    static func folded(_ value: UInt32, caseSensitive: Bool) -> [UInt8]? {
        guard value < tabled else { return nil }
        if marks[Int(value)] { return [] }
        return Array((caseSensitive ? accentless : caseless).folded(value))
    }

    static func fold(_ text: String, caseSensitive: Bool) -> String {
        // ASCII folds as the tables would, without making them (a query's few words would
        // otherwise pay for folding 9,000 scalars through Foundation at every start).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return caseSensitive ? text : text.lowercased() }
        if let folded = foldedUTF8(text, caseSensitive: caseSensitive) {
            return String(decoding: folded.bytes, as: UTF8.self)
        }
        for scalar in text.unicodeScalars where scalar.value >= 0x300 {
            if scalar.value < tabled ? marks[Int(scalar.value)] : isMark(scalar) { return foundation(text, caseSensitive) }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        append(text.unicodeScalars, caseSensitive: caseSensitive, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A folding made straight from the text's UTF-8, with where each scalar's folding starts.
    struct Folded {
        var bytes: [UInt8]
        /// `starts[k]` is where scalar `k` begins in `bytes` (only when asked for).
        var starts: [Int]
        /// Every scalar is a character on its own, so scalar offsets are character offsets.
        var scalarsAreCharacters: Bool
    }

    /// The fast path: nil when a scalar cannot be folded alone (a combining mark, or one
    /// past the tables), and the caller must fold another way.
    static func foldedUTF8(_ text: String, caseSensitive: Bool, recordingStarts: Bool = false) -> Folded? {
        var text = text
        let table = caseSensitive ? accentless : caseless
        return text.withUTF8 { source -> Folded? in
            var outcome = Outcome()
            var starts: [Int] = []
            let bytes = [UInt8](unsafeUninitializedCapacity: source.count * table.growth) { out, count in
                if recordingStarts {
                    starts = [Int](unsafeUninitializedCapacity: source.count + 1) { starts, startCount in
                        outcome = fold(source, into: out, starts: starts.baseAddress, table: table, caseSensitive: caseSensitive)
                        startCount = outcome.failed ? 0 : outcome.scalars + 1
                    }
                } else {
                    outcome = fold(source, into: out, starts: nil, table: table, caseSensitive: caseSensitive)
                }
                count = outcome.failed ? 0 : outcome.count
            }
            return outcome.failed ? nil : Folded(bytes: bytes, starts: starts, scalarsAreCharacters: outcome.whole)
        }
    }

    private struct Outcome {
        var count = 0
        var scalars = 0
        var failed = false
        var whole = true
    }

    /// The loop of `foldedUTF8`, on raw buffers so nothing in it is reference-counted.
    private static func fold(_ source: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                             starts: UnsafeMutablePointer<Int>?, table: Table, caseSensitive: Bool) -> Outcome {
        var result = Outcome()
        table.bytes.withUnsafeBufferPointer { folds in
            table.offsets.withUnsafeBufferPointer { offsets in
                marks.withUnsafeBufferPointer { marks in
                    let n = source.count
                    var i = 0, o = 0, k = 0
                    var whole = true
                    while i < n {
                        starts?[k] = o
                        k += 1
                        let lead = source[i]
                        if lead < 0x80 {
                            out[o] = !caseSensitive && lead &- 0x41 < 26 ? lead + 0x20 : lead
                            if lead == 0x0D { whole = false }
                            o += 1
                            i += 1
                            continue
                        }
                        let value: UInt32
                        if lead < 0xE0 {
                            value = UInt32(lead & 0x1F) << 6 | UInt32(source[i + 1] & 0x3F)
                            i += 2
                        } else if lead < 0xF0 {
                            value = UInt32(lead & 0x0F) << 12 | UInt32(source[i + 1] & 0x3F) << 6 | UInt32(source[i + 2] & 0x3F)
                            i += 3
                        } else {
                            result.failed = true
                            return
                        }
                        guard value < tabled, !marks[Int(value)] else {
                            result.failed = true
                            return
                        }
                        if whole, value >= 0x300 { whole = isPunctuation(value) }
                        for f in Int(offsets[Int(value)])..<Int(offsets[Int(value) + 1]) {
                            out[o] = folds[f]
                            o += 1
                        }
                    }
                    starts?[k] = o
                    result = Outcome(count: o, scalars: k, failed: false, whole: whole)
                }
            }
        }
        return result
    }

    /// Dashes, quotes, ellipses and the like: characters on their own, never joined to a mark.
    static func isPunctuation(_ value: UInt32) -> Bool {
        (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
    }

    /// Appends the folded UTF-8 of one character to `bytes`.
    static func append(_ character: Character, caseSensitive: Bool, to bytes: inout [UInt8]) {
        let scalars = character.unicodeScalars
        if scalars.count == 1 {
            append(scalars, caseSensitive: caseSensitive, to: &bytes)
        } else {
            bytes.append(contentsOf: foundation(String(character), caseSensitive).utf8)
        }
    }

    /// Appends the folded UTF-8 of `scalars`, which hold no combining marks, to `bytes`.
    static func append(_ scalars: some Sequence<Unicode.Scalar>, caseSensitive: Bool, to bytes: inout [UInt8]) {
        var starts: [Int] = []
        append(scalars, caseSensitive: caseSensitive, to: &bytes, starts: &starts, recordingStarts: false)
    }

    /// Same, and appends to `starts` where each scalar's folding begins in `bytes`.
    static func append(_ scalars: some Sequence<Unicode.Scalar>, caseSensitive: Bool, to bytes: inout [UInt8],
                       starts: inout [Int], recordingStarts: Bool = true) {
        let table = caseSensitive ? accentless : caseless
        table.bytes.withUnsafeBufferPointer { folds in
            table.offsets.withUnsafeBufferPointer { offsets in
                for scalar in scalars {
                    if recordingStarts { starts.append(bytes.count) }
                    let value = scalar.value
                    if value < 0x80 {
                        let byte = UInt8(value)
                        bytes.append(!caseSensitive && byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                    } else if value < tabled {
                        let start = Int(offsets[Int(value)]), end = Int(offsets[Int(value) + 1])
                        for i in start..<end { bytes.append(folds[i]) }
                    } else {
                        bytes.append(contentsOf: foundation(String(Character(scalar)), caseSensitive).utf8)
                    }
                }
            }
        }
    }
}
