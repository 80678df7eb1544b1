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
        /// Why it was fetched but not kept (another transcript of the same format).
        var ignored: String?
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

    static func load(folder: String) -> ShowState {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path),
              let state = try? JSONDecoder().decode(ShowState.self, from: data) else { return ShowState() }
        return state
    }

    func save(folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try LibraryFiles.write(try encoder.encode(self), to: (folder as NSString).appendingPathComponent(Self.fileName))
    }
}
