import Testing
@testable import TranscriptKit

@Suite struct EpisodeParserTests {
    @Test func frontMatterFields() {
        let episode = Fixture.episode("""
            ---
            episode_id: 009-stateful
            episode_number: 9
            title: Stateful and Stateless Workloads 
            description: Short.
            notes: Long notes.
            hosts:
                - name: Carlisia Thompson
                  url: https://twitter.com/carlisia
            guests:
                - name: Ellen Körbes
            points:
                - First point.
                - 'Second: quoted'
            links:
                - name: CoreOS
                  url: https://coreos.com/
            video: https://www.youtube.com/embed/42FP22MpdxM
            related: # comment
            - 007-kubernetes
            - 008-disaster-recovery 
            ---
            EPISODE 009

            [INTRODUCTION]

            [0:00:08.7] ANNOUNCER: Welcome.

            [INTERVIEW]

            [00:00:41] CT: First paragraph.

            Second paragraph.

            [00:01:00] EK: Hi.
            """)
        #expect(episode.id == "009-stateful")
        #expect(episode.number == 9)
        #expect(episode.title == "Stateful and Stateless Workloads")
        #expect(episode.hosts == [Person(name: "Carlisia Thompson", url: "https://twitter.com/carlisia")])
        #expect(episode.guests.map(\.name) == ["Ellen Körbes"])
        #expect(episode.points == ["First point.", "Second: quoted"])
        #expect(episode.links == [Link(name: "CoreOS", url: "https://coreos.com/")])
        #expect(episode.video == "https://www.youtube.com/embed/42FP22MpdxM")
        #expect(episode.related == ["007-kubernetes", "008-disaster-recovery"])
        #expect(episode.sections.map(\.title) == ["INTRODUCTION", "INTERVIEW"])
        #expect(episode.utterances.count == 3)
        #expect(episode.utterances[1].paragraphs == ["First paragraph.", "Second paragraph."])
        #expect(episode.utterances[1].line == 31)
        #expect(episode.utterances[1].sectionIndex == 1)
        #expect(episode.speaker(of: episode.utterances[2]).name == "Ellen Körbes")
        #expect(episode.speaker(of: episode.utterances[2]).role == .guest)
        #expect(episode.duration == 60)
        #expect(episode.diagnostics.isEmpty)
    }

    @Test func wrongTypesBecomeWarnings() {
        let episode = Fixture.episode("""
            ---
            episode_id: 3.14
            episode_number: "12"
            title: [Part, One]
            description: {a: b}
            hosts: Just A String
            points: {a: b}
            related: single-id
            ---
            [0:00:01] JAS: hi
            """)
        #expect(episode.number == 12)
        #expect(episode.id == "3.14")
        #expect(episode.title == "Part One")
        #expect(episode.description == "")
        #expect(episode.hosts.map(\.name) == ["Just A String"])
        #expect(episode.points == ["a: b"])
        #expect(episode.related == ["single-id"])
        let lines = episode.diagnostics.map(\.line)
        #expect(lines.contains(4) && lines.contains(5) && lines.contains(6))
        #expect(episode.errorCount == 0)
    }

    @Test func numberAsNonsenseTextIsAWarning() {
        let episode = Fixture.episode("---\ntitle: x\nepisode_number: true\nepisode_id: a\n---\n")
        #expect(episode.number == nil)
        #expect(episode.diagnostics.contains { $0.line == 3 && $0.message.contains("whole number") })
    }

    @Test func missingFieldsFallBackToFileName() {
        let episode = Fixture.episode("---\ndescription: x\n---\n[0:00:01] A: b\n", file: "/x/042-some-show.md")
        #expect(episode.title == "042-some-show")
        #expect(episode.id == "042-some-show")
        #expect(episode.number == 42)
        #expect(episode.messages(.warning).contains("front matter has no 'title'"))
    }

    @Test func unterminatedFrontMatterKeepsTheTranscript() {
        let episode = Fixture.episode("---\ntitle: Open\nepisode_number: 3\n\nEPISODE 3\n\n[0:00:01] A: one\n\n[0:00:02] A: two\n")
        #expect(episode.title == "Open")
        #expect(episode.utterances.count == 2)
        #expect(episode.diagnostics.contains { $0.severity == .error && $0.line == 1 && $0.message.contains("not closed") })
    }

    @Test func invalidYAMLIsAnErrorWithLineAndSalvage() {
        let episode = Fixture.episode("---\nepisode_number: 929\ntitle: \"unterminated\nhosts: [a, b\n---\n[0:00:01] A: one\n")
        #expect(episode.errorCount == 1)
        #expect(episode.number == 929)
        #expect(episode.utterances.count == 1)
    }

