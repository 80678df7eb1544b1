import Foundation
import PodLibrary
import ReaderUI
import TranscriptKit

/// `U` in the reader: the library's shows updated on a thread of their own, their progress
/// and outcome posted as actions, then the corpus read again (`.corpusLoaded`).
final class LibraryUpdates: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var stopped = false
    private let finished = DispatchGroup()
    private let reload: @Sendable (_ isCancelled: @escaping @Sendable () -> Bool) throws -> Corpus
    private let post: @Sendable (Action) -> Void

    init(reload: @escaping @Sendable (_ isCancelled: @escaping @Sendable () -> Bool) throws -> Corpus,
         post: @escaping @Sendable (Action) -> Void) {
        self.reload = reload
        self.post = post
    }

    var isRunning: Bool { lock.withLock { running } }

    func start(library root: String) {
        guard lock.withLock({ () -> Bool in defer { running = true }; return !running }) else { return }
        finished.enter()
        // A thread of its own: the update blocks on the network (see `ShowUpdate.fetchFiles`).
        Thread.detachNewThread { [self] in
            defer { finished.leave() }
            let shows = Library(root: root).shows()
            let post = self.post
            let stopped: @Sendable () -> Bool = { [self] in lock.withLock { self.stopped } }
            let report = LibraryUpdater().update(shows, progress: { position in
                post(.libraryUpdateProgress(LibraryUpdateProgress(
                    showsDone: position.showNumber - 1, showsTotal: position.showCount, currentShow: position.show,
                    newEpisodes: position.newEpisodes, failures: position.failures)))
            }, isCancelled: stopped)
            var reloaded: Action?
            if !stopped() {
                do {
                    let corpus = try reload(stopped)
                    if !stopped() { reloaded = .corpusLoaded(Delivered(corpus)) }
                } catch {
                    reloaded = .corpusLoadFailed("\(error)")
                }
            }
            // Running until the library is read again: `U` meanwhile is refused by the state,
            // which is told the update is over only now.
            lock.withLock { running = false }
            if let reloaded { post(reloaded) }
            post(.libraryUpdateFinished(LibraryUpdateOutcome(
                showsUpdated: report.shows, newEpisodes: report.newEpisodes, newTranscripts: report.newTranscripts,
                failures: report.failures.count, firstFailure: report.failures.first?.description)))
        }
    }

    /// Stops the update after the files being fetched and waits for it (the show's state is written).
    func stop() {
        lock.withLock { stopped = true }
        finished.wait()
    }
}
