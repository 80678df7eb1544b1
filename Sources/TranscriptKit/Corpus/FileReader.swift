import Foundation

/// Reads an episode file defensively: never blocks on a FIFO or device, never follows a
/// symlink loop forever, never reads a file too large to be a transcript.
public enum FileReader {
    /// Larger files are refused: a transcript of many hours is a few megabytes.
    static let maximumBytes = 256 << 20

    public enum Failure: Error, CustomStringConvertible {
        case system(String)
        case notRegular(String)
        case tooLarge(Int)

        public var description: String {
            switch self {
            case let .system(message): return "cannot read the file: \(message)"
            case let .notRegular(kind): return "not a regular file (\(kind)); skipped"
            case let .tooLarge(bytes): return "the file is \(bytes >> 20) MB, more than the \(FileReader.maximumBytes >> 20) MB podread reads; skipped"
            }
        }
    }

    /// What a file that is not regular is, in words; nil for a regular file.
    private static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "unknown type"
        }
    }

    public static func read(_ path: String) -> Result<[UInt8], Failure> {
        // Only a regular file is opened at all (a FIFO or a device is never touched), checked
        // before opening and again on the open descriptor, in case it was swapped between.
        var before = stat()
        guard stat(path, &before) == 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        if let kind = kind(before.st_mode) { return .failure(.notRegular(kind)) }
        // O_NONBLOCK: had it become a FIFO, opening must not wait for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            return .failure(.system(message))
        }
        if let kind = kind(info.st_mode) {
            close(fd)
            return .failure(.notRegular(kind))
        }
        guard Int(info.st_size) <= maximumBytes else {
            close(fd)
            return .failure(.tooLarge(Int(info.st_size)))
        }
        defer { close(fd) }
        // One read into a buffer of the file's size, plus one byte to notice growth.
        var failure: Failure?
        func readInto(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var total = 0
            while total < buffer.count {
                let count = Glibc.read(fd, buffer.baseAddress! + total, buffer.count - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = .system(String(cString: strerror(errno)))
                    break
                }
                if count == 0 { break }
                total += count
            }
            return total
        }
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size) + 1) { buffer, count in count = readInto(buffer) }
        // It grew while being read: go on in chunks up to the limit.
        while failure == nil, bytes.count > Int(info.st_size), bytes.count <= maximumBytes {
            let chunk = [UInt8](unsafeUninitializedCapacity: 1 << 16) { buffer, count in count = readInto(buffer) }
            if chunk.isEmpty { break }
            bytes += chunk
        }
        if let failure { return .failure(failure) }
        if bytes.count > maximumBytes { return .failure(.tooLarge(bytes.count)) }
        return .success(bytes)
    }
}
