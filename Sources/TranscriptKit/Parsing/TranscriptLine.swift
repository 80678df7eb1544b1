/// One line of a transcript body, classified. Forgiving by design: every irregular form
/// seen in real transcripts is recognised, and what was irregular is listed in `problems`.
/// Works on UTF-8 bytes: this runs once per line of every file and must be fast.
enum TranscriptLine: Equatable {
    case blank
    /// `EPISODE 009`, `BONUS EPISODE 006`.
    case heading(String)
    /// `[INTRODUCTION]`, `[END OF EPISODE]`.
    case section(String)
    /// A timestamped line, with or without a tag and text.
    case utterance(Head)
    /// `CC: text` with no timestamp at all.
    case untimed(tag: String, text: String)
    case text(String)

    struct Head: Equatable {
        /// Past `TimeFormat.latest`, the time is not used (`inRange` is false).
        var seconds: Double
        var timestamp: String
        var tag: String
        var text: String
        var problems: [String]
        var inRange = true
    }

    static func looksLikeTranscript(_ line: String) -> Bool {
        switch classify(line) {
        case .heading, .section, .utterance: return true
        default: return false
        }
    }

    static func classify(_ line: String) -> TranscriptLine {
        var bytes = line
        return bytes.withUTF8 { classify(Bytes(base: $0, line: line)) }
    }

