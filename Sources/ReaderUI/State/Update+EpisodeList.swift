/// The episode list's cursor over its rows: a line is an episode (whatever show header
/// lies between), a page or the wheel is rows; a header is never the cursor.
extension ReaderState {
    var listRowCount: Int { listed.count + sections.headerCount }
    private var listHeight: Int { layout.panes[.episodes]?.height ?? 1 }

    mutating func moveList(episodes delta: Int) {
        guard let position = listPosition else { return }
        let (moved, overflow) = position.addingReportingOverflow(delta)
        let target = overflow ? (delta > 0 ? listed.count - 1 : 0) : min(listed.count - 1, max(0, moved))
        episodeList.cursor = sections.row(of: target)
        keepListCursorVisible()
    }

    /// `Int.min`: to the first episode, `Int.max`: to the last; else that many rows, on to
    /// the next episode the way it moved when that row is a header.
    mutating func moveList(rows delta: Int) {
        guard !listed.isEmpty else { return }
        let last = listRowCount - 1
        let row: Int
        switch delta {
        case .min: row = 0
        case .max: row = last
        default:
            let (moved, overflow) = episodeList.cursor.addingReportingOverflow(delta)
            row = overflow ? (delta > 0 ? last : 0) : min(last, max(0, moved))
        }
        episodeList.cursor = sections.row(of: sections.position(near: row, downward: delta > 0))
        keepListCursorVisible()
    }

    /// The wheel moves the view; the cursor stays in it, on an episode.
    mutating func scrollList(by delta: Int) {
        episodeList.scroll(by: delta, count: listRowCount, height: listHeight)
        if case .header = sections.content(of: episodeList.cursor) {
            let below = episodeList.cursor + 1
            let fits = below < episodeList.top + listHeight || episodeList.cursor == 0
            episodeList.cursor = fits ? below : episodeList.cursor - 1
        }
        episodeList.keepInView(count: listRowCount, height: listHeight)
    }

    /// A click on row `row` of the list: its episode opens; a show's header does nothing.
    mutating func clickList(row: Int) {
        guard row >= 0, case .episode = sections.content(of: episodeList.top + row),
              episodeList.click(row: row, count: listRowCount) else { return }
        open(episode: listCursor)
    }

    /// The cursor in view, and the header of its show too when it is the show's first episode.
    mutating func keepListCursorVisible() {
        episodeList.keepInView(count: listRowCount, height: listHeight)
        if let position = listPosition, sections.hasHeader(above: position),
           episodeList.top == episodeList.cursor, listHeight > 1 {
            episodeList.top -= 1
        }
    }
}
