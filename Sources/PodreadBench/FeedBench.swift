import FeedTestSupport
import Foundation

/// `podread-bench --feeds N`: a show of N episodes served by the tests' HTTP server on
/// 127.0.0.1 (each with a WebVTT transcript and a chapters file), fetched by `podread add`
/// into an empty library (cold), then updated with every file asked for again (each answer
/// a 304), then updated plainly (the feed a 304). Beside it, curl fetching the same files
/// into a folder in one process over one connection: the least any client could do.
enum FeedBench {
    static func run(episodes: Int, runs: Int, podread: String) throws {
        let root = NSTemporaryDirectory() + "podread-feed-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let server = try FeedServer()
        let base = server.url("files/").absoluteString
        var served = 0
        var feed = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
            <title>Bench Show</title><description>Generated.</description>
            <podcast:person role="host">Ann Host</podcast:person><podcast:person role="guest">Bo Guest</podcast:person>

            """
        var urls: [String] = []
        for n in 1...episodes {
            let vtt = transcript(n)
            let chapters = #"{"version":"1.2.0","chapters":[{"startTime":0,"title":"Start"},{"startTime":600,"title":"Middle"}]}"#
            server.put("e\(n).vtt", vtt)
            server.put("e\(n).chapters.json", chapters)
            served += vtt.utf8.count + chapters.utf8.count
            urls += [base + "e\(n).vtt", base + "e\(n).chapters.json"]
            feed += """
                <item><title>Episode \(n)</title><guid>bench-\(n)</guid><pubDate>Fri, 17 Mar 2023 10:00:00 GMT</pubDate>
                <podcast:transcript url="\(base)e\(n).vtt" type="text/vtt"/>
                <podcast:chapters url="\(base)e\(n).chapters.json" type="application/json+chapters"/></item>

                """
        }
        feed += "</channel></rss>\n"
        server.put("feed.xml", feed)
        urls.insert(base + "feed.xml", at: 0)
        served += feed.utf8.count
        print("feeds: \(episodes) episodes, \(urls.count) files, \(String(format: "%.1f", Double(served) / 1e6)) MB served from 127.0.0.1, median of \(runs) runs")

        // curl writes each file into a folder, as podread must (creating files is much of the work).
        let config = root + "/curl.conf"
        let saved = root + "/curl"
        try Data(urls.enumerated().map { "url = \"\($1)\"\noutput = \"\(saved)/\($0)\"\n" }.joined().utf8)
            .write(to: URL(fileURLWithPath: config))
        var curls: [Measurement] = []
        for _ in 0..<runs {
            try? FileManager.default.removeItem(atPath: saved)
            curls.append(ProcessTimer.run(["curl", "-s", "--compressed", "--create-dirs", "-K", config]))
        }
        let curl = curls.sorted { $0.seconds < $1.seconds }[runs / 2]

        let library = root + "/library"
        let add = [podread, "add", "--library", library, base + "feed.xml"]
        var colds: [Measurement] = []
        var coldSummary = ""
        for _ in 0..<runs {
            try? FileManager.default.removeItem(atPath: library)
            colds.append(ProcessTimer.run(add))
        }
        try? FileManager.default.removeItem(atPath: library)
        coldSummary = summary(add)
        let cold = colds.sorted { $0.seconds < $1.seconds }[runs / 2]
        report("update, cold (add)", cold, summary: coldSummary, episodes: episodes, baseline: ("curl, same files into a folder, one connection", curl))

        let recheck = [podread, "update", "--library", library, "--recheck"]
        let rechecked = ProcessTimer.median(recheck, runs: runs)
        report("update --recheck, every answer a 304", rechecked, summary: summary(recheck), episodes: episodes, baseline: nil)

        let plain = [podread, "update", "--library", library]
        let unchanged = ProcessTimer.median(plain, runs: runs)
        report("update, feed unchanged (a 304)", unchanged, summary: summary(plain), episodes: episodes, baseline: nil)
    }

    private static func report(_ name: String, _ ours: Measurement, summary: String, episodes: Int,
                               baseline: (String, Measurement)?) {
        var line = "\(name): podread \(format(ours))"
        if let (label, base) = baseline {
            line += " | \(label) \(format(base)) | ratio \(String(format: "%.2f", ours.seconds / base.seconds))×"
        }
        // "…; 1001 request(s), 15.2 MB": per episode.
        if let match = summary.firstMatch(of: /(\d+) request\(s\), ([\d.]+) (MB|kB|bytes)/),
           let requests = Double(match.1), let amount = Double(match.2) {
            let bytes = amount * (match.3 == "MB" ? 1e6 : match.3 == "kB" ? 1e3 : 1)
            line += String(format: " | %.2f requests and %.0f bytes per episode", requests / Double(episodes), bytes / Double(episodes))
        }
        if ours.status != 0 { line += " | exit status \(ours.status)" }
        print(line)
    }

    private static func format(_ m: Measurement) -> String {
        String(format: "%.3f s, %.0f MB peak", m.seconds, m.peakMegabytes)
    }

    /// The command's last line (its summary), from a run of its own.
    private static func summary(_ command: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "" }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
    }

    /// About 30 kB of cues, two voices taking turns.
    private static func transcript(_ n: Int) -> String {
        var out = "WEBVTT\n\n"
        let words = ["cluster", "network", "policy", "storage", "episode", "podcast", "listen", "deploy", "service", "operator"]
        for cue in 0..<240 {
            let start = cue * 5
            let text = (0..<14).map { words[($0 * 7 + cue * 3 + n) % words.count] }.joined(separator: " ")
            func clock(_ t: Int) -> String { String(format: "%02d:%02d:%02d.000", t / 3600, t / 60 % 60, t % 60) }
            out += clock(start) + " --> " + clock(start + 4) + "\n"
            out += "<v \(cue % 2 == 0 ? "Ann" : "Bo")>\(text).\n\n"
        }
        return out
    }
}
