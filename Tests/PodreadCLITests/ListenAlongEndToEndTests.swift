import Foundation
import Playback
import Testing

/// Listening along with the real player: speech made by espeak-ng (each sentence padded
/// to 3 s with sox, so each starts at a known second), played by mpv with no sound card
/// (`--ao=null`, in real time), the reader in tmux. The player's own time is read back over
/// its IPC socket (`MpvClient`, a connection of the test's own).
@Suite(.enabled(if: Tmux.isAvailable && ListenAlong.toolsPresent,
                "mpv, espeak-ng, sox or tmux is not installed: listen-along end-to-end tests skipped"), .serialized)
struct ListenAlongEndToEndTests {
    @Test func theMarkFollowsTheSpeechAndKeysDriveThePlayer() throws {
        let (folder, runtime, tmux) = try ListenAlong.reader()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try tmux.keys("p")
        let (socket, player) = try ListenAlong.player(in: runtime)
        // Each time the mark is seen on a sentence for the first time, the player's own
        // time is asked: it must have reached the sentence's start, and be at most 0.5 s
        // past it, plus the time it took to look (since the look before, which did not
        // see the mark there yet).
        var reached: [Int] = []
        var lookedBefore = Date()
        let deadline = Date().addingTimeInterval(30)
        while reached.count < 4, Date() < deadline {
            let looking = Date()
            let screen = try tmux.screen()
            if let marked = screen.split(separator: "\n").first(where: { $0.contains("│▶ ") }),
               let index = ListenAlong.sentences.firstIndex(where: { marked.contains($0.prefix(20)) }), !reached.contains(index) {
                let heard = try #require(player.property("time-pos"))
                let looked = Date().timeIntervalSince(lookedBefore)
                let start = Double(index * 3)
                #expect(heard >= start - 0.06, "sentence \(index) marked at \(heard) s, before it is spoken")
                #expect(heard - start <= 0.5 + looked, "sentence \(index) marked at \(heard) s (looked for \(looked) s)")
                reached.append(index)
            }
            lookedBefore = looking
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(reached == [0, 1, 2, 3], "the mark reached \(reached)")

        // [ goes back an utterance, and the player with it: its own time-pos says so.
        try tmux.keys("p")
        try tmux.wait(for: "⏸ ")
        try tmux.keys("[", "[")
        try tmux.wait(for: "⏸ 0:03")
        let position = try #require(player.property("time-pos"))
        #expect(abs(position - 3) < 0.25, "time-pos \(position)")
        // Paused: the time stands still.
        Thread.sleep(forTimeInterval: 0.5)
        #expect(abs((player.property("time-pos") ?? -1) - position) < 0.01)
        try tmux.keys(">")
        try tmux.wait(for: "×1.25")
        #expect(player.property("speed") == 1.25)
        // g scrolls to the top (and stops following); Enter plays from the utterance there.
        try tmux.keys("g")
        try tmux.wait(for: "f follows")
        try tmux.keys("Enter")
        try tmux.wait(for: "⏸ 0:00")
        #expect((player.property("time-pos") ?? -1) < 0.25)

        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")
        // No player left: its socket's folder is gone, and no process names it.
        #expect(!FileManager.default.fileExists(atPath: socket))
        #expect(ListenAlong.processes(naming: runtime).isEmpty)
    }
}

extension ListenAlongEndToEndTests {
    /// `podread play` prints each utterance as it is spoken, from `--at`, and ends with the audio.
    @Test func playPrintsEachUtteranceAsItIsSpoken() throws {
        let folder = try ListenAlong.makeEpisode()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let whole = try Spawn.measure([CLI.binary, "play", "talk", "--data", folder + "/episodes"], captureOutput: true,
                                      environment: ["PODREAD_MPV_OPTIONS": "--ao=null"])
        #expect(whole.status == 0, "\(whole.errors)")
        let expected = ListenAlong.sentences.enumerated().map { index, sentence in
            "[0:00:0\(index * 3)] \(index % 2 == 0 ? "Ann" : "Bob"): \(sentence)"
        }
        #expect(whole.output.split(separator: "\n").map(String.init) == expected)
        // The audio is 12 s long, played in real time.
        #expect(whole.seconds > 11 && whole.seconds < 20, "\(whole.seconds) s")

        let later = try Spawn.measure([CLI.binary, "play", "talk", "--at", "6", "--data", folder + "/episodes"], captureOutput: true,
                                      environment: ["PODREAD_MPV_OPTIONS": "--ao=null"])
        #expect(later.status == 0, "\(later.errors)")
        #expect(later.output.split(separator: "\n").map(String.init) == Array(expected[2...]))
        #expect(later.seconds > 5 && later.seconds < 12, "\(later.seconds) s")
    }

