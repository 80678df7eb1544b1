import Foundation
import ReaderUI
import TranscriptKit

/// Runs the reader's effects off the input thread and hands every result back as an
/// action (`results`): transcripts read, searches of every episode (through the index), the memory written, links
/// opened, text copied, and the corpus read in the background after a partial one.
final class EffectRunner: @unchecked Sendable {
    private let lock = NSLock()
    private var inbox: [Action] = []
    private lazy var reads = TranscriptReads { [unowned self] action in post(action) }
    /// Links being opened, whose outcomes are still to come.
    private var underWay = 0
    private lazy var searches = IndexSearches { [unowned self] action in post(action) }
    private let writer: MemoryWriter?
    private let loading: BackgroundLoad
    private var reportedLoad: (done: Int, total: Int)?
    private var loadOver = false
    private let copier: Clipboard
    private let reload: @Sendable (_ isCancelled: @escaping @Sendable () -> Bool) throws -> Corpus
    private lazy var updates = LibraryUpdates(reload: reload) { [unowned self] action in post(action) }
    private lazy var player = PlayerRunner { [unowned self] action in post(action) }
    /// `.quit` was run.
    private(set) var hasQuit = false

    init(writer: MemoryWriter?, loading: BackgroundLoad, copier: Clipboard,
         reload: @escaping @Sendable (_ isCancelled: @escaping @Sendable () -> Bool) throws -> Corpus) {
        self.writer = writer
        self.loading = loading
        self.copier = copier
        self.reload = reload
    }

    func run(_ effects: [Effect], for state: ReaderState) {
        for effect in effects {
            switch effect {
            case let .readTranscript(index, file):
                reads.read(episode: index, file: file, of: state.corpus)
            case let .searchCorpus(request):
                searches.search(request, in: state.corpus)
            case let .stopCorpusSearch(id):
                searches.stop(id: id)
            case let .saveMemory(changes):
                if let writer, let key = state.memoryKey { writer.submit(changes, corpus: key) }
            case let .openLink(url):
                guard VideoOpener.command != nil else { post(.linkOpened(url, .noOpener)); continue }
                lock.withLock { underWay += 1 }
                DispatchQueue.global(qos: .userInitiated).async { [self] in
                    let outcome: LinkOutcome = VideoOpener.open(url) ? .opened : .failed
                    lock.withLock {
                        underWay -= 1
                        inbox.append(.linkOpened(url, outcome))
                    }
                }
            case let .copy(text, what):
                post(.copied(what: what, how: copier.copy(text)))
            case .updateLibrary:
                updates.start(library: state.corpus.directory)
            case let .play(index, file, seconds):
                guard state.corpus.episodes.indices.contains(index), state.corpus.episodes[index].file == file else { continue }
                player.play(state.corpus.episodes[index], at: seconds)
            case let .playerPause(paused):
                player.send(.pause(paused))
            case let .playerSeek(seconds):
                player.send(.seek(seconds))
            case let .playerSpeed(speed):
                player.send(.speed(speed))
            case .quit:
                hasQuit = true
            }
        }
    }

    private func post(_ action: Action) { lock.withLock { inbox.append(action) } }

    /// Waits a moment (until `seconds` after it was asked for) for a transcript being read,
    /// so an episode read in a blink shows at once instead of after a frame that says it is
    /// being read; a long read costs that moment once, not on every turn of the loop.
    func settle(seconds: Double = 0.05) { reads.settle(seconds: seconds) }

    /// A transcript is being read (for the trace).
    var isReading: Bool { reads.isReading }

    /// True while results are to come soon (a transcript, a link, a search, the corpus):
    /// the main loop then waits for input only briefly, so they show at once.
    func isBusy(for state: ReaderState) -> Bool {
        lock.withLock { underWay > 0 || !inbox.isEmpty } || reads.isReading || updates.isRunning || searches.isBusy || (state.corpus.isPartial && !loadOver)
            || player.isPlaying
    }

    /// What came back since the last call.
    func results(for state: ReaderState) -> [Action] {
        var actions = lock.withLock { () -> [Action] in
            defer { inbox = [] }
            return inbox
        }
        if let warning = writer?.poll() { actions.append(.memoryProblem(warning)) }
        if state.corpus.isPartial, !loadOver { actions += loadReport() }
        return actions
    }

    /// The background load's progress, then its end, for a partial corpus.
    private func loadReport() -> [Action] {
        if let result = loading.result(waiting: 0) {
            loadOver = true
            switch result {
            case let .success(full): return [.corpusLoaded(Delivered(full))]
            case let .failure(error): return [.corpusLoadFailed("\(error)")]
            }
        }
        let now = loading.progress
        guard reportedLoad.map({ $0 != now }) ?? true else { return [] }
        reportedLoad = now
        return [.corpusLoadProgress(done: now.done, total: now.total)]
    }

    /// Writes what the memory still has to, and stops the work under way (before exiting).
    func finish() {
        player.stop()
        writer?.finish()
        searches.finish()
        updates.stop()
        loading.cancel()
    }
}
