import Foundation
import TranscriptKit

/// The only ways the commands write: text for people through `OutputText.forPeople`, JSON
/// escaped by `JSONReports`, exported transcripts as data (`OutputText.forData`, applied by
/// the export). Nothing else in the commands prints.
enum Output {
    /// A line of text for people on standard output.
    static func line(_ text: String) {
        write(OutputText.forPeople(text, keepingTabs: false) + "\n", to: FileHandle.standardOutput)
    }

    /// Lines already made safe line by line (a table, a transcript), as they are.
    static func lines(_ safe: String) {
        write(safe + "\n", to: FileHandle.standardOutput)
    }

    /// JSON from `JSONReports.encode`, escaped there.
    static func json(_ json: String) {
        write(json + "\n", to: FileHandle.standardOutput)
    }

    /// An exported transcript, its text made safe by the export.
    static func data(_ text: String) {
        write(text, to: FileHandle.standardOutput)
    }

    /// A note for people on standard error (counts, an argument's error); its line breaks stay.
    static func note(_ text: String) {
        write(safeLines(text).joined(separator: "\n") + "\n", to: FileHandle.standardError)
    }

    /// `podread: message` on standard error, before each of its lines.
    static func error(_ message: String) {
        write(safeLines(message).map { "podread: " + $0 }.joined(separator: "\n") + "\n", to: FileHandle.standardError)
    }

    private static func safeLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { OutputText.forPeople(String($0)) }
    }

    /// Standard output is buffered (a search prints thousands of lines); standard error is
    /// written at once, after what standard output holds.
    private static func write(_ text: String, to handle: FileHandle) {
        if handle === FileHandle.standardOutput {
            print(text, terminator: "")
        } else {
            fflush(nil)
            handle.write(Data(text.utf8))
        }
    }
}
