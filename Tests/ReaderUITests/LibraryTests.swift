import Foundation
import Testing
@testable import TranscriptKit
@testable import ReaderUI

/// A library of two shows: Alpha Cast (#1 Apples, #2 Bananas) and Beta Talk (#1 Cherries,
/// #2 Dates, #3 Elderberries), in that order.
///
/// At 140×30 the list is 24 columns wide (its rows need 18; it gets at least 24), from
/// column 0, its rows from y 2: Alpha Cast's header (2), Apples (3), Bananas (4), Beta
/// Talk's header (5), Cherries (6), Dates (7), Elderberries (8). An episode row has its
/// marker at x 0, its number right-aligned in x 2–3, its title from x 5.
enum Library {
    /// `moreAlpha`: titles of Alpha Cast's episodes after Bananas (#3 on).
    static func corpus(betaTitle: String = "Beta Talk", moreAlpha: [String] = []) -> Corpus {
        let body = "[0:00:01] AL: one\n\n[0:00:05] BR: two\n"
        func episode(_ number: Int, _ title: String) -> String {
            Fixture.episode(number: number, title: title, hosts: ["Ann Lee", "Bob Ray"], body: body)
        }
        var files = ["alpha/1.md": episode(1, "Apples"), "alpha/2.md": episode(2, "Bananas"),
                     "beta/1.md": episode(1, "Cherries"), "beta/2.md": episode(2, "Dates"),
                     "beta/3.md": episode(3, "Elderberries")]
        for (offset, title) in moreAlpha.enumerated() { files["alpha/\(offset + 3).md"] = episode(offset + 3, title) }
        var corpus = Fixture.corpus(files)
        corpus.shows = ["lib/alpha": ShowInfo(title: "Alpha Cast", description: "Fruit from A to B.\n\nTwice a month.",
                                              link: "https://alpha.example/"),
                        "lib/beta": ShowInfo(title: betaTitle)]
        for index in corpus.episodes.indices { corpus.episodes[index].show = index < 2 + moreAlpha.count ? "lib/alpha" : "lib/beta" }
        return corpus
    }

    static func state(width: Int = 140, height: Int = 30) -> ReaderState { Fixture.state(corpus(), width: width, height: height) }

    /// A header's rule runs from a space after the title to the list's last column but one:
    /// x 12–22 after "Alpha Cast" (x 1–10), x 11–22 after "Beta Talk" (x 1–9).
    static func rule(_ width: Int) -> String { String(repeating: "─", count: width) }

    /// The list pane's columns of row `y`.
    static func listRow(_ grid: Grid, _ y: Int) -> String { String(grid.row(y).prefix(24)) }
}

@Suite struct LibraryListTests {
    @Test func showHeadersAboveTheirEpisodesAtExactCells() {
        let state = Library.state()
        let grid = render(state)
        #expect(grid.row(1).hasPrefix(" Episodes (5)"))
        #expect(Library.listRow(grid, 2) == " Alpha Cast " + Library.rule(11) + " ")
        #expect(Library.listRow(grid, 3) == "   1 Apples             ")
        #expect(Library.listRow(grid, 4) == "   2 Bananas            ")
        #expect(Library.listRow(grid, 5) == " Beta Talk " + Library.rule(12) + " ")
        #expect(Library.listRow(grid, 6) == "   1 Cherries           ")
        #expect(Library.listRow(grid, 7) == "   2 Dates              ")
        #expect(Library.listRow(grid, 8) == "   3 Elderberries       ")
        #expect(Library.listRow(grid, 9).allSatisfy { $0 == " " })
        // The header: the show's title bold in the accent colour, the rule as a section's.
        #expect(grid[1, 2].style == Style(foreground: .indexed(220), bold: true))
        #expect(grid[10, 2].style == state.theme.showHeader)
        #expect(grid[12, 2].style == Style(foreground: .indexed(244), dim: true))
        #expect(grid[22, 2].text == "─")
        // The cursor is on Apples (selected, focused), never on a header.
        #expect(state.listCursor == 0)
        #expect(grid[5, 3].style.background == .indexed(24))
        #expect(grid[5, 2].style.background == .default)
    }