    @Test func playSaysWhatIsMissing() throws {
        let folder = try ListenAlong.makeEpisode()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let noPlayer = try Spawn.measure([CLI.binary, "play", "talk", "--data", folder + "/episodes"], captureOutput: true,
                                         environment: ["PATH": "/nonexistent"])
        #expect(noPlayer.status == 69)
        #expect(noPlayer.errors.contains("mpv is not installed") && noPlayer.errors.contains("apt-get install mpv"), "\(noPlayer.errors)")
        try FileManager.default.removeItem(atPath: folder + "/episodes/talk.wav")
        let noAudio = try Spawn.measure([CLI.binary, "play", "talk", "--data", folder + "/episodes"], captureOutput: true)
        #expect(noAudio.status == 1)
        #expect(noAudio.errors.contains("talk.vtt: no audio for this episode"), "\(noAudio.errors)")
        #expect(noAudio.output.isEmpty)
    }

    /// Quitting while the player is still starting: it is waited for and stopped.
    @Test func quittingAsThePlayerStartsLeavesNoPlayer() throws {
        let (folder, runtime, tmux) = try ListenAlong.reader()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try tmux.keys("p", "p", "p", "q")
        try tmux.wait(for: "EXIT=0")
        #expect(ListenAlong.processes(naming: runtime).isEmpty)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: runtime)) ?? []).isEmpty)
    }

    /// SIGTERM while listening: the reader ends with 143, the terminal as it was, and no player.
    @Test func aSignalWhileListeningLeavesNoPlayer() throws {
        let (folder, runtime, tmux) = try ListenAlong.reader()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try tmux.keys("p")
        try tmux.wait(for: "│▶ ")
        #expect(!ListenAlong.processes(naming: runtime).isEmpty)
        let reader = try #require(ListenAlong.processes(naming: folder + "/episodes").first)
        kill(Int32(reader)!, SIGTERM)
        try tmux.wait(for: "EXIT=143")
        #expect(tmux.file("stty-before") == tmux.file("stty-after"))
        #expect(ListenAlong.processes(naming: runtime).isEmpty)
    }
}

extension ListenAlongEndToEndTests {
    /// No mpv, then a player that dies while playing: the reader says so and goes on.
    @Test func aMissingOrDyingPlayerLeavesTheReaderWorking() throws {
        let folder = try ListenAlong.makeEpisode()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = try Tmux(width: 140, height: 20, command: "PATH=/nonexistent '\(CLI.binary)' --data '\(folder)/episodes'")
        try missing.wait(for: "The first sentence")
        try missing.keys("p")
        try missing.wait(for: "apt-get install mpv")
        try missing.keys("]")
        try missing.wait(for: "0:03 / 0:12")
        try missing.keys("q")
        try missing.wait(for: "EXIT=0")

        // Answers with one position, then is gone.
        let dying = folder + "/dying-mpv"
        try """
            #!/usr/bin/env python3
            import socket, sys, time
            path = [a for a in sys.argv if a.startswith("--input-ipc-server=")][0].split("=", 1)[1]
            server = socket.socket(socket.AF_UNIX); server.bind(path); server.listen(1)
            connection, _ = server.accept()
            connection.sendall(b'{"event":"property-change","id":1,"name":"time-pos","data":4.5}\\n')
            time.sleep(0.5)
            """.utf8CString.withUnsafeBufferPointer { text in
            // Closed on exec: a child another test spawns meanwhile must not keep it open for
            // writing, or running it would fail ("Text file busy").
            let descriptor = open(dying, O_WRONLY | O_CREAT | O_CLOEXEC, 0o755)
            _ = write(descriptor, text.baseAddress, text.count - 1)
            close(descriptor)
        }
        let tmux = try Tmux(width: 140, height: 20, command: "'\(CLI.binary)' --data '\(folder)/episodes'",
                            environment: "PODREAD_MPV='\(dying)'")
        try tmux.wait(for: "The first sentence")
        try tmux.keys("p")
        let screen = try tmux.wait(for: "the player (mpv) stopped: p starts it again")
        #expect(!screen.contains("│▶ "))
        try tmux.keys("j")
        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")
    }
}

enum ListenAlong {
    static let sentences = ["The first sentence is short.", "Here comes the second one.",
                            "A third sentence follows now.", "And the fourth ends it."]

