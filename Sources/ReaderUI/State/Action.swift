import TranscriptKit

/// A key as the reader understands it, whatever terminal it came from.
public enum Key: Equatable, Sendable {
    case char(Character)
    /// Control plus a letter, e.g. `.ctrl("d")` for Ctrl-D.
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
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

/// Everything that can happen to the reader.
public enum Action: Equatable, Sendable {
    case key(Key)
    case mouse(Mouse)
    case resize(width: Int, height: Int)
    /// The background corpus search (see `ReaderState.corpusSearch`) has read this many episodes.
    case corpusSearchProgress(id: Int, done: Int)
    /// The background corpus search is over.
    case corpusSearchFinished(id: Int, hits: [SearchHit])
    /// Transcripts read so far while the corpus is partial (see `ReaderState.finishLoading`).
    case corpusLoadProgress(done: Int, total: Int)
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
