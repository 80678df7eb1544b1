/// One line of a transcript body, classified. Forgiving by design: every irregular form
/// seen in real transcripts is recognised, and what was irregular is listed in `problems`.
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
        var seconds: Double
        var timestamp: String
        var tag: String
        var text: String
        var problems: [String]
    }

    static func looksLikeTranscript(_ line: String) -> Bool {
        switch classify(line) {
        case .heading, .section, .utterance: return true
        default: return false
        }
    }

    static func classify(_ line: String) -> TranscriptLine {
        let scalars = Array(line.unicodeScalars)
        var p = 0
        while p < scalars.count, scalars[p] == " " || scalars[p] == "\t" { p += 1 }
        if p == scalars.count { return .blank }
        if let head = parseHead(scalars, from: p) { return .utterance(head) }
        let trimmed = String(String.UnicodeScalarView(scalars[p...])).trimmingTrailingWhitespace()
        if let section = sectionTitle(trimmed) { return .section(section) }
        if isHeading(trimmed) { return .heading(trimmed) }
        if let (tag, text) = untimedTag(trimmed) { return .untimed(tag: tag, text: text) }
        return .text(trimmed)
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
    private static func isUpper(_ s: Unicode.Scalar) -> Bool { s.properties.isUppercase }
    private static func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }

    private static func parseHead(_ s: [Unicode.Scalar], from start: Int) -> Head? {
        var p = start
        var problems: [String] = []
        let opener = s[p]
        let closer: Unicode.Scalar?
        switch opener {
        case "[": closer = "]"; p += 1
        case "(": closer = ")"; p += 1
        default: closer = nil
        }
        // Digit groups separated by ':' with an optional fraction on the last.
        var groups: [Int] = []
        var fraction = 0.0
        let timeStart = p
        while true {
            let groupStart = p
            var value = 0
            while p < s.count, isDigit(s[p]), p - groupStart < 9 {
                value = value * 10 + Int(s[p].value - 48)
                p += 1
            }
            if p == groupStart { return nil }
            groups.append(value)
            if p < s.count, s[p] == ":", groups.count < 3, p + 1 < s.count, isDigit(s[p + 1]) {
                p += 1
                continue
            }
            break
        }
        guard groups.count >= 2 else { return nil }
        if p < s.count, s[p] == ".", p + 1 < s.count, isDigit(s[p + 1]) {
            p += 1
            var scale = 0.1
            while p < s.count, isDigit(s[p]) {
                if scale > 1e-9 { fraction += Double(s[p].value - 48) * scale }
                scale /= 10
                p += 1
            }
        }
        let timestamp = String(String.UnicodeScalarView(s[timeStart..<p]))
        if let closer {
            if p < s.count, s[p] == closer {
                p += 1
            } else {
                problems.append("timestamp '\(timestamp)' is not closed with '\(closer)'")
            }
            if opener == "(" { problems.append("timestamp in parentheses instead of brackets") }
        } else {
            // A bare time must be followed by a tag to count, so "10:30 works for me" stays text.
            guard p < s.count, s[p] == " " else { return nil }
            problems.append("timestamp '\(timestamp)' has no brackets")
        }
        // Debris such as the `:19.3]` in `[0:19:19.6]:19.3] NNL:`.
        let debrisStart = p
        while p < s.count, isDigit(s[p]) || s[p] == ":" || s[p] == "." || s[p] == "]" { p += 1 }
        let debris = String(String.UnicodeScalarView(s[debrisStart..<p]))
        if debris.contains(where: { $0.isNumber || $0 == "]" }) {
            problems.append("stray characters '\(debris)' after the timestamp")
        } else {
            p = debrisStart
        }

        let minutes = groups.count == 3 ? groups[1] : groups[0]
        let secondsPart = groups.count == 3 ? groups[2] : groups[1]
        if groups.count == 3, minutes >= 60 { problems.append("minutes out of range in '\(timestamp)'") }
        if secondsPart >= 60 { problems.append("seconds out of range in '\(timestamp)'") }
        let hours = groups.count == 3 ? groups[0] : 0
        let seconds = Double(hours) * 3600 + Double(minutes) * 60 + Double(secondsPart) + fraction

        // The speaker tag: up to ':' within a short run of letters and spaces.
        while p < s.count, s[p] == " " || s[p] == "\t" { p += 1 }
        var tag = ""
        var q = p
        while q < s.count, q - p <= 24, isLetter(s[q]) || s[q] == " " || s[q] == "\t" || s[q] == "." || s[q] == "'" || s[q] == "-" { q += 1 }
        let run = String(String.UnicodeScalarView(s[p..<q]))
        let words = run.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if q < s.count, s[q] == ":", !words.isEmpty, words.count <= 3,
           words.count == 1 || !run.contains(where: \.isLowercase) {
            tag = run.trimmingTrailingWhitespace()
            if run.last?.isWhitespace == true { problems.append("space before ':' in speaker tag '\(run)'") }
            if tag.contains(where: \.isLowercase) { problems.append("speaker tag '\(tag)' is not in capitals") }
            p = q + 1
        } else if q < s.count, s[q] == ":", q == p {
            problems.append("no speaker tag after the timestamp")
            p = q + 1
        } else if let first = words.first, first.count <= 10, first.allSatisfy({ $0.isUppercase && $0.isLetter }),
                  first.count > 1 || words.count > 1 {
            tag = String(first)
            problems.append("no ':' after speaker tag '\(first)'")
            p += first.unicodeScalars.count
        } else if p < s.count {
            problems.append("no speaker tag after the timestamp")
        }
        if closer == nil, tag.isEmpty { return nil }
        while p < s.count, s[p] == " " || s[p] == "\t" { p += 1 }
        let text = String(String.UnicodeScalarView(s[p...])).trimmingTrailingWhitespace()
        return Head(seconds: seconds, timestamp: timestamp, tag: tag, text: text, problems: problems)
    }

    private static func sectionTitle(_ line: String) -> String? {
        guard line.hasPrefix("["), line.hasSuffix("]"), line.count > 2 else { return nil }
        let inner = line.dropFirst().dropLast()
        guard inner.first?.isUppercase == true,
              inner.allSatisfy({ ($0.isUppercase && $0.isLetter) || $0 == " " || $0.isNumber || $0 == "-" })
        else { return nil }
        return inner.trimmingTrailingWhitespace()
    }

    private static func isHeading(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard let last = words.last, last.allSatisfy(\.isNumber), words.count >= 2 else { return false }
        return words.dropLast().allSatisfy { $0.allSatisfy { $0.isUppercase } } && words[words.count - 2] == "EPISODE"
    }

    /// `CC: text`: only a short all-capital tag counts, so prose with a colon stays prose.
    private static func untimedTag(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let tag = line[..<colon]
        guard (1...4).contains(tag.count) || tag == "ANNOUNCER",
              tag.allSatisfy({ $0.isUppercase && $0.isLetter }) else { return nil }
        let rest = line[line.index(after: colon)...]
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (String(tag), rest.trimmingCharacters(in: .whitespaces))
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, let c = self[index(before: end)...].first, c.isWhitespace { end = index(before: end) }
        return String(self[..<end])
    }
}
