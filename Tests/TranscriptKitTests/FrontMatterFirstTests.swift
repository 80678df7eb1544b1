import Foundation
import Testing
@testable import TranscriptKit

/// Everything `list` and `validate` show of a corpus, to compare loads.
func listing(_ corpus: Corpus) -> [String] {
    corpus.episodes.map { e in
        let speakers = e.speakers.map { "\($0.tag)=\($0.name)/\($0.role)/\($0.isCertain)" }.joined(separator: ",")
        return "\(e.file)|\(e.id)|\(e.number ?? -1)|\(e.title)|\(e.hosts.map(\.name))|\(e.guests.map(\.name))|"
            + "\(e.utteranceCount)|\(e.duration)|\(e.utteranceCounts)|\(speakers)|\(e.diagnostics.map(\.formatted))"
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
        #expect(listing(completed) == listing(once))
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
