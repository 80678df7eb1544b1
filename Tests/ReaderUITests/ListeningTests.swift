import Foundation
import Testing
@testable import TranscriptKit
@testable import ReaderUI

/// Listening along, headless: the player's reports move the spoken utterance and cue on
/// the screen; keys and jumps leave as player effects.
@Suite struct ListeningTests {
    /// Ann speaks two cues (0–2 s, 2–4 s), then Bob one (4–6 s), then Ann again (8 s).
    static let vtt = """
        WEBVTT

        00:00.000 --> 00:02.000
        <v Ann>Alpha words here.

        00:02.000 --> 00:04.000
        <v Ann>Bravo words there.

        00:04.000 --> 00:06.000
        <v Bob>Charlie speaks now.

        00:08.000 --> 00:10.000
        <v Ann>Delta at the end.
        """

    static func listening() -> ReaderState {
        var state = Fixture.state(Fixture.corpus(["talk.vtt": vtt]), width: 100, height: 20)
        state.act(.openEpisode(0, then: []))
        return state
    }

    @Test func pPlaysFromTheCurrentUtteranceAndPositionsMoveTheMark() throws {
        var state = Self.listening()
        let utterances = try #require(state.episode?.utterances)
        #expect(utterances.map(\.start) == [0, 4, 8])
        #expect(utterances[0].cues.count == 2)
        let effects = state.send(.char("p"))
        #expect(effects == [.play(episode: 0, file: "talk.vtt", at: 0)])
        state.act(.player(.started(source: "talk.mp3")))

        state.act(.player(.position(0.5)))
        var grid = render(state)
        let alpha = try #require(grid.find("Alpha"))
        #expect(grid[alpha.x - 2, alpha.y].text == "▶")
        // The first cue is marked, the second is not (yet): only its text is bold.
        #expect(grid[alpha.x, alpha.y].style == state.theme.spokenCue)
        let bravo = try #require(grid.find("Bravo"))
        #expect(grid[bravo.x, bravo.y].style == state.theme.spoken)

        state.act(.player(.position(2.5)))
        grid = render(state)
        #expect(grid[alpha.x, alpha.y].style == state.theme.spoken)
        #expect(grid[bravo.x, bravo.y].style == state.theme.spokenCue)

        // A seek to 4 s reported as a hair before it is at Bob's start.
        state.act(.player(.position(3.999)))
        grid = render(state)
        let charlie = try #require(grid.find("Charlie"))
        #expect(grid[charlie.x - 2, charlie.y].text == "▶")
        #expect(grid[alpha.x - 2, alpha.y].text != "▶")
        #expect(grid[alpha.x, alpha.y].style == state.theme.text)
        #expect(state.currentUtterance == 1)
        #expect(grid.row(19).contains("▶ 0:04 / 0:10"))
    }

    /// The program draws a frame for a position report only when what it shows changed.
    @Test func aPositionReportChangesTheScreenOnlyAtANewSecondCueOrUtterance() {
        var state = Self.listening()
        state.send(.char("p"))
        state.act(.player(.position(0.2)))
        let shown = state.listeningShown
        state.act(.player(.position(0.6)))
        #expect(state.listeningShown == shown)
        state.act(.player(.position(1.3)))
        #expect(state.listeningShown != shown)
        let second = state.listeningShown
        state.act(.player(.position(2.1)))   // the second cue, and a new second
        #expect(state.listeningShown != second)
        #expect(Action.player(.position(1)).isPositionReport && !Action.player(.paused(true)).isPositionReport)
    }

    @Test func keysAndJumpsLeaveAsPlayerEffects() {
        var state = Self.listening()
        state.send(.char("p"))
        state.act(.player(.started(source: "talk.mp3")))
        state.act(.player(.position(1)))
        #expect(state.send(.char("p")) == [.playerPause(true)])
        #expect(state.send(.char("p")) == [.playerPause(false)])
        #expect(state.send(.char(">")) == [.playerSpeed(1.25)])
        #expect(state.send(.char("<"), .char("<")) == [.playerSpeed(1.0), .playerSpeed(0.75)])
        #expect(state.send(.char("]")) == [.playerSeek(4)])
        // A report from before the seek, then the player landing at the start of an audio
        // frame a little before the target: still Bob's.
        state.act(.player(.position(1.2)))
        #expect(state.listening?.utterance == 1)
        state.act(.player(.position(3.8)))
        #expect(state.listening?.utterance == 1)
        #expect(state.send(.char("}")) == [.playerSeek(8)])
        state.act(.player(.position(8.2)))
        #expect(state.send(.right) == [.playerSeek(13.2)])
        state.act(.player(.duration(10)))
        state.act(.player(.position(3)))
        #expect(state.send(.shiftRight) == [.playerSeek(10)])
        #expect(state.send(.shiftLeft) == [.playerSeek(0)])
        // t, and a click on an utterance, move the audio to it too.
        var effects = state.send(.char("t"))
        effects += state.type("0:04")
        effects += state.send(.enter)
        #expect(effects.contains(.playerSeek(4)))
        let alpha = render(state).find("Alpha")!
        #expect(state.act(.mouse(Mouse(.click, x: alpha.x, y: alpha.y))).contains(.playerSeek(0)))
        // ← and → still move between panes when nothing is listened to here.
        state.send(.char("l"))
        #expect(state.focus == .notes)
        #expect(state.send(.left).isEmpty)
        #expect(state.focus == .transcript)
    }

