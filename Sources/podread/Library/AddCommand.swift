import ArgumentParser
import Foundation
import PodLibrary
import TranscriptKit

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to a podcast feed (an http or https address, or a local file) and fetch its transcripts.",
        discussion: "Examples: podread add https://example.com/feed.xml; podread add --opml subscriptions.opml")

    @OptionGroup var options: LibraryOptions
    @OptionGroup var fetching: FetchOptions
    @Flag(name: .long, help: "The argument is an OPML file of subscriptions (from another podcast app): subscribe to each feed, fetch nothing yet.")
    var opml = false
    @Argument(help: "The feed's address or file (with --opml, the OPML file).", completion: .file())
    var source: String

    func run() throws {
        let library = try options.open()
        if opml { return try importOPML(into: library) }
        let feed = try FeedSource.address(source)
        let fetched = try FeedSource.read(feed)
        let show: LibraryShow
        do {
            show = try library.subscribe(feed: feed, title: fetched.title.isEmpty ? nil : fetched.title)
        } catch let error as LibraryError {
            throw CleanExit.failure(error.description)
        }
        Output.line("Subscribed to \(show.info.title) (\(fetched.items.count) episodes) in \(show.folder)")
        let report = UpdateRun.run(LibraryUpdater(options: fetching.updaterOptions), [show])
        Foundation.exit(report.interrupted ? 130 : report.failures.isEmpty ? 0 : 1)
    }

    private func importOPML(into library: Library) throws {
        let entries: [OPML.Entry]
        switch FileReader.read(source) {
        case let .failure(failure): throw CleanExit.failure("\(source): \(failure)")
        case let .success(bytes):
            do { entries = try OPML.read(Data(bytes)) } catch { throw CleanExit.failure("\(source): \(error)") }
        }
        var added = 0
        var problems = 0
        var known = library.shows()
        for entry in entries {
            guard let url = URL(string: entry.feed), HTTPFetcher.isFetchable(url) else {
                Output.error("\(source): skipped '\(entry.title ?? entry.feed)': \(entry.feed) is not an http or https address")
                problems += 1
                continue
            }
            do {
                let show = try library.subscribe(feed: url.absoluteString, title: entry.title, among: &known)
                Output.line("Subscribed to \(show.info.title) (\(show.name))")
                added += 1
            } catch let error as LibraryError {
                if case .alreadySubscribed = error { Output.line(error.description) } else { Output.error(error.description); problems += 1 }
            }
        }
        Output.line("\(added) new show(s) of \(entries.count) in \(source); run 'podread update' to fetch them")
        if problems > 0 { throw CleanExit.failure("\(problems) feed(s) of \(source) not added") }
    }
}

/// Where `podread add` reads a feed from, checked before anything is subscribed.
enum FeedSource {
    /// An http or https address as given, or a local file's absolute path.
    static func address(_ source: String) throws -> String {
        if source.contains("://") {
            guard let url = URL(string: source), HTTPFetcher.isFetchable(url) else {
                throw CleanExit.failure("\(source): only http and https feeds can be fetched (or give a local file)")
            }
            return url.absoluteString
        }
        let path = URL(fileURLWithPath: source).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CleanExit.failure("\(source): no such file")
        }
        return path
    }

    /// The feed, fetched and read: it must be one before it is subscribed to.
    static func read(_ address: String) throws -> Feed {
        let data: Data
        if address.hasPrefix("/") {
            switch FileReader.read(address) {
            case let .success(bytes): data = Data(bytes)
            case let .failure(failure): throw CleanExit.failure("\(address): \(failure)")
            }
        } else {
            switch HTTPFetcher().fetch(FetchRequest(url: URL(string: address)!, limit: LibraryUpdater.Options().feedLimit)) {
            case let .success(answer): data = answer.body ?? Data()
            case let .failure(failure): throw CleanExit.failure("\(address): \(failure.reason)")
            }
        }
        do {
            return try FeedParser.parse(data)
        } catch {
            throw CleanExit.failure("\(address): \(error)")
        }
    }
}
