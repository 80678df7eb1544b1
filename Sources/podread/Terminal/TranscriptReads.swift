import Foundation
import ReaderUI
import TranscriptKit

/// Reads the transcripts the reader asks for on a thread of its own: a read never waits
/// for a free thread in the shared pool, which loading or searching the corpus can keep
/// busy for as long as they run. Only the newest request waiting is kept: one made while
/// another waits replaces it (the reader wants only the episode it opened last).
final class TranscriptReads: @unchecked Sendable {
    private struct Request {
        let corpus: Corpus
        let index: Int
        let file: String
    }

    private let condition = NSCondition()
    private var waiting: Request?
    private var reading = false
    private var asked = DispatchTime.now()
    private let answer: @Sendable (Action) -> Void

    /// `answer` gets each transcript read, as `.transcriptRead`.
    init(answer: @escaping @Sendable (Action) -> Void) {
        self.answer = answer
        let thread = Thread { [self] in work() }
        // Parsing one huge paragraph goes deep; the default secondary stack is small.
        thread.stackSize = 16 << 20
        thread.start()
    }

    func read(episode index: Int, file: String, of corpus: Corpus) {
        condition.withLock {
            waiting = Request(corpus: corpus, index: index, file: file)
            asked = .now()
            condition.signal()
        }
    }

    /// A transcript is being read or waits to be.
    var isReading: Bool { condition.withLock { reading || waiting != nil } }

    /// Waits until the transcript asked for last is read, or `seconds` after it was asked for.
    func settle(seconds: Double) {
        let deadline = condition.withLock { asked } + seconds
        while isReading, DispatchTime.now() < deadline { usleep(1000) }
    }

    private func work() {
        while true {
            let request = condition.withLock { () -> Request in
                while waiting == nil { condition.wait() }
                defer { waiting = nil }
                reading = true
                return waiting!
            }
            Trace.log("reading \(request.index)")
            let episode = request.corpus.transcript(of: request.index)
            Trace.log("read \(request.index)")
            condition.withLock {
                // Answered before `reading` ends, so a reader of `isReading` never sees neither.
                answer(.transcriptRead(episode: request.index, file: request.file, Delivered(episode)))
                reading = false
            }
        }
    }
}
