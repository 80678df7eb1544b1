import TranscriptKit

/// A key as the reader understands it, whatever terminal it came from.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Control plus a letter, e.g. `.ctrl("d")` for Ctrl-D.
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case shiftLeft, shiftRight
    case enter, tab, backTab, escape, backspace, delete
}

public struct Mouse: Equatable, Sendable {
    public enum Kind: Sendable { case wheelUp, wheelDown, click }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Everything that can happen to the reader: what the user does, what the command line
/// asks for, and the results of the effects the program ran.
public enum Action: Equatable, Sendable {
    /// The program's first action: the effects the first screen needs (the first episode's
    /// transcript) leave with it.
    case start
    case key(Key)
    case mouse(Mouse)
    case resize(width: Int, height: Int)
    /// The search index is being brought up to date before the search: this many of the
    /// episodes that changed are read.
    case corpusSearchProgress(id: Int, indexed: Int, of: Int)
    /// The corpus search is over: the best hits, and how many utterances match in all.
    case corpusSearchFinished(id: Int, hits: [SearchHit], total: Int)
    /// The corpus search could not be made (nothing to search for, no index).
    case corpusSearchFailed(id: Int, problem: String)
    /// Transcripts read so far while the corpus is partial.
    case corpusLoadProgress(done: Int, total: Int)
    /// The whole corpus, read after a partial one was shown.
    case corpusLoaded(Delivered<Corpus>)
    case corpusLoadFailed(String)
    /// `Effect.updateLibrary` under way, and over.
    case libraryUpdateProgress(LibraryUpdateProgress)
    case libraryUpdateFinished(LibraryUpdateOutcome)
    /// The answer to `Effect.readTranscript`.
    case transcriptRead(episode: Int, file: String, Delivered<Episode>)
    /// What the memory file holds for this corpus (`key`), and why it could not be read.
    case remembered(Delivered<ReaderMemory>, key: String, warning: String?)
    /// Opens an episode where it was left, then (its transcript read) does `then`.
    case openEpisode(Int, then: [Action])
    /// Shows only these speakers (tags or names) of the open episode.
    case filterSpeakers([String])
    /// Jumps to a time as typed (`12:30`, `+2m`).
    case jump(String)
    /// Back at a saved place (a bookmark) in the open episode.
    case restore(ReadingPosition)
    /// Shows a corpus search's hit in the open episode, its first match highlighted.
    case reveal(SearchHit)
    case show(StatusMessage)
    case memoryProblem(String)
    case linkOpened(String, LinkOutcome)
    case copied(what: String, how: String?)
    /// What the player says (`Effect.play` started it).
    case player(PlayerReport)
    /// SIGINT, SIGTERM, SIGHUP or a closed terminal: save and leave.
    case terminate
}

public enum Pane: Int, CaseIterable, Sendable {
    case episodes, transcript, notes

    public var title: String {
        switch self {
        case .episodes: return "Episodes"
        case .transcript: return "Transcript"
        case .notes: return "Notes"
        }
    }
}
