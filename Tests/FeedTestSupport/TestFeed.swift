import Foundation

/// An RSS feed written by a test: items with the `podcast:` tags podread reads.
public struct TestFeed {
    public struct Item {
        public var title: String
        public var guid: String
        public var date = "Fri, 17 Mar 2023 10:00:00 GMT"
        public var number: Int?
        public var persons: [(name: String, role: String)] = []
        public var transcripts: [(url: String, type: String)] = []
        public var chapters: String?
        public var notes = ""

        public init(title: String, guid: String, date: String = "Fri, 17 Mar 2023 10:00:00 GMT", number: Int? = nil,
                    persons: [(name: String, role: String)] = [], transcripts: [(url: String, type: String)] = [],
                    chapters: String? = nil, notes: String = "") {
            (self.title, self.guid, self.date, self.number, self.persons) = (title, guid, date, number, persons)
            (self.transcripts, self.chapters, self.notes) = (transcripts, chapters, notes)
        }
    }

    public var title = "Test Show"

    public init(title: String = "Test Show") { self.title = title }
    public var persons: [(name: String, role: String)] = []
    public var items: [Item] = []

    public static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    public var xml: String {
        func people(_ list: [(name: String, role: String)]) -> String {
            list.map { "<podcast:person role=\"\($0.role)\">\(Self.escaped($0.name))</podcast:person>\n" }.joined()
        }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" \
            xmlns:podcast="https://podcastindex.org/namespace/1.0">
            <channel>
            <title>\(Self.escaped(title))</title>
            <description>About \(Self.escaped(title)).</description>
            <language>en</language>

            """
        out += people(persons)
        for item in items {
            out += "<item>\n<title>\(Self.escaped(item.title))</title>\n<guid>\(Self.escaped(item.guid))</guid>\n"
            out += "<pubDate>\(item.date)</pubDate>\n<description>\(Self.escaped(item.notes))</description>\n"
            if let number = item.number { out += "<itunes:episode>\(number)</itunes:episode>\n" }
            out += people(item.persons)
            for transcript in item.transcripts {
                out += "<podcast:transcript url=\"\(Self.escaped(transcript.url))\" type=\"\(transcript.type)\"/>\n"
            }
            if let chapters = item.chapters { out += "<podcast:chapters url=\"\(Self.escaped(chapters))\" type=\"application/json+chapters\"/>\n" }
            out += "</item>\n"
        }
        return out + "</channel>\n</rss>\n"
    }
}
