import Foundation
import Testing
@testable import PodLibrary
import FeedTestSupport

@Suite(.enabled(if: FeedServer.isAvailable, "python3 is not installed: no test server"))
struct HTTPFetcherTests {
    let server: FeedServer
    let fetcher: HTTPFetcher

    init() throws {
        server = try FeedServer()
        var limits = HTTPFetcher.Limits()
        limits.idleTimeout = 2
        limits.wholeTimeout = 3
        limits.firstPause = 0.05
        fetcher = HTTPFetcher(limits: limits)
    }

    func get(_ path: String, etag: String? = nil, modified: String? = nil, limit: Int = 1_000_000) -> Result<FetchAnswer, FetchFailure> {
        fetcher.fetch(FetchRequest(url: server.url(path), etag: etag, lastModified: modified, limit: limit))
    }

    func failure(_ result: Result<FetchAnswer, FetchFailure>) -> String? {
        if case let .failure(failure) = result { return failure.reason }
        return nil
    }

    @Test func anUnchangedFileCostsOneRequestAndNoBody() throws {
        server.put("a.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n")
        let first = try get("files/a.vtt").get()
        #expect(first.body.map { String(decoding: $0, as: UTF8.self) } == "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n")
        #expect(first.etag != nil)
        #expect(first.contentType == "text/vtt")
        let again = try get("files/a.vtt", etag: first.etag).get()
        #expect(again.body == nil)
        // By date alone, too.
        let byDate = try get("files/a.vtt", modified: first.lastModified).get()
        #expect(byDate.body == nil)
        #expect(try server.requests()["/files/a.vtt"] == 3)
    }

    @Test func gzipIsDecoded() throws {
        let text = String(repeating: "compressible line\n", count: 500)
        server.put("big.txt", text)
        let answer = try get("files/big.txt").get()
        #expect(answer.body.map { String(decoding: $0, as: UTF8.self) } == text)
    }

    @Test func failuresSayWhy() throws {
        #expect(failure(get("status/404")) == "HTTP 404")
        #expect(failure(get("loop")) == "more than 5 redirects")
        // Not followed to the file (libcurl reads the address as a path on the same server).
        if case let .success(answer) = get("to-file") { #expect(answer.body.map { String(decoding: $0, as: UTF8.self) }?.contains("root:") != true) }
        #expect(failure(get("endless")) == "larger than 1 MB; not fetched")
        #expect(failure(get("short"))?.hasPrefix("the answer was cut short") == true)
        #expect(failure(fetcher.fetch(FetchRequest(url: URL(string: "file:///etc/passwd")!, limit: 100)))?.hasPrefix("not an http or https address") == true)
    }

    @Test func aSlowDripTimesOut() throws {
        let start = Date()
        #expect(failure(get("slow")) == "timed out")
        // Three attempts of at most 3 s each, and the pauses between.
        #expect(Date().timeIntervalSince(start) < 15)
    }

    @Test func serverErrorsAreRetried() throws {
        server.put("f.srt", "1\n00:00:01,000 --> 00:00:02,000\nhi\n")
        let answer = try get("flaky/2/f.srt").get()
        #expect(answer.body?.count == 35)   // printf "1\n00:00:01,000 --> 00:00:02,000\nhi\n" | wc -c
        #expect(try server.requests()["/flaky/2/f.srt"] == 3)
        #expect(failure(get("status/503")) == "the server failed (HTTP 503)")
        #expect(try server.requests()["/status/503"] == 3)
    }

    @Test func aPermanentRedirectGivesTheNewAddress() throws {
        server.put("feed.xml", "<rss/>")
        let moved = try get("moved/feed.xml").get()
        #expect(moved.movedTo == server.url("files/feed.xml"))
        let found = try get("found/feed.xml").get()
        #expect(found.movedTo == nil)
    }
}
