import Foundation
import Testing
@testable import PodLibrary
import FeedTestSupport
import TranscriptKit

/// `LibraryUpdater` against the test server, with feeds written here around the real
/// transcripts of `../shared/real-transcripts`.
@Suite(.enabled(if: FeedServer.isAvailable, "python3 is not installed: no test server"))
struct LibraryUpdateTests {
    static let real = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/real-transcripts").path
    static var hasReal: Bool { FileManager.default.fileExists(atPath: real + "/podcasting20/example.vtt") }

    let server: FeedServer
    let library: Library

    init() throws {
        server = try FeedServer()
        library = Library(root: server.sibling("library"))
    }

    func copyReal(_ path: String, as name: String) throws {
        server.put(name, try Data(contentsOf: URL(fileURLWithPath: Self.real + "/" + path)))
    }

    func updater(recheck: Bool = false, fileLimit: Int = 50_000_000) -> LibraryUpdater {
        var limits = HTTPFetcher.Limits()
        (limits.idleTimeout, limits.wholeTimeout, limits.firstPause) = (2, 5, 0.05)
        var options = LibraryUpdater.Options()
        (options.recheck, options.fileLimit) = (recheck, fileLimit)
        return LibraryUpdater(fetcher: HTTPFetcher(limits: limits), options: options)
    }

    func subscribe(_ feed: TestFeed, as name: String = "feed.xml") throws -> LibraryShow {
        server.put(name, feed.xml)
        return try library.subscribe(feed: server.url("files/" + name).absoluteString, title: nil)
    }

