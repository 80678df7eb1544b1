import Foundation
import Testing
@testable import PodLibrary
import TranscriptKit

@Suite struct FeedParserTests {
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
             xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel>
          <title>Buzzcast</title>
          <description><![CDATA[<p>A show about <b>podcasting</b>.</p>]]></description>
          <link>https://buzzcast.example</link>
          <itunes:author>Buzzsprout</itunes:author>
          <language>en-us</language>
          <itunes:image href="https://buzzcast.example/art.jpg"/>
          <podcast:person role="host" href="https://example.com/travis">Travis Albritton</podcast:person>
          <item>
            <title>Podcast Movement Evolutions &amp; more</title>
            <guid isPermaLink="false">Buzzsprout-10000001</guid>
            <pubDate>Fri, 17 Mar 2023 09:00:00 -0500</pubDate>
            <itunes:duration>01:02:03</itunes:duration>
            <itunes:episode>96</itunes:episode>
            <itunes:season>3</itunes:season>
            <podcast:episode>96.5</podcast:episode>
            <description>plain description</description>
            <content:encoded><![CDATA[<p>First line.<br>Second &amp; last.</p><ul><li>One</li><li>Two</li></ul><p>See <a href="https://example.com/x">the site</a> or <a href="https://example.com/y">https://example.com/y</a>.</p>]]></content:encoded>
            <enclosure url="https://cdn.example/ep96.mp3" length="12345" type="audio/mpeg"/>
            <podcast:transcript url="https://cdn.example/ep96.vtt" type="text/vtt" language="en"/>
            <podcast:transcript url="https://cdn.example/ep96.srt" type="application/x-subrip" rel="captions"/>
            <podcast:transcript url="https://cdn.example/ep96.json" type="Application/JSON"/>
            <podcast:chapters url="https://cdn.example/ep96.chapters.json" type="application/json+chapters"/>
            <podcast:person role="guest">Kevin Finn</podcast:person>
          </item>
          <item>
            <title>No transcript here</title>
            <enclosure url="https://cdn.example/ep95.mp3" type="audio/mpeg"/>
            <itunes:duration>3600</itunes:duration>
          </item>
        </channel>
        </rss>
        """

    @Test func readsTheShowAndItsItems() throws {
        let feed = try FeedParser.parse(Data(Self.feed.utf8))
        #expect(feed.title == "Buzzcast")
        #expect(feed.description == "A show about podcasting.")
        #expect(feed.author == "Buzzsprout")
        #expect(feed.image == "https://buzzcast.example/art.jpg")
        #expect(feed.persons == [FeedPerson(name: "Travis Albritton", role: "host", group: "cast", href: "https://example.com/travis", image: nil)])
        #expect(feed.items.count == 2)
        let first = feed.items[0]
        #expect(first.title == "Podcast Movement Evolutions & more")
        #expect(first.guid == "Buzzsprout-10000001")
        #expect(first.date == "2023-03-17")
        #expect(first.duration == 3723)
        #expect(first.episode == 96)   // podcast:episode 96.5, its whole part
        #expect(first.season == 3)
        #expect(first.notes == "First line.\nSecond & last.\n\n• One\n• Two\n\nSee the site (https://example.com/x) or https://example.com/y.")
        #expect(first.enclosure == Enclosure(url: "https://cdn.example/ep96.mp3", type: "audio/mpeg", length: 12345))
        #expect(first.transcripts.map(\.fileExtension) == ["vtt", "srt", "json"])
        #expect(first.transcripts[0].language == "en")
        #expect(first.transcripts[1].rel == "captions")
        #expect(first.chapters == "https://cdn.example/ep96.chapters.json")
        #expect(first.persons.map(\.name) == ["Kevin Finn"])
        #expect(first.persons.map(\.role) == ["guest"])
        // No guid: the enclosure is the identity.
        #expect(feed.items[1].guid == "https://cdn.example/ep95.mp3")
        #expect(feed.items[1].transcripts.isEmpty)
        #expect(feed.items[1].notes == "")
    }

    @Test func anEntityBombIsRefused() throws {
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
        for level in 1...9 { bomb += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level == 1 ? "" : String(level - 1));", count: 10) + "\">" }
        bomb += "]><rss><channel><title>&a9;</title></channel></rss>"
        #expect(throws: FeedError.self) { try FeedParser.parse(Data(bomb.utf8)) }
    }

    @Test func externalEntitiesAreNotRead() throws {
        let xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><rss><channel><title>a&x;b</title></channel></rss>"
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
        let title = (try? FeedParser.parse(Data(xxe.utf8)))?.title ?? ""
        #expect(!title.contains(hostname))
    }

    @Test func aLatin1FeedIsDecoded() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf".utf8)
        bytes.append(0xE9)   // é in ISO-8859-1
        bytes += Array("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(Data(bytes)).title == "Café")
    }

    @Test func notXMLAndNotAFeedSayWhy() throws {
        #expect(throws: FeedError.self) { try FeedParser.parse(Data("<rss><channel><title>cut".utf8)) }
        #expect(throws: FeedError.notAFeed(root: "html")) { try FeedParser.parse(Data("<html><body/></html>".utf8)) }
    }
}
