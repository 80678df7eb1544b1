import TranscriptKit

extension ReaderState {
    mutating func openPrompt(_ kind: Prompt.Kind) {
        guard episode != nil else { return }
        if kind == .listFilter {
            prompt = Prompt(kind: kind, text: listFilter, origin: top, originCurrent: current, previousSearch: search)
            return
        }
        if layout.mode == .tabs { focus = .transcript }
        if kind == .search || kind == .corpusSearch { trail = nil }
        prompt = Prompt(kind: kind, origin: top, originCurrent: current, previousSearch: search)
    }

    mutating func handlePromptKey(_ key: Key) {
        guard var prompt else { return }
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            if prompt.kind == .listFilter { filterList("") }
            if prompt.kind == .search {
                search = prompt.previousSearch
                returnToOrigin(of: prompt)
            }
            self.prompt = nil
            return
        case .enter:
            self.prompt = nil
            if !prompt.text.isEmpty, promptHistory[prompt.kind]?.last != prompt.text {
                promptHistory[prompt.kind, default: []].append(prompt.text)
                if promptHistory[prompt.kind]!.count > 50 { promptHistory[prompt.kind]!.removeFirst() }
            }
            switch prompt.kind {
            case .jump:
                if !prompt.text.isEmpty { jump(to: prompt.text) }
            case .goTo:
                if !prompt.text.isEmpty { goTo(prompt.text) }
            case .listFilter:
                if !listFilter.isEmpty { message = StatusMessage(text: "\(listed.count) of \(corpus.episodes.count) episodes; / then Esc shows them all", isError: false) }
            case .search:
                if prompt.text.isEmpty {
                    search = prompt.previousSearch
                } else {
                    confirmSearch()
                }
            case .corpusSearch:
                searchCorpus(prompt.text)
            case .bookmark:
                addBookmark(note: prompt.text)
            }
            return
        case .backspace, .delete:
            if prompt.text.isEmpty {
                if prompt.kind == .search { search = prompt.previousSearch; returnToOrigin(of: prompt) }
                if prompt.kind == .listFilter { filterList("") }
                self.prompt = nil
                return
            }
            prompt.text.removeLast()
        case .ctrl("u"):
            prompt.text = ""
        case .up, .down:
            // The earlier entries of this prompt, newest first.
            let earlier = promptHistory[prompt.kind] ?? []
            guard !earlier.isEmpty else { return }
            var slot = prompt.recalled ?? earlier.count
            slot += key == .up ? -1 : 1
            if slot < 0 { return }
            if slot >= earlier.count {
                prompt.recalled = nil
                prompt.text = ""
            } else {
                prompt.recalled = slot
                prompt.text = earlier[slot]
            }
        case let .char(c):
            guard prompt.text.count < 200 else { return }
            prompt.text.append(c)
        default:
            return
        }
        self.prompt = prompt
        if prompt.kind == .search { incrementalSearch(prompt) }
        if prompt.kind == .listFilter { filterList(prompt.text) }
    }

    /// As the pattern grows, show the first match at or after where the search started.
    private mutating func incrementalSearch(_ prompt: Prompt) {
        guard !prompt.text.isEmpty else {
            search = nil
            returnToOrigin(of: prompt)
            return
        }
        runSearch(prompt.text)
        if let index = firstMatch(from: prompt.originCurrent) {
            search?.current = index
            reveal(search!.matches[index])
        } else {
            returnToOrigin(of: prompt)
        }
    }

    /// Back where the reader was when the prompt opened: the view and the clock both.
    private mutating func returnToOrigin(of prompt: Prompt) {
        top = prompt.origin
        current = prompt.originCurrent
    }

    private mutating func confirmSearch() {
        guard let search else { return }
        if search.matches.isEmpty {
            message = StatusMessage(text: "pattern not found: \(search.pattern)", isError: true)
        } else if search.current == nil, let index = firstMatch(from: current) {
            self.search?.current = index
            reveal(search.matches[index])
        }
    }

    func firstMatch(from shownIndex: Int) -> Int? {
        guard let matches = search?.matches, !matches.isEmpty else { return nil }
        var low = 0, high = matches.count
        while low < high {
            let mid = (low + high) / 2
            if matches[mid].index < shownIndex { low = mid + 1 } else { high = mid }
        }
        return low < matches.count ? low : 0
    }

    mutating func nextMatch(_ step: Int) {
        guard let search, !search.matches.isEmpty else {
            message = StatusMessage(text: search == nil ? "no search: press / to search" : "pattern not found: \(search!.pattern)", isError: true)
            return
        }
        let count = search.matches.count
        var next: Int
        if let current = search.current {
            next = current + step
        } else {
            next = (firstMatch(from: current) ?? 0) + (step < 0 ? -1 : 0)
        }
        if next >= count || next < 0 {
            next = (next + count) % count
            message = StatusMessage(text: step > 0 ? "search wrapped to the start" : "search wrapped to the end", isError: false)
        }
        self.search?.current = next
        reveal(search.matches[next])
    }

    /// Scrolls so the match's line is in view, near the top.
    mutating func reveal(_ match: Search.Match) {
        guard let episode else { return }
        let utterance = shown[match.index]
        let rows = rows(forShown: match.index)
        let text = episode.utterances[utterance].paragraphs[match.paragraph]
        let ranges = wraps.matches(of: search?.pattern ?? "", caseSensitive: search?.caseSensitive ?? false, episode: shownVersion,
                                   utterance: utterance, paragraph: match.paragraph, text: text)
        var row = 0
        if ranges.indices.contains(match.occurrence) {
            // The last line of the paragraph that starts at or before the match.
            let character = ranges[match.occurrence].lowerBound
            row = rows.lastIndex {
                if case let .line(_, paragraph, start, _, _) = $0 { return paragraph == match.paragraph && start.offset <= character }
                return false
            } ?? 0
        }
        let height = transcriptRect?.height ?? 1
        let headerRow = rows.firstIndex { if case .section = $0 { return false }; return $0 != .blank } ?? 0
        if row - headerRow < height - 2 {
            showUtterance(at: match.index)
        } else {
            showUtterance(at: match.index, row: max(headerRow, row - 2))
        }
        current = match.index
    }

    // MARK: Speaker picker

    mutating func openSpeakerPicker() {
        guard let episode else { return }
        var people: [SpeakerPicker.Person] = []
        let counts = episode.utteranceCounts
        for (index, speaker) in episode.speakers.enumerated() {
            let key = ReaderState.personKey(speaker)
            if let existing = people.firstIndex(where: { $0.key == key }) {
                people[existing].tags.append(speaker.tag)
                people[existing].utterances += counts[index]
                if speaker.isCertain, !people[existing].speaker.isCertain { people[existing].speaker = speaker }
            } else {
                people.append(SpeakerPicker.Person(key: key, speaker: speaker, tags: [speaker.tag], utterances: counts[index]))
            }
        }
        people.sort { $0.utterances > $1.utterances }
        if layout.mode == .tabs { focus = .transcript }
        overlay = .speakers(SpeakerPicker(people: people, checked: filter.intersection(people.map(\.key))))
    }

    mutating func handleOverlayKey(_ key: Key, _ overlay: Overlay) {
        let rows = OverlayGeometry.listArea(of: overlay, in: self).height
        switch overlay {
        case var .help(list):
            if [.escape, .char("q"), .char("?"), .enter].contains(key) { self.overlay = nil; return }
            _ = list.handle(key, count: HelpOverlay.rowCount, height: rows)
            self.overlay = .help(list)
        case .statistics:
            if [.escape, .char("q"), .char("i"), .enter].contains(key) { self.overlay = nil }
        case var .results(results):
            handleResultsKey(key, &results, rows: rows)
        case var .bookmarks(window):
            handleBookmarksKey(key, &window, rows: rows)
        case var .speakers(picker):
            let cursor = picker.list.cursor
            switch key {
            case .escape, .char("q"):
                self.overlay = nil
                return
            case .char(" "), .char("x"):
                guard picker.people.indices.contains(cursor) else { break }
                let key = picker.people[cursor].key
                if picker.checked.contains(key) { picker.checked.remove(key) } else { picker.checked.insert(key) }
            case .char("a"):
                picker.checked = picker.checked.count == picker.people.count ? [] : Set(picker.people.map(\.key))
            case .enter:
                if picker.checked.isEmpty, picker.people.indices.contains(cursor) {
                    picker.checked = [picker.people[cursor].key]
                }
                let names = picker.people.filter { picker.checked.contains($0.key) }.map(\.speaker.displayName)
                self.overlay = nil
                setFilter(picker.checked.count == picker.people.count ? [] : picker.checked, names: names)
                message = StatusMessage(text: filter.isEmpty ? "showing every speaker" : "showing only \(names.joined(separator: ", "))", isError: false)
                return
            default:
                _ = picker.list.handle(key, count: picker.people.count, height: rows)
            }
            self.overlay = .speakers(picker)
        }
    }
}

