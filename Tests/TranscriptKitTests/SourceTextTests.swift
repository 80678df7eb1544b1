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

    /// Random mixes of line endings, tabs, NULs, control and non-ASCII bytes, split as the
    /// rules say: LF, CR and CR LF each end a line; no empty line after a final ending.
    @Test func splitsLikeTheRules() {
        let pieces: [[UInt8]] = [[0x61], [0x62, 0x63], [0x0A], [0x0D], [0x0D, 0x0A], [0x09], [0x00], [0x01], [0xC3, 0xA9],
                                 Array("0123456789abcdef".utf8), [0xFF]]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...30, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            var expected: [[UInt8]] = []
            var current: [UInt8] = []
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0A || bytes[i] == 0x0D {
                    expected.append(current)
                    current = []
                    if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                } else {
                    current.append(bytes[i])
                }
                i += 1
            }
            if !current.isEmpty { expected.append(current) }
            let lines = source(bytes).lines
            #expect(lines == expected.map { String(decoding: $0, as: UTF8.self) }, "\(bytes)")
        }
    }
}

@Suite struct ControlCharacterTests {
    /// The byte-level check agrees with the scalar rule for every scalar below U+0800, alone and in text.
    @Test func byteCheckAgreesWithScalarRule() {
        for value in UInt32(0)..<0x800 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "ab" + String(scalar) + "é", "é" + String(scalar)] {
                #expect(ControlCharacters.hasControl(text) == text.unicodeScalars.contains(where: ControlCharacters.isControl),
                        "U+\(String(value, radix: 16))")
            }
        }
        #expect(ControlCharacters.sanitize("a\u{1B}[31m b\u{9B}") == "a^[[31m b<U+009B>")
    }
}
