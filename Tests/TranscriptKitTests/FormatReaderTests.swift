import Foundation
import Testing
@testable import TranscriptKit

/// Each reader on small files of the shapes real shows publish, with every expectation
/// worked out by hand from the file in the test.
@Suite struct FormatReaderTests {
    func read(_ text: String, as name: String) -> Episode { Fixture.episode(text, file: name) }

    func texts(_ episode: Episode) -> [String] { episode.utterances.map(\.text) }

    func names(_ episode: Episode) -> [String] { episode.utterances.map { episode.speaker(of: $0).name } }

    // MARK: WebVTT

    static let webVTT = """
        WEBVTT Kind: captions
        Language: en

        NOTE a note
        over two lines

        STYLE
        ::cue { color: red }

        REGION
        id:left

        intro
        00:01.000 --> 00:04.500 align:start position:10%
        <v.loud Ann Lee>Hello &amp; <i>welcome</i> to <c.yellow>the</c> show&hellip;
        <00:00:02.000>karaoke <b>words</b>

        00:00:05.000 --> 00:00:07.000
        and more from Ann.
        00:00:07.000 --> 00:00:09.000
        <v Bob>A timing line without a blank line before it.

        00:00:09.500 --> 00:00:10.000
        Bob: no voice tag, a prefix

        00:00:10.000 --> 00:00:12.000
        [SPEAKER_00]: decoded &#8212; &#x2019;&eacute;

        """

