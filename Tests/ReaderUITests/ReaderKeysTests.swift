import Foundation
import Testing
import TranscriptKit
@testable import ReaderUI

/// The keys of less and vim habits, going back, ranges and links in the notes.
@Suite struct ReaderKeysTests {
    private static func corpus() -> Corpus {
        var files: [String: String] = [:]
        for n in 1...20 {
            let body = (0..<30).map { "[0:\(String(format: "%02d", $0)):00] \($0 % 2 == 0 ? "AL" : "BR"): line \($0) of \(n)\n\n" }.joined()
            files["\(String(format: "%02d", n)).md"] = Fixture.episode(number: n, title: "Episode \(n)", hosts: ["Ann Lee", "Bob Ray"], body: body,
                                                                    related: n == 3 ? ["ep-15"] : [])
        }
        return Fixture.corpus(files)
    }

    @Test func digitsInTheListSelectAnEpisode() {
        var state = Fixture.state(Self.corpus())
        state.send(.char("1"), .char("5"))
        #expect(state.listCursor == 14)
        state.send(.char("7"))   // no episode 157: a new number, 7
        #expect(state.listCursor == 6)
        state.send(.enter)
        #expect(state.episodeIndex == 6)
    }

    @Test func countsRepeatAMove() {
        var state = Fixture.state(Self.corpus())
        state.send(.enter)
        state.focus = .transcript
        state.send(.char("5"), .char("]"))
        #expect(state.currentUtterance == 5)
        state.send(.char("1"), .char("2"), .char("]"))
        #expect(state.currentUtterance == 17)
        state.send(.char("["))
        #expect(state.currentUtterance == 16)
    }

    @Test func ctrlFAndCtrlBPageAndFSearchesEverything() {
        var state = Fixture.state(Self.corpus())
        state.send(.enter)
        state.focus = .transcript
        state.send(.ctrl("f"))
        #expect(state.top != .start)
        state.send(.ctrl("b"))
        #expect(state.top == .start)
        state.send(.char("F"))
        #expect(state.prompt?.kind == .corpusSearch)
    }

    @Test func hAndLMoveBetweenPanesBothWays() {
        var state = Fixture.state(Self.corpus())
        #expect(state.focus == .episodes)
        state.send(.char("l"))
        #expect(state.focus == .transcript)
        state.send(.char("l"))
        #expect(state.focus == .notes)
        state.send(.char("l"))
        #expect(state.focus == .notes)
        state.send(.char("h"))
        #expect(state.focus == .transcript)
        state.send(.char("h"))
        #expect(state.focus == .episodes)
    }

    /// `:` takes an episode number or a time; Backspace comes back from it, from a related
    /// episode and from a bookmark.
    @Test func goToAndBack() {
        var state = Fixture.state(Self.corpus())
        state.send(.enter)                             // episode 1
        state.send(.char(":")); state.type("0:10:00"); state.send(.enter)
        #expect(state.episodeIndex == 0)
        #expect(state.currentUtterance == 10)
        state.send(.char(":")); state.type("3"); state.send(.enter)
        #expect(state.episodeIndex == 2)
        state.send(.backspace)
        #expect(state.episodeIndex == 0)
        #expect(state.currentUtterance == 10)
        // Episode 3's notes lead to 15; Ctrl-O comes back to 3.
        state.send(.char(":")); state.type("3"); state.send(.enter)
        state.focus = .notes
        let related = state.noteLines.firstIndex { $0.opens == 14 }!
        state.send(.char("g"))
        for _ in 0..<related { state.send(.char("j")) }
        state.send(.enter)
        #expect(state.episodeIndex == 14)
        state.send(.ctrl("o"))
        #expect(state.episodeIndex == 2)
        state.send(.backspace)
        #expect(state.episodeIndex == 0)
        state.send(.backspace)
        #expect(state.message?.text.hasPrefix("nowhere to go back to") == true)
        state.send(.char(":")); state.type("#99"); state.send(.enter)
        #expect(state.message?.text == "no episode #99")
    }

