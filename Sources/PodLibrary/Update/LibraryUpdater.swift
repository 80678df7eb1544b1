import Foundation
import TranscriptKit

/// Fetches what is new for shows of the library: each feed (conditionally), then every
/// item's transcripts and chapters not fetched yet, several at a time (and at most
/// `HTTPFetcher.Limits.perHost` per server). Every file is written whole, and the show's
/// state last: stopped at any point, the library is consistent, and the next update
/// fetches what is still missing.
public final class LibraryUpdater: @unchecked Sendable {
    public struct Options: Sendable {
        /// Ask again for every file already fetched (conditionally: an unchanged one costs a 304).
        public var recheck = false
        public var feedLimit = 20_000_000
        public var fileLimit = 50_000_000
        /// Requests in flight at once, across servers.
        public var parallel = 6
        public init() {}
    }

    let fetcher: HTTPFetcher
    let options: Options

    public init(fetcher: HTTPFetcher = HTTPFetcher(), options: Options = Options()) {
        self.fetcher = fetcher
        self.options = options
    }

    /// Updates `shows` one after the other. `progress` is called after each file;
    /// `isCancelled` is asked before each request.
    public func update(_ shows: [LibraryShow], progress: @escaping @Sendable (UpdateProgress) -> Void = { _ in },
                       isCancelled: @escaping @Sendable () -> Bool = { false }) -> UpdateReport {
        var report = UpdateReport()
        let (requests, bytes) = (fetcher.requests.value, fetcher.bytes.value)
        for (index, show) in shows.enumerated() {
            if isCancelled() { report.interrupted = true; break }
            let position = UpdateProgress(show: show.info.title, showNumber: index + 1, showCount: shows.count, filesDone: 0,
                                          filesTotal: 0, newEpisodes: report.newEpisodes, failures: report.failures.count)
            var update = ShowUpdate(show: show, updater: self, start: position, progress: progress, isCancelled: isCancelled)
            report.add(update.run())
        }
        report.requests = fetcher.requests.value - requests
        report.bytes = fetcher.bytes.value - bytes
        return report
    }

    /// `text`'s URL when podread may fetch it: http or https, resolved against `base`.
    static func fetchable(_ text: String, base: URL?) -> URL? {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: base)?.absoluteURL,
              HTTPFetcher.isFetchable(url) else { return nil }
        return url
    }
}
