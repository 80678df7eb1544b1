import Foundation
import Testing
import TranscriptKit
@testable import ReaderUI

@Suite struct WordWrapTests {
    private func shown(_ text: String, width: Int) -> [String] {
        _ = Fixture.localeReady
        return WordWrap.lines(of: text, width: width).map {
            DisplayText.units(of: text, from: $0.start, count: $0.range.count).map(\.text).joined()
        }
    }

    @Test func wrapsAtSpacesAndCutsLongWords() {
        #expect(shown("aaa bbb ccc", width: 7) == ["aaa bbb", "ccc"])
        #expect(shown("aaa bbb ccc", width: 6) == ["aaa", "bbb", "ccc"])
        #expect(shown("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(shown("  lead   and   trail  ", width: 10) == ["lead   and", "trail"])
        #expect(shown("", width: 5) == [""])
        #expect(shown("     ", width: 5) == [""])
        // Wide characters take two columns: three fit in six, the fourth goes down.
        #expect(shown("日本語の", width: 6) == ["日本語", "の"])
    }

    /// The notes' rules: an address breaks after a `/`, and a word cut at the edge shows
    /// a `…` (its next letter starts the next line: nothing is lost).
    @Test func notesBreakAddressesAtSlashesAndMarkCuts() {
        func notes(_ text: String, width: Int) -> [String] {
            let units = DisplayText.units(of: text)
            return WordWrap.lines(units, width: width, rules: .notes).map {
                units[$0.range].map(\.text).joined() + ($0.cut ? "…" : "")
            }
        }
        #expect(notes("https://example.org/a/very/long/path", width: 12) == ["https://", "example.org/", "a/very/long/", "path"])
        #expect(notes("abcdefghijklmnop", width: 6) == ["abcde…", "fghij…", "klmnop"])
        #expect(notes("see https://x.org/abcdefgh", width: 12) == ["see", "https://", "x.org/", "abcdefgh"])
    }

    /// A row that starts inside a placeholder makes the rest of it again from its mark.
    @Test func aPlaceholderCutAtTheEdgeContinuesOnTheNextRow() {
        // a b ^ [ c d: the escape's two units are split by a width of three.
        #expect(shown("ab\u{1B}cd", width: 3) == ["ab^", "[cd"])
        #expect(shown("x\u{202E}y", width: 4) == ["x<U+", "202E", ">y"])
    }

    /// The paragraph's units show what the one sanitiser makes of it; every row's units,
    /// made again from its mark, are exactly the slice of them that the row's range names;
    /// no unit but spaces is lost.
    @Test func rowsFromMarksAreTheParagraphsUnits() {
        _ = Fixture.localeReady
        let pieces = ["word", " ", "  ", "e\u{301}", "日本", "\u{1B}", "\u{202E}", "\t", "[inaudible 0:01]", "]", "👩‍👩‍👧",
                      "\u{85}", "averyveryverylongword", "[", "x"]
        var generator = SeededGenerator(state: 12)
        for _ in 0..<400 {
            let text = generator.text(of: pieces)
            let width = Int.random(in: 1..<20, using: &generator)
            let all = DisplayText.units(of: text)
            #expect(all.map(\.text).joined() == OutputText.forPeople(text))
            var covered = 0
            for line in WordWrap.lines(of: text, width: width) {
                let again = DisplayText.units(of: text, from: line.start, count: line.range.count)
                #expect(again == Array(all[line.range]), "\(text.debugDescription) width \(width)")
                #expect(all[covered..<line.range.lowerBound].allSatisfy { $0.isSpace })
                #expect(again.reduce(0) { $0 + $1.width } <= max(width, again.first?.width ?? 0))
                covered = line.range.upperBound
            }
            #expect(all[covered...].allSatisfy { $0.isSpace })
        }
    }
}
