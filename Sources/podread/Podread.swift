import ArgumentParser
import Foundation
import PodLibrary
import SearchIndex
import TranscriptKit

@main
struct Podread: ParsableCommand {
    /// Said by `podread --version`.
    static let version = "podread \(PodreadVersion.number)"

    static let configuration = CommandConfiguration(
        commandName: "podread",
        abstract: "Read, search and check podcast transcripts.",
        discussion: """
            The corpus is a folder of episode pages (Markdown with YAML front matter), and of \
            WebVTT, SubRip and Podcasting 2.0 JSON transcripts. It is found from --data, then \
            $PODREAD_DATA, then your library of podcasts when it has shows (podread add URL, \
            podread update; in $XDG_DATA_HOME/podread), then ./data. Shell completion: podread --generate-completion-script \
            bash|zsh|fish.
            """,
        version: Podread.version,
        subcommands: [ReadCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self, ValidateCommand.self,
                      ExportCommand.self, StatsCommand.self, AddCommand.self, ShowsCommand.self, UpdateCommand.self,
                      RemoveCommand.self, IndexCommand.self, PlayCommand.self],
        defaultSubcommand: ReadCommand.self
    )

    /// Swift reads arguments as UTF-8 and repairs what is not, so a path of other bytes would
    /// name another file: such an argument is refused, shown as given (`\xFF` for a byte).
    static func argumentNotUTF8() -> String? {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            guard String(validating: bytes, as: UTF8.self) == nil else { continue }
            let shown = escapingInvalidUTF8(Array(bytes))
            return "argument \(index) is not UTF-8 text: \(shown); podread cannot name it exactly (rename the file or folder)"
        }
        return nil
    }

    /// The text of `bytes`, each byte that is not part of valid UTF-8 as `\xFF`.
    static func escapingInvalidUTF8(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
            if length > 0, i + length <= bytes.count, let text = String(validating: bytes[i..<(i + length)], as: UTF8.self) {
                out += text
                i += length
            } else {
                out += String(format: "\\x%02X", lead)
                i += 1
            }
        }
        return out
    }

    /// ArgumentParser's `main`, with every message that can hold an argument or a file's
    /// text made safe, and a command's failure printed after it has ended.
    static func main() {
        if let problem = argumentNotUTF8() {
            Output.error(problem)
            Foundation.exit(64)
        }
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
    @Option(name: .long, help: ArgumentHelp("Folder of episode files (default: $PODREAD_DATA, then your library of shows if it has any, then ./data).", valueName: "dir"),
            completion: .directory)
    var data: String?
    @Flag(name: .long, help: "Read every file again instead of taking what the index ($XDG_CACHE_HOME/podread) kept.")
    var noCache = false

    /// The corpus; with `transcripts: false`, summaries (see `Corpus.transcript(of:)`), read
    /// through the folder's index (`SearchIndex` as `CorpusMemory`) unless `--no-cache`.
    /// The reader passes `reportsCacheProblem: false` and shows it in its status bar: on
    /// its screen, stderr would be lost.
    func load(transcripts: Bool = true, after partial: Corpus? = nil, index: SearchIndex? = nil,
              progress: (@Sendable (Int, Int) -> Void)? = nil,
              isCancelled: (@Sendable () -> Bool)? = nil, reportsCacheProblem: Bool = true) throws -> Corpus {
        let directory = location
        do {
            let (memory, problem) = transcripts || noCache ? (nil, nil) : index.map { ($0, nil) } ?? Self.memory(for: directory)
            var corpus = try CorpusLoader.load(directory: directory, transcripts: transcripts, memory: memory, after: partial,
                                               progress: progress, isCancelled: isCancelled)
            corpus.cacheProblem = problem
            if let problem, reportsCacheProblem { Output.note("podread: " + problem) }
            return corpus
        } catch let error as CorpusError {
            throw CleanExit.failure(explained(error))
        }
    }

    /// The index of `directory`, which keeps what loading it read; nil with why when it
    /// cannot be opened, or another process is updating it (a listing does not wait for
    /// that), and nil alone when there is no cache folder at all.
    static func memory(for directory: String) -> (SearchIndex?, String?) {
        if case (nil, nil) = CacheFolder.place(for: directory, kind: "index") { return (nil, nil) }
        do {
            return (try SearchIndex(corpusFolder: directory, waitingForOthers: false), nil)
        } catch {
            return (nil, "\(error)")
        }
    }

    /// `--data`, else `$PODREAD_DATA`, else the library when it has shows, else `./data`.
    var location: String {
        let chosen = CorpusLoader.location(option: data)
        guard (data ?? "").isEmpty, (ProcessInfo.processInfo.environment["PODREAD_DATA"] ?? "").isEmpty,
              let library = Library.location(), !CorpusLoader.showFolders(in: library).isEmpty else { return chosen }
        return library
    }

    /// Without --data or $PODREAD_DATA and no ./data here, how to point podread at a folder.
    private func explained(_ error: CorpusError) -> String {
        let environment = ProcessInfo.processInfo.environment["PODREAD_DATA"] ?? ""
        guard case .notADirectory = error, (data ?? "").isEmpty, environment.isEmpty else { return error.description }
        return "no transcripts to read: your library has no shows and there is no ./data folder here. "
            + "Subscribe to a podcast with podread add URL (a feed's address), or point podread at a folder of transcripts "
            + "(.md, .vtt, .srt, .json, .html, .txt) with --data DIR, or set PODREAD_DATA=DIR"
    }

    /// Front matter only, for a first list (see `CorpusLoader.loadFrontMatter`).
    func loadFrontMatter(progress: (@Sendable (Int, Int) -> Void)? = nil,
                         isCancelled: (@Sendable () -> Bool)? = nil) throws -> Corpus {
        do {
            return try CorpusLoader.loadFrontMatter(directory: location, progress: progress,
                                                    isCancelled: isCancelled)
        } catch let error as CorpusError {
            throw CleanExit.failure(explained(error))
        }
    }
}
