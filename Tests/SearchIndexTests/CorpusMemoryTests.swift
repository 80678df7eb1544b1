import Foundation
import Testing
@testable import SearchIndex
@testable import TranscriptKit

/// What the index keeps of a loaded corpus (`CorpusMemory`) must give exactly what reading
/// the files gives: never stale, never damaged, whatever happened to the index's file.
@Suite struct CorpusMemoryTests {
    /// Everything `list` and `validate` show of a corpus, to compare loads.
    static func listing(_ corpus: Corpus) -> [String] {
        corpus.episodes.map { e in
            let speakers = e.speakers.map { "\($0.tag)=\($0.name)/\($0.role)/\($0.isCertain)" }.joined(separator: ",")
            return "\(e.file)|\(e.id)|\(e.number ?? -1)|\(e.title)|\(e.hosts.map(\.name))|\(e.guests.map(\.name))|"
                + "\(e.utteranceCount)|\(e.duration)|\(e.utteranceCounts)|\(speakers)|\(e.diagnostics.map(\.formatted))"
        }
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "podread-memory-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) {
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A copy of the real corpus whose files are older than the one-second settling time.
    static func settledCopy(of source: String) throws -> String {
        let directory = temporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".md") {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: directory + "/" + name)
        }
        Thread.sleep(forTimeInterval: 1.2)
        return directory
    }

    /// One load as a new podread process does it: the index opened afresh.
    static func load(_ directory: String, index path: String) throws -> Corpus {
        try CorpusLoader.load(directory: directory, transcripts: false, memory: SearchIndex(path: path))
    }

    static func indexPath() -> String { temporaryDirectory() + "/index.sqlite" }

    /// JR and KN name themselves through the hosts.
    static let header = "---\nepisode_id: t-1\nepisode_number: 1\ntitle: Test\nhosts:\n    - name: Josh Rosso\n    - name: Kris Nóva\n---\n\n"

    /// A folder of two settled episodes (t-1 and t-2, titled Test) of `body`.
    static func twoEpisodes() -> (directory: String, body: String) {
        let directory = temporaryDirectory()
        let body = "[0:00:01] JR: Hello.\n\n[0:00:05] KN: Hi.\n"
        write(header + body, to: directory + "/001-a.md")
        write(header.replacingOccurrences(of: "t-1", with: "t-2") + body, to: directory + "/002-b.md")
        Thread.sleep(forTimeInterval: 1.2)
        return (directory, body)
    }

    @Test(.enabled(if: SearchIndexTests.hasSharedCorpus, "../shared/corpus is absent: skipped"))
    func warmLoadEqualsReadingTheFiles() throws {
        let directory = try Self.settledCopy(of: SearchIndexTests.sharedCorpus)
        let path = Self.indexPath()
        let truth = try CorpusLoader.load(directory: directory)
        let cold = try Self.load(directory, index: path)
        let warm = try Self.load(directory, index: path)
        #expect(cold.fromCache == 0)
        #expect(!cold.resolvedFromCache)
        #expect(warm.fromCache == 22)
        #expect(warm.resolvedFromCache)
        #expect(Self.listing(cold) == Self.listing(truth))
        #expect(Self.listing(warm) == Self.listing(truth))
        // Without the resolved summaries: each file's summary from the index, speakers resolved again.
        try SearchIndex(path: path).keepResolved([], of: directory, state: "another state")
        let resolved = try Self.load(directory, index: path)
        #expect(resolved.fromCache == 22)
        #expect(!resolved.resolvedFromCache)
        #expect(Self.listing(resolved) == Self.listing(truth))
        // 009 has 110 utterances: grep -cE '^\[[0-9]' ../shared/corpus/009-stateful-and-stateless.md
        let index = try #require(warm.index(matching: "9"))
        #expect(warm.held.isEmpty)
        let full = warm.transcript(of: index)
        #expect(full.utterances.count == 110)
        #expect(full.speakers == truth.episodes[index].speakers)
        #expect(full.notes == truth.transcript(of: index).notes)
    }

    @Test func changedFilesAreReadAgain() throws {
        let (directory, body) = Self.twoEpisodes()
        let path = Self.indexPath()
        _ = try Self.load(directory, index: path)
        #expect(try Self.load(directory, index: path).fromCache == 2)

        // Same size, new title: the change time and (usually) the modification time differ.
        Self.write((Self.header + body).replacingOccurrences(of: "title: Test", with: "title: Tset"), to: directory + "/001-a.md")
        Self.write(Self.header.replacingOccurrences(of: "t-1", with: "t-2") + body + "\n[0:00:09] JR: Bye.\n",
                   to: directory + "/002-b.md")
        let changed = try Self.load(directory, index: path)
        #expect(changed.fromCache == 0)
        #expect(changed.episodes.map(\.title) == ["Tset", "Test"])
        #expect(changed.episodes.map(\.utteranceCount) == [2, 3])
        // Changed within the last second: read, but not trusted yet.
        #expect(try Self.load(directory, index: path).fromCache == 0)
        Thread.sleep(forTimeInterval: 1.2)
        _ = try Self.load(directory, index: path)
        #expect(try Self.load(directory, index: path).resolvedFromCache)

        let b = directory + "/002-b.md"
        let stamp = FileStamp(path: b)
        #expect(try SearchIndex(path: path).parsedSummaries(of: [b], in: directory, stamps: [stamp])[0]?.title == "Test")
        try FileManager.default.removeItem(atPath: b)
        let removed = try Self.load(directory, index: path)
        #expect(removed.episodes.map(\.title) == ["Tset"])
        #expect(!removed.resolvedFromCache)
        // A file gone is forgotten.
        #expect(try SearchIndex(path: path).parsedSummaries(of: [b], in: directory, stamps: [stamp])[0] == nil)
    }

    /// Resolved summaries are for one state of the folder: a new `speakers.yaml` or a new file is seen at once.
    @Test func resolvedFollowsSpeakersFileAndNewFiles() throws {
        let directory = Self.temporaryDirectory()
        let path = Self.indexPath()
        let body = "[0:00:01] JR: Hello.\n\n[0:00:05] KN: Hi.\n"
        Self.write(Self.header + body, to: directory + "/001-a.md")
        Thread.sleep(forTimeInterval: 1.2)
        _ = try Self.load(directory, index: path)
        let warm = try Self.load(directory, index: path)
        #expect(warm.resolvedFromCache)
        #expect(warm.episodes[0].speakers.map(\.name) == ["Josh Rosso", "Kris Nóva"])

        Self.write("KN: Somebody Else\n", to: directory + "/speakers.yaml")
        let overridden = try Self.load(directory, index: path)
        #expect(!overridden.resolvedFromCache)
        #expect(overridden.episodes[0].speakers.map(\.name) == ["Josh Rosso", "Somebody Else"])

        Self.write(Self.header.replacingOccurrences(of: "t-1", with: "t-2") + body, to: directory + "/002-b.md")
        let grown = try Self.load(directory, index: path)
        #expect(!grown.resolvedFromCache)
        #expect(grown.episodes.map(\.id) == ["t-1", "t-2"])
    }

    /// Another process updating the index holds its lock for as long as that takes: a load
    /// does not wait for it. It reads what the index has, keeps nothing until the lock is
    /// free, and reads the files when there is no index yet.
    @Test func aBusyIndexIsNotWaitedFor() throws {
        final class Outcome: @unchecked Sendable { var corpus: Corpus? }
        let (directory, _) = Self.twoEpisodes()
        let path = Self.indexPath()
        /// A load on a thread of its own, which must not wait for the lock.
        func loadWithoutWaiting(_ memory: @escaping @Sendable () throws -> SearchIndex) -> Corpus? {
            let outcome = Outcome()
            let done = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                outcome.corpus = try? CorpusLoader.load(directory: directory, transcripts: false, memory: memory())
                done.signal()
            }
            #expect(done.wait(timeout: .now() + 20) == .success, "the load waited for the lock")
            return outcome.corpus
        }
        // The lock file as another process's update holds it, before there is an index.
        let lock = open(path + ".lock", O_RDWR | O_CREAT, 0o600)
        #expect(flock(lock, LOCK_EX) == 0)
        #expect(throws: SearchIndexError.self) { try SearchIndex(path: path, waitingForOthers: false) }
        close(lock)
        let index = try SearchIndex(path: path)
        // Held while the index exists and has nothing kept: the files are read, nothing kept.
        let again = open(path + ".lock", O_RDWR)
        #expect(flock(again, LOCK_EX) == 0)
        let first = loadWithoutWaiting { index }
        #expect(first?.episodes.map(\.id) == ["t-1", "t-2"])
        #expect(first?.fromCache == 0)
        #expect(loadWithoutWaiting { try SearchIndex(path: path, waitingForOthers: false) }?.fromCache == 0)
        close(again)
        _ = try Self.load(directory, index: path)
        // Held again, with summaries kept: they are read without the lock.
        let third = open(path + ".lock", O_RDWR)
        #expect(flock(third, LOCK_EX) == 0)
        let kept = loadWithoutWaiting { try SearchIndex(path: path, waitingForOthers: false) }
        #expect(kept?.resolvedFromCache == true)
        #expect(kept?.episodes.map(\.id) == ["t-1", "t-2"])
        close(third)
    }

    /// Whatever is done to the index's file, a load gives what the files say, and the next
    /// loads make the index whole again.
    @Test(.enabled(if: SearchIndexTests.hasSharedCorpus, "../shared/corpus is absent: skipped"))
    func damagedIndexIsNeverBelieved() throws {
        let directory = try Self.settledCopy(of: SearchIndexTests.sharedCorpus)
        let path = Self.indexPath()
        let truth = Self.listing(try CorpusLoader.load(directory: directory))
        _ = try Self.load(directory, index: path)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        var damages = [Data(), Data("garbage".utf8), good.prefix(good.count / 2), Data(repeating: 0xFF, count: 4096)]
        // One byte flipped in each eighth of the file: pages of every kind.
        for eighth in 0..<8 {
            var flipped = good
            flipped[good.count * eighth / 8 + good.count / 16] ^= 0xFF
            damages.append(flipped)
        }
        for damage in damages {
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            try damage.write(to: URL(fileURLWithPath: path))
            #expect(Self.listing(try Self.load(directory, index: path)) == truth)
            #expect(Self.listing(try Self.load(directory, index: path)) == truth)
            let whole = try Self.load(directory, index: path)
            #expect(whole.resolvedFromCache)
            #expect(Self.listing(whole) == truth)
        }
    }

    /// Two voices, cues with ends: the last ends at 0:12.
    static let webVTT = "WEBVTT\n\n00:00:01.000 --> 00:00:04.500\n<v Ann Lee>Hello and welcome.\n\n"
        + "00:00:05.000 --> 00:00:12.000\n<v Bob>Thanks, Ann.\n"

    /// What the index keeps says how each file was read.
    @Test func readingSurvivesTheIndex() throws {
        let directory = Self.temporaryDirectory()
        let path = Self.indexPath()
        Self.write(Self.webVTT, to: directory + "/talk.vtt")
        Self.write("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nNote: one prefix\n", to: directory + "/once.vtt")
        Thread.sleep(forTimeInterval: 1.2)
        let cold = try Self.load(directory, index: path)
        let warm = try Self.load(directory, index: path)
        #expect(warm.resolvedFromCache)
        for corpus in [cold, warm] {
            #expect(corpus.episodes.map(\.reading.format) == [.webVTT, .webVTT])
            #expect(corpus.episodes.map(\.reading.hasEnds) == [true, true])
            #expect(corpus.episodes[1].speakers.map(\.isCertain) == [true, true])
            #expect(corpus.episodes[1].duration == 12)
        }
    }

    /// An imported episode's summaries follow its sidecar too.
    @Test func editingTheSidecarIsSeen() throws {
        let directory = Self.temporaryDirectory()
        let path = Self.indexPath()
        Self.write("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann Lee>Hello.\n", to: directory + "/talk.vtt")
        Self.write("title: First\n", to: directory + "/talk.yaml")
        Thread.sleep(forTimeInterval: 1.2)
        _ = try Self.load(directory, index: path)
        let warm = try Self.load(directory, index: path)
        #expect(warm.resolvedFromCache)
        #expect(warm.episodes.map(\.title) == ["First"])
        Self.write("title: Other\n", to: directory + "/talk.yaml")
        #expect(try Self.load(directory, index: path).episodes.map(\.title) == ["Other"])
        try FileManager.default.removeItem(atPath: directory + "/talk.yaml")
        #expect(try Self.load(directory, index: path).episodes.map(\.title) == ["talk"])
    }
}
