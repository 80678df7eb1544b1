import Foundation
import Yams

/// Reads the YAML front matter of an episode page into an `Episode`, turning every
/// surprise (wrong type, missing field, bad YAML) into a diagnostic instead of a failure.
struct FrontMatter {
    /// Front matter lines as 0-based indexes into the file's lines.
    var range: Range<Int>
    /// Index of the first body line.
    var bodyStart: Int

    /// Finds the `---` … `---` block. Without a closing fence, the front matter is taken
    /// to end where the transcript visibly starts, so no transcript line is lost.
    static func locate(in lines: [String], file: String, diagnostics: inout [Diagnostic]) -> FrontMatter? {
        guard let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
              isFence(lines[first], "---")
        else {
            if !lines.isEmpty {
                diagnostics.append(Diagnostic(file: file, line: 1, severity: .warning,
                    message: "no front matter (the file should start with a line '---'); title and people are unknown"))
            }
            return nil
        }
        var i = first + 1
        while i < lines.count {
            if isFence(lines[i], "---") || isFence(lines[i], "...") {
                return FrontMatter(range: (first + 1)..<i, bodyStart: i + 1)
            }
            i += 1
        }
        let end = lines.indices.dropFirst(first + 1).first { index in
            let line = lines[index]
            return TranscriptLine.looksLikeTranscript(line)
        } ?? lines.count
        diagnostics.append(Diagnostic(file: file, line: first + 1, severity: .error,
            message: "front matter is not closed: add a line '---' after it (read up to line \(end))"))
        return FrontMatter(range: (first + 1)..<end, bodyStart: end)
    }

    /// The byte offset just past the line that closes the front matter, or nil when the
    /// file does not start with one that is closed (then it is read in full).
    static func byteEnd(of bytes: UnsafeRawBufferPointer) -> Int? {
        var start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var opened = false
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            // Any CR or control byte: leave the file to the full parser, which knows them all.
            let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            if line.contains(where: { $0 < 0x20 && $0 != 0x09 }) { return nil }
            let text = String(decoding: line, as: UTF8.self)
            if !opened {
                if !text.allSatisfy(\.isWhitespace) {
                    guard isFence(text, "---") else { return nil }
                    opened = true
                }
            } else if isFence(text, "---") || isFence(text, "...") {
                return min(end + 1, bytes.count)
            }
            start = end + 1
        }
        return nil
    }

    /// `fence` alone on the line, give or take spaces and tabs.
    static func isFence(_ line: String, _ fence: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            guard bytes.count >= 3, bytes.count < 64 else { return false }
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return end - start == 3 && zip(bytes[start..<end], fence.utf8).allSatisfy { $0 == $1 }
        }
    }

    static func read(_ lines: ArraySlice<String>, firstLine: Int, into episode: inout Episode) {
        var reader = FieldReader(file: episode.file, firstLine: firstLine)
        // YAML refuses control characters outright; show them as ^X instead of losing the whole block.
        var cleanLines: [String] = []
        for (offset, line) in lines.enumerated() {
            let clean = OutputText.forData(line, keepingTabs: true)
            if clean != line {
                reader.report(line: firstLine + offset, .warning, "control characters in the front matter; shown as ^X")
            }
            cleanLines.append(clean)
        }
        let yaml = cleanLines.joined(separator: "\n")
        if let problem = YAMLGuard.problem(in: yaml) {
            reader.report(line: firstLine, .error, "front matter rejected: \(problem)")
            reader.salvage(lines, into: &episode)
        } else {
            do {
                // The basic resolver: fields are read as text here, and the default one runs a regex per node.
                // An explicit encoding: the default one reads the environment on every call.
                if let root = try Yams.compose(yaml: yaml, .basic, .default, .utf8) {
                    reader.read(root, into: &episode)
                } else {
                    reader.report(line: firstLine, .warning, "front matter is empty")
                }
            } catch {
                let (line, message) = YAMLErrorText.describe(error)
                reader.report(line: firstLine + line - 1, .error, "front matter is not valid YAML: \(message)")
                reader.salvage(lines, into: &episode)
            }
        }
        episode.diagnostics += reader.diagnostics
    }
}

