import TranscriptKit

/// The screen shown while a corpus is read the first time (or after its files changed):
/// a header, the folder, and a progress bar, so a large corpus never shows a blank terminal.
public func renderLoading(folder: String, done: Int, total: Int, width: Int, height: Int,
                          colorMode: ColorMode = .full256) -> Grid {
    var grid = Grid(width: width, height: height)
    guard width > 0, height > 0 else { return grid }
    let theme = Theme(mode: colorMode)
    grid.fill(x: 0, y: 0, width: width, height: 1, style: theme.header)
    grid.putTruncated(" podread ", x: 0, y: 0, limit: width, style: theme.header)
    guard height >= 3 else { return grid }
    let y = height / 2
    let counts = total > 0 ? "\(done)/\(total) episodes" : "listing the folder"
    grid.putTruncated("Reading \(folder): \(counts)", x: 2, y: max(1, y - 1), limit: max(0, width - 4))
    let barWidth = max(0, min(60, width - 4))
    let filled = total > 0 ? barWidth * min(done, total) / total : 0
    for x in 0..<barWidth {
        grid[2 + x, y] = Cell(text: x < filled ? "█" : "░", style: x < filled ? .plain : theme.aside)
    }
    if y + 2 < height {
        grid.putTruncated("q quits; the next start reads only what changed", x: 2, y: y + 2, limit: max(0, width - 4), style: theme.aside)
    }
    return grid
}
