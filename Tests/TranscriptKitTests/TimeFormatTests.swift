import Testing
@testable import TranscriptKit

@Suite struct TimeFormatTests {
    @Test func absoluteForms() {
        #expect(TimeFormat.parseInput("12:30") == .absolute(750))
        #expect(TimeFormat.parseInput("1:02:03") == .absolute(3723))
        #expect(TimeFormat.parseInput("750") == .absolute(750))
        #expect(TimeFormat.parseInput("0:20:32") == .absolute(1232))
        #expect(TimeFormat.parseInput("2m") == .absolute(120))
        #expect(TimeFormat.parseInput("1h2m3s") == .absolute(3723))
    }

    @Test func relativeForms() {
        #expect(TimeFormat.parseInput("+2m") == .relative(120))
        #expect(TimeFormat.parseInput("-30s") == .relative(-30))
        #expect(TimeFormat.parseInput("-30s")?.resolve(from: 10) == 0)
    }

    @Test func rejects() {
        for bad in ["", "abc", "1:2:3:4", "12:75", "1:60:00", "5x", "m2", "-", "1::2"] {
            #expect(TimeFormat.parseInput(bad) == nil, "\(bad)")
        }
    }

    @Test func clocks() {
        #expect(TimeFormat.clock(750) == "12:30")
        #expect(TimeFormat.clock(3723) == "1:02:03")
        #expect(TimeFormat.longClock(8.7) == "0:00:08")
    }
}
