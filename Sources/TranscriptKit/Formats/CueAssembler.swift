/// Turns a format's cues into utterances. A name holds until the next one (the Podcasting
/// 2.0 rule); a named speaker's cues that repeat a time span are one cue (feeds split a
/// cue's two lines into two segments), and one-word cues are joined into sentences.
/// Consecutive cues of one speaker make one utterance, with a new paragraph after a pause
/// (or where the file has one), and the utterance keeps every cue with its own times.
/// The merges run until nothing changes, so reading an export of the result gives the same.
enum CueAssembler {
    /// A pause at least this long starts a paragraph.
    static let paragraphGap = 2.0
    /// A paragraph this long ends at the next sentence end…
    static let paragraphWords = 120
    /// …and one this long ends anyway (captions without punctuation or pauses).
    static let longestParagraph = 400
    /// One-word cues closer than this are one sentence…
    static let wordGap = 1.0
    /// …of at most this many words.
    static let sentenceWords = 40

    struct Piece {
        /// Empty for an unknown speaker.
        var name: String
        var start: Double?
        var end: Double?
        var timestamp: String
        var lines: [String]
        var words: Int
        var line: Int
        var startsParagraph: Bool
        /// Indexes into the raw sections that come just before this piece.
        var sections: [Int]
    }

    /// What the cues gave, for the episode's `TranscriptReading`.
    struct Summary {
        var namesSpeakers = false
        var hasTimes = false
        var hasEnds = false
    }

    /// `raw` is used up: each cue's text moves into a piece, then into the utterances, so a
    /// large file's text is not held twice over.
    static func assemble(_ raw: consuming RawTranscript, into episode: inout Episode) -> Summary {
        let certain = certainNames(raw)
        var pieces = self.pieces(&raw, file: episode.file, diagnostics: &episode.diagnostics)
        let sections = raw.sections
        let paragraphsFromGaps = raw.paragraphsFromGaps
        let count = raw.cues.count
        raw.cues = []
        if paragraphsFromGaps { pieces = merged(pieces) }
        var summary = Summary()
        build(&pieces, sections: sections, cueCount: count, paragraphsFromGaps: paragraphsFromGaps, certain: certain,
              into: &episode, summary: &summary)
        return summary
    }

    // MARK: Speakers

    private static func pieces(_ raw: inout RawTranscript, file: String, diagnostics: inout [Diagnostic]) -> [Piece] {
        var sectionsBefore = [[Int]](repeating: [], count: raw.cues.count)
        for (index, section) in raw.sections.enumerated() where section.beforeCue < raw.cues.count {
            sectionsBefore[section.beforeCue].append(index)
        }
        var name = ""
        var pieces: [Piece] = []
        pieces.reserveCapacity(raw.cues.count)
        var warnings = DiagnosticBudget(file: file)
        for index in raw.cues.indices {
            let cue = raw.cues[index]
            raw.cues[index].lines = []
            switch cue.voice {
            case let .named(given, _): name = given
            case .unknown: name = ""
            case .carried: break
            }
            var end = cue.end
            if let start = cue.start, let given = end, given < start {
                warnings.warn(cue.line, "the cue ends (\(TimeFormat.longClock(given))) before it starts (\(TimeFormat.longClock(start))); its end is taken to be its start", into: &diagnostics)
                end = start
            }
            let lines = cue.lines.map(\.trimmedBlanks).filter { !$0.isEmpty }
            pieces.append(Piece(name: name, start: cue.start, end: end, timestamp: cue.timestamp, lines: lines,
                                words: wordCount(lines), line: cue.line, startsParagraph: cue.startsParagraph,
                                sections: sectionsBefore[index]))
        }
        warnings.finish(into: &diagnostics)
        return pieces
    }

    /// Names given by a field or tag are certain; a `Name:` prefix only when it names
    /// someone at least twice, or someone a field names too.
    private static func certainNames(_ raw: RawTranscript) -> Set<String> {
        var explicit = Set<String>()
        var prefixes: [String: Int] = [:]
        for cue in raw.cues {
            if case let .named(name, isExplicit) = cue.voice {
                if isExplicit { explicit.insert(name) } else { prefixes[name, default: 0] += 1 }
            }
        }
        return explicit.union(prefixes.filter { $0.value >= 2 }.keys)
    }

    // MARK: Merging cues

