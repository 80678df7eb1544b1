import Foundation
import ReaderUI
import SearchIndex
import TranscriptKit
import Yams

/// podread-bench CORPUS [--runs N] [--podread PATH] [--rare WORD] [--common WORD] [--format-mb MB] [--reader-only] [--listening-only]
/// podread-bench --feeds EPISODES [--runs N] [--podread PATH]
///
/// Prints one line per figure: podread's median time and peak memory, the baseline a user
/// would otherwise reach for, measured in the same run, and the ratio. Build it and podread
/// in release mode first (`swift build -c release`).
@main
struct PodreadBench {
    static let usage = """
        usage: podread-bench CORPUS [--runs N] [--podread PATH] [--rare WORD] [--common WORD] [--format-mb MB] [--reader-only] [--listening-only]
               podread-bench --feeds EPISODES [--runs N] [--podread PATH]
        """

    static func main() {
        if CommandLine.arguments.contains("--help") || CommandLine.arguments.contains("-h") {
            print(usage)
            return
        }
        do {
            try run()
        } catch {
            FileHandle.standardError.write(Data("podread-bench: \(error)\n\(usage)\n".utf8))
            exit(2)
        }
    }

    static func run() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        // `--write KIND MB PATH`: one synthetic file, in a process of its own (see `formats`).
        if arguments.first == "--write", arguments.count == 4, let megabytes = Int(arguments[2]) {
            try FormatFiles.write(arguments[1], megabytes: megabytes, to: arguments[3])
            return
        }
        // `--open-in-reader DIR`: the reader's work on one episode, in a process of its own.
        if arguments.first == "--open-in-reader", arguments.count == 2 {
            try openInReader(directory: arguments[1])
            return
        }
        if arguments.first == "--reader-frames", (2...3).contains(arguments.count) {
            try readerFrames(directory: arguments[1], word: arguments.count == 3 ? arguments[2] : "cluster")
            return
        }
        func option(_ name: String, _ fallback: String) -> String {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return fallback }
            let value = arguments[i + 1]
            arguments.removeSubrange(i...(i + 1))
            return value
        }
        let runs = Int(option("--runs", "5")) ?? 5
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        let podread = option("--podread", here + "/podread")
        let rare = option("--rare", "agreed")
        let common = option("--common", "cluster")
        let formatMegabytes = Int(option("--format-mb", "32")) ?? 32
        // `--reader-only`: only the in-process reader figures (the last lines of a full run).
        let readerOnly = arguments.contains("--reader-only")
        let listeningOnly = arguments.contains("--listening-only")
        arguments.removeAll { $0 == "--reader-only" || $0 == "--listening-only" }
        if let feeds = Int(option("--feeds", "")) {
            guard feeds > 0 else { exit(64) }
            return try FeedBench.run(episodes: feeds, runs: runs, podread: podread)
        }
        var isFolder: ObjCBool = false
        guard let corpus = arguments.first, FileManager.default.fileExists(atPath: corpus, isDirectory: &isFolder),
              isFolder.boolValue else {
            FileHandle.standardError.write(Data("podread-bench: give a folder of episodes (make-corpus --episodes N makes one)\n\(usage)\n".utf8))
            exit(64)
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).filter { $0.hasSuffix(".md") }
        let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: corpus + "/" + $1)[.size] as? Int) ?? 0) }
        print("corpus: \(files.count) files, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, median of \(runs) runs")

        func line(_ name: String, _ ours: Measurement, _ baselines: [(String, Measurement)], extra: String = "") {
            var text = "\(name): podread \(format(ours))"
            for (label, base) in baselines {
                text += " | \(label) \(format(base)) | ratio \(String(format: "%.2f", ours.seconds / base.seconds))×"
            }
            print(text + extra)
        }

        // podread's index goes to a folder of its own, emptied first: cold is cold.
        let cacheHome = NSTemporaryDirectory() + "podread-bench-cache-\(getpid())"
        try? FileManager.default.removeItem(atPath: cacheHome)
        setenv("XDG_CACHE_HOME", cacheHome, 1)
        defer { try? FileManager.default.removeItem(atPath: cacheHome) }
        if readerOnly { return try reader(corpus: corpus, word: common) }
        if listeningOnly {
            try reader(corpus: corpus, word: common, listeningOnly: true)
            return ListeningBench.cpuWhileFollowing(podread: podread)
        }

        let grepTitles = ProcessTimer.median(["grep", "-rl", "^title:", corpus], runs: runs)
        let cold = ProcessTimer.median([podread, "list", "--no-cache", "--data", corpus], runs: runs)
        line("listing, --no-cache (every file parsed)", cold, [("grep -rl '^title:'", grepTitles)])
        _ = ProcessTimer.run([podread, "list", "--data", corpus])
        let warm = ProcessTimer.median([podread, "list", "--data", corpus], runs: runs)
        line("listing from the database (nothing changed)", warm, [("grep -rl '^title:'", grepTitles)])

        let validate = ProcessTimer.median([podread, "validate", "--no-cache", "--data", corpus], runs: runs)
        let wc = ProcessTimer.median(["sh", "-c", "cat \"$0\"/*.md | wc -l", corpus], runs: runs)
        line("full parse (validate --no-cache)", validate, [("wc -l", wc)],
             extra: String(format: " | %.0f MB/s", Double(bytes) / 1e6 / validate.seconds))

        try searchIndex(corpus: corpus, bytes: bytes, files: files, runs: runs, podread: podread,
                        rare: rare, common: common, cacheHome: cacheHome, line: line)

        try formats(megabytes: formatMegabytes, runs: runs, podread: podread, line: line)
        try oneParagraph(megabytes: formatMegabytes, runs: runs, line: line)

        // In-process work last: see ProcessTimer on why it would swell the peaks above.
        yamlAlone(corpus: corpus, files: files, bytes: bytes, runs: runs)
        try reader(corpus: corpus, word: common)
        ListeningBench.cpuWhileFollowing(podread: podread)
    }

    /// The search index: made from nothing (MB/s, size against the corpus), brought up to
    /// date after one file changes, and searches beside ripgrep printing its lines.
    static func searchIndex(corpus: String, bytes: Int, files: [String], runs: Int, podread: String,
                            rare: String, common: String, cacheHome: String,
                            line: (String, Measurement, [(String, Measurement)], String) -> Void) throws {
        // From nothing: the index holds the summaries too, so every file is parsed as well.
        var builds: [Measurement] = []
        for _ in 0..<runs {
            try? FileManager.default.removeItem(atPath: cacheHome + "/podread/index")
            for file in (try? FileManager.default.contentsOfDirectory(atPath: cacheHome + "/podread")) ?? [] where file.hasPrefix("index-") {
                try? FileManager.default.removeItem(atPath: cacheHome + "/podread/" + file)
            }
            builds.append(ProcessTimer.run([podread, "index", "--data", corpus]))
        }
        let build = builds.sorted { $0.seconds < $1.seconds }[builds.count / 2]
        let indexFiles = ((try? FileManager.default.contentsOfDirectory(atPath: cacheHome + "/podread")) ?? []).filter { $0.hasPrefix("index-") }
        let indexBytes = indexFiles.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: cacheHome + "/podread/" + $1)[.size] as? Int) ?? 0) }
        print("index from nothing: podread \(format(build)) | \(String(format: "%.1f MB/s", Double(bytes) / 1e6 / build.seconds))"
              + " | index \(String(format: "%.1f MB, %.2f× the corpus", Double(indexBytes) / 1e6, Double(indexBytes) / Double(max(bytes, 1))))")
        let unchanged = ProcessTimer.median([podread, "index", "--data", corpus], runs: runs)
        print("index, nothing changed (stamps compared): podread \(format(unchanged))")
        if let first = files.sorted().first {
            let path = corpus + "/" + first
            var changes: [Measurement] = []
            for _ in 0..<runs {
                // The same bytes written again: a new stamp, so the file is read and indexed anew.
                if let data = FileManager.default.contents(atPath: path) { try data.write(to: URL(fileURLWithPath: path)) }
                changes.append(ProcessTimer.run([podread, "index", "--data", corpus]))
            }
            let change = changes.sorted { $0.seconds < $1.seconds }[changes.count / 2]
            print("index after one file changed (whole command, listing included): podread \(format(change))"
                  + " | of which stamps alone \(format(unchanged))")
            // Settled (a file changed within the last second is not trusted by its stamp),
            // and seen once: the searches below find the folder as the index has it.
            Thread.sleep(forTimeInterval: 1.1)
            _ = ProcessTimer.run([podread, "index", "--data", corpus])
        }

        let hasRipgrep = ProcessTimer.run(["rg", "--version"]).status == 0
        if !hasRipgrep { print("(ripgrep not installed: apt-get install ripgrep for its baseline)") }
        for (label, word) in [("rare", rare), ("common", common)] {
            // Everyone's output read to its end through a pipe (see ProcessTimer).
            func timed(_ arguments: [String]) -> Measurement { ProcessTimer.median(arguments, runs: runs, readingOutput: true) }
            var baselines = [("grep -r -i -F", timed(["grep", "-r", "-i", "-F", word, corpus]))]
            if hasRipgrep { baselines.append(("rg -i -F", timed(["rg", "-i", "-F", word, corpus]))) }
            let all = timed([podread, "search", word, "--limit", "0", "--data", corpus])
            line("search \(label) '\(word)', every result printed", all, baselines, "")
            let json = timed([podread, "search", word, "--json", "--data", corpus])
            line("search \(label) '\(word)', every result as JSON", json, baselines, "")
            let top = timed([podread, "search", word, "--limit", "50", "--data", corpus])
            line("search \(label) '\(word)', top 50 ranked", top, [], "")
        }
    }

    /// One file of each format, `megabytes` MB, read by `validate --no-cache` beside `wc -l`
    /// of the same file: MB/s, and peak memory against the file's size.
    static func formats(megabytes: Int, runs: Int, podread: String,
                        line: (String, Measurement, [(String, Measurement)], String) -> Void) throws {
        guard megabytes > 0 else { return }
        let folder = NSTemporaryDirectory() + "podread-bench-formats-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for kind in FormatFiles.kinds {
            let directory = folder + "/" + kind
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = directory + "/" + kind
            // Written by a child: the bench's own memory would count in every later child's peak.
            _ = ProcessTimer.run([CommandLine.arguments[0], "--write", kind, String(megabytes), path])
            let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1e6
            let ours = ProcessTimer.median([podread, "validate", "--no-cache", "--data", directory], runs: runs)
            let wc = ProcessTimer.median(["wc", "-l", path], runs: runs)
            line(String(format: "read %@ (%.0f MB)", kind, size), ours, [("wc -l", wc)],
                 String(format: " | %.0f MB/s, peak %.1f× the file", size / ours.seconds, ours.peakMegabytes / size))
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// An episode that is one paragraph of `megabytes` MB, opened in the (headless) reader,
    /// shown, searched and shown at its end: time and peak memory against the file's size.
    static func oneParagraph(megabytes: Int, runs: Int, line: (String, Measurement, [(String, Measurement)], String) -> Void) throws {
        guard megabytes > 0 else { return }
        let directory = NSTemporaryDirectory() + "podread-bench-paragraph-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/001-one.md"
        _ = ProcessTimer.run([CommandLine.arguments[0], "--write", "paragraph.md", String(megabytes), path])
        let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1e6
        let ours = ProcessTimer.median([CommandLine.arguments[0], "--open-in-reader", directory], runs: runs)
        let wc = ProcessTimer.median(["wc", "-l", path], runs: runs)
        line(String(format: "reader: one paragraph of %.0f MB opened, shown, searched, shown at its end", size), ours, [("wc -l", wc)],
             String(format: " | peak %.1f× the file", ours.peakMegabytes / size))
    }

    /// The actions before each frame the reader's figures time: 300×j, 100×PageDown, 100
    /// jumps to random times, a search, 100×n, G.
    static func frameScript(duration: Double, word: String) -> [[Action]] {
        var script = Array(repeating: [Action.key(.char("j"))], count: 300) + Array(repeating: [.key(.pageDown)], count: 100)
        var seed: UInt64 = 42
        for _ in 0..<100 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let target = Int(Double(seed >> 11) / Double(1 << 53) * duration)
            script.append([.key(.char("t"))] + String(target).map { .key(.char($0)) } + [.key(.enter)])
        }
        script.append([.key(.char("/"))] + word.map { .key(.char($0)) } + [.key(.enter)])
        script += Array(repeating: [.key(.char("n"))], count: 100)
        return script + [[.key(.char("G"))]]
    }

    /// `--reader-frames CORPUS [WORD]`: only the frames of `frameScript` in the largest episode,
    /// from the index, each frame's render time in ms on a line: a small program to
    /// profile (`valgrind --tool=callgrind`) and to find the slow frames.
    static func readerFrames(directory: String, word: String) throws {
        guard var state = try largestEpisodeOpen(directory), let episode = state.episode else { return }
        update(&state, .key(.tab))
        for actions in frameScript(duration: episode.duration, word: word) {
            for action in actions { update(&state, action) }
            let t = now()
            _ = render(state)
            print(String(format: "%.3f", Double(now() - t) / 1e6))
        }
    }

    /// The reader at 160×48 on the corpus (from the index), its largest episode open.
    static func largestEpisodeOpen(_ directory: String) throws -> ReaderState? {
        DisplayText.useUTF8Locale()
        let corpus = try CorpusLoader.load(directory: directory, transcripts: false, memory: SearchIndex(corpusFolder: directory))
        var state = ReaderState(corpus: corpus, width: 160, height: 48)
        guard let largest = corpus.episodes.indices.max(by: { corpus.episodes[$0].utteranceCount < corpus.episodes[$1].utteranceCount }) else { return nil }
        for effect in update(&state, .openEpisode(largest, then: [])) {
            if case let .readTranscript(index, file) = effect {
                update(&state, .transcriptRead(episode: index, file: file, Delivered(corpus.transcript(of: index))))
            }
        }
        return state
    }

    static func openInReader(directory: String) throws {
        DisplayText.useUTF8Locale()
        let corpus = try CorpusLoader.load(directory: directory, transcripts: true)
        var state = ReaderState(corpus: corpus, width: 120, height: 36)
        _ = render(state)
        for key in "/cluster" { update(&state, .key(.char(key))) }
        update(&state, .key(.enter))
        _ = render(state)
        update(&state, .key(.char("G")))
        _ = render(state)
    }

    /// Only the YAML of every front matter through Yams, in process on every core: the
    /// part of parsing that is the library's, and the parse rate it allows at best.
    static func yamlAlone(corpus: String, files: [String], bytes: Int, runs: Int) {
        let blocks: [String] = files.compactMap { name in
            guard let text = try? String(contentsOfFile: corpus + "/" + name, encoding: .utf8), text.hasPrefix("---\n"),
                  let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex) else { return nil }
            return String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound])
        }
        var times: [Double] = []
        for _ in 0..<runs {
            let start = now()
            _ = Concurrently.map(blocks.count) { (try? Yams.compose(yaml: blocks[$0], .basic, .default, .utf8)) != nil }
            times.append(Double(now() - start) / 1e9)
        }
        let median = times.sorted()[times.count / 2]
        print(String(format: "YAML alone (Yams.compose of %d front matters, both cores): %.3f s, so parsing can reach at most %.0f MB/s",
                     blocks.count, median, Double(bytes) / 1e6 / median))
    }

    static func format(_ m: Measurement) -> String {
        String(format: "%.3f s (peak %.0f MB)", m.seconds, m.peakMegabytes)
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// In process, headless: the time to the first frame, then frame times while scrolling,
    /// jumping and searching in the largest episode.
    static func reader(corpus directory: String, word: String, listeningOnly: Bool = false) throws {
        DisplayText.useUTF8Locale()
        if listeningOnly {
            if let state = try largestEpisodeOpen(directory) { ListeningBench.latency(state) }
            return
        }
        func firstFrame(cache: Bool) throws -> (Double, ReaderState) {
            let start = now()
            let corpus = try CorpusLoader.load(directory: directory, transcripts: false, memory: cache ? SearchIndex(corpusFolder: directory) : nil)
            let state = ReaderState(corpus: corpus, width: 160, height: 48)
            _ = render(state)
            return (Double(now() - start) / 1e9, state)
        }
        let (coldFirst, _) = try firstFrame(cache: false)
        // A first start as the reader does it on a large corpus: the list from the front
        // matter, then the transcripts (front matter reused) while it is shown.
        let listStart = now()
        let partial = try CorpusLoader.loadFrontMatter(directory: directory)
        _ = render(ReaderState(corpus: partial, width: 160, height: 48))
        let listed = Double(now() - listStart) / 1e9
        let restStart = now()
        _ = try CorpusLoader.load(directory: directory, transcripts: false, after: partial)
        let rest = Double(now() - restStart) / 1e9
        print(String(format: "reader, first start: list from the front matter %.3f s, then the transcripts %.3f s (all at once: %.3f s)",
                     listed, rest, coldFirst))
        _ = try firstFrame(cache: true)   // fills this program's index
        var (first, state) = try firstFrame(cache: true)
        let corpus = state.corpus
        guard let largest = corpus.episodes.indices.max(by: { corpus.episodes[$0].utteranceCount < corpus.episodes[$1].utteranceCount }) else { return }
        let openStart = now()
        // Read as the program reads it (off the input thread), then handed to the reader.
        for effect in update(&state, .openEpisode(largest, then: [])) {
            if case let .readTranscript(index, file) = effect {
                update(&state, .transcriptRead(episode: index, file: file, Delivered(corpus.transcript(of: index))))
            }
        }
        let openTime = Double(now() - openStart) / 1e9
        update(&state, .key(.tab))
        var times: [Double] = []
        func frame(_ actions: [Action]) {
            for action in actions { update(&state, action) }
            let t = now()
            _ = render(state)
            times.append(Double(now() - t) / 1e6)
        }
        for actions in frameScript(duration: state.corpus.episodes[largest].duration, word: word) { frame(actions) }
        // Input to screen (a key's update and the frame it draws) while the search index is
        // made and searched and every file is loaded, on the other threads, as in the reader.
        let busy = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: busy) {
            let path = NSTemporaryDirectory() + "podread-bench-index-\(getpid()).sqlite"
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            guard let index = try? SearchIndex(path: path), let query = IndexQuery(word) else { return }
            _ = try? index.update(corpus)
            try? index.search(query) { _ in true }
        }
        DispatchQueue.global(qos: .userInitiated).async(group: busy) {
            _ = try? CorpusLoader.load(directory: directory, transcripts: true)
        }
        var underLoad: [Double] = []
        var n = 0
        // A key every 5 ms for as long as the work runs (a fast typist, held down).
        while busy.wait(timeout: .now()) == .timedOut {
            let t = now()
            update(&state, .key(.char(n % 20 < 10 ? "j" : "k")))
            _ = render(state)
            underLoad.append(Double(now() - t) / 1e6)
            n += 1
            usleep(5000)
        }
        if underLoad.isEmpty { underLoad = [0] }
        underLoad.sort()
        print(String(format: "reader: input to screen while the index is made and searched and a full load runs: median %.3f ms, worst %.3f ms over %d keys",
                     underLoad[underLoad.count / 2], underLoad.last ?? 0, underLoad.count))
        let worstAt = times.indices.max { times[$0] < times[$1] } ?? 0
        times.sort()
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(String(format: "reader: first frame %.3f s (from the index; %.3f s without) | opening the largest episode (%d utterances) %.3f s | frame render median %.3f ms, worst %.3f ms (frame %d) over %d frames | peak %.0f MB",
                     first, coldFirst, state.episode?.utterances.count ?? 0, openTime,
                     times[times.count / 2], times.last ?? 0, worstAt, times.count, Double(usage.ru_maxrss) / 1024))
        ListeningBench.latency(state)
    }
}
