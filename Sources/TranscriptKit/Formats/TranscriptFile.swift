import Foundation

/// One file of any format read as an episode. The format is decided by the content (a
/// `.txt` that is WebVTT is WebVTT); the extension only says which files to look at.
/// Formats without front matter take the episode's fields from a sidecar `NAME.yaml`
/// (the fields of an episode page's front matter, with or without `---` lines), else from
/// the file name.
public enum TranscriptFile {
    /// Files in a corpus folder that may hold a transcript.
    static let extensions: Set<String> = ["md", "markdown", "txt", "vtt", "srt", "json", "html", "htm"]

    public static func isCandidate(_ name: String) -> Bool { extensions.contains(fileExtension(name)) }

    public static func fileExtension(_ path: String) -> String {
        // By bytes: a corpus's listing asks this of every file (a dot and a slash are ASCII).
        let utf8 = path.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")), !utf8[dot...].contains(UInt8(ascii: "/")) else { return "" }
        return path[utf8.index(after: dot)...].lowercased()
    }

    /// The file name without its extension (and without `.chapters` before `.json`): files
    /// with the same stem are one episode.
    public static func stem(of path: String) -> String {
        let stem = stemPath(of: path)
        guard let slash = stem.utf8.lastIndex(of: UInt8(ascii: "/")) else { return String(stem) }
        return String(stem[stem.utf8.index(after: slash)...])
    }

    /// The path without its format's extension (`dir/name` for `dir/name.vtt` and
    /// `dir/name.chapters.json`): the same for every file of one episode. By bytes, like
    /// `fileExtension`: a listing asks it of every file.
    static func stemPath(of path: String) -> Substring {
        let utf8 = path.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")), !utf8[dot...].contains(UInt8(ascii: "/")) else { return path[...] }
        let ext = path[utf8.index(after: dot)...].lowercased()
        guard extensions.contains(ext) else { return path[...] }
        let stem = path[..<dot]
        if ext == "json", stem.lowercased().hasSuffix(".chapters") { return stem.dropLast(".chapters".count) }
        return stem
    }

    /// `NAME.yaml` beside `NAME.vtt`.
    static func sidecar(of path: String) -> String {
        let ext = fileExtension(path)
        return (ext.isEmpty ? path + "." : String(path.dropLast(ext.count))) + "yaml"
    }

    enum Content { case webVTT, subRip, json, html, text }

    /// Every extension `sniffedExtension` gives.
    public static let sniffedExtensions = ["vtt", "srt", "json", "html", "txt"]

    /// The extension a file of these bytes is read by (`vtt`, `srt`, `json`, `html` or
    /// `txt`): what a downloaded transcript is saved as, whatever its server called it.
    public static func sniffedExtension(_ bytes: [UInt8]) -> String {
        switch sniff(bytes) {
        case .webVTT: return "vtt"
        case .subRip: return "srt"
        case .json: return "json"
        case .html: return "html"
        case .text: return "txt"
        }
    }