    /// Both merges, until neither changes anything: export runs this too, so what it
    /// writes reads back as the same cues.
    static func merged(_ pieces: [Piece]) -> [Piece] {
        var pieces = pieces
        while true {
            let count = pieces.count
            pieces = mergeWords(mergeRepeatedSpans(pieces))
            if pieces.count == count { return pieces }
        }
    }

    /// A named speaker's cue with the same start and end as the one before is more lines of it.
    private static func mergeRepeatedSpans(_ pieces: [Piece]) -> [Piece] {
        var merged: [Piece] = []
        merged.reserveCapacity(pieces.count)
        for piece in pieces {
            // Changed in place: a copy of the last piece would copy its lines at every merge.
            if let last = merged.last, !piece.name.isEmpty, last.name == piece.name, piece.sections.isEmpty,
               let start = piece.start, let end = piece.end, last.start == start, last.end == end {
                merged[merged.count - 1].lines += piece.lines
                merged[merged.count - 1].words += piece.words
            } else {
                merged.append(piece)
            }
        }
        return merged
    }

    /// Where most cues are single words (word-level transcripts), a named speaker's words
    /// close in time are one cue, up to a sentence's end.
    private static func mergeWords(_ pieces: [Piece]) -> [Piece] {
        guard pieces.count >= 10, pieces.count(where: { $0.words == 1 }) * 10 >= pieces.count * 8 else { return pieces }
        var merged: [Piece] = []
        merged.reserveCapacity(pieces.count / 4)
        for piece in pieces {
            if let last = merged.last, !piece.name.isEmpty, last.name == piece.name, piece.sections.isEmpty,
               let lastStart = last.start, let lastEnd = last.end, let start = piece.start, let end = piece.end,
               start >= lastStart, start - lastEnd < wordGap, last.words < sentenceWords, !endsSentence(last.lines.last ?? "") {
                let index = merged.count - 1
                merged[index].lines = [(merged[index].lines + piece.lines).joined(separator: " ")]
                merged[index].words += piece.words
                merged[index].end = max(lastEnd, end)
            } else {
                merged.append(piece)
            }
        }
        return merged
    }

    /// A cue to export: `name` empty for an unknown speaker.
    static func piece(name: String, start: Double, end: Double, lines: [String]) -> Piece {
        let lines = lines.map(\.trimmedBlanks).filter { !$0.isEmpty }
        return Piece(name: name, start: start, end: end, timestamp: "", lines: lines, words: wordCount(lines), line: 1,
                     startsParagraph: false, sections: [])
    }

    // MARK: Utterances

    private struct Turn {
        var name: String
        var start: Double?
        var timestamp = ""
        var line: Int
        var paragraphs: [String] = []
        var cues: [Cue] = []
        var paragraphWords = 0
        var lastEnd: Double?
        var lastText = ""
    }

