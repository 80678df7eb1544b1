extension ReaderState {
    func pane(atX x: Int, y: Int) -> Pane? {
        let layout = layout
        for pane in Pane.allCases {
            if layout.panes[pane]?.contains(x: x, y: y) == true { return pane }
            if layout.mode == .columns, layout.titles[pane]?.contains(x: x, y: y) == true { return pane }
        }
        return nil
    }

    mutating func handle(_ mouse: Mouse) {
        if let overlay {
            handle(mouse, in: overlay)
            return
        }
        guard prompt == nil else { return }
        let layout = layout
        if mouse.kind == .click, layout.mode == .tabs,
           let tab = Pane.allCases.first(where: { layout.titles[$0]?.contains(x: mouse.x, y: mouse.y) == true }) {
            focus = tab
            return
        }
        guard let pane = pane(atX: mouse.x, y: mouse.y) else { return }
        let height = layout.panes[pane]?.height ?? 1
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            let step = mouse.kind == .wheelUp ? -3 : 3
            switch pane {
            case .episodes: scrollList(by: step)
            case .transcript: scrollTranscript(by: step)
            case .notes: notesList.scroll(by: step, count: noteLines.count, height: height)
            }
        case .click:
            focus = pane
            guard let rect = layout.panes[pane], rect.contains(x: mouse.x, y: mouse.y) else { return }
            let row = mouse.y - rect.y
            switch pane {
            case .episodes:
                clickList(row: row)
            case .transcript:
                let position = advance(top, by: row)
                if shown.indices.contains(position.index) {
                    current = position.index
                    seekToCurrentUtterance()
                }
            case .notes:
                let lines = noteLines
                if notesList.click(row: row, count: lines.count), lines[notesCursor].opens != nil || lines[notesCursor].link != nil {
                    openAtNotesCursor()
                }
            }
        }
    }

    /// The wheel scrolls a window's list; a click selects a row, and acts on it as Enter
    /// would (Space in the speaker picker: it ticks).
    private mutating func handle(_ mouse: Mouse, in overlay: Overlay) {
        let area = OverlayGeometry.listArea(of: overlay, in: self)
        let count: Int
        switch overlay {
        case .help: count = HelpOverlay.rowCount
        case let .speakers(picker): count = picker.people.count
        case let .results(results): count = results.rows.count
        case .bookmarks: count = bookmarks.count
        case .statistics: return
        }
        func updated(_ change: (inout ScrollList) -> Bool) -> (Overlay, Bool) {
            switch overlay {
            case var .help(list): let hit = change(&list); return (.help(list), hit)
            case var .speakers(picker): let hit = change(&picker.list); return (.speakers(picker), hit)
            case var .results(results): let hit = change(&results.list); return (.results(results), hit)
            case var .bookmarks(window): let hit = change(&window.list); return (.bookmarks(window), hit)
            case .statistics: return (overlay, false)
            }
        }
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            self.overlay = updated { $0.scroll(by: mouse.kind == .wheelUp ? -3 : 3, count: count, height: area.height); return true }.0
        case .click:
            guard area.contains(x: mouse.x, y: mouse.y) else { return }
            let (next, hit) = updated { $0.click(row: mouse.y - area.y, count: count) }
            self.overlay = next
            guard hit else { return }
            switch next {
            case .speakers: handleOverlayKey(.char(" "), next)
            case .results, .bookmarks: handleOverlayKey(.enter, next)
            case .help, .statistics: break
            }
        }
    }
}