    /// `v` marks, `Y` copies the range with times and speakers, whichever way it runs.
    @Test func aMarkedRangeIsCopied() {
        var state = Fixture.state(Self.corpus())
        state.send(.enter)
        state.focus = .transcript
        #expect(state.send(.char("Y")).isEmpty)
        #expect(state.message?.text.hasPrefix("no range") == true)
        state.send(.char("3"), .char("]"), .char("v"), .char("2"), .char("["))
        let copies = state.send(.char("Y"))
        #expect(copies == [.copy("[1:00] Bob Ray: line 1 of 1\n[2:00] Ann Lee: line 2 of 1\n[3:00] Bob Ray: line 3 of 1\n— Episode 1",
                                 what: "3 utterance(s)")])
        // The rest of the range has a thin bar in the gutter; the current one the speaker's.
        let grid = render(state)
        #expect(grid.text.contains("┃"))
    }

    /// Enter on a link in the notes hands it to the program; a link that is not a web
    /// address is refused with a message.
    @Test func linksInTheNotesOpen() throws {
        var state = Fixture.state()
        state.focus = .notes
        let lines = state.noteLines
        let video = try #require(lines.firstIndex { $0.link == "https://www.youtube.com/embed/42FP22MpdxM" })
        for _ in 0..<video { state.send(.char("j")) }
        #expect(state.send(.enter) == [.openLink("https://www.youtube.com/embed/42FP22MpdxM")])
        let bad = Fixture.episode(number: 1, title: "A", hosts: ["Ann Lee"], body: "[0:00:01] AL: a\n")
            .replacingOccurrences(of: "---\n[0:00:01]", with: "video: javascript:alert(1)\n---\n[0:00:01]")
        var other = Fixture.state(Fixture.corpus(["a.md": bad]))
        other.focus = .notes
        let row = try #require(other.noteLines.firstIndex { $0.link != nil })
        for _ in 0..<row { other.send(.char("j")) }
        #expect(other.send(.enter).isEmpty)
        #expect(other.message?.text.hasPrefix("not a web address podread opens") == true)
    }

    /// `/` in the list filters it by title or number as you type; Esc shows them all again.
    @Test func theListFilters() {
        var state = Fixture.state(Self.corpus())
        state.send(.char("/"))
        state.type("1")
        // Titles "Episode 1", "Episode 10"…"Episode 19" hold a 1, as do numbers 1 and 10–19.
        #expect(state.listed == [0] + Array(9...18))
        state.type("2")
        #expect(state.listed == [11])
        #expect(render(state).row(1).contains("Episodes (1 of 20: 12)"))
        state.send(.enter)
        #expect(state.listCursor == 11)
        state.send(.enter)
        #expect(state.episodeIndex == 11)
        state.focus = .episodes
        state.send(.char("/"), .escape)
        #expect(state.listed.count == 20)
        #expect(state.listCursor == 11)
        // Nothing matches: the list says so.
        state.send(.char("/"))
        state.type("zebra")
        #expect(render(state).text.contains("No title has zebra"))
    }

    /// The list is as wide as its titles need, up to a third of the screen.
    @Test func theListTakesTheWidthItsTitlesNeed() {
        let long = String(repeating: "Long title ", count: 8)   // 88 columns
        let a = Fixture.episode(number: 1, title: "Short", hosts: ["Ann Lee"], body: "[0:00:01] AL: a\n")
        let b = Fixture.episode(number: 2, title: long, hosts: ["Ann Lee"], body: "[0:00:01] AL: b\n")
        #expect(Fixture.state(Fixture.corpus(["a.md": a]), width: 150).layout.panes[.episodes]?.width == 24)
        // A third of 150 is 50, but the notes take 37 and the transcript keeps half (75): 36.
        #expect(Fixture.state(Fixture.corpus(["a.md": a, "b.md": b]), width: 150).layout.panes[.episodes]?.width == 36)
        // 240: notes 44, transcript 120, list 74 (the 94 its titles need do not fit).
        #expect(Fixture.state(Fixture.corpus(["a.md": a, "b.md": b]), width: 240).layout.panes[.episodes]?.width == 74)
        // 120: notes 30, transcript 60, list 28.
        #expect(Fixture.state(Fixture.corpus(["a.md": a, "b.md": b]), width: 120).layout.panes[.episodes]?.width == 28)
    }
}
