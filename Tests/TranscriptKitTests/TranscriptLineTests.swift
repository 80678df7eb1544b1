import Testing
@testable import TranscriptKit

@Suite struct TranscriptLineTests {
    func head(_ line: String) -> TranscriptLine.Head? {
        if case let .utterance(head) = TranscriptLine.classify(line) { return head }
        return nil
    }

    @Test func tenthsOfASecond() throws {
        let h = try #require(head("[0:00:08.7] ANNOUNCER: Welcome to The Podlets Podcast"))
        #expect(abs(h.seconds - 8.7) < 1e-9)
        #expect(h.timestamp == "0:00:08.7")
        #expect(h.tag == "ANNOUNCER")
        #expect(h.text == "Welcome to The Podlets Podcast")
        #expect(h.problems.isEmpty)
    }

    @Test func twoDigitHoursWithoutFraction() throws {
        let h = try #require(head("[00:00:41] JR: All right!"))
        #expect(h.seconds == 41)
        #expect(h.tag == "JR")
    }

    @Test func hourAndMinutes() throws {
        let h = try #require(head("[0:50:00.3] ANNOUNCER: Thank you"))
        #expect(abs(h.seconds - 3000.3) < 1e-9)
    }

    @Test func noSpaceBeforeTag() throws {
        let h = try #require(head("[0:01:02.3]CC: Hi"))
        #expect(h.tag == "CC")
        #expect(h.text == "Hi")
    }

    @Test func spaceBeforeColonIsTrimmedAndReported() throws {
        let h = try #require(head("[0:00:57.1]  BL : Howdy."))
        #expect(h.tag == "BL")
        #expect(h.text == "Howdy.")
        #expect(h.problems.contains { $0.contains("space before ':'") })
    }

    @Test func wholeFirstNameTag() throws {
        #expect(try #require(head("[0:10:00.0] MICHAEL: Yes")).tag == "MICHAEL")
    }

    @Test func missingColonAfterTag() throws {
        let h = try #require(head("[0:04:53.6] NL Yeah, in the field engineering org"))
        #expect(h.tag == "NL")
        #expect(h.text == "Yeah, in the field engineering org")
        #expect(h.problems == ["no ':' after speaker tag 'NL'"])
    }

    @Test func unclosedBracket() throws {
        let h = try #require(head("[0:13:32.9 DC: Yeah, you know"))
        #expect(abs(h.seconds - 812.9) < 1e-9)
        #expect(h.tag == "DC")
        #expect(h.problems.contains { $0.contains("not closed") })
    }

    @Test func garbledTimestampDebris() throws {
        let h = try #require(head("[0:19:19.6]:19.3] NNL: Yeah, I think"))
        #expect(abs(h.seconds - 1159.6) < 1e-9)
        #expect(h.tag == "NNL")
        #expect(h.text == "Yeah, I think")
        #expect(h.problems.contains { $0.contains(":19.3]") })
    }

    @Test func inlineInaudibleStaysInText() throws {
        let h = try #require(head("[0:38:01.0] JS: just [inaudible 00:38:10]. Is that"))
        #expect(h.text == "just [inaudible 00:38:10]. Is that")
        #expect(TranscriptLine.classify("[inaudible 00:18:25] and more") == .text("[inaudible 00:18:25] and more"))
    }

    @Test func sectionMarkersAndHeadings() {
        #expect(TranscriptLine.classify("[INTRODUCTION]") == .section("INTRODUCTION"))
        #expect(TranscriptLine.classify("[END OF EPISODE] ") == .section("END OF EPISODE"))
        #expect(TranscriptLine.classify("[END]") == .section("END"))
        #expect(TranscriptLine.classify("EPISODE 009") == .heading("EPISODE 009"))
        #expect(TranscriptLine.classify("BONUS EPISODE 006") == .heading("BONUS EPISODE 006"))
        #expect(TranscriptLine.classify("   \t ") == .blank)
    }

    @Test func minutesAndSecondsOnlyAndOutOfRange() throws {
        #expect(try #require(head("[20:06] CC: Minutes and seconds only.")).seconds == 1206)
        let h = try #require(head("[0:61:00.0] CC: Minutes out of range."))
        #expect(h.seconds == 3660)
        #expect(h.problems.contains { $0.contains("minutes out of range") })
    }

    @Test func bareAndParenthesisedTimestamps() throws {
        let bare = try #require(head("0:20:01.2 CC: Timestamp without brackets."))
        #expect(bare.tag == "CC")
        #expect(bare.problems.contains { $0.contains("no brackets") })
        #expect(TranscriptLine.classify("10:30 works for me") == .text("10:30 works for me"))
        let paren = try #require(head("(0:20:02) CC: In parentheses."))
        #expect(paren.seconds == 1202)
    }

    @Test func untimedTagLine() {
        #expect(TranscriptLine.classify("CC: Speaker tag without any timestamp.") == .untimed(tag: "CC", text: "Speaker tag without any timestamp."))
        #expect(TranscriptLine.classify("Note: this is prose") == .text("Note: this is prose"))
    }

    /// Past 1,000 hours a time is a diagnostic, never text and never an overflow.
    @Test func hugeHoursAreOutOfRange() throws {
        let inRange = try #require(head("[999:59:59] SZ: text"))
        #expect(inRange.inRange)
        #expect(inRange.seconds == 999 * 3600 + 59 * 60 + 59)
        for line in ["[12345:00:01.9] SZ: text", "[99999999999999999999:00:00] X: y", "[1000:00:00.5] X: y"] {
            let h = try #require(head(line), "\(line)")
            #expect(!h.inRange, "\(line)")
            #expect(h.seconds.isFinite)
            #expect(h.problems.contains { $0.contains("past 1000:00:00") }, "\(line)")
        }
    }
}
