import TranscriptKit

extension ReaderState {
    mutating func openPrompt(_ kind: Prompt.Kind) {
        guard shownSummary != nil else { return }
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
            if prompt.kind == .corpusSearch { searchCorpus("") }
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
                    seekToCurrentUtterance()
                }
            case .corpusSearch:
                // Searched as typed: the results shown (or on their way) are these words'.
                let words = prompt.text.trimmingCharacters(in: .whitespaces)
                if case let .results(shown)? = overlay, shown.text == words, corpusSearch == nil { break }
                if corpusSearch?.text == words {
                    message = StatusMessage(text: "searching all episodes for \(words)… (Esc stops)", isError: false)
                } else {
                    searchCorpus(prompt.text)
                }
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
        if prompt.kind == .corpusSearch { searchCorpus(prompt.text, asTyped: true) }
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
}
