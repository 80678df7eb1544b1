import TranscriptKit

/// The reader's one way of changing: an action applied to a state gives the next state, and
/// the effects (reading, searching, saving, opening, copying, quitting) for the program to run.
@discardableResult
public func update(_ state: inout ReaderState, _ action: Action) -> [Effect] {
    state.apply(action)
    // The place is saved as the reader moves (the memory's writer coalesces the writes),
    // and again on leaving: of two readers of one corpus, the one left last is where the
    // next start opens.
    state.recordPosition(again: state.isQuitting)
    var effects = state.outbox
    state.outbox = []
    if state.isQuitting { effects.append(.quit) }
    return effects
}

extension ReaderState {
    mutating func apply(_ action: Action) {
        switch action {
        case .start:
            break
        case let .resize(width, height):
            self.width = max(0, width)
            self.height = max(0, height)
            clampAfterResize()
        case let .mouse(mouse):
            handle(mouse)
        case let .corpusSearchProgress(id, indexed, total):
            corpusSearchProgressed(id: id, indexed: indexed, of: total)
        case let .corpusSearchFinished(id, hits, total):
            corpusSearchFinished(id: id, hits, total: total)
        case let .corpusSearchFailed(id, problem):
            corpusSearchFailed(id: id, problem)
        case let .corpusLoadProgress(done, total):
            loading = LoadProgress(done: done, total: total)
        case let .corpusLoaded(full):
            finishLoading(with: full.value)
        case let .corpusLoadFailed(problem):
            loading = nil
            message = StatusMessage(text: "reading the transcripts failed: \(problem)", isError: true)
        case let .libraryUpdateProgress(progress):
            libraryUpdateProgressed(progress)
        case let .libraryUpdateFinished(outcome):
            libraryUpdateFinished(outcome)
        case let .transcriptRead(index, file, episode):
            received(episode.value, for: index, file: file)
        case let .remembered(memory, key, warning):
            remember(memory.value, key: key)
            if let warning { message = StatusMessage(text: warning, isError: true) }
        case let .openEpisode(index, then):
            focus = .transcript
            open(episode: index, then: then)
        case let .filterSpeakers(names):
            guard let episode else { return }
            let chosen = episode.speakerIndexes(matching: names).indexes.sorted().map { episode.speakers[$0] }
            setFilter(Set(chosen.map { Self.personKey($0) }), names: chosen.map(\.displayName))
        case let .jump(time):
            jump(to: time)
        case let .restore(position):
            restore(position)
        case let .reveal(hit):
            reveal(hit)
        case let .show(status):
            message = status
        case let .memoryProblem(warning):
            message = StatusMessage(text: warning, isError: true)
        case let .linkOpened(url, outcome):
            switch outcome {
            case .opened: message = StatusMessage(text: "opening in the browser: \(url)", isError: false)
            case .failed: message = StatusMessage(text: "xdg-open could not be started for \(url)", isError: true)
            case .noOpener: break
            }
        case let .copied(what, how):
            message = how.map { StatusMessage(text: "copied \(what) (\($0))", isError: false) }
                ?? StatusMessage(text: "could not copy \(what): no clipboard (OSC 52 needs a terminal that allows it; else install wl-copy or xclip)", isError: true)
        case let .player(report):
            heard(report)
        case .terminate:
            isQuitting = true
        case .key(.escape) where prompt == nil && overlay == nil && corpusSearch != nil:
            message = StatusMessage(text: "stopped searching for \(corpusSearch!.text)", isError: false)
            outbox.append(.stopCorpusSearch(id: corpusSearch!.id))
            corpusSearch = nil
        case let .key(key):
            if prompt != nil {
                handlePromptKey(key)
            } else if let overlay {
                handleOverlayKey(key, overlay)
            } else {
                message = nil
                handleKey(key)
            }
        }
    }
}

extension ReaderState {
    mutating func handleKey(_ key: Key) {
        if case let .char(c) = key, c.isASCII, let digit = c.wholeNumberValue {
            if focus == .episodes {
                typeEpisodeNumber(digit)
                return
            }
            // A count for the next move (5j), as in less and vim.
            if digit > 0 || count != nil {
                count = min(9999, (count ?? 0) * 10 + digit)
                return
            }
        }
        let times = count ?? 1
        count = nil
        typedNumber = ""
        guard let command = KeyMap.command(for: key) else { return }
        perform(command, times: times, key: key)
    }

    mutating func move(_ pane: Pane, by delta: Int) {
        switch pane {
        case .episodes:
            moveList(rows: delta)
        case .transcript:
            if delta == Int.min || delta == Int.max { stopFollowing() }
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
            notesList.move(by: delta, count: noteLines.count, height: layout.panes[.notes]?.height ?? 1)
        }
    }

    /// The notes of the open episode at the notes pane's width.
    var noteLines: [NoteLine] { notes.lines(for: self, width: layout.panes[.notes]?.width ?? width) }

    mutating func cycleFocus(_ step: Int) {
        let all = Pane.allCases
        focus = all[(focus.rawValue + step + all.count) % all.count]
    }

    mutating func keepNotesCursorVisible() {
        notesList.keepInView(count: noteLines.count, height: layout.panes[.notes]?.height ?? 1)
    }

    mutating func openAtNotesCursor() {
        let lines = noteLines
        guard lines.indices.contains(notesCursor) else { return }
        if let target = lines[notesCursor].opens {
            leaveMark()
            open(episode: target)
            keepListCursorVisible()
            message = StatusMessage(text: "opened related episode \(corpus.episodes[target].title) (Backspace goes back)", isError: false)
        } else if let link = lines[notesCursor].link {
            guard let address = VideoLink.webAddress(link) else {
                message = StatusMessage(text: "not a web address podread opens (http or https, at most \(VideoLink.longest) bytes): \(link)", isError: true)
                return
            }
            outbox.append(.openLink(address))
            message = StatusMessage(text: "link: \(address)", isError: false)
        } else {
            message = StatusMessage(text: "move to a link or a '→' line under RELATED and press Enter to open it", isError: false)
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
        let target = min(shown.count - 1, max(0, current + step))
        guard target != current else {
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
        if opening != nil {
            // The transcript is on its way: jump in it when it is here.
            opening?.then.append(.jump(input))
            message = StatusMessage(text: "jumping to \(input) when the transcript is read", isError: false)
            return
        }
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
        guard var index = shownIndex(atOrBefore: covering) else {
            message = StatusMessage(text: "no utterance shown at \(TimeFormat.clock(time))", isError: true)
            return
        }
        // Under a speaker filter the shown utterance before the time may be the one the
        // reader is at: a relative jump still moves, to the next (or previous) shown one.
        if case let .relative(delta) = parsed, index == current {
            let step = delta > 0 ? 1 : -1
            if shown.indices.contains(index + step) { index += step }
        }
        showUtterance(at: index)
        message = StatusMessage(text: "jumped to \(TimeFormat.clock(time))", isError: false)
    }
}
