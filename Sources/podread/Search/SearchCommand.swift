import ArgumentParser
import Foundation
import SearchIndex
import TranscriptKit

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find utterances across the whole corpus, best matches first.",
        discussion: """
            Each word finds the words that begin with it (cluster: clusters), in the same \
            utterance as the others; "a quoted phrase" finds those words one after the \
            other, across cues and line breaks; OR finds either side; -word leaves out the \
            utterances with it. Words are runs of letters and digits: punctuation is \
            ignored (don't = "don t"). Accents are ignored; case too, unless a word has a \
            capital (NASA finds only NASA). Speaker names are not searched: --speaker does \
            that. Results are ranked by relevance (BM25) unless --sort time; on a terminal \
            the first screenful is printed (--limit 0 for all), on a pipe all of them. The \
            search index ($XDG_CACHE_HOME/podread) is brought up to date first. Exits 1 \
            when nothing matches. Examples: podread search stateful database; \
            podread search '"cloud native"' --speaker Josh; podread search etcd OR consul \
            --since 2020-01 --number 10-20
            """)

    @OptionGroup var corpus: CorpusOptions
    @Argument(parsing: .allUnrecognized, help: "Words, \"quoted phrases\", OR, -word.") var query: [String]
    @Option(name: .long, help: ArgumentHelp("Only this speaker (tag or name); repeatable.", valueName: "speaker"))
    var speaker: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only this episode (number, id or file name).", valueName: "episode"))
    var episode: String?
    @Option(name: .long, help: ArgumentHelp("Only this show (folder name, or part of its title); repeatable.", valueName: "show"))
    var show: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only episodes of this date or later (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var since: String?
    @Option(name: .long, help: ArgumentHelp("Only episodes of this date or earlier.", valueName: "date"))
    var until: String?
    @Option(name: .long, help: ArgumentHelp("Only these episode numbers: 12, 10-20, 10- (from 10), or --number=-20 (up to 20).", valueName: "range"))
    var number: String?
    @Option(name: .long, help: ArgumentHelp("At most this many results (0: all). Default: a screenful on a terminal, all on a pipe.", valueName: "n"))
    var limit: Int?
    @Option(name: .long, help: ArgumentHelp("relevance (best first) or time (by episode, then time).", valueName: "order"))
    var sort: SortOrder = .relevance
    @Flag(help: "Print a JSON array of matches (streamed).") var json = false
    @Flag(help: "Print one JSON object per line.") var jsonl = false

    enum SortOrder: String, ExpressibleByArgument, CaseIterable { case relevance, time }

    func validate() throws {
        // Unknown options land in the query (for -word): refuse them rather than search for them.
        if let option = query.first(where: { $0.hasPrefix("--") && $0.count > 2 }) {
            throw ValidationError("unknown option '\(OutputText.forPeople(option))'")
        }
        if json && jsonl { throw ValidationError("--json and --jsonl: choose one") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, SearchScope.date(value) == nil {
                throw ValidationError("\(name) takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not '\(OutputText.forPeople(value))'")
            }
        }
        if let number, SearchScope.numbers(number) == nil {
            throw ValidationError("--number takes 12, 10-20, 10- or -20, not '\(OutputText.forPeople(number))'")
        }
    }

    func run() throws {
        guard let parsed = IndexQuery(query.joined(separator: " ")) else {
            throw CleanExit.failure("nothing to search for: give a word (a search of only -words finds nothing)", code: 64)
        }
        let searchable = try IndexUpdate.searchable(corpus)
        let index = searchable.index
        let filters = SearchScope.Filters(episode: episode, shows: show, since: since, until: until,
                                          numbers: number.flatMap(SearchScope.numbers), speakers: speaker)
        // Without a filter, no corpus is needed at all.
        // `--episode` may name any of an episode's files, which only a loaded corpus knows.
        let scope = filters.isEmpty ? nil
            : try SearchScope(episode == nil ? searchable.corpus() : corpus.load(transcripts: false), filters).index
        let toTerminal = isatty(STDOUT_FILENO) == 1
        let most = limit.map { $0 == 0 ? Int.max : $0 } ?? (toTerminal && !json && !jsonl ? max(1, TerminalSize.rows() - 2) : Int.max)
        let colour = toTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        var printed = 0
        var episodes = Set<String>()
        let printer = SearchPrinter(format: json ? .json : jsonl ? .jsonLines : .text(colour: colour))
        // Each result carries its episode and speaker as the index stored them: no corpus.
        try index.search(parsed, order: sort == .time ? .time : .relevance, in: scope,
                         limit: most == Int.max ? nil : most) { hit in
            printer.print(hit)
            printed += 1
            episodes.insert(hit.file)
            return true
        }
        printer.finish()
        if !json && !jsonl {
            let all = printed == most ? try index.count(parsed, in: scope) : printed
            if all > printed {
                Output.note("the best \(printed) of \(all) matching utterances (--limit 0 for all)")
            } else {
                Output.note("\(printed) matching utterance(s) in \(episodes.count) episode(s)")
            }
        }
        if printed == 0 { throw ExitCode(1) }
    }
}
