import ArgumentParser
import Foundation
import TranscriptKit

/// One clear line on stderr and a non-zero status; never a stack trace.
enum CleanExit {
    /// A failure the command reports: printed by `Podread.main` once the command has
    /// ended (after the reader has left the alternate screen, so the message stays visible).
    struct Failure: Error {
        var message: String
        var code: Int32
    }

    static func failure(_ message: String, code: Int32 = 1) -> Error {
        Failure(message: message, code: code)
    }

    /// Ends a command that has printed everything, without freeing the corpus piece by piece
    /// first (a tenth of listing 10,000 episodes); the system takes the memory back at once.
    static func finish() -> Never {
        fflush(nil)
        exit(0)
    }
}
