import Foundation
import Testing
import TranscriptKit
@testable import ReaderUI

@Suite struct DisplayUnitsTests {
    /// `forEach` reads runs of lone scalars from the bytes; it must give exactly what `next()`
    /// gives, from the start or from any row's mark, for any count.
    @Test func forEachGivesWhatNextGives() {
        _ = Fixture.localeReady
        let pieces = ["word", " ", "é", "—", "’", "─", "…", "[é", "[a", "[", "]", "e\u{301}", "a\u{301}", "‼\u{FE0F}",
                      "\u{AD}", "日本", "\u{1B}", "\u{202E}", "\t", "\r\n", "\n", "[inaudible 0:01]", "👩‍👩‍👧", "\u{85}",
                      "\u{301}", "Ω", "ǅ", "x", "→\u{20D7}", "∑"]
        var generator = SeededGenerator(state: 7)
        for _ in 0..<400 {
            let text = generator.text(of: pieces)
            let width = Int.random(in: 1..<20, using: &generator)
            for line in [(start: UnitMark.start(of: text), range: 0..<Int.max)] + WordWrap.lines(of: text, width: width) {
                let expected = Array(DisplayUnits(text, from: line.start, count: line.range.count))
                var given: [DisplayUnit] = []
                var units = DisplayUnits(text, from: line.start, count: line.range.count)
                units.forEach { given.append($0); return true }
                #expect(given == expected, "\(text.debugDescription) from \(line.start.offset)")
                let stop = Int.random(in: 0...max(0, expected.count), using: &generator)
                var first: [DisplayUnit] = []
                units = DisplayUnits(text, from: line.start, count: line.range.count)
                units.forEach { first.append($0); return first.count < stop }
                #expect(first == Array(expected.prefix(max(1, stop))), "\(text.debugDescription) stopping at \(stop)")
            }
        }
    }

    /// What `forEach` takes for a character of its own, Swift's grapheme breaking agrees is one:
    /// beside ASCII, beside itself, and beside others of the kind.
    @Test func scalarsThatStandAloneAreCharactersOfTheirOwn() {
        for value in UInt32(0xA0)..<0x2C00 where DisplayUnits.standsAlone(value) {
            let s = String(Unicode.Scalar(value)!)
            for pair in ["x" + s, s + "x", s + s, s + "─", "é" + s, s + " ", "[" + s] {
                #expect(pair.count == 2, "U+\(String(value, radix: 16, uppercase: true)) in \(pair.debugDescription)")
            }
        }
    }
}
