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
        let started = Date()
        let (loaded, index, changes) = try IndexUpdate.searchable(corpus)
        let seconds = Date().timeIntervalSince(started)
        let what = changes.map { "\($0.read) episode(s) read, \($0.removed) removed, \($0.unchanged) unchanged" }
            ?? "nothing changed (\(loaded.episodes.count) episode(s))"
        Output.line(what + " in " + String(format: "%.2f s", seconds) + "; index: \(index.path)")
    }
}

/// The corpus's search index, up to date, and the corpus as a search needs it.
enum IndexUpdate {
    /// When the folder's listing state (`CorpusLoader.listingState`) is the one the index
    /// stored, the corpus comes from the index (changes nil): nothing else is read. Else
    /// the corpus is loaded, the changed files indexed (with progress on a terminal) and
    /// the corpus stored with the state taken before it was read (a file changed during
    /// the load makes the next search look again).
    static func searchable(_ options: CorpusOptions) throws -> (Corpus, SearchIndex, SearchIndex.Changes?) {
        let directory = options.location
        let index: SearchIndex
        do {
            index = try SearchIndex(corpusFolder: directory)
        } catch {
            throw CleanExit.failure("\(error)")
        }
        let state = options.noCache ? nil : CorpusLoader.listingState(of: directory)
        if let state, try index.storedListingState() == state {
            return (try index.storedCorpus(directory: directory), index, nil)
        }
        let loaded = try options.load(transcripts: false)
        let showsProgress = isatty(STDERR_FILENO) == 1
        let changes = try index.update(loaded) { done, total in
            if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[Kindexing \(done)/\(total) episodes".utf8)) }
        }
        if showsProgress && changes.read > 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        try index.store(loaded, listingState: state)
        return (loaded, index, changes)
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