    func files(_ show: LibraryShow) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: show.folder)) ?? [])
    }

    /// The real example feed: two named voices, a SubRip with name prefixes, podcast:person hosts.
    func realFeed() throws -> TestFeed {
        try copyReal("podcasting20/example.vtt", as: "example.vtt")
        try copyReal("feeds/podnews_weekly_review_2023-05-05.json", as: "podnews.json")
        server.put("example.chapters.json", #"{"version":"1.2.0","chapters":[{"startTime":0,"title":"Welcome"},{"startTime":10,"title":"Trailers"}]}"#)
        var feed = TestFeed(title: "Podcasting Q&A")
        feed.persons = [("Sarah Smith", "host")]
        feed.items = [
            .init(title: "Should you have a trailer?", guid: "qa-1", number: 1, persons: [("Sarah Smith", "host"), ("Gillian Jones", "guest")],
                  transcripts: [(server.url("files/example.vtt").absoluteString, "text/vtt")],
                  chapters: server.url("files/example.chapters.json").absoluteString),
            .init(title: "Weekly review", guid: "qa-2", date: "Fri, 05 May 2023 10:00:00 GMT", number: 2,
                  transcripts: [(server.url("files/podnews.json").absoluteString, "application/json")]),
            .init(title: "Notes only", guid: "qa-3", date: "Sat, 06 May 2023 10:00:00 GMT", notes: "Nothing to read."),
        ]
        return feed
    }

    @Test(.enabled(if: hasReal, "../shared/real-transcripts is absent"))
    func anUpdateFetchesTranscriptsChaptersAndPeople() throws {
        let show = try subscribe(try realFeed())
        let report = updater().update([show])
        #expect(report.failures.isEmpty)
        #expect((report.newEpisodes, report.newTranscripts, report.newChapters) == (3, 2, 1))
        #expect(files(show) == ["show.yaml", ".podread-state.json", "2023-03-17-should-you-have-a-trailer.vtt",
                                "2023-03-17-should-you-have-a-trailer.yaml", "2023-03-17-should-you-have-a-trailer.chapters.json",
                                "2023-05-05-weekly-review.json", "2023-05-05-weekly-review.yaml", "2023-05-06-notes-only.md"])

        let corpus = try CorpusLoader.load(directory: library.root, transcripts: true)
        #expect(corpus.shows.values.map(\.title) == ["Podcasting Q&A"])
        #expect(corpus.episodes.map(\.title) == ["Should you have a trailer?", "Weekly review", "Notes only"])
        #expect(corpus.episodes.allSatisfy { $0.show == show.folder })
        let first = corpus.transcript(of: 0)
        #expect(first.hosts.map(\.name) == ["Sarah Smith"])
        #expect(first.guests.map(\.name) == ["Gillian Jones"])
        // The voices `<v Sarah>` and `<v Gillian>` are the people the feed names, with their roles.
        #expect(Set(first.speakers.map { "\($0.name)/\($0.role)" }) == ["Sarah Smith/host", "Gillian Jones/guest"])
        #expect(first.sections.map(\.title) == ["Welcome", "Trailers"])
        #expect(first.id == "qa-1")
        #expect(Set(corpus.transcript(of: 1).speakers.map(\.name))
                == ["Chris Quamme Rhoden", "James C", "Jingles", "Nick Hilton", "Sam Sethi"])
        #expect(corpus.episodes[2].missingTranscript == .notInFeed)
        #expect(corpus.episodes[2].diagnostics.isEmpty)
    }

    @Test(.enabled(if: hasReal, "../shared/real-transcripts is absent"))
    func anUnchangedFeedCostsOneRequestAndRecheckCostsNoDownload() throws {
        let show = try subscribe(try realFeed())
        _ = updater().update([show])
        let before = try server.requests()
        let again = updater().update([show])
        #expect((again.requests, again.bytes, again.unchangedShows, again.newEpisodes) == (1, 0, 1, 0))
        let rechecked = updater(recheck: true).update([show])
        // The feed and the three files, each answered 304.
        #expect((rechecked.requests, rechecked.bytes, rechecked.changedFiles) == (4, 0, 0))
        let after = try server.requests()
        #expect(after["/files/example.vtt"] == (before["/files/example.vtt"] ?? 0) + 1)
    }

    @Test func theContentDecidesTheFormatNotTheServersType() throws {
        server.put("a.txt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hello there.\n")
        server.put("b.txt", #"{"version":"1.0.0","segments":[{"speaker":"Bo","startTime":1,"endTime":2,"body":"Hi."}]}"#)
        var feed = TestFeed()
        feed.items = [.init(title: "Lying types", guid: "x", transcripts: [
            (server.url("as/text~html/a.txt").absoluteString, "text/html"),
            (server.url("as/text~plain/b.txt").absoluteString, "TEXT/PLAIN"),
        ])]
        let show = try subscribe(feed)
        let report = updater().update([show])
        #expect(report.failures.isEmpty)
        #expect(files(show).isSuperset(of: ["2023-03-17-lying-types.vtt", "2023-03-17-lying-types.json"]))
    }

    @Test func anISO88591FeedIsRead() throws {
        let xml = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <rss version="2.0"><channel><title>Caf\u{E9} cr\u{E8}me</title>
            <item><title>\u{C9}pisode un</title><guid>e1</guid></item></channel></rss>
            """
        server.put("latin.xml", xml.data(using: .isoLatin1)!)
        let show = try library.subscribe(feed: server.url("files/latin.xml").absoluteString, title: nil)
        _ = updater().update([show])
        let corpus = try CorpusLoader.load(directory: library.root, transcripts: false)
        #expect(corpus.shows.values.map(\.title) == ["Café crème"])
        #expect(corpus.episodes.map(\.title) == ["Épisode un"])
    }

    @Test func aDuplicateGUIDKeepsTheFirstItemAndSaysSo() throws {
        var feed = TestFeed()
        feed.items = [.init(title: "First", guid: "same"), .init(title: "Second", guid: "same")]
        let show = try subscribe(feed)
        let report = updater().update([show])
        #expect(report.newEpisodes == 1)
        #expect(report.notes.map(\.episode) == ["Second"])
        #expect(try CorpusLoader.load(directory: library.root).episodes.map(\.title) == ["First"])
    }

    @Test func onlyHTTPAddressesAreFetchedAndNamesStayInTheFolder() throws {
        var feed = TestFeed()
        feed.items = [
            .init(title: "../../../escape", guid: "a", transcripts: [("file:///etc/passwd", "text/plain")]),
            .init(title: "speakers", guid: "b", transcripts: [("/etc/passwd", "text/plain")]),
            .init(title: "show", guid: "c", transcripts: [("ftp://example.com/x.vtt", "text/vtt")]),
            .init(title: "\u{202E}der\u{200B}", guid: "d"),
        ]
        let show = try subscribe(feed)
        let outside = Set((try? FileManager.default.contentsOfDirectory(atPath: library.root)) ?? [])
        let report = updater().update([show])
        // file: and ftp: are refused before any request; /etc/passwd is a path on the feed's server (a 404).
        #expect(report.failures.count == 3)
        #expect(report.failures.contains { $0.episode == "../../../escape" && $0.reason.contains("not an http or https address") })
        #expect(Set((try? FileManager.default.contentsOfDirectory(atPath: library.root)) ?? []) == outside)
        let names = files(show)
        #expect(names.allSatisfy { $0.range(of: "^[a-z0-9.-]+$", options: .regularExpression) != nil || $0 == ".podread-state.json" })
        #expect(!names.contains("speakers.yaml") && !names.contains("speakers.md"))
        #expect(ShowInfo.read(folder: show.folder).show?.title == "Test Show")
        #expect(!names.contains { $0.contains("passwd") })
    }

    @Test func aFailedTranscriptIsNamedAndFetchedByTheNextUpdate() throws {
        server.put("later.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hello.\n")
        var feed = TestFeed()
        // 500 for the first three requests: all three tries of the first update fail.
        feed.items = [.init(title: "Flaky", guid: "f", transcripts: [(server.url("flaky/3/later.vtt").absoluteString, "text/vtt")])]
        let show = try subscribe(feed)
        let first = updater().update([show])
        #expect(first.failures.map(\.episode) == ["Flaky"])
        #expect(first.failures.first?.reason.contains("HTTP 500") == true)
        #expect(files(show).contains("2023-03-17-flaky.md"))
        let second = updater().update([show])
        #expect(second.failures.isEmpty)
        #expect(second.unchangedShows == 1 && second.newTranscripts == 1)
        #expect(files(show).contains("2023-03-17-flaky.vtt") && !files(show).contains("2023-03-17-flaky.md"))
    }

    @Test func aPermanentRedirectMovesTheSubscription() throws {
        var feed = TestFeed()
        feed.items = [.init(title: "One", guid: "1")]
        server.put("feed.xml", feed.xml)
        let show = try library.subscribe(feed: server.url("moved/feed.xml").absoluteString, title: "Moving")
        _ = updater().update([show])
        #expect(library.shows().first?.info.feed == server.url("files/feed.xml").absoluteString)
    }

    @Test func feedFaultsFailTheShowAndChangeNothing() throws {
        server.put("broken.xml", "<rss><channel><title>Cut")
        server.put("bomb.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
            <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
            <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
            <rss><channel><title>&h;</title></channel></rss>
            """)
        let shows = try ["files/missing.xml", "files/broken.xml", "files/bomb.xml", "endless"].enumerated().map {
            try library.subscribe(feed: server.url($0.element).absoluteString, title: "Show \($0.offset)")
        }
        var options = LibraryUpdater.Options()
        options.feedLimit = 1_000_000
        let report = LibraryUpdater(options: options).update(shows)
        #expect(report.failures.map(\.show) == ["Show 0", "Show 1", "Show 2", "Show 3"])
        #expect(report.failures.allSatisfy { $0.episode == nil })
        #expect(report.failures[0].reason.contains("HTTP 404"))
        #expect(report.failures[1].reason.contains("not a well-formed feed"))
        #expect(report.failures[2].reason.contains("not a well-formed feed"))
        #expect(report.failures[3].reason.contains("larger than 1 MB"))
        for show in shows { #expect(files(show) == ["show.yaml", ".podread-state.json"]) }
    }

    @Test func aStoppedUpdateLeavesWholeFilesAndTheNextGoesOn() throws {
        var feed = TestFeed()
        for n in 1...12 {
            server.put("t\(n).vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Line \(n).\n")
            feed.items.append(.init(title: "Episode \(n)", guid: "g\(n)", number: n,
                                    transcripts: [(server.url("files/t\(n).vtt").absoluteString, "text/vtt")]))
        }
        let show = try subscribe(feed)
        let done = Counter()
        var options = LibraryUpdater.Options()
        options.parallel = 1
        let first = LibraryUpdater(options: options).update([show], progress: { _ in done.add(1) }, isCancelled: { done.value >= 6 })
        #expect(first.interrupted)
        #expect(first.newTranscripts > 0 && first.newTranscripts < 12)
        #expect(!files(show).contains { $0.hasPrefix(".") && $0 != ".podread-state.json" })
        let second = updater().update([show])
        #expect(!second.interrupted && second.failures.isEmpty)
        #expect(first.newTranscripts + second.newTranscripts == 12)
        #expect(files(show).filter { $0.hasSuffix(".vtt") }.count == 12)
        #expect(try CorpusLoader.load(directory: library.root).episodes.count == 12)
    }

    func text(_ show: LibraryShow, _ name: String) -> String? {
        FileManager.default.contents(atPath: show.folder + "/" + name).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aChangedItemsTranscriptIsAskedForUntilItComes() throws {
        server.put("t.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>First cut.\n")
        var feed = TestFeed()
        feed.items = [.init(title: "Edited", guid: "e", transcripts: [(server.url("files/t.vtt").absoluteString, "text/vtt")], notes: "v1")]
        let show = try subscribe(feed)
        #expect(updater().update([show]).newTranscripts == 1)
        // The item changes, and its transcript cannot be had this time.
        feed.items[0].notes = "v2"
        server.put("feed.xml", feed.xml)
        server.remove("t.vtt")
        let failed = updater().update([show])
        #expect(failed.failures.map(\.episode) == ["Edited"])
        // The feed does not change again (a 304); the transcript is back, edited.
        server.put("t.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Second cut.\n")
        let again = updater().update([show])
        #expect(again.unchangedShows == 1 && again.failures.isEmpty && again.changedFiles == 1)
        #expect(text(show, "2023-03-17-edited.vtt")?.contains("Second cut.") == true)
        // Nothing left to ask for.
        #expect(updater().update([show]).requests == 1)
    }

    @Test func aSecondTranscriptOfOneFormatNeverReplacesTheFirst() throws {
        server.put("a.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>The real one.\n")
        server.put("b.txt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Served as HTML.\n")
        var feed = TestFeed()
        feed.items = [.init(title: "Two", guid: "two", transcripts: [(server.url("files/a.vtt").absoluteString, "text/vtt")])]
        let show = try subscribe(feed)
        _ = updater().update([show])
        feed.items[0].transcripts.append((server.url("as/text~html/b.txt").absoluteString, "text/html"))
        server.put("feed.xml", feed.xml)
        let report = updater().update([show])
        #expect(report.notes.contains { $0.reason.contains("also 2023-03-17-two.vtt") })
        #expect(text(show, "2023-03-17-two.vtt")?.contains("The real one.") == true)
        #expect(!files(show).contains("2023-03-17-two.html"))
    }

    @Test func aTranscriptMovedToAnotherFormatReplacesTheOld() throws {
        server.put("a.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Old.\n")
        server.put("a.srt", "1\n00:00:01,000 --> 00:00:02,000\nAnn: New.\n")
        var feed = TestFeed()
        feed.items = [.init(title: "Moved", guid: "m", transcripts: [(server.url("files/a.vtt").absoluteString, "text/vtt")])]
        let show = try subscribe(feed)
        _ = updater().update([show])
        feed.items[0].transcripts = [(server.url("files/a.srt").absoluteString, "application/x-subrip")]
        server.put("feed.xml", feed.xml)
        _ = updater().update([show])
        #expect(files(show).contains("2023-03-17-moved.srt") && !files(show).contains("2023-03-17-moved.vtt"))
        #expect(files(show).contains("2023-03-17-moved.yaml") && !files(show).contains("2023-03-17-moved.md"))
    }

    @Test func anItemWhoseTranscriptIsNotFetchedYetSaysSo() throws {
        var feed = TestFeed()
        feed.items = [.init(title: "Later", guid: "l", transcripts: [(server.url("files/missing.vtt").absoluteString, "text/vtt")]),
                      .init(title: "Never", guid: "n")]
        let show = try subscribe(feed)
        _ = updater().update([show])
        let corpus = try CorpusLoader.load(directory: library.root)
        #expect(corpus.episodes.map(\.missingTranscript) == [.pending, .notInFeed])
        #expect(corpus.episodes.allSatisfy { $0.diagnostics.isEmpty })
    }

    @Test func aFileTooLargeIsNotDownloadedAgainUntilItsItemChanges() throws {
        server.put("big.vtt", "WEBVTT\n\n" + String(repeating: "00:00:01.000 --> 00:00:02.000\n<v Ann>Padding words here.\n\n", count: 40_000))
        var feed = TestFeed()
        feed.items = [.init(title: "Big", guid: "b", transcripts: [(server.url("files/big.vtt").absoluteString, "text/vtt")])]
        let show = try subscribe(feed)
        let first = updater(fileLimit: 1_000_000).update([show])
        #expect(first.failures.first?.reason.contains("larger than 1 MB") == true)
        let second = updater(fileLimit: 1_000_000).update([show])
        #expect((second.requests, second.bytes, second.failures.count) == (1, 0, 0))
    }
}
