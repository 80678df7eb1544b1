/// Other shows' transcripts in Markdown or plain text, with or without front matter:
///
///     **Name:** text                    Name: text
///     Name [0:46]: text                 [00:01:02] Name: text
///     Speaker 0: 00:00:16               [Speaker 1] [01:23] text
///     (the text on the next lines)      00:01:02 text
///
/// The labelling a file uses most is its labelling: a line in another form is text, so
/// prose with a colon stays prose. A time at the start of a paragraph (`\[07:56\] So…`) or
/// inside it is a time, not words; a label with no words before the next label
/// (`**Break:** \[24:27\]`) is a section; lines of a paragraph are joined, as Markdown does.
enum LabelledTextReader {
    enum Form: CaseIterable {
        case bold, bracketed, timeThenName, nameThenTime, header, prefix

        var example: String {
            switch self {
            case .bold: return "**Name:** text"
            case .bracketed: return "[Name] [01:23] text"
            case .timeThenName: return "[00:01:02] Name: text"
            case .nameThenTime: return "Name [0:46]: text"
            case .header: return "'Name: 00:00:16' above the text"
            case .prefix: return "Name: text"
            }
        }
    }

    struct Label {
        var name: String
        var time: Clock?
        var rest: Substring
    }

    struct Clock {
        var seconds: Double
        var written: String
    }

    /// What the file looks like: its labelling and how many lines have a label or a time.
    struct Analysis {
        var form: Form?
        var labelLines = 0
        var timedLines = 0
        /// Lines this reader understands, to weigh against the episode page's reading.
        var score: Int { labelLines + timedLines }
        var detail: String {
            form.map { "labels like \($0.example)" } ?? (timedLines > 0 ? "times like '00:01:02 text', no speakers" : "no speakers or times")
        }
    }

    static func analyse(_ lines: ArraySlice<String>) -> Analysis {
        var counts: [Form: Int] = [:]
        var timed = 0
        for raw in lines where mayHaveLabel(raw) {
            let line = unescaped(raw)
            if let form = Form.allCases.first(where: { label(line, $0) != nil }) {
                counts[form, default: 0] += 1
            } else if timedText(line, bare: true) != nil {
                timed += 1
            }
        }
        var analysis = Analysis()
        // Ties go to the more explicit form (the order of `allCases`).
        if let best = Form.allCases.max(by: { (counts[$0] ?? 0, -$0.rank) < (counts[$1] ?? 0, -$1.rank) }), let count = counts[best], count > 0 {
            analysis.form = best
            analysis.labelLines = count
        }
        analysis.timedLines = timed
        return analysis
    }

