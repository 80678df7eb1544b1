import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TranscriptKit

public enum FeedError: Error, CustomStringConvertible, Equatable {
    /// Not XML, or XML that breaks off: the parser's line and reason.
    case notXML(line: Int, reason: String)
    /// Well-formed XML that is not an RSS feed.
    case notAFeed(root: String)

    public var description: String {
        switch self {
        case let .notXML(line, reason): return "line \(line): not a well-formed feed (\(reason))"
        case let .notAFeed(root): return "not an RSS feed (the document is <\(root)>)"
        }
    }
}

/// Reads an RSS 2.0 feed with the `itunes:`, `podcast:` and `content:` namespaces.
/// libxml2 underneath resolves no external entity (`shouldResolveExternalEntities` is off)
/// and refuses entity expansion that grows out of proportion ("billion laughs").
public enum FeedParser {
    public static func parse(_ data: Data) throws -> Feed {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        guard parser.parse() else {
            let reason = (parser.parserError as NSError?).map { Self.reason($0.code) } ?? "unreadable"
            throw FeedError.notXML(line: parser.lineNumber, reason: reason)
        }
        // libxml2 in recovery lets a document that stops mid-way through.
        guard reader.isClosed else { throw FeedError.notXML(line: parser.lineNumber, reason: "cut short") }
        guard reader.root == "rss" || reader.root == "RDF" else { throw FeedError.notAFeed(root: reader.root) }
        return reader.feed
    }

    private static func reason(_ code: Int) -> String {
        switch code {
        case 89: return "entities that expand too much"
        case 4, 5: return "empty or cut short"
        case 9: return "not valid in its encoding"
        case 73, 76: return "a tag not closed"
        default: return "XML error \(code)"
        }
    }

    static let podcastNamespaces = ["https://podcastindex.org/namespace/1.0",
                                    "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"]
    static let itunesNamespace = "http://www.itunes.com/dtds/podcast-1.0.dtd"
    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"

    private final class Reader: NSObject, XMLParserDelegate {
        var feed = Feed()
        var root = ""
        /// The root element ended.
        private(set) var isClosed = false
        private var item: FeedItem?
        private var path: [String] = []
        private var text = ""
        private var attributes: [String: String] = [:]
        private var encoded = ""
        private var plainDescription = ""

        private func key(_ name: String, _ namespace: String?) -> String {
            switch namespace ?? "" {
            case "": return name
            case FeedParser.itunesNamespace: return "itunes:" + name
            case FeedParser.contentNamespace: return "content:" + name
            case let ns where FeedParser.podcastNamespaces.contains(ns) || ns.lowercased().contains("podcastindex"): return "podcast:" + name
            default: return "?:" + name
            }
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let name = key(elementName, namespaceURI)
            if root.isEmpty { root = elementName }
            path.append(name)
            text = ""
            attributes = attributeDict
            switch name {
            case "item":
                item = FeedItem()
                encoded = ""
                plainDescription = ""
            case "enclosure":
                guard let url = attributeDict["url"], item != nil else { break }
                item?.enclosure = Enclosure(url: url, type: attributeDict["type"] ?? "", length: attributeDict["length"].flatMap { Int($0) })
            case "podcast:transcript":
                guard let url = attributeDict["url"], item != nil else { break }
                item?.transcripts.append(FeedTranscript(url: url, type: attributeDict["type"] ?? "", language: attributeDict["language"],
                                                        rel: attributeDict["rel"]))
            case "podcast:chapters":
                if let url = attributeDict["url"], item != nil { item?.chapters = url }
            case "itunes:image":
                if item == nil, let href = attributeDict["href"] { feed.image = href }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text += String(decoding: CDATABlock, as: UTF8.self) }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            let name = key(elementName, namespaceURI)
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let parent = path.dropLast().last ?? ""
            defer {
                path.removeLast()
                text = ""
                if path.isEmpty { isClosed = true }
            }
            if item != nil {
                endInItem(name, value, parent: parent)
                return
            }
            guard parent == "channel" else {
                if name == "url", parent == "image", feed.image == nil { feed.image = value }
                return
            }
            switch name {
            case "title": feed.title = value
            case "description": if feed.description.isEmpty { feed.description = HTMLText.readable(value) }
            case "itunes:summary": if feed.description.isEmpty { feed.description = HTMLText.readable(value) }
            case "link": feed.link = value
            case "itunes:author": feed.author = value
            case "language": feed.language = value
            case "itunes:new-feed-url": feed.newFeedURL = value
            case "podcast:person": if let person = person(value) { feed.persons.append(person) }
            default: break
            }
        }

        private func endInItem(_ name: String, _ value: String, parent: String) {
            guard var current = item else { return }
            if name == "item" {
                current.notes = HTMLText.readable(encoded.isEmpty ? plainDescription : encoded)
                if current.guid.isEmpty { current.guid = current.enclosure?.url ?? current.title }
                feed.items.append(current)
                item = nil
                return
            }
            guard parent == "item" else { return }
            switch name {
            case "title": current.title = value
            case "guid": current.guid = value
            case "link": current.link = value
            case "pubDate": current.date = FeedDate.iso(value)
            case "description": plainDescription = value
            case "content:encoded": encoded = value
            case "itunes:summary", "itunes:subtitle": if current.summary.isEmpty { current.summary = HTMLText.readable(value) }
            case "itunes:duration": current.duration = FeedDate.duration(value)
            case "itunes:episode": if current.episode == nil { current.episode = Self.number(value) }
            case "podcast:episode": current.episode = Self.number(value) ?? current.episode
            case "itunes:season": if current.season == nil { current.season = Self.number(value) }
            case "podcast:season": current.season = Self.number(value) ?? current.season
            case "podcast:person": if let person = person(value) { current.persons.append(person) }
            default: break
            }
            item = current
        }

        /// A whole number in range (episode and season numbers); nil for anything else.
        private static func number(_ text: String) -> Int? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.count <= 9, trimmed.allSatisfy(\.isASCII), let value = Int(trimmed), value >= 0 else {
                // `podcast:episode` may be a decimal (`315.5`): its whole part.
                if let double = Double(trimmed), double.isFinite, double >= 0, double < 1e9 { return Int(double) }
                return nil
            }
            return value
        }

        private func person(_ name: String) -> FeedPerson? {
            guard !name.isEmpty else { return nil }
            return FeedPerson(name: name, role: (attributes["role"] ?? "host").lowercased(),
                              group: (attributes["group"] ?? "cast").lowercased(), href: attributes["href"], image: attributes["img"])
        }
    }
}
