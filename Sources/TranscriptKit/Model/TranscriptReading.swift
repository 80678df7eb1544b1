/// How a file was read: which format, and what it gave. `validate`, `show` and the notes
/// say it; when one episode comes in several files, the richest reading wins.
public struct TranscriptReading: Hashable, Sendable {
    public enum Format: String, Sendable, CaseIterable {
        /// The Podlets' pages: front matter, then `[0:00:08.7] TAG: text`.
        case episodePage
        /// Other shows' Markdown and plain text: `**Name:** text`, `Speaker 0: 00:00:16`, …
        case labelledText
        case webVTT, subRip
        case podcastingJSON, cueArrayJSON, whisperJSON, whisperXJSON
        case html
        /// A Podcasting 2.0 chapters file: not an episode, its chapters go to the episode
        /// with the same name.
        case chapters
        /// Not a transcript at all: skipped with a diagnostic.
        case notTranscript

        public var name: String {
            switch self {
            case .episodePage: return "episode page"
            case .labelledText: return "text with speaker labels"
            case .webVTT: return "WebVTT"
            case .subRip: return "SubRip"
            case .podcastingJSON: return "Podcasting 2.0 JSON"
            case .cueArrayJSON: return "JSON cues"
            case .whisperJSON: return "Whisper JSON"
            case .whisperXJSON: return "WhisperX JSON"
            case .html: return "Podcasting 2.0 HTML"
            case .chapters: return "Podcasting 2.0 chapters"
            case .notTranscript: return "not a transcript"
            }
        }

        /// Between equally rich files, the format that keeps most (speaker fields over prefixes).
        var preference: Int {
            switch self {
            case .podcastingJSON, .whisperXJSON: return 6
            case .webVTT: return 5
            case .subRip: return 4
            case .whisperJSON, .cueArrayJSON: return 3
            case .html: return 2
            case .episodePage, .labelledText: return 1
            case .chapters, .notTranscript: return 0
            }
        }
    }

    public var format: Format
    /// How speakers and times were found, in a few words (`'Name:' prefixes carried forward`).
    public var detail: String
    /// The file names at least one speaker.
    public var namesSpeakers: Bool
    public var hasTimes: Bool
    /// Every cue has an end time (subtitles, JSON).
    public var hasEnds: Bool
    /// Bytes of text read (what "richer" weighs between equally timed files).
    public var textBytes: Int

    public init(format: Format, detail: String = "", namesSpeakers: Bool = false, hasTimes: Bool = false,
                hasEnds: Bool = false, textBytes: Int = 0) {
        self.format = format
        self.detail = detail
        self.namesSpeakers = namesSpeakers
        self.hasTimes = hasTimes
        self.hasEnds = hasEnds
        self.textBytes = textBytes
    }

    public var isEpisode: Bool { format != .chapters && format != .notTranscript }

    /// Speakers and times beat times alone, which beat text alone; then ends, then more text.
    func isRicher(than other: TranscriptReading) -> Bool {
        func rank(_ r: TranscriptReading) -> (Int, Int, Int, Int, Int) {
            (r.namesSpeakers ? 1 : 0, r.hasTimes ? 1 : 0, r.hasEnds ? 1 : 0, r.textBytes, r.format.preference)
        }
        return rank(self) > rank(other)
    }

    /// `WebVTT (<v Name> tags)`.
    public var description: String { detail.isEmpty ? format.name : "\(format.name) (\(detail))" }
}
