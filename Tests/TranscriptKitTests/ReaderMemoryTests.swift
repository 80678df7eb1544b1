import Foundation
import Testing
@testable import TranscriptKit

/// The reader's memory file: readable JSON, written whole or not at all, merged between
/// readers, and a damaged file set aside instead of trusted or fatal.
@Suite struct ReaderMemoryTests {
    static func bookmark(_ n: Int) -> Bookmark {
        Bookmark(corpus: "/c", file: "e\(n).md", position: ReadingPosition(utterance: n, time: Double(n)), note: "note \(n)",
                 created: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func writesReadableJSONAndReadsItBack() throws {
        let path = Fixture.temporaryDirectory() + "/podread/state.json"
        ReaderMemory.update(path: path) { memory in
            memory.bookmarks.append(Self.bookmark(1))
            memory.corpora["/c", default: ReaderMemory.CorpusMemory()].lastEpisode = "e1.md"
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"note\" : \"note 1\""))
        #expect(text.contains("\"created\" : \"2023-11-14T22:13:20Z\""))
        let (memory, warning) = ReaderMemory.load(path: path)
        #expect(warning == nil)
        #expect(memory.bookmarks == [Self.bookmark(1)])
        #expect(memory.corpora["/c"]?.lastEpisode == "e1.md")
        // Nothing but the file and its lock is left in the folder.
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["state.json", "state.json.lock"])
    }

    @Test func aDamagedFileIsMovedAside() throws {
        let folder = Fixture.temporaryDirectory()
        let path = folder + "/state.json"
        for damage in ["{\"version\": 1, \"corpora\": ", "not json", "[1, 2]"] {
            Fixture.write(damage, to: path)
            let (memory, warning) = ReaderMemory.load(path: path)
            #expect(memory == ReaderMemory())
            #expect(warning?.contains("moved to \(path).corrupt-") == true)
            #expect(!FileManager.default.fileExists(atPath: path))
            let aside = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("state.json.corrupt-") }
            #expect(!aside.isEmpty)
            for name in aside {
                #expect(try String(contentsOfFile: folder + "/" + name, encoding: .utf8) == damage)
                try FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
    }

    /// Eight writers at once, forty bookmarks each: every one is in the file afterwards.
    @Test func readersWritingAtOnceLoseNothing() {
        let path = Fixture.temporaryDirectory() + "/state.json"
        DispatchQueue.concurrentPerform(iterations: 8) { writer in
            for n in 0..<40 {
                ReaderMemory.update(path: path) { $0.bookmarks.append(Self.bookmark(writer * 100 + n)) }
            }
        }
        let saved = ReaderMemory.load(path: path).memory.bookmarks.map(\.position.utterance)
        #expect(saved.count == 320)
        #expect(Set(saved) == Set((0..<8).flatMap { w in (0..<40).map { w * 100 + $0 } }))
    }

    /// A newer podread's file is neither read nor changed; fields this one does not know are
    /// kept when it writes.
    @Test func newerFilesAreLeftAloneAndUnknownFieldsKept() throws {
        let folder = Fixture.temporaryDirectory()
        let path = folder + "/state.json"
        let newer = "{\"version\": 99, \"corpora\": {}, \"bookmarks\": []}"
        Fixture.write(newer, to: path)
        let (memory, warning) = ReaderMemory.load(path: path)
        #expect(memory == ReaderMemory())
        #expect(warning?.contains("written by a newer podread (version 99)") == true)
        ReaderMemory.update(path: path) { $0.corpora["/c", default: .init()].lastEpisode = "e.md" }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == newer)

        Fixture.write("{\"version\": 1, \"theme\": \"dark\", \"corpora\": {\"/c\": {\"pinned\": true, \"positions\": {}}}, \"bookmarks\": []}", to: path)
        ReaderMemory.update(path: path) { $0.corpora["/c", default: .init()].lastEpisode = "e.md" }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(object["theme"] as? String == "dark")
        let corpus = try #require((object["corpora"] as? [String: Any])?["/c"] as? [String: Any])
        #expect(corpus["pinned"] as? Bool == true)
        #expect(corpus["lastEpisode"] as? String == "e.md")
        #expect(ReaderMemory.load(path: path).memory.corpora["/c"]?.lastEpisode == "e.md")
    }

    /// Its folder must be private: made 0700, and one others can write to is not used.
    @Test func theFolderIsPrivate() throws {
        let base = Fixture.temporaryDirectory()
        let path = base + "/podread/state.json"
        ReaderMemory.update(path: path) { $0.corpora["/c", default: .init()].lastEpisode = "e.md" }
        var info = stat()
        #expect(stat(base + "/podread", &info) == 0 && info.st_mode & 0o777 == 0o700)
        let shared = Fixture.temporaryDirectory() + "/open"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        chmod(shared, 0o777)
        Fixture.write("{\"version\": 1, \"corpora\": {}, \"bookmarks\": []}", to: shared + "/state.json")
        #expect(ReaderMemory.load(path: shared + "/state.json").warning?.contains("others can write") == true)
    }
}
