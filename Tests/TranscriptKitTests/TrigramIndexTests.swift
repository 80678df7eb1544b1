import Foundation
import Testing
@testable import TranscriptKit

/// Trigram filters may let a file through without a match, never skip one with a match.
@Suite struct TrigramIndexTests {
    @Test(.enabled(if: Fixture.hasSharedCorpus, "../shared/corpus is absent: skipped")) func everyPieceOfEveryUtteranceIsLetThrough() throws {
        var generator = SystemRandomNumberGenerator()
        for episode in try CorpusLoader.load(directory: Fixture.sharedCorpus).transcripts() {
            let filter = TrigramFilter(episode.utterances)
            for utterance in episode.utterances {
                let folded = Array(SearchText.fold(utterance.text, caseSensitive: false))
                guard folded.count > 3 else { continue }
                let start = Int.random(in: 0..<(folded.count - 3), using: &generator)
                let end = Int.random(in: (start + 3)...min(folded.count, start + 12), using: &generator)
                #expect(filter.mayContain(String(folded[start..<end])), "\(episode.id)")
            }
        }
    }

    /// Filters hold case-insensitively folded text, and serve case-sensitive queries too:
    /// folding a scalar without case, then case-insensitively, is folding it case-insensitively
    /// (checked for every scalar below U+2500; the fuzz target checks the rest), and (below)
    /// a capitalised word of every utterance is let through.
    @Test func caseSensitiveQueriesAreLetThrough() throws {
        for value in 0..<0x2500 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            #expect(SearchText.fold(SearchText.fold(text, caseSensitive: true), caseSensitive: false)
                    == SearchText.fold(text, caseSensitive: false), "U+\(String(value, radix: 16))")
        }
    }

    @Test(.enabled(if: Fixture.hasSharedCorpus, "../shared/corpus is absent: skipped"))
    func capitalisedWordsOfTheRealCorpusAreLetThrough() throws {
        var generator = SystemRandomNumberGenerator()
        for episode in try CorpusLoader.load(directory: Fixture.sharedCorpus).transcripts() {
            let filter = TrigramFilter(episode.utterances)
            for utterance in episode.utterances {
                let words = utterance.text.split(whereSeparator: \.isWhitespace).map(String.init)
                guard let word = words.randomElement(using: &generator), word.count >= 3,
                      let query = SearchQuery(typed: word.prefix(1).uppercased() + word.dropFirst()) else { continue }
                if query.caseSensitive, query.matches(utterance.text) {
                    #expect(query.caselessNeedles.allSatisfy(filter.mayContain), "\(episode.id) \(word)")
                }
            }
        }
    }

    @Test(.enabled(if: Fixture.hasSharedCorpus, "../shared/corpus is absent: skipped")) func wordsThatAreNotThereAreMostlyRuledOut() throws {
        let episodes = try CorpusLoader.load(directory: Fixture.sharedCorpus).transcripts()
        // Made-up words: grep -ril 'zqxv\|quixotry\|blorptang' ../shared/corpus finds nothing.
        let passed = episodes.count { episode in
            let filter = TrigramFilter(episode.utterances)
            return ["zqxv", "quixotry", "blorptang"].contains(where: filter.mayContain)
        }
        #expect(passed <= 2)
    }

    /// Searching with the index gives what searching without it gives, the first time (when
    /// it is made), the second (when it is used) and after a file changes.
    @Test(.enabled(if: Fixture.hasSharedCorpus, "../shared/corpus is absent: skipped")) func searchWithTheIndexFindsTheSame() throws {
        let directory = try SummaryCacheTests.settledCopy(of: Fixture.sharedCorpus)
        let environment = ["XDG_CACHE_HOME": Fixture.temporaryDirectory()]
        let plain = try CorpusLoader.load(directory: directory)
        let queries = ["krakow", "stateful database", "\"cloud native\"", "kubernetes", "zqxv", "Kubernetes", "ne",
                       "Kraków", "KRAKOW", "\"Cloud Native\"", "Zqxv"]
        func hits(_ corpus: Corpus, _ text: String) -> [String] {
            corpus.search(SearchQuery(typed: text)!).map { "\(corpus.episodes[$0.episode].id) \($0.utterance)" }
        }
        let truth = queries.map { hits(plain, $0) }
        for _ in 0..<2 {
            let cached = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
            #expect(queries.map { hits(cached, $0) } == truth)
        }
        let summaries = try #require(SummaryCache.location(for: directory, environment: environment))
        #expect(TrigramIndex(path: TrigramIndex.location(summaries: summaries)).filters.count == 22)

        // A word appears in one file: its filter is stale and must not hide it.
        let file = directory + "/009-stateful-and-stateless.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try (text + "\n[01:00:00] CC: a zqxv appears.\n").write(toFile: file, atomically: false, encoding: .utf8)
        let changed = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
        #expect(hits(changed, "zqxv").count == 1)
        #expect(hits(changed, "Zqxv").isEmpty)
    }
}