    static var toolsPresent: Bool {
        ["mpv", "espeak-ng", "sox"].allSatisfy { tool in
            ["/usr/bin/", "/usr/local/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + tool) }
        }
    }

    /// A folder with `episodes/talk.vtt` (Ann and Bob in turn, at 0, 3, 6 and 9 s) and
    /// `episodes/talk.wav`, the sentences spoken at those seconds.
    static func makeEpisode() throws -> String {
        let folder = NSTemporaryDirectory() + "listen-\(UUID().uuidString.prefix(8))"
        let episodes = folder + "/episodes"
        try FileManager.default.createDirectory(atPath: episodes, withIntermediateDirectories: true)
        var vtt = "WEBVTT\n\n"
        var pieces: [String] = []
        for (index, sentence) in sentences.enumerated() {
            let spoken = folder + "/s\(index).wav", padded = folder + "/p\(index).wav"
            try Spawn.run(["espeak-ng", "-w", spoken, sentence], captureOutput: true)
            try Spawn.run(["sox", spoken, padded, "pad", "0", "3", "trim", "0", "3"], captureOutput: true)
            pieces.append(padded)
            vtt += "00:0\(index * 3).000 --> 00:\(String(format: "%02d", index * 3 + 3)).000\n<v \(index % 2 == 0 ? "Ann" : "Bob")>\(sentence)\n\n"
        }
        try Spawn.run(["sox"] + pieces + [episodes + "/talk.wav"], captureOutput: true)
        try vtt.write(toFile: episodes + "/talk.vtt", atomically: true, encoding: .utf8)
        return folder
    }

    /// The reader in tmux (100×20) on a folder of `makeEpisode`, its first screen drawn; the
    /// player's private folder goes under `runtime`, and mpv has no sound card.
    static func reader() throws -> (folder: String, runtime: String, tmux: Tmux) {
        let folder = try makeEpisode()
        let runtime = folder + "/runtime"
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true)
        let tmux = try Tmux(width: 100, height: 20, command: "'\(CLI.binary)' --data '\(folder)/episodes'",
                            environment: "PODREAD_MPV_OPTIONS=--ao=null XDG_RUNTIME_DIR='\(runtime)'")
        try tmux.wait(for: "The first sentence")
        return (folder, runtime, tmux)
    }

    /// The player's socket, in the private folder it made under `runtime`, and a
    /// connection to it, once it answers.
    static func player(in runtime: String) throws -> (socket: String, client: MpvClient) {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let folders = (try? FileManager.default.contentsOfDirectory(atPath: runtime)) ?? []
            if let folder = folders.first(where: { $0.hasPrefix("podread-player-") }) {
                let socket = runtime + "/" + folder + "/mpv.socket"
                if let client = MpvClient(socket: socket) { return (socket, client) }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Tmux.Timeout(seconds: 10, screen: "no player answering in \(runtime)", trace: "")
    }

    /// Processes whose command line names `text`.
    static func processes(naming text: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { $0.allSatisfy(\.isNumber) }.filter { pid in
            // Read with `read`: Foundation's reader of a /proc file leaks under LeakSanitizer.
            let line = String(decoding: Spawn.readFile("/proc/\(pid)/cmdline"), as: UTF8.self)
            return line.contains(text) && !line.contains("python3")
        }
    }
}