    /// Cheap, on bytes: every label and time starts the line with `*`, `_`, `[`, `(`, `\\`
    /// or a digit, or has a `:` near its start.
    private static func mayHaveLabel(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
            if "*_[(\\".utf8.contains(first) || (first >= 0x30 && first <= 0x39) { return true }
            return bytes.prefix(SpeakerLabel.longestBytes + 32).contains(UInt8(ascii: ":"))
        }
    }

    struct Result {
        var raw = RawTranscript()
        /// The first `# Heading`, when it comes before the transcript.
        var title: String?
    }

    static func read(_ lines: ArraySlice<String>, analysis: Analysis) -> Result {
        var result = Result()
        result.raw.paragraphsFromGaps = false
        var pending: RawTranscript.Cue?
        // A label with no words yet: its text may come on the next lines (`Speaker 0: 00:00:16`).
        var awaitingText = false
        // Without labels, each time starts an utterance; with them, bare times are too likely prose.
        let bareTimes = analysis.form == nil

        func flush() {
            guard let cue = pending else { return }
            pending = nil
            awaitingText = false
            result.raw.cues.append(cue)
        }

        func startCue(_ voice: RawTranscript.Cue.Voice, _ clock: Clock?, line: Int, paragraph: Bool) {
            flush()
            pending = RawTranscript.Cue(voice: voice, start: clock?.seconds, timestamp: clock?.written ?? "", lines: [], line: line,
                                        startsParagraph: paragraph)
        }

        /// Text into the current cue, a new timed cue at each time inside it.
        func add(_ text: Substring, line: Int) {
            for (clock, piece) in inlineTimes(text) {
                if let clock {
                    if pending?.lines.isEmpty == true, pending?.start == nil {
                        pending?.start = clock.seconds
                        pending?.timestamp = clock.written
                    } else {
                        let paragraphStart = pending == nil
                        startCue(.carried, clock, line: line, paragraph: paragraphStart)
                    }
                }
                let clean = MarkdownInline.plain(piece)
                if clean.isEmpty { continue }
                if pending == nil { startCue(.carried, nil, line: line, paragraph: true) }
                pending!.lines.append(clean)
                awaitingText = false
            }
        }

        for (offset, raw) in lines.enumerated() {
            let lineNumber = lines.startIndex + offset + 1
            let line = unescaped(raw)
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !awaitingText { flush() }
                continue
            }
            let first = line.utf8.first ?? 0
            if first == UInt8(ascii: "#"), let heading = heading(line) {
                if result.raw.cues.isEmpty, pending == nil, result.title == nil, heading.level == 1 {
                    result.title = heading.title
                } else {
                    closeLabel(&pending, &result.raw, awaitingText: awaitingText)
                    flush()
                    result.raw.section(heading.title, line: lineNumber)
                }
                continue
            }
            if first == UInt8(ascii: "["), case let .section(title) = TranscriptLine.classify(String(line)) {
                closeLabel(&pending, &result.raw, awaitingText: awaitingText)
                flush()
                result.raw.section(title, line: lineNumber)
                continue
            }
            let mayBeTimed = first == UInt8(ascii: "[") || first == UInt8(ascii: "(") || (first >= 0x30 && first <= 0x39)
            if let form = analysis.form, mayBeTimed || first == UInt8(ascii: "*") || first == UInt8(ascii: "_")
                || line.utf8.prefix(SpeakerLabel.longestBytes + 32).contains(UInt8(ascii: ":")), let label = label(line, form) {
                closeLabel(&pending, &result.raw, awaitingText: awaitingText)
                startCue(.named(label.name, explicit: form != .prefix), label.time, line: lineNumber, paragraph: true)
                awaitingText = true
                add(label.rest, line: lineNumber)
                continue
            }
            if mayBeTimed, let (clock, rest) = timedText(line, bare: bareTimes) {
                closeLabel(&pending, &result.raw, awaitingText: awaitingText)
                startCue(.carried, clock, line: lineNumber, paragraph: true)
                awaitingText = false
                add(rest, line: lineNumber)
                continue
            }
            add(line, line: lineNumber)
        }
        closeLabel(&pending, &result.raw, awaitingText: awaitingText)
        flush()
        return result
    }

    /// A label that got no words before the next label (or the end) is a section marker,
    /// such as `**Break:** \[24:27\]`.
    private static func closeLabel(_ pending: inout RawTranscript.Cue?, _ raw: inout RawTranscript, awaitingText: Bool) {
        guard awaitingText, let cue = pending, cue.lines.isEmpty, case let .named(title, _) = cue.voice else { return }
        raw.section(title, line: cue.line, time: cue.start)
        pending = nil
    }

    // MARK: Lines

    /// Markdown's escapes undone (`\[07:56\]` is `[07:56]`), trailing spaces dropped.
    static func unescaped(_ line: String) -> Substring {
        var line = line
        return line.withUTF8 { bytes -> Substring in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            let escapes = Set("[]()*_#\\`".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(end - start)
            var i = start
            while i < end {
                if bytes[i] == UInt8(ascii: "\\"), i + 1 < end, escapes.contains(bytes[i + 1]) { i += 1 }
                out.append(bytes[i])
                i += 1
            }
            return Substring(String(decoding: out, as: UTF8.self))
        }
    }

    private static func heading(_ line: Substring) -> (level: Int, title: String)? {
        let level = line.prefix { $0 == "#" }.count
        guard (1...6).contains(level), line.dropFirst(level).first == " " else { return nil }
        let title = MarkdownInline.plain(line.dropFirst(level))
        return title.isEmpty ? nil : (level, title)
    }

    static func label(_ line: Substring, _ form: Form) -> Label? {
        switch form {
        case .bold:
            for marker in ["**", "__"] where line.hasPrefix(marker) {
                let inner = line.dropFirst(2)
                guard let close = inner.range(of: marker) else { return nil }
                var name = inner[..<close.lowerBound]
                var rest = inner[close.upperBound...]
                if name.hasSuffix(":") {
                    name = name.dropLast()
                } else if rest.hasPrefix(":") {
                    rest = rest.dropFirst()
                } else {
                    return nil
                }
                let trimmed = name.trimmedSpaces
                guard SpeakerLabel.isName(trimmed) else { return nil }
                return Label(name: trimmed, time: nil, rest: rest.drop { $0 == " " })
            }
            return nil
        case .bracketed:
            guard line.hasPrefix("["), let close = line.utf8.prefix(SpeakerLabel.longestBytes + 2).firstIndex(of: UInt8(ascii: "]"))
            else { return nil }
            let name = line[line.index(after: line.startIndex)..<close]
            guard SpeakerLabel.isName(name) else { return nil }
            var rest = line[line.index(after: close)...].drop { $0 == " " }
            let clock = time(&rest, bare: true)
            if rest.hasPrefix(":") { rest = rest.dropFirst() }
            rest = rest.drop { $0 == " " }
            guard clock != nil || !rest.isEmpty else { return nil }
            return Label(name: String(name), time: clock, rest: rest)
        case .timeThenName:
            var rest = line
            guard let clock = time(&rest, bare: true), rest.first == " " else { return nil }
            guard let (found, text, _) = SpeakerLabel.leading(rest.drop { $0 == " " }), case let .name(name) = found else { return nil }
            return Label(name: name, time: clock, rest: text)
        case .nameThenTime:
            // The bracket comes within a name's length.
            guard let open = line.utf8.prefix(SpeakerLabel.longestBytes + 2).firstIndex(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "(") }),
                  open > line.startIndex, line.utf8[line.utf8.index(before: open)] == UInt8(ascii: " ") else { return nil }
            let name = line[..<open].trimmedSpaces
            var rest = line[open...]
            guard SpeakerLabel.isName(name), let clock = time(&rest, bare: false) else { return nil }
            if rest.hasPrefix(":") { rest = rest.dropFirst() }
            guard rest.isEmpty || rest.first == " " else { return nil }
            return Label(name: name, time: clock, rest: rest.drop { $0 == " " })
        case .header:
            // A name and a time, nothing else: a short line.
            guard line.utf8.count <= SpeakerLabel.longestBytes + 24 else { return nil }
            if let (found, text, _) = SpeakerLabel.leading(line), case let .name(name) = found {
                var rest = text
                guard let clock = time(&rest, bare: true), rest.allSatisfy({ $0 == " " }) else { return nil }
                return Label(name: name, time: clock, rest: "")
            }
            // `Speaker 1  0:00` (no colon).
            guard let space = line.lastIndex(of: " ") else { return nil }
            var rest = line[line.index(after: space)...]
            let name = line[..<space].trimmedSpaces
            guard SpeakerLabel.isName(name), let clock = time(&rest, bare: true), rest.isEmpty else { return nil }
            return Label(name: name, time: clock, rest: "")
        case .prefix:
            guard let (found, text, _) = SpeakerLabel.leading(line), case let .name(name) = found else { return nil }
            return Label(name: name, time: nil, rest: text)
        }
    }

    /// A line that starts with a time (`[00:01:02] text`; `00:01:02 text` when `bare`).
    static func timedText(_ line: Substring, bare: Bool) -> (Clock, Substring)? {
        var rest = line
        guard let clock = time(&rest, bare: bare), rest.isEmpty || rest.first == " " else { return nil }
        return (clock, rest.drop { $0 == " " })
    }

    /// A time at the start of `text` (`[01:23]`, `(1:02:03)`, or bare `01:23` when `bare`),
    /// removed from it. Minutes and seconds after the first group have two digits.
    static func time(_ text: inout Substring, bare: Bool) -> Clock? {
        var s = text
        let closer: Character?
        switch s.first {
        case "[": closer = "]"; s = s.dropFirst()
        case "(": closer = ")"; s = s.dropFirst()
        default: closer = nil
        }
        if closer == nil, !bare { return nil }
        let digitsStart = s.startIndex
        var groups: [Int] = []
        while groups.count < 3 {
            let digits = s.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= (groups.isEmpty ? 4 : 2), groups.isEmpty || digits.count == 2,
                  let value = Int(digits) else { return nil }
            groups.append(value)
            s = s[digits.endIndex...]
            guard s.first == ":", s.dropFirst().first?.isNumber == true else { break }
            s = s.dropFirst()
        }
        guard groups.count >= 2, groups.dropFirst().allSatisfy({ $0 < 60 }) else { return nil }
        var fraction = 0.0
        if s.first == ".", let next = s.dropFirst().first, next.isASCII, next.isNumber {
            let digits = s.dropFirst().prefix { $0.isASCII && $0.isNumber }
            fraction = Double("0." + digits) ?? 0
            s = s[digits.endIndex...]
        }
        let written = String(text[digitsStart..<s.startIndex])
        if let closer {
            guard s.first == closer else { return nil }
            s = s.dropFirst()
        }
        let total = groups.reduce(0.0) { $0 * 60 + Double($1) } + fraction
        guard let seconds = TimeFormat.checked(total) else { return nil }
        text = s
        return Clock(seconds: seconds, written: written)
    }

    /// The text cut at each bracketed time inside it (`… so \[12:30\] we …`).
    static func inlineTimes(_ text: Substring) -> [(Clock?, Substring)] {
        var pieces: [(Clock?, Substring)] = []
        var clock: Clock?
        var rest = text
        var searchFrom = rest.startIndex
        while let open = rest.utf8[searchFrom...].firstIndex(of: UInt8(ascii: "[")) {
            var candidate = rest[open...]
            if let found = time(&candidate, bare: false) {
                pieces.append((clock, rest[..<open]))
                clock = found
                rest = candidate.drop { $0 == " " }
                searchFrom = rest.startIndex
            } else {
                searchFrom = rest.index(after: open)
            }
        }
        pieces.append((clock, rest))
        return pieces.filter { $0.0 != nil || !$0.1.allSatisfy { $0 == " " } }
    }
}

