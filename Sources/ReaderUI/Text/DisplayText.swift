import Foundation
import TranscriptKit
import CTextSupport

/// One thing that occupies screen columns: a grapheme, or one character of a placeholder
/// such as `^[` that stands for a control character.
public struct DisplayUnit: Hashable, Sendable {
    /// What it shows: one scalar (nearly always: no string to make, count or compare for it),
    /// or a grapheme of several.
    var shown: Shown
    public var width: Int
    /// Offset, in Characters, of the source character it shows.
    public var source: Int
    /// Part of a placeholder for an invisible or dangerous character.
    public var isPlaceholder = false
    /// Inside an editorial marker such as `[inaudible 00:18:25]`.
    public var isAside = false

    enum Shown: Hashable, Sendable {
        case scalar(Unicode.Scalar)
        case cluster(String)
    }

    init(text: String, width: Int, source: Int, isPlaceholder: Bool = false, isAside: Bool = false) {
        var scalars = text.unicodeScalars.makeIterator()
        let first = scalars.next()
        let shown: Shown = if let first, scalars.next() == nil { .scalar(first) } else { .cluster(text) }
        self.init(shown: shown, width: width, source: source, isPlaceholder: isPlaceholder, isAside: isAside)
    }

    init(shown: Shown, width: Int, source: Int, isPlaceholder: Bool = false, isAside: Bool = false) {
        self.shown = shown
        self.width = width
        self.source = source
        self.isPlaceholder = isPlaceholder
        self.isAside = isAside
    }

    public var text: String {
        switch shown {
        case let .scalar(scalar): String(scalar)
        case let .cluster(text): text
        }
    }

    public var isSpace: Bool { shown == .scalar(" ") }
    var isSlash: Bool { shown == .scalar("/") }
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

public enum DisplayText {
    public static func units(of text: String) -> [DisplayUnit] {
        var units: [DisplayUnit] = []
        var source = DisplayUnits(text)
        while let unit = source.next() { units.append(unit) }
        return units
    }

    /// `count` units of `text` from `mark` on.
    static func units(of text: String, from mark: UnitMark, count: Int) -> [DisplayUnit] {
        Array(DisplayUnits(text, from: mark, count: count))
    }

    /// Columns a character takes, as the terminal's `wcwidth` says (1 when it does not know).
    public static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F { return 1 }
        let width = Int(podread_wcwidth(scalar.value))
        if width >= 0 { return min(width, 2) }
        return 1
    }

    public static func width(of text: String) -> Int {
        var width = 0
        var units = DisplayUnits(text)
        units.forEach { width += $0.width; return true }
        return width
    }

    /// Makes `wcwidth` answer for UTF-8 even when the environment's locale is plain C.
    public static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
