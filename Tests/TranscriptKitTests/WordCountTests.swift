import Testing
@testable import TranscriptKit

@Suite struct WordCountTests {
    @Test func countsByHand() {
        #expect(WordCount.shown(in: "") == 0)
        #expect(WordCount.shown(in: "   ") == 0)
        #expect(WordCount.shown(in: "one two  three") == 3)
        #expect(WordCount.shown(in: "a\tb") == 2)
        // A vertical tab, a form feed or a line break is shown as a placeholder: one word.
        #expect(WordCount.shown(in: "a\u{0B}b\u{0C}c\nd\r\ne") == 1)
        // A no-break space and the ideographic space separate; a combining mark does not.
        #expect(WordCount.shown(in: "cafe\u{301}\u{A0}bar\u{3000}baz") == 3)
    }

    /// The same as splitting the exported text at white space, the definition it replaces,
    /// over random mixes of what trips a count up.
    @Test func agreesWithSplittingTheExportedText() {
        let pieces = ["a", "bc", " ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}",
                      "e\u{301}", " \u{301}", "\u{301}", "日本", "👩‍👩‍👧", "\u{1B}", "São", "\u{200D}", " \u{200D}",
                      "👍🏽", " 🏽", "\u{FE0F}", " \u{0903}", "क\u{094D}ष", "\u{0600}", "\u{0600} ", "\u{1100}\u{1161}",
                      "\u{1F1EB}\u{1F1F7}", "\u{2060}", "\u{FEFF}", "\u{202E}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0..<20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = OutputText.forData(text).split(whereSeparator: \.isWhitespace).count
            #expect(WordCount.shown(in: text) == expected, "\(text.debugDescription)")
        }
    }
}