    private struct Bytes {
        let base: UnsafeBufferPointer<UInt8>
        /// The line `base` is the UTF-8 of.
        let line: String
        var count: Int { base.count }
        subscript(i: Int) -> UInt8 { base[i] }
        /// Every cut is next to an ASCII byte, so a slice of the line (no UTF-8 check again) will do.
        func string(_ range: Range<Int>) -> String {
            if range.count == base.count { return line }
            let utf8 = line.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(start, offsetBy: range.count)
            return String(line[start..<end])
        }
        /// End of the range with trailing spaces, tabs and CRs removed.
        func trimmedEnd(from start: Int, to end: Int) -> Int {
            var e = end
            while e > start, base[e - 1] == 0x20 || base[e - 1] == 0x09 || base[e - 1] == 0x0D { e -= 1 }
            return e
        }
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    private static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    /// ASCII letters, and any non-ASCII byte (names such as `NÓVA`).
    private static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) || b >= 0x80 }
    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    private static func classify(_ s: Bytes) -> TranscriptLine {
        var p = 0
        while p < s.count, isBlank(s[p]) || s[p] == 0x0D { p += 1 }
        if p == s.count { return .blank }
        let first = s[p]
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "(") || isDigit(first), let head = parseHead(s, from: p) {
            return .utterance(head)
        }
        let end = s.trimmedEnd(from: p, to: s.count)
        if first == UInt8(ascii: "["), let section = sectionTitle(s, p, end) { return .section(section) }
        if isUpper(first) {
            if isHeading(s, p, end) { return .heading(s.string(p..<end)) }
            if let (tag, text) = untimedTag(s, p, end) { return .untimed(tag: tag, text: text) }
        }
        return .text(s.string(p..<end))
    }

    private static func parseHead(_ s: Bytes, from start: Int) -> Head? {
        var p = start
        var problems: [String] = []
        let opener = s[p]
        let closer: UInt8?
        switch opener {
        case UInt8(ascii: "["): closer = UInt8(ascii: "]"); p += 1
        case UInt8(ascii: "("): closer = UInt8(ascii: ")"); p += 1
        default: closer = nil
        }
        // Digit groups separated by ':' with an optional fraction on the last.
        var groups: [Int] = []
        var fraction = 0.0
        let timeStart = p
        while true {
            let groupStart = p
            var value = 0
            // Every digit is read (a 20-digit hour is a time out of range, not text), and
            // the value stops growing before it could overflow.
            while p < s.count, isDigit(s[p]) {
                if value < 1_000_000_000 { value = value * 10 + Int(s[p] - 0x30) }
                p += 1
            }
            if p == groupStart { return nil }
            groups.append(value)
            if p + 1 < s.count, s[p] == UInt8(ascii: ":"), groups.count < 3, isDigit(s[p + 1]) {
                p += 1
                continue
            }
            break
        }
        guard groups.count >= 2 else { return nil }
        if p + 1 < s.count, s[p] == UInt8(ascii: "."), isDigit(s[p + 1]) {
            p += 1
            var scale = 0.1
            while p < s.count, isDigit(s[p]) {
                if scale > 1e-9 { fraction += Double(s[p] - 0x30) * scale }
                scale /= 10
                p += 1
            }
        }
        let timestamp = s.string(timeStart..<p)
        if let closer {
            if p < s.count, s[p] == closer {
                p += 1
            } else {
                problems.append("timestamp '\(timestamp)' is not closed with '\(Character(Unicode.Scalar(closer)))'")
            }
            if opener == UInt8(ascii: "(") { problems.append("timestamp in parentheses instead of brackets") }
        } else {
            // A bare time must be followed by a tag to count, so "10:30 works for me" stays text.
            guard p < s.count, s[p] == 0x20 else { return nil }
            problems.append("timestamp '\(timestamp)' has no brackets")
        }
        // Debris such as the `:19.3]` in `[0:19:19.6]:19.3] NNL:`.
        let debrisStart = p
        var debrisHasDigit = false
        while p < s.count, isDigit(s[p]) || s[p] == UInt8(ascii: ":") || s[p] == UInt8(ascii: ".") || s[p] == UInt8(ascii: "]") {
            if isDigit(s[p]) || s[p] == UInt8(ascii: "]") { debrisHasDigit = true }
            p += 1
        }
        if debrisHasDigit {
            problems.append("stray characters '\(s.string(debrisStart..<p))' after the timestamp")
        } else {
            p = debrisStart
        }

        let hours = groups.count == 3 ? groups[0] : 0
        let minutes = groups.count == 3 ? groups[1] : groups[0]
        let secondsPart = groups.count == 3 ? groups[2] : groups[1]
        if groups.count == 3, minutes >= 60 { problems.append("minutes out of range in '\(timestamp)'") }
        if secondsPart >= 60 { problems.append("seconds out of range in '\(timestamp)'") }
        let seconds = Double(hours) * 3600 + Double(minutes) * 60 + Double(secondsPart) + fraction
        let inRange = seconds <= TimeFormat.latest
        if !inRange {
            problems.append("time '\(timestamp)' is past \(TimeFormat.latestText), the latest podread reads; the utterance keeps the time before it")
        }

        // The speaker tag: up to ':' within a short run of letters and spaces.
        while p < s.count, isBlank(s[p]) { p += 1 }
        var tag = ""
        var q = p
        var words = 0
        var hasLower = false
        var inWord = false
        while q < s.count, q - p <= 24 {
            let b = s[q]
            if isLetter(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "'") || b == UInt8(ascii: "-") {
                if !inWord { words += 1; inWord = true }
                if isLower(b) { hasLower = true }
            } else if isBlank(b) {
                inWord = false
            } else {
                break
            }
            q += 1
        }
        var firstWordEnd = p
        while firstWordEnd < q, isUpper(s[firstWordEnd]) { firstWordEnd += 1 }
        let firstWordIsCapitals = firstWordEnd > p && (firstWordEnd == q || isBlank(s[firstWordEnd]))
        if q < s.count, s[q] == UInt8(ascii: ":"), words >= 1, words <= 3, words == 1 || !hasLower {
            let tagEnd = s.trimmedEnd(from: p, to: q)
            tag = s.string(p..<tagEnd)
            if tagEnd < q { problems.append("space before ':' in speaker tag '\(s.string(p..<q))'") }
            if hasLower { problems.append("speaker tag '\(tag)' is not in capitals") }
            p = q + 1
        } else if q < s.count, s[q] == UInt8(ascii: ":"), q == p {
            problems.append("no speaker tag after the timestamp")
            p = q + 1
        } else if firstWordIsCapitals, firstWordEnd - p <= 10, firstWordEnd - p > 1 || words > 1 {
            tag = s.string(p..<firstWordEnd)
            problems.append("no ':' after speaker tag '\(tag)'")
            p = firstWordEnd
        } else if p < s.count {
            problems.append("no speaker tag after the timestamp")
        }
        if closer == nil, tag.isEmpty { return nil }
        while p < s.count, isBlank(s[p]) { p += 1 }
        let text = s.string(p..<s.trimmedEnd(from: p, to: s.count))
        return Head(seconds: seconds, timestamp: timestamp, tag: tag, text: text, problems: problems, inRange: inRange)
    }

    private static func sectionTitle(_ s: Bytes, _ start: Int, _ end: Int) -> String? {
        guard end - start > 2, s[end - 1] == UInt8(ascii: "]"), isUpper(s[start + 1]) else { return nil }
        for i in (start + 1)..<(end - 1) {
            let b = s[i]
            guard isUpper(b) || isDigit(b) || b == 0x20 || b == UInt8(ascii: "-") else { return nil }
        }
        return s.string((start + 1)..<s.trimmedEnd(from: start + 1, to: end - 1))
    }

    private static func isHeading(_ s: Bytes, _ start: Int, _ end: Int) -> Bool {
        // Cheap refusal first: a heading is short and ends in a number.
        guard end - start <= 64, isDigit(s[end - 1]) || s[end - 1] >= 0x80 else { return false }
        let words = s.string(start..<end).split(separator: " ")
        guard words.count >= 2, words.count <= 3, let last = words.last, last.allSatisfy(\.isNumber) else { return false }
        return words[words.count - 2] == "EPISODE" && words.dropLast().allSatisfy { $0.allSatisfy(\.isUppercase) }
    }

    /// `CC: text`: only a short all-capital tag counts, so prose with a colon stays prose.
    private static func untimedTag(_ s: Bytes, _ start: Int, _ end: Int) -> (String, String)? {
        var p = start
        while p < end, isUpper(s[p]) { p += 1 }
        let length = p - start
        guard p < end, s[p] == UInt8(ascii: ":"), (1...4).contains(length) || s.string(start..<p) == "ANNOUNCER",
              p + 1 == end || isBlank(s[p + 1]) else { return nil }
        var textStart = p + 1
        while textStart < end, isBlank(s[textStart]) { textStart += 1 }
        return (s.string(start..<p), s.string(textStart..<end))
    }
}
