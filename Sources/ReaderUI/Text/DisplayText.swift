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

/// Where a run of display units starts inside a text, so a wrapped row can make its own
/// units again instead of a paragraph keeping all of them (a 100 MB paragraph has 100 M).
public struct UnitMark: Equatable, Sendable {
    /// The character the next unit comes from, and its offset in characters.
    var index: String.Index
    var offset: Int
    /// Units of that character already given out (a placeholder cut at the end of a row).
    var skip: Int
    /// Inside an editorial aside before that character.
    var aside: Bool

    static func start(of text: String) -> UnitMark {
        UnitMark(index: text.startIndex, offset: 0, skip: 0, aside: false)
    }
}

/// Untrusted text made safe and measurable, one unit at a time: what `OutputText.forPeople`
/// replaces becomes a visible placeholder here too; widths come from `wcwidth` (so wide and
/// combining characters align as the terminal draws them).
public struct DisplayUnits: IteratorProtocol, Sequence {
    private let text: String
    /// Where the next unit comes from.
    private(set) var mark: UnitMark
    /// Units of the character at `mark` (more than one for a placeholder).
    private var pending: [DisplayUnit] = []
    private var asideAfter = false
    private var nextIndex: String.Index

    init(_ text: String, from mark: UnitMark) {
        self.text = text
        self.mark = mark
        nextIndex = mark.index
    }

    public init(_ text: String) { self.init(text, from: .start(of: text)) }

    public mutating func next() -> DisplayUnit? {
        if pending.isEmpty {
            guard mark.index < text.endIndex else { return nil }
            if let byte = plainASCII() {
                let aside = asideBefore(byte)
                let unit = DisplayUnit(text: Self.ascii[Int(byte)], width: 1, source: mark.offset, isAside: aside)
                passPlain(byte, aside: aside)
                return unit
            }
            load()
        }
        return takePending()
    }

    /// The next unit's width and whether it is a space, without making the unit: all that
    /// wrapping needs.
    mutating func nextShape() -> UnitShape? {
        if pending.isEmpty {
            guard mark.index < text.endIndex else { return nil }
            if let byte = plainASCII() {
                passPlain(byte, aside: asideBefore(byte))
                return UnitShape(width: 1, isSpace: byte == 0x20, isSlash: byte == UInt8(ascii: "/"))
            }
            load()
        }
        let unit = takePending()
        return UnitShape(width: unit.width, isSpace: unit.isSpace, isSlash: unit.text == "/")
    }

    /// Each ASCII character as a string, made once (not once per unit drawn).
    private static let ascii = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    private mutating func takePending() -> DisplayUnit {
        let unit = pending[Swift.min(mark.skip, pending.count - 1)]
        mark.skip += 1
        if mark.skip >= pending.count {
            pending.removeAll(keepingCapacity: true)
            mark = UnitMark(index: nextIndex, offset: mark.offset + 1, skip: 0, aside: asideAfter)
        }
        return unit
    }

    /// The byte at `mark` when it is printable ASCII followed by ASCII: one character of
    /// one column, no grapheme breaking, no wcwidth, nothing kept (most of any paragraph).
    private func plainASCII() -> UInt8? {
        let utf8 = text.utf8
        let byte = utf8[mark.index]
        guard byte >= 0x20, byte < 0x7F else { return nil }
        let after = utf8.index(after: mark.index)
        guard after == utf8.endIndex || utf8[after] < 0x80 else { return nil }
        return byte
    }

    private func asideBefore(_ byte: UInt8) -> Bool {
        guard byte == UInt8(ascii: "[") else { return mark.aside }
        let utf8 = text.utf8
        let after = utf8.index(after: mark.index)
        return mark.aside || (after < utf8.endIndex && (0x61...0x7A).contains(utf8[after]))
    }

    private mutating func passPlain(_ byte: UInt8, aside: Bool) {
        mark = UnitMark(index: text.utf8.index(after: mark.index), offset: mark.offset + 1, skip: 0,
                        aside: byte == UInt8(ascii: "]") ? false : aside)
    }

    /// Makes the units of the character at `mark`.
    private mutating func load() {
        var aside = mark.aside
        let character = text[mark.index]
        nextIndex = text.index(after: mark.index)
        asideAfter = aside
        let first = character.unicodeScalars.first!
        // A tab is always a character of its own; comparing characters costs far more than scalars.
        if first == "\t" || (first == "\r" && character == "\r\n") {
            pending.append(DisplayUnit(text: " ", width: 1, source: mark.offset))
            return
        }
        if OutputText.isControl(first) || OutputText.isInvisible(first) {
            for scalar in character.unicodeScalars {
                let placeholder = OutputText.isControl(scalar) || OutputText.isInvisible(scalar)
                    ? OutputText.placeholder(for: scalar) : String(scalar)
                for c in placeholder {
                    pending.append(DisplayUnit(text: String(c), width: 1, source: mark.offset, isPlaceholder: true))
                }
            }
            return
        }
        // `[inaudible 00:18:25]`, `[crosstalk]`: editorial asides start with a lower-case word.
        if character == "[", nextIndex < text.endIndex, text[nextIndex].isLowercase { aside = true }
        var width = DisplayText.scalarWidth(first)
        var shown = String(character)
        if width == 0 {
            // A combining mark with nothing to combine with: show it on a dotted circle.
            shown = "\u{25CC}" + shown
            width = 1
        }
        pending.append(DisplayUnit(text: shown, width: width, source: mark.offset, isAside: aside))
        asideAfter = character == "]" ? false : aside
    }
}

/// What wrapping needs of a display unit.
struct UnitShape {
    var width: Int
    var isSpace: Bool
    var isSlash = false
}

public enum DisplayText {
    public static func units(of text: String) -> [DisplayUnit] {
        var units: [DisplayUnit] = []
        var source = DisplayUnits(text)
        while let unit = source.next() { units.append(unit) }
        return units
    }

    /// `count` units of `text` from `mark` on.
    static func units(of text: String, from mark: UnitMark, count: Int) -> [DisplayUnit] {
        var units: [DisplayUnit] = []
        units.reserveCapacity(count)
        var source = DisplayUnits(text, from: mark)
        while units.count < count, let unit = source.next() { units.append(unit) }
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
