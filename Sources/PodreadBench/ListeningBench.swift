import Foundation
import ReaderUI
import TranscriptKit

/// Issue 16's figures: from a position the player reports to the frame that marks it, and
/// the reader's CPU while it follows real playback.
enum ListeningBench {
    /// Headless, in the largest episode: a position a second through its whole length (a
    /// new utterance or cue marked most times), then seeks to random places; each timed
    /// from the report to the rendered frame.
    static func latency(_ state: ReaderState) {
        var state = state
        guard let episode = state.episode, episode.duration > 0 else { return }
        update(&state, .key(.char("p")))
        update(&state, .player(.started(source: "bench")))
        var times: [Double] = []
        var seed: UInt64 = 16
        let steps = Int(min(episode.duration, 3000))
        for step in 0..<(steps + 300) {
            let position: Double
            if step < steps {
                position = Double(step)
            } else {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                position = Double(seed >> 11) / Double(1 << 53) * episode.duration
            }
            let start = DispatchTime.now().uptimeNanoseconds
            update(&state, .player(.position(position)))
            _ = render(state)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        print(String(format: "listening: position report to marked frame (%d utterances): median %.3f ms, worst %.3f ms over %d reports (target ≤ 16 ms)",
                     episode.utterances.count, times[times.count / 2], times.last ?? 0, times.count))
    }

    /// The real reader in tmux, following mpv (`--ao=null`, real time) through 20 s of
    /// audio with an utterance a second: its CPU time over 15 s, as a share of one core.
    static func cpuWhileFollowing(podread: String) {
        for tool in ["tmux", "mpv", "sox"] where !["/usr/bin/", "/usr/local/bin/"].contains(where: { FileManager.default.isExecutableFile(atPath: $0 + tool) }) {
            print("listening: CPU while following not measured: \(tool) is not installed")
            return
        }
        let folder = NSTemporaryDirectory() + "podread-bench-listen-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try? FileManager.default.createDirectory(atPath: folder + "/episode", withIntermediateDirectories: true)
        var vtt = "WEBVTT\n\n"
        for second in 0..<20 {
            vtt += String(format: "00:%02d.000 --> 00:%02d.900\n<v %@>Sentence number %d is spoken now.\n\n",
                          second, second, second % 2 == 0 ? "Ann" : "Bob", second)
        }
        try? vtt.write(toFile: folder + "/episode/talk.vtt", atomically: true, encoding: .utf8)
        _ = ProcessTimer.run(["sox", "-n", "-r", "22050", "-c", "1", folder + "/episode/talk.wav", "synth", "20", "sine", "440"])
        let socket = "podread-bench-\(getpid())"
        let tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
        let command = "PODREAD_MPV_OPTIONS=--ao=null XDG_STATE_HOME='\(folder)/state' TERM=tmux-256color LANG=C.UTF-8 '\(podread)' --data '\(folder)/episode'"
        _ = ProcessTimer.run(tmux + ["new-session", "-d", "-x", "120", "-y", "40", command])
        defer { _ = ProcessTimer.run(tmux + ["kill-server"]) }
        Thread.sleep(forTimeInterval: 2)
        guard let pid = processID(naming: folder + "/episode", program: "podread") else {
            print("listening: CPU while following not measured: the reader did not start")
            return
        }
        _ = ProcessTimer.run(tmux + ["send-keys", "p"])
        Thread.sleep(forTimeInterval: 2)
        let before = cpuSeconds(pid)
        Thread.sleep(forTimeInterval: 15)
        let after = cpuSeconds(pid)
        guard let before, let after else { return }
        print(String(format: "listening: the reader's CPU while following playback: %.2f%% of a core over 15 s (target ≤ 2%%)",
                     (after - before) / 15 * 100))
        _ = ProcessTimer.run(tmux + ["send-keys", "q"])
        Thread.sleep(forTimeInterval: 1)
    }

    private static func processID(naming text: String, program: String) -> Int32? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries where entry.allSatisfy(\.isNumber) {
            guard let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let arguments = String(decoding: data, as: UTF8.self).split(separator: "\0")
            if arguments.first?.hasSuffix(program) == true, arguments.contains(where: { $0.contains(text) }) { return Int32(entry) }
        }
        return nil
    }

    /// User and system time of a process, in seconds (`/proc/PID/stat`, clock ticks).
    private static func cpuSeconds(_ pid: Int32) -> Double? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        // Fields after the command's closing parenthesis; utime and stime are the 14th and 15th.
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