    @Test func aPlainFolderHasNoHeaders() {
        let state = Fixture.state(Fixture.corpus(["a.md": Fixture.episode(number: 1, title: "Apples", hosts: ["Ann Lee"], body: "[0:00:01] AL: one\n"),
                                                  "b.md": Fixture.episode(number: 2, title: "Bananas", hosts: ["Ann Lee"], body: "[0:00:01] AL: two\n")]))
        let grid = render(state)
        #expect(Library.listRow(grid, 2).hasPrefix("   1 Apples"))
        #expect(Library.listRow(grid, 3).hasPrefix("   2 Bananas"))
    }

    @Test func theCursorPassesOverHeaders() {
        var state = Library.state()
        state.send(.down)
        #expect(state.listCursor == 1)
        state.send(.down)
        #expect(state.listCursor == 2)
        #expect(state.episodeList.cursor == 4)
        state.send(.up)
        #expect(state.listCursor == 1)
        #expect(state.episodeList.cursor == 2)
        state.send(.end)
        #expect(state.listCursor == 4)
        #expect(state.episodeList.cursor == 6)
        state.send(.home)
        #expect(state.listCursor == 0)
        #expect(state.episodeList.cursor == 1)
        #expect(state.listTop == 0)
    }

    /// At 140×6 the list shows three rows (y 2–4).
    @Test func pagesAndTheViewKeepTheShowsTitle() {
        var state = Library.state(height: 6)
        state.send(.end)
        var grid = render(state)
        #expect(Library.listRow(grid, 2).hasPrefix("   1 Cherries"))
        #expect(Library.listRow(grid, 4).hasPrefix("   3 Elderberries"))
        // Up to Cherries, the first of its show: its header comes into view above it.
        state.send(.up, .up)
        #expect(state.listCursor == 2)
        grid = render(state)
        #expect(Library.listRow(grid, 2).hasPrefix(" Beta Talk ─"))
        #expect(Library.listRow(grid, 3).hasPrefix("   1 Cherries"))
        #expect(Library.listRow(grid, 4).hasPrefix("   2 Dates"))
        // A page is two rows here. From Dates (row 5) up two rows is Beta Talk's header:
        // on up to Bananas.
        state.send(.down, .pageUp)
        #expect(state.listCursor == 1)
        // From Apples (row 1) down two rows is the header: on down to Cherries (row 4),
        // the view rows 2–4.
        state.send(.home, .pageDown)
        #expect(state.listCursor == 2)
        grid = render(state)
        #expect(Library.listRow(grid, 2).hasPrefix("   2 Bananas"))
        #expect(Library.listRow(grid, 3).hasPrefix(" Beta Talk ─"))
        #expect(grid[5, 4].style.background == .indexed(24))
    }

    @Test func digitsPreferTheCursorsShow() {
        var state = Library.state()
        state.type("2")
        #expect(state.listCursor == 1)   // Bananas, #2 of Alpha Cast
        state.send(.end)
        state.type("2")
        #expect(state.listCursor == 3)   // Dates, #2 of Beta Talk
        state.send(.home)
        state.type("3")
        #expect(state.listCursor == 4)   // no #3 in Alpha Cast: Elderberries
        #expect(state.episodeList.cursor == 6)
    }

    @Test func aFilterShowsOnlyTheHeadersOfShowsStillListed() {
        var state = Library.state()
        state.type("/err")
        #expect(state.listed == [2, 4])
        let grid = render(state)
        #expect(grid.row(1).hasPrefix(" Episodes (2 of 5: err)"))
        #expect(Library.listRow(grid, 2) == " Beta Talk " + Library.rule(12) + " ")
        #expect(Library.listRow(grid, 3) == "   1 Cherries           ")
        #expect(Library.listRow(grid, 4) == "   3 Elderberries       ")
        #expect(Library.listRow(grid, 5).allSatisfy { $0 == " " })
        // Apples was under the cursor and is hidden: the cursor is on the first listed.
        #expect(state.listCursor == 2)
        #expect(grid[5, 3].style.background == .indexed(24))
        state.send(.enter, .down)
        #expect(state.listCursor == 4)
    }

