import Foundation

/// Turns one episode file into an `Episode`. Never throws: whatever is wrong with the
/// file becomes a diagnostic, and everything readable is kept.
public enum EpisodeParser {
    public static func parse(fileAt path: String) -> Episode {
        TranscriptFile.parse(fileAt: path)
    }

    /// The bytes of the file named `file`, in whatever format they are.
    public static func parse(data: Data, file: String) -> Episode {
        TranscriptFile.parse(bytes: [UInt8](data), file: file)
    }

    public static func parse(text: String, file: String) -> Episode {
        TranscriptFile.parse(bytes: Array(text.utf8), file: file)
    }

    /// Only the transcript of an episode page: front matter skipped, not read (for search,
    /// which has the summary's front matter already).
    static func parseTranscript(fileAt path: String) -> Episode {
        guard case let .success(data) = FileReader.read(path) else { return parse(fileAt: path) }
        let source = data.withUnsafeBytes { SourceText(bytes: $0, file: path) }
        return parse(source, file: path, readFrontMatter: false)
    }

    /// Only the front matter, read up to its closing fence: for listing a large corpus
    /// before its transcripts are read. The episode has its front matter fields and their
    /// diagnostics, and no transcript, speakers or counts yet (`reusable`: see
    /// `parse(fileAt:frontMatter:)`). A file whose front matter cannot be read alone (not
    /// closed, control characters, bad UTF-8) is read in full instead, as a summary.
    static func parseFrontMatter(fileAt path: String) -> (episode: Episode, reusable: Bool) {
        let ext = TranscriptFile.fileExtension(path)
        guard ext == "md" || ext == "markdown", case let .success(bytes) = FileReader.read(path) else {
            return (Episode(summary: parse(fileAt: path).summary), false)
        }
        let whole = { Episode(summary: TranscriptFile.parse(bytes: bytes, file: path).summary) }
        guard let end = bytes.withUnsafeBytes(FrontMatter.byteEnd) else { return (whole(), false) }
        let source = bytes.withUnsafeBytes { SourceText(bytes: UnsafeRawBufferPointer(rebasing: $0[..<end]), file: path) }
        guard source.diagnostics.isEmpty else { return (whole(), false) }
        return (parse(source, file: path, readBody: false), true)
    }

    /// The whole file, its front matter taken from a `parseFrontMatter` of the same version
    /// of it: the same episode as `parse(fileAt:)`, without reading the YAML twice.
    static func parse(fileAt path: String, frontMatter: Episode) -> Episode {
        guard case let .success(bytes) = FileReader.read(path) else { return parse(fileAt: path) }
        return TranscriptFile.parse(bytes: bytes, file: path, frontMatter: frontMatter)
    }

    static func parse(_ source: SourceText, file: String, readFrontMatter: Bool = true, readBody: Bool = true,
                      frontMatter known: Episode? = nil) -> Episode {
        var episode = Episode(file: file)
        episode.diagnostics = source.diagnostics
        if source.lines.isEmpty || source.lines.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
            episode.diagnostics.append(Diagnostic(file: file, line: 1, severity: .error, message: "the file is empty"))
        } else if !source.looksBinary {
            var bodyStart = 0
            if let frontMatter = FrontMatter.locate(in: source.lines, file: file, diagnostics: &episode.diagnostics) {
                if let known {
                    episode.takeFrontMatter(of: known)
                } else if readFrontMatter {
                    FrontMatter.read(source.lines[frontMatter.range], firstLine: frontMatter.range.lowerBound + 1, into: &episode)
                }
                bodyStart = frontMatter.bodyStart
            }
            if readBody {
                var body = BodyParser(file: file)
                body.parse(source.lines, from: bodyStart, into: &episode)
            }
        }
        // A page without a transcript keeps the length its front matter states (a feed's item).
        if !episode.utterances.isEmpty || episode.missingTranscript == nil {
            episode.duration = episode.utterances.reduce(0) { max($0, $1.start) }
        }
        if readFrontMatter { fillDefaults(&episode, evidence: readBody) }
        return episode
    }

    static func fillDefaults(_ episode: inout Episode, evidence: Bool) {
        let fromName = idFromFileName(episode.file)
        if episode.id.isEmpty { episode.id = fromName }
        if episode.title.isEmpty { episode.title = fromName }
        // Not from a name that starts with a date (`2023-03-17-title`): that is a year.
        if episode.number == nil, !startsWithDate(fromName), let digits = Int(fromName.prefix { $0.isNumber }) {
            episode.number = digits
        }
        if evidence { episode.evidence = SpeakerEvidence(of: episode) }
    }

    static func startsWithDate(_ name: String) -> Bool {
        let head = Array(name.utf8.prefix(10))
        guard head.count == 10 else { return false }
        return head.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    public static func idFromFileName(_ path: String) -> String {
        TranscriptFile.stem(of: path)
    }

    /// A short, human reason for a file error ("permission denied", "no such file").
    public static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoPermissionError: return "permission denied"
            case NSFileReadNoSuchFileError: return "no such file"
            default: break
            }
        }
        return nsError.localizedDescription
    }
}

