import TranscriptKit

/// A plain aligned table for terminal output; cells are sanitised and cut with '…'.
struct TextTable {
    var header: [String]
    var rightAligned: Set<Int>
    var maxWidths: [Int]

    func render(_ rows: [[String]]) -> String {
        let clean = ([header] + rows).map { row in
            row.enumerated().map { index, cell in cut(ControlCharacters.sanitize(cell), to: maxWidths[index]) }
        }
        var widths = Array(repeating: 0, count: header.count)
        for row in clean { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return clean.map { row in
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return rightAligned.contains(i) ? pad + cell : (i == row.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private func cut(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