    @Test func clicksOpenTheEpisodeOnTheirRowAndHeadersDoNothing() {
        var state = Library.state()
        state.act(.mouse(Mouse(.click, x: 8, y: 7)))
        #expect(state.listCursor == 3)
        #expect(state.episodeIndex == 3)
        #expect(state.episode?.title == "Dates")
        state.act(.mouse(Mouse(.click, x: 3, y: 5)))
        #expect(state.listCursor == 3)
        #expect(state.episodeIndex == 3)
        state.act(.mouse(Mouse(.click, x: 3, y: 2)))
        #expect(state.listCursor == 3)
        state.act(.mouse(Mouse(.click, x: 3, y: 3)))
        #expect(state.episode?.title == "Apples")
    }

    /// At 140×6 the list shows three rows; the wheel moves them three at a time.
    @Test func theWheelKeepsTheCursorOnAnEpisode() {
        var state = Library.state(height: 6)
        state.act(.mouse(Mouse(.wheelDown, x: 3, y: 3)))
        // The view from row 3 (Beta Talk's header): the cursor, pushed down, passes it.
        #expect(state.listTop == 3)
        #expect(state.listCursor == 2)
        var grid = render(state)
        #expect(Library.listRow(grid, 2).hasPrefix(" Beta Talk ─"))
        #expect(grid[5, 3].style.background == .indexed(24))
        state.act(.mouse(Mouse(.wheelDown, x: 3, y: 3)))
        #expect(state.listTop == 4)
        #expect(state.listCursor == 2)
        // Up to rows 1–3: the cursor, pulled up to the header at row 3, goes to Bananas.
        state.act(.mouse(Mouse(.wheelUp, x: 3, y: 3)))
        #expect(state.listTop == 1)
        #expect(state.listCursor == 1)
        grid = render(state)
        #expect(Library.listRow(grid, 2).hasPrefix("   1 Apples"))
        #expect(Library.listRow(grid, 4).hasPrefix(" Beta Talk ─"))
    }

    /// After an update the corpus is read again, with an episode more in Alpha Cast: the
    /// headers move with it and the cursor stays on its episode.
    @Test func headersFollowTheCorpusReadAgain() {
        var state = Library.state()
        state.send(.end, .up)
        #expect(state.listCursor == 3)
        state.act(.corpusLoaded(Delivered(Library.corpus(moreAlpha: ["Apricots"]))))
        #expect(state.listCursor == 4)
        #expect(state.episodeList.cursor == 6)
        let grid = render(state)
        #expect(grid.row(1).hasPrefix(" Episodes (6)"))
        #expect(Library.listRow(grid, 2).hasPrefix(" Alpha Cast ─"))
        #expect(Library.listRow(grid, 5) == "   3 Apricots           ")
        #expect(Library.listRow(grid, 6) == " Beta Talk " + Library.rule(12) + " ")
        #expect(Library.listRow(grid, 8) == "   2 Dates              ")
        #expect(grid[5, 8].style.background == .indexed(24))
        #expect(Library.listRow(grid, 9).hasPrefix("   3 Elderberries"))
    }

    @Test func showTitlesAreSanitised() {
        let state = Fixture.state(Library.corpus(betaTitle: "Beta\u{1B}[2J\u{07}Talk"))
        let grid = render(state)
        #expect(Library.listRow(grid, 5).hasPrefix(" Beta"))
        #expect(!grid.text.contains("\u{1B}"))
        #expect(!grid.text.contains("\u{07}"))
    }
}

