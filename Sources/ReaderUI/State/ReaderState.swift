import TranscriptKit

/// Everything the reader shows, as plain data; `update` changes it, `render` draws it.
public struct ReaderState: @unchecked Sendable {
    /// A summary of every episode; the open one is read whole when it opens (`episode`).
    public private(set) var corpus: Corpus
    public private(set) var colors: SpeakerColors
    public var theme: Theme
    public var width: Int { didSet { relayout() } }
    public var height: Int { didSet { relayout() } }
    public var focus: Pane = .episodes { didSet { relayout() } }
    /// Where everything goes at this size; kept in step with width, height and focus.
    public private(set) var layout: ScreenLayout
    /// The episode list's cursor and view, over its rows: the `listed` episodes and, in a
    /// library, each show's title above its episodes (`sections`). The cursor is always on
    /// an episode's row.
    public var episodeList = ScrollList()
    /// The episodes the list shows: all, or those whose title or number has `listFilter`.
    public private(set) var listed: [Int] = [] { didSet { sections = Self.sections(listed, corpus) } }
    public private(set) var listFilter = ""
    /// The show headers among the list's rows, made whenever `listed` changes.
    private(set) var sections = ListSections()
    /// The episode under the list's cursor (setting it to one the filter hides clears the filter).
    public var listCursor: Int {
        get { listPosition.map { listed[$0] } ?? 0 }
        set {
            if let position = listed.firstIndex(of: newValue) {
                episodeList.cursor = sections.row(of: position)
            } else if corpus.episodes.indices.contains(newValue) {
                filterList("")
                episodeList.cursor = sections.row(of: listed.firstIndex(of: newValue) ?? 0)
            }
        }
    }
    /// The position in `listed` of the episode under the list's cursor.
    var listPosition: Int? {
        guard case let .episode(position) = sections.content(of: episodeList.cursor), listed.indices.contains(position) else { return nil }
        return position
    }
    public var listTop: Int { episodeList.top }
    /// The open episode, whole (nil until its transcript is read), and its index in the corpus.
    public private(set) var episode: Episode?
    public private(set) var episodeIndex = 0
    /// The summary of what the panes show: the open episode's or, before one is read, the
    /// one being opened.
    public var shownSummary: EpisodeSummary? {
        if let episode { return episode.summary }
        let index = opening?.episode ?? episodeIndex
        return corpus.episodes.indices.contains(index) ? corpus.episodes[index] : nil
    }
    /// The show of what the panes show, in a library: found through the corpus's summary,
    /// as a transcript read from its file does not know its show.
    var shownShow: ShowInfo? {
        let index = episode == nil ? opening?.episode ?? episodeIndex : episodeIndex
        return corpus.episodes.indices.contains(index) ? corpus.show(of: corpus.episodes[index]) : nil
    }
    /// Changes whenever the open episode's content does (another episode, its transcript
    /// read, the corpus read again): the caches of wrapped rows, notes and the scroll map
    /// are kept for one version.
    private(set) var shownVersion = 0
    /// Indexes of the utterances shown (all, or those of the filtered speakers).
    public private(set) var shown: [Int] = []
    public var top = TranscriptPosition.start
    /// The shown utterance the reader is at: set by jumps, moves with scrolling.
    public var current = 0
    /// Person keys (folded resolved names) of the speaker filter; empty shows everyone.
    public private(set) var filter: Set<String> = []
    public private(set) var filterNames: [String] = []
    public var search: Search?
    /// The corpus search under way (`F`), run by the program (`Effect.searchCorpus`).
    public internal(set) var corpusSearch: CorpusSearch?
    var lastCorpusSearchID = 0
    public var prompt: Prompt?
    public var overlay: Overlay?
    public var message: StatusMessage?
    /// The notes' cursor and view.
    public var notesList = ScrollList()
    public var notesCursor: Int { notesList.cursor }
    public var notesTop: Int { notesList.top }
    /// Set while a partial corpus (front matter only) waits for its transcripts.
    public internal(set) var loading: LoadProgress?
    /// Set while the library is being updated (`U`, `Effect.updateLibrary`).
    public internal(set) var libraryUpdate: LibraryUpdateProgress?
    /// The episode whose transcript is being read (`Effect.readTranscript`), and what to do
    /// once it is here (go back to a bookmark, show a search hit, filter, jump).
    public internal(set) var opening: (episode: Int, then: [Action])?
    /// Effects asked for while handling one action; `update` hands them to the program.
    var outbox: [Effect] = []
    /// The place last handed to the memory, so a move saves it once.
    var savedPlace: MemoryChange?
    /// What was entered in each kind of prompt, oldest first (↑ brings it back).
    var promptHistory: [Prompt.Kind: [String]] = [:]
    /// The corpus results a hit was opened from (`n`, `N` step through them).
    var trail: ResultsTrail?
    /// Where Backspace goes back to, latest last.
    var cameFrom: [Place] = []
    /// The utterance `v` marked, in the open episode: `Y` copies from there to here.
    public internal(set) var mark: Int?
    /// A count typed before a move (`5j`).
    public internal(set) var count: Int?
    /// Digits typed in the list, selecting the episode with that number.
    var typedNumber = ""
    /// `q` or a signal: `update` ends its effects with `.quit`.
    public internal(set) var isQuitting = false
    /// The corpus's key in the reader's memory (see `ReaderMemory`); nil with `--no-state`.
    public internal(set) var memoryKey: String?
    /// This corpus's bookmarks, in the order they were made.
    public internal(set) var bookmarks: [Bookmark] = []
    /// The audio being listened to (`p`), as the player last reported it.
    public internal(set) var listening: Listening?
    /// How much later than its times each episode (by file name) is spoken (`-`, `=`).
    public internal(set) var syncShifts: [String: Double] = [:]
    /// Where each episode (by file name) was left.
    public internal(set) var positions: [String: ReadingPosition] = [:]
    /// Widths of the time and name columns of the open episode, measured when it opens.
    private(set) var columns = TranscriptColumns(timeWidth: 4, nameWidth: 4)
    /// Columns for episode numbers in the list, and for its rows, measured once per corpus.
    private(set) var listNumberWidth: Int
    private(set) var listWidth: Int
    let wraps = WrapCache()
    let timeline = TimelineCache()
    let notes = NotesCache()

