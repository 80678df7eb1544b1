import Foundation
import TranscriptKit
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One GET, conditional when the last answer gave an ETag or a Last-Modified date.
public struct FetchRequest: Sendable {
    public var url: URL
    public var etag: String?
    public var lastModified: String?
    /// Bytes: a longer body is refused (feeds and transcripts have different limits).
    public var limit: Int

    public init(url: URL, etag: String? = nil, lastModified: String? = nil, limit: Int) {
        (self.url, self.etag, self.lastModified, self.limit) = (url, etag, lastModified, limit)
    }
}

public struct FetchAnswer: Sendable {
    /// Nil when the server said it has not changed (304).
    public var body: Data?
    public var etag: String?
    public var lastModified: String?
    public var contentType: String?
    /// Where every redirect on the way was permanent (301, 308): the address to use from now on.
    public var movedTo: URL?
    /// Bytes of the body received (decoded when it came compressed).
    public var received: Int
}

public struct FetchFailure: Error, CustomStringConvertible, Equatable, Sendable {
    public var reason: String
    /// Worth trying again (a timeout, a 5xx): the fetcher does, with a pause between.
    var isTransient = false
    /// Over the size limit: no use asking again for the same file.
    public var isTooLarge = false
    public var description: String { reason }
}

/// GETs over HTTP and HTTPS with FoundationNetworking (libcurl: TLS verified, gzip and
/// the other encodings decoded), within limits: at most 5 redirects and only to http or
/// https, a timeout between bytes and one for the whole answer, a size limit, retries
/// with a growing pause on 5xx answers and timeouts, and a bounded number of requests
/// at once to one host.
public final class HTTPFetcher: @unchecked Sendable {
    public struct Limits: Sendable {
        public var idleTimeout: Double = 30
        public var wholeTimeout: Double = 120
        public var attempts = 3
        public var firstPause: Double = 1
        public var perHost = 2
        public init() {}
    }

    private let limits: Limits
    private let session: URLSession
    private let delegate = Delegate()
    private let hostsLock = NSLock()
    private var hosts: [String: DispatchSemaphore] = [:]
    /// Requests made and bytes received, for the summary and the benchmark.
    public let requests = Counter()
    public let bytes = Counter()

