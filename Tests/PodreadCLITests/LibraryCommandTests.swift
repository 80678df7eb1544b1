import FeedTestSupport
import Foundation
import Testing

/// `add`, `shows`, `update` and `remove` from the command line, against the test server,
/// with the library in a folder of the test's own (`XDG_DATA_HOME`).
@Suite(.enabled(if: FeedServer.isAvailable, "python3 is not installed: no test server"))
struct LibraryCommandTests {
    let server: FeedServer
    let home: String
    /// A folder with no `data` in it, where podread finds the library by default.
    let elsewhere: String

    init() throws {
        server = try FeedServer()
        home = server.sibling("home")
        elsewhere = server.sibling("cwd")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    }

    var environment: [String: String] { ["XDG_DATA_HOME": home, "XDG_CACHE_HOME": CLI.cacheHome] }

    func run(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, environment: environment, directory: elsewhere)
    }

    func feed(brokenTranscript: Bool = false) -> TestFeed {
        server.put("one.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann>Welcome to the show.\n\n00:00:05.000 --> 00:00:09.000\n<v Bo>Glad to be here.\n")
        server.put("chapters.json", #"{"version":"1.2.0","chapters":[{"startTime":0,"title":"Hello"},{"startTime":5,"title":"Guest"}]}"#)
        var feed = TestFeed(title: "Command Line Radio")
        feed.persons = [("Ann Arbor", "host")]
        feed.items = [
            .init(title: "First words", guid: "cl-1", number: 1, persons: [("Ann Arbor", "host"), ("Bo Diddley", "guest")],
                  transcripts: [(server.url(brokenTranscript ? "status/404" : "files/one.vtt").absoluteString, "text/vtt")],
                  chapters: server.url("files/chapters.json").absoluteString),
            .init(title: "Notes only", guid: "cl-2", date: "Sat, 18 Mar 2023 10:00:00 GMT", number: 2, notes: "Read me."),
        ]
        return feed
    }

    @Test func addListUpdateAndRemove() throws {
        server.put("feed.xml", feed().xml)
        let add = try run(["add", server.url("files/feed.xml").absoluteString])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("Subscribed to Command Line Radio (2 episodes)"))
        #expect(add.stdout.contains("2 new episode(s), 1 transcript(s), 1 chapter file(s)"))
        // On a pipe: no progress line.
        #expect(!add.stderr.contains("[1/1]"))

        let shows = try JSONSerialization.jsonObject(with: Data(try run(["shows", "--json"]).stdout.utf8)) as? [[String: Any]]
        #expect(shows?.count == 1)
        #expect(shows?.first?["title"] as? String == "Command Line Radio")
        #expect(shows?.first?["name"] as? String == "command-line-radio")
        #expect(shows?.first?["episodes"] as? Int == 2)
        let opml = try run(["shows", "--opml"]).stdout
        #expect(opml.contains("xmlUrl=\"\(server.url("files/feed.xml").absoluteString)\""))

        // Without --data, away from any ./data: the library.
        let list = try run(["list"])
        #expect(list.stdout.contains("First words") && list.stdout.contains("Notes only"), "\(list.stdout)")
        let show = try run(["show", "1"])
        // A voice named by first name only is matched to the person the feed names, marked as a guess.
        #expect(show.stdout.contains("Ann Arbor?: Welcome to the show."), "\(show.stdout)")
        #expect(show.stdout.contains("[Hello]") && show.stdout.contains("[Guest]"))
        #expect(show.stdout.contains("Bo Diddley?: Glad to be here."))

        let again = try run(["update"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("(1 unchanged): 0 new episode(s)") && again.stdout.contains("1 request(s), 0 bytes"), "\(again.stdout)")

        #expect(try run(["add", server.url("files/feed.xml").absoluteString]).stderr.contains("already subscribed"))
        let removed = try run(["remove", "command-line-radio"])
        #expect(removed.status == 0)
        #expect(try run(["shows"]).stdout.contains("No shows"))
        #expect(!FileManager.default.fileExists(atPath: home + "/podread/command-line-radio"))
    }

    @Test func aFailedUpdateExitsOneAndNamesWhatFailed() throws {
        server.put("feed.xml", feed(brokenTranscript: true).xml)
        let add = try run(["add", server.url("files/feed.xml").absoluteString])
        #expect(add.status == 1)
        #expect(add.stderr.contains("podread: Command Line Radio — First words: transcript \(server.url("status/404").absoluteString): HTTP 404"),
                "\(add.stderr)")
        #expect(add.stdout.contains("1 failed"))
        let wrong = try run(["update", "no-such-show"])
        #expect(wrong.status == 1 && wrong.stderr.contains("no show in the library is 'no-such-show'"))
    }

    @Test func whatIsNotAFeedIsRefusedBeforeSubscribing() throws {
        server.put("page.html", "<html><body>Not a feed</body></html>")
        let page = try run(["add", server.url("files/page.html").absoluteString])
        #expect(page.status == 1 && page.stderr.contains("not an RSS feed"), "\(page.stderr)")
        let ftp = try run(["add", "ftp://example.com/feed.xml"])
        #expect(ftp.status == 1 && ftp.stderr.contains("only http and https"))
        #expect(try run(["shows", "--json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]"
                || !FileManager.default.fileExists(atPath: home + "/podread"))
    }

    @Test func anOPMLFileSubscribesToEachFeed() throws {
        let opml = elsewhere + "/subs.opml"
        try Data("""
            <?xml version="1.0"?><opml version="2.0"><head/><body><outline text="Podcasts">
            <outline type="rss" text="One &amp; Two" xmlUrl="https://one.example/feed.xml"/>
            <outline type="rss" title="Three" xmlUrl="http://three.example/rss"/>
            <outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/>
            </outline></body></opml>
            """.utf8).write(to: URL(fileURLWithPath: opml))
        let imported = try run(["add", "--opml", opml])
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("'Local': file:///etc/passwd is not an http or https address"))
        #expect(imported.stdout.contains("2 new show(s) of 3"))
        let names = (try JSONSerialization.jsonObject(with: Data(try run(["shows", "--json"]).stdout.utf8)) as? [[String: Any]])?
            .compactMap { $0["name"] as? String }
        #expect(names == ["one-two", "three"])
    }

    @Test func withNeitherLibraryNorDataPodreadSaysHowToStart() throws {
        let list = try run(["list"])
        #expect(list.status != 0)
        #expect(list.stderr.contains("podread add URL"))
        #expect(list.stderr.contains("--data DIR"))
    }

    /// XML may carry C1 controls (U+009B is CSI to an 8-bit terminal) and bidi overrides:
    /// neither reaches the terminal from a feed's text.
    @Test func nothingFromAFeedReachesTheTerminalRaw() throws {
        var feed = TestFeed(title: "Evil\u{9B}31m Show\u{202E}")
        feed.items = [.init(title: "Item\u{9B}2J\u{202E}", guid: "e", notes: "x")]
        server.put("feed.xml", feed.xml)
        let add = try run(["add", server.url("files/feed.xml").absoluteString])
        #expect(add.status == 0, "\(add.stderr)")
        for output in [add.stdout, add.stderr, try run(["shows"]).stdout, try run(["shows", "--json"]).stdout,
                       try run(["shows", "--opml"]).stdout, try run(["list"]).stdout] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E || $0.value == 0x1B }, "\(output)")
        }
    }

    @Test func aTranscriptOverTheSizeLimitIsRefusedWithAClearMessage() throws {
        var feed = TestFeed(title: "Big")
        feed.items = [.init(title: "Endless", guid: "e", transcripts: [(server.url("endless").absoluteString, "text/vtt")])]
        server.put("feed.xml", feed.xml)
        let add = try run(["add", "--max-file-mb", "1", server.url("files/feed.xml").absoluteString])
        #expect(add.status == 1)
        #expect(add.stderr.contains("Big — Endless: transcript \(server.url("endless").absoluteString): larger than 1 MB; not fetched"),
                "\(add.stderr)")
    }
}
