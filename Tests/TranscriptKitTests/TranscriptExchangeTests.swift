import Foundation
import Testing
@testable import TranscriptKit

/// Export to WebVTT, SubRip, Podcasting 2.0 JSON, Markdown and text; import of the first three.
@Suite struct TranscriptExchangeTests {
    static let sample = Fixture.minimalHeader + """
        [0:00:01.5] JR: Hello <there> & welcome.

        Second paragraph.

        [0:00:04] KN: Hi.

        [0:00:04] DC: Me too.

        [0:00:10] JR: Bye now, see you all next week.
        """

    @Test func cuesEndWhereTheNextUtteranceStarts() {
        let episode = Fixture.episode(Self.sample)
        let cues = TranscriptExport.cues(episode)
        #expect(cues.map(\.start) == [1.5, 4, 4, 10])
        // Two utterances start at 0:04: both end at 0:10; the last, 7 words, at 10 + 7 × 0.4.
        #expect(cues.map(\.end) == [4, 10, 10, 12.8])
        #expect(cues.map(\.speaker) == ["Josh Rosso", "Kris Nóva", "Duffie Cooley", "Josh Rosso"])
        // Only Josh: his turns still end when the next person speaks.
        #expect(TranscriptExport.cues(episode, only: [0, 3]).map(\.end) == [4, 12.8])
    }

