import Foundation

/// Comparison forms of tags and names: case, diacritics and punctuation do not matter.
enum SpeakerTag {
    /// `BL ` → `BL`, `Cc` → `CC`, `Nóva` → `NOVA`, `Speaker 1` → `SPEAKER1` (digits are
    /// kept: `SPEAKER_00` and `SPEAKER_01` are two people).
    static func normalize(_ tag: String) -> String {
        if tag.utf8.allSatisfy({ $0 < 0x80 }) {
            let letters = tag.utf8.compactMap { byte -> UInt8? in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
                case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - 0x20
                default: return nil
                }
            }
            return String(decoding: letters, as: UTF8.self)
        }
        return String(fold(tag).uppercased().unicodeScalars.filter { CharacterSet.letters.contains($0) || ("0"..."9").contains($0) })
    }

    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }

    static func words(of name: String) -> [String] {
        normalize(name).isEmpty ? [] : name.split(whereSeparator: { $0 == " " || $0 == "-" }).map { normalize(String($0)) }.filter { !$0.isEmpty }
    }

    /// `CCC` → `C`, `DCC` → `DC`, `NNL` → `NL`: the usual typo is a doubled key.
    static func collapsingRepeats(_ tag: String) -> String {
        var result = ""
        for c in tag where result.last != c { result.append(c) }
        return result
    }
}
