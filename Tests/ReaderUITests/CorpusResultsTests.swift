import Foundation
import Testing
import TranscriptKit
@testable import ReaderUI

/// `F` over three episodes: results grouped by episode, a window as tall as they need, the
/// match visible on the cursor's row in every colour mode, `n`/`N` across episodes, and
/// the last queries back with ↑.
@Suite struct CorpusResultsTests {
    private static func state(mode: ColorMode = .full256) -> ReaderState {
        var files: [String: String] = [:]
        for n in 1...3 {
            let body = "[0:00:01] AL: nothing\n\n[0:01:00] AL: a word here\n\n[0:02:00] BR: the word again\n\n[0:03:00] BR: no\n"
            files["\(n).md"] = Fixture.episode(number: n, title: "Episode \(n)", hosts: ["Ann Lee", "Bob Ray"], body: body)
        }
        var state = Fixture.state(Fixture.corpus(files), width: 120, height: 30, mode: mode)
        state.send(.char("F"))
        state.type("word")
        state.send(.enter)
        state.finishCorpusSearch()
        return state
    }

    @Test func groupedByEpisodeInAWindowThatFits() throws {
        let state = Self.state()
        guard case let .results(results)? = state.overlay else { Issue.record("no results"); return }
        // Three headings and two hits under each.
        #expect(results.rows.count == 9)
        let grid = render(state)
        let top = try #require(grid.find("6 in 3 episode(s): word"))
        let bottom = try #require((0..<grid.height).last { grid.row($0).contains("╰") })
        #expect(bottom - top.y + 1 == 9 + 4)
        let heading = try #require(grid.find("#2  Episode 2  2"))
        #expect(grid.row(heading.y + 1).contains("1:00     Ann Lee"))
        #expect(grid.row(heading.y + 2).contains("2:00     Bob Ray"))
    }

    @Test func theMatchStandsOutOnTheCursorsRow() throws {
        for mode in [ColorMode.full256, .eight, .monochrome] {
            let state = Self.state(mode: mode)
            let grid = render(state)
            guard case let .results(results)? = state.overlay else { Issue.record("no results"); return }
            let area = OverlayGeometry.listArea(of: .results(results), in: state)
            // The cursor starts on the first hit: "a word here", its match "word".
            let match = try #require(grid.find("word here", inRows: area.y..<(area.y + area.height)))
            #expect(match.y == area.y + 1)
            let row = grid[match.x - 2, match.y].style
            let word = grid[match.x, match.y].style
            // Seen as different: another background in colour, out of reverse or underlined without.
            if mode == .monochrome {
                #expect(word.reverse != row.reverse || word.underline != row.underline, "the match looks like its row")
            } else {
                #expect(word.background != row.background, "\(mode): the match looks like its row")
            }
            #expect(grid[match.x + 5, match.y].style == row, "\(mode)")
        }
    }

    @Test func enterThenNAndNStepAcrossEpisodes() {
        var state = Self.state()
        state.send(.enter)
        #expect(state.episodeIndex == 0)
        #expect(state.currentUtterance == 1)
        state.send(.char("n"))
        #expect((state.episodeIndex, state.currentUtterance) == (0, 2))
        state.send(.char("n"))
        #expect((state.episodeIndex, state.currentUtterance) == (1, 1))
        #expect(state.message?.text.hasPrefix("result 3/6") == true)
        state.send(.char("N"), .char("N"), .char("N"))
        #expect((state.episodeIndex, state.currentUtterance) == (2, 2))
        #expect(state.message?.text == "results wrapped to the last")
        // Esc ends it: n is the episode's own search again.
        state.send(.escape)
        state.send(.char("n"))
        #expect(state.episodeIndex == 2)
    }

    @Test func enterOnAHeadingOpensItsFirstHit() {
        var state = Self.state()
        state.send(.char("j"))     // from the first hit, past the second heading's…
        state.send(.char("j"))
        guard case let .results(results)? = state.overlay else { Issue.record("no results"); return }
        #expect(results.rows[results.list.cursor] == .hit(2))   // headings are stepped over
        update(&state, .mouse(Mouse(.click, x: 20, y: OverlayGeometry.listArea(of: .results(results), in: state).y + 3)))
        #expect(state.overlay == nil)
        #expect((state.episodeIndex, state.currentUtterance) == (1, 1))
    }

    @Test func upBringsBackTheLastQueries() {
        var state = Self.state()
        state.send(.escape)
        state.send(.char("F"))
        state.type("again")
        state.send(.enter)
        state.finishCorpusSearch()
        state.send(.escape)
        state.send(.char("F"))
        state.send(.up)
        #expect(state.prompt?.text == "again")
        state.send(.up)
        #expect(state.prompt?.text == "word")
        state.send(.up)
        #expect(state.prompt?.text == "word")
        state.send(.down, .down)
        #expect(state.prompt?.text == "")
    }
}