    private static func build(_ pieces: inout [Piece], sections: [RawTranscript.Section], cueCount: Int, paragraphsFromGaps: Bool,
                              certain: Set<String>, into episode: inout Episode, summary: inout Summary) {
        var speakerIndex: [String: Int] = [:]
        var turn: Turn?
        var lastStart = 0.0
        var previousStart: (time: Double, line: Int)?
        var latest = 0.0
        var allEnded = true
        var warnings = DiagnosticBudget(file: episode.file)

        func finish() {
            guard let done = turn else { return }
            let index: Int
            if let known = speakerIndex[done.name] {
                index = known
            } else {
                index = episode.speakers.count
                speakerIndex[done.name] = index
                let sure = certain.contains(done.name)
                episode.speakers.append(Speaker(
                    tag: done.name, name: done.name.isEmpty ? "?" : done.name, role: .unknown, isCertain: sure && !done.name.isEmpty,
                    reason: done.name.isEmpty ? "no speaker named" : sure ? "named in the transcript"
                        : "named once, by a 'Name:' prefix that may be the start of a sentence"))
            }
            var utterance = Utterance(start: done.start ?? lastStart, timestamp: done.timestamp, tag: done.name, speakerIndex: index,
                                      paragraphs: done.paragraphs, sectionIndex: episode.sections.isEmpty ? nil : episode.sections.count - 1,
                                      line: done.line)
            utterance.cues = done.cues
            episode.utterances.append(utterance)
            turn = nil
        }

        for position in pieces.indices {
            let piece = pieces[position]
            pieces[position].lines = []
            for index in piece.sections {
                finish()
                let section = sections[index]
                episode.sections.append(Section(title: section.title, line: section.line, firstUtterance: episode.utterances.count))
                if let time = section.time { lastStart = time }
            }
            if let start = piece.start {
                if let previous = previousStart, start < previous.time {
                    warnings.warn(piece.line, "the time \(TimeFormat.longClock(start)) goes back from \(TimeFormat.longClock(previous.time)) at line \(previous.line); kept in file order", into: &episode.diagnostics)
                }
                previousStart = (start, piece.line)
                summary.hasTimes = true
                latest = max(latest, piece.end ?? start)
            }
            if piece.start == nil || piece.end == nil { allEnded = false }
            if !piece.name.isEmpty { summary.namesSpeakers = true }

            var newParagraph = false
            if let current = turn {
                if paragraphsFromGaps {
                    let paused = current.lastEnd.flatMap { end in piece.start.map { $0 - end >= paragraphGap } } ?? false
                    newParagraph = paused || current.paragraphWords >= longestParagraph
                        || (current.paragraphWords >= paragraphWords && endsSentence(current.lastText))
                } else {
                    newParagraph = piece.startsParagraph
                }
                // An unknown speaker has no turns: each of its paragraphs stands alone.
                if current.name != piece.name || (newParagraph && piece.name.isEmpty) { finish() }
            }
            if turn == nil {
                turn = Turn(name: piece.name, line: piece.line)
                newParagraph = true
            }
            if newParagraph {
                turn!.paragraphs.append("")
                turn!.paragraphWords = 0
            }
            if turn!.start == nil, let start = piece.start {
                turn!.start = start
                turn!.timestamp = piece.timestamp
            }
            append(piece, to: &turn!)
            if let start = piece.start { lastStart = start }
        }
        finish()
        for section in sections where section.beforeCue >= cueCount {
            episode.sections.append(Section(title: section.title, line: section.line, firstUtterance: episode.utterances.count))
        }
        summary.hasEnds = summary.hasTimes && allEnded
        episode.duration = latest
        warnings.finish(into: &episode.diagnostics)
    }

    /// The piece's text at the end of the turn's last paragraph, and its cue when it is timed.
    private static func append(_ piece: Piece, to turn: inout Turn) {
        let paragraph = turn.paragraphs.count - 1
        // Appended in place: building a copy would copy the whole paragraph for every cue.
        var offset = turn.paragraphs[paragraph].utf8.count
        if offset > 0, !piece.lines.isEmpty {
            turn.paragraphs[paragraph].append(" ")
            offset += 1
        }
        let start = offset
        var breaks: [Int] = []
        for (n, line) in piece.lines.enumerated() {
            if n > 0 {
                breaks.append(offset)
                turn.paragraphs[paragraph].append(" ")
                offset += 1
            }
            turn.paragraphs[paragraph].append(line)
            offset += line.utf8.count
        }
        turn.paragraphWords += piece.words
        if let last = piece.lines.last { turn.lastText = last }
        if let cueStart = piece.start {
            turn.cues.append(Cue(start: cueStart, end: piece.end, paragraph: paragraph, range: start..<offset,
                                 lineBreaks: breaks, line: piece.line))
            turn.lastEnd = piece.end
        }
    }

    static func wordCount(_ lines: [String]) -> Int {
        lines.reduce(0) { $0 + WordCount.of($1) }
    }

    /// Ends with `.`, `?`, `!` or `…`, closing quotes and brackets aside.
    static func endsSentence(_ text: String) -> Bool {
        for c in text.reversed() {
            if "\"'”’)]»".contains(c) || c == " " { continue }
            return ".?!…".contains(c)
        }
        return false
    }
}

/// At most ten warnings of one kind per file, then one line saying how many more: a file
/// of a million bad cues must not make a million diagnostics.
struct DiagnosticBudget {
    let file: String
    var count = 0
    var firstExtraLine = 0
    static let limit = 10

    init(file: String) { self.file = file }

    mutating func warn(_ line: Int, _ message: @autoclosure () -> String, into diagnostics: inout [Diagnostic]) {
        count += 1
        if count <= Self.limit {
            diagnostics.append(Diagnostic(file: file, line: line, severity: .warning, message: message()))
        } else if count == Self.limit + 1 {
            firstExtraLine = line
        }
    }

    mutating func finish(into diagnostics: inout [Diagnostic]) {
        guard count > Self.limit else { return }
        diagnostics.append(Diagnostic(file: file, line: firstExtraLine, severity: .warning,
                                      message: "\(count - Self.limit) more warning(s) like the ones above, from this line on"))
    }
}
