import Foundation
import Testing

/// podread never writes into the corpus folder: every command runs over a read-only copy,
/// and the folder is compared byte for byte (and by modification time) before and after.
@Suite struct ReadOnlyCorpusTests {
    struct Entry: Equatable {
        var name: String
        var size: Int
        var modified: Date
        var contents: Data
    }

    static func snapshot(_ dir: String) throws -> [Entry] {
        try FileManager.default.contentsOfDirectory(atPath: dir).sorted().map { name in
            let path = dir + "/" + name
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            return Entry(name: name, size: (attributes[.size] as? Int) ?? -1,
                         modified: (attributes[.modificationDate] as? Date) ?? .distantPast,
                         contents: FileManager.default.contents(atPath: path) ?? Data())
        }
    }

    @Test func everyCommandLeavesTheFolderAsItWas() throws {
        let dir = NSTemporaryDirectory() + "podread-readonly-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer {
            chmod(dir, 0o755)
            try? FileManager.default.removeItem(atPath: dir)
        }
        let source = CLI.hasSharedCorpus ? CLI.sharedCorpus : CLI.root.appendingPathComponent("data").path
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".md") && name != "README.md" {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: dir + "/" + name)
            chmod(dir + "/" + name, 0o444)
        }
        try Data("CC: Carlisia Thompson\n".utf8).write(to: URL(fileURLWithPath: dir + "/speakers.yaml"))
        chmod(dir + "/speakers.yaml", 0o444)
        chmod(dir, 0o555)
        let before = try Self.snapshot(dir)

        var runs: [[String]] = [["list"], ["list", "--json"], ["validate"], ["validate", "--json"]]
        for entry in before where entry.name.hasSuffix(".md") {
            runs.append(["show", dir + "/" + entry.name])
            runs.append(["show", dir + "/" + entry.name, "--json", "--at", "1:00"])
        }
        for arguments in runs {
            let result = try CLI.run(arguments + (arguments[0] == "show" ? [] : ["--data", dir]))
            #expect(result.status == 0 || (arguments[0] == "validate" && result.status == 1), "\(arguments)")
        }
        if Tmux.isAvailable {
            let tmux = try Tmux(width: 120, height: 30, command: "'\(CLI.binary)' --data '\(dir)'")
            try tmux.wait(for: "Episodes (")
            try tmux.keys("Enter", "Tab", "/")
            try tmux.literal("the")
            try tmux.keys("Enter", "n", "s", "Space", "Enter", "q")
            try tmux.wait(for: "EXIT=0")
        }
        #expect(try Self.snapshot(dir) == before)
    }
}