extension ReaderState {
    /// `F`: every utterance of every episode with all the words (and "phrases").
    mutating func searchCorpus(_ text: String) {
        guard let query = SearchQuery(typed: text) else {
            if !text.allSatisfy({ $0.isWhitespace || $0 == "\"" }) {
                message = StatusMessage(text: "a search takes at most \(SearchQuery.mostTerms) different words and phrases", isError: true)
            }
            return
        }
        if corpus.isPartial {
            let read = loading.map { " (\($0.done)/\($0.total))" } ?? ""
            message = StatusMessage(text: "still reading the transcripts\(read); search all episodes when that is done", isError: true)
            return
        }
        if let running = corpusSearch { outbox.append(.stopCorpusSearch(id: running.id)) }
        let search = CorpusSearch(id: (corpusSearch?.id ?? lastCorpusSearchID) + 1, query: query, text: text,
                                  total: corpus.episodes.count)
        corpusSearch = search
        lastCorpusSearchID = search.id
        outbox.append(.searchCorpus(search))
        message = StatusMessage(text: "searching all episodes for \(text)… (Esc stops)", isError: false)
    }

    mutating func corpusSearchProgressed(id: Int, _ done: Int) {
        guard let search = corpusSearch, search.id == id else { return }
        corpusSearch?.done = done
        message = StatusMessage(text: "searching all episodes for \(search.text)… \(done)/\(search.total) (Esc stops)", isError: false)
    }

