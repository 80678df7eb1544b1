import Foundation
import TranscriptKit

/// A run of text in one style.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style) {
        self.text = text
        self.style = style
    }
}

/// One row of the notes pane; `opens` is the episode a related-episode row leads to,
/// `link` the web address a link row opens (Enter, a click).
public struct NoteLine: Equatable, Sendable {
    public var spans: [Span]
    public var opens: Int?
    public var link: String?

    init(_ spans: [Span], opens: Int? = nil, link: String? = nil) {
        self.spans = spans
        self.opens = opens
        self.link = link
    }

    static let blank = NoteLine([])
}

/// Builds the notes pane: title, people in their transcript colours (the legend), the
/// speaker tags, description, show notes, points, links, video, the show (in a library),
/// related episodes and the file's diagnostics.
enum NotesContent {
    /// `episode`'s summary, and the text around its transcript once it is read (`whole`).
    static func lines(for state: ReaderState, episode: EpisodeSummary, whole: Episode?, width: Int) -> [NoteLine] {
        let theme = state.theme
        var out: [NoteLine] = []
        func wrapped(_ text: String, _ style: Style, indent: Int = 1, hanging: Int? = nil, opens: Int? = nil, link: String? = nil) {
            let units = DisplayText.units(of: text)
            let lines = WordWrap.lines(units, width: max(1, width - indent - 1), rules: .notes)
            for (n, line) in lines.enumerated() {
                let pad = String(repeating: " ", count: n == 0 ? indent : (hanging ?? indent))
                let shown = units[line.range].map(\.text).joined() + (line.cut ? "…" : "")
                out.append(NoteLine([Span(pad, .plain), Span(shown, style)], opens: opens, link: link))
            }
        }
        func heading(_ text: String) {
            if !out.isEmpty { out.append(.blank) }
            out.append(NoteLine([Span(" " + text, theme.label)]))
        }

        wrapped(episode.title, Style(bold: true))
        var facts: [String] = []
        if let number = episode.number { facts.append("#\(number)") }
        if let date = episode.date, !date.isEmpty { facts.append(date) }
        facts.append(TimeFormat.clock(episode.duration))
        facts.append("\(episode.utteranceCount) utterances")
        wrapped(facts.joined(separator: " · "), theme.timestamp)
        wrapped(episode.id, theme.timestamp)

        for (title, people) in [("HOSTS", episode.hosts), ("GUESTS", episode.guests)] where !people.isEmpty {
            heading(title)
            for person in people {
                let theirs = episode.speakers.filter { SpeakerColors.key($0.name) == SpeakerColors.key(person.name) }
                let speaker = theirs.first
                    ?? Speaker(tag: "", name: person.name, role: title == "HOSTS" ? .host : .guest, isCertain: true, reason: "")
                // The tags the transcript gives them, a guessed one with `?` as the transcript
                // shows it: listed here for certain, "Name?" there is about who said it.
                let tags = theirs.filter { !$0.tag.isEmpty && $0.tag != $0.name }.map { $0.isCertain ? $0.tag : $0.tag + "?" }
                out.append(NoteLine([Span("  ", .plain), Span(person.name, state.colors.style(for: speaker, mode: theme.mode)),
                                     Span(tags.isEmpty ? "" : "  " + tags.joined(separator: " "), theme.timestamp)]))
            }
            if episode.speakers.contains(where: { !$0.isCertain && $0.role != .unknown }) {
                wrapped("a name with ? in the transcript is a guess of who a tag is (see SPEAKER TAGS)", theme.timestamp)
            }
        }
        let counts = episode.utteranceCounts
        if episode.speakersNamed {
            // The file names its speakers: no tags to explain, only who and how sure.
            heading("SPEAKERS")
            for (index, speaker) in episode.speakers.enumerated() {
                let note = speaker.role != .unknown ? speaker.role.rawValue : speaker.isCertain || speaker.tag.isEmpty ? "" : speaker.reason
                let renamed = speaker.tag != speaker.name && !speaker.tag.isEmpty ? " (\(speaker.tag))" : ""
                out.append(NoteLine([Span("  ", .plain), Span(speaker.displayName, state.colors.style(for: speaker, mode: theme.mode)),
                                     Span("\(renamed) \(counts[index])×\(note.isEmpty ? "" : " " + note)", theme.timestamp)]))
            }
        } else {
            heading("SPEAKER TAGS")
            let tagWidth = min(10, episode.speakers.map { $0.tag.count }.max() ?? 2)
            for (index, speaker) in episode.speakers.enumerated() {
                let tag = speaker.tag.isEmpty ? "-" : speaker.tag
                let padded = tag.count >= tagWidth ? tag : tag + String(repeating: " ", count: tagWidth - tag.count)
                let note = speaker.isCertain ? speaker.role.rawValue : (speaker.role == .unknown ? "unknown" : "guess: \(speaker.reason)")
                out.append(NoteLine([Span("  " + padded + " ", theme.timestamp),
                                     Span(speaker.displayName, state.colors.style(for: speaker, mode: theme.mode)),
                                     Span(" \(counts[index])× \(note)", theme.timestamp)]))
            }
        }
        if let whole, !whole.description.isEmpty {
            heading("DESCRIPTION")
            wrapped(whole.description, .plain)
        }
        if let whole, !whole.notes.isEmpty {
            heading("SHOW NOTES")
            for paragraph in whole.notes.split(separator: "\n", omittingEmptySubsequences: true) {
                let text = Markdown.plainLinks(paragraph.trimmedSpaces)
                if !text.isEmpty { wrapped(text, .plain, link: Markdown.firstAddress(in: text)) }
            }
        }
        if let whole, !whole.points.isEmpty {
            heading("POINTS")
            for point in whole.points { wrapped("• " + point, .plain, indent: 1, hanging: 3) }
        }
        if let whole, !whole.links.isEmpty {
            heading("LINKS")
            for link in whole.links {
                wrapped(link.name, .plain, link: link.url)
                if let url = link.url, url != link.name { wrapped(url, theme.link, indent: 3, link: url) }
            }
        }
        if let video = episode.video, !video.isEmpty {
            heading("VIDEO  (o opens it at the current time)")
            wrapped(video, theme.link, link: video)
        }
        if let media = episode.media, !media.isEmpty {
            heading("MEDIA")
            wrapped(media, theme.link, link: media)
        }
        if let show = state.shownShow {
            heading("ABOUT THE SHOW")
            wrapped(show.title, Style(bold: true))
            for paragraph in (show.description ?? "").split(separator: "\n", omittingEmptySubsequences: true) {
                let text = paragraph.trimmedSpaces
                if !text.isEmpty { wrapped(text, .plain) }
            }
            if let link = show.link, !link.isEmpty { wrapped(link, theme.link, link: link) }
        }
        if let note = episode.readingNote {
            heading("FILE")
            wrapped((episode.file as NSString).lastPathComponent, .plain)
            wrapped(note.message, theme.timestamp)
        }
        if !episode.related.isEmpty {
            heading("RELATED  (Enter opens)")
            for id in episode.related {
                if let target = state.corpus.episodes.firstIndex(where: { $0.id == id }) {
                    let other = state.corpus.episodes[target]
                    let label = (other.number.map { "#\($0) " } ?? "") + other.title
                    wrapped("→ " + label, theme.link, indent: 1, hanging: 3, opens: target)
                } else {
                    wrapped("→ \(id) (not in this folder)", theme.timestamp, indent: 1, hanging: 3)
                }
            }
        }
        if !episode.diagnostics.isEmpty {
            heading("DIAGNOSTICS (\(episode.diagnostics.count)): \(episode.errorCount > 0 ? "!" : "•") in the list")
            for diagnostic in episode.diagnostics {
                let style = diagnostic.severity == .error ? theme.errorMarker : (diagnostic.severity == .warning ? theme.warningMarker : theme.timestamp)
                wrapped("\(diagnostic.line): \(diagnostic.message)", style, indent: 1, hanging: 3)
            }
        }
        return out
    }
}

/// Show-notes Markdown made readable as plain text.
enum Markdown {
    /// The first `<http…>` address in text made by `plainLinks`, or a bare one.
    static func firstAddress(in text: String) -> String? {
        guard let start = text.range(of: "http") else { return nil }
        let rest = text[start.lowerBound...]
        return String(rest.prefix { $0 != ">" && $0 != " " && $0 != ")" })
    }

    /// `[text](url)` → `text <url>`.
    static func plainLinks(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]"),
                  rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == "(",
                  let end = rest[close...].firstIndex(of: ")") else { break }
            result += rest[..<open]
            let label = rest[rest.index(after: open)..<close]
            let url = rest[rest.index(close, offsetBy: 2)..<end]
            result += label.isEmpty ? "<\(url)>" : "\(label) <\(url)>"
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}

final class NotesCache: @unchecked Sendable {
    private var key = (episode: -1, width: -1)
    private var cached: [NoteLine] = []

    func lines(for state: ReaderState, width: Int) -> [NoteLine] {
        guard let summary = state.shownSummary else { return [] }
        if key != (state.shownVersion, width) {
            key = (state.shownVersion, width)
            cached = NotesContent.lines(for: state, episode: summary, whole: state.episode, width: width)
        }
        return cached
    }
}
