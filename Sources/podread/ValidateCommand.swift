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
        let diagnostics = loaded.allDiagnostics
        if json {
            print(try JSONReports.encode(diagnostics))
        } else {
            for diagnostic in diagnostics { print(ControlCharacters.sanitize(diagnostic.formatted)) }
            let errors = diagnostics.count { $0.severity == .error }
            let warnings = diagnostics.count { $0.severity == .warning }
            FileHandle.standardError.write(Data("\(loaded.episodes.count) episode(s): \(errors) error(s), \(warnings) warning(s)\n".utf8))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
