import Foundation
import Testing
import TranscriptKit
@testable import ReaderUI

@Suite struct UpdateTests {
    func statusBar(_ state: ReaderState) -> String { render(state).row(state.height - 1) }

    @Test func jumpToATimestamp() throws {
        var state = Fixture.state()
        state.send(.tab, .char("t"))
        state.type("0:20:32")
        #expect(statusBar(state).hasPrefix(" Jump to (12:30, 1:02:03, 750, +2m, -30s): 0:20:32"))
        state.send(.enter)
        // [00:20:32] BL is line 206 of the file.
        let episode = try #require(state.episode)
        #expect(episode.utterances[try #require(state.currentUtterance)].line == 206)
        let grid = render(state)
        #expect(grid.row(2).dropFirst(34).hasPrefix("▌20:32  Bryan Liles"))
        #expect(statusBar(state).hasPrefix(" 20:32 / 50:00  jumped to 20:32"))
        // Relative jumps from there.
        state.send(.char("t")); state.type("+25s"); state.send(.enter)
        #expect(episode.utterances[try #require(state.currentUtterance)].line == 208)   // [00:20:57] D
        state.send(.char("t")); state.type("750"); state.send(.enter)
        #expect(episode.utterances[try #require(state.currentUtterance)].timestamp == "00:11:44")
    }

    @Test func badJumpsGiveAMessageNotAJump() throws {
        var state = Fixture.state()
        state.send(.tab, .char("t")); state.type("soon"); state.send(.enter)
        #expect(state.current == 0)
        #expect(state.message?.isError == true)
        #expect(statusBar(state).contains("'soon' is not a time"))
        state.send(.char("t")); state.type("1:00:00"); state.send(.enter)
        #expect(state.current == 0)
        #expect(statusBar(state).contains("1:00:00 is past the end (last timestamp 50:00)"))
        // Esc closes the prompt without jumping.
        state.send(.char("t")); state.type("10:00"); state.send(.escape)
        #expect(state.prompt == nil && state.current == 0)
    }

    @Test func stepByUtteranceAndBySpeaker() throws {
        var state = Fixture.state()
        let episode = try #require(state.episode)
        state.send(.tab, .char("]"), .char("]"))
        #expect(state.currentUtterance == 2)
        state.send(.char("["))
        #expect(state.currentUtterance == 1)
        // Utterance 1 is JR; the next by someone else is CC at index 2, then JR again at 3.
        state.send(.char("}"))
        #expect(episode.utterances[try #require(state.currentUtterance)].tag == "CC")
        state.send(.char("{"))
        #expect(episode.utterances[try #require(state.currentUtterance)].tag == "JR")
    }

    @Test func filterBySpeakerFollowsThePerson() throws {
        let a = Fixture.episode(number: 1, title: "A", hosts: ["Ann Lee", "Bob Ray"],
                                body: "[0:00:01] AL: one\n\n[0:00:02] BR: two\n\n[0:00:03] AL: three\n")
        let b = Fixture.episode(number: 2, title: "B", hosts: ["Bob Ray", "Ann Lee"],
                                body: "[0:00:01] BR: uno\n\n[0:00:02] ANN: dos\n\n[0:00:03] BR: tres\n")
        var state = Fixture.state(Fixture.corpus(["a.md": a, "b.md": b]))
        state.send(.tab, .char("s"))
        var grid = render(state)
        #expect(grid.contains("[ ] ██ Ann Lee"))
        // Ann has two utterances and comes first; tick her and apply.
        state.send(.char(" "), .enter)
        #expect(state.shown == [0, 2])
        grid = render(state)
        #expect(grid.contains("one") && grid.contains("three") && !grid.contains("two"))
        #expect(statusBar(state).contains("only: Ann Lee"))
        // Timestamps stay as they were.
        #expect(grid.contains("0:03  Ann Lee"))
        // In episode B she is tagged ANN: the filter follows her.
        state.send(.backTab, .down, .enter)
        #expect(state.episodeIndex == 1)
        #expect(state.shown == [1])
        #expect(render(state).contains("dos"))
        state.send(.char("S"))
        #expect(state.shown == [0, 1, 2])
        #expect(!statusBar(state).contains("only:"))
    }

