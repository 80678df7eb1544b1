import Foundation
import Testing
@testable import TranscriptKit

@Suite struct SpeakerResolverTests {
    func speaker(_ tag: String, in episode: Episode) -> Speaker? {
        episode.speakers.first { $0.tag == tag }
    }

    let body = """
        [0:00:01] JR: Hi, I'm Josh.
        [0:00:02] KN: Hello.
        [0:00:03] D: Hey.
        [0:00:04] DUFFIE: Again.
        [0:00:05] ANNOUNCER: Welcome.
        [0:00:06] kn: lower case.
        [0:00:07] XY: Who am I?
        """

    @Test func certainMatches() throws {
        let episode = Fixture.episode(Fixture.minimalHeader + body)
        let jr = try #require(speaker("JR", in: episode))
        #expect(jr.name == "Josh Rosso" && jr.role == .host && jr.isCertain)
        // Initials with the diacritic folded: KN is Kris Nóva, also when written in lower case.
        #expect(speaker("KN", in: episode)?.name == "Kris Nóva")
        #expect(episode.speakers.filter { $0.tag == "KN" }.count == 1)
        // A unique first-name initial, and a whole first name.
        #expect(speaker("D", in: episode)?.name == "Duffie Cooley")
        #expect(speaker("D", in: episode)?.role == .guest)
        #expect(speaker("DUFFIE", in: episode)?.name == "Duffie Cooley")
        #expect(speaker("ANNOUNCER", in: episode)?.role == .announcer)
        let xy = try #require(speaker("XY", in: episode))
        #expect(xy.role == .unknown && !xy.isCertain && xy.name == "XY")
        #expect(episode.diagnostics.contains { $0.line == 17 && $0.message.contains("'XY' matches nobody") })
    }

    @Test func ambiguousInitialIsNotCertain() {
        let episode = Fixture.episode("""
            ---
            title: t
            hosts:
                - name: Josh Rosso
                - name: Jed Salazar
            ---
            [0:00:01] J: Hi
            """)
        #expect(speaker("J", in: episode)?.role == .unknown)
    }

    @Test func guessFromNotes() throws {
        let episode = Fixture.episode("""
            ---
            title: A Conversation with Joe Beda
            notes: A warm welcome to [John Harris](https://twitter.com/jh), and later a book by Jez Humble.
            hosts:
                - name: Carlisia Thompson
            ---
            [0:00:01] JB: Hi
            [0:00:02] JH: Hello
            """)
        let jb = try #require(speaker("JB", in: episode))
        #expect(jb.name == "Joe Beda" && !jb.isCertain && jb.displayName == "Joe Beda?")
        #expect(speaker("JH", in: episode)?.name == "John Harris")
    }

    @Test func guessFromOtherEpisodesAndTagUsage() {
        var episodes = [
            EpisodeParser.parse(text: "---\ntitle: a\nhosts:\n  - name: Kris Nóva\n  - name: Carlisia Thompson\n---\n[0:00:01] KN: x\n[0:00:02] CC: I'm Carlisia Thompson.\n", file: "a.md"),
            EpisodeParser.parse(text: "---\ntitle: b\nhosts:\n  - name: Carlisia Thompson\n  - name: Chris Umbel\n---\n[0:00:01] KN: y\n[0:00:02] CC: z\n", file: "b.md"),
        ]
        SpeakerResolver.resolve(&episodes)
        // Episode a: CC is not the initials of anyone, but she introduces herself.
        #expect(episodes[0].speakers.first { $0.tag == "CC" }?.name == "Carlisia Thompson")
        #expect(episodes[0].speakers.first { $0.tag == "CC" }?.isCertain == false)
        // Episode b: Kris is not in the cast but hosts another episode.
        let kn = episodes[1].speakers.first { $0.tag == "KN" }
        #expect(kn?.name == "Kris Nóva" && kn?.isCertain == false)
        // Episode b: two people start with C; CC stands for Carlisia elsewhere.
        #expect(episodes[1].speakers.first { $0.tag == "CC" }?.name == "Carlisia Thompson")
    }

    @Test func selfIntroductionOfSomeoneNew() {
        let episode = Fixture.episode(Fixture.minimalHeader + "[0:00:01] JS: Hey, everyone. Jed Salazar here from the CRE team.\n")
        let js = speaker("JS", in: episode)
        #expect(js?.name == "Jed Salazar" && js?.isCertain == false)
    }

    @Test func nearMissTypos() {
        let episode = Fixture.episode(Fixture.minimalHeader + "[0:00:01] JRR: a\n[0:00:02] DX: b\n")
        #expect(speaker("JRR", in: episode)?.name == "Josh Rosso")
        #expect(speaker("JRR", in: episode)?.isCertain == false)
        #expect(speaker("DX", in: episode)?.name == "Duffie Cooley")
    }

    @Test func speakersYAMLOverridesGloballyAndPerEpisode() throws {
        let dir = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        Fixture.write(Fixture.minimalHeader + "[0:00:01] JR: a\n[0:00:02] ZZ: b\n", to: dir + "/001-a.md")
        Fixture.write(Fixture.minimalHeader.replacingOccurrences(of: "t-1", with: "t-2") + "[0:00:01] JR: a\n[0:00:02] ZZ: b\n", to: dir + "/002-b.md")
        Fixture.write("""
            ZZ: Zed Zulu
            episodes:
              t-2:
                ZZ: { name: Zara Zee, role: guest }
                JR: Someone Else
            """, to: dir + "/speakers.yaml")
        let corpus = try CorpusLoader.load(directory: dir)
        let first = corpus.episodes[0].speakers.first { $0.tag == "ZZ" }
        #expect(first?.name == "Zed Zulu" && first?.isCertain == true)
        let second = corpus.episodes[1]
        #expect(second.speakers.first { $0.tag == "ZZ" }?.name == "Zara Zee")
        #expect(second.speakers.first { $0.tag == "JR" }?.name == "Someone Else")
        #expect(corpus.episodes[0].speakers.first { $0.tag == "JR" }?.name == "Josh Rosso")
    }
}
