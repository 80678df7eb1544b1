import Foundation

/// mpv, run with no window, no terminal and no output of its own, driven over its JSON IPC
/// on a socket in a private (0700) folder. Events arrive on `report`, from a thread of its
/// own; `send` waits a second at most for a player that stops reading. `stop` ends the
/// player; it runs in a session of its own and outlives a process that only exits, so one
/// dying of a signal or a crash calls `killAll`.
public final class MpvPlayer: @unchecked Sendable {
    public enum StartError: Error, CustomStringConvertible, Equatable {
        case notInstalled
        case failed(String)

        public var description: String {
            switch self {
            case .notInstalled: return "mpv is not installed: install it to listen (Debian and Ubuntu: apt-get install mpv)"
            case let .failed(why): return "the player did not start: \(why)"
            }
        }
    }

    private let process: pid_t
    private let socket: Int32
    private let folder: String
    private let lock = NSLock()
    private var stopped = false
    /// Where the file being loaded starts (`play`), and whether it is to stay paused:
    /// mpv 0.35's `loadfile` takes no start, so it is sought to when mpv says the file is
    /// loaded; a seek or a pause asked for meanwhile changes these instead.
    private var pendingStart: (at: Double, paused: Bool)?
    private let report: @Sendable (PlayerEvent) -> Void

