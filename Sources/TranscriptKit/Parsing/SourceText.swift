import Foundation

/// A file's bytes turned into lines of text, whatever its encoding accidents:
/// a BOM is dropped, CRLF, CR and LF all end lines, invalid UTF-8 becomes U+FFFD.
struct SourceText {
    /// `lines[0]` is line 1 of the file.
    var lines: [String]
    var diagnostics: [Diagnostic]
    /// True when the bytes look like binary data rather than text.
    var looksBinary: Bool

    init(bytes: UnsafeRawBufferPointer, file: String) {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }

        var lines: [String] = []
        var invalidLines: [Int] = []
        var nulLines: [Int] = []
        var controlBytes = 0
        let base = bytes.bindMemory(to: UInt8.self)
        var lineStart = start
        var i = start
        let end = bytes.count

        func emit(_ upTo: Int) {
            let slice = UnsafeBufferPointer(rebasing: base[lineStart..<upTo])
            if let text = String(validating: slice, as: UTF8.self) {
                lines.append(text)
            } else {
                lines.append(String(decoding: slice, as: UTF8.self))
                invalidLines.append(lines.count)
            }
        }

        while i < end {
            let byte = base[i]
            if byte == 0x0A || byte == 0x0D {
                emit(i)
                if byte == 0x0D, i + 1 < end, base[i + 1] == 0x0A { i += 1 }
                i += 1
                lineStart = i
                continue
            }
            if byte < 0x20, byte != 0x09 {
                controlBytes += 1
                if byte == 0, nulLines.last != lines.count + 1 { nulLines.append(lines.count + 1) }
            }
            i += 1
        }
        if lineStart < end { emit(end) }

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
