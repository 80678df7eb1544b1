import Foundation
import TranscriptKit

/// Reads the corpus on other threads while the reader shows its progress. From the cache
/// that takes a moment. Otherwise, once the screen asks for it (`listFirst`), reading stops
/// and starts again in two passes: the front matter of every file, which the reader lists
/// at once (`partial`), then the whole corpus (transcripts only, for files unchanged since),
/// which replaces it (`result`).
final class BackgroundLoad: @unchecked Sendable {
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var done = 0
    private var total = 0
    private var partialCorpus: Corpus?
    private var outcome: Result<Corpus, Error>?
    private var cancelled = false
    private var wantsList = false

    init(_ options: CorpusOptions) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let report: @Sendable (Int, Int) -> Void = { count, of in
                self.lock.withLock { (self.done, self.total) = (max(self.done, count), of) }
            }
            let stopped: @Sendable () -> Bool = { self.lock.withLock { self.cancelled } }
            var result = Result { try options.load(transcripts: false, progress: report, isCancelled: { self.lock.withLock { self.cancelled || self.wantsList } },
                                                  reportsCacheProblem: false) }
            // Cut short for a first list (an empty corpus from a folder with files in it).
            let cut = lock.withLock { wantsList && !cancelled && total > 0 } && (try? result.get().episodes.isEmpty) == true
            if cut {
                lock.withLock { (done, total) = (0, 0) }
                let partial = Result { try options.loadFrontMatter(progress: report, isCancelled: stopped) }
                lock.withLock {
                    if case let .success(corpus) = partial { partialCorpus = corpus }
                    (done, total) = (0, 0)
                }
                result = partial.flatMap { partial in
                    Result {
                        try options.load(transcripts: false, after: partial, progress: report,
                                         isCancelled: stopped, reportsCacheProblem: false)
                    }
                }
            }
            lock.withLock { outcome = result }
            finished.signal()
        }
    }

    var progress: (done: Int, total: Int) { lock.withLock { (done, total) } }

    /// The front matter of every episode, once read, while the whole corpus is still to come.
    var partial: Corpus? { lock.withLock { outcome == nil ? partialCorpus : nil } }

    /// Asks for the corpus to be listed from its front matter first.
    func listFirst() { lock.withLock { wantsList = true } }

    /// Stops reading and waits for the threads to finish the files they are on, so the
    /// process never exits with reading under way.
    func cancel() {
        lock.withLock { cancelled = true }
        _ = result(waiting: .infinity)
    }

    /// The corpus or the error, once reading is over; waits up to `seconds` for it.
    func result(waiting seconds: Double) -> Result<Corpus, Error>? {
        let deadline: DispatchTime = seconds.isFinite ? .now() + seconds : .distantFuture
        if finished.wait(timeout: deadline) == .success { finished.signal() }
        return lock.withLock { outcome }
    }
}
