import TranscriptKit

/// Draws a state into a grid: the whole screen as data.
public func render(_ state: ReaderState) -> Grid {
    var grid = Grid(width: state.width, height: state.height)
    let layout = state.layout
    if layout.mode == .tooSmall {
        let message = "Terminal too small (\(state.width)×\(state.height)): need \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight)"
        grid.putTruncated(message, x: 0, y: 0, limit: state.width, style: Style(bold: true))
        return grid
    }
    HeaderView.draw(state, layout, &grid)
    for pane in Pane.allCases {
        guard let rect = layout.panes[pane] else { continue }
        switch pane {
        case .episodes: EpisodeListView.draw(state, rect, &grid)
        case .transcript: TranscriptView.draw(state, rect, &grid)
        case .notes: NotesView.draw(state, rect, &grid)
        }
    }
    if layout.mode == .columns {
        for pane in Pane.allCases {
            guard let title = layout.titles[pane] else { continue }
            let focused = state.focus == pane
            var text = " " + pane.title
            if pane == .episodes {
                text += state.listFilter.isEmpty ? " (\(state.corpus.episodes.count))"
                    : " (\(state.listed.count) of \(state.corpus.episodes.count): \(state.listFilter))"
            }
            if pane == .transcript, let search = state.search, !state.shown.isEmpty { text += "  /" + search.pattern }
            grid.fill(x: title.x, y: title.y, width: title.width, height: 1)
            grid.putTruncated(text, x: title.x, y: title.y, limit: title.width, style: focused ? state.theme.paneTitleFocused : state.theme.paneTitle)
            if focused {
                let used = DisplayText.width(of: text)
                for x in (title.x + used + 1)..<max(title.x + used + 1, title.x + title.width - 1) {
                    grid[x, title.y] = Cell(text: "─", style: state.theme.borderFocused)
                }
            }
        }
        for x in layout.separators where x < grid.width {
            for y in 1..<(state.height - 1) { grid[x, y] = Cell(text: "│", style: state.theme.border) }
        }
    }
    StatusBarView.draw(state, layout.status, &grid)
    switch state.overlay {
    case let .help(list)?: HelpOverlay.draw(state, list, &grid)
    case let .speakers(picker)?: SpeakerPickerView.draw(state, picker, &grid)
    case let .results(results)?: CorpusResultsView.draw(state, results, &grid)
    case let .bookmarks(list)?: BookmarksView.draw(state, list, &grid)
    case let .statistics(window)?: StatisticsView.draw(state, window, &grid)
    case nil: break
    }
    return grid
}

enum HeaderView {
    static func draw(_ state: ReaderState, _ layout: ScreenLayout, _ grid: inout Grid) {
        let theme = state.theme
        grid.fill(x: 0, y: 0, width: grid.width, height: 1, style: theme.header)
        var x = 0
        if layout.mode == .tabs {
            for pane in Pane.allCases {
                guard let rect = layout.titles[pane] else { continue }
                let focused = state.focus == pane
                grid.put(" \(pane.title) ", x: rect.x, y: 0, limit: grid.width - rect.x,
                         style: focused ? theme.selection : theme.header)
                x = rect.x + rect.width + 1
            }
            x += 1
        } else {
            x += grid.put(" podread ", x: 0, y: 0, style: theme.header) + 1
        }
        if let episode = state.shownSummary {
            let title = (episode.number.map { "#\($0) " } ?? "") + episode.title
            grid.putTruncated(title, x: x, y: 0, limit: max(0, grid.width - x - 1), style: theme.header)
        }
    }
}

enum EpisodeListView {
    static func draw(_ state: ReaderState, _ rect: Rect, _ grid: inout Grid) {
        let theme = state.theme
        let episodes = state.corpus.episodes
        if episodes.isEmpty {
            grid.putTruncated(" No episodes in \(state.corpus.directory)", x: rect.x, y: rect.y, limit: rect.width, style: theme.timestamp)
            return
        }
        if state.listed.isEmpty {
            grid.putTruncated(" No title has \(state.listFilter)", x: rect.x, y: rect.y, limit: rect.width, style: theme.timestamp)
            return
        }
        let numberWidth = state.listNumberWidth
        for row in 0..<rect.height {
            let y = rect.y + row
            guard state.listTop + row < state.listRowCount else { break }
            let position: Int
            switch state.sections.content(of: state.listTop + row) {
            case let .header(show):
                drawHeader(state.corpus.shows[show]?.title ?? show, rect, y: y, theme: theme, &grid)
                continue
            case let .episode(at): position = at
            }
            let index = state.listed[position]
            // Fields read in place: a copy of the episode would count references to all of them.
            let selected = index == state.listCursor
            let base: Style = selected ? (state.focus == .episodes ? theme.selection : theme.selectionUnfocused) : .plain
            if selected { grid.fill(x: rect.x, y: y, width: rect.width, height: 1, style: base) }
            var marker = " "
            var markerStyle = base
            if episodes[index].diagnostics.contains(where: { $0.severity == .error }) {
                marker = "!"
                markerStyle = merge(theme.errorMarker, over: base)
            } else if !episodes[index].diagnostics.isEmpty {
                marker = "•"
                markerStyle = merge(theme.warningMarker, over: base)
            }
            grid.put(marker, x: rect.x, y: y, style: markerStyle)
            let number = episodes[index].number.map(String.init) ?? "-"
            let padded = String(repeating: " ", count: max(0, numberWidth - number.count)) + number
            var numberStyle = merge(theme.timestamp, over: base)
            numberStyle.dim = false
            grid.put(padded, x: rect.x + 2, y: y, limit: rect.width - 2, style: numberStyle)
            var titleStyle = base
            if index == state.episodeIndex { titleStyle.bold = true; titleStyle.underline = !selected && state.theme.mode == .monochrome }
            let titleX = rect.x + 3 + numberWidth
            grid.putTruncated(episodes[index].title, x: titleX, y: y, limit: max(0, rect.x + rect.width - titleX - 1), style: titleStyle)
        }
    }

    /// A show's title, then a rule to the edge of the list.
    static func drawHeader(_ title: String, _ rect: Rect, y: Int, theme: Theme, _ grid: inout Grid) {
        let used = grid.putTruncated(title, x: rect.x + 1, y: y, limit: max(0, rect.width - 2), style: theme.showHeader)
        let ruleX = rect.x + 2 + used
        let ruleWidth = rect.x + rect.width - 1 - ruleX
        if ruleWidth > 0 { grid.put(String(repeating: "─", count: ruleWidth), x: ruleX, y: y, style: theme.section) }
    }

    /// A foreground style laid over a row's selection background.
    static func merge(_ style: Style, over base: Style) -> Style {
        var result = style
        if base.background != .default { result.background = base.background }
        if base.reverse { result.reverse = true }
        return result
    }
}

enum NotesView {
    static func draw(_ state: ReaderState, _ rect: Rect, _ grid: inout Grid) {
        let lines = state.notes.lines(for: state, width: rect.width)
        for row in 0..<rect.height {
            let index = state.notesTop + row
            guard lines.indices.contains(index) else { break }
            let y = rect.y + row
            let isCursor = state.focus == .notes && index == state.notesCursor
            if isCursor { grid.fill(x: rect.x, y: y, width: rect.width, height: 1, style: state.theme.selection) }
            var x = rect.x
            for span in lines[index].spans {
                let style = isCursor ? EpisodeListView.merge(span.style, over: state.theme.selection) : span.style
                x += grid.put(span.text, x: x, y: y, limit: rect.x + rect.width - x, style: style)
            }
        }
    }
}
