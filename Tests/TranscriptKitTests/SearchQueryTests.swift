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
            corpus.episodes[0].speaker(of: corpus.episodes[0].utterances[$0.utterance]).name == "Nicholas Lane"
        })
    }

    @Test(.enabled(if: Fixture.hasSharedCorpus, "../shared/corpus is absent"))
    func countsOverTheRealCorpus() throws {
        let corpus = try CorpusLoader.load(directory: Fixture.sharedCorpus)
        let count = { (arguments: [String], speakers: [String]) in corpus.search(SearchQuery(arguments: arguments)!, speakers: speakers).count }
        #expect(count(["nova"], []) == 16)
        #expect(count(["kubernetes"], []) == 473)
        #expect(count(["korbes"], []) == 1)
        #expect(count(["\"cloud native\""], ["JR"]) == 16)
        let inOne = corpus.search(SearchQuery(arguments: ["kubernetes"])!, episode: "15")
        #expect(!inOne.isEmpty && inOne.allSatisfy { corpus.episodes[$0.episode].number == 15 })
    }
}
