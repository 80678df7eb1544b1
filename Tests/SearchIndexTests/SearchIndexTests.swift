import Foundation
import GRDB
import Testing
@testable import SearchIndex
import TranscriptKit

/// The index against a brute-force scan written here from the rules (`IndexQuery`'s
/// documentation), over the real corpus.
@Suite struct SearchIndexTests {
    static let sharedCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus").path
    static var hasSharedCorpus: Bool { FileManager.default.fileExists(atPath: sharedCorpus + "/009-stateful-and-stateless.md") }

    static func temporaryIndex() throws -> SearchIndex {
        try SearchIndex(path: NSTemporaryDirectory() + "podread-index-test-" + UUID().uuidString + ".sqlite")
    }

    /// Words as the rules say: runs of letters, digits and marks, without case or accents.
    static func folded(_ text: String, keepingCase: Bool = false) -> [String] {
        var words: [String] = []
        var word = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
                word.unicodeScalars.append(scalar)
            default:
                if !word.isEmpty { words.append(word); word = "" }
            }
        }
        if !word.isEmpty { words.append(word) }
        if keepingCase { return words.map { $0.folding(options: [.diacriticInsensitive], locale: nil) } }
        return words.map { $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased() }
    }

    /// Brute force: every (file, position) whose words hold `words` consecutively, the last
    /// as a prefix when `prefix`; an utterance that repeats an earlier one (same start, tag
    /// and text) is found where it first is. With `caseSensitive`, words keep their case.
    static func scan(_ transcripts: [Episode], _ words: [String], prefix: Bool, caseSensitive: Bool = false) -> Set<String> {
        var found = Set<String>()
        for episode in transcripts {
            for (position, utterance) in episode.utterances.enumerated() {
                let repeated = episode.utterances[..<position].contains {
                    $0.start == utterance.start && $0.tag == utterance.tag && $0.text == utterance.text
                }
                if repeated { continue }
                let spoken = caseSensitive ? folded(utterance.text, keepingCase: true) : folded(utterance.text)
                guard spoken.count >= words.count else { continue }
                for start in 0...(spoken.count - words.count) {
                    let matches = words.indices.allSatisfy { k in
                        k == words.count - 1 && prefix ? spoken[start + k].hasPrefix(words[k]) : spoken[start + k] == words[k]
                    }
                    if matches { found.insert("\(episode.file)#\(position)"); break }
                }
            }
        }
        return found
    }

    static func results(_ index: SearchIndex, _ text: String) throws -> Set<String> {
        var found = Set<String>()
        try index.search(try #require(IndexQuery(text)), order: .time) { hit in
            found.insert("\(hit.file)#\(hit.position)")
            return true
        }
        return found
    }

    @Test(.enabled(if: hasSharedCorpus, "../shared/corpus is absent"))
    func resultsEqualABruteForceScanOfTheRealCorpus() throws {
        let corpus = try CorpusLoader.load(directory: Self.sharedCorpus, transcripts: true)
        let transcripts = corpus.transcripts()
        let index = try Self.temporaryIndex()
        let first = try index.update(corpus)
        #expect(first == SearchIndex.Changes(read: corpus.episodes.count, removed: 0, unchanged: 0))

        for term in ["cluster", "kubernetes", "nova", "etcd", "operator"] {
            let expected = Self.scan(transcripts, [term], prefix: true)
            #expect(!expected.isEmpty, "\(term)")
            #expect(try Self.results(index, term) == expected, "\(term)")
        }
        let phrase = Self.scan(transcripts, ["stateful", "workloads"], prefix: false)
        #expect(!phrase.isEmpty)
        #expect(try Self.results(index, "\"stateful workloads\"") == phrase)
        let either = Self.scan(transcripts, ["etcd"], prefix: true).union(Self.scan(transcripts, ["helm"], prefix: true))
        #expect(try Self.results(index, "etcd OR helm") == either)
        let without = Self.scan(transcripts, ["cluster"], prefix: true).subtracting(Self.scan(transcripts, ["kubernetes"], prefix: true))
        #expect(try Self.results(index, "cluster -kubernetes") == without)
        let both = Self.scan(transcripts, ["cluster"], prefix: true).intersection(Self.scan(transcripts, ["storage"], prefix: true))
        #expect(try Self.results(index, "cluster storage") == both)

        // A capital: only the words with that capital.
        let capital = Self.scan(transcripts, ["Kubelet"], prefix: true, caseSensitive: true)
        #expect(!capital.isEmpty && capital.count < Self.scan(transcripts, ["kubelet"], prefix: true).count)
        #expect(try Self.results(index, "Kubelet") == capital)
        // Accents are ignored either way round: the corpus has "Nóva".
        #expect(try Self.results(index, "nóva") == Self.scan(transcripts, ["nova"], prefix: true))

        // Nothing changed: nothing read.
        #expect(try index.update(corpus) == SearchIndex.Changes(read: 0, removed: 0, unchanged: corpus.episodes.count))
    }

    static let makeCorpus = URL(fileURLWithPath: sharedCorpus).deletingLastPathComponent().appendingPathComponent("tools/make-corpus").path

    /// A generated corpus, hostile files included, and a WebVTT file whose phrase runs across
    /// two cues with accents: every query equals the scan.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: makeCorpus), "../shared/tools/make-corpus is absent"))
    func resultsEqualABruteForceScanOfAGeneratedCorpus() throws {
        let folder = NSTemporaryDirectory() + "podread-index-generated-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(system("python3 '\(Self.makeCorpus)' --episodes 30 --out '\(folder)' --hostile --huge-mb 1 --seed 11 --quiet") == 0)
        try Data("""
            WEBVTT

            00:00:01.000 --> 00:00:03.000
            <v Ann>We ordered a café

            00:00:03.000 --> 00:00:05.000
            <v Ann>crème brûlée, and one more café.

            """.utf8).write(to: URL(fileURLWithPath: folder + "/zz-cafe.vtt"))
        let corpus = try CorpusLoader.load(directory: folder, transcripts: true)
        let transcripts = corpus.transcripts()
        #expect(corpus.episodes.count > 30)
        let index = try Self.temporaryIndex()
        try index.update(corpus)

        for term in ["cluster", "latency", "the", "kube", "cafe", "café", "brulee"] {
            #expect(try Self.results(index, term) == Self.scan(transcripts, Self.folded(term), prefix: true), "\(term)")
        }
        // A phrase taken from the generated text itself: the second and third words of the
        // first utterance of six words or more.
        let words = try #require(transcripts.lazy.flatMap(\.utterances).map { Self.folded($0.text) }.first { $0.count >= 6 })
        let phrase = Array(words.dropFirst().prefix(2))
        #expect(phrase.count == 2)
        let found = Self.scan(transcripts, phrase, prefix: false)
        #expect(!found.isEmpty)
        #expect(try Self.results(index, "\"" + phrase.joined(separator: " ") + "\"") == found)
        // Across the cue boundary, accents either way round; the hit starts at the cue its first word is in.
        let across = Self.scan(transcripts, ["cafe", "creme"], prefix: false)
        #expect(across.count == 1)
        for query in ["\"cafe creme\"", "\"café crème\"", "\"CAFE creme\"".lowercased()] {
            #expect(try Self.results(index, query) == across, "\(query)")
        }
        var starts: [Double] = []
        try index.search(try #require(IndexQuery("\"creme brulee\""))) { starts.append($0.start); return true }
        #expect(starts == [3])
    }

    @Test func anEditedTouchedReplacedOrDeletedFileIsNeverStale() throws {
        let folder = NSTemporaryDirectory() + "podread-index-corpus-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func write(_ name: String, _ line: String) throws {
            try Data("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>\(line)\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try write("a.vtt", "Apples grow here.")
        try write("b.vtt", "Bananas grow there.")
        let index = try Self.temporaryIndex()
        func search(_ text: String) throws -> Set<String> {
            try index.update(try CorpusLoader.load(directory: folder, transcripts: false))
            return Set(try Self.results(index, text).map { ($0 as NSString).lastPathComponent })
        }
        #expect(try search("grow") == ["a.vtt#0", "b.vtt#0"])
        try write("a.vtt", "Cherries now.")
        #expect(try search("apples").isEmpty)
        #expect(try search("cherries") == ["a.vtt#0"])
        try FileManager.default.removeItem(atPath: folder + "/b.vtt")
        #expect(try search("grow").isEmpty)
    }

    @Test func aChangeForgetsTheStoredListingAndAnotherBuildReadsEverythingAgain() throws {
        let folder = NSTemporaryDirectory() + "podread-index-listing-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, line) in [("a.vtt", "Apples\u{0} after a NUL."), ("b.vtt", "Bananas.")] {
            try Data("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>\(line)\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        Thread.sleep(forTimeInterval: 1.1)   // settled: a file changed within the last second is never trusted
        let index = try Self.temporaryIndex()
        let corpus = try CorpusLoader.load(directory: folder, transcripts: false)
        try index.update(corpus)
        try index.store(corpus, listingState: "S")
        #expect(try index.storedListingState() == "S")
        // Words after a NUL are indexed (SQLite would end a C string there).
        var texts: [String] = []
        try index.search(try #require(IndexQuery("after"))) { texts.append($0.text); return true }
        #expect(texts == ["Apples\u{FFFD} after a NUL."])
        // Nothing to do: the listing stays; a file forgotten (a reader's older corpus, say): gone.
        try index.update(corpus)
        #expect(try index.storedListingState() == "S")
        try index.update(Corpus(directory: folder, episodes: [corpus.episodes[0]]))
        #expect(try index.storedListingState() == nil)
        // Made by another build: every file read again.
        try index.pool.write { db in try db.execute(sql: "UPDATE made SET program = 'another build'") }
        #expect(try index.update(corpus).read == 2)
    }

    /// Opened by another build, the index is made again from nothing, not emptied row by row.
    @Test func anIndexFromAnotherBuildIsMadeAgainWhenOpened() throws {
        let path = NSTemporaryDirectory() + "podread-index-test-" + UUID().uuidString + ".sqlite"
        let folder = NSTemporaryDirectory() + "podread-index-build-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Apples.\n".utf8).write(to: URL(fileURLWithPath: folder + "/a.vtt"))
        Thread.sleep(forTimeInterval: 1.1)
        let corpus = try CorpusLoader.load(directory: folder, transcripts: false)
        do {
            let index = try SearchIndex(path: path)
            try index.update(corpus)
            #expect(try index.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM file") } == 1)
            try index.pool.write { db in try db.execute(sql: "UPDATE made SET program = 'another build'") }
        }
        let reopened = try SearchIndex(path: path)
        #expect(try reopened.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM file") } == 0)
        #expect(try reopened.update(corpus).read == 1)
    }

    /// `store` writes only what changed, and what it keeps is the corpus it was given.
    @Test func storingAgainKeepsExactlyTheNewCorpus() throws {
        let index = try Self.temporaryIndex()
        func episode(_ file: String, _ title: String, speakers: [String]) -> EpisodeSummary {
            var summary = EpisodeSummary(file: file)
            summary.id = file
            summary.title = title
            summary.speakers = speakers.map { Speaker(tag: $0, name: $0 + " Name", role: .host, isCertain: true, reason: "") }
            return summary
        }
        func kept() throws -> [String] {
            try index.storedCorpus(directory: "/d").episodes.map { e in
                "\(e.file) \(e.title) " + e.speakers.map { "\($0.tag)=\($0.name)" }.joined(separator: ",")
            }
        }
        let first = [episode("/d/a.md", "A", speakers: ["AL", "BO"]), episode("/d/b.md", "B", speakers: ["CY"]),
                     episode("/d/c.md", "C", speakers: [])]
        try index.store(Corpus(directory: "/d", episodes: first), listingState: "1")
        #expect(try kept() == ["/d/a.md A AL=AL Name,BO=BO Name", "/d/b.md B CY=CY Name", "/d/c.md C "])
        // b retitled, a loses a speaker, c gone, d new, and the order changes.
        let second = [episode("/d/d.md", "D", speakers: ["DI"]), episode("/d/b.md", "B2", speakers: ["CY"]),
                      episode("/d/a.md", "A", speakers: ["AL"])]
        try index.store(Corpus(directory: "/d", episodes: second), listingState: "2")
        #expect(try kept() == ["/d/d.md D DI=DI Name", "/d/b.md B2 CY=CY Name", "/d/a.md A AL=AL Name"])
        #expect(try index.storedListingState() == "2")
    }

    @Test func withCapitalsOnlyTheWordsThatHaveThemAreMarked() throws {
        let folder = NSTemporaryDirectory() + "podread-index-capitals-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // "nasa" in the first cue, "NASA" in the second: the hit is spoken when NASA is.
        try Data("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>not nasa but\n\n00:00:05.000 --> 00:00:06.000\n<v Ann>NASA itself\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/n.vtt"))
        let index = try Self.temporaryIndex()
        try index.update(try CorpusLoader.load(directory: folder, transcripts: false))
        var hits: [SearchIndex.Hit] = []
        try index.search(try #require(IndexQuery("NASA"))) { hits.append($0); return true }
        let hit = try #require(hits.first)
        #expect(hits.count == 1)
        #expect(hit.matches.map { String(Array(hit.text)[$0]) } == ["NASA"])
        #expect(hit.start == 5)
        hits = []
        try index.search(try #require(IndexQuery("nasa"))) { hits.append($0); return true }
        #expect(hits.first.map { hit in hit.matches.map { String(Array(hit.text)[$0]) } } == ["nasa", "NASA"])
        #expect(hits.first?.start == 1)
    }

    @Test func marksAloneAreNoWord() {
        #expect(IndexQuery("\u{2764}\u{FE0F}") == nil)
        #expect(IndexQuery("caf\u{0065}\u{0301}")?.match == "(\"caf\u{0065}\u{0301}\" *)")
    }

    @Test func aDamagedIndexIsSetAsideAndMadeAgain() throws {
        let path = NSTemporaryDirectory() + "podread-index-damaged-" + UUID().uuidString + ".sqlite"
        try Data("not a database at all".utf8).write(to: URL(fileURLWithPath: path))
        let index = try SearchIndex(path: path)
        #expect(FileManager.default.fileExists(atPath: path + ".damaged"))
        var count = 0
        try index.search(try #require(IndexQuery("anything"))) { _ in count += 1; return true }
        #expect(count == 0)
    }

    @Test func queriesBecomeFTS5Expressions() {
        #expect(IndexQuery("cluster")?.match == "(\"cluster\" *)")
        #expect(IndexQuery("\"stateful workloads\" don't")?.match == "(\"stateful workloads\") AND (\"don t\" *)")
        #expect(IndexQuery("a OR b -c")?.match == "(\"a\" * OR \"b\" *) NOT \"c\" *")
        #expect(IndexQuery("-only") == nil)
        // FTS5's own syntax in what a user types is only words.
        #expect(IndexQuery("\"\"\" * NEAR(")?.match == "(\"NEAR\")")
        #expect(IndexQuery("* ( ) : ^") == nil)
    }

    @Test func whatAUserTypesNeverBreaksTheQuery() throws {
        let index = try Self.temporaryIndex()
        for text in ["NEAR(a b)", "a:b", "\"unclosed", "AND OR NOT", "col:text ^start", "x\u{0}y", "💥 -", "OR a", "a OR", "a OR OR b"] {
            guard let query = IndexQuery(text) else { continue }
            try index.search(query) { _ in true }
        }
    }
}
