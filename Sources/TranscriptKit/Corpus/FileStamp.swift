import Foundation

/// One version of a file (and its sidecar) without reading it: size, inode, modification
/// and change times. Equal stamps mean the file need not be read again.
public struct FileStamp: Equatable, Sendable {
    public let size: Int64
    public let inode: Int64
    public let modified: Int64
    public let changed: Int64

    public init(size: Int64, inode: Int64, modified: Int64, changed: Int64) {
        (self.size, self.inode, self.modified, self.changed) = (size, inode, modified, changed)
    }

    /// A transcript's stamp covers its sidecar `.yaml` too: editing, adding or removing
    /// the sidecar changes the episode.
    public init?(path: String) {
        guard let own = Self(file: path) else { return nil }
        guard TranscriptFile.isCandidate(path), let side = Self(file: TranscriptFile.sidecar(of: path)) else {
            self = own
            return
        }
        self.init(own, sidecar: side)
    }

    /// A transcript's stamp and its sidecar's, as one.
    init(_ own: FileStamp, sidecar side: FileStamp) {
        self.init(size: own.size &+ side.size << 32, inode: own.inode ^ (side.inode &* -7_046_029_254_386_353_131),
                  modified: max(own.modified, side.modified), changed: max(own.changed, side.changed))
    }

    private init?(file path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The file `name` in the open folder `folder` (its own stamp only).
    init?(at folder: Int32, name: String) {
        var info = stat()
        guard fstatat(folder, name, &info, 0) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        self.init(size: Int64(info.st_size), inode: Int64(bitPattern: UInt64(info.st_ino)),
                  modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                  changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    /// A file changed within the last second could change again within the same clock
    /// tick, with the same size, and look unchanged: what was read of it is not trusted.
    public var isSettled: Bool {
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        return max(modified, changed) < now - 1_000_000_000
    }

    /// The stamp as text, for keys kept in a database.
    public var text: String { "\(size) \(inode) \(modified) \(changed)" }

    /// The running podread: what one build read of a file, another may read otherwise, so
    /// what is kept holds for one executable.
    public static let program = FileStamp(file: "/proc/self/exe")
}