    mutating func corpusSearchFinished(id: Int, _ hits: [SearchHit]) {
        guard let search = corpusSearch, search.id == id else { return }
        corpusSearch = nil
        message = nil
        if hits.isEmpty {
            message = StatusMessage(text: "not found in any episode: \(search.text)", isError: true)
            return
        }
        overlay = .results(CorpusResults(query: search.query, hits: hits))
    }

    mutating func handleResultsKey(_ key: Key, _ results: inout CorpusResults, rows: Int) {
        switch key {
        case .escape, .char("q"):
            overlay = nil
            return
        case .enter:
            overlay = nil
            guard let chosen = results.chosen else { return }
            openResult(chosen, of: results)
            return
        default:
            let before = results.list.cursor
            _ = results.list.handle(key, count: results.rows.count, height: rows)
            results.settle(from: before, height: rows)
        }
        overlay = .results(results)
    }

    /// Opens a result, remembering the results so `n` and `N` step through them.
    mutating func openResult(_ index: Int, of results: CorpusResults) {
        guard results.hits.indices.contains(index) else { return }
        openHit(results.hits[index], query: results.query)
        trail = ResultsTrail(results: results, hit: index)
    }

    /// `n`/`N` after a result was opened: the next or previous result, in any episode.
    mutating func stepResult(_ step: Int) {
        guard let trail else { return }
        let count = trail.results.hits.count
        var next = trail.hit + step
        if next >= count || next < 0 {
            next = (next + count) % count
            message = StatusMessage(text: step > 0 ? "results wrapped to the first" : "results wrapped to the last", isError: false)
        }
        let cameFromBefore = cameFrom
        openResult(next, of: trail.results)
        cameFrom = cameFromBefore   // stepping through results is not a place to go back to
        if message == nil || message?.text.hasPrefix("results wrapped") != true {
            message = StatusMessage(text: "result \(next + 1)/\(count) (n, N: next, previous; Esc: done)", isError: false)
        }
    }

    /// Opens the hit's episode at its utterance, with its first term highlighted there.
    mutating func openHit(_ hit: SearchHit, query: SearchQuery) {
        leaveMark()
        focus = .transcript
        if hit.episode != episodeIndex || opening != nil {
            open(episode: hit.episode, then: [.reveal(hit, query)])
        } else {
            reveal(hit, query: query)
        }
        keepListCursorVisible()
    }

    mutating func reveal(_ hit: SearchHit, query: SearchQuery) {
        guard hit.episode == episodeIndex else { return }
        if !shown.contains(hit.utterance) {
            setFilter([], names: [])
            message = StatusMessage(text: "speaker filter cleared to show the match", isError: false)
        }
        let pattern = query.terms.max { $0.count < $1.count } ?? ""
        runSearch(pattern)
        guard let index = shownIndex(atOrBefore: hit.utterance) else { return }
        if let match = search?.matches.firstIndex(where: { $0.index == index }) {
            search?.current = match
            reveal(search!.matches[match])
        } else {
            showUtterance(at: index)
        }
    }
}