    /// What the bytes are, by their first visible characters: `WEBVTT`; `{` or `[{`; a
    /// SubRip cue (a timing line, after a cue number or not); markup (`<`), only as HTML in
    /// a file that is not Markdown or text, or that starts as a web page does; else text.
    static func sniff(_ bytes: [UInt8], extension ext: String = "") -> Content {
        var i = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        guard i < bytes.count else { return .text }
        let head = String(decoding: bytes[i..<min(bytes.count, i + 512)], as: UTF8.self)
        if head.hasPrefix("WEBVTT") { return .webVTT }
        if head.hasPrefix("{") { return .json }
        if head.hasPrefix("[") {
            // `[{…}]` is JSON; `[00:01:02] Name: text` is a transcript line.
            let next = head.dropFirst().first { !$0.isWhitespace }
            if next == "{" || next == "]" || next == nil { return .json }
        }
        if head.hasPrefix("<") {
            let lower = head.prefix(64).lowercased()
            if !["md", "markdown", "txt"].contains(ext) || lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") { return .html }
        }
        let lines = head.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).prefix(2)
        if let first = lines.first, CueTiming.hasShape(String(first))
            || (lines.count == 2 && CaptionBlocks.isCueNumber(String(first)) && CueTiming.hasShape(String(lines.last!))) {
            return .subRip
        }
        return .text
    }

    static func parse(fileAt path: String) -> Episode {
        let read: Read
        // The bytes live only while the format's reader runs: a large file's cues are
        // assembled without its bytes and lines still in memory.
        switch FileReader.read(path) {
        case let .success(bytes):
            read = self.read(bytes, file: path)
        case let .failure(failure):
            var episode = Episode(file: path)
            episode.reading = TranscriptReading(format: guessedFormat(path))
            episode.diagnostics.append(Diagnostic(file: path, line: 1, severity: .error, message: failure.description))
            EpisodeParser.fillDefaults(&episode, evidence: true)
            return episode
        }
        return finish(read)
    }

    /// `frontMatter`: the front matter already read from these bytes (see
    /// `EpisodeParser.parseFrontMatter`), used if the file is an episode page.
    static func parse(bytes: [UInt8], file path: String, frontMatter: Episode? = nil) -> Episode {
        finish(read(bytes, file: path, frontMatter: frontMatter))
    }

    /// A file read by its format's reader: an episode, or the cues to make one of.
    private enum Read {
        case done(Episode)
        case cues(RawTranscript, TranscriptReading.Format, Episode)
    }

    private static func read(_ bytes: [UInt8], file path: String, frontMatter: Episode? = nil) -> Read {
        var episode = Episode(file: path)
        switch sniff(bytes, extension: fileExtension(path)) {
        case .webVTT:
            let lines = source(bytes, into: &episode)
            return .cues(WebVTTReader.read(lines, file: path, diagnostics: &episode.diagnostics), .webVTT, episode)
        case .subRip:
            let lines = source(bytes, into: &episode)
            return .cues(SubRipReader.read(lines, file: path, diagnostics: &episode.diagnostics), .subRip, episode)
        case .json:
            let read = JSONTranscriptReader.read(bytes, file: path, diagnostics: &episode.diagnostics)
            switch read.format {
            case .chapters:
                episode.reading = TranscriptReading(format: .chapters)
                episode.chapters = read.chapters
            case .notTranscript:
                episode.reading = TranscriptReading(format: .notTranscript)
            default:
                return .cues(read.raw, read.format, episode)
            }
            return .done(episode)
        case .html:
            guard let raw = HTMLTranscriptReader.read(bytes, file: path, diagnostics: &episode.diagnostics) else {
                episode.reading = TranscriptReading(format: .notTranscript)
                return .done(episode)
            }
            return .cues(raw, .html, episode)
        case .text:
            let source = bytes.withUnsafeBytes { SourceText(bytes: $0, file: path) }
            return text(source, file: path, extension: fileExtension(path), frontMatter: frontMatter)
        }
    }

    /// The episode: its cues assembled, the sidecar read where the format has no front matter.
    private static func finish(_ read: consuming Read) -> Episode {
        switch consume read {
        case let .done(episode):
            return episode
        case .cues(let raw, let format, var episode):
            cues(raw, format, into: &episode)
            // Text with front matter has its fields; text without took the sidecar's already.
            if format != .labelledText { readSidecar(into: &episode) }
            EpisodeParser.fillDefaults(&episode, evidence: true)
            return episode
        }
    }

    /// The format a file's extension suggests, for a file that could not be read.
    private static func guessedFormat(_ path: String) -> TranscriptReading.Format {
        switch fileExtension(path) {
        case "vtt": return .webVTT
        case "srt": return .subRip
        case "json": return .podcastingJSON
        case "html", "htm": return .html
        case "txt": return .labelledText
        default: return .episodePage
        }
    }

    private static func source(_ bytes: [UInt8], into episode: inout Episode) -> [String] {
        let source = bytes.withUnsafeBytes { SourceText(bytes: $0, file: episode.file) }
        episode.diagnostics += source.diagnostics
        return source.looksBinary ? [] : source.lines
    }

    private static func cues(_ raw: consuming RawTranscript, _ format: TranscriptReading.Format, into episode: inout Episode) {
        let empty = raw.cues.isEmpty
        let detail = format == .labelledText ? episode.reading.detail : self.detail(raw, format)
        let found = CueAssembler.assemble(raw, into: &episode)
        episode.reading = TranscriptReading(format: format, detail: detail, namesSpeakers: found.namesSpeakers,
                                            hasTimes: found.hasTimes, hasEnds: found.hasEnds, textBytes: textBytes(episode))
        if empty, !episode.diagnostics.contains(where: { $0.severity == .error }), format != .podcastingJSON {
            episode.diagnostics.append(Diagnostic(file: episode.file, line: 1, severity: .warning, message: "no cues found"))
        }
    }

    /// How the speakers were given, for `validate` and the notes.
    private static func detail(_ raw: RawTranscript, _ format: TranscriptReading.Format) -> String {
        var tags = 0
        var prefixes = 0
        var carried = 0
        for cue in raw.cues {
            switch cue.voice {
            case let .named(_, explicit): if explicit { tags += 1 } else { prefixes += 1 }
            case .unknown: break
            case .carried: carried += 1
            }
        }
        var parts: [String] = []
        if tags > 0 {
            let kind: String
            switch format {
            case .webVTT: kind = "<v Name> voices"
            case .html: kind = "<cite> names"
            default: kind = "speaker fields"
            }
            parts.append(kind)
        }
        if prefixes > 0 { parts.append("'Name:' prefixes") }
        if parts.isEmpty { return "no speakers named" }
        return parts.joined(separator: " and ") + (carried > 0 ? ", each holding until the next" : "")
    }

    static func textBytes(_ episode: Episode) -> Int {
        episode.utterances.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.utf8.count } }
    }

    // MARK: Markdown and plain text

    private static func text(_ source: SourceText, file: String, extension ext: String, frontMatter known: Episode?) -> Read {
        let empty = source.lines.allSatisfy { $0.allSatisfy(\.isWhitespace) }
        guard !source.looksBinary, !empty else { return .done(EpisodeParser.parse(source, file: file)) }
        var scratch: [Diagnostic] = []
        let frontMatter = FrontMatter.locate(in: source.lines, file: file, diagnostics: &scratch)
        let body = source.lines[(frontMatter?.bodyStart ?? 0)...]
        guard let analysis = otherLabelling(of: body, isMarkdown: ext == "md" || ext == "markdown") else {
            // The Podlets' episode pages, and any Markdown file nothing else reads.
            var episode = EpisodeParser.parse(source, file: file, frontMatter: known)
            episode.reading = TranscriptReading(format: .episodePage, namesSpeakers: episode.speakers.contains { !$0.tag.isEmpty },
                                                hasTimes: episode.utterances.contains { !$0.timestamp.isEmpty },
                                                textBytes: textBytes(episode))
            return .done(episode)
        }
        var episode = Episode(file: file)
        episode.diagnostics = source.diagnostics + scratch.filter { !$0.message.hasPrefix("no front matter") }
        if let frontMatter {
            FrontMatter.read(source.lines[frontMatter.range], firstLine: frontMatter.range.lowerBound + 1, into: &episode)
            // Other shows' pages have their own fields; only episode pages must have these.
            episode.diagnostics.removeAll { $0.message.hasPrefix("front matter has no '") }
        } else {
            readSidecar(into: &episode)
        }
        guard analysis.score > 0 || frontMatter != nil || FileManager.default.fileExists(atPath: sidecar(of: file)) else {
            episode.reading = TranscriptReading(format: .notTranscript)
            episode.diagnostics.append(notTranscript(file))
            return .done(episode)
        }
        let read = LabelledTextReader.read(body, analysis: analysis)
        if episode.title.isEmpty, let title = read.title { episode.title = title }
        episode.reading.detail = analysis.detail
        return .cues(read.raw, .labelledText, episode)
    }

    /// Why a text file is skipped; an error where the extension promised subtitles.
    private static func notTranscript(_ file: String) -> Diagnostic {
        switch fileExtension(file) {
        case "vtt":
            return Diagnostic(file: file, line: 1, severity: .error,
                              message: "not a WebVTT file: it should start with 'WEBVTT' (and it is no other transcript format); skipped")
        case "srt":
            return Diagnostic(file: file, line: 1, severity: .error,
                              message: "not a SubRip file: no cue timing such as '00:00:01,000 --> 00:00:02,000' (and it is no other transcript format); skipped")
        default:
            return Diagnostic(file: file, line: 1, severity: .warning,
                              message: "no speaker labels or times found: not read as a transcript; skipped")
        }
    }

    /// How `body` is labelled when it is not an episode page; nil for an episode page. An
    /// episode page's tags are weighed against other labels, then times alone; lines both
    /// read the same way (`[0:00:41] CC: text`) leave it an episode page. A file is written
    /// one way throughout: its first few hundred lines with words tell.
    private static func otherLabelling(of body: ArraySlice<String>, isMarkdown: Bool) -> LabelledTextReader.Analysis? {
        var end = body.startIndex
        var worded = 0
        while end < body.endIndex, worded < 300 {
            if !body[end].isEmpty { worded += 1 }
            end += 1
        }
        let sample = body[body.startIndex..<end]
        var tagged = 0
        var timed = 0
        var untagged: [String] = []
        for line in sample {
            switch TranscriptLine.classify(line) {
            case let .utterance(head):
                timed += 1
                if head.tag.isEmpty { untagged.append(line) } else { tagged += 1 }
            case .untimed: tagged += 1
            default: untagged.append(line)
            }
        }
        // Other labels could only tie with the tags, on the tagged lines: an episode page,
        // without weighing the whole sample (most of what reading a page costs, otherwise).
        if tagged > 0, LabelledTextReader.analyse(untagged[...]).labelLines == 0 { return nil }
        let analysis = LabelledTextReader.analyse(sample)
        let isPage = analysis.labelLines > tagged ? false
            : tagged > 0 ? true
            : analysis.timedLines > timed ? false
            : timed > 0 || isMarkdown
        return isPage ? nil : analysis
    }

    // MARK: Sidecar

    private static func readSidecar(into episode: inout Episode) {
        let path = sidecar(of: episode.file)
        guard FileManager.default.fileExists(atPath: path) else { return }
        var meta = Episode(file: path)
        switch FileReader.read(path) {
        case let .success(bytes):
            let lines = bytes.withUnsafeBytes { SourceText(bytes: $0, file: path) }.lines
            var scratch: [Diagnostic] = []
            // With or without `---` fences around it.
            let range = FrontMatter.locate(in: lines, file: path, diagnostics: &scratch)?.range ?? lines.indices
            if !lines.isEmpty { FrontMatter.read(lines[range], firstLine: range.lowerBound + 1, into: &meta) }
        case let .failure(failure):
            meta.diagnostics.append(Diagnostic(file: path, line: 1, severity: .error, message: failure.description))
        }
        // The file name stands in for a missing id, number or title: no warning for those.
        meta.diagnostics.removeAll { $0.message.hasPrefix("front matter has no '") }
        episode.takeFrontMatter(of: meta)
    }
}
