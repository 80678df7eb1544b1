import Foundation

/// Where `podread export -o` writes, as a careful shell redirection would: a new file is
/// created; a regular file is replaced atomically, keeping its mode (and owner, where
/// allowed); a FIFO or a device is written into; a link is followed to what it names; a
/// folder is refused; and a file the corpus reads (a transcript or a sidecar in the folder
/// of the episode) is never written over.
public enum ExportFile {
    /// Nil when written, else what went wrong, in words.
    public static func write(_ data: Data, to path: String, corpusFolder: String) -> String? {
        var target = path
        var info = stat()
        if lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(target, nil) else { return "\(path) is a link to nothing that can be written" }
            target = String(cString: resolved)
            free(resolved)
        }
        guard stat(target, &info) == 0 else {
            guard errno == ENOENT else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
            return AtomicFile.replace(target, with: data, durable: false, mode: 0o666 & ~currentUmask)
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            return "\(path) is a folder; give a file name, such as \(path)/episode.vtt"
        case S_IFREG:
            if isCorpusFile(target, corpusFolder: corpusFolder) {
                return "\(path) is a file of the corpus podread reads; it is never written over (choose another name)"
            }
            return AtomicFile.replace(target, with: data, durable: false)
        default:
            // A FIFO, a device: written into, as `>` would.
            let fd = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
            defer { close(fd) }
            return writeAll(data, to: fd) ? nil : "cannot write \(path): \(String(cString: strerror(errno)))"
        }
    }

    /// A transcript or sidecar in the corpus folder (compared as real paths).
    static func isCorpusFile(_ path: String, corpusFolder: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        guard TranscriptFile.isCandidate(name) || TranscriptFile.fileExtension(name) == "yaml" else { return false }
        return realFolder((path as NSString).deletingLastPathComponent) == realFolder(corpusFolder)
    }

    private static func realFolder(_ path: String) -> String? {
        guard let resolved = realpath(path.isEmpty ? "." : path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static var currentUmask: mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
