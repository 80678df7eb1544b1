import Foundation
import Testing
@testable import TranscriptKit

@Suite struct SearchQueryTests {
    @Test func parsingWordsAndPhrases() throws {
        #expect(SearchQuery(arguments: ["stateful", "database"])?.terms == ["stateful", "database"])
        #expect(SearchQuery(arguments: ["stateful database"])?.terms == ["stateful database"])   // the shell's quotes
        #expect(SearchQuery(arguments: ["\"stateful set\" kubernetes"])?.terms == ["stateful set", "kubernetes"])
        #expect(SearchQuery(arguments: ["  ", ""]) == nil)
        #expect(SearchQuery(arguments: ["nova"])?.caseSensitive == false)
        #expect(SearchQuery(arguments: ["Nova", "x"])?.caseSensitive == true)
    }

    @Test func matchingRules() throws {
        let all = try #require(SearchQuery(arguments: ["stateful", "database"]))
        #expect(all.matches("A Stateful app with a DATABASE."))
        #expect(!all.matches("A stateful app."))
        let phrase = try #require(SearchQuery(arguments: ["\"stateful set\""]))
        #expect(phrase.matches("use a Stateful Set here"))
        #expect(phrase.matches("stateful sets"))   // a phrase is a substring, as in grep -F
        #expect(!phrase.matches("a set that is stateful"))
        let accents = try #require(SearchQuery(arguments: ["korbes"]))
        #expect(accents.matches("Ellen Körbes"))
        let capital = try #require(SearchQuery(arguments: ["Nova"]))
        #expect(capital.matches("Kris Nóva"))
        #expect(!capital.matches("a nova star"))
        #expect(capital.ranges(in: "Nova, Nóva and nova") == [0..<4, 6..<10])
    }

    /// Expected counts come from a separate Python script that splits the files into
    /// utterances with regular expressions and folds accents with unicodedata (NFD, drop Mn).
    @Test func countsOverTheShippedEpisode() throws {
        let corpus = try CorpusLoader.load(directory: Fixture.root.appendingPathComponent("data").path)
        let count = { (arguments: [String]) in corpus.search(SearchQuery(arguments: arguments)!).count }
        #expect(count(["stateful", "database"]) == 10)
        #expect(count(["\"stateful set\""]) == 5)
        #expect(count(["State"]) == 3)
        #expect(corpus.search(SearchQuery(arguments: ["stateful"])!, speakers: ["Nicholas"]).allSatisfy {
            corpus.transcript(of: 0).speaker(of: corpus.transcript(of: 0).utterances[$0.utterance]).name == "Nicholas Lane"
        })
    }

    @Test(.enabled(if: Fixture.hasSharedCorpus, "../shared/corpus is absent"))
    func countsOverTheRealCorpus() throws {
        let corpus = try CorpusLoader.load(directory: Fixture.sharedCorpus)
        let count = { (arguments: [String], speakers: [String]) in corpus.search(SearchQuery(arguments: arguments)!, speakers: speakers).count }
        #expect(count(["nova"], []) == 16)
        // 473 utterances say it, 31 of them again in 002's second and third copy of its
        // transcript, found once (a short script keyed on time, tag and text counts the same 31).
        #expect(count(["kubernetes"], []) == 442)
        #expect(count(["korbes"], []) == 1)
        #expect(count(["\"cloud native\""], ["JR"]) == 15)   // 16, one of them repeated in 002
        let inOne = corpus.search(SearchQuery(arguments: ["kubernetes"])!, episode: "15")
        #expect(!inOne.isEmpty && inOne.allSatisfy { corpus.episodes[$0.episode].number == 15 })
    }
}

/// `ScalarFold` must fold exactly as Foundation does, which the search rules are written in.
@Suite struct ScalarFoldTests {
    static let awkward = [
        "Kraków Nóva ÉCOLE naïve façade smörgåsbord Øresund Łódź", "e\u{301}te\u{301} A\u{30A}", "Straße ß ẞ",
        "ΣΊΣΥΦΟΣ σίσυφος", "Ёлка ЁЖ", "ＦＵＬＬ ｗｉｄｔｈ", "ﬁne ﬀ", "İstanbul ı", "日本語 한국어 😀👍🏽",
        "\u{1B}[31mred\u{7} tab\there", "“quotes” – dash… ‘single’", "",
    ]

