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
            The format comes from --format, else from the extension of -o. \
            Examples: podread export 9 --format vtt > 9.vtt; podread export 9 --speaker JR -o jr.json
            """)

    @OptionGroup var corpus: CorpusOptions
    @Argument(help: "Episode number, id, file name or path.", completion: EpisodeCompletion.kind) var episode: String
    @Option(name: .long, help: "vtt, srt, json (Podcasting 2.0), md or txt; by default the extension of -o.")
    var format: TranscriptExport.Format?
    @Option(name: .long, help: ArgumentHelp("Only this speaker (tag or name); repeatable.", valueName: "speaker"))
    var speaker: [String] = []
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (- for standard output) instead of standard output.",
                                                      valueName: "file"), completion: .file())
    var output: String?

    /// `--format`, else the extension of `-o`.
    func chosenFormat() throws -> TranscriptExport.Format {
        if let format { return format }
        if let output, let inferred = TranscriptExport.Format(rawValue: TranscriptFile.fileExtension(output)) { return inferred }
        throw ValidationError("give --format (vtt, srt, json, md or txt), or an -o file name ending in one of them")
    }

    func validate() throws { _ = try chosenFormat() }

    func run() throws {
        let episode = try EpisodeChoice.episode(self.episode, in: corpus)
        let selected = try EpisodeChoice.utterances(of: episode, speakers: speaker)
        let text = try TranscriptExport.render(episode, only: selected, as: try chosenFormat())
        guard let output, output != "-" else {
            Output.data(text)
            return
        }
        let folder = (episode.file as NSString).deletingLastPathComponent
        if let problem = ExportFile.write(Data(text.utf8), to: output, corpusFolder: folder) {
            throw CleanExit.failure(problem)
        }
    }
}
