import Foundation
import SearchIndex
import TranscriptKit

/// Prints search results as they come: a line each for people, or JSON (an array written
/// entry by entry, or one object per line), so memory does not grow with the results.
final class SearchPrinter {
    enum Format { case text(colour: Bool), json, jsonLines }

    private let format: Format
    private var count = 0

    init(format: Format) { self.format = format }

    func print(_ hit: SearchIndex.Hit) {
        defer { count += 1 }
        switch format {
        case let .text(colour):
            Output.lines(SearchLine.render(hit, colour: colour))
        case .json:
            Output.data((count == 0 ? "[\n" : ",\n") + Self.entry(hit).jsonLine)
        case .jsonLines:
            Output.json(Self.entry(hit).jsonLine)
        }
    }

    func finish() {
        if case .json = format { Output.json(count == 0 ? "[]" : "\n]") }
    }

    private static func entry(_ hit: SearchIndex.Hit) -> JSONReports.SearchEntry {
        JSONReports.SearchEntry(episode: hit.episode, start: hit.start, timestamp: hit.timestamp, tag: hit.tag,
                                speaker: hit.person, line: hit.line, text: hit.text,
                                matches: hit.matches.map { [$0.lowerBound, $0.upperBound] })
    }
}

/// `#9 20:32 Bryan Liles: …the line with the match…`, the matches in bold reverse on a terminal.
enum SearchLine {
    /// Characters shown before the first match, and after it.
    static let before = 70, after = 140

    static func render(_ hit: SearchIndex.Hit, colour: Bool) -> String {
        let number = hit.episode.number.map { "#\($0)" } ?? OutputText.forPeople(hit.episode.id)
        let time = hit.timestamp.isEmpty ? "--:--" : TimeFormat.clock(hit.start)
        let speaker = hit.person?.displayName ?? ""
        let text = hit.text, utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let first = hit.matchBytes.first ?? 0..<0
        let start = text.index(index(first.lowerBound), offsetBy: -before, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(index(first.upperBound), offsetBy: after, limitedBy: text.endIndex) ?? text.endIndex
        // Each piece is made safe on its own, so a placeholder never moves a highlight.
        func piece(_ range: Range<String.Index>) -> String {
            let piece = text[range]
            let joined = piece.utf8.contains(10) ? piece.replacingOccurrences(of: "\n\n", with: " ") : String(piece)
            return OutputText.forPeople(joined, keepingTabs: false)
        }
        var line = start > text.startIndex ? "…" : ""
        var at = start
        for match in hit.matchBytes.map({ index($0.lowerBound)..<index($0.upperBound) })
        where match.lowerBound >= at && match.upperBound <= end {
            line += piece(at..<match.lowerBound)
            line += colour ? "\u{1B}[1;7m" + piece(match) + "\u{1B}[0m" : piece(match)
            at = match.upperBound
        }
        line += piece(at..<end)
        if end < text.endIndex { line += "…" }
        return "\(number) \(time) \(OutputText.forPeople(speaker)): \(line)"
    }
}
