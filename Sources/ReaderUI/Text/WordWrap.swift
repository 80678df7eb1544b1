/// Greedy word wrap over display units. Lines break at spaces; a word wider than the
/// line is cut; spaces at a break are dropped. Returns ranges into `units`.
public enum WordWrap {
    public static func lines(_ units: [DisplayUnit], width: Int) -> [Range<Int>] {
        guard width > 0 else { return [] }
        guard !units.isEmpty else { return [0..<0] }
        var lines: [Range<Int>] = []
        var start = 0
        while start < units.count {
            while start < units.count, units[start].isSpace { start += 1 }
            if start == units.count { break }
            var column = 0
            var index = start
            var lastBreak: Int?
            while index < units.count {
                let unit = units[index]
                if unit.isSpace { lastBreak = index }
                if column + unit.width > width { break }
                column += unit.width
                index += 1
            }
            if index == units.count {
                lines.append(start..<trimmed(units, start, index))
                break
            }
            if units[index].isSpace {
                lines.append(start..<trimmed(units, start, index))
                start = index
            } else if let lastBreak, lastBreak > start {
                lines.append(start..<trimmed(units, start, lastBreak))
                start = lastBreak
            } else {
                // One word longer than the line (or a wide character at the edge): cut it.
                let end = max(index, start + 1)
                lines.append(start..<end)
                start = end
            }
        }
        return lines.isEmpty ? [0..<0] : lines
    }

    private static func trimmed(_ units: [DisplayUnit], _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start, units[e - 1].isSpace { e -= 1 }
        return e
    }
}
