import Foundation
import Testing
@testable import TranscriptKit

/// Where an episode's audio is found, in the order.
@Suite struct EpisodeAudioTests {
    @Test func aFileBesideTheEpisodeComesFirstThenTheFrontMatterThenTheVideo() throws {
        let dir = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var summary = EpisodeSummary(file: dir + "/009-talk.vtt")
        summary.audio = "https://example.com/009.mp3"
        summary.video = "https://www.youtube.com/embed/abc"
        #expect(EpisodeAudio.source(of: summary) == "https://example.com/009.mp3")
        summary.audio = nil
        #expect(EpisodeAudio.source(of: summary) == "https://www.youtube.com/embed/abc")
        summary.video = nil
        #expect(EpisodeAudio.source(of: summary) == nil)
        // Beside it, with its name: before any address; .mp3 before .ogg; an upper-case extension too.
        Fixture.write("x", to: dir + "/009-talk.ogg")
        summary.audio = "https://example.com/009.mp3"
        #expect(EpisodeAudio.source(of: summary) == dir + "/009-talk.ogg")
        Fixture.write("x", to: dir + "/009-talk.MP3")
        #expect(EpisodeAudio.source(of: summary) == dir + "/009-talk.MP3")
        // Another episode's audio, or a name that only begins the same, is not this one's.
        var other = EpisodeSummary(file: dir + "/009-talk-extra.md")
        other.audio = nil
        #expect(EpisodeAudio.source(of: other) == nil)
        // An episode page's file name, and a feed's enclosure read from its front matter.
        let page = Fixture.minimalHeader.replacingOccurrences(of: "---\n", with: "---\nenclosure:\n  url: https://cdn.example/ep.m4a\n  type: audio/mp4\n", options: .anchored)
        let episode = EpisodeParser.parse(text: page + "[0:00:01] JR: hi\n", file: dir + "/010-page.md")
        #expect(EpisodeAudio.source(of: episode.summary) == "https://cdn.example/ep.m4a")
    }
}
