import TranscriptKit

/// The reader's one way of changing: an action applied to a state gives the next state.
public func update(_ state: inout ReaderState, _ action: Action) {
    switch action {
    case let .resize(width, height):
        state.width = max(0, width)
        state.height = max(0, height)
        state.clampAfterResize()
    case let .mouse(mouse):
        state.handle(mouse)
    case let .corpusSearchProgress(id, done):
        state.corpusSearchProgressed(id: id, done)
    case let .corpusSearchFinished(id, hits):
        state.corpusSearchFinished(id: id, hits)
    case let .corpusLoadProgress(done, total):
        state.loading = LoadProgress(done: done, total: total)
    case .key(.escape) where state.prompt == nil && state.overlay == nil && state.corpusSearch != nil:
        state.message = StatusMessage(text: "stopped searching for \(state.corpusSearch!.text)", isError: false)
        state.corpusSearch = nil
    case let .key(key):
        if state.prompt != nil {
            state.handlePromptKey(key)
        } else if let overlay = state.overlay {
            state.handleOverlayKey(key, overlay)
        } else {
            state.message = nil
            state.handleKey(key)
        }
    }
}

extension ReaderState {
    mutating func handleKey(_ key: Key) {
        switch key {
        case .char("q"): shouldQuit = true
        case .char("?"): overlay = .help
        case .tab: cycleFocus(1)
        case .backTab: cycleFocus(-1)
        case .char("t"): openPrompt(.jump)
        case .char("/"): openPrompt(.search)
        case .char("F"), .ctrl("f"): openPrompt(.corpusSearch)
        case .char("n"): nextMatch(1)
        case .char("N"): nextMatch(-1)
        case .char("s"): openSpeakerPicker()
        case .char("S"):
            if filter.isEmpty {
                message = StatusMessage(text: "no speaker filter to clear", isError: false)
            } else {
                setFilter([], names: [])
                message = StatusMessage(text: "speaker filter cleared", isError: false)
            }
        case .char("o"): openVideo()
        case .char("i"):
            if let episode { overlay = .statistics(StatisticsWindow(speakers: SpeakerStatistics.of(episode))) }
        case .char("m"):
            if memoryKey == nil {
                message = StatusMessage(text: "bookmarks are off (--no-state)", isError: true)
            } else {
                openPrompt(.bookmark)
            }
        case .char("'"): openBookmarks()
        case .char("["): stepUtterance(-1)
        case .char("]"): stepUtterance(1)
        case .char("{"): stepSpeaker(-1)
        case .char("}"): stepSpeaker(1)
        case .escape:
            if search != nil {
                search = nil
                message = StatusMessage(text: "search cleared", isError: false)
            }
        default:
            handleMovement(key)
        }
    }

    /// Arrow keys, j/k, paging and Enter act on the focused pane.
    mutating func handleMovement(_ key: Key) {
        let page = max(1, (layout.panes[focus]?.height ?? 1) - 1)
        let delta: Int?
        switch key {
        case .down, .char("j"): delta = 1
        case .up, .char("k"): delta = -1
        case .pageDown, .char(" "): delta = page
        case .pageUp, .char("b"), .ctrl("b"): delta = -page
        case .ctrl("d"): delta = max(1, page / 2)
        case .ctrl("u"): delta = -max(1, page / 2)
        case .home, .char("g"): delta = Int.min
        case .end, .char("G"): delta = Int.max
        default: delta = nil
        }
        if let delta {
            move(focus, by: delta)
            return
        }
        switch key {
        case .enter, .right, .char("l"):
            if focus == .episodes {
                open(episode: listCursor)
                if layout.mode == .tabs || key == .right || key == .char("l") { focus = .transcript }
            } else if focus == .notes, key == .enter {
                openRelatedAtCursor()
            }
        case .left, .char("h"):
            if focus != .episodes { focus = .episodes }
        default:
            break
        }
    }

