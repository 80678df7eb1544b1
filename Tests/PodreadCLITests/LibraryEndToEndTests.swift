import FeedTestSupport
import Foundation
import Testing

/// A user's first feed, in a real terminal: `podread add FILE` with its progress, the
/// reader on the library (shows as headers, speakers named from `podcast:person`, chapters
/// as sections), and `U` fetching a new episode while the reader runs.
@Suite(.enabled(if: Tmux.isAvailable && FeedServer.isAvailable, "tmux or python3 is not installed: no library end-to-end test"),
       .serialized)
struct LibraryEndToEndTests {
    let podread = "'\(CLI.binary)'"

    @Test func addALocalFeedReadItAndUpdateFromTheReader() throws {
        let server = try FeedServer()
        let home = server.sibling("home")
        let feedFile = server.sibling("feed.xml")
        server.put("one.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann>Welcome to the show.\n\n00:01:05.000 --> 00:01:09.000\n<v Bo>Glad to be here.\n")
        server.put("two.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann>Second time around.\n")
        server.put("chapters.json", #"{"version":"1.2.0","chapters":[{"startTime":0,"title":"Hello"},{"startTime":60,"title":"The guest"}]}"#)
        var feed = TestFeed(title: "Terminal Radio")
        feed.persons = [("Ann Arbor", "host")]
        feed.items = [.init(title: "First words", guid: "tr-1", number: 1, persons: [("Ann Arbor", "host"), ("Bo Diddley", "guest")],
                            transcripts: [(server.url("files/one.vtt").absoluteString, "text/vtt")],
                            chapters: server.url("files/chapters.json").absoluteString)]
        try Data(feed.xml.utf8).write(to: URL(fileURLWithPath: feedFile))

        // Run from the repository, which has ./data: the library, having a show, comes first.
        let tmux = try Tmux(width: 120, height: 30, command: "read go; \(podread) add '\(feedFile)' && \(podread)",
                            environment: "XDG_DATA_HOME='\(home)'")
        try tmux.record(to: tmux.directory + "/recording")
        try tmux.keys("Enter")
        var screen = try tmux.wait(for: "Bo Diddley?")
        #expect(screen.contains(" Terminal Radio ─"))
        #expect(screen.contains("1 First words"))
        #expect(screen.contains("0:01  Ann Arbor?"))
        #expect(screen.contains("1:05  Bo Diddley?"))
        #expect(screen.contains("── Hello"))
        #expect(screen.contains("── The guest"))
        #expect(screen.contains("ABOUT THE SHOW"))
        // `add` showed its progress on the terminal before the reader started.
        #expect(tmux.file("recording").contains("[1/1] Terminal Radio"))

        // A new episode whose transcript fails twice (a pause, then a longer one) before it comes.
        feed.items.append(.init(title: "Second words", guid: "tr-2", date: "Sat, 18 Mar 2023 10:00:00 GMT", number: 2,
                                transcripts: [(server.url("flaky/2/two.vtt").absoluteString, "text/vtt")]))
        try Data(feed.xml.utf8).write(to: URL(fileURLWithPath: feedFile))
        try tmux.keys("U")
        screen = try tmux.wait(for: "Updating 0/1 shows: Terminal Radio")
        screen = try tmux.wait(for: "Updated 1 show: 1 new episode, 1 transcript")
        #expect(screen.contains("2 Second words"))
        try tmux.keys("BTab", "Down", "Enter")
        screen = try tmux.wait(for: "Second time around.")
        #expect(screen.contains("0:01  Ann Arbor?"))

        try tmux.keys("q")
        screen = try tmux.wait(for: "EXIT=0")
    }

    /// Ctrl-C during `podread update`: it stops at once (a transfer under way is cancelled),
    /// says so, exits 130, leaves only whole files, and the next update fetches the rest.
    @Test func ctrlCStopsAnUpdateAndTheNextGoesOn() throws {
        let server = try FeedServer()
        let home = server.sibling("home")
        server.put("a.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Quick.\n")
        server.put("b.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Came later.\n")
        var feed = TestFeed(title: "Stop Start")
        feed.items = [.init(title: "Quick", guid: "q", transcripts: [(server.url("files/a.vtt").absoluteString, "text/vtt")]),
                      // A byte a second: this one is still coming when Ctrl-C is pressed.
                      .init(title: "Slow", guid: "s", transcripts: [(server.url("slow").absoluteString, "text/vtt")])]
        server.put("feed.xml", feed.xml)
        let tmux = try Tmux(width: 100, height: 20, command: "\(podread) add \(server.url("files/feed.xml").absoluteString)",
                            environment: "XDG_DATA_HOME='\(home)'")
        try tmux.wait(for: "1/2 files")
        let pressed = Date()
        try tmux.keys("C-c")
        let screen = try tmux.wait(for: "EXIT=130")
        #expect(Date().timeIntervalSince(pressed) < 10)
        #expect(screen.contains("stopping after the files being fetched"))
        #expect(screen.contains("stopped; run 'podread update' to fetch the rest"))
        let folder = home + "/podread/stop-start"
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(names == ["show.yaml", ".podread-state.json", "2023-03-17-quick.vtt", "2023-03-17-quick.yaml", "2023-03-17-slow.md"])

        // The slow one answers now: the next update fetches it, and nothing else again.
        feed.items[1].transcripts = [(server.url("files/b.vtt").absoluteString, "text/vtt")]
        server.put("feed.xml", feed.xml)
        let next = try CLI.run(["update"], environment: ["XDG_DATA_HOME": home, "XDG_CACHE_HOME": CLI.cacheHome])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("0 new episode(s), 1 transcript(s)"), "\(next.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder + "/2023-03-17-slow.vtt"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/2023-03-17-slow.md"))
    }
}
