import ArgumentParser
import Foundation
import TranscriptKit

/// One clear line on stderr and a non-zero status; never a stack trace.
enum CleanExit {
    static func failure(_ message: String, code: Int32 = 1) -> Error {
        FileHandle.standardError.write(Data("podread: \(message)\n".utf8))
        return ExitCode(code)
    }

    /// Ends a command that has printed everything, without freeing the corpus piece by piece
    /// first (a tenth of listing 10,000 episodes); the system takes the memory back at once.
    static func finish() -> Never {
        fflush(nil)
        exit(0)
    }
}
