import Foundation
import TranscriptKit

/// What podread fetched for a show, kept in `.podread-state.json` in its folder: the
/// validators that make the next request conditional, and each item's name and files
/// (fetched, or still to fetch: an interrupted or failed update goes on from here).
struct ShowState: Codable, Equatable {
    static let fileName = ".podread-state.json"

    struct Validators: Codable, Equatable {
        var etag: String?
        var lastModified: String?
    }

    /// One file an item links to: a transcript or its chapters.
    struct Link: Codable, Equatable {
        enum Kind: String, Codable { case transcript, chapters }
        var kind: Kind
        var url: String
        /// The name it was saved under; nil until fetched.
        var file: String?
        var validators: Validators?
        /// Why the last try failed.
        var failure: String?
        /// Why it is set aside until its item changes: too large, or fetched but not kept
        /// (another transcript of the same format).
        var ignored: String?
        /// Its item changed since it was fetched: to ask for again (conditionally).
        var stale: Bool?
    }

    struct Item: Codable, Equatable {
        /// The file name (without extension) of the item's files.
        var name: String
        var title: String
        var links: [Link] = []
    }

    var feed: Validators?
    /// By GUID.
    var items: [String: Item] = [:]

    /// The state, and why it had to start afresh (a damaged file) when it did: names are
    /// then given again from the feed, and every file is fetched again.
    static func load(folder: String) -> (state: ShowState, problem: String?) {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else { return (ShowState(), nil) }
        guard let state = try? JSONDecoder().decode(ShowState.self, from: data) else {
            return (ShowState(), "\(path) could not be read; the show is fetched again as if new")
        }
        return (state, nil)
    }

    func save(folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try LibraryFiles.write(try encoder.encode(self), to: (folder as NSString).appendingPathComponent(Self.fileName))
    }
}
