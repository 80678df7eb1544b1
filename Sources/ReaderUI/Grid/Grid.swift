/// One screen cell: a grapheme of display width 1 or 2, or the right half of a wide one.
public struct Cell: Hashable, Sendable {
    /// Empty for the second column of a wide character.
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .plain)
    public var isContinuation: Bool { text.isEmpty }
}

/// The whole screen as data: what a frame shows, cell by cell. The terminal backend draws
/// it; tests read it.
public struct Grid: Sendable {
    public let width: Int
    public let height: Int
    /// Row by row: plain values (a glyph and a style), not `Cell`s with their strings.
    private var slots: [Slot]
    /// The graphemes of several scalars written so far (`Glyph.cluster`).
    private var clusters: [String] = []
    /// Whether a wide character was written: until then no write can cut one in half.
    private var hasWide = false

    private struct Slot {
        var glyph: Glyph
        var style: Style
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        slots = Array(repeating: Slot(glyph: .space, style: .plain), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cell(slots[y * width + x]) }
        set {
            let glyph = glyph(newValue.text)
            if glyph.isContinuation { hasWide = true }
            slots[y * width + x] = Slot(glyph: glyph, style: newValue.style)
        }
    }

    public var cells: [Cell] { slots.map(cell) }

    private func cell(_ slot: Slot) -> Cell {
        Cell(text: text(slot.glyph), style: slot.style)
    }

    private func text(_ glyph: Glyph) -> String {
        if let scalar = glyph.scalar { return String(scalar) }
        return glyph.clusterIndex.map { clusters[$0] } ?? ""
    }

    private mutating func glyph(_ unit: DisplayUnit) -> Glyph {
        switch unit.shown {
        case let .scalar(scalar): Glyph(code: scalar.value)
        case let .cluster(text): glyph(text)
        }
    }

    private mutating func glyph(_ text: String) -> Glyph {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return .continuation }
        if scalars.next() == nil { return Glyph(code: first.value) }
        clusters.append(text)
        return .cluster(clusters.count - 1)
    }

    /// Writes display units from column `x`, never past `x + limit` nor the grid's edge.
    /// A wide character that does not fit is replaced by a space. Returns the columns used.
    @discardableResult
    public mutating func put(_ units: some Sequence<DisplayUnit>, x: Int, y: Int, limit: Int = .max, style: (DisplayUnit) -> Style) -> Int {
        guard y >= 0, y < height else { return 0 }
        var column = x
        let end = min(width, x > Int.max - limit ? width : x + limit)
        for unit in units where !write(unit, style: style(unit), column: &column, end: end, y: y) { break }
        return column - x
    }

    /// `put` of a stream of units, read as fast as it allows (`DisplayUnits.forEach`).
    @discardableResult
    public mutating func put(_ units: DisplayUnits, x: Int, y: Int, limit: Int = .max, style: (DisplayUnit) -> Style) -> Int {
        guard y >= 0, y < height else { return 0 }
        var column = x
        let end = min(width, x > Int.max - limit ? width : x + limit)
        var units = units
        units.forEach { write($0, style: style($0), column: &column, end: end, y: y) }
        return column - x
    }

    /// One unit of `put` at `column`, moved past it; false when the row has no room for more.
    private mutating func write(_ unit: DisplayUnit, style: @autoclosure () -> Style, column: inout Int, end: Int, y: Int) -> Bool {
        guard column < end else { return false }
        if column < 0 {
            column += unit.width
            return true
        }
        let cellStyle = style()
        let index = y * width + column
        if unit.width == 2 {
            if column + 1 >= end {
                slots[index] = Slot(glyph: .space, style: cellStyle)
                column += 1
                return false
            }
            clearWide(at: column, y: y)
            clearWide(at: column + 1, y: y)
            slots[index] = Slot(glyph: glyph(unit), style: cellStyle)
            slots[index + 1] = Slot(glyph: .continuation, style: cellStyle)
            hasWide = true
        } else {
            clearWide(at: column, y: y)
            slots[index] = Slot(glyph: glyph(unit), style: cellStyle)
        }
        column += unit.width
        return true
    }

    /// Writes text (sanitised, width-aware) in one style. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, limit: Int = .max, style: Style = .plain) -> Int {
        put(DisplayUnits(text), x: x, y: y, limit: limit) { _ in style }
    }

    /// Like `put`, but cuts with '…' when the text is wider than `limit`. Reads no further
    /// into the text than `limit` columns (a title may be a paragraph long).
    @discardableResult
    public mutating func putTruncated(_ text: String, x: Int, y: Int, limit: Int, style: Style = .plain) -> Int {
        guard limit > 0 else { return 0 }
        // The units that fit in `limit - 1` columns, and whether the text needs more than `limit`.
        var used = 0, kept = 0, cut = false
        var units = DisplayUnits(text)
        units.forEach { unit in
            used += unit.width
            if used <= limit - 1 { kept += 1 }
            cut = used > limit
            return !cut
        }
        guard cut else { return put(DisplayUnits(text), x: x, y: y, limit: limit) { _ in style } }
        let shown = put(DisplayUnits(text, from: .start(of: text), count: kept), x: x, y: y, limit: limit) { _ in style }
        return shown + put("…", x: x + shown, y: y, limit: limit - shown, style: style)
    }

    /// Paints a rectangle with a style (spaces).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) {
                slots[row * width + column] = Slot(glyph: .space, style: style)
            }
        }
    }

    /// Overwriting half of a wide character leaves the other half as a space.
    private mutating func clearWide(at x: Int, y: Int) {
        guard hasWide else { return }
        let index = y * width + x
        if slots[index].glyph.isContinuation {
            if x > 0 { slots[index - 1].glyph = .space }
        } else if x + 1 < width, slots[index + 1].glyph.isContinuation {
            slots[index + 1].glyph = .space
        }
    }

    /// The text of one row, wide characters once (what `tmux capture-pane -p` shows).
    public func row(_ y: Int) -> String {
        (0..<width).map { text(slots[y * width + $0].glyph) }.joined()
    }

    public var text: String { (0..<height).map(row).joined(separator: "\n") }
}
