import Foundation
import ReaderUI
import TranscriptKit

/// Runs the reader's corpus search (`F`) on other threads, so the screen stays live and
/// shows progress; the main loop polls it for actions.
final class BackgroundSearch: @unchecked Sendable {
    let id: Int
    private let lock = NSLock()
    private var done = 0
    private var reported = -1
    private var hits: [SearchHit]?
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    init(corpus: Corpus, search: CorpusSearch) {
        id = search.id
        // A thread of its own, not one from the pool the corpus's load may be filling.
        Thread.detachNewThread {
            let found = corpus.search(search.query,
                                      progress: { [self] count in lock.withLock { done = max(done, count) } },
                                      isCancelled: { [self] in lock.withLock { stopped } })
            self.lock.withLock { self.hits = found }
            self.finished.signal()
        }
    }

    func stop() { lock.withLock { stopped = true } }

    /// Stops and waits for the threads to finish the episodes they are on (before exiting).
    func stopAndWait() {
        stop()
        finished.wait()
        finished.signal()
    }

    /// What happened since the last poll: progress, then the end.
    func poll() -> [Action] {
        lock.withLock {
            var actions: [Action] = []
            if done != reported {
                reported = done
                actions.append(.corpusSearchProgress(id: id, done: done))
            }
            if let hits { actions.append(.corpusSearchFinished(id: id, hits: hits)) }
            return actions
        }
    }
}
