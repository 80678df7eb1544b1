import Foundation

/// The JSON shapes of `podread list --json` and `podread show --json` (documented in the README).
public enum JSONReports {
    public struct SpeakerEntry: Codable, Equatable {
        public var tag: String
        public var name: String
        public var role: Speaker.Role
        public var certain: Bool
        public var utterances: Int
    }

    public struct ListEntry: Codable {
        public var file: String
        public var id: String
        public var number: Int?
        public var title: String
        public var hosts: [String]
        public var guests: [String]
        public var utterances: Int
        public var duration: Double
        public var speakers: [SpeakerEntry]
        public var diagnostics: Int
        /// How the file was read (`WebVTT`, `episode page`, …).
        public var format: String

        public init(_ episode: EpisodeSummary) {
            format = episode.reading.format.name
            file = episode.file
            id = episode.id
            number = episode.number
            title = episode.title
            hosts = episode.hosts.map(\.name)
            guests = episode.guests.map(\.name)
            utterances = episode.utteranceCount
            duration = episode.duration
            speakers = JSONReports.speakers(of: episode)
            diagnostics = episode.diagnostics.count
        }
    }

    public struct EpisodeDetail: Codable {
        public var file: String
        public var id: String
        public var number: Int?
        public var title: String
        public var description: String
        public var notes: String
        public var hosts: [Person]
        public var guests: [Person]
        public var points: [String]
        public var links: [Link]
        public var video: String?
        public var related: [String]
        public var duration: Double
        public var speakers: [SpeakerEntry]
        public var sections: [Section]
        public var diagnostics: [Diagnostic]
        public var format: String
        /// Every file of the episode, the one read first.
        public var files: [String]
        public var date: String?
        public var media: String?
    }

    /// A cue as the file gave it, within its utterance.
    public struct CueEntry: Codable {
        public var start: Double
        public var end: Double?
        public var text: String
        public var line: Int
    }

    public struct UtteranceEntry: Codable {
        public var start: Double
        public var timestamp: String
        public var tag: String
        public var speaker: String
        public var certain: Bool
        public var section: String?
        public var text: String
        public var line: Int
        /// Where the file gives ends.
        public var end: Double?
        /// The file's cues, where it has them (WebVTT, SubRip, JSON, timed paragraphs).
        public var cues: [CueEntry]?
    }

    public struct Show: Codable {
        public var episode: EpisodeDetail
        public var utterances: [UtteranceEntry]

        public init(_ episode: Episode, utterances: [Utterance]) {
            self.episode = EpisodeDetail(
                file: episode.file, id: episode.id, number: episode.number, title: episode.title,
                description: episode.description, notes: episode.notes, hosts: episode.hosts, guests: episode.guests,
                points: episode.points, links: episode.links, video: episode.video, related: episode.related,
                duration: episode.duration, speakers: JSONReports.speakers(of: episode), sections: episode.sections,
                diagnostics: episode.diagnostics, format: episode.reading.format.name, files: episode.files,
                date: episode.date, media: episode.media)
            self.utterances = utterances.map { u in
                let speaker = episode.speaker(of: u)
                let cues = u.cues.map { CueEntry(start: $0.start, end: $0.end, text: u.lines(of: $0).joined(separator: " "), line: $0.line) }
                return UtteranceEntry(start: u.start, timestamp: u.timestamp, tag: u.tag, speaker: speaker.name,
                                      certain: speaker.isCertain, section: u.sectionIndex.map { episode.sections[$0].title },
                                      text: u.text, line: u.line, end: u.end, cues: cues.isEmpty ? nil : cues)
            }
        }
    }

    /// One match of `podread search --json`; `matches` are character ranges in `text`.
    public struct SearchEntry: Codable {
        public struct EpisodeRef: Codable {
            public var file: String
            public var id: String
            public var number: Int?
            public var title: String
        }

        public var episode: EpisodeRef
        public var start: Double
        public var timestamp: String
        public var tag: String
        public var speaker: String
        public var certain: Bool
        public var line: Int
        public var text: String
        public var matches: [[Int]]

        /// `matches` in characters of `text`.
        public init(episode e: EpisodeSummary, start: Double, timestamp: String, tag: String, speaker: Speaker?,
                    line: Int, text: String, matches: [[Int]]) {
            episode = EpisodeRef(file: e.file, id: e.id, number: e.number, title: e.title)
            self.start = start
            self.timestamp = timestamp
            self.tag = tag
            self.speaker = speaker?.name ?? ""
            certain = speaker?.isCertain ?? false
            self.line = line
            self.text = text
            self.matches = matches
        }

        /// The entry as one line of JSON, keys sorted, as an encoder would write it but
        /// without one (a search writes hundreds of thousands).
        public var jsonLine: String {
            func decimal(_ value: Double) -> String {
                guard value.isFinite else { return "null" }
                return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
            }
            let q = OutputText.jsonString
            // No number, no key: as the encoder leaves out a nil.
            let number = episode.number.map { ",\"number\":\($0)" } ?? ""
            let ref = "{\"file\":\(q(episode.file)),\"id\":\(q(episode.id))\(number),\"title\":\(q(episode.title))}"
            let spans = matches.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",")
            return "{\"certain\":\(certain),\"episode\":\(ref),\"line\":\(line),\"matches\":[\(spans)],"
                + "\"speaker\":\(q(speaker)),\"start\":\(decimal(start)),\"tag\":\(q(tag)),\"text\":\(q(text)),"
                + "\"timestamp\":\(q(timestamp))}"
        }
    }

    /// `podread stats --json`: the episode (null for the whole corpus) and each speaker.
    public struct Stats: Codable {
        public struct Speaker: Codable {
            public var speaker: String
            public var role: TranscriptKit.Speaker.Role
            /// Seconds.
            public var talkTime: Double
            /// Percent of all talk time.
            public var share: Double
            public var words: Int
            public var turns: Int
            public var longestTurn: Double
            public var longestTurnStart: Double
            public var longestTurnFile: String

            public init(_ s: SpeakerStatistics, share: Double) {
                let ms = TimeFormat.milliseconds
                (speaker, role, talkTime, self.share, words, turns) = (s.name, s.role, ms(s.talkTime), (share * 10).rounded() / 10, s.words, s.turns)
                (longestTurn, longestTurnStart, longestTurnFile) = (ms(s.longestTurn), ms(s.longestTurnStart), s.longestTurnFile)
            }
        }

        public var episode: SearchEntry.EpisodeRef?
        public var episodes: Int
        public var speakers: [Speaker]

        public init(episode: Episode?, episodes: Int, speakers: [Speaker]) {
            self.episode = episode.map { SearchEntry.EpisodeRef(file: $0.file, id: $0.id, number: $0.number, title: $0.title) }
            self.episodes = episodes
            self.speakers = speakers
        }
    }

    static func speakers(of episode: EpisodeSummary) -> [SpeakerEntry] { speakers(episode.speakers, counts: episode.utteranceCounts) }

    static func speakers(of episode: Episode) -> [SpeakerEntry] { speakers(episode.speakers, counts: episode.utteranceCounts) }

    private static func speakers(_ speakers: [Speaker], counts: [Int]) -> [SpeakerEntry] {
        speakers.enumerated().map { index, s in
            SpeakerEntry(tag: s.tag, name: s.name, role: s.role, certain: s.isCertain, utterances: counts[index])
        }
    }

    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return OutputText.escapingJSON(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
