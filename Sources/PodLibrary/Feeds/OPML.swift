import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TranscriptKit

/// Subscription lists as podcast apps exchange them: OPML outlines with an `xmlUrl`.
public enum OPML {
    public struct Entry: Sendable, Equatable {
        public var feed: String
        public var title: String?

        public init(feed: String, title: String?) { (self.feed, self.title) = (feed, title) }
    }

    /// Every outline with an `xmlUrl`, at any depth, in document order.
    public static func read(_ data: Data) throws -> [Entry] {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        guard parser.parse(), reader.isOPML else {
            throw FeedError.notXML(line: parser.lineNumber, reason: reader.isOPML ? "unreadable" : "not an OPML document")
        }
        return reader.entries
    }

    /// An OPML document listing `entries`.
    public static func write(_ entries: [Entry], title: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
        out += "  <head><title>\(OutputText.forXML(title))</title></head>\n  <body>\n"
        for entry in entries {
            let name = OutputText.forXML(entry.title ?? entry.feed)
            out += "    <outline type=\"rss\" text=\"\(name)\" title=\"\(name)\" xmlUrl=\"\(OutputText.forXML(entry.feed))\"/>\n"
        }
        return out + "  </body>\n</opml>\n"
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var entries: [Entry] = []
        var isOPML = false
        private var depth = 0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            depth += 1
            if depth == 1 { isOPML = name.lowercased() == "opml" }
            guard name == "outline", let feed = attributes["xmlUrl"] ?? attributes["xmlurl"], !feed.isEmpty else { return }
            let title = [attributes["title"], attributes["text"]].compactMap { $0 }.first { !$0.isEmpty }
            entries.append(Entry(feed: feed.trimmingCharacters(in: .whitespacesAndNewlines), title: title))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
        }
    }
}
