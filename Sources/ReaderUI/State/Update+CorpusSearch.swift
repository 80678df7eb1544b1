import TranscriptKit

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