    public init(corpus: Corpus, width: Int, height: Int, colorMode: ColorMode = .full256) {
        self.corpus = corpus
        colors = SpeakerColors(corpus: corpus.episodes)
        theme = Theme(mode: colorMode)
        listNumberWidth = Self.numberWidth(corpus)
        listWidth = Self.listWidth(corpus, numberWidth: listNumberWidth)
        listed = Array(corpus.episodes.indices)
        // `listed`'s observer does not run in an initializer.
        sections = Self.sections(listed, corpus)
        layout = ScreenLayout(width: width, height: height, focus: .episodes, listWidth: listWidth)
        self.width = width
        self.height = height
        if !corpus.episodes.isEmpty { open(episode: 0) }
        // With a single episode there is nothing to choose: start reading.
        if corpus.episodes.count == 1 { focus = .transcript }
        // Observers do not run inside an initializer.
        layout = ScreenLayout(width: width, height: height, focus: focus, listWidth: listWidth)
    }

    /// The whole corpus, read after a partial one (front matter only) was shown: the list
    /// keeps its place, and the open episode its position, now with resolved speakers.
    mutating func finishLoading(with full: Corpus) {
        defer {
            // Words typed into F while the transcripts were read are searched now.
            if let prompt, prompt.kind == .corpusSearch, !prompt.text.isEmpty { searchCorpus(prompt.text, asTyped: true) }
        }
        let listFile = corpus.episodes.indices.contains(listCursor) ? corpus.episodes[listCursor].file : nil
        let opened = episode
        let openFile = opened?.file
        let sameFiles = full.episodes.map(\.file) == corpus.episodes.map(\.file)
        // An episode being opened stays the one being opened (its transcript is on its way).
        let pending = opening.map { (file: corpus.episodes[$0.episode].file, then: $0.then) }
        corpus = full
        loading = nil
        colors = SpeakerColors(corpus: full.episodes)
        listNumberWidth = Self.numberWidth(full)
        listWidth = Self.listWidth(full, numberWidth: listNumberWidth)
        listed = Array(full.episodes.indices)
        listFilter = ""
        layout = ScreenLayout(width: width, height: height, focus: focus, listWidth: listWidth)
        if !sameFiles { overlay = nil }
        listCursor = listFile.flatMap { file in full.episodes.firstIndex { $0.file == file } } ?? 0
        keepListCursorVisible()
        if let pending, let index = full.episodes.firstIndex(where: { $0.file == pending.file }) {
            if let shown = openFile.flatMap({ file in full.episodes.firstIndex { $0.file == file } }) { episodeIndex = shown }
            shownVersion += 1
            if sameFiles {
                opening = (index, pending.then)
            } else {
                opening = nil
                open(episode: index, then: pending.then)
            }
            return
        }
        guard let openFile, let index = full.episodes.firstIndex(where: { $0.file == openFile }) else {
            if !full.episodes.isEmpty { open(episode: min(episodeIndex, full.episodes.count - 1)) }
            return
        }
        if var opened, opened.speakers.map(\.tag) == full.episodes[index].speakers.map(\.tag) {
            // Same transcript: keep it (and so the reading position), with the corpus's speakers.
            opened.summary = full.episodes[index]
            episode = opened
            episodeIndex = index
            shownVersion += 1
            columns = TranscriptColumns(episode: opened)
        } else {
            open(episode: index)
        }
    }