    @Test func foldsLikeFoundation() throws {
        var texts = Self.awkward
        if Fixture.hasSharedCorpus {
            for episode in try CorpusLoader.load(directory: Fixture.sharedCorpus).transcripts() {
                texts += episode.utterances.map(\.text) + [episode.title, episode.notes]
            }
        }
        for text in texts {
            for sensitive in [false, true] {
                #expect(ScalarFold.fold(text, caseSensitive: sensitive) == SearchText.foundationFold(text, caseSensitive: sensitive),
                        "\(text.prefix(40))")
            }
        }
    }

    /// Highlight ranges (character offsets) against folding each character with Foundation.
    @Test func rangesLikeFoldingEachCharacter() throws {
        var texts = Self.awkward + ["a\r\nb Ab", "ÀÀÀ aaa", "x﻿y"]
        if Fixture.hasSharedCorpus {
            for episode in try CorpusLoader.load(directory: Fixture.sharedCorpus).transcripts() {
                texts += episode.utterances.prefix(50).map(\.text)
            }
        }
        for text in texts {
            let folded = [false, true].map { Self.foldEachCharacter(text, $0) }
            for pattern in ["e", "a", "ova", "ss", "te", "Ab", "the", "ne", "σ"] {
                let sensitive = SearchText.isCaseSensitive(pattern)
                let (bytes, owner) = folded[sensitive ? 1 : 0]
                #expect(SearchText.ranges(of: pattern, in: text, caseSensitive: sensitive) == Self.reference(pattern, bytes, owner, sensitive),
                        "\(pattern) in \(text.prefix(40))")
            }
        }
    }

    /// The folded bytes, and for each byte the offset of the character it comes from.
    static func foldEachCharacter(_ text: String, _ sensitive: Bool) -> ([UInt8], [Int]) {
        var folded: [UInt8] = []
        var owner: [Int] = []
        for (index, character) in text.enumerated() {
            let bytes = Array(SearchText.foundationFold(String(character), caseSensitive: sensitive).utf8)
            folded += bytes
            owner += Array(repeating: index, count: bytes.count)
        }
        return (folded, owner)
    }

    static func reference(_ pattern: String, _ folded: [UInt8], _ owner: [Int], _ sensitive: Bool) -> [Range<Int>] {
        let needle = Array(SearchText.foundationFold(pattern, caseSensitive: sensitive).utf8)
        var result: [Range<Int>] = []
        var at = 0
        while !needle.isEmpty, at + needle.count <= folded.count {
            if folded[at] == needle[0], folded[at..<(at + needle.count)].elementsEqual(needle) {
                result.append(owner[at]..<(owner[at + needle.count - 1] + 1))
                at += needle.count
            } else {
                at += 1
            }
        }
        return result
    }

    @Test func indicesOfCharacterOffsets() {
        let text = "e\u{301}té!"
        let indices = SearchText.indices(of: [0, 1, 3, 4, 9], in: text)
        #expect(indices.map { text[text.startIndex..<$0] } == ["", "e\u{301}", "e\u{301}té", "e\u{301}té!", "e\u{301}té!"])
        let plain = "“ab” cd"
        let plainIndices = SearchText.indices(of: [1, 3, 7], in: plain)
        #expect(plainIndices.map { String(plain[$0...].prefix(1)) } == ["a", "”", ""])
    }

    /// Every tabled scalar alone, against Foundation.
    @Test func tableMatchesFoundation() {
        for value in UInt32(0x80)..<ScalarFold.tabled {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            #expect(ScalarFold.fold(text, caseSensitive: false) == SearchText.foundationFold(text, caseSensitive: false))
        }
    }
}

/// The raw-byte prefilter may let through files without a match, never drop one with a match.
@Suite struct SearchPrefilterTests {
    static func mayContain(_ needle: String, _ text: String, caseSensitive: Bool = false) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { SearchQuery.mayContain(needle, in: $0, caseSensitive: caseSensitive) }
    }

    @Test func accentsAndCaseCanStandForNeedleLetters() {
        #expect(Self.mayContain("krakow", "in Kraków today"))
        #expect(Self.mayContain("nova", "Kris NÓVA"))
        #expect(Self.mayContain("ete", "e\u{301}te\u{301}"))
        #expect(Self.mayContain("fine", "ﬁne"))
        #expect(!Self.mayContain("krakow", "in Warsaw today"))
        #expect(!Self.mayContain("Nova", "nova", caseSensitive: true))
        #expect(Self.mayContain("stateful set", "a Stateful Set"))
        #expect(!Self.mayContain("stateful set", "stateful\nset"))
    }

    @Test(.enabled(if: Fixture.hasSharedCorpus, "../shared/corpus is absent: skipped")) func prefilteredSearchFindsWhatAFullSearchFinds() throws {
        let full = try CorpusLoader.load(directory: Fixture.sharedCorpus)
        let summaries = try CorpusLoader.load(directory: Fixture.sharedCorpus, transcripts: false)
        for words in [["nova"], ["Nóva"], ["kubernetes", "cluster"], ["\"stateful set\""], ["zzzqqq"], ["Kelsey"], ["etcd"]] {
            let query = try #require(SearchQuery(arguments: words))
            let expected = full.search(query).map { [$0.episode, $0.utterance] }
            #expect(summaries.search(query).map { [$0.episode, $0.utterance] } == expected, "\(words)")
        }
    }
}
