import Foundation

/// Work spread over every core, one result per index, in index order.
public enum Concurrently {
    /// `chunk`: items per task, for work so small (a `stat`) that one task each costs more
    /// than the work.
    public static func map<T>(_ count: Int, chunk: Int = 1, _ body: @Sendable (Int) -> T) -> [T] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            // Each slot is initialised by exactly one thread.
            DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { task in
                for index in task * chunk..<min(count, (task + 1) * chunk) {
                    (slots.baseAddress! + index).initialize(to: body(index))
                }
            }
            initialized = count
        }
    }
}

/// Counts finished items from many threads, for progress reports.
final class ProgressCounter: @unchecked Sendable {
    private var done = 0
    private let lock = NSLock()

    /// One more finished; the count so far.
    func increment() -> Int { lock.withLock { done += 1; return done } }
}
