import ReaderUI
import TranscriptKit

/// A plain aligned table for terminal output. Cells are made safe (control and bidi
/// characters shown as placeholders), measured in terminal columns (wide CJK characters
/// take two) and cut with '…' at their column's maximum width.
struct TextTable {
    var header: [String]
    var rightAligned: Set<Int>
    var maxWidths: [Int]

    func render(_ rows: [[String]]) -> String {
        DisplayText.useUTF8Locale()
        let columns = header.count
        var cells: [(text: String, width: Int)] = []
        cells.reserveCapacity((rows.count + 1) * columns)
        var widths = Array(repeating: 0, count: columns)
        for row in CollectionOfOne(header) + rows {
            for (index, cell) in row.enumerated() {
                let fitted = Self.fit(cell, maxWidths[index])
                cells.append(fitted)
                widths[index] = max(widths[index], fitted.width)
            }
        }
        let padding = (0...(widths.max() ?? 0)).map { String(repeating: " ", count: $0) }
        var out = ""
        out.reserveCapacity(cells.count * 16)
        for (position, cell) in cells.enumerated() {
            let column = position % columns
            if column == 0, position > 0 { out += "\n" }
            if column > 0 { out += "  " }
            let pad = padding[widths[column] - cell.width]
            if rightAligned.contains(column) {
                out += pad
                out += cell.text
            } else {
                out += cell.text
                if column < columns - 1 { out += pad }
            }
        }
        return out
    }

    /// The cell as shown, and its width in columns, cut to `limit` columns.
    static func fit(_ cell: String, _ limit: Int) -> (text: String, width: Int) {
        if cell.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            let count = cell.utf8.count
            if count <= limit { return (cell, count) }
            return (String(decoding: cell.utf8.prefix(limit - 1), as: UTF8.self) + "…", limit)
        }
        // Latin letters with accents: one column each, no grapheme breaking needed.
        if cell.unicodeScalars.allSatisfy({ ($0.value >= 0x20 && $0.value < 0x7F) || ($0.value >= 0xA0 && $0.value < 0x300 && $0.value != 0xAD) }) {
            let count = cell.unicodeScalars.count
            if count <= limit { return (cell, count) }
            return (String(String.UnicodeScalarView(cell.unicodeScalars.prefix(limit - 1))) + "…", limit)
        }
        let units = DisplayText.units(of: cell)
        let total = units.reduce(0) { $0 + $1.width }
        var text = ""
        var width = 0
        for unit in units {
            if total > limit, width + unit.width > limit - 1 { break }
            text += unit.text
            width += unit.width
        }
        return total > limit ? (text + "…", width + 1) : (text, width)
    }
}
