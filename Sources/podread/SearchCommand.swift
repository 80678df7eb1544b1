import ArgumentParser
import Foundation
import TranscriptKit

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find utterances across the whole corpus.",
        discussion: """
            Every word must be in the same utterance; "a quoted phrase" must appear as is. \
            Case-insensitive unless the query has a capital; accents are ignored. Exits 1 \
            when nothing matches. Examples: podread search stateful database; \
            podread search '"cloud native"' --speaker Josh
            """)

    @OptionGroup var corpus: CorpusOptions
    @Argument(help: "Words and \"quoted phrases\" to find.") var query: [String]
    @Option(name: .long, help: ArgumentHelp("Only this speaker (tag or name); repeatable.", valueName: "speaker"))
    var speaker: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only this episode (number, id or file name).", valueName: "episode"))
    var episode: String?
    @Flag(help: "Print a JSON array of matches.") var json = false

    func run() throws {
        guard let parsed = SearchQuery(arguments: query) else {
            let empty = query.allSatisfy { $0.allSatisfy { $0.isWhitespace || $0 == "\"" } }
            throw CleanExit.failure(empty ? "nothing to search for"
                : "a search takes at most \(SearchQuery.mostTerms) different words and phrases", code: 64)
        }
        let loaded = try corpus.load(transcripts: false)
        if let episode, loaded.episode(matching: episode) == nil {
            throw CleanExit.failure("no episode '\(episode)' in \(loaded.directory) (try 'podread list')")
        }
        let hits = loaded.search(parsed, speakers: speaker, episode: episode)
        if json {
            Output.json(try JSONReports.encode(hits.map { JSONReports.SearchEntry(loaded, $0, query: parsed) }))
        } else {
            let colour = isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            // Cutting out and highlighting the context is per-hit work: spread it over the cores.
            let lines = Concurrently.map(hits.count) { SearchLine.render(loaded, hits[$0], query: parsed, colour: colour) }
            if !lines.isEmpty { Output.lines(lines.joined(separator: "\n")) }
            let episodes = Set(hits.map(\.episode)).count
            Output.note("\(hits.count) matching utterance(s) in \(episodes) episode(s)")
        }
        if hits.isEmpty { throw ExitCode(1) }
    }
}

/// `#9 20:32 Bryan Liles: …the line with the match…`, the match in bold reverse on a terminal.
enum SearchLine {
    static let context = 70

    static func render(_ corpus: Corpus, _ hit: SearchHit, query: SearchQuery, colour: Bool) -> String {
        let episode = corpus.episodes[hit.episode]
        let utterance = hit.found
        let number = episode.number.map { "#\($0)" } ?? episode.id
        let text = OutputText.forPeople(utterance.paragraphs.joined(separator: " "))
        // Placeholders lengthen the text; find matches in what is shown.
        let ranges = query.ranges(in: text)
        let first = ranges.first ?? 0..<0
        let start = max(0, first.lowerBound - context)
        let end = first.upperBound + context * 2
        var shown: [Range<Int>] = []
        for range in ranges where range.lowerBound >= (shown.last?.upperBound ?? start) && range.upperBound <= end {
            shown.append(range)
        }
        // Offsets become string indices in one walk, not by splitting the text into characters.
        let bounds = SearchText.indices(of: [start] + shown.flatMap { [$0.lowerBound, $0.upperBound] } + [end], in: text)
        var line = start > 0 ? "…" : ""
        for n in shown.indices {
            line += text[bounds[2 * n]..<bounds[2 * n + 1]]
            let match = text[bounds[2 * n + 1]..<bounds[2 * n + 2]]
            line += colour ? "\u{1B}[1;7m" + match + "\u{1B}[0m" : String(match)
        }
        line += text[bounds[bounds.count - 2]..<bounds[bounds.count - 1]]
        if bounds[bounds.count - 1] < text.endIndex { line += "…" }
        // Where the match is spoken: its cue's start, where the file has cues.
        let spoken = utterance.start(ofFirstMatchOf: query)
        let time = utterance.timestamp.isEmpty ? "--:--" : TimeFormat.clock(spoken)
        let speaker = OutputText.forPeople(hit.speaker.displayName)
        return "\(number) \(time) \(speaker): \(line)"
    }
}
