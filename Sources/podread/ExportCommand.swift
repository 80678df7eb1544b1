import ArgumentParser
import Foundation
import TranscriptKit

extension TranscriptExport.Format: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an episode's transcript as WebVTT, SubRip, Podcasting 2.0 JSON, Markdown or text.",
        discussion: """
            Each utterance ends where the next one starts (the last after about 0.4 s a word). \
            WebVTT names speakers with <v Name>, SubRip starts each cue with 'Name: '. \
            Examples: podread export 9 --format vtt > 9.vtt; podread export 9 --format json --speaker JR -o jr.json
            """)

    @OptionGroup var corpus: CorpusOptions
    @Argument(help: "Episode number, id, file name or path.", completion: EpisodeCompletion.kind) var episode: String
    @Option(name: .long, help: "vtt, srt, json (Podcasting 2.0), md or txt.") var format: TranscriptExport.Format
    @Option(name: .long, help: ArgumentHelp("Only this speaker (tag or name); repeatable.", valueName: "speaker"))
    var speaker: [String] = []
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"),
            completion: .file())
    var output: String?

    func run() throws {
        let episode = try EpisodeChoice.episode(self.episode, in: corpus)
        let selected = try EpisodeChoice.utterances(of: episode, speakers: speaker)
        let text = try TranscriptExport.render(episode, only: selected, as: format)
        guard let output else {
            Output.data(text)
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CleanExit.failure("cannot write \(output): \(EpisodeParser.reason(error))")
        }
    }
}
