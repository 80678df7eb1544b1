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
        let searchable = try IndexUpdate.searchable(corpus)
        let seconds = Date().timeIntervalSince(started)
        let what = try searchable.changes.map { "\($0.read) episode(s) read, \($0.removed) removed, \($0.unchanged) unchanged" }
            ?? "nothing changed (\(searchable.corpus().episodes.count) episode(s))"
        Output.line(what + " in " + String(format: "%.2f s", seconds) + "; index: \(searchable.index.path)")
    }
}

/// A corpus's search index, up to date, and the corpus as a search needs it.
struct Searchable {
    let index: SearchIndex
    /// What the update did; nil when the index had the corpus as the folder is now.
    let changes: SearchIndex.Changes?
    private let loaded: Corpus?
    private let directory: String

    init(index: SearchIndex, changes: SearchIndex.Changes?, loaded: Corpus?, directory: String) {
        (self.index, self.changes, self.loaded, self.directory) = (index, changes, loaded, directory)
    }

    /// The whole corpus (from the index, when it was not loaded: only what a search needs).
    func corpus() throws -> Corpus { try loaded ?? index.storedCorpus(directory: directory) }
}

enum IndexUpdate {
    /// When the folder's listing state (`CorpusLoader.listingState`) is the one the index
    /// stored, nothing else is read: the index has the corpus. Else the corpus is loaded,
    /// the changed files indexed (with progress on a terminal) and the corpus stored with
    /// the state taken before it was read (a file changed during the load makes the next
    /// search look again).
    static func searchable(_ options: CorpusOptions) throws -> Searchable {
        let directory = options.location
        let index: SearchIndex
        do {
            index = try SearchIndex(corpusFolder: directory)
        } catch {
            throw CleanExit.failure("\(error)")
        }
        let state = options.noCache ? nil : CorpusLoader.listingState(of: directory)
        if let state, try index.storedListingState() == state {
            return Searchable(index: index, changes: nil, loaded: nil, directory: directory)
        }
        let loaded = try options.load(transcripts: false, index: index)
        let showsProgress = isatty(STDERR_FILENO) == 1
        let changes = try index.update(loaded) { done, total in
            if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[Kindexing \(done)/\(total) episodes".utf8)) }
        }
        if showsProgress && changes.read > 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        try index.store(loaded, listingState: state)
        return Searchable(index: index, changes: changes, loaded: loaded, directory: directory)
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