extension LabelledTextReader.Form {
    /// Order of preference between forms found on as many lines.
    var rank: Int { Self.allCases.firstIndex(of: self)! }
}

/// Markdown inside a paragraph, reduced to its text: `[text](link)` is `text`, `**bold**`
/// and `__bold__` lose their markers, runs of spaces are one.
enum MarkdownInline {
    static func plain(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        // Where the next `]` and `)` are (or none): each found once, so a line of `[` is linear.
        var nextBracket = -1
        var nextParen = -1
        var i = 0
        func space() { if let last = out.last, last != 0x20 { out.append(0x20) } }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "[") {
                if nextBracket <= i { nextBracket = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "]")) ?? bytes.count }
                let close = nextBracket
                if close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "(") {
                    if nextParen <= close { nextParen = bytes[(close + 1)...].firstIndex(of: UInt8(ascii: ")")) ?? bytes.count }
                    if nextParen < bytes.count {
                        // `[text](link)`: the text.
                        for c in bytes[(i + 1)..<close] { if c == 0x20 { space() } else { out.append(c) } }
                        i = nextParen + 1
                        continue
                    }
                }
                out.append(b)
                i += 1
            } else if b == UInt8(ascii: "*") || b == UInt8(ascii: "_"), i + 1 < bytes.count, bytes[i + 1] == b {
                i += 2
            } else if b == 0x20 || b == 0x09 {
                space()
                i += 1
            } else {
                out.append(b)
                i += 1
            }
        }
        while out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
