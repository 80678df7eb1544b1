import Foundation
import TranscriptKit

/// Reads the corpus on other threads while the reader shows its progress.
final class BackgroundLoad: @unchecked Sendable {
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var done = 0
    private var total = 0
    private var outcome: Result<Corpus, Error>?

    init(_ options: CorpusOptions) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let result = Result {
                try options.load(transcripts: false) { count, of in
                    self.lock.withLock { (self.done, self.total) = (max(self.done, count), of) }
                }
            }
            lock.withLock { outcome = result }
            finished.signal()
        }
    }

    var progress: (done: Int, total: Int) { lock.withLock { (done, total) } }

    /// The corpus or the error, once reading is over; waits up to `seconds` for it.
    func result(waiting seconds: Double) -> Result<Corpus, Error>? {
        if finished.wait(timeout: .now() + seconds) == .success { finished.signal() }
        return lock.withLock { outcome }
    }
}
