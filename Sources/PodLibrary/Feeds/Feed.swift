/// One podcast feed as published (RSS 2.0 with the `itunes:` and `podcast:` namespaces):
/// what podread keeps of the show and of each item. Text is as the feed gives it, HTML
/// made readable; nothing here has been checked for the terminal (see `OutputText`).
public struct Feed: Sendable, Equatable {
    public var title = ""
    public var description = ""
    public var link: String?
    public var author: String?
    public var language: String?
    public var image: String?
    /// `podcast:person` of the channel: the show's hosts and regulars.
    public var persons: [FeedPerson] = []
    /// `itunes:new-feed-url`: the show has moved.
    public var newFeedURL: String?
    public var items: [FeedItem] = []

    public init() {}
}

public struct FeedItem: Sendable, Equatable {
    /// The item's identity: its `guid`, else its enclosure's URL, else its title.
    public var guid = ""
    public var title = ""
    /// `podcast:episode`, else `itunes:episode`.
    public var episode: Int?
    /// `podcast:season`, else `itunes:season`.
    public var season: Int?
    /// `pubDate` as an ISO date (`2023-03-17`), when it can be read.
    public var date: String?
    /// `itunes:duration` in seconds.
    public var duration: Double?
    /// The show notes (`content:encoded`, else `description`), as text with links kept.
    public var notes = ""
    /// `itunes:summary` or `itunes:subtitle`, as text.
    public var summary = ""
    public var link: String?
    public var enclosure: Enclosure?
    public var transcripts: [FeedTranscript] = []
    /// `podcast:chapters`.
    public var chapters: String?
    public var persons: [FeedPerson] = []

    public init() {}
}

public struct Enclosure: Sendable, Equatable {
    public var url: String
    public var type: String
    /// Bytes, as the feed gives it (often 0 or wrong).
    public var length: Int?
}

/// A `podcast:transcript` link.
public struct FeedTranscript: Sendable, Equatable {
    public var url: String
    /// The MIME type as written (compared without case; may be wrong: the content decides).
    public var type: String
    public var language: String?
    /// `captions` when the file is closed captions rather than a transcript.
    public var rel: String?

    /// The file extension podread reads this type as; nil for a type it does not know.
    public var fileExtension: String? {
        switch type.lowercased().split(separator: ";").first.map({ String($0).trimmingCharacters(in: .whitespaces) }) ?? "" {
        case "text/vtt": return "vtt"
        case "application/x-subrip", "application/srt", "text/srt", "application/x-srt", "text/x-srt": return "srt"
        case "application/json": return "json"
        case "text/html": return "html"
        case "text/plain": return "txt"
        default: return nil
        }
    }
}

/// A `podcast:person`: someone who takes part, with a role (`host`, `guest`, …).
public struct FeedPerson: Sendable, Equatable {
    public var name: String
    public var role: String
    public var group: String
    public var href: String?
    public var image: String?
}
