import Foundation
import TranscriptKit

/// Reads the corpus on other threads while the reader shows its progress.
final class BackgroundLoad: @unchecked Sendable {
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var done = 0
    private var total = 0
    private var outcome: Result<Corpus, Error>?
    private var cancelled = false

    init(_ options: CorpusOptions) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let result = Result {
                try options.load(transcripts: false, progress: { count, of in
                    self.lock.withLock { (self.done, self.total) = (max(self.done, count), of) }
                }, isCancelled: { self.lock.withLock { self.cancelled } })
            }
            lock.withLock { outcome = result }
            finished.signal()
        }
    }

    var progress: (done: Int, total: Int) { lock.withLock { (done, total) } }

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