    @Test func aliasBombDoesNotExplode() {
        var yaml = "---\nepisode_number: 1\na0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for i in 1...9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ",") + "]\n" }
        yaml += "title: *a9\n---\n[0:00:01] A: hi\n"
        let episode = Fixture.episode(yaml)
        #expect(episode.utterances.count == 1)
        #expect(episode.diagnostics.contains { $0.message.contains("'title' should be text") })
    }

    @Test func deepNestingIsRejectedNotRecursed() {
        let yaml = "---\ntitle: " + String(repeating: "[", count: 100_000) + "\n---\n[0:00:01] A: hi\n"
        let episode = Fixture.episode(yaml)
        #expect(episode.diagnostics.contains { $0.severity == .error && $0.message.contains("nested") })
        #expect(episode.utterances.count == 1)
    }

    @Test func controlCharactersInYAMLAreShownNotFatal() {
        let episode = Fixture.episode("---\ntitle: Raw \u{1B}[2J escape\nepisode_number: 4\n---\n")
        #expect(episode.title == "Raw ^[[2J escape")
        #expect(episode.number == 4)
    }

    @Test func timestampsGoingBackAreKeptAndFlagged() {
        let episode = Fixture.episode(Fixture.minimalHeader + "[0:05:00] JR: a\n[0:01:00] JR: b\n[0:06:00] JR: c\n")
        #expect(episode.utterances.map(\.start) == [300, 60, 360])
        #expect(episode.diagnostics.filter { $0.message.contains("goes back") }.map(\.line) == [12])
    }

    @Test func timestampOnItsOwnLineThenTag() {
        let episode = Fixture.episode(Fixture.minimalHeader + "[0:20:05.0]\nJR: Tag on the next line.\n")
        #expect(episode.utterances.count == 1)
        #expect(episode.utterances[0].tag == "JR")
        #expect(episode.utterances[0].paragraphs == ["Tag on the next line."])
    }

    @Test func orphanAfterAnnouncerMarkerIsTheAnnouncer() {
        let episode = Fixture.episode(Fixture.minimalHeader + "[ANNOUNCER]\n\nWelcome to the show.\n\n[INTERVIEW]\n\n[0:00:41] JR: Hi\n")
        #expect(episode.utterances.count == 2)
        #expect(episode.speaker(of: episode.utterances[0]).role == .announcer)
        #expect(episode.utterances[0].timestamp == "")
    }

    @Test func tabsAndHugeLines() {
        let long = String(repeating: "x", count: 100_000)
        let episode = Fixture.episode(Fixture.minimalHeader + "[0:00:01]\tJR\t:\tHello\n\n\(long)\n")
        #expect(episode.utterances[0].tag == "JR")
        #expect(episode.utterances[0].paragraphs.first == "Hello")
        #expect(episode.utterances[0].paragraphs.last?.count == 100_000)
    }

    @Test func noFrontMatter() {
        let episode = Fixture.episode("[0:00:01] A: hi\n", file: "/d/007-x.md")
        #expect(episode.utterances.count == 1)
        #expect(episode.number == 7)
        #expect(episode.diagnostics.contains { $0.message.contains("no front matter") })
    }
}

/// A transcript pasted twice into one page: each run of repeats is one warning, with the
/// lines it repeats, and each repeat known (the search index keeps only the first).
@Suite struct RepeatedTranscriptTests {
    @Test func repeatsAreReportedAndFoundOnce() {
        let page = """
            ---
            title: Twice
            ---
            [0:00:01] AL: hello there
            [0:00:05] BR: general words

            [0:00:01] AL: hello there
            [0:00:05] BR: general words
            [0:00:09] AL: and more
            """
        let episode = EpisodeParser.parse(text: page, file: "twice.md")
        #expect(episode.utterances.count == 5)
        let repeats = episode.diagnostics.filter { $0.message.contains("word for word") }
        #expect(repeats.map(\.line) == [7])
        #expect(repeats.first?.message.hasPrefix("2 utterance(s) here repeat lines 4–5 word for word") == true)
        #expect(RepeatedUtterances.earlier(in: episode.utterances) == [2: 0, 3: 1])
    }

    /// A feed's item without a transcript keeps the length the feed gives (`itunes:duration`,
    /// in the front matter as seconds); a transcript's own length always wins.
    @Test func aStatedDurationCountsOnlyWithoutATranscript() throws {
        let page = Fixture.episode("---\nepisode_id: x\ntitle: Notes only\nduration: 3723.5\ntranscript: none\n---\n")
        #expect(page.duration == 3723.5)
        #expect(page.diagnostics.isEmpty)
        let huge = Fixture.episode("---\nepisode_id: x\ntitle: Notes only\nduration: 1e300\ntranscript: none\n---\n")
        #expect(huge.duration == 0)
        #expect(huge.diagnostics.map(\.message) == ["'duration' should be seconds, not '1e300'"])

        let folder = Fixture.temporaryDirectory()
        Fixture.write("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann>Hello.\n", to: folder + "/ep.vtt")
        Fixture.write("episode_id: ep\ntitle: With a transcript\nduration: 9999\n", to: folder + "/ep.yaml")
        let corpus = try CorpusLoader.load(directory: folder)
        #expect(corpus.episodes.map(\.duration) == [4])
    }
}
