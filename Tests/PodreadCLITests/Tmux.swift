import Foundation

/// A tmux server of our own (its own socket), running one pane, for end-to-end tests of
/// the real binary in a real terminal.
final class Tmux {
    static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let socket = "podread-test-\(UUID().uuidString.prefix(8))"
    let directory: String

    /// Runs `command` in a pane of the given size, recording `stty -a` before and after it
    /// and then its exit status (`EXIT=n` on the screen).
    init(width: Int, height: Int, command: String, environment: String = "") throws {
        directory = NSTemporaryDirectory() + socket
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/run.sh"
        try Data(Self.script(command, directory: directory, environment: environment).utf8).write(to: URL(fileURLWithPath: path))
        try run(["new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", "bash " + path], capture: false)
    }

    deinit {
        _ = try? run(["kill-server"], capture: false)
        try? FileManager.default.removeItem(atPath: directory)
    }

    @discardableResult
    func run(_ arguments: [String], capture: Bool = true) throws -> String {
        // A new-session's output is never captured: the server it forks would hold the pipe open.
        try Spawn.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, captureOutput: capture)
    }

    /// Records every byte the pane's program writes to the terminal into `file`.
    func record(to file: String) throws { try run(["pipe-pane", "-t", "t", "-O", "cat > '\(file)'"], capture: false) }

    func keys(_ keys: String...) throws { try run(["send-keys", "-t", "t"] + keys) }
    func literal(_ text: String) throws { try run(["send-keys", "-t", "t", "-l", text]) }
    func screen() throws -> String { try run(["capture-pane", "-t", "t", "-p"]) }
    func colouredScreen() throws -> String { try run(["capture-pane", "-t", "t", "-p", "-e"]) }
    func resize(width: Int, height: Int) throws { try run(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"]) }
    func option(_ format: String) throws -> String {
        try run(["display-message", "-t", "t", "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The screen never came: the test fails with what it showed instead.
    struct Timeout: Error, CustomStringConvertible {
        var seconds: Double
        var screen: String
        /// The end of the reader's trace (`PODREAD_TRACE`): what it did meanwhile.
        var trace = ""
        var description: String {
            "the awaited screen did not come within \(seconds) s; the last screen was:\n\(screen)\nthe reader's trace ended with:\n\(trace)"
        }
    }

    /// The last lines of the reader's trace.
    private var traceTail: String {
        file("trace").split(separator: "\n").suffix(40).joined(separator: "\n")
    }

    /// Waits until the screen satisfies `condition` and returns it; throws `Timeout` with the
    /// last screen seen when `seconds` pass first. Once it holds, a second capture a moment later must be the same: a frame can reach tmux
    /// in more than one write, and a capture between them is half drawn. (A screen that keeps
    /// changing, such as a progress count, is taken after a few tries.)
    @discardableResult
    func wait(seconds: Double = 30, for condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        var unsettled = 0
        while Date() < deadline {
            last = try screen()
            if condition(last) {
                Thread.sleep(forTimeInterval: 0.03)
                let again = try screen()
                if !condition(again) { return last }  // a later frame, not the rest of this one
                if again == last || unsettled >= 4 { return again }
                unsettled += 1
                continue
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Timeout(seconds: seconds, screen: last, trace: traceTail)
    }

    /// Waits until the reader's trace has at least `count` lines containing `text` (keys
    /// sent in a burst are all handled: a screen can be still for a moment while a slow
    /// reader works through them).
    func waitForTrace(_ text: String, count: Int, seconds: Double = 60) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if file("trace").components(separatedBy: "\n").filter({ $0.contains(text) }).count >= count { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Timeout(seconds: seconds, screen: (try? screen()) ?? "", trace: traceTail)
    }

    /// Waits until the reader's loop has turned for two more seconds (the trace's heartbeat,
    /// once a second): a loop stuck in a read shows no change on the screen.
    func waitForTheLoopToTurn(seconds: Double = 10) throws {
        func beats() -> Int { file("trace").components(separatedBy: " loop: ").count - 1 }
        let start = beats()
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if beats() >= start + 2 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Timeout(seconds: seconds, screen: (try? screen()) ?? "", trace: traceTail)
    }

    @discardableResult
    func wait(for text: String, seconds: Double = 30) throws -> String {
        try wait(seconds: seconds) { $0.contains(text) }
    }

    private static func script(_ command: String, directory: String, environment: String = "") -> String {
        """
        cd '\(CLI.root.path)'
        unset NO_COLOR
        export LANG=C.UTF-8 TERM=tmux-256color XDG_CACHE_HOME='\(CLI.cacheHome)' XDG_STATE_HOME='\(directory)/state' PODREAD_TRACE='\(directory)/trace' \(environment)
        env > "$D/env"
        stty -a > "$D/stty-before"
        \(command)
        status=$?
        stty -a > "$D/stty-after"
        echo "EXIT=$status"
        exec sleep 600
        """.replacingOccurrences(of: "$D", with: directory)
    }

    func file(_ name: String) -> String {
        String(decoding: Spawn.readFile(directory + "/" + name), as: UTF8.self)
    }

    /// Waits until the screen stops changing, and returns it; throws `Timeout` when it is
    /// still changing after `seconds`.
    func settledScreen(seconds: Double = 30) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = try screen()
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.4)
            let now = try screen()
            if now == last { return now }
            last = now
        }
        throw Timeout(seconds: seconds, screen: last, trace: traceTail)
    }
}
