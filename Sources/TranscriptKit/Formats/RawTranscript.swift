/// What a format reader gives `CueAssembler`: the cues in file order, each with the speaker
/// it names (if any), and the section markers between them.
struct RawTranscript {
    struct Cue {
        enum Voice: Equatable {
            /// `explicit`: a speaker field or tag (`<v Name>`, `"speaker"`, `<cite>`,
            /// `**Name:**`); otherwise a `Name:` prefix, which might be a sentence's start.
            case named(String, explicit: Bool)
            /// An unknown speaker, said so (`?:`, `<v ?>`).
            case unknown
            /// No speaker given: the one before goes on (the Podcasting 2.0 rule).
            case carried
        }

        var voice: Voice
        var start: Double?
        var end: Double?
        /// The start as written; empty when untimed.
        var timestamp: String = ""
        var lines: [String]
        var line: Int
        /// Text formats: the cue starts a paragraph of the file.
        var startsParagraph = false
    }

    struct Section {
        var title: String
        var line: Int
        /// A time written with the marker (`**Break:** \[24:27\]`): later untimed cues are after it.
        var time: Double?
        /// Index of the first cue after the marker.
        var beforeCue: Int
    }

    var cues: [Cue] = []
    var sections: [Section] = []
    /// Where the file's paragraphs are: given by the file (text formats), or found from
    /// the gaps between cues (subtitles, JSON).
    var paragraphsFromGaps = true

    mutating func section(_ title: String, line: Int, time: Double? = nil) {
        sections.append(Section(title: title, line: line, time: time, beforeCue: cues.count))
    }
}
