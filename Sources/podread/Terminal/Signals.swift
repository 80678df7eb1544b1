import Foundation
import Playback

/// SIGINT, SIGTERM and SIGHUP only set a flag; the main loop restores the terminal and then
/// lets the signal end the process, so the exit status is the conventional one. When the
/// main loop is busy (opening a huge file, a long search), a watchdog thread does the same
/// after `patience`: the signal is honoured within a second, whatever podread is doing.
enum Signals {
    static let patience = 0.6
    nonisolated(unsafe) static var pending: Int32 = 0
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func install() {
        // A parent may have left these blocked; the reader relies on them (TSTP for Ctrl-Z,
        // WINCH for resizes, CONT to redraw after fg).
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in handled + [SIGTSTP, SIGCONT, SIGWINCH] { sigaddset(&unblock, signal) }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        for signal in handled {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { Signals.pending = $0 }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
        Thread.detachNewThread {
            var since: UInt64?
            while true {
                usleep(50_000)
                guard pending != 0 else { since = nil; continue }
                let now = DispatchTime.now().uptimeNanoseconds
                if since == nil { since = now }
                if Double(now - since!) / 1e9 >= patience {
                    CrashGuard.restoreTerminal()
                    exitWithPending()
                }
            }
        }
    }

    /// Re-raises a received signal with its default action (after the terminal is restored).
    static func exitWithPending() -> Never {
        // The player runs in a session of its own: it would outlive the reader.
        MpvPlayer.killAll()
        let signal = pending
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigaction(signal, &action, nil)
        raise(signal)
        exit(128 + signal)
    }
}
