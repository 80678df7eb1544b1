import Foundation
import Testing
@testable import TranscriptKit

/// A search result's JSON, written by hand for speed, against Foundation's encoder.
@Suite struct SearchEntryJSONTests {
    @Test func aLineReadsBackAsTheEncodersAndHoldsNothingRaw() throws {
        var summary = EpisodeSummary(file: "dir/\"odd\\name\".vtt")
        summary.id = "id\u{1}\u{7F}"
        summary.number = 12
        summary.title = "Tab\there, line\nbreak, \u{85} C1, \u{202E}bidi, 😀 and é"
        let speaker = Speaker(tag: "AL", name: "Ann \"Al\" Lee", role: .host, isCertain: true, reason: "")
        for (start, number) in [(1851.0, 12 as Int?), (12.5, nil), (0.1, 3)] {
            summary.number = number
            let entry = JSONReports.SearchEntry(episode: summary, start: start, timestamp: "00:30:51", tag: "AL\u{1B}[31m",
                                                speaker: speaker, line: 248, text: "first\n\nsecond \u{2028} \u{0} end",
                                                matches: [[0, 5], [7, 13]])
            let line = entry.jsonLine
            #expect(!line.contains("\n"))
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) || $0 == "\u{202E}" })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let expected = try JSONSerialization.jsonObject(with: try encoder.encode(entry)) as? NSDictionary
            let written = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary
            #expect(written == expected, "\(line)")
        }
    }
}