@Suite struct LibraryNotesTests {
    @Test func theNotesEndWithTheShow() throws {
        var state = Library.state()
        let texts = state.noteLines.map { $0.spans.map(\.text).joined() }
        let about = try #require(texts.firstIndex(of: " ABOUT THE SHOW"))
        #expect(texts[about - 1].isEmpty)
        #expect(Array(texts[(about + 1)...].prefix(4)) == [" Alpha Cast", " Fruit from A to B.", " Twice a month.", " https://alpha.example/"])
        #expect(state.noteLines[about + 4].link == "https://alpha.example/")
        #expect(state.noteLines[about + 4].spans.last?.style == state.theme.link)
        // On screen, in the notes pane (from x 105).
        let grid = render(state)
        let heading = try #require(grid.find("ABOUT THE SHOW"))
        #expect(heading.x == 106)
        #expect(grid.row(heading.y + 1).dropFirst(105).hasPrefix(" Alpha Cast"))
        // The link opens as the notes' others do.
        state.send(.tab, .tab)
        for _ in 0..<(about + 4) { state.send(.down) }
        #expect(state.send(.enter) == [.openLink("https://alpha.example/")])
        // Beta Talk has no description nor link: its title alone.
        state.send(.tab, .end, .enter)
        let beta = state.noteLines.map { $0.spans.map(\.text).joined() }
        let start = try #require(beta.firstIndex(of: " ABOUT THE SHOW"))
        #expect(beta[(start + 1)...].first == " Beta Talk")
        #expect(beta.count == start + 2 || beta[start + 2].isEmpty)
    }

    @Test func aPlainFolderHasNoShow() {
        let state = Fixture.state(Fixture.corpus(["a.md": Fixture.episode(number: 1, title: "Apples", hosts: ["Ann Lee"], body: "[0:00:01] AL: one\n")]))
        #expect(!state.noteLines.contains { $0.spans.map(\.text).joined().contains("ABOUT THE SHOW") })
    }
}

/// The status bar (y 29) starts with the open episode's clock, " 0:01 / 0:05 " (x 0–12),
/// and a space (x 13): what follows starts at x 14.
@Suite struct LibraryUpdateTests {
    @Test func uAsksForOneUpdate() {
        var state = Library.state()
        #expect(state.send(.char("U")) == [.updateLibrary])
        #expect(state.libraryUpdate == LibraryUpdateProgress(showsDone: 0, showsTotal: 2))
        #expect(state.send(.char("U")) == [])
        #expect(state.message == StatusMessage(text: "the library is already being updated (0/2 shows)", isError: false))
        state.act(.libraryUpdateFinished(LibraryUpdateOutcome(showsUpdated: 2, newEpisodes: 0, newTranscripts: 0)))
        #expect(state.send(.char("U")) == [.updateLibrary])
    }

    @Test func progressInTheStatusBarAtExactCells() {
        var state = Library.state()
        state.send(.char("U"))
        var grid = render(state)
        #expect(grid.row(29).hasPrefix(" 0:01 / 0:05   Updating 0/2 shows "))
        let progress = LibraryUpdateProgress(showsDone: 1, showsTotal: 2, currentShow: "Beta Talk", newEpisodes: 14, failures: 1)
        #expect(state.act(.libraryUpdateProgress(progress)) == [])
        grid = render(state)
        let text = " Updating 1/2 shows: Beta Talk · 14 new · 1 failed "
        #expect(grid.row(29).hasPrefix(" 0:01 / 0:05  " + text))
        // " Updating 1/2 shows: " x 14–34, "Beta Talk" 35–43, " · 14 new · " 44–55, "1 failed" 56–63.
        #expect(grid[14, 29].style == state.theme.statusAccent)
        #expect(grid[35, 29].text == "B")
        #expect(grid[35, 29].style == state.theme.statusAccent)
        #expect(grid[55, 29].style == state.theme.statusAccent)
        #expect(grid[56, 29].text == "1")
        #expect(grid[56, 29].style == state.theme.statusError)
        #expect(grid[63, 29].style == state.theme.statusError)
        #expect(grid[64, 29].style == state.theme.statusAccent)
        // A key clears a message, not the progress.
        state.send(.down)
        #expect(render(state).row(29).hasPrefix(" 0:01 / 0:05  " + text))
    }