    private static func numberWidth(_ corpus: Corpus) -> Int {
        max(2, corpus.episodes.compactMap(\.number).map { String($0).count }.max() ?? 2)
    }

    private mutating func relayout() {
        layout = ScreenLayout(width: width, height: height, focus: focus, listWidth: listWidth)
    }

    /// The columns the list's rows need: marker, number, title and a space; a space, the
    /// title and a space for a show's header.
    private static func listWidth(_ corpus: Corpus, numberWidth: Int) -> Int {
        let episodes = 3 + numberWidth + (corpus.episodes.map { DisplayText.width(of: $0.title) }.max() ?? 0) + 1
        return max(episodes, 2 + (corpus.shows.values.map { DisplayText.width(of: $0.title) }.max() ?? 0))
    }

    private static func sections(_ listed: [Int], _ corpus: Corpus) -> ListSections {
        corpus.shows.isEmpty ? ListSections() : ListSections(listed: listed, episodes: corpus.episodes)
    }

    /// Shows only the episodes whose title or number contains `text` (any case); the cursor
    /// stays on its episode when it is still listed.
    mutating func filterList(_ text: String) {
        let keep = listPosition.map { listed[$0] }
        listFilter = text
        let needle = SearchText.fold(text, caseSensitive: false)
        listed = corpus.episodes.indices.filter { index in
            guard !needle.isEmpty else { return true }
            let episode = corpus.episodes[index]
            return SearchText.fold(episode.title, caseSensitive: false).contains(needle)
                || episode.number.map { String($0).hasPrefix(text) } == true
        }
        episodeList.cursor = sections.row(of: keep.flatMap { listed.firstIndex(of: $0) } ?? 0)
        keepListCursorVisible()
    }

    static func personKey(_ speaker: Speaker) -> String { SpeakerColors.key(speaker.name) }

    /// Opens an episode where it was left (or at its start), keeping the speaker filter (by
    /// person) and the search. A transcript not read yet is asked for (`Effect.readTranscript`);
    /// `then` runs when it is here.
    mutating func open(episode index: Int, then: [Action] = []) {
        guard corpus.episodes.indices.contains(index) else { return }
        recordPosition()
        listCursor = index
        let open = index == episodeIndex && episode?.file == corpus.episodes[index].file ? episode : nil
        guard let whole = open ?? corpus.heldTranscript(of: index) else {
            if opening?.episode != index { outbox.append(.readTranscript(episode: index, file: corpus.episodes[index].file)) }
            opening = (index, then)
            return
        }
        opening = nil
        show(whole, at: index)
        for action in then { apply(action) }
    }

    /// The transcript asked for by `open`: shown if it is still the one wanted.
    mutating func received(_ episode: Episode, for index: Int, file: String) {
        guard let opening, opening.episode == index, corpus.episodes.indices.contains(index),
              corpus.episodes[index].file == file else { return }
        self.opening = nil
        show(episode, at: index)
        for action in opening.then { apply(action) }
    }

