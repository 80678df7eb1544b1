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
        if overlay != nil || prompt != nil {
            if mouse.kind == .click, overlay != nil, case let .speakers(picker)? = overlay,
               let row = OverlayGeometry.pickerRow(state: self, picker: picker, x: mouse.x, y: mouse.y) {
                var updated = picker
                updated.cursor = row
                overlay = .speakers(updated)
                handleOverlayKey(.char(" "), .speakers(updated))
            }
            return
        }
        let layout = layout
        if mouse.kind == .click, layout.mode == .tabs,
           let tab = Pane.allCases.first(where: { layout.titles[$0]?.contains(x: mouse.x, y: mouse.y) == true }) {
            focus = tab
            return
        }
        guard let pane = pane(atX: mouse.x, y: mouse.y) else { return }
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            let step = mouse.kind == .wheelUp ? -3 : 3
            switch pane {
            case .episodes:
                let height = layout.panes[.episodes]?.height ?? 1
                listTop = max(0, min(max(0, corpus.episodes.count - height), listTop + step))
            case .transcript:
                scrollTranscript(by: step)
            case .notes:
                let count = notes.lines(for: self, width: layout.panes[.notes]?.width ?? width).count
                let height = layout.panes[.notes]?.height ?? 1
                notesTop = max(0, min(max(0, count - height), notesTop + step))
                notesCursor = min(max(notesCursor, notesTop), notesTop + height - 1)
            }
        case .click:
            focus = pane
            guard let rect = layout.panes[pane], rect.contains(x: mouse.x, y: mouse.y) else { return }
            let row = mouse.y - rect.y
            switch pane {
            case .episodes:
                let index = listTop + row
                if corpus.episodes.indices.contains(index) {
                    listCursor = index
                    open(episode: index)
                }
            case .transcript:
                let position = advance(top, by: row)
                if shown.indices.contains(position.index) { current = position.index }
            case .notes:
                notesCursor = notesTop + row
                let lines = notes.lines(for: self, width: rect.width)
                if lines.indices.contains(notesCursor), lines[notesCursor].opens != nil { openRelatedAtCursor() }
            }
        }
    }
}
