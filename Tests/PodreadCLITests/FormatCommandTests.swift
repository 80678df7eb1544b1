import Foundation
import Testing

/// The command line on a folder of feed transcripts: one episode in three formats, a
/// chapters file, a WebVTT file under another name, and a file that is not a transcript.
@Suite(.enabled(if: FeedFolder.available, "../shared/real-transcripts is absent: feed-folder command tests skipped"))
struct FormatCommandTests {
    typealias Object = [String: Any]

    let folder = FeedFolder.path

    @Test func oneEpisodePerNameReadFromTheRichestFile() throws {
        let list = try #require(try CLI.json(["list", "--json", "--data", folder]) as? [Object])
        #expect(list.map { ($0["file"] as? String).map { ($0 as NSString).lastPathComponent } } == ["buzzcast.json", "example.vtt"])
        #expect(list.map { $0["format"] as? String } == ["Podcasting 2.0 JSON", "WebVTT"])
        // Speaker turns counted by Tests/Oracles/transcript_words.py over buzzcast.json.
        #expect(list[0]["utterances"] as? Int == 34)

        let show = try CLI.run(["show", "buzzcast.html", "--data", folder])
        #expect(show.status == 0)
        let lines = show.stdout.split(separator: "\n").prefix(3).map(String.init)
        #expect(lines[1] == "Speakers: Alban (unknown), Kevin (unknown), Travis (unknown), Tom (unknown), Dave (unknown)")
        #expect(lines[2].hasPrefix("File: buzzcast.json, read as Podcasting 2.0 JSON"))
        #expect(lines[2].contains("also in buzzcast.html, buzzcast.srt"))
        #expect(lines[2].contains("chapters from buzzcast.chapters.json"))
        #expect(show.stdout.contains("── Preroll") == false)
        #expect(show.stdout.contains("[Preroll]"))

        // A path is that very file.
        let srt = try CLI.run(["show", folder + "/buzzcast.srt"])
        #expect(srt.stdout.split(separator: "\n")[2].hasPrefix("File: buzzcast.srt, read as SubRip ('Name:' prefixes"))
    }

    @Test func validateSaysHowEachFileWasRead() throws {
        let result = try CLI.run(["validate", "--data", folder])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.replacingOccurrences(of: folder + "/", with: "") }
        #expect(lines.contains { $0.hasPrefix("buzzcast.json:1: info: read as Podcasting 2.0 JSON") })
        #expect(lines.contains("example.vtt:1: info: read as WebVTT (<v Name> voices)"))
        #expect(lines.contains("notes.txt:1: warning: no speaker labels or times found: not read as a transcript; skipped"))
        #expect(result.stderr == "2 episode(s): 0 error(s), 1 warning(s)\n")
        let notATranscript = try CLI.run(["show", folder + "/notes.txt"])
        #expect(notATranscript.status != 0)
        #expect(notATranscript.stderr.contains("not read as a transcript"))
    }

    /// buzzcast.json repeats every span (a cue's two lines as two segments): talk time counts
    /// each moment once. Expected: the union of each speaker's spans, from Python over the file.
    @Test func statsCountRepeatedSpansOnce() throws {
        let stats = try #require(try CLI.json(["stats", "buzzcast", "--data", folder, "--json"]) as? Object)
        let speakers = try #require(stats["speakers"] as? [Object])
        let talk = Dictionary(uniqueKeysWithValues: speakers.map { ($0["speaker"] as! String, $0["talkTime"] as! Double) })
        #expect(talk == ["Alban": 487.23, "Kevin": 422.88, "Dave": 344.43, "Travis": 245.97, "Tom": 140.46])
    }

    @Test func searchFindsAPhraseOverTwoCues() throws {
        // "…record this" ends the first cue, "show. And Travis…" starts the second.
        let result = try CLI.run(["search", "\"record this show\"", "--data", folder])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("buzzcast 0:00 Alban: "))
        #expect(result.stderr == "1 matching utterance(s) in 1 episode(s)\n")
    }
}

/// A folder of real feed transcripts, copied once for the suite.
enum FeedFolder {
    static let source = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/real-transcripts").path

    static var available: Bool { FileManager.default.fileExists(atPath: source + "/feeds/buzzcast.json") }

    /// Made on first use, removed at exit.
    static let path: String = {
        let folder = NSTemporaryDirectory() + "podread-feeds-\(getpid())"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: FeedFolder.path) }
        for name in ["buzzcast.json", "buzzcast.srt", "buzzcast.html"] {
            try! FileManager.default.copyItem(atPath: source + "/feeds/" + name, toPath: folder + "/" + name)
        }
        try! FileManager.default.copyItem(atPath: source + "/podcasting20/example.vtt", toPath: folder + "/example.vtt")
        try! Data(#"{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Preroll"}, {"startTime": 600, "title": "Video"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: folder + "/buzzcast.chapters.json"))
        try! Data("Some notes about the show, not a transcript.\n".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        return folder
    }()
}
