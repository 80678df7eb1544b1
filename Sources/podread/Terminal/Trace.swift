import Foundation
import ReaderUI

/// What the reader's loop did, one line per event, appended to the file named by
/// `PODREAD_TRACE` (for diagnosing the end-to-end tests: they print it with a screen that
/// never came). Only kinds of events and numbers are written, never text from a file.
enum Trace {
    private static let handle: FileHandle? = {
        guard let path = ProcessInfo.processInfo.environment["PODREAD_TRACE"], !path.isEmpty,
              FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
        return FileHandle(forWritingAtPath: path)
    }()
    private static let lock = NSLock()
    private static let start = DispatchTime.now()

    static var isOn: Bool { handle != nil }

    static func log(_ event: @autoclosure () -> String) {
        guard let handle else { return }
        let since = start.uptimeNanoseconds   // set on first use: before the clock is read
        let ms = Double(DispatchTime.now().uptimeNanoseconds - since) / 1e6
        let line = String(format: "%9.1f ", ms) + event() + "\n"
        lock.withLock { handle.write(Data(line.utf8)) }
    }

    private nonisolated(unsafe) static var lastBeat = DispatchTime.now()
    private nonisolated(unsafe) static var turns = 0

    /// Once a second at most, that the loop still turns, how often, and what it found
    /// (a screen that never comes: a loop stuck, or one that turns and gets nothing?).
    static func loopTurned(results: Int, reading: Bool) {
        guard handle != nil else { return }
        turns += 1
        let last = lastBeat.uptimeNanoseconds   // set on first use: before the clock is read
        guard DispatchTime.now().uptimeNanoseconds - last > 1_000_000_000 else { return }
        lastBeat = .now()
        log("loop: \(turns) turns, \(results) results, reading \(reading)")
        turns = 0
    }

    /// An action's kind and its numbers, without the text it may carry.
    static func describe(_ action: Action) -> String {
        switch action {
        case let .transcriptRead(index, _, _): return "transcriptRead(\(index))"
        case let .openEpisode(index, then): return "openEpisode(\(index), then: \(then.count))"
        case let .mouse(mouse): return "mouse(\(mouse.kind), \(mouse.x), \(mouse.y))"
        case let .corpusSearchFinished(id, hits, total): return "corpusSearchFinished(\(id), \(hits.count) of \(total))"
        case let .corpusSearchFailed(id, _): return "corpusSearchFailed(\(id))"
        case let .corpusSearchProgress(id, done, total): return "corpusSearchProgress(\(id), \(done)/\(total))"
        case let .key(key):
            if case .char = key { return "key(char)" }
            return "key(\(key))"
        default: return label(action)
        }
    }

    /// The case's name alone: describing its payload (a whole corpus, say) is not cheap.
    private static func label(_ value: Any) -> String {
        Mirror(reflecting: value).children.first?.label ?? "\(value)"
    }

    static func describe(_ effect: Effect) -> String {
        switch effect {
        case let .readTranscript(index, _): return "readTranscript(\(index))"
        case let .searchCorpus(search): return "searchCorpus(\(search.id))"
        case let .stopCorpusSearch(id): return "stopCorpusSearch(\(id))"
        default: return label(effect)
        }
    }
}
