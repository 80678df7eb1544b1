import Foundation

/// For the caches kept outside the corpus (the search index): where a corpus folder's cache
/// of a kind lives, and what identifies one version of a file without reading it. The same
/// rules as the summary cache's (see `SummaryCache`).
public enum CacheFolder {
    /// `$XDG_CACHE_HOME/podread/KIND-HASH` for the corpus folder `directory` (else under
    /// `~/.cache`), in a folder only the user can read; nil with why when it cannot be.
    public static func place(for directory: String, kind: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String?, problem: String?) {
        let (summaries, problem) = SummaryCache.place(for: directory, environment: environment)
        guard let summaries else { return (nil, problem) }
        let folder = (summaries as NSString).deletingLastPathComponent
        let hash = (summaries as NSString).lastPathComponent.dropFirst("summaries-".count)
        return (folder + "/" + kind + "-" + hash, nil)
    }
}

/// One version of a file (and its sidecar): size, inode and times, as the summary cache
/// compares them. Equal stamps mean the file need not be read again.
public struct FileStamp: Equatable, Sendable {
    public let size: Int64
    public let inode: Int64
    public let modified: Int64
    public let changed: Int64

    public init?(path: String) {
        guard let stamp = SummaryCache.Stamp(path: path) else { return nil }
        (size, inode, modified, changed) = (Int64(truncatingIfNeeded: stamp.size), Int64(bitPattern: stamp.inode), stamp.modified, stamp.changed)
    }

    public init(size: Int64, inode: Int64, modified: Int64, changed: Int64) {
        (self.size, self.inode, self.modified, self.changed) = (size, inode, modified, changed)
    }

    /// Changed within the last second: it could change again within one clock tick and
    /// look the same, so it is not trusted (`SummaryCache.Stamp.isSettled`).
    public var isSettled: Bool {
        SummaryCache.Stamp(size: Int(truncatingIfNeeded: size), inode: UInt64(bitPattern: inode),
                           modified: modified, changed: changed).isSettled
    }

    /// The running podread's own stamp: what it has read may be read otherwise by another
    /// build (the caches hold for one executable).
    public static var program: String? {
        SummaryCache.program.map { "\($0.size) \($0.inode) \($0.modified) \($0.changed)" }
    }
}