    @Test func incrementalSearchWithCounts() throws {
        var state = Fixture.state()
        state.send(.tab, .char("/"))
        state.type("stat")
        #expect(state.search != nil)
        state.type("e")
        // grep -oi state over the transcript text of data/009: 163 occurrences.
        #expect(state.search?.matches.count == 163)
        #expect(statusBar(state).hasSuffix("1/163 "))
        state.send(.enter)
        #expect(statusBar(state).contains("/state 1/163"))
        state.send(.char("n"), .char("n"))
        #expect(statusBar(state).contains("/state 3/163"))
        state.send(.char("N"))
        #expect(statusBar(state).contains("/state 2/163"))
        let grid = render(state)
        #expect(grid.cells.contains { $0.style == state.theme.currentMatch })
        #expect(grid.cells.contains { $0.style == state.theme.match })
        // A capital makes it case-sensitive: "State" appears 6 times.
        state.send(.char("/")); state.type("State"); state.send(.enter)
        #expect(state.search?.matches.count == 6)
        // Accents are ignored both ways.
        state.send(.char("/")); state.type("nóva"); state.send(.enter)
        #expect(state.search?.matches.isEmpty == true)
        #expect(statusBar(state).contains("pattern not found: nóva"))
    }

    @Test func searchIgnoresDiacritics() {
        let body = "[0:00:01] KN: I’m Kris Nóva and Nova\n\n[0:00:02] KN: NOVA shouts\n"
        var state = Fixture.state(Fixture.corpus(["a.md": Fixture.episode(number: 1, title: "A", hosts: ["Kris Nóva"], body: body)]))
        state.send(.char("/")); state.type("nova"); state.send(.enter)
        #expect(state.search?.matches.count == 3)
        state.send(.char("/")); state.type("Nova"); state.send(.enter)
        #expect(state.search?.matches.count == 2)
    }

    @Test func scrollingKeysAndClamping() throws {
        var state = Fixture.state(width: 140, height: 30)
        #expect(state.focus == .transcript)   // one episode: the reader starts in the transcript
        state.send(.char("j"), .char("j"))
        #expect(state.top == TranscriptPosition(index: 0, row: 2))
        state.send(.ctrl("d"))
        let afterHalf = state.top
        state.send(.ctrl("u"))
        #expect(state.top == TranscriptPosition(index: 0, row: 2))
        #expect(afterHalf != state.top)
        state.send(.char("G"))
        let bottom = state.top
        state.send(.pageDown, .down, .char("j"))
        #expect(state.top == bottom)
        let grid = render(state)
        #expect(grid.contains("Thank you for listening"))
        state.send(.char("g"))
        #expect(state.top == .start)
        state.send(.pageDown)
        #expect(state.top != .start)
    }

    @Test func focusAndListNavigation() throws {
        var episodes: [String: String] = [:]
        for n in 1...40 { episodes["\(100 + n).md"] = Fixture.episode(number: n, title: "Episode \(n)", hosts: ["Ann Lee"], body: "[0:00:01] AL: hi \(n)\n") }
        var state = Fixture.state(Fixture.corpus(episodes), width: 140, height: 20)
        #expect(state.focus == .episodes)
        state.send(.char("G"))
        #expect(state.listCursor == 39)
        #expect(render(state).contains("Episode 40"))
        state.send(.enter)
        #expect(state.episodeIndex == 39)
        #expect(render(state).contains("hi 40"))
        state.send(.tab); #expect(state.focus == .transcript)
        state.send(.tab); #expect(state.focus == .notes)
        state.send(.tab); #expect(state.focus == .episodes)
        state.send(.backTab); #expect(state.focus == .notes)
        #expect(state.send(.char("q")).last == .quit)
    }

    @Test func relatedEpisodesOpenFromTheNotes() throws {
        let a = Fixture.episode(number: 1, title: "First", hosts: ["Ann Lee"], body: "[0:00:01] AL: a\n", related: ["ep-2", "missing-id"])
        let b = Fixture.episode(number: 2, title: "Second", hosts: ["Ann Lee"], body: "[0:00:01] AL: b\n")
        var state = Fixture.state(Fixture.corpus(["a.md": a, "b.md": b]))
        let grid = render(state)
        #expect(grid.contains("→ #2 Second"))
        #expect(grid.contains("→ missing-id (not in this folder)"))
        let lines = state.notes.lines(for: state, width: 35)
        let target = try #require(lines.firstIndex { $0.opens == 1 })
        state.send(.backTab)
        for _ in 0..<target { state.send(.down) }
        state.send(.enter)
        #expect(state.episodeIndex == 1)
    }

