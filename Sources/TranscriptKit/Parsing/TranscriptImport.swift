import Foundation

/// WebVTT, SubRip and Podcasting 2.0 JSON transcripts in the corpus folder, read as
/// episodes. Speakers are named in these files (`<v Name>`, `Name: `, `"speaker"`), so their
/// tags are the names. Title, people and the other front matter fields come from a sidecar
/// `NAME.yaml` with the fields of an episode page's front matter, else from the file name.
enum TranscriptImport {
    static let extensions: Set<String> = ["vtt", "srt", "json"]

    static func isImported(_ path: String) -> Bool { extensions.contains(fileExtension(path)) }

    static func fileExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }

    /// `NAME.yaml` beside `NAME.vtt`.
    static func sidecar(of path: String) -> String {
        String(path.dropLast(fileExtension(path).count)) + "yaml"
    }

    struct Cue {
        var speaker: String
        var start: Double
        var timestamp: String
        var paragraphs: [String]
        var line: Int
    }

    static func parse(fileAt path: String) -> Episode {
        switch FileReader.read(path) {
        case let .success(bytes):
            return parse(bytes: bytes, file: path)
        case let .failure(failure):
            var episode = Episode(file: path)
            episode.speakersNamed = true
            episode.diagnostics.append(Diagnostic(file: path, line: 1, severity: .error, message: failure.description))
            EpisodeParser.fillDefaults(&episode, evidence: true)
            return episode
        }
    }

    static func parse(bytes: [UInt8], file path: String) -> Episode {
        var episode = Episode(file: path)
        episode.speakersNamed = true
        let cues: [Cue]
        switch fileExtension(path) {
        case "json": cues = json(bytes, file: path, diagnostics: &episode.diagnostics)
        case "srt": cues = subRip(source(bytes, path, &episode.diagnostics), file: path, diagnostics: &episode.diagnostics)
        default: cues = webVTT(source(bytes, path, &episode.diagnostics), file: path, diagnostics: &episode.diagnostics)
        }
        readSidecar(into: &episode)
        add(cues, to: &episode)
        EpisodeParser.fillDefaults(&episode, evidence: true)
        return episode
    }

    private static func source(_ bytes: [UInt8], _ path: String, _ diagnostics: inout [Diagnostic]) -> [String] {
        let source = bytes.withUnsafeBytes { SourceText(bytes: $0, file: path) }
        diagnostics += source.diagnostics
        return source.looksBinary ? [] : source.lines
    }

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

    private static func add(_ cues: [Cue], to episode: inout Episode) {
        var index: [String: Int] = [:]
        for cue in cues {
            let speaker: Int
            if let known = index[cue.speaker] {
                speaker = known
            } else {
                speaker = episode.speakers.count
                index[cue.speaker] = speaker
                episode.speakers.append(Speaker(tag: cue.speaker, name: cue.speaker.isEmpty ? "?" : cue.speaker,
                                                role: .unknown, isCertain: false, reason: "not resolved"))
            }
            episode.utterances.append(Utterance(start: cue.start, timestamp: cue.timestamp, tag: cue.speaker,
                                                speakerIndex: speaker, paragraphs: cue.paragraphs, sectionIndex: nil, line: cue.line))
        }
        if cues.isEmpty {
            episode.diagnostics.append(Diagnostic(file: episode.file, line: 1, severity: .warning, message: "no cues found"))
        }
    }

    // MARK: WebVTT and SubRip

    /// `HH:MM:SS.mmm` or `MM:SS.mmm` (`,` in SubRip), and the rest of the timing line.
    static func timing(_ line: String) -> (start: Double, startText: String)? {
        let bytes = Array(line.utf8)
        guard let arrow = (0..<max(0, bytes.count - 2)).first(where: { bytes[$0] == 0x2D && bytes[$0 + 1] == 0x2D && bytes[$0 + 2] == 0x3E })
        else { return nil }
        let startText = String(decoding: bytes[..<arrow], as: UTF8.self).trimmedSpaces
        guard let start = TimeFormat.parseDuration(startText.replacingOccurrences(of: ",", with: ".")) else { return nil }
        return (start, startText)
    }

    private static func webVTT(_ lines: [String], file: String, diagnostics: inout [Diagnostic]) -> [Cue] {
        guard let first = lines.first, first.hasPrefix("WEBVTT") else {
            diagnostics.append(Diagnostic(file: file, line: 1, severity: .error, message: "not a WebVTT file: it should start with 'WEBVTT'"))
            return []
        }
        return blocks(lines).compactMap { block -> Cue? in
            guard let t = block.first(where: { lines[$0].contains("-->") }), let (start, text) = timing(lines[t]) else {
                let head = lines[block.first!]
                if !(head.hasPrefix("NOTE") || head.hasPrefix("STYLE") || head.hasPrefix("REGION") || head.hasPrefix("WEBVTT")) {
                    diagnostics.append(Diagnostic(file: file, line: block.first! + 1, severity: .warning, message: "a block without a cue timing; skipped"))
                }
                return nil
            }
            var speaker = ""
            var paragraphs: [String] = []
            for (n, index) in block.drop(while: { $0 <= t }).enumerated() {
                var line = lines[index]
                if n == 0, line.hasPrefix("<v"), let close = line.firstIndex(of: ">") {
                    // `<v Name>` or `<v.class Name>`: the name is after the first space.
                    let inside = line[line.index(line.startIndex, offsetBy: 2)..<close]
                    speaker = unescape(inside.drop { $0 != " " }.trimmedSpaces)
                    line = String(line[line.index(after: close)...])
                }
                paragraphs.append(unescape(stripTags(line)))
            }
            return Cue(speaker: speaker, start: start, timestamp: text, paragraphs: paragraphs.filter { !$0.isEmpty }, line: t + 1)
        }
    }

    private static func subRip(_ lines: [String], file: String, diagnostics: inout [Diagnostic]) -> [Cue] {
        blocks(lines).compactMap { block -> Cue? in
            guard let t = block.first(where: { lines[$0].contains("-->") }), let (start, text) = timing(lines[t]) else {
                diagnostics.append(Diagnostic(file: file, line: block.first! + 1, severity: .warning, message: "a block without a cue timing; skipped"))
                return nil
            }
            var paragraphs = block.drop(while: { $0 <= t }).map { lines[$0] }
            var speaker = ""
            if let first = paragraphs.first, let (name, text) = SubRipSpeaker.split(first) {
                speaker = name == "?" ? "" : name
                paragraphs[0] = text
            }
            return Cue(speaker: speaker, start: start, timestamp: text, paragraphs: paragraphs.filter { !$0.isEmpty }, line: t + 1)
        }
    }

    /// Line indexes of each run of non-blank lines.
    private static func blocks(_ lines: [String]) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        for index in lines.indices {
            if lines[index].trimmedWhitespace.isEmpty {
                if !current.isEmpty { result.append(current) }
                current = []
            } else {
                current.append(index)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func stripTags(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var out = ""
        var inTag = false
        for c in text {
            if c == "<" { inTag = true } else if c == ">", inTag { inTag = false } else if !inTag { out.append(c) }
        }
        return out
    }

    /// The character references WebVTT text uses; any other `&` stays as it is.
    private static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }
        let references: [(String, String)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", "\u{A0}")]
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            if let (reference, character) = references.first(where: { rest.hasPrefix($0.0) }) {
                out += character
                rest = rest.dropFirst(reference.count)
            } else {
                out += "&"
                rest = rest.dropFirst()
            }
        }
        return out + rest
    }

    // MARK: Podcasting 2.0 JSON

    private static func json(_ bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) -> [Cue] {
        do {
            let document = try JSONDecoder().decode(TranscriptExport.Document.self, from: Data(bytes))
            return document.segments.map { segment in
                Cue(speaker: segment.speaker ?? "", start: max(0, segment.startTime), timestamp: TimeFormat.longClock(max(0, segment.startTime)),
                    paragraphs: segment.body.split(separator: "\n", omittingEmptySubsequences: true).map(String.init), line: 1)
            }
        } catch {
            diagnostics.append(Diagnostic(file: file, line: 1, severity: .error,
                                          message: "not a Podcasting 2.0 JSON transcript ({\"version\", \"segments\": [{\"startTime\", \"body\"}]})"))
            return []
        }
    }
}
