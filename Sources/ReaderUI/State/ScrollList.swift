/// A cursor over rows shown a window at a time: the episode list, the notes and every
/// window's list use this one, so the cursor is always in view and the same keys, wheel
/// and clicks work in all of them.
public struct ScrollList: Equatable, Sendable {
    public var cursor = 0
    public var top = 0

    public init(cursor: Int = 0, top: Int = 0) {
        self.cursor = cursor
        self.top = top
    }

    /// Moves the cursor by `delta` rows (`Int.min`: to the first, `Int.max`: to the last).
    public mutating func move(by delta: Int, count: Int, height: Int) {
        switch delta {
        case .min: cursor = 0
        case .max: cursor = count - 1
        default: cursor = cursor.addingReportingOverflow(delta).overflow ? (delta > 0 ? count - 1 : 0) : cursor + delta
        }
        keepInView(count: count, height: height)
    }

    /// The wheel: the view moves, the cursor stays on a row in it.
    public mutating func scroll(by delta: Int, count: Int, height: Int) {
        let h = max(1, height)
        top = min(max(0, count - h), max(0, top + delta))
        cursor = min(max(cursor, top), top + h - 1)
        keepInView(count: count, height: height)
    }

    /// A click on row `row` of the view; true when it landed on an item (now the cursor).
    public mutating func click(row: Int, count: Int) -> Bool {
        guard row >= 0, top + row < count else { return false }
        cursor = top + row
        return true
    }

    /// The cursor on an item and in the view, the view as full as the items allow.
    public mutating func keepInView(count: Int, height: Int) {
        let h = max(1, height)
        cursor = min(max(0, cursor), max(0, count - 1))
        if cursor < top { top = cursor }
        if cursor >= top + h { top = cursor - h + 1 }
        top = max(0, min(top, max(0, count - h)))
    }

    /// The moving keys of the key map (lines, pages, half pages, top, bottom); true when
    /// `key` was one of them.
    public mutating func handle(_ key: Key, count: Int, height: Int) -> Bool {
        let page = max(1, height - 1)
        let delta: Int
        switch KeyMap.command(for: key) {
        case .lineDown?: delta = 1
        case .lineUp?: delta = -1
        case .pageDown?: delta = page
        case .pageUp?: delta = -page
        case .halfPageDown?: delta = max(1, page / 2)
        case .halfPageUp?: delta = -max(1, page / 2)
        case .top?: delta = .min
        case .bottom?: delta = .max
        default: return false
        }
        move(by: delta, count: count, height: height)
        return true
    }
}