/// Rejects YAML that would make the recursive composer or a later traversal explode:
/// deep nesting (flow brackets, block indentation, `- - - -` runs), alias bombs, sheer size.
enum YAMLGuard {
    static let maxDepth = 64
    static let maxIndent = 512
    static let maxAliases = 256
    static let maxBytes = 1 << 20

    static func problem(in yaml: String) -> String? {
        if yaml.utf8.count > maxBytes { return "larger than \(maxBytes >> 20) MB" }
        var yaml = yaml
        return yaml.withUTF8(problem(in:))
    }

    private static func problem(in yaml: UnsafeBufferPointer<UInt8>) -> String? {
        var depth = 0
        var aliases = 0
        var inQuote: UInt8 = 0
        var atLineStart = true
        var indent = 0
        var dashes = 0
        // Last non-blank byte on the line (0 at its start): a quote only opens a scalar
        // after an indicator, so the apostrophe in `Joe's talk` is just a letter.
        var previous: UInt8 = 0
        for byte in yaml {
            if byte == 0x0A {
                atLineStart = true
                indent = 0
                dashes = 0
                previous = 0
                continue
            }
            if atLineStart, inQuote == 0 {
                if byte == 0x20 || byte == 0x09 {
                    indent += 1
                    if indent > maxIndent { return "indented more than \(maxIndent) columns" }
                    continue
                }
                if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") {
                    dashes += 1
                    if dashes > maxDepth { return "nested more than \(maxDepth) levels deep" }
                    previous = byte
                    continue
                }
                atLineStart = false
            }
            if inQuote != 0 {
                if byte == inQuote { inQuote = 0 }
                previous = byte
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                switch previous {
                case 0, UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "?"):
                    inQuote = byte
                default: break
                }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth { return "nested more than \(maxDepth) levels deep" }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "*"):
                aliases += 1
                if aliases > maxAliases { return "more than \(maxAliases) aliases (a YAML alias bomb?)" }
            default: break
            }
            if byte != 0x20, byte != 0x09 { previous = byte }
        }
        return nil
    }
}

enum YAMLErrorText {
    /// The 1-based line within the YAML text and a one-line message.
    static func describe(_ error: Error) -> (Int, String) {
        guard let yamlError = error as? YamlError else { return (1, "\(error)") }
        switch yamlError {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return (mark.line, problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, "duplicated key(s) \(duplicates.joined(separator: ", "))")
        case let .reader(problem, _, _, _):
            return (1, problem)
        default:
            return (1, "\(yamlError)".split(separator: "\n").first.map(String.init) ?? "unreadable")
        }
    }
}

private struct FieldReader {
    let file: String
    let firstLine: Int
    var diagnostics: [Diagnostic] = []

