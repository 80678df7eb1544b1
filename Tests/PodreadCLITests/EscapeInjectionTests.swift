import Foundation
import Testing

/// Text from files must never reach the terminal as control sequences: the raw bytes
/// podread writes are recorded (tmux pipe-pane) while it shows hostile episodes.
@Suite(.enabled(if: Tmux.isAvailable, "tmux is not installed: escape-injection tests skipped"))
struct EscapeInjectionTests {
    static let payloads: [(String, String)] = [
        ("OSC 0 title", "\u{1B}]0;pwned-title\u{07}"),
        ("OSC 2 title", "\u{1B}]2;pwned-title\u{1B}\\"),
        ("OSC 52 clipboard", "\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}"),
        ("OSC 8 link", "\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\"),
        ("CSI 2J", "\u{1B}[2J\u{1B}[H"),
        ("DCS", "\u{1B}Pq#0;2;0;0;0\u{1B}\\"),
        ("C1 CSI", "\u{9B}2J"),
        ("C1 OSC", "\u{9D}0;pwned-title\u{9C}"),
        ("unterminated OSC", "\u{1B}]0;pwned-title-never-ends"),
        ("unterminated CSI", "\u{1B}[38;5;"),
        ("BEL", "\u{07}\u{07}"),
    ]

    static func hostileFolder() throws -> String {
        let dir = NSTemporaryDirectory() + "podread-escapes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let all = payloads.map(\.1).joined(separator: " ")
        var text = "---\nepisode_id: evil\nepisode_number: 1\ntitle: \"Evil \\e]0;pwned-title\\a title\"\n"
        text += "description: \(all.replacingOccurrences(of: "\u{1B}", with: "\u{1B}"))\n"
        text += "hosts:\n    - name: \"Ann \\e[2J Lee\"\n      url: \"https://x.example/\\e]8;;x\\e\\\\\"\n"
        text += "links:\n    - name: \"\\e]52;c;ZWNobyBwd25lZA==\\a\"\n      url: https://example.org\n"
        text += "---\n\n[0:00:01] AL: \(all)\n\n\(all)\n\n[0:00:02] \(payloads[0].1)XY: tag with escape\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/001-evil.md"))
        try Data("---\ntitle: Second\n---\n[0:00:01] AL: clean\n".utf8).write(to: URL(fileURLWithPath: dir + "/002-evil-\u{1B}]0;pwned-title\u{07}.md"))
        if FileManager.default.isExecutableFile(atPath: CLI.makeCorpus) {
            let generated = dir + "/generated"
            _ = try Spawn.run([CLI.makeCorpus, "--episodes", "1", "--hostile", "--huge-mb", "1", "--out", generated, "--quiet"], captureOutput: false)
            for name in try FileManager.default.contentsOfDirectory(atPath: generated) where name.contains("escape") || name.contains("bidi") || name.contains("nul") {
                try FileManager.default.moveItem(atPath: generated + "/" + name, toPath: dir + "/" + name)
            }
            try FileManager.default.removeItem(atPath: generated)
        }
        return dir
    }

    /// What must never appear in the bytes written to the terminal.
    static func forbidden(in bytes: Data) -> [String] {
        let checks: [(String, [UInt8])] = [
            ("OSC", [0x1B, 0x5D]), ("DCS", [0x1B, 0x50]), ("APC", [0x1B, 0x5F]), ("PM", [0x1B, 0x5E]), ("SOS", [0x1B, 0x58]),
            ("CSI 2J", Array("\u{1B}[2J".utf8)), ("BEL", [0x07]),
            ("C1 CSI", [0xC2, 0x9B]), ("C1 OSC", [0xC2, 0x9D]), ("C1 DCS", [0xC2, 0x90]),
            ("title payload after ESC", Array("0;pwned-title".utf8).prefix(0) + [0x1B, 0x5D, 0x30]),
        ]
        return checks.compactMap { name, needle in bytes.range(of: Data(needle)) == nil ? nil : name }
    }

    @Test func readerShowListAndValidateWriteNoSequenceFromTheData() throws {
        let dir = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".md") }.sorted()
        let podread = "'\(CLI.binary)'"
        var command = "sleep 0.5; \(podread) --data '\(dir)'"
        for name in names { command += "; \(podread) show --data '\(dir)' '\(dir)/\(name)'" }
        command += "; \(podread) list --data '\(dir)'; \(podread) validate --data '\(dir)'"
        let tmux = try Tmux(width: 140, height: 40, command: command)
        let recording = tmux.directory + "/bytes"
        try tmux.record(to: recording)
        let titleBefore = try tmux.option("#{pane_title}")
        try tmux.wait(for: "Episodes (\(names.count))")
        for _ in names {
            try tmux.keys("Enter", "Tab", "G", "Tab", "G", "BTab", "BTab", "Down")
        }
        try tmux.keys("q")
        let screen = try tmux.wait(seconds: 30) { $0.contains("EXIT=") }
        #expect(screen.contains("EXIT="))
        Thread.sleep(forTimeInterval: 0.3)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: recording))
        #expect(bytes.count > 10_000)
        // The payloads were shown, as text.
        #expect(bytes.range(of: Data("pwned-title".utf8)) != nil)
        #expect(bytes.range(of: Data("^[]0;pwned-title".utf8)) != nil)
        #expect(Self.forbidden(in: bytes).isEmpty, "\(Self.forbidden(in: bytes))")
        #expect(try tmux.option("#{pane_title}") == titleBefore)
        #expect(!(try tmux.option("#{pane_title}")).contains("pwned"))
    }
}
