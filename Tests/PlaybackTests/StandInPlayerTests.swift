import Foundation
import Testing
@testable import Playback

/// `MpvPlayer` against a stand-in that speaks mpv's IPC from a Python script: what it
/// reports, what it sends, and what happens when the player vanishes or talks nonsense.
@Suite(.serialized) struct StandInPlayerTests {
    /// Acts as mpv: listens on `--input-ipc-server`, writes each command line it gets to
    /// `$STANDIN_LOG`, and says what `$STANDIN_MODE` asks for.
    static let script = #"""
        #!/usr/bin/env python3
        import os, socket, sys, time
        path = [a for a in sys.argv if a.startswith("--input-ipc-server=")][0].split("=", 1)[1]
        mode, log = os.environ["STANDIN_MODE"], open(os.environ["STANDIN_LOG"], "a")
        server = socket.socket(socket.AF_UNIX); server.bind(path); server.listen(1)
        conn, _ = server.accept()
        def say(line): conn.sendall(line.encode() + b"\n")
        if mode == "positions":
            say('{"event":"file-loaded"}')
            for t in (1.0, 2.5): say('{"event":"property-change","id":1,"name":"time-pos","data":%s}' % t)
        elif mode == "garbage":
            for line in ("garbage", "{", '{"event":"property-change","name":"time-pos","data":"x"}', "\x00\x01", "[]"):
                say(line)
            say('{"event":"property-change","id":1,"name":"time-pos","data":7}')
        elif mode == "vanish":
            say('{"event":"property-change","id":1,"name":"time-pos","data":1}')
            time.sleep(0.2); os._exit(3)
        buffer = b""
        while True:
            data = conn.recv(4096)
            if not data: break
            buffer += data
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                log.write(line.decode() + "\n"); log.flush()
                if b'"quit"' in line: sys.exit(0)
                if mode == "loads" and b'"loadfile"' in line:
                    time.sleep(0.3); say('{"event":"file-loaded"}')
        """#

    final class Heard: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [PlayerEvent] = []
        func add(_ event: PlayerEvent) { lock.withLock { events.append(event) } }
        var all: [PlayerEvent] { lock.withLock { events } }

        /// Waits (at most 10 s) until `done` holds for what was heard.
        func wait(until done: ([PlayerEvent]) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if done(all) { return true }
                usleep(20_000)
            }
            return done(all)
        }
    }

    static func start(_ mode: String) throws -> (MpvPlayer, Heard, log: String, folder: String) {
        let folder = NSTemporaryDirectory() + "standin-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let executable = folder + "/mpv"
        // Written through a descriptor closed on exec: a process another test spawns meanwhile
        // must not keep it open for writing (exec would then fail with "Text file busy").
        let descriptor = open(executable, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        #expect(descriptor >= 0)
        let bytes = Array(script.utf8)
        #expect(write(descriptor, bytes, bytes.count) == bytes.count)
        close(descriptor)
        let log = folder + "/commands"
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_RUNTIME_DIR"] = folder
        setenv("STANDIN_MODE", mode, 1)
        setenv("STANDIN_LOG", log, 1)
        let heard = Heard()
        // A child another thread is forking may hold it for a moment all the same.
        for _ in 0..<50 {
            do {
                let player = try MpvPlayer(executable: executable, environment: environment) { heard.add($0) }
                return (player, heard, log, folder)
            } catch let MpvPlayer.StartError.failed(why) where why.contains("Text file busy") {
                usleep(100_000)
            }
        }
        let player = try MpvPlayer(executable: executable, environment: environment) { heard.add($0) }
        return (player, heard, log, folder)
    }

    static func commands(_ log: String) -> [String] {
        ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    static func isRunning(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 }

    @Test func positionsArriveAndCommandsLeave() throws {
        let (player, heard, log, folder) = try Self.start("positions")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(heard.wait { $0 == [.loaded, .position(1.0), .position(2.5)] })
        player.send(.seek(42))
        player.send(.pause(true))
        player.send(.speed(1.5))
        let pid = player.processID
        #expect(Self.isRunning(pid))
        player.stop()
        #expect(!Self.isRunning(pid))
        let sent = Self.commands(log)
        #expect(sent.filter { $0.contains("observe_property") }.count == 4)
        #expect(sent.contains { $0.contains(#"["seek",42,"absolute","exact"]"#) })
        #expect(sent.contains { $0.contains(#"["set_property","pause",true]"#) })
        #expect(sent.contains { $0.contains(#"["set_property","speed",1.5]"#) })
        #expect(sent.last?.contains(#"["quit"]"#) == true)
        // The socket's private folder is gone with the player.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("podread-player-") }
        #expect(left.isEmpty)
    }

    /// A seek and a pause asked for while the file loads are where it starts, and how.
    @Test func whatIsAskedWhileLoadingIsDoneOnceLoaded() throws {
        let (player, heard, log, folder) = try Self.start("loads")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        player.play("/tmp/episode.mp3", from: 5)
        player.send(.seek(7))
        player.send(.pause(true))
        player.send(.speed(1.5))
        #expect(heard.wait { $0.contains(.loaded) })
        player.stop()
        let sent = Self.commands(log).filter { !$0.contains("observe_property") }
        let expected = [#"["loadfile","\/tmp\/episode.mp3","replace"]"#, #"["set_property","speed",1.5]"#,
                        #"["seek",7,"absolute","exact"]"#, #"["set_property","pause",true]"#, #"["quit"]"#]
        #expect(sent.count == expected.count, "\(sent)")
        for (line, command) in zip(sent, expected) { #expect(line.contains(command), "\(line)") }
    }

    @Test func aPlayerThatVanishesIsReportedGone() throws {
        let (player, heard, _, folder) = try Self.start("vanish")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(heard.wait { $0.last.map { if case .gone = $0 { return true } else { return false } } ?? false })
        #expect(heard.all.first == .position(1))
        player.send(.seek(3))   // to a player that is gone: nothing happens
        player.stop()
    }

    @Test func garbageIsIgnoredAndSilenceIsSurvived() throws {
        let (player, heard, _, folder) = try Self.start("garbage")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(heard.wait { $0 == [.position(7)] })
        player.stop()
        let (quiet, nothing, _, other) = try Self.start("silent")
        defer { try? FileManager.default.removeItem(atPath: other) }
        usleep(300_000)
        #expect(nothing.all.isEmpty)
        let pid = quiet.processID
        quiet.stop()
        #expect(!Self.isRunning(pid))
    }

    @Test func noPlayerSaysWhatToInstall() {
        #expect(throws: MpvPlayer.StartError.notInstalled) {
            _ = try MpvPlayer(environment: ["PATH": "/nonexistent"]) { _ in }
        }
        #expect(MpvPlayer.StartError.notInstalled.description.contains("apt-get install mpv"))
    }
}