    /// `/` moves the audio once, to the match Enter confirms; the view is the search's
    /// while it is typed, whatever the player says meanwhile.
    @Test func aSearchSeeksWhenConfirmed() {
        var state = Self.listening()
        state.send(.char("p"))
        state.act(.player(.position(0.5)))
        var effects = state.send(.char("/"))
        effects += state.type("Delta")
        #expect(!effects.contains { if case .playerSeek = $0 { return true } else { return false } })
        state.act(.player(.position(4.2)))
        #expect(state.currentUtterance == 2)
        #expect(state.send(.enter).contains(.playerSeek(8)))
    }

    @Test func syncShiftsTheTranscriptAgainstTheAudio() {
        var state = Self.listening()
        state.send(.char("p"))
        state.act(.player(.position(4.2)))
        #expect(state.listening?.utterance == 1)
        // Spoken half a second later than its times: at 4.2 s Bob has not started yet.
        state.send(.char("="))
        #expect(state.listening?.utterance == 0)
        #expect(state.message?.text.contains("+0.5 s") == true)
        state.send(.char("-"), .char("-"))
        #expect(state.listening?.utterance == 1)
        // Seeking to an utterance goes to where it is spoken: its time minus half a second.
        #expect(state.send(.char("]")) == [.playerSeek(7.5)])
    }

    @Test func scrollingAwayStopsFollowingUntilF() {
        var lines = "WEBVTT\n\n"
        for n in 0..<60 { lines += "00:\(String(format: "%02d", n)).000 --> 00:\(String(format: "%02d", n)).900\n<v \(n % 2 == 0 ? "Ann" : "Bob")>Line \(n).\n\n" }
        var state = Fixture.state(Fixture.corpus(["long.vtt": lines]), width: 80, height: 12)
        state.act(.openEpisode(0, then: []))
        state.send(.char("p"))
        state.act(.player(.position(30.2)))
        #expect(render(state).contains("Line 30."))
        state.send(.char("g"))
        #expect(state.listening?.isFollowing == false)
        state.act(.player(.position(40.2)))
        #expect(!render(state).contains("Line 40."))
        #expect(render(state).row(11).contains("f follows"))
        state.send(.char("f"))
        #expect(render(state).contains("Line 40."))
        state.act(.player(.position(50.2)))
        #expect(render(state).contains("Line 50."))
    }

    /// The audio's place is kept with the reading place (whole seconds), the sync per
    /// episode; both come back with the memory, and p goes on from where it was heard.
    @Test func thePlaceInTheAudioAndTheSyncAreRemembered() {
        var state = Self.listening()
        state.remember(ReaderMemory(), key: "/corpus")
        state.send(.char("p"))
        let effects = state.act(.player(.position(4.7)))
        #expect(effects.memoryChanges == [.left(file: "talk.vtt", at: ReadingPosition(utterance: 1, time: 4, audio: 4))])
        #expect(state.send(.char("=")).memoryChanges == [.synced(file: "talk.vtt", shift: 0.5)])

        var memory = ReaderMemory()
        for change in effects.memoryChanges + [.synced(file: "talk.vtt", shift: 0.5)] { change.apply(to: &memory, corpus: "/corpus") }
        var again = Self.listening()
        again.remember(memory, key: "/corpus")
        #expect(again.currentUtterance == 1)
        #expect(again.syncShift == 0.5)
        #expect(again.send(.char("p")).plays == [.play(episode: 0, file: "talk.vtt", at: 4)])
        // Moved on since: from the utterance the reader is at, as spoken with the sync.
        var moved = Self.listening()
        moved.remember(memory, key: "/corpus")
        moved.send(.char("]"))
        #expect(moved.send(.char("p")).plays == [.play(episode: 0, file: "talk.vtt", at: 8.5)])
        // A memory written before either existed still reads.
        let old = #"{"version":1,"corpora":{"/c":{"lastEpisode":"a.md","positions":{"a.md":{"utterance":3,"time":12}}}},"bookmarks":[]}"#
        let decoded = ReaderMemory.decode(Array(old.utf8))
        #expect(decoded?.corpora["/c"]?.positions["a.md"] == ReadingPosition(utterance: 3, time: 12))
        #expect(decoded?.corpora["/c"]?.syncShifts == nil)
    }

    @Test func aPlayerThatFailsLeavesTheReaderWorking() {
        var state = Self.listening()
        state.send(.char("p"))
        state.act(.player(.failed("mpv is not installed: install it to listen (Debian and Ubuntu: apt-get install mpv)")))
        #expect(state.listening == nil)
        #expect(render(state).row(19).contains("apt-get install mpv"))
        #expect(state.send(.char("]")).isEmpty)
        #expect(state.currentUtterance == 1)
        // The end of the audio: no mark, and p plays again.
        state.send(.char("p"))
        state.act(.player(.position(9)))
        state.act(.player(.ended))
        #expect(!render(state).contains("▶"))
        #expect(state.send(.char("p")) == [.play(episode: 0, file: "talk.vtt", at: 8)])
    }
}

extension [Effect] {
    /// Only the `.play` effects (the memory's saves go with them).
    var plays: [Effect] { filter { if case .play = $0 { return true } else { return false } } }
}
