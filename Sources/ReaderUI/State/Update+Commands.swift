import TranscriptKit

extension ReaderState {
    mutating func perform(_ command: Command, times: Int = 1, key: Key? = nil) {
        // What needs the transcript waits for it while it is being read.
        if opening != nil, let key = Self.waitsForTheTranscript[command] {
            opening?.then.append(.key(key))
            message = StatusMessage(text: "reading the transcript first", isError: false)
            return
        }
        let page = max(1, (layout.panes[focus]?.height ?? 1) - 1)
        switch command {
        case .lineDown: if focus == .episodes { moveList(episodes: times) } else { move(focus, by: times) }
        case .lineUp: if focus == .episodes { moveList(episodes: -times) } else { move(focus, by: -times) }
        case .pageDown: move(focus, by: page * times)
        case .pageUp: move(focus, by: -page * times)
        case .halfPageDown: move(focus, by: max(1, page / 2) * times)
        case .halfPageUp: move(focus, by: -max(1, page / 2) * times)
        case .top: move(focus, by: Int.min)
        case .bottom: move(focus, by: Int.max)
        case .nextPane: cycleFocus(1)
        case .previousPane: cycleFocus(-1)
        case .paneLeft where key == .left && focus == .transcript && isListeningHere: seek(by: -Listening.step)
        case .paneRight where key == .right && focus == .transcript && isListeningHere: seek(by: Listening.step)
        case .paneLeft:
            if focus != .episodes { cycleFocus(-1) }
        case .paneRight:
            switch focus {
            case .episodes:
                focus = .transcript
                open(episode: listCursor)
            case .transcript: focus = .notes
            case .notes: break
            }
        case .open:
            if focus == .episodes {
                if layout.mode == .tabs { focus = .transcript }
                open(episode: listCursor)
            } else if focus == .notes {
                openAtNotesCursor()
            } else if focus == .transcript {
                seekToCurrentUtterance()
            }
        case .jump: openPrompt(.jump)
        case .goTo: openPrompt(.goTo)
        case .back: goBack()
        case .previousUtterance: stepUtterance(-times)
        case .nextUtterance: stepUtterance(times)
        case .previousSpeaker: for _ in 0..<times { stepSpeaker(-1) }
        case .nextSpeaker: for _ in 0..<times { stepSpeaker(1) }
        case .speakers: openSpeakerPicker()
        case .everySpeaker:
            if filter.isEmpty {
                message = StatusMessage(text: "no speaker filter to clear", isError: false)
            } else {
                setFilter([], names: [])
                message = StatusMessage(text: "speaker filter cleared", isError: false)
            }
        case .search: openPrompt(focus == .episodes ? .listFilter : .search)
        case .nextMatch: for _ in 0..<times { if trail != nil { stepResult(1) } else { nextMatch(1) } }
        case .previousMatch: for _ in 0..<times { if trail != nil { stepResult(-1) } else { nextMatch(-1) } }
        case .searchAll: openPrompt(.corpusSearch)
        case .copyQuote: copyQuote()
        case .markRange: markRange()
        case .copyRange: copyRange()
        case .video: openVideo()
        case .statistics:
            if let episode { overlay = .statistics(StatisticsWindow(speakers: SpeakerStatistics.of(episode))) }
        case .bookmark:
            if memoryKey == nil {
                message = StatusMessage(text: "bookmarks are off (--no-state)", isError: true)
            } else {
                openPrompt(.bookmark)
            }
        case .bookmarks: openBookmarks()
        case .updateLibrary: updateLibrary()
        case .escape:
            if search != nil || trail != nil {
                search = nil
                trail = nil
                message = StatusMessage(text: "search cleared", isError: false)
            }
        case .repaint: break   // the program repaints the terminal
        case .help: overlay = .help(ScrollList())
        case .quit: isQuitting = true
        case .playPause: playOrPause()
        case .follow: followAgain()
        case .slower: changeSpeed(-1)
        case .faster: changeSpeed(1)
        case .syncEarlier: shiftSync(by: -Listening.syncStep)
        case .syncLater: shiftSync(by: Listening.syncStep)
        case .seekBackLong: seek(by: -Listening.longStep)
        case .seekForwardLong: seek(by: Listening.longStep)
        }
    }

    /// Commands that need the transcript, and the key that asks for each again once it is read.
    static let waitsForTheTranscript: [Command: Key] = [.statistics: .char("i"), .copyQuote: .char("y"), .markRange: .char("v")]

    /// Digits in the list select the episode with that number (`1`, `5`: episode 15), of
    /// the cursor's show first in a library.
    mutating func typeEpisodeNumber(_ digit: Int) {
        let typed = typedNumber + String(digit)
        if let index = episodeIndex(numbered: typed, near: listCursor)
            ?? firstEpisode(near: listCursor, where: { $0.number.map(String.init)?.hasPrefix(typed) == true }) {
            typedNumber = typed
            listCursor = index
        } else if let index = episodeIndex(numbered: String(digit), near: listCursor) {
            typedNumber = String(digit)
            listCursor = index
        } else {
            typedNumber = ""
            message = StatusMessage(text: "no episode \(typed)", isError: true)
        }
        keepListCursorVisible()
    }
}
