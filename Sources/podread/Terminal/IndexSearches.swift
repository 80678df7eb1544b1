import Foundation
import ReaderUI
import SearchIndex
import TranscriptKit

/// The reader's searches of every episode (`F`), on a thread of their own: the search index
/// is brought up to date with the reader's corpus (only changed files read, with progress),
/// then asked for the best hits, grouped by episode. Only the newest search waiting is
/// kept, and a newer one interrupts the query under way: typing never queues searches.
final class IndexSearches: @unchecked Sendable {
    private struct Request {
        let search: CorpusSearch
        let corpus: Corpus
    }

    private let condition = NSCondition()
    private var waiting: Request?
    private var runningID: Int?
    private var querying = false
    private var stopped = false
    private var quitting = false
    private var index: SearchIndex?
    /// When the index was last brought up to date, and for which corpus (a burst of
    /// searches as a word is typed checks the files once).
    private var lastUpdate: (directory: String, episodes: Int, at: DispatchTime)?
    private let answer: @Sendable (Action) -> Void

    init(answer: @escaping @Sendable (Action) -> Void) {
        self.answer = answer
        let thread = Thread { [self] in work() }
        thread.start()
    }

    func search(_ search: CorpusSearch, in corpus: Corpus) {
        condition.withLock {
            waiting = Request(search: search, corpus: corpus)
            if querying { index?.interrupt() }
            condition.signal()
        }
    }

    /// Stops the search `id`, waiting or under way.
    func stop(id: Int) {
        condition.withLock {
            if waiting?.search.id == id { waiting = nil }
            if runningID == id {
                stopped = true
                if querying { index?.interrupt() }
            }
        }
    }

    /// A search waits or runs.
    var isBusy: Bool { condition.withLock { waiting != nil || runningID != nil } }

    /// Stops everything and waits until the thread is idle (before exiting).
    func finish() {
        condition.withLock {
            quitting = true
            waiting = nil
            stopped = true
            if querying { index?.interrupt() }
            while runningID != nil { condition.wait() }
        }
    }

    private func work() {
        while true {
            let request = condition.withLock { () -> Request in
                while waiting == nil { condition.wait() }
                defer { waiting = nil }
                runningID = waiting!.search.id
                stopped = false
                return waiting!
            }
            let outcome = run(request)
            condition.withLock {
                if let outcome, !stopped, waiting == nil { answer(outcome) }
                runningID = nil
                condition.broadcast()
            }
        }
    }

    /// Gives up when a newer search waits, or this one was stopped.
    private var isSuperseded: Bool { condition.withLock { waiting != nil || stopped || quitting } }

    private func run(_ request: Request) -> Action? {
        let id = request.search.id
        guard let query = IndexQuery(request.search.text) else {
            return .corpusSearchFailed(id: id, problem: "nothing to search for in \(request.search.text): give a word (-word only leaves out)")
        }
        do {
            let index = try self.index ?? SearchIndex(corpusFolder: request.corpus.directory)
            condition.withLock { self.index = index }
            try bringUpToDate(index, for: request)
            if isSuperseded { return nil }
            return try self.query(index, query, request)
        } catch is DatabaseInterruption {
            return nil
        } catch {
            if isSuperseded { return nil }   // an interrupted query
            return .corpusSearchFailed(id: id, problem: "search failed: \(error)")
        }
    }

    private func bringUpToDate(_ index: SearchIndex, for request: Request) throws {
        let corpus = request.corpus
        if let last = lastUpdate, last.directory == corpus.directory, last.episodes == corpus.episodes.count,
           DispatchTime.now().uptimeNanoseconds - last.at.uptimeNanoseconds < 1_000_000_000 { return }
        let id = request.search.id
        let answer = self.answer
        // The reader's corpus is as the folder was when it started: files added since are
        // not its to forget.
        try index.update(corpus, forgettingOthers: false, progress: { done, total in
            answer(.corpusSearchProgress(id: id, indexed: done, of: total))
        }, isCancelled: { [self] in condition.withLock { quitting } })
        lastUpdate = (corpus.directory, corpus.episodes.count, .now())
    }

    private func query(_ index: SearchIndex, _ query: IndexQuery, _ request: Request) throws -> Action {
        let corpus = request.corpus
        var episodeOf: [String: Int] = [:]
        for (number, episode) in corpus.episodes.enumerated() { episodeOf[episode.file] = number }
        var hits: [SearchHit] = []
        condition.withLock { querying = true }
        defer { condition.withLock { querying = false } }
        try index.search(query, limit: request.search.limit) { found in
            guard let number = episodeOf[found.file] else { return true }
            let speakers = corpus.episodes[number].speakers
            let speaker = speakers.indices.contains(found.speaker) ? speakers[found.speaker]
                : Speaker(tag: found.tag, name: found.tag, role: .unknown, isCertain: false, reason: "")
            hits.append(SearchHit(episode: number, utterance: found.position, start: found.start, speaker: speaker,
                                  text: found.text, matches: found.matches))
            return !isSuperseded
        }
        if isSuperseded { throw DatabaseInterruption() }
        let total = hits.count < request.search.limit ? hits.count : try index.count(query)
        return .corpusSearchFinished(id: request.search.id, hits: Self.grouped(hits), total: total)
    }

    /// Episodes in the order of their best hit; in each, its hits in the order they are spoken.
    static func grouped(_ hits: [SearchHit]) -> [SearchHit] {
        var order: [Int: Int] = [:]
        for hit in hits where order[hit.episode] == nil { order[hit.episode] = order.count }
        return hits.sorted { a, b in
            a.episode == b.episode ? a.utterance < b.utterance : order[a.episode]! < order[b.episode]!
        }
    }

    /// A query given up for a newer one.
    private struct DatabaseInterruption: Error {}
}