    @Test func webVTTAndSubRipAsWritten() throws {
        let episode = Fixture.episode(Self.sample)
        #expect(try TranscriptExport.render(episode, only: [0, 1], as: .vtt) == """
            WEBVTT

            00:00:01.500 --> 00:00:04.000
            <v Josh Rosso>Hello &lt;there&gt; &amp; welcome.
            Second paragraph.

            00:00:04.000 --> 00:00:10.000
            <v Kris Nóva>Hi.

            """)
        #expect(try TranscriptExport.render(episode, only: [0, 1], as: .srt) == """
            1
            00:00:01,500 --> 00:00:04,000
            Josh Rosso: Hello <there> & welcome.
            Second paragraph.

            2
            00:00:04,000 --> 00:00:10,000
            Kris Nóva: Hi.


            """)
        let json = try TranscriptExport.render(episode, only: [0, 1], as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "1.0.0")
        let segments = try #require(object["segments"] as? [[String: Any]])
        #expect(segments.count == 2)
        #expect(segments[0]["speaker"] as? String == "Josh Rosso")
        #expect(segments[0]["startTime"] as? Double == 1.5)
        #expect(segments[0]["endTime"] as? Double == 4)
        #expect(segments[0]["body"] as? String == "Hello <there> & welcome.\nSecond paragraph.")
    }

    @Test func controlCharactersNeverLeaveRaw() throws {
        let episode = Fixture.episode(Fixture.minimalHeader + "[0:00:01] JR: red \u{1B}[31m text\u{7}\n")
        for format in [TranscriptExport.Format.vtt, .srt, .md, .txt] {
            let text = try TranscriptExport.render(episode, as: format)
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(format)")
            #expect(text.contains("^[[31m"), "\(format)")
        }
    }

    /// Export, import the file, export again: the same bytes, for every real episode.
    @Test func exportImportExportRoundTrips() throws {
        // Times that go back, and control characters in the last utterance, whose end is an
        // estimate from its words: a vertical tab, form feed or NEL is exported as a placeholder,
        // so it must not count as a space between words (a fuzzing run found this).
        let unruly = Fixture.minimalHeader + "[0:00:09] JR: nine\n\n[0:00:02] KN: two\n\n[0:00:05] DC: a\u{0B}b\u{0C}c\u{85}d e\u{1B}[0m\n"
        var episodes = [Fixture.episode(Self.sample), Fixture.episode(unruly)]
        if Fixture.hasSharedCorpus { episodes += try CorpusLoader.load(directory: Fixture.sharedCorpus).transcripts() }
        let directory = Fixture.temporaryDirectory()
        for format in [TranscriptExport.Format.vtt, .srt, .json] {
            for (n, episode) in episodes.enumerated() {
                let first = try TranscriptExport.render(episode, as: format)
                let path = directory + "/e\(n).\(format.rawValue)"
                try Data(first.utf8).write(to: URL(fileURLWithPath: path))
                let imported = CorpusLoader.load(file: path).transcript(of: 0)
                // Consecutive cues of one speaker are one utterance now: the cues are what must match.
                #expect(TranscriptExport.cues(imported).count == TranscriptExport.cues(episode).count, "\(episode.id) \(format)")
                #expect(!imported.diagnostics.contains { $0.severity == .error }, "\(episode.id) \(format)")
                let second = try TranscriptExport.render(imported, as: format)
                #expect(second == first, "\(episode.id) \(format)")
            }
        }
    }

    /// SubRip's `Name: ` prefix: names with a full stop are read back, an unknown speaker's
    /// `?` is read as unknown, and a name the import could not tell from a sentence is
    /// written as `?` so a second export writes the same.
    @Test func subRipNamesReadBack() throws {
        let text = """
            ---
            title: Names
            hosts:
                - name: Dr. Jane Smith
                - name: Who? Me!
            ---
            [0:00:01] DJS: Hello: there.

            [0:00:02] WM: Hi.

            [0:00:03] Nobody knows this line's speaker

            """
        let episode = Fixture.episode(text)
        let srt = try TranscriptExport.render(episode, as: .srt)
        #expect(srt.components(separatedBy: "\n").filter { $0.contains(": ") || $0.hasSuffix(":") } == [
            "Dr. Jane Smith: Hello: there.", "?: Hi.", "?: Nobody knows this line's speaker",
        ])
        let directory = Fixture.temporaryDirectory()
        try Data(srt.utf8).write(to: URL(fileURLWithPath: directory + "/names.srt"))
        let imported = CorpusLoader.load(file: directory + "/names.srt").transcript(of: 0)
        // The two unknown speakers' cues follow each other without a pause: one utterance.
        #expect(imported.utterances.map { imported.speaker(of: $0).name } == ["Dr. Jane Smith", "?"])
        #expect(imported.utterances.map(\.paragraphs) == [["Hello: there."], ["Hi. Nobody knows this line's speaker"]])
        #expect(imported.utterances.map(\.cues.count) == [1, 2])
        #expect(try TranscriptExport.render(imported, as: .srt) == srt)
        // Lines of other tools' files that are not `Name: `.
        #expect(SpeakerLabel.leading("Really? Yes: it is") == nil)
        #expect(SpeakerLabel.leading(" Bob: hi") == nil)
        #expect(SpeakerLabel.leading("Bob:")?.label == .name("Bob"))
        #expect(SpeakerLabel.leading("Bob:")?.rest == "")
    }

    @Test func sidecarGivesTitleAndRoles() throws {
        let directory = Fixture.temporaryDirectory()
        Fixture.write("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann Lee>Hello.\n\n00:01:02.250 --> 00:01:03.000\n<v.loud Bob Ray>Hi &amp; bye.\n",
                      to: directory + "/007-talk.vtt")
        let bare = try CorpusLoader.load(directory: directory).episodes
        #expect(bare.map(\.title) == ["007-talk"])
        #expect(bare[0].number == 7)
        Fixture.write("title: A Talk\nepisode_number: 70\nhosts:\n  - name: Ann Lee\n", to: directory + "/007-talk.yaml")
        let episode = try CorpusLoader.load(directory: directory).transcript(of: 0)
        #expect(episode.title == "A Talk")
        #expect(episode.number == 70)
        #expect(episode.speakers.map(\.name) == ["Ann Lee", "Bob Ray"])
        // The sidecar makes Ann a host; the file alone says nothing of Bob's role.
        #expect(episode.speakers.map(\.role) == [.host, .unknown])
        #expect(episode.utterances.map(\.start) == [1, 62.25])
        #expect(episode.utterances[1].paragraphs == ["Hi & bye."])
        #expect(episode.diagnostics.isEmpty)
    }

    @Test func badImportsAreDiagnosedWithTheirLine() throws {
        let directory = Fixture.temporaryDirectory()
        Fixture.write("not vtt\n", to: directory + "/a.vtt")
        Fixture.write("{\"hello\": 1}", to: directory + "/b.json")
        Fixture.write("1\n00:00:01,000 --> 00:00:02,000\nA: ok\n\n2\nno timing here\n", to: directory + "/c.srt")
        let corpus = try CorpusLoader.load(directory: directory)
        // Files that are not transcripts are not episodes: one diagnostic each.
        #expect(corpus.episodes.map { ($0.file as NSString).lastPathComponent } == ["c.srt"])
        #expect(corpus.diagnostics.map { "\(($0.file as NSString).lastPathComponent):\($0.line): \($0.severity)" } == [
            "a.vtt:1: error", "b.json:1: warning"])
        #expect(corpus.diagnostics[0].message.hasPrefix("not a WebVTT file"))
        #expect(corpus.diagnostics[1].message.hasPrefix("a JSON file that is not a transcript"))
        let srt = corpus.transcript(of: 0)
        #expect(srt.utterances.count == 1)
        #expect(srt.diagnostics.contains { $0.line == 5 && $0.message == "a block without a cue timing; skipped" })
    }

    /// Counted by hand from `sample`, each utterance spoken until its last word (0.4 s a
    /// word, at least 1 s) or the next start: JR 0:01.5 + 6 words = 0:03.9, and 0:10 + 7
    /// words = 0:12.8 (5.2 s); KN "Hi." 0:04–0:05; DC "Me too." 0:04–0:05. The silence up to
    /// 0:10 is nobody's.
    @Test func speakerStatistics() {
        let statistics = SpeakerStatistics.of(Fixture.episode(Self.sample))
        #expect(statistics.map(\.name) == ["Josh Rosso", "Kris Nóva", "Duffie Cooley"])
        #expect(statistics.map { ($0.talkTime * 10).rounded() / 10 } == [5.2, 1, 1])
        #expect(statistics.map(\.words) == [13, 1, 2])
        #expect(statistics.map(\.turns) == [2, 1, 1])
        #expect(statistics.map { ($0.longestTurn * 10).rounded() / 10 } == [2.8, 1, 1])
        #expect(statistics.map(\.longestTurnStart) == [10, 4, 4])
        let twice = SpeakerStatistics.merged([statistics, statistics])
        #expect(twice.map(\.name) == ["Josh Rosso", "Kris Nóva", "Duffie Cooley"])
        #expect(twice.map(\.turns) == [4, 2, 2])
        #expect(twice.map(\.words) == [26, 2, 4])
    }
}

@Suite struct VideoLinkTests {
    @Test func embedLinksBecomeWatchPagesAtTheTime() {
        #expect(VideoLink.watchURL("https://www.youtube.com/embed/42FP22MpdxM", at: 1232.9) == "https://www.youtube.com/watch?v=42FP22MpdxM&t=1232s")
        #expect(VideoLink.watchURL("https://www.youtube-nocookie.com/embed/abc?rel=0", at: 5) == "https://www.youtube.com/watch?v=abc&t=5s")
        #expect(VideoLink.watchURL("https://www.youtube.com/watch?v=abc&t=99s", at: 60) == "https://www.youtube.com/watch?v=abc&t=60s")
        #expect(VideoLink.watchURL("https://youtu.be/abc", at: 61) == "https://youtu.be/abc?t=61")
        #expect(VideoLink.watchURL("https://player.vimeo.com/video/123", at: 7) == "https://vimeo.com/123#t=7s")
        #expect(VideoLink.watchURL("https://example.com/ep9.mp4", at: 90) == "https://example.com/ep9.mp4#t=90")
    }

    /// The link comes from a file: only web addresses are ever handed to a browser.
    @Test func onlyWebAddresses() {
        for bad in ["javascript:alert(1)", "file:///etc/passwd", "ftp://x/y", "not a url", "", "https://x.com/a b",
                    "https://x.com/\u{1B}[2J", "https:///nohost"] {
            #expect(VideoLink.watchURL(bad, at: 1) == nil, "\(bad)")
        }
    }
}
