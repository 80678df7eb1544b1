import Foundation

/// Replaces a file whole: a temporary file beside it, created exclusively under a name no
/// one can guess (`mkstemp`, so a planted file or symlink is never followed), then renamed
/// over it, so a reader sees the old file or the new one, never half of one. `durable` also
/// syncs the data and the folder (the reader's memory); caches skip that, as losing one
/// only costs time.
public enum AtomicFile {
    /// Nil when written, else why not. `mode` is the new file's; `keepingModeOf` an
    /// existing file whose mode (and owner, where allowed) the new one keeps.
    @discardableResult
    public static func replace(_ path: String, with data: Data, durable: Bool, mode: mode_t = 0o644) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + (path as NSString).lastPathComponent + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return "cannot write in \(folder.isEmpty ? "." : folder): \(String(cString: strerror(errno)))" }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            fchmod(fd, info.st_mode & 0o7777)
            _ = fchown(fd, info.st_uid, info.st_gid)
        } else {
            fchmod(fd, mode)
        }
        let written = writeAll(data, to: fd)
        let synced = !durable || fsync(fd) == 0
        close(fd)
        guard written, synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot write \(path): \(reason)"
        }
        if durable {
            let directory = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
            if directory >= 0 { fsync(directory); close(directory) }
        }
        return nil
    }
}

/// Writes all of `data` to `fd`, again after an interruption; false on an error (in errno).
func writeAll(_ data: Data, to fd: Int32) -> Bool {
    data.withUnsafeBytes { raw -> Bool in
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 { if errno == EINTR { continue }; return false }
            offset += n
        }
        return true
    }
}