    public init(limits: Limits = Limits()) {
        self.limits = limits
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = limits.idleTimeout
        configuration.timeoutIntervalForResource = limits.wholeTimeout
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpAdditionalHeaders = ["User-Agent": "podread/\(PodreadVersion.number)"]
        configuration.httpMaximumConnectionsPerHost = limits.perHost
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    /// Only `http` and `https` addresses are fetched.
    public static func isFetchable(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host?.isEmpty == false else { return false }
        return true
    }

    /// Fetches, trying again on transient failures. Blocks the calling thread.
    public func fetch(_ request: FetchRequest, isCancelled: () -> Bool = { false }) -> Result<FetchAnswer, FetchFailure> {
        guard Self.isFetchable(request.url) else {
            return .failure(FetchFailure(reason: "not an http or https address: \(request.url.absoluteString)"))
        }
        let gate = hostGate(request.url.host ?? "")
        gate.wait()
        defer { gate.signal() }
        var pause = limits.firstPause
        var outcome = once(request, isCancelled: isCancelled)
        for _ in 1..<max(1, limits.attempts) {
            guard case let .failure(failure) = outcome, failure.isTransient, !isCancelled() else { break }
            Thread.sleep(forTimeInterval: pause)
            pause *= 2
            outcome = once(request, isCancelled: isCancelled)
        }
        return outcome
    }

    private func hostGate(_ host: String) -> DispatchSemaphore {
        hostsLock.withLock {
            if let gate = hosts[host] { return gate }
            let gate = DispatchSemaphore(value: limits.perHost)
            hosts[host] = gate
            return gate
        }
    }

    private func once(_ request: FetchRequest, isCancelled: () -> Bool) -> Result<FetchAnswer, FetchFailure> {
        var urlRequest = URLRequest(url: request.url)
        if let etag = request.etag { urlRequest.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified = request.lastModified { urlRequest.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        let task = session.dataTask(with: urlRequest)
        let transfer = Transfer(limit: request.limit)
        delegate.start(task, transfer)
        requests.add(1)
        task.resume()
        // libcurl's own timeouts miss a server that sends a byte a second: the whole answer
        // has a deadline of its own.
        // Looked at every tenth of a second: a user who stops an update does not wait for a slow server.
        let deadline = DispatchTime.now() + limits.wholeTimeout
        while transfer.done.wait(timeout: min(deadline, .now() + 0.1)) == .timedOut {
            let stopped = isCancelled()
            guard stopped || DispatchTime.now() >= deadline else { continue }
            if stopped { transfer.cancelled = true } else { transfer.timedOut = true }
            task.cancel()
            transfer.done.wait()
            break
        }
        bytes.add(transfer.received)
        return transfer.outcome(for: request)
    }

    /// What one request has got so far; filled by the session's delegate.
    final class Transfer: @unchecked Sendable {
        let limit: Int
        let done = DispatchSemaphore(value: 0)
        var response: HTTPURLResponse?
        var body = Data()
        var received = 0
        var tooLarge = false
        var timedOut = false
        var cancelled = false
        var error: Error?
        var redirects = 0
        var allPermanent = true
        var refusedRedirect: String?
        var lastLocation: URL?

        init(limit: Int) { self.limit = limit }

        static func reason(_ error: Error) -> String {
            let text = (error as NSError).localizedDescription
            return text.contains("remaining to read") ? "the answer was cut short (\(text))" : text
        }

        func outcome(for request: FetchRequest) -> Result<FetchAnswer, FetchFailure> {
            if tooLarge { return .failure(FetchFailure(reason: "larger than \(limit / 1_000_000) MB; not fetched", isTooLarge: true)) }
            if timedOut { return .failure(FetchFailure(reason: "timed out", isTransient: true)) }
            if cancelled { return .failure(FetchFailure(reason: "stopped")) }
            if let refusedRedirect { return .failure(FetchFailure(reason: refusedRedirect)) }
            if let error = error as? URLError {
                switch error.code {
                case .timedOut: return .failure(FetchFailure(reason: "timed out", isTransient: true))
                case .networkConnectionLost: return .failure(FetchFailure(reason: "the connection was cut short", isTransient: true))
                case .cannotConnectToHost: return .failure(FetchFailure(reason: "could not connect to \(request.url.host ?? "the server")", isTransient: true))
                case .cannotFindHost, .dnsLookupFailed: return .failure(FetchFailure(reason: "no such host: \(request.url.host ?? "")"))
                case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
                     .serverCertificateHasUnknownRoot, .secureConnectionFailed:
                    return .failure(FetchFailure(reason: "its TLS certificate could not be verified"))
                default: return .failure(FetchFailure(reason: Self.reason(error), isTransient: true))
                }
            }
            // libcurl's errors (a body cut short: "transfer closed with N bytes remaining").
            if let error { return .failure(FetchFailure(reason: Self.reason(error), isTransient: true)) }
            guard let response else { return .failure(FetchFailure(reason: "no answer")) }
            let moved = redirects > 0 && allPermanent ? lastLocation : nil
            let header = { (name: String) in response.value(forHTTPHeaderField: name) }
            switch response.statusCode {
            case 304:
                return .success(FetchAnswer(body: nil, etag: header("ETag") ?? request.etag,
                                            lastModified: header("Last-Modified") ?? request.lastModified,
                                            contentType: nil, movedTo: moved, received: received))
            case 200..<300:
                // A body shorter than its Content-Length was cut short.
                if let length = header("Content-Length").flatMap(Int.init), header("Content-Encoding") == nil, body.count < length {
                    return .failure(FetchFailure(reason: "the answer was cut short (\(body.count) of \(length) bytes)", isTransient: true))
                }
                return .success(FetchAnswer(body: body, etag: header("ETag"), lastModified: header("Last-Modified"),
                                            contentType: header("Content-Type"), movedTo: moved, received: received))
            case 300..<400:
                return .failure(FetchFailure(reason: "more than 5 redirects"))
            case 500..<600:
                return .failure(FetchFailure(reason: "the server failed (HTTP \(response.statusCode))", isTransient: true))
            default:
                return .failure(FetchFailure(reason: "HTTP \(response.statusCode)"))
            }
        }
    }

    /// The session's delegate: routes each task's events to its `Transfer`.
    final class Delegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        private let lock = NSLock()
        private var transfers: [Int: Transfer] = [:]

        func start(_ task: URLSessionTask, _ transfer: Transfer) { lock.withLock { transfers[task.taskIdentifier] = transfer } }

        private func transfer(_ task: URLSessionTask) -> Transfer? { lock.withLock { transfers[task.taskIdentifier] } }

        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            guard let transfer = transfer(task) else { completionHandler(nil); return }
            transfer.redirects += 1
            if ![301, 308].contains(response.statusCode) { transfer.allPermanent = false }
            guard let url = request.url, HTTPFetcher.isFetchable(url) else {
                transfer.refusedRedirect = "redirected to an address that is not http or https: \(request.url?.absoluteString ?? "")"
                completionHandler(nil)
                return
            }
            guard transfer.redirects <= 5 else {
                transfer.refusedRedirect = "more than 5 redirects"
                completionHandler(nil)
                return
            }
            transfer.lastLocation = url
            completionHandler(request)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
            guard let transfer = transfer(dataTask) else { return completionHandler(.allow) }
            transfer.response = response as? HTTPURLResponse
            // Refused before its body when its length says it is too large.
            if response.expectedContentLength > Int64(transfer.limit), transfer.response?.statusCode == 200 {
                transfer.tooLarge = true
                return completionHandler(.cancel)
            }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            guard let transfer = transfer(dataTask), !transfer.tooLarge else { return }
            transfer.received += data.count
            if transfer.body.count + data.count > transfer.limit {
                transfer.tooLarge = true
                transfer.body = Data()
                dataTask.cancel()
                return
            }
            transfer.body.append(data)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            let finished = lock.withLock { transfers.removeValue(forKey: task.taskIdentifier) }
            guard let finished else { return }
            if !finished.tooLarge { finished.error = error }
            finished.done.signal()
        }
    }
}

/// A count shared between threads.
public final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    public var value: Int { lock.withLock { count } }
    func add(_ n: Int) { lock.withLock { count += n } }
}
