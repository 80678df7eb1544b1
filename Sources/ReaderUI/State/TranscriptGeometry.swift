import TranscriptKit

/// Column plan of the transcript pane: in a wide pane, time and name sit left of the text
/// (a hanging indent); in a narrow one they get a line of their own above it.
public struct TranscriptGeometry: Equatable, Sendable {
    public var paneWidth: Int
    public var hanging: Bool
    public var timeWidth: Int
    public var nameWidth: Int
    /// Column where text starts on every line.
    public var indent: Int
    public var textWidth: Int

    public static let hangingMinimum = 60

    init(paneWidth: Int, columns: TranscriptColumns) {
        self.paneWidth = paneWidth
        timeWidth = columns.timeWidth
        nameWidth = columns.nameWidth
        hanging = paneWidth >= Self.hangingMinimum
        indent = hanging ? 1 + timeWidth + 2 + nameWidth + 2 : 2
        textWidth = max(1, paneWidth - indent - 1)
    }
}

/// The widths an episode needs for its times and speaker names.
struct TranscriptColumns: Equatable, Sendable {
    var timeWidth: Int
    var nameWidth: Int

    init(timeWidth: Int, nameWidth: Int) {
        self.timeWidth = timeWidth
        self.nameWidth = nameWidth
    }

    init(episode: Episode) {
        timeWidth = max(4, TimeFormat.clock(episode.duration).count)
        nameWidth = min(18, episode.speakers.map { DisplayText.width(of: $0.displayName) }.max() ?? 4)
    }
}

extension ReaderState {
    /// The transcript pane, also while another tab hides it (below 100 columns): places
    /// in the transcript are kept at the width it is read at.
    var transcriptRect: Rect? {
        layout.panes[.transcript] ?? ScreenLayout(width: width, height: height, focus: .transcript).panes[.transcript]
    }

    var geometry: TranscriptGeometry? {
        guard let rect = transcriptRect, episode != nil else { return nil }
        return TranscriptGeometry(paneWidth: rect.width, columns: columns)
    }

    /// Rows of the `index`-th shown utterance, with a section rule first when it opens one.
    /// The episode's parts are read in place: a copy of it would count references to all of
    /// them, and this runs for every utterance a frame or a move passes.
    func rows(forShown index: Int) -> [TranscriptRow] {
        guard shown.indices.contains(index), let geometry, let utterances = episode?.utterances else { return [] }
        let utterance = shown[index]
        let rows = wraps.rows(episode: shownVersion, utterance: utterance, text: utterances[utterance].paragraphs,
                              width: geometry.textWidth, hanging: geometry.hanging)
        let section = utterances[utterance].sectionIndex
        let previous = index > 0 ? utterances[shown[index - 1]].sectionIndex : nil
        if let section, section != previous || index == 0 {
            return [.section(episode?.sections[section].title ?? ""), .blank] + rows
        }
        return rows
    }


    /// Moves a position by `delta` rows, staying within the transcript.
    func advance(_ position: TranscriptPosition, by delta: Int) -> TranscriptPosition {
        guard !shown.isEmpty else { return .start }
        var p = position
        var remaining = delta
        while remaining > 0 {
            let count = rows(forShown: p.index).count
            if p.row + 1 < count {
                p.row += 1
            } else if p.index + 1 < shown.count {
                p = TranscriptPosition(index: p.index + 1, row: 0)
            } else {
                break
            }
            remaining -= 1
        }
        while remaining < 0 {
            if p.row > 0 {
                p.row -= 1
            } else if p.index > 0 {
                p = TranscriptPosition(index: p.index - 1, row: rows(forShown: p.index - 1).count - 1)
            } else {
                break
            }
            remaining += 1
        }
        return p
    }

    /// The lowest top that still fills the pane (the last row at the bottom).
    var lastTop: TranscriptPosition {
        guard !shown.isEmpty, let rect = transcriptRect else { return .start }
        let last = shown.count - 1
        let end = TranscriptPosition(index: last, row: max(0, rows(forShown: last).count - 1))
        return advance(end, by: -(max(1, rect.height) - 1))
    }

    /// Scrolls the pane; the reader stays at the current utterance while it is on screen,
    /// else is at the top one (the clock and the saved place follow the view).
    mutating func scrollTranscript(by delta: Int) {
        stopFollowing()
        var next = advance(top, by: delta)
        let limit = lastTop
        if limit < next { next = limit }
        top = next
        if !isOnScreen(current) { current = next.index }
    }

    /// True when some row of the shown utterance `index` is in the pane.
    func isOnScreen(_ index: Int) -> Bool {
        guard let height = transcriptRect?.height, index >= top.index else { return false }
        var rowsAbove = rows(forShown: top.index).count - top.row
        var next = top.index + 1
        if index == top.index { return true }
        while next < index, rowsAbove < height {
            rowsAbove += rows(forShown: next).count
            next += 1
        }
        return next == index && rowsAbove < height
    }

    /// Puts the shown utterance `index` at the top of the pane (as far as the end allows);
    /// while the episode is listened to, the audio goes there too.
    mutating func showUtterance(at index: Int, row: Int = 0) {
        guard shown.indices.contains(index) else { return }
        place(shown: index, row: row)
        seekToCurrentUtterance()
    }

    /// `showUtterance` without moving the audio (for following it).
    mutating func place(shown index: Int, row: Int = 0) {
        let sectionRows = rows(forShown: index).firstIndex { if case .section = $0 { return false }; return $0 != .blank } ?? 0
        var target = TranscriptPosition(index: index, row: row == 0 ? sectionRows : row)
        let limit = lastTop
        if limit < target { target = limit }
        top = target
        current = index
    }
}
