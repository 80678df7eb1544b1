/// Values kept per file name under the file's stamp (see `SummaryCache.Stamp`): a value is
/// given back only while its file still has that stamp, and only settled files are kept.
struct StampedEntries<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        var stamp: SummaryCache.Stamp
        var value: Value
    }

    private(set) var entries: [String: Entry] = [:]
    /// True when an entry was added or dropped, so the file needs writing.
    private(set) var isChanged = false

    var count: Int { entries.count }

    /// What was read from the cache file.
    init(_ read: [(name: String, entry: Entry)] = []) {
        for (name, entry) in read { entries[name] = entry }
    }

    func value(for name: String, stamp: SummaryCache.Stamp?) -> Value? {
        guard let stamp, let entry = entries[name], entry.stamp == stamp else { return nil }
        return entry.value
    }

    mutating func store(_ value: Value, name: String, stamp: SummaryCache.Stamp?) {
        guard let stamp, stamp.isSettled else { return }
        entries[name] = Entry(stamp: stamp, value: value)
        isChanged = true
    }

    /// Drops entries of files that are gone.
    mutating func keep(only names: Set<String>) {
        let before = entries.count
        entries = entries.filter { names.contains($0.key) }
        if entries.count != before { isChanged = true }
    }

    /// Entries by file name, for writing.
    var sorted: [(name: String, entry: Entry)] { entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
}
