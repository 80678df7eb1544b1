import ArgumentParser
import Foundation
import SearchIndex
import TranscriptKit

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Bring the search index up to date: only files changed since it last saw them are read.",
        discussion: "search does this too before it searches; index says what it did, and where the index is.")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let loaded = try corpus.load(transcripts: false)
        let started = Date()
        var changes = SearchIndex.Changes()
        let index = try IndexUpdate.upToDate(loaded) { changes = $0 }
        let seconds = Date().timeIntervalSince(started)
        Output.line("\(changes.read) episode(s) read, \(changes.removed) removed, \(changes.unchanged) unchanged in "
                    + String(format: "%.2f s", seconds) + "; index: \(index.path)")
    }
}

/// Opens the corpus's search index and brings it up to date, with progress on a terminal.
enum IndexUpdate {
    static func upToDate(_ corpus: Corpus, changed: (SearchIndex.Changes) -> Void = { _ in }) throws -> SearchIndex {
        let index: SearchIndex
        do {
            index = try SearchIndex(corpusFolder: corpus.directory)
        } catch {
            throw CleanExit.failure("\(error)")
        }
        let showsProgress = isatty(STDERR_FILENO) == 1
        let changes = try index.update(corpus) { done, total in
            if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[Kindexing \(done)/\(total) episodes".utf8)) }
        }
        if showsProgress && changes.read > 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        changed(changes)
        return index
    }
}

/// The terminal's size, for a screenful of results.
enum TerminalSize {
    static func rows() -> Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return 24 }
        return Int(size.ws_row)
    }
}
