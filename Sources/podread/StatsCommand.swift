import ArgumentParser
import Foundation
import TranscriptKit

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Talk time, words, turns and the longest turn of each speaker, in an episode or the whole corpus.",
        discussion: """
            Talk time comes from timestamp differences: an utterance lasts until the next one \
            starts (the last about 0.4 s a word). A turn is a run of utterances by one person. \
            Examples: podread stats 9; podread stats --json
            """)

    @OptionGroup var corpus: CorpusOptions
    @Argument(help: "Episode number, id, file name or path; the whole corpus when left out.", completion: EpisodeCompletion.kind)
    var episode: String?
    @Flag(help: "Print {episode, episodes, speakers} as JSON.") var json = false

    func run() throws {
        let statistics: [SpeakerStatistics]
        let heading: String
        var chosen: Episode?
        var count = 1
        if let episode {
            let found = try EpisodeChoice.episode(episode, in: corpus)
            statistics = SpeakerStatistics.of(found)
            heading = "\(found.number.map { "#\($0) " } ?? "")\(found.title)"
            chosen = found
        } else {
            let loaded = try corpus.load(transcripts: false)
            // One transcript at a time per core, so memory stays that of the summaries.
            statistics = SpeakerStatistics.merged(Concurrently.map(loaded.episodes.count) { SpeakerStatistics.of(loaded.transcript(of: $0)) })
            count = loaded.episodes.count
            heading = "\(count) episode(s) in \(loaded.directory)"
        }
        let total = statistics.reduce(0) { $0 + $1.talkTime }
        func share(_ s: SpeakerStatistics) -> Double { total > 0 ? s.talkTime / total * 100 : 0 }
        if json {
            Output.json(try JSONReports.encode(JSONReports.Stats(episode: chosen, episodes: count, speakers: statistics.map {
                JSONReports.Stats.Speaker($0, share: share($0))
            })))
            return
        }
        let showFile = chosen == nil
        let rows = statistics.map { s -> [String] in
            let place = showFile ? " in \(EpisodeParser.idFromFileName(s.longestTurnFile))" : ""
            return [s.name, s.role.rawValue, TimeFormat.longClock(s.talkTime), String(format: "%.1f%%", share(s)), String(s.words),
                    String(s.turns), "\(TimeFormat.longClock(s.longestTurn)) at \(TimeFormat.longClock(s.longestTurnStart))\(place)"]
        }
        let table = TextTable(header: ["SPEAKER", "ROLE", "TALK TIME", "SHARE", "WORDS", "TURNS", "LONGEST TURN"],
                              rightAligned: [2, 3, 4, 5], maxWidths: [30, 9, 10, 6, 9, 7, 60])
        Output.line(heading)
        Output.lines(table.render(rows))
    }
}