    mutating func report(line: Int, _ severity: Diagnostic.Severity, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, severity: severity, message: message))
    }

    func line(of node: Node) -> Int { firstLine + (node.mark?.line ?? 1) - 1 }

    mutating func read(_ root: Node, into episode: inout Episode) {
        guard case let .mapping(mapping) = root else {
            report(line: line(of: root), .error, "front matter should be a set of 'key: value' lines")
            return
        }
        var seen = Set<String>()
        // Other shows' names for the same fields, used when the episode page's are absent.
        var episodeNumber: Int?
        var summary: String?
        for (keyNode, value) in mapping {
            guard case let .scalar(key) = keyNode else { continue }
            seen.insert(key.string)
            switch key.string {
            case "episode_id": episode.id = text(value, field: "episode_id") ?? ""
            case "episode_number": episode.number = number(value, field: "episode_number")
            case "title": episode.title = text(value, field: "title") ?? ""
            case "description": episode.description = text(value, field: "description") ?? ""
            case "notes": episode.notes = text(value, field: "notes") ?? ""
            case "hosts": episode.hosts = people(value, field: "hosts")
            case "guests": episode.guests = people(value, field: "guests")
            case "points": episode.points = texts(value, field: "points")
            case "links": episode.links = people(value, field: "links")
            case "video": episode.video = text(value, field: "video")
            case "episode": episodeNumber = number(value, field: "episode")
            case "summary": summary = text(value, field: "summary")
            case "date": episode.date = text(value, field: "date")
            case "media": episode.media = text(value, field: "media")
            case "speakers": episode.people = people(value, field: "speakers")
            case "season": episode.season = number(value, field: "season")
            case "audio": episode.audio = text(value, field: "audio")
            case "duration": episode.duration = seconds(value, field: "duration") ?? 0
            case "transcript": episode.missingTranscript = value.string.flatMap { EpisodeSummary.MissingTranscript(rawValue: $0.trimmedSpaces.lowercased()) }
            case "enclosure":
                // A feed's enclosure: `url`, `type` and `length`; the address is the audio.
                if case let .mapping(pairs) = value {
                    if !seen.contains("audio") { episode.audio = self.value(of: "url", in: pairs).flatMap { text($0, field: "enclosure.url") } }
                } else if !seen.contains("audio") {
                    episode.audio = text(value, field: "enclosure")
                }
            case "related":
                episode.related = texts(value, field: "related")
                if case let .sequence(items) = value {
                    for item in items { if let id = item.string { episode.relatedLines[id.trimmedSpaces] = line(of: item) } }
                }
            default: break
            }
        }
        if !seen.contains("episode_number"), let episodeNumber { episode.number = episodeNumber }
        if !seen.contains("description"), let summary { episode.description = summary }
        for field in ["episode_id", "episode_number", "title"] where !seen.contains(field) && episode.missingTranscript == nil {
            report(line: firstLine, .warning, "front matter has no '\(field)'")
        }
    }

    /// Last resort after a YAML error: pick plain `key: value` lines so the episode still lists.
    mutating func salvage(_ lines: ArraySlice<String>, into episode: inout Episode) {
        for line in lines {
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("#") else { continue }
            let key = line[..<colon]
            var value = line[line.index(after: colon)...].trimmedSpaces
            if value.hasPrefix("\"") || value.hasPrefix("'") { value.removeFirst() }
            if value.hasSuffix("\"") || value.hasSuffix("'") { value.removeLast() }
            switch key {
            case "episode_id": episode.id = value
            case "episode_number": episode.number = Int(value)
            case "title": episode.title = value
            case "description": episode.description = value
            case "notes": episode.notes = value
            case "video": episode.video = value
            default: break
            }
        }
    }

    /// By key text: `mapping[key]` compares whole nodes, resolving tags on the way.
    private func value(of key: String, in mapping: Node.Mapping) -> Node? {
        mapping.first { $0.key.string == key }?.value
    }

    private func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node else { return false }
        guard scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    private func kind(_ node: Node) -> String {
        switch node {
        case .scalar: return "text"
        case .mapping: return "a set of 'key: value' pairs"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// `field` is only needed for a warning: built when one is made, not for every value.
    mutating func text(_ node: Node, field: @autoclosure () -> String) -> String? {
        if isNull(node) { return nil }
        switch node {
        case let .scalar(scalar):
            return scalar.string.trimmedWhitespace
        case let .sequence(sequence):
            report(line: line(of: node), .warning, "'\(field())' should be text but is a list; its items are joined")
            return sequence.compactMap { item -> String? in
                if case let .scalar(s) = item { return s.string }
                return nil
            }.joined(separator: " ")
        default:
            report(line: line(of: node), .warning, "'\(field())' should be text but is \(kind(node)); ignored")
            return nil
        }
    }

    /// Seconds, as a feed's item gives its length: the duration of an episode without a transcript.
    mutating func seconds(_ node: Node, field: String) -> Double? {
        guard case let .scalar(scalar) = node, !isNull(node) else { return nil }
        let raw = scalar.string.trimmedSpaces
        guard raw.utf8.count <= 32, let value = Double(raw), let checked = TimeFormat.checked(value) else {
            report(line: line(of: node), .warning, "'\(field)' should be seconds, not '\(raw.prefix(40))'")
            return nil
        }
        return checked
    }

    mutating func number(_ node: Node, field: String) -> Int? {
        guard case let .scalar(scalar) = node, !isNull(node) else {
            if !isNull(node) { report(line: line(of: node), .warning, "'\(field)' should be a number but is \(kind(node))") }
            return nil
        }
        let raw = scalar.string.trimmedSpaces
        guard let value = Int(raw) else {
            report(line: line(of: node), .warning, "'\(field)' should be a whole number, not '\(raw)'")
            return nil
        }
        if scalar.style != .plain {
            report(line: line(of: node), .info, "'\(field)' is quoted text; read as \(value)")
        }
        return value
    }

    mutating func texts(_ node: Node, field: String) -> [String] {
        if isNull(node) { return [] }
        switch node {
        case let .scalar(scalar):
            report(line: line(of: node), .warning, "'\(field)' should be a list; read as a list of one")
            return [scalar.string.trimmedSpaces]
        case let .sequence(sequence):
            var result: [String] = []
            for item in sequence where !isNull(item) {
                if case let .mapping(pairs) = item, pairs.count == 1, let key = pairs.first?.key.string,
                   let value = pairs.first?.value.string {
                    // `- Foo: bar` is a one-pair mapping to YAML; the author meant the text.
                    report(line: line(of: item), .info, "an item of '\(field)' has ': ' in it, which YAML reads as a key; quote it")
                    result.append("\(key): \(value)")
                } else if let value = text(item, field: field) {
                    result.append(value)
                }
            }
            return result
        case let .mapping(mapping):
            report(line: line(of: node), .warning, "'\(field)' should be a list but is \(kind(node)); read as 'key: value' items")
            return mapping.compactMap { key, value in
                guard case let .scalar(k) = key, case let .scalar(v) = value else { return nil }
                return "\(k.string): \(v.string)"
            }
        case .alias:
            return []
        }
    }

    mutating func people(_ node: Node, field: String) -> [Person] {
        if isNull(node) { return [] }
        switch node {
        case let .scalar(scalar):
            report(line: line(of: node), .warning, "'\(field)' should be a list of '- name: … url: …' entries; read '\(scalar.string)' as one name")
            return [Person(name: scalar.string.trimmedSpaces)]
        case let .sequence(sequence):
            var result: [Person] = []
            for item in sequence where !isNull(item) {
                switch item {
                case let .scalar(scalar):
                    result.append(Person(name: scalar.string.trimmedSpaces))
                case let .mapping(mapping):
                    let name = value(of: "name", in: mapping).flatMap { text($0, field: "\(field).name") } ?? ""
                    let url = value(of: "url", in: mapping).flatMap { text($0, field: "\(field).url") }
                    if name.isEmpty {
                        report(line: line(of: item), .warning, "an entry of '\(field)' has no name\(url.map { " (url \($0))" } ?? "")")
                        if let url, !url.isEmpty { result.append(Person(name: url, url: url)) }
                    } else {
                        result.append(Person(name: name, url: url?.isEmpty == true ? nil : url))
                    }
                default:
                    report(line: line(of: item), .warning, "an entry of '\(field)' is \(kind(item)); ignored")
                }
            }
            return result
        default:
            report(line: line(of: node), .warning, "'\(field)' should be a list but is \(kind(node)); ignored")
            return []
        }
    }
}
