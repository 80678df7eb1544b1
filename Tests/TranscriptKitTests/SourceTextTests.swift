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

@Suite struct OutputTextTests {
    /// The byte-level test never misses a character the scalar rules replace: every scalar
    /// of the Basic Multilingual Plane and the tag characters, alone and in text.
    @Test func byteCheckNeverMissesAReplacedCharacter() {
        let values = Array(UInt32(0)..<0x10000) + Array(UInt32(0xE0000)...0xE007F)
        for value in values {
            guard let scalar = Unicode.Scalar(value), OutputText.isControl(scalar) || OutputText.isInvisible(scalar) else { continue }
            for text in [String(scalar), "ab" + String(scalar) + "é", "é" + String(scalar)] {
                #expect(OutputText.mayHold(text), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func peopleDataAndJSON() throws {
        let text = "a\u{1B}[31m b\u{9B} \u{202E}evil \u{2066}x\u{2069} z\u{200B}w \u{2028} \u{FEFF} \u{E0041} keep\u{200D}\u{200C}\u{200E}\u{200F}"
        #expect(OutputText.forPeople(text) == "a^[[31m b<U+009B> <U+202E>evil <U+2066>x<U+2069> z<U+200B>w <U+2028> <U+FEFF> <U+E0041> keep\u{200D}\u{200C}\u{200E}\u{200F}")
        // Data keeps every character but the controls.
        #expect(OutputText.forData(text) == "a^[[31m b<U+009B> \u{202E}evil \u{2066}x\u{2069} z\u{200B}w \u{2028} \u{FEFF} \u{E0041} keep\u{200D}\u{200C}\u{200E}\u{200F}")
        // JSON escapes them all and loses nothing.
        let encoded = OutputText.escapingJSON(String(decoding: try JSONEncoder().encode([text]), as: UTF8.self))
        #expect(!encoded.unicodeScalars.contains { OutputText.isControl($0) || OutputText.isInvisible($0) })
        #expect(encoded.contains("\\uDB40\\uDC41"))
        #expect(try JSONDecoder().decode([String].self, from: Data(encoded.utf8)) == [text])
    }
}
