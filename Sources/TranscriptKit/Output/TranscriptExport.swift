import Foundation

/// An episode's transcript in the formats other tools read: WebVTT, SubRip, Podcasting 2.0
/// JSON, Markdown and plain text. `TranscriptFile` reads the first three back, as written.
public enum TranscriptExport {
    public enum Format: String, CaseIterable, Sendable {
        case vtt, srt, json, md, txt
    }

    /// One timed cue as written.
    public struct Cue: Equatable, Sendable {
        public var speaker: String
        public var start: Double
        public var end: Double
        public var lines: [String]

        public init(speaker: String, start: Double, end: Double, lines: [String]) {
            self.speaker = speaker
            self.start = start
            self.end = end
            self.lines = lines
        }
    }

    /// The cues of the utterances at `selected` (all when nil). Where the file gave cues
    /// with end times, those cues, as they were. Otherwise one cue per utterance, ending
    /// where the next utterance that starts later begins, whoever speaks it, so a speaker
    /// filter never stretches a turn; the last ones end after an estimate of their length
    /// (0.4 s a word, at least a second).
    public static func cues(_ episode: Episode, only selected: [Int]? = nil) -> [Cue] {
        let utterances = episode.utterances
        let chosen = selected ?? Array(utterances.indices)
        var pieces: [CueAssembler.Piece] = []
        // Names and text as they will be written, control characters shown as placeholders:
        // the merges below must see what an import of the file will see.
        func add(_ speaker: Speaker, _ start: Double, _ end: Double, _ lines: [String]) {
            let name = speaker.tag.isEmpty ? "" : OutputText.forData(speaker.name)
            let lines = lines.map { OutputText.forData($0) }
            // Times as they will be written (and read back): to the millisecond, within range.
            let start = TimeFormat.clamped(start)
            pieces.append(CueAssembler.piece(name: name, start: start, end: max(start, TimeFormat.clamped(end)), lines: lines))
        }
        if episode.reading.hasEnds, chosen.allSatisfy({ !utterances[$0].cues.isEmpty }) {
            for index in chosen {
                let utterance = utterances[index]
                for cue in utterance.cues {
                    add(episode.speaker(of: utterance), cue.start, cue.end ?? cue.start, utterance.lines(of: cue))
                }
            }
        } else {
            let ends = self.ends(of: utterances)
            for index in chosen {
                let utterance = utterances[index]
                add(episode.speaker(of: utterance), utterance.start, ends[index], utterance.paragraphs)
            }
        }
        // The merges an import makes, made here, so the file reads back as these cues.
        return CueAssembler.merged(pieces).map { piece in
            Cue(speaker: piece.name.isEmpty ? "?" : piece.name, start: piece.start ?? 0, end: piece.end ?? 0, lines: piece.lines)
        }
    }

    /// When each utterance ends: the first later start ("next greater element", one pass
    /// from the end), or the estimate.
    public static func ends(of utterances: [Utterance]) -> [Double] {
        var ends = Array(repeating: 0.0, count: utterances.count)
        var later: [Double] = []
        for index in utterances.indices.reversed() {
            let start = utterances[index].start
            while let top = later.last, top <= start { later.removeLast() }
            ends[index] = later.last ?? estimatedEnd(utterances[index])
            later.append(start)
        }
        return ends
    }

    /// Words are counted in the text as exported (control characters as placeholders), so a
    /// vertical tab or form feed splits no word here that the exported file would not.
    private static func estimatedEnd(_ utterance: Utterance) -> Double {
        utterance.start + SpeakingTime.saying(utterance)
    }

    /// The utterances at `selected` (all when nil) in `format`.
    public static func render(_ episode: Episode, only selected: [Int]? = nil, as format: Format) throws -> String {
        switch format {
        case .vtt: return vtt(cues(episode, only: selected))
        case .srt: return srt(cues(episode, only: selected))
        case .json: return try json(cues(episode, only: selected))
        case .md: return markdown(episode, selected ?? Array(episode.utterances.indices))
        case .txt: return text(episode, selected ?? Array(episode.utterances.indices))
        }
    }

