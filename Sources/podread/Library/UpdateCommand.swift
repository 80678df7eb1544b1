import ArgumentParser
import Foundation
import PodLibrary
import ReaderUI
import TranscriptKit

struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Fetch what is new in every show (or those named): episodes, transcripts and chapters.",
        discussion: "Exits 0 when everything was fetched, 1 when something failed (each failure is named), 130 when stopped with Ctrl-C; the next update goes on from there.")

    @OptionGroup var options: LibraryOptions
    @OptionGroup var fetching: FetchOptions
    @Flag(help: "Ask again for every file already fetched (an unchanged one costs a request, not a download).")
    var recheck = false
    @Argument(help: "Shows to update (folder name, title or feed address; default: all).") var shows: [String] = []

    func run() throws {
        let library = try options.open()
        var chosen: [LibraryShow]
        do {
            chosen = shows.isEmpty ? library.shows() : try shows.map { try library.show(matching: $0) }
        } catch let error as LibraryError {
            throw CleanExit.failure(error.description)
        }
        guard !chosen.isEmpty else {
            throw CleanExit.failure("no shows in \(library.root) yet: podread add URL subscribes to a feed")
        }
        chosen = chosen.reduce(into: []) { list, show in if !list.contains(show) { list.append(show) } }
        var settings = fetching.updaterOptions
        settings.recheck = recheck
        let report = UpdateRun.run(LibraryUpdater(options: settings), chosen)
        Foundation.exit(report.interrupted ? 130 : report.failures.isEmpty ? 0 : 1)
    }
}

/// An update from the command line: progress on a terminal (stderr), nothing on a pipe; a
/// summary and every failure at the end. The first Ctrl-C (or SIGTERM, SIGHUP) stops it
/// after the files being written; a second quits at once (every file is whole either way).
enum UpdateRun {
    static func run(_ updater: LibraryUpdater, _ shows: [LibraryShow]) -> UpdateReport {
        let stop = StopFlag()
        let sources = [SIGINT, SIGTERM, SIGHUP].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.raise() {
                    Output.note("\npodread: stopping after the files being fetched (press Ctrl-C again to quit now)")
                } else {
                    Foundation.exit(130)
                }
            }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        let showsProgress = isatty(STDERR_FILENO) == 1
        let report = updater.update(shows, progress: { position in
            guard showsProgress else { return }
            var line = "[\(position.showNumber)/\(position.showCount)] \(position.show)"
            if position.filesTotal > 0 { line += ": \(position.filesDone)/\(position.filesTotal) files" }
            if position.newEpisodes > 0 { line += ", \(position.newEpisodes) new" }
            if position.failures > 0 { line += ", \(position.failures) failed" }
            ProgressLine.show(line)
        }, isCancelled: { stop.isRaised })
        if showsProgress { ProgressLine.clear() }
        print(report)
        return report
    }

    private static func print(_ report: UpdateReport) {
        for note in report.notes { Output.note("podread: note: \(note)") }
        for failure in report.failures { Output.error(failure.description) }
        var summary = "Updated \(report.shows) show(s)"
        if report.unchangedShows > 0 { summary += " (\(report.unchangedShows) unchanged)" }
        summary += ": \(report.newEpisodes) new episode(s), \(report.newTranscripts) transcript(s), \(report.newChapters) chapter file(s)"
        if report.changedFiles > 0 { summary += ", \(report.changedFiles) changed" }
        summary += "; \(report.requests) request(s), \(ByteCount.text(report.bytes))"
        if !report.failures.isEmpty { summary += "; \(report.failures.count) failed" }
        Output.line(summary)
        if report.interrupted { Output.note("podread: stopped; run 'podread update' to fetch the rest") }
    }
}

/// Set by a signal's handler, read by the update's threads.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    var isRaised: Bool { lock.withLock { raised } }

    /// True the first time.
    func raise() -> Bool { lock.withLock { defer { raised = true }; return !raised } }
}

/// One line on stderr, rewritten in place.
enum ProgressLine {
    private static let lock = NSLock()

    static func show(_ text: String) {
        var size = winsize()
        let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        // Cut to the width: a line that wraps cannot be rewritten in place.
        var fitted = ""
        var used = 0
        for scalar in OutputText.forPeople(text).unicodeScalars {
            let width = DisplayText.scalarWidth(scalar)
            if used + width > columns - 1 { break }
            used += width
            fitted.unicodeScalars.append(scalar)
        }
        lock.withLock { FileHandle.standardError.write(Data(("\r\u{1B}[K" + fitted).utf8)) }
    }

    static func clear() {
        lock.withLock { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

enum ByteCount {
    static func text(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1_000_000)
            : bytes >= 1_000 ? String(format: "%.1f kB", Double(bytes) / 1_000) : "\(bytes) bytes"
    }
}
