import TranscriptKit

/// A line being typed at the bottom of the screen.
public struct Prompt: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case jump, goTo, search, corpusSearch, bookmark, listFilter }
    public var kind: Kind
    public var text: String = ""
    /// Where the transcript was when the prompt opened, and the utterance the reader was
    /// at (Esc or a failed search goes back there).
    var origin: TranscriptPosition
    var originCurrent: Int
    /// Which of the earlier entries of this kind ↑ brought back (nil: the one being typed).
    var recalled: Int?
    var previousSearch: Search?
}

/// An active search over the open episode.
public struct Search: Equatable, Sendable {
    public struct Match: Equatable, Sendable {
        /// Index into the shown utterances.
        public var index: Int
        public var paragraph: Int
        /// Which occurrence within that paragraph.
        public var occurrence: Int
    }

    public var pattern: String
    public var caseSensitive: Bool
    public var matches: [Match]
    /// Index into `matches` of the current one.
    public var current: Int?
}

/// A window over the panes.
public enum Overlay: Equatable, Sendable {
    case help(ScrollList)
    case speakers(SpeakerPicker)
    case results(CorpusResults)
    case bookmarks(BookmarkList)
    case statistics(StatisticsWindow)
}

/// `i`: who speaks how much in the open episode, worked out when the window opens.
public struct StatisticsWindow: Equatable, Sendable {
    public var speakers: [SpeakerStatistics]
}

/// The bookmarks window (`'`).
public struct BookmarkList: Equatable, Sendable {
    public var list = ScrollList()
}

/// The speaker filter being chosen.
public struct SpeakerPicker: Equatable, Sendable {
    public struct Person: Equatable, Sendable {
        public var key: String
        public var speaker: Speaker
        public var tags: [String]
        public var utterances: Int
    }

    public var people: [Person]
    public var checked: Set<String>
    public var list = ScrollList()
}

/// How far the transcripts of a partial corpus have been read.
public struct LoadProgress: Equatable, Sendable {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }
}

public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool

    public init(text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }
}
