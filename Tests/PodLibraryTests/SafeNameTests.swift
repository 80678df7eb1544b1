import Testing
@testable import PodLibrary

@Suite struct SafeNameTests {
    @Test func titlesBecomeNamesThatStayInTheirFolder() {
        #expect(SafeName.make("Episode 1: Hello, World!", fallback: "x") == "episode-1-hello-world")
        #expect(SafeName.make("../../etc/passwd", fallback: "x") == "etc-passwd")
        #expect(SafeName.make("Ça va — été", fallback: "x") == "ca-va-ete")
        #expect(SafeName.make("a\u{1B}[31mred\u{7}\u{202E}b", fallback: "x") == "a-31mred-b")
        #expect(SafeName.make(".hidden", fallback: "x") == "hidden")
        #expect(SafeName.make("日本語", fallback: "Guid-42") == "guid-42")
        #expect(SafeName.make("", fallback: "") == "item")
    }

    @Test func reservedNamesAreAvoided() {
        #expect(SafeName.make("Speakers", fallback: "x") == "x-speakers")   // would be speakers.yaml
        #expect(SafeName.make("README", fallback: "x") == "x-readme")
        #expect(SafeName.make("con", fallback: "x") == "x-con")
        #expect(SafeName.make("LPT1", fallback: "x") == "x-lpt1")
        #expect(SafeName.make("console", fallback: "x") == "console")
    }

    @Test func namesAreShortAndUnique() {
        let long = String(repeating: "word ", count: 40)
        let name = SafeName.make(long, fallback: "x")
        #expect(name.count == 59)   // "word-" × 11 + "word" = 59, the next word would pass 60
        #expect(SafeName.make("Hello", fallback: "x", taken: ["hello"]) == "hello-2")
        #expect(SafeName.make("Hello", fallback: "x", taken: ["hello", "hello-2"]) == "hello-3")
        let full = String(repeating: "a", count: 60)
        #expect(SafeName.make(full, fallback: "x", taken: [full]) == String(repeating: "a", count: 58) + "-2")
        // Cut where a hyphen was: no double hyphen. "a a a …" is "a-a-…-a", 59 characters;
        // its first 58 end with a hyphen.
        let letters = String(repeating: "a ", count: 40)
        #expect(SafeName.make(letters, fallback: "x") == String(repeating: "a-", count: 29) + "a")
        #expect(SafeName.make(letters, fallback: "x", taken: [String(repeating: "a-", count: 29) + "a"])
                == String(repeating: "a-", count: 28) + "a-2")
    }
}
