import TranscriptKit

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
    /// Units still to give out (a wrapped row's).
    private var remaining: Int

    init(_ text: String, from mark: UnitMark, count: Int = .max) {
        self.text = text
        self.mark = mark
        nextIndex = mark.index
        remaining = count
    }

    public init(_ text: String) { self.init(text, from: .start(of: text)) }

    public mutating func next() -> DisplayUnit? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        if pending.isEmpty {
            guard mark.index < text.endIndex else { return nil }
            if let byte = plainASCII() {
                let aside = asideBefore(byte)
                let unit = DisplayUnit(shown: .scalar(Unicode.Scalar(byte)), width: 1, source: mark.offset, isAside: aside)
                passPlain(byte, aside: aside)
                return unit
            }
            load()
        }
        return takePending()
    }

    /// Gives each unit to `body` until it returns false or none is left, like `next()`, but
    /// reads runs of characters that are one scalar each straight from the text's bytes: no
    /// string index, grapheme breaking nor string per unit (a frame's cells are mostly such).
    mutating func forEach(_ body: (DisplayUnit) -> Bool) {
        let text = self.text
        while remaining > 0 {
            if pending.isEmpty, mark.skip == 0, mark.index < text.endIndex,
               text.utf8.withContiguousStorageIfAvailable({ run($0, in: text, body) }) == true { return }
            guard let unit = next() else { return }
            if !body(unit) { return }
        }
    }

    /// The units from `mark` on, through `body`, while each character is a printable ASCII
    /// or `standsAlone` scalar followed by another or by ASCII; true when `body` said stop.
    /// What `load` would make of them, without asking where characters end.
    private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, in text: String, _ body: (DisplayUnit) -> Bool) -> Bool {
        let start = text.utf8.distance(from: text.utf8.startIndex, to: mark.index)
        var i = start
        var offset = mark.offset
        var aside = mark.aside
        var stopped = false
        while remaining > 0, let (value, length) = Self.scalar(in: bytes, at: i), let scalar = Unicode.Scalar(value) {
            var after: UInt32?
            if i + length < bytes.count {
                guard let next = Self.scalar(in: bytes, at: i + length), next.value < 0x80 || Self.standsAlone(next.value) else { break }
                after = next.value
            }
            var unitAside = aside
            let width: Int
            if value < 0x80 {
                guard value >= 0x20, value < 0x7F else { break }
                if scalar == "[" {
                    // An aside starts with a lower-case word; beyond ASCII, `load` asks Unicode.
                    guard after.map({ $0 < 0x80 }) ?? true else { break }
                    unitAside = aside || (0x61...0x7A).contains(after ?? 0)
                }
                width = 1
            } else {
                guard Self.standsAlone(value) else { break }
                width = DisplayText.scalarWidth(scalar)
                guard width > 0 else { break }
            }
            let unit = DisplayUnit(shown: .scalar(scalar), width: width, source: offset, isAside: unitAside)
            aside = scalar == "]" ? false : unitAside
            offset += 1
            i += length
            remaining -= 1
            if !body(unit) { stopped = true; break }
        }
        if i > start {
            mark = UnitMark(index: text.utf8.index(mark.index, offsetBy: i - start), offset: offset, skip: 0, aside: aside)
            nextIndex = mark.index
        }
        return stopped
    }

    /// The scalar whose UTF-8 starts at byte `i`, and its length in bytes; nil at the end and
    /// for scalars of four bytes (none `standsAlone`).
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int)? {
        guard i < bytes.count else { return nil }
        let lead = bytes[i]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0, i + 1 < bytes.count { return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if lead < 0xF0, i + 2 < bytes.count {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return nil
    }

    /// Scalars that are a character of their own next to any printable ASCII or one another:
    /// none prepends, extends, joins or pairs (grapheme break property Other), none is a
    /// control or invisible. Latin letters with their accents made one, punctuation (dashes,
    /// quotes, bullets, …), arrows, box drawing and symbols: what transcripts, notes and the
    /// reader's own rules use beyond ASCII. Checked against Swift's grapheme breaking in
    /// DisplayTextTests.
    static func standsAlone(_ value: UInt32) -> Bool {
        (0xA0..<0x300).contains(value) || (0x2010..<0x2028).contains(value)
            || (0x2030..<0x205F).contains(value) || (0x2190..<0x2C00).contains(value)
    }

    /// The next unit's width and whether it is a space, without making the unit: all that
    /// wrapping needs.
    mutating func nextShape() -> UnitShape? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        if pending.isEmpty {
            guard mark.index < text.endIndex else { return nil }
            if let byte = plainASCII() {
                passPlain(byte, aside: asideBefore(byte))
                return UnitShape(width: 1, isSpace: byte == 0x20, isSlash: byte == UInt8(ascii: "/"))
            }
            load()
        }
        let unit = takePending()
        return UnitShape(width: unit.width, isSpace: unit.isSpace, isSlash: unit.isSlash)
    }

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