/// Walks the body lines, building utterances, sections and diagnostics.
private struct BodyParser {
    let file: String
    var tagIndex: [String: Int] = [:]
    /// Tags as written, so each spelling is normalised once per file, not once per line.
    var rawTagIndex: [String: Int] = [:]
    var lastStart = -1.0
    var lastStartLine = 0
    var afterEnd = false
    var warnedAfterEnd = false

    mutating func warn(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, severity: .warning, message: message))
    }

    var diagnostics: [Diagnostic] = []

    mutating func speakerIndex(for rawTag: String, episode: inout Episode) -> Int {
        if let index = rawTagIndex[rawTag] { return index }
        let tag = SpeakerTag.normalize(rawTag)
        if let index = tagIndex[tag] {
            rawTagIndex[rawTag] = index
            return index
        }
        rawTagIndex[rawTag] = episode.speakers.count
        let index = episode.speakers.count
        episode.speakers.append(Speaker(tag: tag, name: tag.isEmpty ? "?" : tag, role: .unknown,
                                        isCertain: false, reason: "not resolved"))
        tagIndex[tag] = index
        return index
    }

    mutating func parse(_ lines: [String], from start: Int, into episode: inout Episode) {
        var index = start
        while index < lines.count {
            let lineNumber = index + 1
            switch TranscriptLine.classify(lines[index]) {
            case .blank, .heading:
                break
            case let .section(title):
                episode.sections.append(Section(title: title, line: lineNumber, firstUtterance: episode.utterances.count))
                if title == "END" { afterEnd = true }
            case let .utterance(head):
                for problem in head.problems { warn(lineNumber, problem) }
                addUtterance(start: head.inRange ? head.seconds : max(0, lastStart), timestamp: head.timestamp, tag: head.tag,
                             text: head.text, line: lineNumber, into: &episode)
            case let .untimed(tag, text):
                if var last = episode.utterances.last, last.tag.isEmpty, last.paragraphs.isEmpty {
                    last.tag = tag
                    last.speakerIndex = speakerIndex(for: tag, episode: &episode)
                    if !text.isEmpty { last.paragraphs = [text] }
                    episode.utterances[episode.utterances.count - 1] = last
                    warn(lineNumber, "speaker tag '\(tag)' is on the line after its timestamp")
                } else {
                    warn(lineNumber, "speaker tag '\(tag)' has no timestamp; the previous time is used")
                    addUtterance(start: max(0, lastStart), timestamp: "", tag: tag, text: text, line: lineNumber, into: &episode)
                }
            case let .text(text):
                addParagraph(text, line: lineNumber, into: &episode)
            }
            index += 1
        }
        if episode.utterances.isEmpty, !lines.isEmpty, episode.missingTranscript == nil {
            warn(min(start + 1, lines.count), "no timestamped utterances found (expected lines like '[0:00:41] AB: text')")
        }
        diagnostics += RepeatedUtterances.diagnostics(episode.utterances, file: file)
        episode.diagnostics += diagnostics
    }

    mutating func addParagraph(_ text: String, line: Int, into episode: inout Episode) {
        let sectionStartsHere = episode.sections.last.map { $0.firstUtterance == episode.utterances.count } ?? false
        if !episode.utterances.isEmpty, !sectionStartsHere {
            episode.utterances[episode.utterances.count - 1].paragraphs.append(text)
            return
        }
        if let section = episode.sections.last, sectionStartsHere {
            // A paragraph right after a marker such as [ANNOUNCER] is that voice's untimed turn.
            let speaksAs = section.title.contains(" ") ? "" : section.title
            warn(line, "paragraph after [\(section.title)] has no timestamp or speaker; kept as an untimed utterance")
            addUtterance(start: max(0, lastStart), timestamp: "", tag: speaksAs, text: text, line: line, into: &episode)
            return
        }
        warn(line, "text before the first utterance; kept as preamble")
        episode.preamble.append(text)
    }

    mutating func addUtterance(start: Double, timestamp: String, tag: String, text: String, line: Int,
                               into episode: inout Episode) {
        if !timestamp.isEmpty {
            if start < lastStart {
                warn(line, "timestamp \(timestamp) goes back in time from \(TimeFormat.longClock(lastStart)) at line \(lastStartLine); kept in file order")
            }
            lastStart = start
            lastStartLine = line
        }
        if afterEnd, !warnedAfterEnd {
            warn(line, "the transcript goes on after [END]")
            warnedAfterEnd = true
        }
        let speaker = speakerIndex(for: tag, episode: &episode)
        let section = episode.sections.isEmpty ? nil : episode.sections.count - 1
        episode.utterances.append(Utterance(start: start, timestamp: timestamp, tag: tag, speakerIndex: speaker,
                                            paragraphs: text.isEmpty ? [] : [text], sectionIndex: section, line: line))
    }
}
