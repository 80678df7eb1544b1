import Foundation
import Testing
@testable import TranscriptKit

/// Numbers from files, caches and arguments, over the whole range: nothing can trap, every
/// time is within 0…1,000 hours, and what is out of range is said, not guessed.
@Suite struct NumberEdgeTests {
    static let texts = ["1e308", "-1", "nan", "NaN", "inf", "-inf", "1e-300", "99999999999999999999", "9.3e18", "0x10", "1_000",
                        "5:60", "60:00:00:00", "1000:00:00.001", "999:59:59.999", "1000:00:00", "3600000", "3600000.5", "-0",
                        "+99999999999h", "1h2m3s", "99999999999999999999999h", ".", "..", ":", "1:", ":1", "1::2", "٣:٤٥"]

    @Test func everyTimeParserStaysInRange() {
        for text in Self.texts {
            if let value = TimeFormat.parseDuration(text) { #expect(value.isFinite && value >= 0 && value <= TimeFormat.latest, "\(text)") }
            if case let .absolute(value)? = TimeFormat.parseInput(text) { #expect(value <= TimeFormat.latest, "\(text)") }
            if case let .relative(delta)? = TimeFormat.parseInput(text) { #expect(abs(delta) <= TimeFormat.latest, "\(text)") }
            if let timing = CueTiming("\(text) --> \(text)") { #expect(timing.start <= TimeFormat.latest && timing.end <= TimeFormat.latest, "\(text)") }
        }
        #expect(TimeFormat.parseDuration("1000:00:00") == TimeFormat.latest)
        #expect(TimeFormat.parseDuration("1000:00:00.001") == nil)
        #expect(TimeFormat.parseDuration("3600001") == nil)
        #expect(CueTiming("99999999999:00:00.000 --> 00:00:01.000") == nil)
    }

    @Test func clocksNeverTrap() {
        for value in [Double.nan, .infinity, -.infinity, -5, 1e300, -1e300, .greatestFiniteMagnitude, 4e6] {
            #expect(!TimeFormat.clock(value).isEmpty)
            #expect(!TimeFormat.longClock(value).isEmpty)
            #expect(VideoLink.watchURL("https://youtu.be/abc", at: value) != nil)
        }
        #expect(TimeFormat.longClock(.infinity) == "1000:00:00")
    }

    /// In every format a time past the bound is a diagnostic with its line, beside good cues.
    @Test func outOfRangeTimesAreDiagnosed() {
        let cases: [(String, String)] = [
            ("a.json", #"{"segments": [{"speaker": "A", "startTime": 9.3e18, "endTime": 1, "body": "x"}, {"speaker": "A", "startTime": 1, "endTime": 2, "body": "y"}]}"#),
            ("b.vtt", "WEBVTT\n\n99999:00:00.000 --> 99999:00:01.000\nx\n\n00:00:01.000 --> 00:00:02.000\ny\n"),
            ("c.srt", "1\n99999:00:00,000 --> 99999:00:01,000\nx\n\n2\n00:00:01,000 --> 00:00:02,000\ny\n"),
            ("d.md", "---\ntitle: t\n---\n[99999999999999999999:00:00] A: x\n\n[0:00:01] A: y\n"),
            ("e.html", "<cite>A:</cite><time>99999:00:00</time><p>x</p><time>0:01</time><p>y</p>"),
        ]
        for (name, text) in cases {
            let episode = Fixture.episode(text, file: name)
            #expect(!episode.diagnostics.isEmpty, "\(name)")
            #expect(episode.diagnostics.allSatisfy { $0.line >= 1 }, "\(name)")
            #expect(episode.utterances.allSatisfy { $0.start <= TimeFormat.latest }, "\(name)")
            #expect(episode.duration <= TimeFormat.latest, "\(name)")
            #expect(episode.utterances.map(\.text).joined(separator: " ").contains("y"), "\(name)")
        }
    }

    /// A forged summary with a duration no file could give is refused, not a crash.
    @Test func aForgedCacheDurationIsRefused() throws {
        var episode = Fixture.episode("---\ntitle: t\n---\n[0:00:01] A: y\n")
        #expect(EpisodeSummary(encoded: episode.summary.encoded, file: "t.md") != nil)
        episode.duration = 1e300
        #expect(EpisodeSummary(encoded: episode.summary.encoded, file: "t.md") == nil)
    }
}
