/// Greedy word wrap over display units. Lines break at spaces; a word wider than the
/// line is cut; spaces at a break are dropped. It reads the units as a stream and keeps
/// only the line it is filling, so wrapping a paragraph costs no memory per character.
public enum WordWrap {
    /// How lines may break besides at spaces.
    public struct Rules: Sendable {
        /// Also after a `/` (a long address breaks between its parts).
        public var afterSlash = false
        /// A word cut at the edge leaves room for a `…` there (`cut` on the line).
        public var markCuts = false

        public static let text = Rules()
        /// The notes: addresses break at `/`, and a cut shows.
        public static let notes = Rules(afterSlash: true, markCuts: true)
    }

    /// Lines as ranges into `units`.
    public static func lines(_ units: [DisplayUnit], width: Int) -> [Range<Int>] {
        lines(units, width: width, rules: .text).map(\.range)
    }

    /// Lines as ranges into `units`, each saying whether it cuts a word.
    public static func lines(_ units: [DisplayUnit], width: Int, rules: Rules) -> [(range: Range<Int>, cut: Bool)] {
        var source = IndexedUnits(units: units)
        var lines: [(range: Range<Int>, cut: Bool)] = []
        wrap(&source, width: width, rules: rules) { _, range, cut in lines.append((range, cut)) }
        return lines
    }

    /// Lines of `text`, each with the mark its first unit is made from and its unit range.
    static func lines(of text: String, width: Int) -> [(start: UnitMark, range: Range<Int>)] {
        var source = DisplayUnits(text)
        var lines: [(start: UnitMark, range: Range<Int>)] = []
        wrap(&source, width: width, rules: .text) { start, range, _ in lines.append((start, range)) }
        return lines
    }

    private static func wrap<Source: MarkedUnits>(_ source: inout Source, width: Int, rules: Rules,
                                                   line: (Source.Mark, Range<Int>, Bool) -> Void) {
        guard width > 0 else { return }
        var ahead = LookAhead(source: source)
        defer { source = ahead.source }
        let first = ahead.source.mark
        var any = false
        func emit(_ count: Int, cut: Bool = false) {
            line(ahead.mark(0), ahead.consumed..<(ahead.consumed + count), cut)
            any = true
        }
        while true {
            while let unit = ahead.peek(0), unit.isSpace { ahead.drop(1) }
            guard ahead.peek(0) != nil else { break }
            var column = 0
            var index = 0
            var lastBreak: Int?
            var afterSlash: Int?
            while let unit = ahead.peek(index) {
                if unit.isSpace { lastBreak = index }
                if column + unit.width > width { break }
                column += unit.width
                index += 1
                if rules.afterSlash, unit.isSlash { afterSlash = index }
            }
            guard let stop = ahead.peek(index) else {
                emit(ahead.trimmed(index))
                ahead.drop(index)
                break
            }
            if stop.isSpace {
                emit(ahead.trimmed(index))
                ahead.drop(index)
            } else if let lastBreak, lastBreak > 0 {
                emit(ahead.trimmed(lastBreak))
                ahead.drop(lastBreak)
            } else if let afterSlash, afterSlash > 0 {
                emit(afterSlash)
                ahead.drop(afterSlash)
            } else if rules.markCuts, index > 1, column - ahead.width(index - 1) + 1 <= width {
                // Cut, leaving the last column for a `…`.
                emit(index - 1, cut: true)
                ahead.drop(index - 1)
            } else {
                // One word longer than the line (or a wide character at the edge): cut it.
                let end = max(index, 1)
                emit(end)
                ahead.drop(end)
            }
        }
        if !any { line(first, 0..<0, false) }
    }
}

/// A stream of display units that can say where the next one comes from.
protocol MarkedUnits {
    associatedtype Mark
    var mark: Mark { get }
    mutating func nextShape() -> UnitShape?
}

extension DisplayUnits: MarkedUnits {}

struct IndexedUnits: MarkedUnits {
    let units: [DisplayUnit]
    var mark = 0

    mutating func nextShape() -> UnitShape? {
        guard mark < units.count else { return nil }
        defer { mark += 1 }
        return UnitShape(width: units[mark].width, isSpace: units[mark].isSpace, isSlash: units[mark].isSlash)
    }
}

/// The units of the line being filled, read ahead of where the line ends.
private struct LookAhead<Source: MarkedUnits> {
    var source: Source
    private var units: [(unit: UnitShape, mark: Source.Mark)] = []
    private var head = 0
    /// Units dropped so far (the index of `peek(0)` in the whole stream).
    private(set) var consumed = 0

    init(source: Source) { self.source = source }

    mutating func peek(_ offset: Int) -> UnitShape? {
        while head + offset >= units.count {
            let mark = source.mark
            guard let unit = source.nextShape() else { return nil }
            units.append((unit, mark))
        }
        return units[head + offset].unit
    }

    func mark(_ offset: Int) -> Source.Mark { units[head + offset].mark }

    mutating func drop(_ count: Int) {
        head += count
        consumed += count
        if head > 256, head * 2 > units.count {
            units.removeFirst(head)
            head = 0
        }
    }

    /// The width of the unit at `offset`.
    func width(_ offset: Int) -> Int { units[head + offset].unit.width }

    /// `end` less the spaces just before it.
    func trimmed(_ end: Int) -> Int {
        var e = end
        while e > 0, units[head + e - 1].unit.isSpace { e -= 1 }
        return e
    }
}
