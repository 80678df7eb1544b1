import ArgumentParser
import Foundation
import PodLibrary
import TranscriptKit

struct ShowsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shows",
        abstract: "The shows you subscribe to: folder name, title, episodes and feed.")

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Print a JSON array instead of a table.") var json = false
    @Flag(help: "Print the subscriptions as OPML, for another podcast app.") var opml = false

    struct Entry: Encodable {
        var name: String
        var title: String
        var feed: String?
        var link: String?
        var description: String?
        var episodes: Int
        var folder: String
    }

    func validate() throws {
        if json && opml { throw ValidationError("--json and --opml cannot be used together") }
    }

    func run() throws {
        let library = try options.open()
        let shows = library.shows()
        for show in shows { if let problem = show.problem { Output.error(problem) } }
        if opml {
            let entries = shows.compactMap { show in show.info.feed.map { OPML.Entry(feed: $0, title: show.info.title) } }
            // Safe as written: `OPML.write` leaves no control or invisible character.
            Output.data(OPML.write(entries, title: "podread subscriptions"))
            return
        }
        let entries = shows.map { show in
            Entry(name: show.name, title: show.info.title, feed: show.info.feed, link: show.info.link,
                  description: show.info.description, episodes: episodeCount(show.folder), folder: show.folder)
        }
        if json {
            Output.json(try JSONReports.encode(entries))
            return
        }
        guard !shows.isEmpty else {
            Output.line("No shows in \(library.root) yet: podread add URL subscribes to a feed")
            return
        }
        let table = TextTable(header: ["NAME", "TITLE", "EPISODES", "FEED"], rightAligned: [2], maxWidths: [30, 50, 8, 80])
        Output.lines(table.render(entries.map { [$0.name, $0.title, String($0.episodes), $0.feed ?? "-"] }))
        Output.line("\(shows.count) show(s) in \(library.root)")
    }

    /// Episodes on disk: one per name, whatever its formats (and its chapters).
    private func episodeCount(_ folder: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return Set(names.filter { !$0.hasPrefix(".") && TranscriptFile.isCandidate($0) }.map(TranscriptFile.stem(of:))).count
    }
}

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Unsubscribe from a show and delete its folder (every file fetched for it).")

    @OptionGroup var options: LibraryOptions
    @Argument(help: "The show: its folder name (see podread shows), its title or its feed's address.") var show: String

    func run() throws {
        let library = try options.open()
        do {
            let found = try library.show(matching: show, partly: false)
            try library.remove(found)
            Output.line("Removed \(found.info.title) (\(found.folder))")
        } catch let error as LibraryError {
            throw CleanExit.failure(error.description)
        }
    }
}
