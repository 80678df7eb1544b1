import Foundation

/// Runs a program and waits for it with plain posix_spawn and waitpid: tmux's server
/// daemonises from its first client, which Foundation's Process does not always notice.
enum Spawn {
    struct Outcome {
        var output: String
        var errors: String = ""
        var status: Int32
        /// Peak resident memory of the child, in megabytes, when measured.
        var peakMegabytes: Int?
        var seconds: Double
    }

    /// Starts the command from a small Python process and writes its peak memory to a file.
    /// A child's own rusage is no use: Linux counts the parent's resident memory at
    /// fork/exec in the child's peak, and the test runner (under ASan above all) is large.
    private static let peakWrapper = """
        import os, signal, sys
        pid = os.fork()
        if pid == 0:
            for s in (signal.SIGPIPE, signal.SIGXFSZ): signal.signal(s, signal.SIG_DFL)
            try: os.execvp(sys.argv[2], sys.argv[2:])
            except OSError: os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        open(sys.argv[1], "w").write(str(usage.ru_maxrss))
        os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
        """

    @discardableResult
    static func run(_ arguments: [String], captureOutput: Bool) throws -> String {
        try measure(arguments, captureOutput: captureOutput).output
    }

    static func measure(_ command: [String], captureOutput: Bool, environment extra: [String: String?] = [:],
                        directory: String? = nil, measuringMemory: Bool = false) throws -> Outcome {
        // `env -C` changes directory for the child (glibc's addchdir is not imported).
        var arguments = directory.map { ["/usr/bin/env", "-C", $0] + command } ?? command
        let started = Date()
        let errorFile = NSTemporaryDirectory() + "podread-spawn-" + UUID().uuidString
        let peakFile = errorFile + "-peak"
        defer { unlink(errorFile); unlink(peakFile) }
        if measuringMemory { arguments = ["python3", "-c", peakWrapper, peakFile] + arguments }
        var pipe: [Int32] = [-1, -1]
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if captureOutput {
            guard Foundation.pipe(&pipe) == 0 else { throw POSIXError(.EMFILE) }
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipe[0])
            posix_spawn_file_actions_addclose(&actions, pipe[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        // Children inherit the signal mask: the test runner's threads may block signals that
        // the reader and the shell need (INT, TERM, HUP, TSTP), so start from a clean slate.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGQUIT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["LSAN_OPTIONS"] = "suppressions=\(leakSuppressions)"
        environment["XDG_CACHE_HOME"] = CLI.cacheHome
        for (key, value) in extra { environment[key] = value }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .ENOENT) }
        var output = Data()
        if captureOutput {
            close(pipe[1])
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(pipe[0], &buffer, buffer.count)
                if n <= 0 { break }
                output.append(contentsOf: buffer[0..<n])
            }
            close(pipe[0])
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1, errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let errors = readFile(errorFile)
        return Outcome(output: String(decoding: output, as: UTF8.self), errors: String(decoding: errors, as: UTF8.self), status: exitStatus,
                       peakMegabytes: Int(String(decoding: readFile(peakFile), as: UTF8.self)).map { $0 / 1024 },
                       seconds: Date().timeIntervalSince(started))
    }

    /// The whole file, read with plain read(2).
    static func readFile(_ path: String) -> Data {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return Data() }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return data
    }

    /// LeakSanitizer suppressions for the binaries the tests run when they are built with
    /// --sanitize=address: the suite's own (`.ci/lsan-suppressions`: ncurses, libcurl and
    /// Foundation keep blocks for the process's lifetime on purpose); our own code is still checked.
    static let leakSuppressions = CLI.root.appendingPathComponent(".ci/lsan-suppressions").path
}
