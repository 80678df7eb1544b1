import TranscriptKit

/// One colour per person, the same in every episode: people are numbered once for the whole
/// corpus (hosts first, in order of appearance), and hosts and guests draw from different
/// palettes so that a guest never looks like a host. People a file names without saying
/// who hosts (subtitles, feeds' JSON) get a third palette; a tag that matches nobody is grey.
public struct SpeakerColors: Sendable {
    private var hostIndex: [String: Int] = [:]
    private var guestIndex: [String: Int] = [:]
    private var otherIndex: [String: Int] = [:]
    /// The key of every name in the corpus: folding a name costs microseconds, and a frame
    /// styles dozens of them.
    private var keys: [String: String] = [:]

    // Bright, well-separated hues on dark and light backgrounds.
    static let hosts256: [UInt8] = [39, 208, 170, 78, 220, 141, 203, 44]
    static let guests256: [UInt8] = [214, 117, 156, 211, 229, 183, 86, 173]
    static let hosts8: [UInt8] = [4, 3, 5, 2, 6, 1]
    static let guests8: [UInt8] = [6, 2, 1, 5, 3, 4]
    static let others256: [UInt8] = [75, 214, 114, 176, 221, 73, 209, 147]

    public init(corpus episodes: [EpisodeSummary]) {
        for episode in episodes {
            for speaker in episode.speakers {
                let key = self.key(of: speaker.name)
                keys[speaker.name] = key
                switch speaker.role {
                case .host where hostIndex[key] == nil: hostIndex[key] = hostIndex.count
                case .guest where guestIndex[key] == nil: guestIndex[key] = guestIndex.count
                case .unknown where Self.isNamed(speaker) && otherIndex[key] == nil: otherIndex[key] = otherIndex.count
                default: break
                }
            }
        }
    }

    /// Someone the file names for sure, of no known role.
    private static func isNamed(_ speaker: Speaker) -> Bool { speaker.isCertain && !speaker.tag.isEmpty }

    /// The identity of a person across episodes: the resolved name, case and accents folded.
    public static func key(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private func key(of name: String) -> String { keys[name] ?? Self.key(name) }

    /// The style of a speaker's name: bold, in their colour; guests are also underlined
    /// where colours are few, and in monochrome.
    public func style(for speaker: Speaker, mode: ColorMode) -> Style {
        let key = self.key(of: speaker.name)
        switch speaker.role {
        case .announcer:
            return mode == .monochrome ? Style(bold: true, dim: true) : Style(foreground: .indexed(mode == .full256 ? 245 : 7), bold: true)
        case .unknown where Self.isNamed(speaker):
            let index = otherIndex[key] ?? 0
            switch mode {
            case .monochrome: return Style(bold: true)
            case .eight: return Style(foreground: .indexed(Self.hosts8[index % Self.hosts8.count]), bold: true)
            case .full256: return Style(foreground: .indexed(Self.others256[index % Self.others256.count]), bold: true)
            }
        case .unknown:
            return mode == .monochrome ? Style(bold: true) : Style(foreground: .indexed(mode == .full256 ? 252 : 7), bold: true)
        case .host:
            let index = hostIndex[key] ?? 0
            switch mode {
            case .monochrome: return Style(bold: true)
            case .eight: return Style(foreground: .indexed(Self.hosts8[index % Self.hosts8.count]), bold: true)
            case .full256: return Style(foreground: .indexed(Self.hosts256[index % Self.hosts256.count]), bold: true)
            }
        case .guest:
            let index = guestIndex[key] ?? 0
            switch mode {
            case .monochrome: return Style(bold: true, underline: true)
            case .eight: return Style(foreground: .indexed(Self.guests8[index % Self.guests8.count]), bold: true, underline: true)
            case .full256: return Style(foreground: .indexed(Self.guests256[index % Self.guests256.count]), bold: true)
            }
        }
    }
}
