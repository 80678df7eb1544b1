import Foundation
@testable import TranscriptKit

enum Fixture {
    /// The repository root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared/corpus`, the real episodes; absent on a user's fresh clone.
    static let sharedCorpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
    static let makeCorpus = root.deletingLastPathComponent().appendingPathComponent("shared/tools/make-corpus").path
    static var hasSharedCorpus: Bool { FileManager.default.fileExists(atPath: sharedCorpus + "/009-stateful-and-stateless.md") }

    static func episode(_ text: String, file: String = "test.md") -> Episode {
        var episodes = [EpisodeParser.parse(text: text, file: file)]
        SpeakerResolver.resolve(&episodes)
        return episodes[0]
    }

    /// A new folder, removed when the test process exits.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "podread-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        TemporaryFolders.shared.add(path)
        return path
    }

    static func write(_ text: String, to path: String) {
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static let minimalHeader = """
        ---
        episode_id: t-1
        episode_number: 1
        title: Test
        hosts:
            - name: Josh Rosso
            - name: Kris Nóva
        guests:
            - name: Duffie Cooley
        ---

        """
}

extension EpisodeSummary {
    func messages(_ severity: Diagnostic.Severity? = nil) -> [String] {
        diagnostics.filter { severity == nil || $0.severity == severity }.map(\.message)
    }
}

extension Episode {
    func messages(_ severity: Diagnostic.Severity? = nil) -> [String] { summary.messages(severity) }
}

/// Folders made by tests, removed at exit (tests run in parallel, hence the lock).
final class TemporaryFolders: @unchecked Sendable {
    static let shared: TemporaryFolders = {
        atexit { TemporaryFolders.shared.removeAll() }
        return TemporaryFolders()
    }()
    private let lock = NSLock()
    private var paths: [String] = []

    func add(_ path: String) { lock.withLock { paths.append(path) } }

    func removeAll() {
        for path in lock.withLock({ paths }) { try? FileManager.default.removeItem(atPath: path) }
    }
}
