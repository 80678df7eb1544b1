import Foundation

/// Comparison forms of tags and names: case, diacritics and punctuation do not matter.
enum SpeakerTag {
    /// `BL ` → `BL`, `Cc` → `CC`, `Nóva` → `NOVA`.
    static func normalize(_ tag: String) -> String {
        String(fold(tag).uppercased().unicodeScalars.filter { CharacterSet.letters.contains($0) })
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
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
