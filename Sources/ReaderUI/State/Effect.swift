import TranscriptKit

/// Work the reader asks the program to do (it does none itself): `update` returns these,
/// the program runs them off the input thread and reports each result as an action.
public enum Effect: Equatable, Sendable {
    /// Read episode `episode`'s transcript (`Corpus.transcript(of:)`); answer `.transcriptRead`.
    case readTranscript(episode: Int, file: String)
    /// Search every episode (through the search index, brought up to date first); answer
    /// `.corpusSearchProgress`, then `.corpusSearchFinished` or `.corpusSearchFailed`. A
    /// newer search replaces one under way.
    case searchCorpus(CorpusSearch)
    case stopCorpusSearch(id: Int)
    /// Write these changes to the reader's memory (coalesced); problems come back as `.memoryProblem`.
    case saveMemory([MemoryChange])
    /// Open a web address in the browser; answer `.linkOpened`.
    case openLink(String)
    /// Put text on the clipboard; answer `.copied`.
    case copy(String, what: String)
    /// Fetch every show of the library (the corpus is one: `corpus.shows`), then read the
    /// corpus again; answer `.libraryUpdateProgress` as shows are fetched, then
    /// `.libraryUpdateFinished`, then `.corpusLoaded` (or `.corpusLoadFailed`).
    case updateLibrary
    /// Play episode `episode`'s audio (found by `EpisodeAudio`) from `at` seconds, in a
    /// player started for it; answer `.player` reports: `.started`, then positions.
    case play(episode: Int, file: String, at: Double)
    case playerPause(Bool)
    /// To this second of the audio.
    case playerSeek(Double)
    case playerSpeed(Double)
    /// Leave: the memory effects before this one are written first (and the player stopped).
    case quit
}

/// How an `.openLink` went.
public enum LinkOutcome: Equatable, Sendable {
    case opened
    /// No opener (xdg-open) on this machine: the address stays in the status bar.
    case noOpener
    case failed
}

/// Something read for the reader (a corpus, a transcript), compared by identity: it is
/// too large to compare, and one delivery is never another.
public struct Delivered<Value: Sendable>: Equatable, Sendable {
    public let value: Value
    private let token = Token()

    public init(_ value: Value) { self.value = value }

    public static func == (a: Delivered, b: Delivered) -> Bool { a.token === b.token }

    private final class Token: Sendable {}
}
