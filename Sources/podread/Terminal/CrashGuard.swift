import CNcursesw
import Foundation
import Playback

/// If the reader crashes, the terminal must still come back: a handler for the fatal
/// signals writes the saved restore sequences and terminal modes (both async-signal-safe
/// operations), then lets the signal kill the process as it would have.
enum CrashGuard {
    nonisolated(unsafe) private static var restore: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var restoreCount = 0
    /// On the heap: a global `termios` is allocated with its size (57), but copied with its
    /// stride (60), which AddressSanitizer rightly reports.
    nonisolated(unsafe) private static var modes: UnsafeMutablePointer<termios>?
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// Call before the terminal is changed (saves its modes) and after ncurses started
    /// (knows how to leave the alternate screen on this terminal).
    static func arm(savedModes: termios?) {
        if let savedModes {
            let buffer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
            buffer.initialize(to: savedModes)
            modes = buffer
        }
        var bytes: [UInt8] = Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l".utf8)
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = tigetstr(capability), Int(bitPattern: value) != -1 {
                bytes += Array(String(cString: value).utf8)
            }
        }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        restore = buffer
        restoreCount = bytes.count
        for signal in fatalSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                if let restore = CrashGuard.restore { _ = write(STDOUT_FILENO, restore, CrashGuard.restoreCount) }
                if let modes = CrashGuard.modes { _ = tcsetattr(STDIN_FILENO, TCSANOW, modes) }
                MpvPlayer.killAll()
                var fallback = sigaction()
                fallback.__sigaction_handler.sa_handler = SIG_DFL
                sigaction(signal, &fallback, nil)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// Leaves the alternate screen and puts the terminal's modes back, with the same
    /// sequences as the crash handler (for the watchdog in `Signals`).
    static func restoreTerminal() {
        if let restore { _ = write(STDOUT_FILENO, restore, restoreCount) }
        if let modes { _ = tcsetattr(STDIN_FILENO, TCSANOW, modes) }
    }

    static func currentModes() -> termios? {
        var modes = termios()
        return tcgetattr(STDIN_FILENO, &modes) == 0 ? modes : nil
    }
}
