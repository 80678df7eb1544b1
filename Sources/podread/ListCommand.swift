import ArgumentParser
import TranscriptKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "One row per episode: number, title, people, utterances, duration, diagnostics.")

    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print a JSON array instead of a table.") var json = false

    func run() throws {
        let loaded = try corpus.load(transcripts: false)
        if json {
            Output.json(try JSONReports.encode(loaded.episodes.map(JSONReports.ListEntry.init)))
            CleanExit.finish()
        }
        let rows = loaded.episodes.map { episode -> [String] in
            // Files that name their speakers often give no hosts or guests: then who speaks.
            var names = (episode.hosts + episode.guests + episode.people).map(\.name)
            if names.isEmpty, episode.speakersNamed { names = episode.speakers.filter { $0.isCertain }.map(\.name) }
            let people = names.joined(separator: ", ")
            return [episode.number.map(String.init) ?? "-", episode.title, people,
                    String(episode.utteranceCount), TimeFormat.longClock(episode.duration),
                    String(episode.diagnostics.count)]
        }
        let table = TextTable(header: ["#", "TITLE", "HOSTS AND GUESTS", "UTTERANCES", "DURATION", "DIAGNOSTICS"],
                              rightAligned: [0, 3, 4, 5], maxWidths: [6, 50, 60, 10, 10, 11])
        Output.lines(table.render(rows))
        Output.line("\(loaded.episodes.count) episode(s) in \(loaded.directory)")
        CleanExit.finish()
    }
}
