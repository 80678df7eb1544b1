import Foundation

/// JSON transcripts: Podcasting 2.0 (`{version, segments: [{speaker, startTime, endTime,
/// body}]}`, a missing speaker carried forward), a bare array of `{start, end, text}`,
/// openai-whisper output (`{text, segments: [{start, end, text, words?}]}`) and whisperX
/// (the same with `speaker`, such as `SPEAKER_00`, on its segments). A Podcasting 2.0
/// chapters file (`{version, chapters: [{startTime, title}]}`) is read as chapters.
/// Numbers and names given as text are accepted; every time is range-checked.
enum JSONTranscriptReader {
    struct Chapter: Equatable {
        var start: Double
        var title: String
    }

    struct Result {
        var format: TranscriptReading.Format
        var raw = RawTranscript()
        var chapters: [Chapter] = []
    }

    static func read(_ bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) -> Result {
        let top: Top
        do {
            top = try JSONDecoder().decode(Top.self, from: Data(bytes))
        } catch DecodingError.dataCorrupted {
            let (line, reason) = syntaxError(in: bytes)
            diagnostics.append(Diagnostic(file: file, line: line, severity: .error, message: "not valid JSON: \(reason)"))
            return Result(format: .notTranscript)
        } catch {
            diagnostics.append(Diagnostic(file: file, line: 1, severity: .warning, message: notTranscript))
            return Result(format: .notTranscript)
        }
        var budget = DiagnosticBudget(file: file)
        func time(_ value: Double?, _ field: String, _ index: Int) -> Double? {
            guard let value else { return nil }
            if let checked = TimeFormat.checked(value) { return checked }
            budget.warn(1, "segment \(index + 1): \(field) \(value) is not a time podread reads (0 to \(Int(TimeFormat.latest)) seconds); left out", into: &diagnostics)
            return nil
        }
        /// The segments that are objects; the others (a `null`, a number) each a warning.
        func objects(_ entries: [Entry<Segment>]) -> [Segment] {
            for (index, entry) in entries.enumerated() where entry.value == nil {
                budget.warn(1, "segment \(index + 1) is not an object; skipped", into: &diagnostics)
            }
            return entries.compactMap(\.value)
        }
        var result: Result
        switch top {
        case let .array(entries) where entries.contains { $0.value != nil }:
            result = Result(format: .cueArrayJSON)
            result.raw = cues(objects(entries), carry: true, time: time)
        case .array:
            diagnostics.append(Diagnostic(file: file, line: 1, severity: .warning, message: notTranscript))
            return Result(format: .notTranscript)
        case let .object(document):
            if let entries = document.segments {
                let segments = objects(entries)
                let podcasting = segments.contains { $0.startTime != nil || $0.body != nil }
                let whisperX = !podcasting && segments.contains { $0.speaker != nil }
                result = Result(format: podcasting ? .podcastingJSON : whisperX ? .whisperXJSON : .whisperJSON)
                // whisperX leaves `speaker` out where it could not tell: unknown, not the one before.
                result.raw = cues(segments, carry: !whisperX, time: time)
            } else if let chapters = document.chapters {
                result = Result(format: .chapters)
                for (index, chapter) in chapters.enumerated() {
                    guard let chapter = chapter.value, let start = time(chapter.startTime, "startTime", index) else { continue }
                    result.chapters.append(Chapter(start: start, title: (chapter.title ?? "").trimmedWhitespace))
                }
            } else {
                diagnostics.append(Diagnostic(file: file, line: 1, severity: .warning, message: notTranscript))
                return Result(format: .notTranscript)
            }
        }
        budget.finish(into: &diagnostics)
        if result.format != .chapters, result.raw.cues.isEmpty {
            diagnostics.append(Diagnostic(file: file, line: 1, severity: .warning, message: "no segments in the transcript"))
        } else if result.format == .podcastingJSON, !result.raw.cues.isEmpty, result.raw.cues.allSatisfy(\.lines.isEmpty) {
            diagnostics.append(Diagnostic(file: file, line: 1, severity: .warning,
                message: "no segment has a 'body': the file gives speakers and times but no words"))
        }
        return result
    }

