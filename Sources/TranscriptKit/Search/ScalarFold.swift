import Foundation

/// Case and diacritic folding one Unicode scalar at a time, from tables made once with
/// Foundation's folding. Folding whole utterances with Foundation was most of the time of a
/// corpus search; a table lookup per scalar gives the same result (tested on every utterance
/// of the real and hostile corpora) at a fraction of the cost.
enum ScalarFold {
    /// Scalars below this are tabled; the rest (rare in transcripts) fold through Foundation.
    static let tabled: UInt32 = 0x2500

    private static let caseless = table(caseSensitive: false)
    private static let accentless = table(caseSensitive: true)

    /// The folded UTF-8 of every tabled scalar.
    private static func table(caseSensitive: Bool) -> [[UInt8]] {
        (0..<tabled).map { value in
            guard let scalar = Unicode.Scalar(value) else { return [] }
            let text = String(Character(scalar))
            if value < 0x80 { return Array((caseSensitive ? text : text.lowercased()).utf8) }
            return Array(foundation(text, caseSensitive).utf8)
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
        return (caseSensitive ? accentless : caseless)[Int(value)]
    }

    static func fold(_ text: String, caseSensitive: Bool) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return caseSensitive ? text : text.lowercased() }
        for scalar in text.unicodeScalars where scalar.value >= 0x300 {
            if scalar.value < tabled ? marks[Int(scalar.value)] : isMark(scalar) { return foundation(text, caseSensitive) }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        append(text.unicodeScalars, caseSensitive: caseSensitive, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
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
        let table = caseSensitive ? accentless : caseless
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                bytes.append(!caseSensitive && byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if value < tabled {
                bytes.append(contentsOf: table[Int(value)])
            } else {
                bytes.append(contentsOf: foundation(String(Character(scalar)), caseSensitive).utf8)
            }
        }
    }
}
