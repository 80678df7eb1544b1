import Foundation
import Testing

/// Every command and error path over a corpus with payloads in every field (front matter,
/// tags, text, speaker names of every format, file and folder names, arguments): the raw
/// bytes of both streams hold no control character but the line break, and, where people
/// read them, no invisible character; JSON escapes them; exports keep them but controls.
@Suite struct OutputSafetyTests {
    /// Controls, bidi, zero-width, separators, a BOM and a tag character, with ZWJ (kept).
    static let payload = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{7F}\u{202E}rev\u{2066}iso\u{2069}\u{200B}\u{2028}\u{FEFF}\u{E0041}\u{0B}zw\u{200D}j"

    static let folder: String = {
        let dir = NSTemporaryDirectory() + "podread-payloads-\(getpid())-" + Self.payload
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: OutputSafetyTests.folder) }
        let p = payload
        let yaml = p.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            ? String(format: "\\x%02X", $0.value) : String($0) }.joined()
        let page = """
            ---
            episode_id: "evil-\(yaml)"
            episode_number: 1
            title: "Title \(yaml)"
            description: "Description \(yaml)"
            notes: "Notes \(yaml)"
            hosts:
              - name: "Ann \(yaml) Lee"
                url: "https://x.example/\(yaml)"
            links:
              - name: "Link \(yaml)"
                url: "https://example.org/\(yaml)"
            video: "https://www.youtube.com/embed/\(yaml)"
            related: ["other-\(yaml)"]
            ---

            [0:00:01] AL: word \(p) word

            [0:00:02] X\(p)Y: tag \(p)
            """
        try! Data(page.utf8).write(to: URL(fileURLWithPath: dir + "/001-evil.md"))
        // Plain cues around the payload: a short file of many control bytes would look binary.
        let plain = (5..<40).map { "\n00:00:\($0).000 --> 00:00:\($0).500\nAn ordinary line of speech, number \($0).\n" }.joined()
        try! Data("WEBVTT\n\n00:00:03.000 --> 00:00:04.000\n<v Voice \(p)>word \(p)\n\(plain)".utf8)
            .write(to: URL(fileURLWithPath: dir + "/002-voice-\(p).vtt"))
        try! Data(#"{"segments": [{"speaker": "Seg \#(p)", "startTime": 1, "endTime": 2, "body": "word \#(p)"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: dir + "/003-json.json"))
        try! Data("<cite>Cite \(p):</cite><time>0:01</time><p>word \(p)</p>".utf8).write(to: URL(fileURLWithPath: dir + "/004-page.html"))
        return dir
    }()

    enum Kind { case people, json, data }

    /// Problems in one stream's bytes, for its kind of output.
    static func problems(_ text: String, _ kind: Kind) -> [String] {
        var found: [String] = []
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let control = (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value)
            let invisible = [0x061C, 0x200B, 0x2028, 0x2029, 0xFEFF].contains(value) || (0x202A...0x202E).contains(value)
                || (0x2060...0x2064).contains(value) || (0x2066...0x2069).contains(value) || (0xE0000...0xE007F).contains(value)
            if control || (invisible && kind != .data) { found.append(String(format: "U+%04X", value)) }
        }
        return Array(Set(found)).sorted()
    }

    func check(_ arguments: [String], stdout kind: Kind = .people, expectOutput: Bool = true) throws {
        let result = try CLI.run(arguments, environment: ["XDG_CACHE_HOME": CLI.cacheHome])
        let name = arguments.joined(separator: " ").replacingOccurrences(of: Self.folder, with: "DIR")
        #expect(Self.problems(result.stdout, kind).isEmpty, "\(name) stdout: \(Self.problems(result.stdout, kind))")
        #expect(Self.problems(result.stderr, .people).isEmpty, "\(name) stderr: \(Self.problems(result.stderr, .people))")
        if expectOutput { #expect(!(result.stdout + result.stderr).isEmpty, "\(name)") }
    }

    @Test func everyCommandOverPayloads() throws {
        let d = ["--data", Self.folder]
        // The payloads are read and shown, as placeholders: the checks below are not vacuous.
        let list = try CLI.run(["list", "--json"] + d, environment: ["XDG_CACHE_HOME": CLI.cacheHome])
        #expect((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.count == 4)
        let shown = try CLI.run(["show", "1"] + d, environment: ["XDG_CACHE_HOME": CLI.cacheHome]).stdout
        #expect(shown.contains("Title ^[]0;pwned^G^[[2J<U+009B>31m^?<U+202E>rev<U+2066>iso<U+2069><U+200B><U+2028><U+FEFF><U+E0041>^Kzw\u{200D}j"))
        let export = try CLI.run(["export", "2", "--format", "vtt"] + d, environment: ["XDG_CACHE_HOME": CLI.cacheHome])
        #expect(export.stdout.contains("^[]0;pwned^G^[[2J&lt;U+009B&gt;31m^?\u{202E}rev"), "\(export.stderr)")
        try check(["list"] + d)
        try check(["list", "--json"] + d, stdout: .json)
        try check(["validate"] + d)
        try check(["validate", "--json"] + d, stdout: .json)
        try check(["stats"] + d)
        try check(["stats", "--json"] + d, stdout: .json)
        try check(["search", "word"] + d)
        try check(["search", "word", "--json"] + d, stdout: .json)
        for episode in ["1", "2", "3", "4", Self.folder + "/001-evil.md", "002-voice-\(Self.payload).vtt"] {
            try check(["show", episode] + d)
            try check(["show", episode, "--json"] + d, stdout: .json)
            try check(["stats", episode] + d)
            for format in ["md", "txt", "srt", "vtt"] { try check(["export", episode, "--format", format] + d, stdout: .data) }
            try check(["export", episode, "--format", "json"] + d, stdout: .json)
        }
    }

    @Test func everyErrorPathOverPayloads() throws {
        let d = ["--data", Self.folder]
        try check(["show", "1", "--speaker", "nobody" + Self.payload] + d)
        try check(["show", "nothing" + Self.payload] + d)
        try check(["show", "1", "--at", Self.payload] + d)
        try check(["read", "1", "--at", Self.payload] + d)
        try check(["show", "1", "--at", "9999999:00:00"] + d)
        try check(["search", "--episode", Self.payload, "word"] + d)
        try check(["list", "--data", Self.folder + "/missing" + Self.payload])
        try check(["list", "--data", Self.folder + "/001-evil.md"])
        try check(["export", "1", "--format", "vtt", "-o", Self.folder] + d)
        try check(["export", "1", "-o", Self.folder + "/001-evil.md"] + d)
        try check(["show", Self.folder + "/nothing-" + Self.payload + ".vtt"])
        try check(["--bad-option-" + Self.payload])
        try check(["search", String(repeating: "w ", count: 100)] + d)
        try check(["read", "1"] + d)
    }
}
