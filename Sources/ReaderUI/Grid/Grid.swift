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
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes display units from column `x`, never past `x + limit` nor the grid's edge.
    /// A wide character that does not fit is replaced by a space. Returns the columns used.
    @discardableResult
    public mutating func put(_ units: some Sequence<DisplayUnit>, x: Int, y: Int, limit: Int = .max, style: (DisplayUnit) -> Style) -> Int {
        guard y >= 0, y < height else { return 0 }
        let end = min(width, x > Int.max - limit ? width : x + limit)
        var column = x
        for unit in units {
            guard column < end else { break }
            if column < 0 { column += unit.width; continue }
            let cellStyle = style(unit)
            if unit.width == 2 {
                if column + 1 >= end {
                    self[column, y] = Cell(text: " ", style: cellStyle)
                    column += 1
                    break
                }
                clearWide(at: column, y: y)
                clearWide(at: column + 1, y: y)
                self[column, y] = Cell(text: unit.text, style: cellStyle)
                self[column + 1, y] = Cell(text: "", style: cellStyle)
            } else {
                clearWide(at: column, y: y)
                self[column, y] = Cell(text: unit.text, style: cellStyle)
            }
            column += unit.width
        }
        return column - x
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
        var kept: [DisplayUnit] = []
        var used = 0
        for unit in DisplayUnits(text) {
            guard used + unit.width <= limit else {
                while used > limit - 1, let last = kept.popLast() { used -= last.width }
                kept.append(DisplayUnit(text: "…", width: 1, source: 0))
                break
            }
            kept.append(unit)
            used += unit.width
        }
        return put(kept, x: x, y: y, limit: limit) { _ in style }
    }

    /// Paints a rectangle with a style (spaces).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) {
                self[column, row] = Cell(text: " ", style: style)
            }
        }
    }

    /// Overwriting half of a wide character leaves the other half as a space.
    private mutating func clearWide(at x: Int, y: Int) {
        let index = y * width + x
        if cells[index].isContinuation {
            if x > 0 { cells[index - 1].text = " " }
        } else if x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1].text = " "
        }
    }

    /// The text of one row, wide characters once (what `tmux capture-pane -p` shows).
    public func row(_ y: Int) -> String {
        (0..<width).map { self[$0, y].text }.joined()
    }

    public var text: String { (0..<height).map(row).joined(separator: "\n") }
}
