import Foundation
import Testing
@testable import TranscriptKit

@Suite struct SourceTextTests {
    func source(_ bytes: [UInt8]) -> SourceText {
        bytes.withUnsafeBytes { SourceText(bytes: $0, file: "f.md") }
    }

    @Test func lineEndingsCRLFCRAndLF() {
        #expect(source(Array("a\r\nb\rc\nd".utf8)).lines == ["a", "b", "c", "d"])
        #expect(source(Array("a\n\nb\n".utf8)).lines == ["a", "", "b"])
    }

    @Test func byteOrderMarkIsDropped() {
        #expect(source([0xEF, 0xBB, 0xBF] + Array("---\nx".utf8)).lines == ["---", "x"])
    }

    @Test func invalidUTF8BecomesReplacementWithLine() {
        let text = source(Array("ok\nbad ".utf8) + [0xFF, 0xFE] + Array(" here\nok".utf8))
        #expect(text.lines[1].contains("\u{FFFD}"))
        #expect(text.diagnostics.count == 1)
        #expect(text.diagnostics[0].line == 2)
        #expect(text.diagnostics[0].severity == .error)
        #expect(!text.looksBinary)
    }

    @Test func binaryIsRecognised() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let text = source(bytes)
        #expect(text.looksBinary)
        #expect(text.diagnostics.first?.message.contains("not a UTF-8 text file") == true)
    }

    @Test func nulBytesAreKeptAndReported() {
        let text = source(Array("a\u{0}b\nc".utf8))
        #expect(text.lines[0] == "a\u{0}b")
        #expect(text.diagnostics.first?.line == 1)
        #expect(text.diagnostics.first?.severity == .warning)
    }

    @Test func emptyFile() {
        #expect(source([]).lines.isEmpty)
        let episode = EpisodeParser.parse(text: "", file: "empty.md")
        #expect(episode.messages(.error) == ["the file is empty"])
        #expect(episode.title == "empty")
    }

    @Test func crlfEpisodeParsesLikeLF() {
        let lf = Fixture.minimalHeader + "[0:00:01.0] JR: Hi\n\nmore\n\n[0:00:05.0] KN: Yo\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = EpisodeParser.parse(text: lf, file: "a.md")
        let b = EpisodeParser.parse(text: "\u{FEFF}" + crlf, file: "a.md")
        #expect(a.utterances.map(\.paragraphs) == b.utterances.map(\.paragraphs))
        #expect(a.utterances.map(\.line) == b.utterances.map(\.line))
        #expect(b.title == "Test")
    }
}
