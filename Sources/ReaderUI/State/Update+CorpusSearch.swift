import TranscriptKit

extension ReaderState {
    /// `F`: the utterances of every episode that match, best first, grouped by episode;
    /// searched again as the words are typed (`asTyped`), a newer search replacing the last.
    mutating func searchCorpus(_ text: String, asTyped: Bool = false) {
        let words = text.trimmingCharacters(in: .whitespaces)
        if let running = corpusSearch {
            outbox.append(.stopCorpusSearch(id: running.id))
            corpusSearch = nil
        }
        guard !words.isEmpty else {
            if case .results = overlay { overlay = nil }
            message = nil
            return
        }
        if corpus.isPartial {
            let read = loading.map { " (\($0.done)/\($0.total))" } ?? ""
            message = StatusMessage(text: "still reading the transcripts\(read); search all episodes when that is done", isError: true)
            return
        }
        let search = CorpusSearch(id: lastCorpusSearchID + 1, text: words, limit: CorpusSearch.mostResults)
        corpusSearch = search
        lastCorpusSearchID = search.id
        outbox.append(.searchCorpus(search))
        if !asTyped { message = StatusMessage(text: "searching all episodes for \(words)… (Esc stops)", isError: false) }
    }

    mutating func corpusSearchProgressed(id: Int, indexed: Int, of total: Int) {
        guard let search = corpusSearch, search.id == id else { return }
        corpusSearch?.indexed = indexed
        corpusSearch?.toIndex = total
        message = StatusMessage(text: "indexing for search: \(indexed)/\(total) episodes changed since the last search (Esc stops)", isError: false)
    }

    mutating func corpusSearchFinished(id: Int, _ hits: [SearchHit], total: Int) {
        guard let search = corpusSearch, search.id == id else { return }
        corpusSearch = nil
        message = nil
        if hits.isEmpty {
            if case .results = overlay { overlay = nil }
            message = StatusMessage(text: "not found in any episode: \(search.text)", isError: true)
            return
        }
        overlay = .results(CorpusResults(text: search.text, hits: hits, total: total))
    }

    mutating func corpusSearchFailed(id: Int, _ problem: String) {
        guard let search = corpusSearch, search.id == id else { return }
        corpusSearch = nil
        if case .results = overlay { overlay = nil }
        message = StatusMessage(text: problem, isError: true)
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
        openHit(results.hits[index])
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

    /// Opens the hit's episode at its utterance, with its first match highlighted there.
    mutating func openHit(_ hit: SearchHit) {
        leaveMark()
        focus = .transcript
        if hit.episode != episodeIndex || opening != nil {
            open(episode: hit.episode, then: [.reveal(hit)])
        } else {
            reveal(hit)
        }
        keepListCursorVisible()
    }

    mutating func reveal(_ hit: SearchHit) {
        guard hit.episode == episodeIndex else { return }
        if !shown.contains(hit.utterance) {
            setFilter([], names: [])
            message = StatusMessage(text: "speaker filter cleared to show the match", isError: false)
        }
        // The words as this utterance has them: a capital there makes the search match case.
        runSearch(hit.firstMatch ?? "")
        guard let index = shownIndex(atOrBefore: hit.utterance) else { return }
        if let match = search?.matches.firstIndex(where: { $0.index == index }) {
            search?.current = match
            reveal(search!.matches[match])
        } else {
            showUtterance(at: index)
        }
    }
}