    /// `HH:MM:SS.mmm` (WebVTT) or `HH:MM:SS,mmm` (SubRip).
    static func clock(_ seconds: Double, separator: Character) -> String {
        let total = Int((TimeFormat.clamped(seconds) * 1000).rounded())
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(total / 3_600_000, 2) + ":" + padded(total / 60_000 % 60, 2) + ":" + padded(total / 1000 % 60, 2)
            + String(separator) + padded(total % 1000, 3)
    }

    /// The cues' names and text are sanitised already (see `cues`).
    private static func vtt(_ cues: [Cue]) -> String {
        func escape(_ text: String) -> String {
            guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return text }
            var out = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out.append(contentsOf: "&amp;".unicodeScalars)
                case "<": out.append(contentsOf: "&lt;".unicodeScalars)
                case ">": out.append(contentsOf: "&gt;".unicodeScalars)
                default: out.append(scalar)
                }
            }
            return String(out)
        }
        var out = "WEBVTT\n"
        for cue in cues {
            out += "\n\(clock(cue.start, separator: ".")) --> \(clock(cue.end, separator: "."))\n"
            let lines = cue.lines.isEmpty ? [""] : cue.lines
            out += lines.enumerated().map { index, line in
                index == 0 ? "<v \(escape(cue.speaker))>\(escape(line))" : escape(line)
            }.joined(separator: "\n") + "\n"
        }
        return out
    }

    private static func srt(_ cues: [Cue]) -> String {
        var out = ""
        for (number, cue) in cues.enumerated() {
            out += "\(number + 1)\n\(clock(cue.start, separator: ",")) --> \(clock(cue.end, separator: ","))\n"
            let lines = cue.lines.isEmpty ? [""] : cue.lines
            out += SpeakerLabel.written(cue.speaker) + ": " + lines.map(subRipText).joined(separator: "\n") + "\n\n"
        }
        return out
    }

    /// SubRip cannot escape: a line that would read back as a timing line or lose a tag
    /// (`<i>`) is written so that it reads back as itself (`->`, `‹i>`).
    private static func subRipText(_ line: String) -> String {
        var line = line
        if line.containsBytes("-->"), CueTiming(line) != nil { line = line.replacingOccurrences(of: "-->", with: "->") }
        if line.containsBytes("<"), MarkupTags.strip(line[...], removes: SubRipReader.tags.contains) != line {
            line = line.replacingOccurrences(of: "<", with: "‹")
        }
        return line
    }

    /// The Podcasting 2.0 JSON transcript.
    struct Document: Codable {
        struct Segment: Codable {
            var speaker: String?
            var startTime: Double
            var endTime: Double?
            var body: String
        }

        var version: String
        var segments: [Segment]
    }

    private static func json(_ cues: [Cue]) throws -> String {
        let document = Document(version: "1.0.0", segments: cues.map {
            Document.Segment(speaker: $0.speaker, startTime: $0.start, endTime: $0.end, body: $0.lines.joined(separator: "\n"))
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return OutputText.escapingJSON(String(decoding: try encoder.encode(document), as: UTF8.self)) + "\n"
    }

    private static func markdown(_ episode: Episode, _ selected: [Int]) -> String {
        let safe = { OutputText.forData($0) }
        var out = "# \(episode.number.map { "Episode \($0): " } ?? "")\(safe(episode.title))\n"
        for index in selected {
            let utterance = episode.utterances[index]
            out += "\n**\(TimeFormat.longClock(utterance.start)) \(safe(episode.speaker(of: utterance).name)):** \(utterance.paragraphs.map(safe).joined(separator: "\n\n"))\n"
        }
        return out
    }

    private static func text(_ episode: Episode, _ selected: [Int]) -> String {
        let safe = { OutputText.forData($0) }
        var out = "\(episode.number.map { "#\($0) " } ?? "")\(safe(episode.title))\n"
        for index in selected {
            let utterance = episode.utterances[index]
            out += "\n[\(TimeFormat.longClock(utterance.start))] \(safe(episode.speaker(of: utterance).name)): \(utterance.paragraphs.map(safe).joined(separator: "\n    "))\n"
        }
        return out
    }
}
