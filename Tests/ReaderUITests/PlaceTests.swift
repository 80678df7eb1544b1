import Foundation
import Testing
import TranscriptKit
@testable import ReaderUI

/// The view, the status bar's clock and the saved place agree, at every size and under
/// every filter (each of these failed before the reader kept them together).
@Suite struct PlaceTests {
    /// The status bar's clock (the prompt takes its place while one is open).
    private func clock(_ state: ReaderState) -> String {
        if state.prompt != nil { return state.currentUtterance.map { TimeFormat.clock(state.episode!.utterances[$0].start) } ?? "" }
        return String(render(state).row(state.height - 1).drop(while: { $0 == " " }).prefix { $0 != " " })
    }

    /// The time of the first utterance whose start is in the pane (its hanging time column).
    private func firstShownTime(_ state: ReaderState) -> String? {
        let grid = render(state)
        for y in 0..<grid.height {
            let row = grid.row(y)
            if let match = row.range(of: #"▌ *[0-9]+:[0-9]{2}(:[0-9]{2})? "#, options: .regularExpression) {
                return row[match].dropFirst().trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    @Test func aFailedSearchReturnsTheViewAndTheClock() {
        var state = Fixture.state()
        state.focus = .transcript
        state.send(.char("t")); state.type("20:32"); state.send(.enter)
        #expect(clock(state) == "20:32")
        state.send(.char("/"))
        state.type("stateful")          // found later on: the view moves there
        #expect(clock(state) != "20:32")
        state.type("zzzz")              // not found: back where the search started
        #expect(clock(state) == "20:32")
        #expect(firstShownTime(state) == "20:32")
        state.send(.enter)
        #expect(clock(state) == "20:32")
        #expect(state.message?.text == "pattern not found: statefulzzzz")
    }

    @Test func escapeReturnsTheViewAndTheClock() {
        var state = Fixture.state()
        state.focus = .transcript
        state.send(.char("t")); state.type("20:32"); state.send(.enter)
        state.send(.char("/")); state.type("kubernetes")
        state.send(.escape)
        #expect(clock(state) == "20:32")
        #expect(firstShownTime(state) == "20:32")
    }

    /// Below 100 columns the transcript is a tab: a saved place is restored at its width
    /// while the list tab is shown, and the first `j` moves on from there.
    @Test func aSavedPlaceInTabs() throws {
        var memory = ReaderMemory()
        let utterance = 60
        let start = Fixture.dataCorpus.transcript(of: 0).utterances[utterance].start
        memory.corpora["/corpus"] = ReaderMemory.CorpusMemory()
        memory.corpora["/corpus"]?.positions["009-stateful-and-stateless.md"] = ReadingPosition(utterance: utterance, time: start)
        var state = Fixture.state(width: 80, height: 24)
        state.send(.backTab)
        #expect(state.focus == .episodes)
        state.remember(memory, key: "/corpus")
        state.send(.enter)
        #expect(state.focus == .transcript)
        #expect(clock(state) == TimeFormat.clock(start))
        #expect(firstShownTime(state) == TimeFormat.clock(start))
        state.send(.char("j"))
        #expect(state.currentUtterance == utterance)
        #expect(clock(state) == TimeFormat.clock(start))
    }

    /// `t +2m` under a speaker filter moves on to the next shown utterance after two
    /// minutes, even when the one before that time is where the reader is.
    @Test func relativeJumpsMoveUnderAFilter() {
        let body = (0..<20).map { "[0:\(String(format: "%02d", $0 * 3)):00] \($0 % 5 == 0 ? "AL" : "BR"): line \($0)\n\n" }.joined()
        let a = Fixture.episode(number: 1, title: "A", hosts: ["Ann Lee", "Bob Ray"], body: body)
        var state = Fixture.state(Fixture.corpus(["a.md": a]))
        state.act(.filterSpeakers(["AL"]))
        #expect(state.shown == [0, 5, 10, 15])
        var seen: [Int] = []
        for _ in 0..<3 {
            state.send(.char("t")); state.type("+2m"); state.send(.enter)
            seen.append(state.currentUtterance ?? -1)
        }
        #expect(seen == [5, 10, 15])
        state.send(.char("t")); state.type("-2m"); state.send(.enter)
        #expect(state.currentUtterance == 10)
    }

    /// Scrolling keeps the reader at an utterance while it is on screen.
    @Test func scrollingKeepsTheCurrentUtteranceWhileItIsShown() {
        var state = Fixture.state()
        state.focus = .transcript
        state.send(.char("G"))
        let last = state.currentUtterance
        state.send(.char("k"))
        #expect(state.currentUtterance == last)
        #expect(clock(state) == TimeFormat.clock(state.episode!.utterances[last!].start))
    }

    /// The place is handed to the memory as the reader moves, and a signal quits after it.
    @Test func thePlaceIsSavedAsTheReaderMoves() throws {
        var state = Fixture.state()
        state.remember(ReaderMemory(), key: "/corpus")
        state.focus = .transcript
        let changes = state.send(.char("]"), .char("]")).memoryChanges
        #expect(changes.count == 2)
        guard case let .left(file, position)? = changes.last else { Issue.record("no place saved"); return }
        #expect(file == "009-stateful-and-stateless.md")
        #expect(position.utterance == state.currentUtterance)
        // A signal saves the place once more (the reader left last wins), then quits.
        #expect(state.act(.terminate) == [.saveMemory([changes.last!]), .quit])
    }
}
