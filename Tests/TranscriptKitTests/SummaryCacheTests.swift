import Foundation
import Testing
@testable import TranscriptKit

/// The summary cache must give exactly what reading the files gives, never stale data,
/// and shrug off a corrupt cache file.
@Suite struct SummaryCacheTests {
    /// Everything `list` and `validate` show of a corpus, to compare loads.
    static func listing(_ corpus: Corpus) -> [String] {
        corpus.episodes.map { e in
            let speakers = e.speakers.map { "\($0.tag)=\($0.name)/\($0.role)/\($0.isCertain)" }.joined(separator: ",")
            return "\(e.file)|\(e.id)|\(e.number ?? -1)|\(e.title)|\(e.hosts.map(\.name))|\(e.guests.map(\.name))|"
                + "\(e.utteranceCount)|\(e.duration)|\(e.utteranceCounts)|\(speakers)|\(e.diagnostics.map(\.formatted))"
        }
    }

    /// A corpus copy whose files are older than the cache's one-second settling time.
    static func settledCopy(of source: String) throws -> String {
        let directory = Fixture.temporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".md") {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: directory + "/" + name)
        }
        Thread.sleep(forTimeInterval: 1.2)
        return directory
    }

    @Test(.enabled(if: Fixture.hasSharedCorpus, "../shared/corpus is absent: skipped")) func warmLoadEqualsReadingTheFiles() throws {
        let directory = try Self.settledCopy(of: Fixture.sharedCorpus)
        let environment = ["XDG_CACHE_HOME": Fixture.temporaryDirectory()]
        let truth = try CorpusLoader.load(directory: directory)
        let cold = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
        let warm = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
        #expect(cold.fromCache == 0)
        #expect(warm.fromCache == 22)
        #expect(warm.fromSnapshot)
        #expect(Self.listing(cold) == Self.listing(truth))
        #expect(Self.listing(warm) == Self.listing(truth))
        // Without the snapshot: summaries from the cache, speakers resolved again.
        let summaries = try #require(SummaryCache.location(for: directory, environment: environment))
        try FileManager.default.removeItem(atPath: CorpusSnapshot.location(summaries: summaries))
        let resolved = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
        #expect(resolved.fromCache == 22)
        #expect(!resolved.fromSnapshot)
        #expect(Self.listing(resolved) == Self.listing(truth))
        // 009 has 86 utterances: grep -cE '^\[[0-9]' ../shared/corpus/009-stateful-and-stateless.md
        let index = try #require(warm.index(matching: "9"))
        #expect(warm.held.isEmpty)
        let full = warm.transcript(of: index)
        #expect(full.utterances.count == truth.transcript(of: index).utterances.count)
        #expect(full.speakers == truth.episodes[index].speakers)
        #expect(full.notes == truth.transcript(of: index).notes)
    }

    @Test func changedFilesAreReadAgain() throws {
        let directory = Fixture.temporaryDirectory()
        let environment = ["XDG_CACHE_HOME": Fixture.temporaryDirectory()]
        let body = "[0:00:01] JR: Hello.\n\n[0:00:05] KN: Hi.\n"
        Fixture.write(Fixture.minimalHeader + body, to: directory + "/001-a.md")
        Fixture.write(Fixture.minimalHeader.replacingOccurrences(of: "t-1", with: "t-2") + body, to: directory + "/002-b.md")
        Thread.sleep(forTimeInterval: 1.2)
        _ = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
        #expect(try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment).fromCache == 2)

        // Same size, new title: the change time and (usually) the modification time differ.
        Fixture.write((Fixture.minimalHeader + body).replacingOccurrences(of: "title: Test", with: "title: Tset"), to: directory + "/001-a.md")
        Fixture.write(Fixture.minimalHeader.replacingOccurrences(of: "t-1", with: "t-2") + body + "\n[0:00:09] JR: Bye.\n",
                      to: directory + "/002-b.md")
        let changed = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
        #expect(changed.fromCache == 0)
        #expect(changed.episodes.map(\.title) == ["Tset", "Test"])
        #expect(changed.episodes.map(\.utteranceCount) == [2, 3])

        try FileManager.default.removeItem(atPath: directory + "/002-b.md")
        let removed = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
        #expect(removed.episodes.count == 1)
    }

    /// A snapshot is for one state of the folder: a new `speakers.yaml` or a new file is seen at once.
    @Test func snapshotFollowsSpeakersFileAndNewFiles() throws {
        let directory = Fixture.temporaryDirectory()
        let environment = ["XDG_CACHE_HOME": Fixture.temporaryDirectory()]
        let body = "[0:00:01] JR: Hello.\n\n[0:00:05] KN: Hi.\n"
        Fixture.write(Fixture.minimalHeader + body, to: directory + "/001-a.md")
        Thread.sleep(forTimeInterval: 1.2)
        _ = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
        let warm = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
        #expect(warm.fromSnapshot)
        #expect(warm.episodes[0].speakers.map(\.name) == ["Josh Rosso", "Kris Nóva"])

        Fixture.write("KN: Somebody Else\n", to: directory + "/speakers.yaml")
        let overridden = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
        #expect(!overridden.fromSnapshot)
        #expect(overridden.episodes[0].speakers.map(\.name) == ["Josh Rosso", "Somebody Else"])

        Fixture.write(Fixture.minimalHeader.replacingOccurrences(of: "t-1", with: "t-2") + body, to: directory + "/002-b.md")
        let grown = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
        #expect(!grown.fromSnapshot)
        #expect(grown.episodes.map(\.id) == ["t-1", "t-2"])
    }

    @Test(.enabled(if: Fixture.hasSharedCorpus, "../shared/corpus is absent: skipped")) func corruptCacheIsIgnoredAndRebuilt() throws {
        let directory = try Self.settledCopy(of: Fixture.sharedCorpus)
        let home = Fixture.temporaryDirectory()
        let environment = ["XDG_CACHE_HOME": home]
        let truth = Self.listing(try CorpusLoader.load(directory: directory))
        _ = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
        let file = try #require(SummaryCache.location(for: directory, environment: environment))
        let snapshot = CorpusSnapshot.location(summaries: file)
        for damaged in [[file, snapshot], [snapshot]] {
            for damage in try damaged.map(Self.damages).reduce([], +) {
                for path in damaged { try damage.write(to: URL(fileURLWithPath: path)) }
                let loaded = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
                // Only the snapshot damaged: the summaries are still good.
                #expect(loaded.fromCache == (damaged.count == 1 ? 22 : 0))
                #expect(!loaded.fromSnapshot)
                #expect(Self.listing(loaded) == truth)
                let rebuilt = try CorpusLoader.load(directory: directory, transcripts: false, cache: true, environment: environment)
                #expect(rebuilt.fromCache == 22)
                #expect(rebuilt.fromSnapshot)
                #expect(Self.listing(rebuilt) == truth)
            }
        }
    }

    /// Empty, garbage, truncated, one byte flipped, all ones.
    static func damages(of path: String) throws -> [Data] {
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        var flipped = good
        flipped[good.count / 2] ^= 0xFF
        return [Data(), Data("garbage".utf8), good.prefix(good.count / 2), flipped, Data(repeating: 0xFF, count: 4096)]
    }
}

/// Front matter first, transcripts after: the same corpus as reading every file once.
@Suite struct FrontMatterFirstTests {
    static func check(_ directory: String) throws {
        let partial = try CorpusLoader.loadFrontMatter(directory: directory)
        let once = try CorpusLoader.load(directory: directory, transcripts: false)
        #expect(partial.isPartial)
        #expect(partial.episodes.map(\.title) == once.episodes.map(\.title))
        #expect(partial.episodes.map(\.number) == once.episodes.map(\.number))
        let completed = try CorpusLoader.load(directory: directory, transcripts: false, after: partial)
        #expect(!completed.isPartial)
        #expect(SummaryCacheTests.listing(completed) == SummaryCacheTests.listing(once))
        // The front matter was reused, not read again, for the files it could be.
        #expect(partial.frontMatterStamps.compactMap { $0 }.count >= partial.episodes.count / 2)
    }

    @Test(.enabled(if: Fixture.hasSharedCorpus, "../shared/corpus is absent: skipped")) func realCorpus() throws {
        try Self.check(Fixture.sharedCorpus)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: Fixture.makeCorpus)))
    func hostileCorpus() throws {
        try Self.check(HostileCorpusTests.directory)
    }
}
