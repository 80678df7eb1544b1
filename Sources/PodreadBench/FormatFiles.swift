import Foundation

/// Synthetic transcripts of a given size in each format podread reads, for the bench's
/// per-format figures: the same kind of speech (names, times, sentences of a fixed
/// vocabulary) written as a feed or tool would write it.
enum FormatFiles {
    static let kinds = ["webvtt.vtt", "subrip.srt", "podcasting.json", "words.json", "whisperx.json", "transcript.html", "labelled.md"]

    private static let vocabulary = """
        the a cluster node pod we think that is really about how you run it in production and then \
        people teams build ship deploy services because kubernetes operators were never quite sure \
        what the network does when latency grows so yeah I mean right exactly interesting question \
        platform security data storage state workloads scale observability metrics logs traces
        """.split(separator: " ").map(String.init)
    private static let names = ["Ann Lee", "Bob Ray", "Carmen Andoh", "Dave", "SPEAKER_00"]

    /// Writes about `megabytes` MB of `kind` to `path`.
    static func write(_ kind: String, megabytes: Int, to path: String) throws {
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % n
        }
        func sentence() -> String {
            (0..<(4 + next(10))).map { _ in vocabulary[next(vocabulary.count)] }.joined(separator: " ") + "."
        }
        func clock(_ ms: Int, _ separator: String) -> String {
            String(format: "%02d:%02d:%02d", ms / 3_600_000, ms / 60000 % 60, ms / 1000 % 60) + separator
                + String(format: "%03d", ms % 1000)
        }
        // Just under the size asked for: podread refuses files over 256 MB.
        let target = (megabytes << 20) - (64 << 10)
        var out = Data()
        out.reserveCapacity(target + (1 << 16))
        var ms = 0
        var cue = 0
        var speaker = 0
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        var items = 0
        /// `,` and a line break before every JSON item but the first.
        func comma() -> String {
            items += 1
            return items == 1 ? "" : ",\n"
        }
        switch kind {
        case "webvtt.vtt": add("WEBVTT\n")
        case "podcasting.json", "words.json": add("{\"version\": \"1.0.0\", \"segments\": [\n")
        case "whisperx.json": add("{\"language\": \"en\", \"segments\": [\n")
        case "transcript.html": add("<html><body>\n")
        case "paragraph.md": add("---\ntitle: One paragraph\nepisode_number: 1\n---\n[0:00:01] Ann Lee:")
        default: break
        }
        while out.count < target {
            let turnChange = next(6) == 0
            if turnChange { speaker = (speaker + 1) % names.count }
            let name = names[speaker]
            let length = 1500 + next(3000)
            switch kind {
            case "paragraph.md":
                add(" " + sentence())
            case "webvtt.vtt":
                add("\n\(clock(ms, ".")) --> \(clock(ms + length, "."))\n\(turnChange || cue == 0 ? "<v \(name)>" : "")\(sentence())\n\(sentence())\n")
            case "subrip.srt":
                add("\(cue + 1)\n\(clock(ms, ",")) --> \(clock(ms + length, ","))\n\(turnChange || cue == 0 ? "\(name): " : "")\(sentence())\n\(sentence())\n\n")
            case "podcasting.json":
                // A cue's two lines as two segments with the same span, as feeds write them.
                for _ in 0..<2 {
                    add("\(comma()){\"speaker\": \"\(name)\", \"startTime\": \(Double(ms) / 1000), \"endTime\": \(Double(ms + length) / 1000), \"body\": \"\(sentence())\"}")
                }
            case "words.json":
                for word in sentence().split(separator: " ") {
                    add("\(comma()){\"speaker\": \"\(name)\", \"startTime\": \(Double(ms) / 1000), \"endTime\": \(Double(ms + 280) / 1000), \"body\": \"\(word)\"}")
                    ms += 300
                }
            case "whisperx.json":
                add("\(comma()){\"start\": \(Double(ms) / 1000), \"end\": \(Double(ms + length) / 1000), \"text\": \" \(sentence()) \(sentence())\", \"speaker\": \"SPEAKER_0\(speaker)\"}")
            case "transcript.html":
                add("\(turnChange || cue == 0 ? "<cite>\(name):</cite>\n" : "")<time>\(clock(ms, ".").dropLast(4))</time>\n<p>\(sentence()) \(sentence()) \(sentence())</p>\n")
            default:
                add("\(turnChange || cue == 0 ? "**\(name):** " : "")\\[\(clock(ms, ".").dropLast(4))\\] \(sentence()) \(sentence()) \(sentence())\n\n")
            }
            ms += length + 100
            cue += 1
        }
        switch kind {
        case "podcasting.json", "words.json", "whisperx.json": add("\n]}\n")
        case "transcript.html": add("</body></html>\n")
        default: break
        }
        try out.write(to: URL(fileURLWithPath: path))
    }
}
