import Foundation

/// Runs the real `podread` binary that `swift build` / `swift test` produced.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedCorpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
    static let makeCorpus = root.deletingLastPathComponent().appendingPathComponent("shared/tools/make-corpus").path
    static var hasSharedCorpus: Bool { FileManager.default.fileExists(atPath: sharedCorpus + "/001-cloud-native.md") }

    /// The tests' summary cache, away from the user's.
    static let cacheHome: String = {
        atexit { try? FileManager.default.removeItem(atPath: CLI.cacheHome) }
        return NSTemporaryDirectory() + "podread-test-cache-\(getpid())"
    }()

    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["PODREAD_BIN"] { return path }
        // The test bundle sits in the same build folder as the executable.
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("podread").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/podread").path
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws -> Result {
        var extra: [String: String?] = ["PODREAD_DATA": nil, "SWIFT_BACKTRACE": "enable=no"]
        for (key, value) in environment { extra[key] = value }
        let outcome = try Spawn.measure([binary] + arguments, captureOutput: true, environment: extra, directory: directory ?? root.path)
        return Result(status: outcome.status, stdout: outcome.output, stderr: outcome.errors)
    }

    static func json(_ arguments: [String], environment: [String: String] = [:]) throws -> Any {
        let result = try run(arguments, environment: environment)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }
}
