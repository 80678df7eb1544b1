import Foundation

/// Work spread over every core, one result per index, in index order.
public enum Concurrently {
    public static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            // Each slot is initialised by exactly one thread.
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (slots.baseAddress! + index).initialize(to: body(index))
            }
            initialized = count
        }
    }
}