    /// Starts mpv (`executable`, else `mpv` on the PATH) with `options` added to its own,
    /// and connects to it; `report` hears every event from then on.
    public init(executable: String? = nil, options: [String] = [],
                environment: [String: String] = ProcessInfo.processInfo.environment,
                report: @escaping @Sendable (PlayerEvent) -> Void) throws {
        guard let mpv = executable ?? Self.find("mpv", path: environment["PATH"] ?? "") else { throw StartError.notInstalled }
        folder = try Self.privateFolder(environment: environment)
        let path = folder + "/mpv.socket"
        let arguments = [mpv, "--idle=yes", "--no-video", "--no-terminal", "--really-quiet", "--force-window=no",
                         "--input-ipc-server=" + path] + options
        do {
            process = try Self.spawn(arguments)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
        // From now on `killAll` knows it, even while it is being connected to.
        Self.register(process, replacing: 0)
        self.report = report
        var connected: Int32 = -1
        let deadline = Date().addingTimeInterval(10)
        while connected < 0 {
            connected = Self.connect(path)
            if connected >= 0 { break }
            var status: Int32 = 0
            if waitpid(process, &status, WNOHANG) == process || Date() > deadline {
                kill(process, SIGKILL)
                waitpid(process, &status, 0)
                Self.register(0, replacing: process)
                try? FileManager.default.removeItem(atPath: folder)
                throw StartError.failed("mpv ended before it was ready (is its configuration valid?)")
            }
            usleep(10_000)
        }
        socket = connected
        let thread = Thread { [self] in readEvents() }
        thread.name = "mpv events"
        thread.start()
        send(.observe)
    }

    deinit { stop() }

    /// Plays `source` from `seconds` in: loads it, and when it is loaded, goes there and
    /// unpauses (before `.loaded` is reported).
    public func play(_ source: String, from seconds: Double) {
        lock.withLock { pendingStart = (seconds, false) }
        send(.load(source))
    }

    /// Sends `command`; a player that is gone ignores it (its `.gone` has been reported).
    public func send(_ command: PlayerCommand) {
        lock.withLock {
            guard !stopped else { return }
            switch (command, pendingStart) {
            case let (.seek(seconds), pending?): pendingStart = (seconds, pending.paused); return
            case let (.pause(paused), pending?): pendingStart = (pending.at, paused); return
            default: break
            }
            for line in MpvProtocol.lines(for: command) {
                var bytes = Array(line.utf8)
                // A player that stops reading costs at most a second (SO_SNDTIMEO), never a hang.
                var sent = 0
                while sent < bytes.count {
                    let written = bytes.withUnsafeMutableBytes { Glibc.send(socket, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else { return }
                    sent += written
                }
            }
        }
    }

    /// Ends the player (asked to quit, then killed if it does not within a second) and
    /// removes its socket's folder. Safe to call more than once.
    public func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        for line in MpvProtocol.lines(for: .quit) { _ = line.withCString { Glibc.send(socket, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        var status: Int32 = 0
        var ended = false
        for _ in 0..<100 {
            if waitpid(process, &status, WNOHANG) == process { ended = true; break }
            usleep(10_000)
        }
        if !ended {
            kill(process, SIGKILL)
            waitpid(process, &status, 0)
        }
        Self.register(0, replacing: process)
        Glibc.shutdown(socket, Int32(SHUT_RDWR))
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The process id (for tests that check nothing is left behind).
    public var processID: pid_t { process }

    /// The players running, for `killAll` (a few slots: podread runs one at a time).
    nonisolated(unsafe) private static let running: UnsafeMutablePointer<pid_t> = {
        let slots = UnsafeMutablePointer<pid_t>.allocate(capacity: 8)
        slots.initialize(repeating: 0, count: 8)
        return slots
    }()
    /// A constant initial value, so reading it needs no lazy initialisation (in a signal handler).
    nonisolated(unsafe) private static var anyStarted = false
    private static let slotLock = NSLock()

    private static func register(_ pid: pid_t, replacing old: pid_t) {
        slotLock.withLock {
            for slot in 0..<8 where running[slot] == old {
                running[slot] = pid
                break
            }
            anyStarted = true
        }
    }

    /// Kills every player this process started: for a process about to die of a signal or a
    /// crash, which cannot stop them politely. Async-signal-safe (reads a fixed array, calls
    /// `kill`); the players run in sessions of their own, so nothing else would end them.
    public static func killAll() {
        guard anyStarted else { return }
        for slot in 0..<8 where running[slot] > 0 { kill(running[slot], SIGKILL) }
    }

    private func readEvents() {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            pending += buffer[0..<count]
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                guard let event = MpvProtocol.event(from: line[...]) else { continue }
                if event == .loaded, let start = lock.withLock({ () -> (at: Double, paused: Bool)? in
                    defer { pendingStart = nil }
                    return pendingStart
                }) {
                    if start.at > 0 { send(.seek(start.at)) }
                    send(.pause(start.paused))
                }
                report(event)
            }
            // A line longer than any event of mpv's is not mpv talking: dropped.
            if pending.count > 65_536 { pending.removeAll() }
        }
        close(socket)
        let wasStopped = lock.withLock { stopped }
        if !wasStopped { report(.gone("the player (mpv) stopped")) }
    }

    // MARK: - Process and socket

    /// The first `name` on the PATH that can be run.
    static func find(_ name: String, path: String) -> String? {
        path.split(separator: ":").map { String($0) + "/" + name }.first { access($0, X_OK) == 0 }
    }

    /// A new 0700 folder under `$XDG_RUNTIME_DIR`, else the temporary folder.
    static func privateFolder(environment: [String: String]) throws -> String {
        var bases: [String] = []
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") { bases.append(runtime) }
        bases.append(NSTemporaryDirectory())
        for base in bases {
            var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast()) + Array("podread-player-XXXXXX".utf8CString)
            // A socket's path has at most 107 bytes.
            guard template.count + 12 < 108 else { continue }
            if let made = mkdtemp(&template) { return String(cString: made) }
        }
        throw StartError.failed("no private folder for its socket (\(String(cString: strerror(errno))))")
    }

    private static func spawn(_ arguments: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Never the terminal: nothing in, nothing out.
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A session of its own: the terminal's Ctrl-C and Ctrl-Z are the reader's, not the
        // player's; default signal handling and no blocked signals.
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        // glibc's POSIX_SPAWN_SETSID (0x80), which Swift does not see without _GNU_SOURCE.
        let setsid: Int32 = 0x80
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard result == 0 else { throw StartError.failed("\(arguments[0]): \(String(cString: strerror(result)))") }
        return pid
    }

    static func connect(_ path: String) -> Int32 {
        let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return -1 }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { close(descriptor); return -1 }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else { close(descriptor); return -1 }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return descriptor
    }
}