    @Test func webVTTEverything() {
        let episode = read(Self.webVTT, as: "talk.vtt")
        #expect(episode.reading.format == .webVTT)
        #expect(names(episode) == ["Ann Lee", "Bob", "SPEAKER_00"])
        #expect(texts(episode) == [
            "Hello & welcome to the show… karaoke words and more from Ann.",
            "A timing line without a blank line before it. no voice tag, a prefix",
            "decoded — ’é",
        ])
        #expect(episode.utterances.map(\.start) == [1, 7, 10])
        #expect(episode.utterances.map(\.cues.count) == [2, 2, 1])
        #expect(episode.utterances[0].lines(of: episode.utterances[0].cues[0]) == ["Hello & welcome to the show…", "karaoke words"])
        #expect(episode.utterances[1].cues.map(\.end) == [9, 10])
        #expect(episode.duration == 12)
        // Named by the file, no role given: unknown, certain (Bob's prefix names someone a voice named too).
        #expect(episode.speakers.map(\.role) == [.unknown, .unknown, .unknown])
        #expect(episode.speakers.map(\.isCertain) == [true, true, true])
        #expect(episode.errorCount == 0)
    }

    @Test func rubyAnnotationsAreNotSpeech() {
        let episode = read("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Aki><ruby>漢<rt>kan</rt></ruby><ruby>字<rt>ji</rt></ruby> <lang ja>です</lang>\n", as: "r.vtt")
        #expect(texts(episode) == ["漢字 です"])
    }

    @Test func webVTTWithBOMAndCROnlyReadsTheSame() {
        let plain = read(Self.webVTT, as: "a.vtt")
        let cr = read("\u{FEFF}" + Self.webVTT.replacingOccurrences(of: "\n", with: "\r"), as: "b.vtt")
        let crlf = read(Self.webVTT.replacingOccurrences(of: "\n", with: "\r\n"), as: "c.vtt")
        #expect(texts(cr) == texts(plain))
        #expect(texts(crlf) == texts(plain))
        #expect(cr.utterances.map(\.start) == plain.utterances.map(\.start))
    }

    /// The content decides: a `.txt` that is WebVTT is WebVTT.
    @Test func formatByContentNotExtension() {
        let episode = read(Self.webVTT, as: "captions.txt")
        #expect(episode.reading.format == .webVTT)
        #expect(episode.utterances.count == 3)
        #expect(read("1\n00:00:01,000 --> 00:00:02,000\nHi.\n", as: "x.vtt").reading.format == .subRip)
    }

    /// A name holds until the next one; a one-off prefix might be a sentence: not certain.
    @Test func namesCarryForwardAndOneOffPrefixesAreNotCertain() {
        let text = """
            WEBVTT

            00:00:01.000 --> 00:00:02.000
            Travis: When you first get

            00:00:02.000 --> 00:00:03.000
            started in podcasting,

            00:00:05.000 --> 00:00:06.000
            Gilon: Hello.

            00:00:06.000 --> 00:00:07.000
            Travis: Back to me.

            """
        let episode = read(text, as: "p.vtt")
        #expect(names(episode) == ["Travis", "Gilon", "Travis"])
        #expect(texts(episode) == ["When you first get started in podcasting,", "Hello.", "Back to me."])
        #expect(episode.speakers.first { $0.name == "Travis" }?.isCertain == true)
        #expect(episode.speakers.first { $0.name == "Gilon" }?.isCertain == false)
    }

    // MARK: SubRip

    @Test func subRipEverything() {
        let text = """
            1
            00:00:01,000 --> 00:00:02,500
            <i>Ann:</i> Hello there,
            <font color="#ffffff">friend</font>.

            3
            00:03.000 --> 00:04.000
            how are you? <not a tag>

            00:00:04.000 --> 00:00:06.000
            Bob: Fine, <b>thanks</b>.
            """
        let episode = read(text, as: "s.srt")
        #expect(episode.reading.format == .subRip)
        #expect(names(episode) == ["Ann", "Bob"])
        #expect(texts(episode) == ["Hello there, friend. how are you? <not a tag>", "Fine, thanks."])
        #expect(episode.utterances.map(\.start) == [1, 4])
        #expect(episode.duration == 6)
        #expect(episode.diagnostics.isEmpty)
    }

    // MARK: JSON

    @Test func wordLevelJSONBecomesSentencesAndUtterances() throws {
        let words = ["So", "this", "is", "the", "first", "sentence.", "And", "a", "second", "one."]
        var segments = words.enumerated().map { n, word in
            "{\"speaker\": \"Ann\", \"startTime\": \(Double(n) * 0.3), \"endTime\": \(Double(n) * 0.3 + 0.25), \"body\": \"\(word)\"}"
        }
        segments += ["{\"speaker\": \"Bob\", \"startTime\": 4, \"endTime\": 4.3, \"body\": \"Yes\"}",
                     "{\"startTime\": 4.4, \"endTime\": 4.9, \"body\": \"indeed.\"}"]
        let episode = read("{\"version\": \"1.0.0\", \"segments\": [\(segments.joined(separator: ","))]}", as: "w.json")
        #expect(episode.reading.format == .podcastingJSON)
        #expect(names(episode) == ["Ann", "Bob"])
        #expect(texts(episode) == ["So this is the first sentence. And a second one.", "Yes indeed."])
        // Sentences are the cues: 0–1.75 s, 1.8–2.95 s.
        #expect(episode.utterances[0].cues.map(\.start) == [0, 1.8])
        #expect(episode.utterances[0].cues.map(\.end) == [1.75, 2.95])
        #expect(episode.utterances[1].cues.count == 1)
    }

    /// Feeds split a cue's two lines into two segments with the same span: one cue, counted once.
    @Test func repeatedSpansAreOneCueAndCountOnce() {
        let json = """
            {"version": "1.0.0", "segments": [
              {"speaker": "Kim", "startTime": 0, "endTime": 2, "body": "first line"},
              {"startTime": 0, "endTime": 2, "body": "second line"},
              {"speaker": "Lee", "startTime": 1.5, "endTime": 3, "body": "overlapping"},
              {"speaker": "Kim", "startTime": 2.5, "endTime": 4, "body": "again"}
            ]}
            """
        let episode = read(json, as: "r.json")
        #expect(texts(episode) == ["first line second line", "overlapping", "again"])
        #expect(episode.utterances[0].cues.count == 1)
        #expect(episode.utterances[0].lines(of: episode.utterances[0].cues[0]) == ["first line", "second line"])
        let statistics = SpeakerStatistics.of(episode)
        // Kim: 0–2 and 2.5–4 = 3.5 s; Lee: 1.5–3 = 1.5 s.
        #expect(statistics.map(\.name) == ["Kim", "Lee"])
        #expect(statistics.map(\.talkTime) == [3.5, 1.5])
        #expect(episode.duration == 4)
    }

    @Test func whisperWhisperXAndBareArrays() {
        let whisper = """
            {"text": " Hello there. General Kenobi.", "language": "en", "segments": [
              {"id": 0, "start": 0.0, "end": 1.5, "text": " Hello there.", "words": [{"word": "Hello", "start": 0, "end": 0.5}]},
              {"id": 1, "start": 1.5, "end": 3.0, "text": " General Kenobi."}]}
            """
        let w = read(whisper, as: "whisper.json")
        #expect(w.reading.format == .whisperJSON)
        #expect(texts(w) == ["Hello there. General Kenobi."])
        #expect(names(w) == ["?"])

        let whisperX = """
            {"segments": [
              {"start": 0, "end": 1, "text": "Hi.", "speaker": "SPEAKER_00"},
              {"start": 1, "end": 2, "text": "Hello.", "speaker": "SPEAKER_01"},
              {"start": 2, "end": 3, "text": "Who said that?"},
              {"start": 3, "end": 4, "text": "Me.", "speaker": "SPEAKER_01"}]}
            """
        let x = read(whisperX, as: "x.json")
        #expect(x.reading.format == .whisperXJSON)
        // whisperX leaves the speaker out where it could not tell: unknown, not carried.
        #expect(names(x) == ["SPEAKER_00", "SPEAKER_01", "?", "SPEAKER_01"])

        let bare = read(#"[{"start": 0, "end": 1.5, "text": "One."}, {"start": "1.5", "end": 3, "text": "Two."}]"#, as: "b.json")
        #expect(bare.reading.format == .cueArrayJSON)
        #expect(texts(bare) == ["One. Two."])
        #expect(bare.duration == 3)
    }

    @Test func badJSONIsADiagnosticNeverACrash() {
        let huge = read(#"{"segments": [{"speaker": "A", "startTime": 9.3e18, "endTime": 1e400, "body": "x"}, {"speaker": "A", "startTime": 1, "endTime": 2, "body": "y"}]}"#, as: "h.json")
        #expect(texts(huge) == ["x y"])
        #expect(huge.diagnostics.contains { $0.message.contains("9.3e+18") && $0.message.contains("not a time") })
        let broken = read("{\n  \"segments\": [\n    {\"body\": \"a\"},\n    oops\n", as: "broken.json")
        #expect(broken.reading.format == .notTranscript)
        #expect(broken.diagnostics.first?.severity == .error)
        #expect(broken.diagnostics.first?.line == 4)
        let other = read(#"{"name": "config", "values": [1, 2]}"#, as: "config.json")
        #expect(other.reading.format == .notTranscript)
        #expect(other.diagnostics.map(\.severity) == [.warning])
    }

    // MARK: HTML

    @Test func htmlTranscriptWithoutMarkupOrScript() {
        let html = """
            <!DOCTYPE html>
            <html><head><title>T</title><script>alert("x<p>no</p>")</script><style>p { color: red }</style></head>
            <body>
            <cite>Ann:</cite>
            <time>0:05</time>
            <p>Hello &eacute;t&eacute; <b>bold</b><br>new
               line</p>
            <p>More from Ann.</p>
            <!-- <p>hidden</p> -->
            <cite>Bob:</cite>
            <time>1:02:03</time>
            <p>Bye&nbsp;now &#8217;</p>
            </body></html>
            """
        let episode = read(html, as: "t.html")
        #expect(episode.reading.format == .html)
        #expect(names(episode) == ["Ann", "Bob"])
        #expect(episode.utterances[0].paragraphs == ["Hello été bold new line", "More from Ann."])
        #expect(episode.utterances[1].paragraphs == ["Bye\u{A0}now ’"])
        #expect(episode.utterances.map(\.start) == [5, 3723])
        #expect(episode.utterances[0].lines(of: episode.utterances[0].cues[0]) == ["Hello été bold", "new line"])
    }

    @Test func aWebPageIsNotATranscript() {
        let page = read("<html><body><h1>About</h1><p>We are a podcast.</p></body></html>", as: "about.html")
        #expect(page.reading.format == .notTranscript)
        #expect(page.diagnostics.count == 1)
        #expect(page.diagnostics[0].message.contains("no transcript"))
    }

    // MARK: Other shows' text

    @Test func namePrefixLinesAndProseWithAColon() {
        let text = """
            Ann Lee: Hello there.
            Bob: Hi Ann.
            Here's the thing: prose with a colon stays prose.

            Ann Lee: Bye.
            """
        let episode = read(text, as: "plain.txt")
        #expect(episode.reading.format == .labelledText)
        #expect(names(episode) == ["Ann Lee", "Bob", "Ann Lee"])
        #expect(texts(episode) == ["Hello there.", "Hi Ann. Here's the thing: prose with a colon stays prose.", "Bye."])
    }

    @Test func labelsWithTimesInEveryPlace() {
        let forms = [
            ("Ann [0:05]: Hello.\nBob [0:46]: Hi.\n", ["Ann", "Bob"], [5.0, 46]),
            ("[Speaker 1] [01:23] Hello.\n[Speaker 2] [01:30] Hi.\n", ["Speaker 1", "Speaker 2"], [83, 90]),
            ("[00:01:02] Jane Smith: Hello.\n[00:01:10] Bob van Dyke: Hi.\n", ["Jane Smith", "Bob van Dyke"], [62, 70]),
            ("Speaker 0: 00:00:16\n\nHello.\nSecond line.\n\nSpeaker 1: 00:00:20\n\nHi.\n", ["Speaker 0", "Speaker 1"], [16, 20]),
        ]
        for (text, speakers, starts) in forms {
            let episode = read(text, as: "f.md")
            #expect(episode.reading.format == .labelledText, "\(text)")
            #expect(names(episode) == speakers, "\(text)")
            #expect(episode.utterances.map(\.start) == starts, "\(text)")
            #expect(episode.utterances.first?.paragraphs.first?.hasPrefix("Hello.") == true, "\(text)")
        }
    }

    @Test func timesWithoutSpeakers() {
        let episode = read("00:00:05 First line.\n00:01:02 Second line\ncontinues here.\n", as: "t.txt")
        #expect(names(episode) == ["?", "?"])
        #expect(texts(episode) == ["First line.", "Second line continues here."])
        #expect(episode.utterances.map(\.start) == [5, 62])
    }

    /// The Changelog's pages: bold names, escaped times in the text, a break between.
    @Test func boldLabelsEscapedTimesAndBreaks() {
        let text = """
            **Ann:** \\[00:10\\] Hello, see [our site](https://example.com).

            **Bob:** Hi.

            \\[01:00\\] More from Bob, and \\[01:30\\] later.

            **Break:** \\[02:00\\]

            **Ann:** Back.
            """
        let episode = read(text, as: "c.md")
        #expect(names(episode) == ["Ann", "Bob", "Ann"])
        #expect(episode.utterances[0].paragraphs == ["Hello, see our site."])
        #expect(episode.utterances[1].paragraphs == ["Hi.", "More from Bob, and later."])
        // Bob's first paragraph has no time: his first time is his.
        #expect(episode.utterances.map(\.start) == [10, 60, 120])
        #expect(episode.utterances[1].cues.map(\.start) == [60, 90])
        #expect(episode.sections.map(\.title) == ["Break"])
        #expect(episode.sections[0].firstUtterance == 2)
    }

    @Test func otherShowsFrontMatter() {
        let text = """
            ---
            title: "Bitcoin Core 27.0"
            episode: 92
            date: 2024-04-10
            media: https://example.com/ep92
            speakers: ['Aaron van Wirdum', 'Sjors Provoost']
            summary: "Aaron and Sjors explain."
            ---
            Speaker 0: 00:00:16

            Live from Utrecht.
            """
        let episode = read(text, as: "b.md")
        #expect(episode.title == "Bitcoin Core 27.0")
        #expect(episode.number == 92)
        #expect(episode.date == "2024-04-10")
        #expect(episode.media == "https://example.com/ep92")
        #expect(episode.people.map(\.name) == ["Aaron van Wirdum", "Sjors Provoost"])
        #expect(episode.description == "Aaron and Sjors explain.")
        #expect(episode.diagnostics.isEmpty)
    }

    // MARK: The corpus

    @Test func oneEpisodeFromSeveralFilesWithChapters() throws {
        let directory = Fixture.temporaryDirectory()
        Fixture.write("1\n00:00:01,000 --> 00:00:02,000\nAnn: Hi.\n\n2\n00:00:06,000 --> 00:00:07,000\nBob: Bye.\n", to: directory + "/ep.srt")
        Fixture.write(#"{"version": "1.0.0", "segments": [{"speaker": "Ann", "startTime": 1, "endTime": 2, "body": "Hi."}, {"speaker": "Bob", "startTime": 6, "endTime": 7, "body": "Bye."}]}"#,
                      to: directory + "/ep.json")
        Fixture.write("<cite>Ann:</cite><time>0:01</time><p>Hi.</p><cite>Bob:</cite><time>0:06</time><p>Bye.</p>", to: directory + "/ep.html")
        Fixture.write(#"{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Hello"}, {"startTime": 5, "title": "Goodbye"}]}"#,
                      to: directory + "/ep.chapters.json")
        Fixture.write("nothing here but prose\n", to: directory + "/notes.txt")
        let corpus = try CorpusLoader.load(directory: directory)
        #expect(corpus.episodes.count == 1)
        let episode = corpus.transcript(of: 0)
        // Speakers and ends in JSON and SubRip; JSON's fields beat SubRip's prefixes.
        #expect((episode.file as NSString).lastPathComponent == "ep.json")
        #expect(episode.otherFiles.map { ($0 as NSString).lastPathComponent } == ["ep.html", "ep.srt"])
        #expect(episode.sections.map(\.title) == ["Hello", "Goodbye"])
        #expect(episode.sections.map(\.firstUtterance) == [0, 1])
        #expect(episode.utterances.map(\.sectionIndex) == [0, 1])
        #expect(corpus.diagnostics.map { ($0.file as NSString).lastPathComponent } == ["notes.txt"])
        for name in ["ep.srt", "ep.html", "ep", "ep.json"] { #expect(corpus.index(matching: name) == 0, "\(name)") }
        // The same through summaries: chapters are read with the transcript.
        let summaries = try CorpusLoader.load(directory: directory, transcripts: false)
        #expect(summaries.transcript(of: 0).sections.map(\.title) == ["Hello", "Goodbye"])
        #expect(summaries.episodes[0].otherFiles.count == 2)
    }

    @Test func speakersYAMLNamesGenericLabels() throws {
        let directory = Fixture.temporaryDirectory()
        Fixture.write("Speaker 0: 00:00:01\n\nHello.\n\nSpeaker 1: 00:00:05\n\nHi.\n", to: directory + "/92-bitcoin.md")
        Fixture.write("episodes:\n  92-bitcoin:\n    Speaker 0: Aaron van Wirdum\n    Speaker 1: { name: Sjors Provoost, role: host }\n",
                      to: directory + "/speakers.yaml")
        let episode = try CorpusLoader.load(directory: directory).transcript(of: 0)
        #expect(names(episode) == ["Aaron van Wirdum", "Sjors Provoost"])
        #expect(episode.speakers.map(\.role) == [.unknown, .host])
        #expect(episode.speakers.map(\.isCertain) == [true, true])
        #expect(episode.utterances.map(\.tag) == ["Speaker 0", "Speaker 1"])
    }

    /// Consecutive cues of one speaker are one utterance (so a phrase over two cues is one
    /// text to search), and each cue's offset in it says when a word there is spoken.
    @Test func cuesOfOneUtteranceAndWhereEachBegins() throws {
        let directory = Fixture.temporaryDirectory()
        Fixture.write("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Travis>When you first get started in\n\n00:00:02.000 --> 00:00:03.000\npodcasting, it's\n",
                      to: directory + "/q.vtt")
        let corpus = try CorpusLoader.load(directory: directory)
        let utterances = corpus.transcript(of: 0).utterances
        #expect(utterances.count == 1)
        let text = try #require(utterances.first?.text)
        #expect(text.contains("started in podcasting"))
        let cues = utterances[0].cueOffsets
        // "When you first get started in " is 30 bytes: the second cue begins there.
        #expect(cues == [CueOffset(offset: 0, start: 1), CueOffset(offset: 30, start: 2)])
        let podcasting = try #require(text.utf8.firstRange(of: "podcasting".utf8))
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: podcasting.lowerBound)
        #expect(CueOffset.start(at: offset, in: cues, otherwise: -1) == 2)
        #expect(CueOffset.start(at: 5, in: cues, otherwise: -1) == 1)
    }

    // MARK: Found in review

    /// Export, import, export: the same bytes in each format.
    func roundTrips(_ episode: Episode) throws -> Bool {
        let directory = Fixture.temporaryDirectory()
        for format in [TranscriptExport.Format.vtt, .srt, .json] {
            let first = try TranscriptExport.render(episode, as: format)
            Fixture.write(first, to: directory + "/x." + format.rawValue)
            let back = CorpusLoader.load(file: directory + "/x." + format.rawValue).transcript(of: 0)
            if try TranscriptExport.render(back, as: format) != first { return false }
        }
        return true
    }

    @Test func namesAreDecodedThenTrimmedAndCombiningMarksHideNothing() throws {
        let vtt = read("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann&#32;>hi\n\n00:02.000 --> 00:03.000\n<v Bob>\u{301}x\n", as: "n.vtt")
        #expect(names(vtt) == ["Ann", "Bob"])
        #expect(try roundTrips(vtt))
        let srt = read("1\n00:00:01,000 --> 00:00:02,000\nAnn: hi\n\n2\n00:00:02,000 --> 00:00:03,000\nBob: \u{301}x\n", as: "n.srt")
        #expect(names(srt) == ["Ann", "Bob"])
        #expect(try roundTrips(srt))
    }

    /// Control characters count as they will be written (`x^Ky` is one word), so the
    /// one-word merge decides the same before and after export.
    @Test func controlCharactersDoNotChangeTheMergesOfAnExport() throws {
        let bodies = ["w", "w", "x\\u000by", "w", "w", "x\\u000by", "w", "w", "x\\u000by", "w"]
        let segments = bodies.enumerated().map { n, body in
            "{\"speaker\": \"A\", \"startTime\": \(Double(n) * 0.5), \"endTime\": \(Double(n) * 0.5 + 0.5), \"body\": \"\(body)\"}"
        }
        let episode = read("{\"segments\": [\(segments.joined(separator: ","))]}", as: "c.json")
        #expect(try roundTrips(episode))
    }

    @Test func aCiteInsideAParagraphKeepsTheWordsAfterIt() {
        let episode = read("<p><cite>Ann:</cite> Hello there.</p><p>More.</p><cite>Bob:</cite><p>Hi.</p>", as: "c.html")
        #expect(names(episode) == ["Ann", "Bob"])
        #expect(episode.utterances.map(\.paragraphs) == [["Hello there.", "More."], ["Hi."]])
    }

    @Test func oneBadSegmentIsSkippedNotTheFile() {
        let episode = read(#"{"segments": [{"speaker": "A", "startTime": 0, "endTime": 1, "body": "a"}, null, 7, {"startTime": 1, "endTime": 2, "body": "b"}]}"#, as: "s.json")
        #expect(texts(episode) == ["a b"])
        #expect(episode.diagnostics.map(\.message) == ["segment 2 is not an object; skipped", "segment 3 is not an object; skipped"])
        #expect(read("[1, 2, 3]", as: "n.json").reading.format == .notTranscript)
    }

    @Test func whatStartsAFileDoesNotTakeItFromItsFormat() {
        #expect(read("\nWEBVTT\n\n00:01.000 --> 00:02.000\nhi\n", as: "b.vtt").utterances.count == 1)
        let page = read("[0:00:01] JR: build --> deploy\n\n[0:00:05] JR: then ship\n", as: "p.md")
        #expect(page.reading.format == .episodePage)
        #expect(page.utterances.count == 2)
        let commented = read("<!-- draft -->\n[0:00:01] JR: hello\n", as: "c.md")
        #expect(commented.reading.format == .episodePage)
        #expect(read("<!DOCTYPE html><html><body><cite>A:</cite><p>x</p></body></html>", as: "page.md").reading.format == .html)
    }

    /// A name of many combining marks is short in characters but not in bytes: written as `?`.
    @Test func aNameTooLongInBytesIsWrittenAsUnknown() throws {
        let name = "A" + String(repeating: "\u{301}", count: 130)
        let episode = read("WEBVTT\n\n00:01.000 --> 00:02.000\n<v \(name)>hi\n", as: "l.vtt")
        #expect(try TranscriptExport.render(episode, as: .srt).contains("?: hi"))
        #expect(try roundTrips(episode))
    }
}
