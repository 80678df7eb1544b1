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
        for row in clean { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Self.length(cell)) } }
        return clean.map { row in
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - Self.length(cell))
                return rightAligned.contains(i) ? pad + cell : (i == row.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private func cut(_ text: String, to width: Int) -> String {
        Self.length(text) <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    /// Characters in `text`, without grapheme breaking when it is ASCII.
    private static func length(_ text: String) -> Int {
        text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count
    }
}