    @Test func aFeedsTextIsSanitisedInTheStatusBar() {
        var state = Library.state()
        state.send(.char("U"))
        state.act(.libraryUpdateProgress(LibraryUpdateProgress(showsDone: 0, showsTotal: 2, currentShow: "Evil\u{1B}]52;c;aGk=\u{07}Show")))
        let bar = render(state).row(29)
        #expect(bar.contains("Updating 0/2 shows: Evil"))
        #expect(!bar.contains("\u{1B}"))
        #expect(!bar.contains("\u{07}"))
    }

    @Test func theSummaryWhenFinished() {
        var state = Library.state()
        state.send(.char("U"))
        let outcome = LibraryUpdateOutcome(showsUpdated: 1, newEpisodes: 12, newTranscripts: 9, failures: 1, firstFailure: "beta: HTTP 404")
        #expect(state.act(.libraryUpdateFinished(outcome)) == [])
        #expect(state.libraryUpdate == nil)
        var grid = render(state)
        let summary = "Updated 1 show: 12 new episodes, 9 transcripts; 1 failed: beta: HTTP 404 "
        #expect(grid.row(29).hasPrefix(" 0:01 / 0:05  " + summary))
        #expect(grid[13, 29].style == state.theme.statusBar)
        #expect(grid[14, 29].style == state.theme.statusError)
        #expect(grid[14 + summary.count - 1, 29].style == state.theme.statusError)
        #expect(!grid.row(29).contains("Updating"))

        state.send(.char("U"))
        state.act(.libraryUpdateFinished(LibraryUpdateOutcome(showsUpdated: 2, newEpisodes: 1, newTranscripts: 0)))
        grid = render(state)
        #expect(grid.row(29).hasPrefix(" 0:01 / 0:05  Updated 2 shows: 1 new episode, 0 transcripts "))
        #expect(grid[14, 29].style == state.theme.statusBar)
    }

    @Test func notALibrary() {
        var state = Fixture.state(Fixture.corpus(["a.md": Fixture.episode(number: 1, title: "Apples", hosts: ["Ann Lee"], body: "[0:00:01] AL: one\n\n[0:00:05] AL: two\n"),
                                                  "b.md": Fixture.episode(number: 2, title: "Bananas", hosts: ["Ann Lee"], body: "[0:00:01] AL: two\n")]))
        #expect(state.send(.char("U")) == [])
        #expect(state.libraryUpdate == nil)
        let bar = render(state).row(29)
        #expect(bar.hasPrefix(" 0:01 / 0:05  this folder is not a library of shows: add one with podread add URL"))
    }

    @Test func uIsInTheKeyMapOnce() {
        let bound = KeyMap.bindings.filter { $0.keys.contains(.char("U")) }
        #expect(bound.map(\.command) == [.updateLibrary])
        #expect(KeyMap.command(for: .char("U")) == .updateLibrary)
    }
}

@Suite struct EpisodeWithoutTranscriptTests {
    /// A feed's item without a transcript is a page of front matter only (`transcript: none`):
    /// the reader says the feed gave none, not that a transcript is missing or broken.
    @Test func theTranscriptPaneSaysTheFeedGaveNone() {
        let page = "---\nepisode_id: x-1\ntitle: Notes only\nnotes: Read me.\ntranscript: none\n---\n"
        let corpus = Fixture.corpus(["notes-only.md": page])
        #expect(corpus.episodes[0].diagnostics.isEmpty)
        let text = (0..<30).map { render(Fixture.state(corpus)).row($0) }.joined(separator: "\n")
        #expect(text.contains("The feed gives no transcript for this episode"))
        #expect(!text.contains("No transcript in this episode"))
    }
}
