import Foundation

/// A file's bytes turned into lines of text, whatever its encoding accidents:
/// a BOM is dropped, CRLF, CR and LF all end lines, invalid UTF-8 becomes U+FFFD.
struct SourceText {
    /// `lines[0]` is line 1 of the file.
    var lines: [String]
    var diagnostics: [Diagnostic]
    /// True when the bytes look like binary data rather than text.
    var looksBinary: Bool

    /// Offset of the first `byte` at or after `from`, or the end.
    private static func find(_ byte: UInt8, in bytes: UnsafeRawBufferPointer, from: Int) -> Int {
        guard from < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + from, Int32(byte), bytes.count - from) else { return bytes.count }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// Whether any byte in `from..<to` is below 0x20, eight bytes at a time.
    private static func hasControlByte(_ bytes: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> Bool {
        var i = from
        while i + 8 <= to {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 { return true }
            i += 8
        }
        while i < to {
            if bytes[i] < 0x20 { return true }
            i += 1
        }
        return false
    }

    init(bytes: UnsafeRawBufferPointer, file: String) {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }

        var lines: [String] = []
        var invalidLines: [Int] = []
        var nulLines: [Int] = []
        var controlBytes = 0
        let base = bytes.bindMemory(to: UInt8.self)
        let end = bytes.count
        lines.reserveCapacity(end / 64)

        func emit(_ from: Int, _ upTo: Int) {
            let slice = UnsafeBufferPointer(rebasing: base[from..<upTo])
            if let text = String(validating: slice, as: UTF8.self) {
                lines.append(text)
            } else {
                lines.append(String(decoding: slice, as: UTF8.self))
                invalidLines.append(lines.count)
            }
        }

        var i = start
        while i < end {
            let newline = Self.find(0x0A, in: bytes, from: i)
            if !Self.hasControlByte(bytes, i, newline) {
                // The usual line: no CR, tab or other control byte in it.
                emit(i, newline)
                i = newline + 1
                continue
            }
            // CR ends a line too (CR LF once); other control bytes are counted.
            var lineStart = i
            for j in i..<newline {
                let byte = base[j]
                if byte == 0x0D {
                    emit(lineStart, j)
                    lineStart = j + 1
                } else if byte < 0x20, byte != 0x09 {
                    controlBytes += 1
                    if byte == 0, nulLines.last != lines.count + 1 { nulLines.append(lines.count + 1) }
                }
            }
            if newline < end {
                let afterCR = lineStart == newline && newline > i && base[newline - 1] == 0x0D
                if !afterCR { emit(lineStart, newline) }
            } else if lineStart < end {
                emit(lineStart, end)
            }
            i = newline + 1
        }

        var diagnostics: [Diagnostic] = []
        let total = max(1, end - start)
        // Text has almost no control bytes; random bytes have about one in eight.
        looksBinary = (controlBytes >= 8 && controlBytes * 50 > total) || (lines.count >= 10 && invalidLines.count * 2 > lines.count)
        if looksBinary {
            diagnostics.append(Diagnostic(
                file: file, line: invalidLines.first ?? nulLines.first ?? 1, severity: .error,
                message: "this is not a UTF-8 text file (binary data?); nothing in it can be read"))
        } else if let first = invalidLines.first {
            let more = invalidLines.count > 1 ? " (and on \(invalidLines.count - 1) more line(s))" : ""
            diagnostics.append(Diagnostic(
                file: file, line: first, severity: .error,
                message: "invalid UTF-8 bytes, shown as \u{FFFD}\(more); re-save the file as UTF-8"))
        }
        if !looksBinary, let first = nulLines.first {
            let more = nulLines.count > 1 ? " (and on \(nulLines.count - 1) more line(s))" : ""
            diagnostics.append(Diagnostic(
                file: file, line: first, severity: .warning,
                message: "NUL byte in the text\(more); it is kept and shown as ^@"))
        }
        self.lines = lines
        self.diagnostics = diagnostics
    }
}
