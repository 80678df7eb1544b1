import Foundation

/// Runs a command with its output discarded and reports wall time and peak memory
/// (from wait4's rusage). Linux counts the parent's resident memory at fork/exec in the
/// child's peak, so the bench spawns every command before it does any work in process.
struct Measurement {
    var seconds: Double
    var peakMegabytes: Double
    var status: Int32
}

enum ProcessTimer {
    /// With `readingOutput`, standard output goes to a pipe that is read to its end, as a
    /// user's pager or script would: GNU grep and ripgrep stop at the first match when
    /// their output is /dev/null, which is no baseline for printing every match.
    static func run(_ arguments: [String], readingOutput: Bool = false) -> Measurement {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var pipe: [Int32] = [-1, -1]
        if readingOutput, Glibc.pipe(&pipe) == 0 {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipe[0])
            posix_spawn_file_actions_addclose(&actions, pipe[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        guard posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ) == 0 else {
            for end in pipe where end >= 0 { close(end) }
            return Measurement(seconds: .nan, peakMegabytes: .nan, status: 127)
        }
        if pipe[1] >= 0 {
            close(pipe[1])
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while read(pipe[0], &buffer, buffer.count) > 0 {}
            close(pipe[0])
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1, errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Measurement(seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF)
    }

    /// The median of `runs` runs (and the largest peak memory seen).
    static func median(_ arguments: [String], runs: Int, readingOutput: Bool = false) -> Measurement {
        let all = (0..<runs).map { _ in run(arguments, readingOutput: readingOutput) }
        let sorted = all.map(\.seconds).sorted()
        return Measurement(seconds: sorted[sorted.count / 2], peakMegabytes: all.map(\.peakMegabytes).max() ?? 0,
                           status: all.last?.status ?? 0)
    }
}
