import ArgumentParser
import Foundation
import SearchIndex
import TranscriptKit

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Bring the search index up to date: only files changed since it last saw them are read.")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let loaded = try corpus.load(transcripts: false)
        let index: SearchIndex
        do {
            index = try SearchIndex(corpusFolder: loaded.directory)
        } catch {
            throw CleanExit.failure("\(error)")
        }
        let showsProgress = isatty(STDERR_FILENO) == 1
        let started = Date()
        let changes = try index.update(loaded) { done, total in
            if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[Kindexing \(done)/\(total)".utf8)) }
        }
        if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let seconds = Date().timeIntervalSince(started)
        Output.line("\(changes.read) episode(s) read, \(changes.removed) removed, \(changes.unchanged) unchanged in "
                    + String(format: "%.2f s", seconds) + "; index: \(index.path)")
    }
}
