import Foundation

/// Replaces a file whole: a temporary file beside it, renamed over it, so a reader sees the
/// old file or the new one, never half of one. `durable` also syncs the data and the folder
/// (the reader's memory); caches skip that, as losing one only costs time.
enum AtomicFile {
    /// Nil when written, else why not.
    @discardableResult
    static func replace(_ path: String, with data: Data, durable: Bool, mode: mode_t = 0o644) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { return "cannot write \(temporary): \(String(cString: strerror(errno)))" }
        let written = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        let synced = !durable || fsync(fd) == 0
        close(fd)
        guard written, synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot write \(path): \(reason)"
        }
        if durable {
            let directory = open(folder, O_RDONLY | O_CLOEXEC)
            if directory >= 0 { fsync(directory); close(directory) }
        }
        return nil
    }
}