    private static func cues(_ segments: [Segment], carry: Bool, time: (Double?, String, Int) -> Double?) -> RawTranscript {
        var raw = RawTranscript()
        raw.cues.reserveCapacity(segments.count)
        for (index, segment) in segments.enumerated() {
            let start = time(segment.startTime ?? segment.start, "start time", index)
            let end = time(segment.endTime ?? segment.end, "end time", index)
            // Trimmed as every reader trims names, so a name reads back the same from any format.
            let name = segment.speaker?.trimmedSpaces ?? ""
            let voice: RawTranscript.Cue.Voice = name == "?" ? .unknown : !name.isEmpty ? .named(name, explicit: true) : carry ? .carried : .unknown
            let text = segment.body ?? segment.text ?? ""
            raw.cues.append(RawTranscript.Cue(voice: voice, start: start, end: end, timestamp: start.map(TimeFormat.longClock) ?? "",
                                              lines: text.utf8.split(separator: 0x0A).map { String(Substring($0)) }, line: 1))
        }
        return raw
    }

    private static let notTranscript = "a JSON file that is not a transcript (no 'segments' list, as Podcasting 2.0, Whisper and WhisperX have); skipped"

    /// Where the syntax error is: the decoder does not say, the serialization reader gives
    /// a byte offset (`Invalid value around character 41.`).
    private static func syntaxError(in bytes: [UInt8]) -> (line: Int, reason: String) {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            let reason = "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? "unreadable")"
            if let range = reason.range(of: "character "), let offset = Int(reason[range.upperBound...].prefix { $0.isNumber }) {
                return (bytes.prefix(min(offset, bytes.count)).count { $0 == 0x0A } + 1, reason)
            }
            return (1, reason)
        }
        return (1, "unreadable")
    }

    // MARK: Decoding

    private enum Top: Decodable {
        case object(Document)
        case array([Entry<Segment>])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let segments = try? container.decode([Entry<Segment>].self) {
                self = .array(segments)
            } else {
                self = .object(try container.decode(Document.self))
            }
        }
    }

    /// One element of a list, nil when it is not what the list should hold: one bad
    /// segment must not make the whole file unreadable.
    private struct Entry<Value: Decodable>: Decodable {
        var value: Value?
        init(from decoder: Decoder) throws { value = try? Value(from: decoder) }
    }

    private struct Document: Decodable {
        var segments: [Entry<Segment>]?
        var chapters: [Entry<ChapterEntry>]?

        enum CodingKeys: String, CodingKey { case segments, chapters }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            segments = try? c.decodeIfPresent([Entry<Segment>].self, forKey: .segments)
            chapters = try? c.decodeIfPresent([Entry<ChapterEntry>].self, forKey: .chapters)
        }
    }

    private struct Segment: Decodable {
        var speaker: String?
        var startTime: Double?
        var endTime: Double?
        var body: String?
        var start: Double?
        var end: Double?
        var text: String?

        enum CodingKeys: String, CodingKey { case speaker, startTime, endTime, body, start, end, text }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            speaker = Lenient.text(c, .speaker)
            startTime = Lenient.number(c, .startTime)
            endTime = Lenient.number(c, .endTime)
            body = Lenient.text(c, .body)
            start = Lenient.number(c, .start)
            end = Lenient.number(c, .end)
            text = Lenient.text(c, .text)
        }
    }

    private struct ChapterEntry: Decodable {
        var startTime: Double?
        var title: String?

        enum CodingKeys: String, CodingKey { case startTime, title }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            startTime = Lenient.number(c, .startTime)
            title = Lenient.text(c, .title)
        }
    }

    /// Values as people write them: numbers as text, names as numbers.
    private enum Lenient {
        static func number<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) -> Double? {
            if let value = try? c.decodeIfPresent(Double.self, forKey: key) { return value }
            return (try? c.decodeIfPresent(String.self, forKey: key)).flatMap { $0.flatMap { Double($0.trimmedWhitespace) } }
        }

        static func text<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) -> String? {
            if let value = try? c.decodeIfPresent(String.self, forKey: key) { return value }
            if let value = try? c.decodeIfPresent(Int.self, forKey: key) { return String(value) }
            return nil
        }
    }
}