    @Test func mouseWheelAndClicks() throws {
        var episodes: [String: String] = [:]
        for n in 1...5 { episodes["\(n).md"] = Fixture.episode(number: n, title: "Episode \(n)", hosts: ["Ann Lee"], body: "[0:00:01] AL: hi \(n)\n") }
        var state = Fixture.state(Fixture.corpus(episodes))
        // Click the third episode in the list (rows start at y = 2).
        update(&state, .mouse(Mouse(.click, x: 5, y: 4)))
        #expect(state.episodeIndex == 2)
        var data = Fixture.state()
        update(&data, .mouse(Mouse(.wheelDown, x: 60, y: 10)))
        #expect(data.top == TranscriptPosition(index: 0, row: 3))
        update(&data, .mouse(Mouse(.wheelUp, x: 60, y: 10)))
        #expect(data.top == .start)
        update(&data, .mouse(Mouse(.click, x: 60, y: 10)))
        #expect(data.focus == .transcript)
    }

    @Test func resizeKeepsThePlace() throws {
        var state = Fixture.state()
        state.send(.tab, .char("t")); state.type("30:00"); state.send(.enter)
        let current = state.currentUtterance
        for (w, h) in [(1, 1), (80, 24), (30, 8), (300, 100), (140, 30)] {
            update(&state, .resize(width: w, height: h))
            _ = render(state)
        }
        #expect(state.currentUtterance == current)
    }
}

@Suite struct CorpusSearchInTheReaderTests {
    @Test func escapeStopsASearchUnderWay() {
        let a = Fixture.episode(number: 1, title: "A", hosts: ["Ann Lee"], body: "[0:00:01] AL: words\n")
        var state = Fixture.state(Fixture.corpus(["a.md": a]))
        state.send(.char("F"))
        state.type("words")
        state.send(.enter)
        let id = state.corpusSearch?.id ?? -1
        #expect(state.send(.escape) == [.stopCorpusSearch(id: id)])
        #expect(state.corpusSearch == nil)
        #expect(render(state).row(state.height - 1).contains("stopped searching for words"))
        update(&state, .corpusSearchFinished(id: id, hits: [], total: 0))
        #expect(state.overlay == nil)
    }