    mutating func move(_ pane: Pane, by delta: Int) {
        switch pane {
        case .episodes:
            let count = corpus.episodes.count
            guard count > 0 else { return }
            listCursor = delta == Int.min ? 0 : delta == Int.max ? count - 1 : min(count - 1, max(0, listCursor + delta))
            keepListCursorVisible()
        case .transcript:
            if delta == Int.min {
                top = .start
                current = 0
            } else if delta == Int.max {
                top = lastTop
                current = max(0, shown.count - 1)
            } else {
                scrollTranscript(by: delta)
            }
        case .notes:
            let count = notes.lines(for: self, width: layout.panes[.notes]?.width ?? width).count
            guard count > 0 else { return }
            notesCursor = delta == Int.min ? 0 : delta == Int.max ? count - 1 : min(count - 1, max(0, notesCursor + delta))
            keepNotesCursorVisible()
        }
    }

    mutating func cycleFocus(_ step: Int) {
        let all = Pane.allCases
        focus = all[(focus.rawValue + step + all.count) % all.count]
    }

    mutating func keepListCursorVisible() {
        let height = max(1, layout.panes[.episodes]?.height ?? 1)
        if listCursor < listTop { listTop = listCursor }
        if listCursor >= listTop + height { listTop = listCursor - height + 1 }
        listTop = max(0, min(listTop, max(0, corpus.episodes.count - height)))
    }

    mutating func keepNotesCursorVisible() {
        let height = max(1, layout.panes[.notes]?.height ?? 1)
        if notesCursor < notesTop { notesTop = notesCursor }
        if notesCursor >= notesTop + height { notesTop = notesCursor - height + 1 }
    }

    mutating func openRelatedAtCursor() {
        let lines = notes.lines(for: self, width: layout.panes[.notes]?.width ?? width)
        guard lines.indices.contains(notesCursor) else { return }
        if let target = lines[notesCursor].opens {
            open(episode: target)
            keepListCursorVisible()
            message = StatusMessage(text: "opened related episode \(corpus.episodes[target].title)", isError: false)
        } else {
            message = StatusMessage(text: "move to a '→' line under RELATED and press Enter to open it", isError: false)
        }
    }

    mutating func clampAfterResize() {
        keepListCursorVisible()
        if !shown.isEmpty, transcriptRect != nil {
            let limit = lastTop
            if limit < top { top = limit }
        }
        keepNotesCursorVisible()
    }

    // MARK: Utterance navigation

    mutating func stepUtterance(_ step: Int) {
        guard !shown.isEmpty else { return }
        let target = current + step
        guard shown.indices.contains(target) else {
            message = StatusMessage(text: step > 0 ? "at the last utterance" : "at the first utterance", isError: false)
            return
        }
        showUtterance(at: target)
    }

    mutating func stepSpeaker(_ step: Int) {
        guard let episode, shown.indices.contains(current) else { return }
        let shown = self.shown
        let person = { (index: Int) in ReaderState.personKey(episode.speaker(of: episode.utterances[shown[index]])) }
        let here = person(current)
        var index = current + step
        while shown.indices.contains(index), person(index) == here { index += step }
        guard shown.indices.contains(index) else {
            message = StatusMessage(text: "no other speaker \(step > 0 ? "after" : "before") this", isError: false)
            return
        }
        showUtterance(at: index)
    }

    /// Jumps to the shown utterance covering `time`, or says why not.
    public mutating func jump(to input: String) {
        guard let episode else { return }
        guard let parsed = TimeFormat.parseInput(input) else {
            message = StatusMessage(text: "'\(input)' is not a time; try 12:30, 1:02:03, 750, +2m or -30s (at most \(TimeFormat.latestText))", isError: true)
            return
        }
        let now = currentUtterance.map { episode.utterances[$0].start } ?? 0
        let time = parsed.resolve(from: now)
        guard let covering = episode.utteranceIndex(covering: time) else {
            message = StatusMessage(text: "\(TimeFormat.clock(time)) is past the end (last timestamp \(TimeFormat.clock(episode.duration)))", isError: true)
            return
        }
        guard let index = shownIndex(atOrBefore: covering) else {
            message = StatusMessage(text: "no utterance shown at \(TimeFormat.clock(time))", isError: true)
            return
        }
        showUtterance(at: index)
        message = StatusMessage(text: "jumped to \(TimeFormat.clock(time))", isError: false)
    }
}
