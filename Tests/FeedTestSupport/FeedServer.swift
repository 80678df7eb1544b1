import Foundation
import PodLibrary

/// The tests' HTTP server (`Server/feed-server.py`) on 127.0.0.1, serving files from a
/// folder of its own; stopped when the value goes away.
public final class FeedServer: @unchecked Sendable {
    public let folder: String
    public let port: Int
    private let process: Process

    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") }

    public init() throws {
        folder = NSTemporaryDirectory() + "podread-feeds-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Server/feed-server.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, folder]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line is the port it listens on.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 0x0A { line.append(first) }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else { throw ServerFailed() }
        self.port = port
    }

    struct ServerFailed: Error {}

    private let siblingsLock = NSLock()
    private var siblings: [String] = []

    /// A path beside the server's folder (`folder-SUFFIX`) for a test's own files, removed
    /// with the folder when the server goes away.
    public func sibling(_ suffix: String) -> String {
        let path = folder + "-" + suffix
        siblingsLock.withLock { siblings.append(path) }
        return path
    }

    deinit {
        // Not `waitUntilExit`: it waits on a run loop, which a test's thread does not run.
        kill(process.processIdentifier, SIGKILL)
        try? FileManager.default.removeItem(atPath: folder)
        for path in siblings { try? FileManager.default.removeItem(atPath: path) }
    }

    public func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)/\(path)")! }

    public func put(_ name: String, _ text: String) { put(name, Data(text.utf8)) }

    public func put(_ name: String, _ data: Data) {
        FileManager.default.createFile(atPath: folder + "/" + name, contents: data)
    }

    public func remove(_ name: String) {
        try? FileManager.default.removeItem(atPath: folder + "/" + name)
    }

    /// Requests per path so far.
    public func requests() throws -> [String: Int] {
        let answer = try HTTPFetcher().fetch(FetchRequest(url: url("stats"), limit: 1_000_000)).get()
        return try JSONDecoder().decode([String: Int].self, from: answer.body ?? Data())
    }
}
