import Foundation
import TranscriptKit
import CTextSupport

/// One thing that occupies screen columns: a grapheme, or one character of a placeholder
/// such as `^[` that stands for a control character.
public struct DisplayUnit: Hashable, Sendable {
    public var text: String
    public var width: Int
    /// Offset, in Characters, of the source character it shows.
    public var source: Int
    /// Part of a placeholder for an invisible or dangerous character.
    public var isPlaceholder = false
    /// Inside an editorial marker such as `[inaudible 00:18:25]`.
    public var isAside = false

    public var isSpace: Bool { text == " " }
}

/// Untrusted text made safe and measurable: what `OutputText.forPeople` replaces becomes a
/// visible placeholder here too; widths come from `wcwidth` (so wide and combining
/// characters align as the terminal draws them).
public enum DisplayText {
    public static func units(of text: String) -> [DisplayUnit] {
        var units: [DisplayUnit] = []
        units.reserveCapacity(text.utf8.count)
        var aside = false
        var offset = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            defer { index = next; offset += 1 }
            let first = character.unicodeScalars.first!
            if character == "\t" || character == "\r\n" {
                units.append(DisplayUnit(text: " ", width: 1, source: offset))
                continue
            }
            if OutputText.isControl(first) || OutputText.isInvisible(first) {
                for scalar in character.unicodeScalars {
                    let placeholder = OutputText.isControl(scalar) || OutputText.isInvisible(scalar)
                        ? OutputText.placeholder(for: scalar) : String(scalar)
                    for c in placeholder {
                        units.append(DisplayUnit(text: String(c), width: 1, source: offset, isPlaceholder: true))
                    }
                }
                continue
            }
            // `[inaudible 00:18:25]`, `[crosstalk]`: editorial asides start with a lower-case word.
            if character == "[", next < text.endIndex, text[next].isLowercase { aside = true }
            var width = scalarWidth(first)
            var shown = String(character)
            if width == 0 {
                // A combining mark with nothing to combine with: show it on a dotted circle.
                shown = "\u{25CC}" + shown
                width = 1
            }
            units.append(DisplayUnit(text: shown, width: width, source: offset, isAside: aside))
            if character == "]" { aside = false }
        }
        return units
    }

    /// Columns a character takes, as the terminal's `wcwidth` says (1 when it does not know).
    public static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F { return 1 }
        let width = Int(podread_wcwidth(scalar.value))
        if width >= 0 { return min(width, 2) }
        return 1
    }

    public static func width(of text: String) -> Int {
        units(of: text).reduce(0) { $0 + $1.width }
    }

    /// Makes `wcwidth` answer for UTF-8 even when the environment's locale is plain C.
    public static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
