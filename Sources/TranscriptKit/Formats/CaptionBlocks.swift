/// What WebVTT and SubRip share: blocks separated by blank lines, timing lines.
enum CaptionBlocks {
    /// The cues of `lines` from line index `from`: blocks `skipping` accepts are passed
    /// over, each cue's text lines become one or more voiced parts with the cue's times.
    static func cues(_ lines: [String], from: Int, file: String, diagnostics: inout [Diagnostic],
                     skipping: (String) -> Bool = { _ in false },
                     parts: (ArraySlice<String>) -> [(RawTranscript.Cue.Voice, [String])]) -> RawTranscript {
        var raw = RawTranscript()
        var i = from
        while i < lines.count {
            if isBlank(lines[i]) {
                i += 1
                continue
            }
            if skipping(lines[i]) {
                i = skipBlock(lines, from: i)
                continue
            }
            guard let (timing, at) = timing(lines, at: i) else {
                skipped(lines, at: i, file: file, diagnostics: &diagnostics)
                i = skipBlock(lines, from: i)
                continue
            }
            let end = textEnd(lines, from: at + 1)
            for (voice, text) in parts(lines[(at + 1)..<end]) {
                raw.cues.append(RawTranscript.Cue(voice: voice, start: timing.start, end: timing.end,
                                                  timestamp: timing.startText, lines: text, line: at + 1))
            }
            i = end
        }
        return raw
    }

    static func isBlank(_ line: String) -> Bool { line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// `word` alone or followed by a space or tab.
    static func starts(_ line: String, with word: String) -> Bool {
        line.hasPrefix(word) && (line.utf8.count == word.utf8.count || [0x20, 0x09].contains(line.utf8[line.utf8.index(line.utf8.startIndex, offsetBy: word.utf8.count)]))
    }

    /// The index of the first line after the block that starts at `from`.
    static func skipBlock(_ lines: [String], from: Int) -> Int {
        var i = from
        while i < lines.count, !isBlank(lines[i]) { i += 1 }
        return i
    }

    /// The timing at line `i`, or on the next line after an identifier (a number in SubRip).
    static func timing(_ lines: [String], at i: Int) -> (CueTiming, Int)? {
        if lines[i].containsBytes("-->"), let timing = CueTiming(lines[i]) { return (timing, i) }
        if i + 1 < lines.count, !isBlank(lines[i + 1]), lines[i + 1].containsBytes("-->"), let timing = CueTiming(lines[i + 1]) {
            return (timing, i + 1)
        }
        return nil
    }

    /// Where the cue text that starts at `from` ends: a blank line, or a timing line (with
    /// the identifier before it) that starts a cue without the blank line before it.
    static func textEnd(_ lines: [String], from: Int) -> Int {
        var j = from
        while j < lines.count, !isBlank(lines[j]) {
            if lines[j].containsBytes("-->"), CueTiming.hasShape(lines[j]) { return j }
            if j + 1 < lines.count, isCueNumber(lines[j]), lines[j + 1].containsBytes("-->"), CueTiming.hasShape(lines[j + 1]) { return j }
            j += 1
        }
        return j
    }

    static func isCueNumber(_ line: String) -> Bool {
        let digits = line.utf8.drop { $0 == 0x20 }.prefix { $0 != 0x20 }
        return !digits.isEmpty && digits.count <= 9 && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            && line.utf8.allSatisfy { $0 == 0x20 || ($0 >= 0x30 && $0 <= 0x39) }
    }

    static func skipped(_ lines: [String], at i: Int, file: String, diagnostics: inout [Diagnostic]) {
        let timingLine = (i..<min(i + 2, lines.count)).first { lines[$0].containsBytes("-->") }
        let message = timingLine.map { index in
            CueTiming.hasShape(lines[index])
                ? "the cue's time is past \(TimeFormat.latestText), the latest podread reads; the cue is skipped"
                : "a cue timing that cannot be read: '\(lines[index].trimmedSpaces.prefix(80))'; the cue is skipped"
        } ?? "a block without a cue timing; skipped"
        diagnostics.append(Diagnostic(file: file, line: (timingLine ?? i) + 1, severity: .warning, message: message))
    }
}

/// Inline markup such as `<i>`, `</b>`, `<c.yellow>`, `<00:00:01.000>`: a `<` followed by a
/// letter, `/` or digit, up to the next `>` on the line. Any other `<` is text.
enum MarkupTags {
    /// `text` without the tags `removes` accepts (it gets the tag's name, lower-cased); what
    /// an element in `dropping` holds (a ruby's `rt`) goes too. On bytes, in one pass: a `<`
    /// with no `>` after it is text, and so is every later one.
    static func strip(_ text: Substring, removes: (Substring) -> Bool, dropping: Set<Substring> = []) -> String {
        guard text.containsBytes("<") else { return String(text) }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var skipping: Substring?
        var nextClose = -1
        var i = 0
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "<"), i + 1 < bytes.count {
                if nextClose < i { nextClose = bytes[i...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count }
                let first = bytes[i + 1]
                if nextClose < bytes.count, isNameByte(first) || first == UInt8(ascii: "/") {
                    let closing = first == UInt8(ascii: "/")
                    let nameStart = closing ? i + 2 : i + 1
                    var nameEnd = nameStart
                    while nameEnd < nextClose, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
                    let name = Substring(String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased())
                    if let skipped = skipping {
                        if closing, name == skipped { skipping = nil }
                    } else if dropping.contains(name), !closing {
                        skipping = name
                    } else if !removes(name) {
                        out += bytes[i...nextClose]
                    }
                    i = nextClose + 1
                    continue
                }
            }
            if skipping == nil { out.append(b) }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