    @Test func findInEveryEpisodeAndOpenTheMatch() throws {
        let a = Fixture.episode(number: 1, title: "A", hosts: ["Ann Lee", "Bob Ray"],
                                body: "[0:00:01] AL: nothing here\n\n[0:00:02] BR: a stateful set\n")
        let b = Fixture.episode(number: 2, title: "B", hosts: ["Ann Lee"],
                                body: "[0:00:01] AL: intro\n\n[0:00:05] AL: more\n\n[0:09:00] AL: Stateful Sets again\n")
        var state = Fixture.state(Fixture.corpus(["a.md": a, "b.md": b]))
        state.send(.char("F"))
        #expect(render(state).row(state.height - 1).hasPrefix(" Search all episodes: "))
        // Searched as it is typed: each letter asks again, and stops the search before.
        let asked = state.type("\"stateful set\"")
        let searches = asked.compactMap { effect -> String? in
            if case let .searchCorpus(search) = effect { return search.text }
            return nil
        }
        #expect(searches.first == "\"" && searches.last == "\"stateful set\"")
        #expect(asked.filter { if case .stopCorpusSearch = $0 { return true }; return false }.count == searches.count - 1)
        #expect(state.send(.enter).isEmpty)     // the search of these words is under way
        // The search runs in the background: the status bar says so until it ends.
        #expect(state.overlay == nil)
        #expect(render(state).row(state.height - 1).contains("searching all episodes for \"stateful set\"… (Esc stops)"))
        let id = try #require(state.corpusSearch?.id)
        update(&state, .corpusSearchProgress(id: id, indexed: 1, of: 2))
        #expect(render(state).row(state.height - 1).contains("indexing for search: 1/2 episodes changed since the last search (Esc stops)"))
        // A report from an earlier, stopped search changes nothing.
        update(&state, .corpusSearchFinished(id: id - 1, hits: [], total: 0))
        #expect(state.corpusSearch != nil)
        state.finishCorpusSearch()
        guard case let .results(results)? = state.overlay else { Issue.record("no results window"); return }
        #expect(results.hits.map { [$0.episode, $0.utterance] } == [[0, 1], [1, 2]])
        var grid = render(state)
        #expect(grid.contains("2 in 2 episode(s): \"stateful set\""))
        // A heading per episode, its hits under it.
        #expect(grid.text.contains("#1  A  1"))
        #expect(grid.text.contains("#2  B  1"))
        #expect(grid.text.contains("   9:00     Ann Lee"))
        state.send(.down, .enter)
        #expect(state.overlay == nil)
        #expect(state.episodeIndex == 1)
        #expect(state.currentUtterance == 2)
        #expect(state.focus == .transcript)
        grid = render(state)
        let match = try #require(grid.find("Stateful Sets"))
        #expect(grid[match.x, match.y].style == state.theme.currentMatch)
        // Nothing found: a message, no window.
        state.send(.char("F")); state.type("zzz"); state.send(.enter); state.finishCorpusSearch()
        #expect(state.overlay == nil)
        #expect(state.message?.text == "not found in any episode: zzz")
        // What the program could not search: its reason.
        state.send(.char("F")); state.type("-zzz"); state.send(.enter)
        update(&state, .corpusSearchFailed(id: try #require(state.corpusSearch?.id), problem: "nothing to search for"))
        #expect(state.corpusSearch == nil && state.message == StatusMessage(text: "nothing to search for", isError: true))
    }

    @Test func resultsComeAsTheWordsAreTyped() throws {
        let a = Fixture.episode(number: 1, title: "A", hosts: ["Ann Lee"], body: "[0:00:01] AL: clusters of words\n")
        var state = Fixture.state(Fixture.corpus(["a.md": a]))
        state.send(.char("F"))
        state.type("clu")
        // Beside the words: the index being brought up to date, at the right.
        update(&state, .corpusSearchProgress(id: try #require(state.corpusSearch?.id), indexed: 3, of: 10))
        let bar = render(state).row(state.height - 1)
        #expect(bar.hasPrefix(" Search all episodes: clu"))
        #expect(bar.hasSuffix("indexing 3/10 "))
        state.finishCorpusSearch()
        // The results show under the prompt, which still takes the keys.
        guard case let .results(results)? = state.overlay else { Issue.record("no results while typing"); return }
        #expect(results.text == "clu" && results.hits.count == 1)
        #expect(state.prompt?.text == "clu")
        #expect(render(state).contains("1 in 1 episode(s): clu"))
        state.type("z")
        state.finishCorpusSearch()
        #expect(state.overlay == nil && state.prompt?.text == "cluz")
        // Back to what matched, Enter: the prompt closes on the results shown, no new search.
        state.send(.backspace)
        state.finishCorpusSearch()
        #expect(state.send(.enter).isEmpty)
        #expect(state.prompt == nil)
        guard case .results? = state.overlay else { Issue.record("the results went"); return }
        // Esc in the prompt stops the search and closes the results.
        state.send(.escape, .char("F"))
        state.type("wor")
        #expect(state.corpusSearch != nil)
        state.send(.escape)
        #expect(state.corpusSearch == nil && state.prompt == nil)
    }
}

/// A large corpus on a first start: listed from its front matter, filled in when read.
@Suite struct FrontMatterFirstInTheReaderTests {
    @Test func listFirstThenTheWholeCorpus() throws {
        let dir = NSTemporaryDirectory() + "podread-partial-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = Fixture.episode(number: 1, title: "Alpha", hosts: ["Ann Lee"], body: "[0:00:01] AL: one\n")
        let b = Fixture.episode(number: 2, title: "Beta", hosts: ["Ann Lee", "Bob Ray"],
                                body: (1...40).map { "[0:\(String(format: "%02d", $0)):00] \($0 % 2 == 0 ? "AL" : "BR"): line \($0)\n\n" }.joined())
        try Data(a.utf8).write(to: URL(fileURLWithPath: dir + "/001-a.md"))
        try Data(b.utf8).write(to: URL(fileURLWithPath: dir + "/002-b.md"))

        let partial = try CorpusLoader.loadFrontMatter(directory: dir)
        var state = Fixture.state(partial)
        update(&state, .corpusLoadProgress(done: 1, total: 2))
        var grid = render(state)
        #expect(grid.contains("Alpha"))
        #expect(grid.contains("Beta"))
        #expect(grid.row(state.height - 1).contains("reading transcripts 1/2"))

        // Searching every episode waits for the transcripts.
        state.send(.char("F"))
        state.type("line")
        state.send(.enter)
        #expect(state.corpusSearch == nil)
        #expect(render(state).row(state.height - 1).contains("still reading the transcripts (1/2)"))

        // An episode opens before the rest is read, and keeps its place when it is.
        state.send(.down, .enter)
        state.focus = .transcript
        state.send(.pageDown)
        let (index, top, current) = (state.episodeIndex, state.top, state.current)
        #expect(index == 1)
        #expect(current > 0)
        // Words typed into F before the transcripts are read are searched once they are.
        state.send(.char("F"))
        state.type("line")
        #expect(state.corpusSearch == nil)
        let asked = state.act(.corpusLoaded(Delivered(try CorpusLoader.load(directory: dir, transcripts: false, after: partial))))
        #expect(asked.contains { if case let .searchCorpus(search) = $0 { return search.text == "line" }; return false })
        state.send(.escape)
        #expect(!state.corpus.isPartial)
        #expect(state.loading == nil)
        #expect(state.episodeIndex == index)
        #expect(state.top == top)
        #expect(state.current == current)
        grid = render(state)
        #expect(!grid.row(state.height - 1).contains("reading transcripts"))
        #expect(grid.contains("Bob Ray"))
        #expect(state.corpus.episodes[0].utteranceCount == 1)
    }
}

@Suite struct VideoKeyTests {
    @Test func oAsksForTheVideoAtTheCurrentUtterance() {
        var state = Fixture.state()
        state.focus = .transcript
        state.send(.char("t"))
        state.type("20:32")
        state.send(.enter)
        // data/009 has `video: https://www.youtube.com/embed/42FP22MpdxM`; 20:32 is 1232 s.
        #expect(state.send(.char("o")) == [.openLink("https://www.youtube.com/watch?v=42FP22MpdxM&t=1232s")])
        #expect(render(state).row(state.height - 1).contains("video at 20:32: https://www.youtube.com/watch?v=42FP22MpdxM&t=1232s"))
    }

    @Test func noVideoSaysSo() {
        let a = Fixture.episode(number: 1, title: "A", hosts: ["Ann Lee"], body: "[0:00:01] AL: words\n")
        var state = Fixture.state(Fixture.corpus(["a.md": a]))
        #expect(state.send(.char("o")).isEmpty)
        #expect(render(state).row(state.height - 1).contains("this episode has no video"))
    }
}

/// Remembered places and bookmarks, as state: what `m`, `'` and opening episodes change.
@Suite struct BookmarkTests {
    @Test func bookmarksAndPlacesAreRemembered() throws {
        var state = Fixture.state()
        state.remember(ReaderMemory(), key: "/corpus")
        state.focus = .transcript
        state.send(.char("t"))
        state.type("20:32")
        state.send(.enter)
        let at = try #require(state.currentUtterance)
        state.send(.char("m"))
        #expect(render(state).row(state.height - 1).contains("Bookmark here, with a note"))
        state.type("operators")
        var changes = state.send(.enter).memoryChanges
        #expect(state.bookmarks.map(\.note) == ["operators"])
        #expect(state.bookmarks.first?.position == ReadingPosition(utterance: at, time: 1232))
        let made = state.bookmarks[0]
        #expect(changes == [.added(made)])
        #expect(render(state).row(state.height - 1).contains("bookmarked 20:32 in Stateful and Stateless Workloads"))

        // Elsewhere, then back through the list.
        state.send(.char("g"))
        #expect(state.currentUtterance == 0)
        state.send(.char("'"))
        let grid = render(state)
        #expect(grid.contains("Bookmarks — Enter opens, d deletes, Esc closes"))
        #expect(grid.contains("#9    20:32   Stateful and Stateless Worklo…  operators"))
        state.send(.enter)
        #expect(state.overlay == nil)
        #expect(state.currentUtterance == at)

        // Deleting it is a change to write too.
        changes = state.send(.char("'"), .char("d")).memoryChanges
        #expect(state.bookmarks.isEmpty)
        #expect(state.overlay == nil)
        #expect(changes == [.removed(made)])

        // Where the episode was left is saved as the reader moves, and reopening it goes back there.
        state.send(.char("t"))
        state.type("40:00")
        changes = state.send(.enter).memoryChanges
        guard case let .left(file, position)? = changes.last else { Issue.record("no position"); return }
        #expect(file == "009-stateful-and-stateless.md")
        #expect(position.time <= 2400 && position.time > 2300)
        var memory = ReaderMemory()
        for change in changes { change.apply(to: &memory, corpus: "/corpus") }
        #expect(memory.corpora["/corpus"]?.lastEpisode == file)
        var again = Fixture.state()
        again.remember(memory, key: "/corpus")
        #expect(again.currentUtterance == position.utterance)
    }

    @Test func withoutStateThereAreNoBookmarks() {
        var state = Fixture.state()
        state.send(.char("m"))
        #expect(state.prompt == nil)
        #expect(render(state).row(state.height - 1).contains("bookmarks are off (--no-state)"))
        state.send(.char("'"))
        #expect(state.overlay == nil)
    }
}

/// Times typed at `t` over the whole range: never a trap, always a message.
@Suite struct JumpRangeTests {
    @Test func hugeNegativeAndOddTimesAreMessages() {
        for input in ["99999999999999999999", "1e308", "nan", "inf", "+99999999999h", "1000:00:01", "9.3e18"] {
            var state = Fixture.state()
            state.open(episode: 0)
            update(&state, .key(.char("t")))
            state.type(input)
            update(&state, .key(.enter))
            #expect(state.message?.isError == true, "\(input)")
        }
        // Back further than the start is the start.
        var state = Fixture.state()
        state.open(episode: 0)
        update(&state, .key(.char("t")))
        state.type("-99999")
        update(&state, .key(.enter))
        #expect(state.message?.text == "jumped to 0:00")
    }
}

/// The whole corpus arriving while a transcript is being read: the transcript, read from
/// the partial corpus, is still shown when it comes, in whichever order the two arrive.
@Suite struct TranscriptWhileLoadingTests {
    @Test(arguments: [false, true])
    func aTranscriptReadBeforeTheCorpusIsShown(corpusFirst: Bool) throws {
        let dir = NSTemporaryDirectory() + "podread-partial-read-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for n in 1...3 {
            let body = "[0:00:01] AL: words of \(n)\n"
            try Data(Fixture.episode(number: n, title: "E\(n)", hosts: ["Ann Lee"], body: body).utf8)
                .write(to: URL(fileURLWithPath: dir + "/00\(n).md"))
        }
        let partial = try CorpusLoader.loadFrontMatter(directory: dir)
        var state = Fixture.state(partial)
        var asked = update(&state, .start)
        // Episode 3, clicked while the first is still being read.
        state.focus = .episodes
        asked += update(&state, .key(.char("3")))
        asked += update(&state, .key(.enter))
        let reads = asked.compactMap { effect -> (Int, String)? in
            if case let .readTranscript(index, file) = effect { return (index, file) }
            return nil
        }
        #expect(reads.map(\.0) == [0, 2])
        let full = try CorpusLoader.load(directory: dir, transcripts: false, after: partial)
        let read = Delivered(partial.transcript(of: 2))
        if corpusFirst { update(&state, .corpusLoaded(Delivered(full))) }
        update(&state, .transcriptRead(episode: 2, file: reads[1].1, read))
        if !corpusFirst { update(&state, .corpusLoaded(Delivered(full))) }
        #expect(state.opening == nil)
        #expect(state.episodeIndex == 2)
        #expect(render(state).text.contains("words of 3"))
    }
}

/// Keys pressed while a transcript is being read: a jump waits for it.
@Suite struct WhileReadingTests {
    @Test func aJumpWaitsForTheTranscript() throws {
        let summary = Fixture.dataCorpus.episodes[0]
        let corpus = Corpus(directory: Fixture.data, episodes: [summary])
        var state = Fixture.state(corpus)
        let asked = update(&state, .start)
        guard case let .readTranscript(index, file)? = asked.first else { Issue.record("no read asked for"); return }
        #expect(render(state).text.contains("Reading the transcript of Stateful and Stateless Workloads…"))
        #expect(render(state).text.contains("110 utterances"))
        state.send(.char("t")); state.type("20:32")
        update(&state, .key(.enter))
        #expect(state.message?.text == "jumping to 20:32 when the transcript is read")
        update(&state, .key(.char("i")))
        #expect(state.overlay == nil)
        update(&state, .transcriptRead(episode: index, file: file, Delivered(corpus.transcript(of: index))))
        guard case let .statistics(window)? = state.overlay else { Issue.record("no statistics window"); return }
        #expect(window.speakers.count == 6)   // data/009's five hosts and the announcer
        #expect(state.episode?.utterances[state.currentUtterance ?? 0].timestamp == "00:20:32")
    }
}
