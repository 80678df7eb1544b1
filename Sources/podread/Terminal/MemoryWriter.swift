import Foundation
import ReaderUI
import TranscriptKit

/// The reader's memory, written off the input thread: reading, merging and syncing a large
/// state.json never holds up a key. Changes wait in order and are written in batches, at
/// most one write per `pause` (the place is saved at every move); what went wrong comes
/// back through `poll`, and `finish` waits for the last write.
final class MemoryWriter: @unchecked Sendable {
    private let path: String
    private let queue = DispatchQueue(label: "podread.memory")
    private let lock = NSLock()
    private var pending: [(change: MemoryChange, corpus: String)] = []
    private var warnings: [String] = []
    private var scheduled = false
    static let pause = 0.25

    init(path: String) { self.path = path }

    func submit(_ changes: [MemoryChange], corpus: String) {
        guard !changes.isEmpty else { return }
        let schedule = lock.withLock { () -> Bool in
            pending += changes.map { ($0, corpus) }
            defer { scheduled = true }
            return !scheduled
        }
        if schedule { queue.asyncAfter(deadline: .now() + Self.pause) { self.write() } }
    }

    /// A warning from a write, if any since the last call.
    func poll() -> String? {
        lock.withLock { warnings.isEmpty ? nil : warnings.removeFirst() }
    }

    /// Waits until everything submitted is written.
    func finish() {
        queue.sync { write() }
    }

    private func write() {
        let batch = lock.withLock { () -> [(change: MemoryChange, corpus: String)] in
            defer { pending = []; scheduled = false }
            return pending
        }
        guard !batch.isEmpty else { return }
        let (_, warning) = ReaderMemory.update(path: path) { memory in
            for item in batch { item.change.apply(to: &memory, corpus: item.corpus) }
        }
        if let warning { lock.withLock { warnings.append(warning) } }
    }
}