    private mutating func show(_ whole: Episode, at index: Int) {
        shownVersion += 1
        if index != episodeIndex || whole.file != episode?.file { mark = nil }
        episode = whole
        episodeIndex = index
        listCursor = index
        notesList = ScrollList()
        columns = TranscriptColumns(episode: whole)
        recomputeShown()
        // The scroll map costs a pass over the transcript: made here, once, not in a frame.
        if let height = transcriptRect?.height { _ = timeline.slices(whole, index: shownVersion, count: height) }
        if let saved = positions[Self.fileName(whole.file)] { restore(saved) }
        if let pattern = search?.pattern { runSearch(pattern) }
    }

    /// `o`: the episode's video at the current utterance's time.
    mutating func openVideo() {
        guard let episode else { return }
        let time = currentUtterance.map { episode.utterances[$0].start } ?? 0
        guard let video = episode.video, !video.isEmpty else {
            message = StatusMessage(text: "this episode has no video", isError: true)
            return
        }
        guard video.utf8.count <= VideoLink.longest else {
            message = StatusMessage(text: "the video link is \(video.utf8.count) bytes long; podread opens links of up to \(VideoLink.longest)", isError: true)
            return
        }
        guard let url = VideoLink.watchURL(video, at: time) else {
            message = StatusMessage(text: "the video link is not a web address: \(video)", isError: true)
            return
        }
        outbox.append(.openLink(url))
        message = StatusMessage(text: "video at \(TimeFormat.clock(time)): \(url)", isError: false)
    }

    /// Shows only the given people (keys from `SpeakerColors.key`); empty shows everyone.
    public mutating func applyFilter(_ keys: Set<String>, names: [String]) { setFilter(keys, names: names) }

    mutating func setFilter(_ keys: Set<String>, names: [String]) {
        let current = currentUtterance
        filter = keys
        filterNames = names
        recomputeShown()
        if let current, let index = shownIndex(atOrBefore: current) { showUtterance(at: index) } else { top = .start }
        if let pattern = search?.pattern { runSearch(pattern) }
    }

    private mutating func recomputeShown() {
        guard let episode else { shown = []; return }
        if filter.isEmpty {
            shown = Array(episode.utterances.indices)
        } else {
            let allowed = Set(episode.speakers.indices.filter { filter.contains(Self.personKey(episode.speakers[$0])) })
            shown = episode.utterances.indices.filter { allowed.contains(episode.utterances[$0].speakerIndex) }
        }
        top = .start
        current = 0
    }

    /// The episode index of the utterance at the top of the transcript pane.
    public var currentUtterance: Int? { shown.indices.contains(current) ? shown[current] : nil }

    /// The last shown utterance starting at or before the given utterance index.
    func shownIndex(atOrBefore utterance: Int) -> Int? {
        var low = 0, high = shown.count - 1, found: Int?
        while low <= high {
            let mid = (low + high) / 2
            if shown[mid] <= utterance { found = mid; low = mid + 1 } else { high = mid - 1 }
        }
        return found ?? (shown.isEmpty ? nil : 0)
    }

    /// Finds every match of `pattern` in the shown utterances.
    mutating func runSearch(_ pattern: String) {
        guard let episode, !pattern.isEmpty else { search = nil; return }
        let caseSensitive = SearchText.isCaseSensitive(pattern)
        let needle = SearchText.fold(pattern, caseSensitive: caseSensitive)
        var matches: [Search.Match] = []
        for (index, utterance) in shown.enumerated() {
            let paragraphs = wraps.folded(episode: shownVersion, utterance: utterance,
                                          paragraphs: episode.utterances[utterance].paragraphs, caseSensitive: caseSensitive)
            for (p, text) in paragraphs.enumerated() {
                let count = SearchText.count(needle, in: text)
                for occurrence in 0..<count { matches.append(Search.Match(index: index, paragraph: p, occurrence: occurrence)) }
            }
        }
        search = Search(pattern: pattern, caseSensitive: caseSensitive, matches: matches, current: nil)
    }
}
