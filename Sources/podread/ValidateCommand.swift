import ArgumentParser
import Foundation
import TranscriptKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Print every diagnostic as file:line: severity: message.",
        discussion: "Exits with status 1 when there is at least one error, 0 otherwise.")

    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print a JSON array of {file, line, severity, message}.") var json = false

    func run() throws {
        let loaded = try corpus.load(transcripts: false)
        // Which file each episode was read from, and as what, where that is not plain.
        let diagnostics = (loaded.allDiagnostics + loaded.episodes.compactMap(\.readingNote)).sorted {
            ($0.file, $0.line) < ($1.file, $1.line)
        }
        if json {
            Output.json(try JSONReports.encode(diagnostics))
        } else {
            for diagnostic in diagnostics { Output.line(diagnostic.formatted) }
            let errors = diagnostics.count { $0.severity == .error }
            let warnings = diagnostics.count { $0.severity == .warning }
            Output.note("\(loaded.episodes.count) episode(s): \(errors) error(s), \(warnings) warning(s)")
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
