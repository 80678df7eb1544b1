import ArgumentParser
import Foundation
import TranscriptKit

@main
struct Podread: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "podread",
        abstract: "Read, search and check podcast transcripts.",
        discussion: """
            The corpus is a folder of episode pages (Markdown with YAML front matter), and of \
            WebVTT, SubRip and Podcasting 2.0 JSON transcripts. It is found from --data, then \
            $PODREAD_DATA, then ./data. Shell completion: podread --generate-completion-script \
            bash|zsh|fish.
            """,
        subcommands: [ReadCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self, ValidateCommand.self,
                      ExportCommand.self, StatsCommand.self],
        defaultSubcommand: ReadCommand.self
    )

    /// ArgumentParser's `main`, with every message that can hold an argument or a file's
    /// text made safe, and a command's failure printed after it has ended.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CleanExit.Failure {
            Output.error(failure.message)
            Foundation.exit(failure.code)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                // Help, completion scripts and candidates: printed as they are (candidates are
                // made safe for the shell by `EpisodeCompletion`).
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                Output.note(message)
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// `--data DIR`, shared by every command.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of episode files (default: $PODREAD_DATA, then ./data).", valueName: "dir"),
            completion: .directory)
    var data: String?
    @Flag(name: .long, help: "Read every file again instead of using the summary cache ($XDG_CACHE_HOME/podread).")
    var noCache = false

    /// The corpus; with `transcripts: false`, summaries (see `Corpus.transcript(of:)`).
    func load(transcripts: Bool = true, after partial: Corpus? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil,
              isCancelled: (@Sendable () -> Bool)? = nil) throws -> Corpus {
        let directory = CorpusLoader.location(option: data)
        do {
            return try CorpusLoader.load(directory: directory, transcripts: transcripts, cache: !noCache, after: partial,
                                         progress: progress,
                                         isCancelled: isCancelled)
        } catch let error as CorpusError {
            throw CleanExit.failure(error.description)
        }
    }

    /// Front matter only, for a first list (see `CorpusLoader.loadFrontMatter`).
    func loadFrontMatter(progress: (@Sendable (Int, Int) -> Void)? = nil,
                         isCancelled: (@Sendable () -> Bool)? = nil) throws -> Corpus {
        do {
            return try CorpusLoader.loadFrontMatter(directory: CorpusLoader.location(option: data), progress: progress,
                                                    isCancelled: isCancelled)
        } catch let error as CorpusError {
            throw CleanExit.failure(error.description)
        }
    }
}
