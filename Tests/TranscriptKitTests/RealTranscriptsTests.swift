import Foundation
import Testing
@testable import TranscriptKit

/// Every file in ../shared/real-transcripts (transcripts real shows and tools publish),
/// checked against `Tests/Oracles/transcript_words.py`: an independent reading of the same
/// files, written from the formats' rules before podread's readers, with regular
/// expressions and Python's JSON and entity decoding. It gives every spoken word with its
/// speaker, the speaker turns, and the first and last times.
@Suite(.enabled(if: RealTranscripts.available, "../shared/real-transcripts or python3 is absent: real-transcript tests skipped"))
struct RealTranscriptsTests {
    struct Reading: Decodable {
        var words: [[String]]
        var turns: Int
        var first: Double
        var last: Double
    }

    static let oracle: [String: Reading] = {
        let output = RealTranscripts.run(["python3", Fixture.root.path + "/Tests/Oracles/transcript_words.py"] + RealTranscripts.files)
        return try! JSONDecoder().decode([String: Reading].self, from: Data(output.utf8))
    }()

    static func episode(_ path: String) -> Episode {
        CorpusLoader.load(file: path).transcript(of: 0)
    }

    /// Each word with the speaker as the file wrote it ("?" unknown), and whether podread is sure.
    static func words(of episode: Episode) -> [(speaker: String, word: String, certain: Bool)] {
        episode.utterances.flatMap { utterance -> [(String, String, Bool)] in
            let speaker = episode.speaker(of: utterance)
            let written = utterance.tag.isEmpty ? "?" : utterance.tag
            return utterance.paragraphs.flatMap { $0.split(whereSeparator: \.isWhitespace) }.map { (written, String($0), speaker.isCertain) }
        }
    }

    @Test(arguments: RealTranscripts.files)
    func wordsAndSpeakersAsTheOracleReadsThem(_ path: String) throws {
        let expected = try #require(Self.oracle[path])
        let episode = Self.episode(path)
        let read = Self.words(of: episode)
        let name = (path as NSString).lastPathComponent
        // No word lost or added: labels, tags and timestamps are not words.
        #expect(read.map(\.word) == expected.words.map { $0[1] }, "\(name)")
        guard read.count == expected.words.count else { return }
        let right = zip(read, expected.words).count { $0.speaker == $1[0] }
        #expect(expected.words.isEmpty || Double(right) >= 0.98 * Double(expected.words.count), "\(name): \(right) of \(read.count)")
        // No wrong name is ever marked certain.
        let wrongButSure = zip(read, expected.words).filter { $0.certain && $0.speaker != $1[0] }
        #expect(wrongButSure.isEmpty, "\(name): \(wrongButSure.prefix(3).map { "\($0.0.speaker) for \($0.1)" })")
        #expect(episode.errorCount == 0, "\(name): \(episode.messages(.error))")
    }

    @Test(arguments: RealTranscripts.files)
    func turnsAndTimesAsTheOracleReadsThem(_ path: String) throws {
        let expected = try #require(Self.oracle[path])
        let episode = Self.episode(path)
        let name = (path as NSString).lastPathComponent
        // A file with speakers and times but no words: its turns counted from the segments.
        let turns = name == "example-2020-f455271.json" ? 10 : expected.turns
        #expect(episode.utterances.count == turns, "\(name)")
        let first = episode.utterances.lazy.flatMap { $0.cues.isEmpty ? [$0.start] : $0.cues.map(\.start) }.first
        let timed = episode.utterances.first { !$0.timestamp.isEmpty }
        #expect(abs((first.flatMap { _ in timed?.start } ?? -1) - expected.first) < 0.0005, "\(name) first")
        #expect(abs(episode.duration - expected.last) < 0.0005, "\(name) last")
    }

    /// Export, import, export gives the same bytes for every real file, in each format.
    @Test(arguments: RealTranscripts.files)
    func exportImportExportRoundTrips(_ path: String) throws {
        let episode = Self.episode(path)
        let directory = Fixture.temporaryDirectory()
        for format in [TranscriptExport.Format.vtt, .srt, .json] {
            let first = try TranscriptExport.render(episode, as: format)
            let copy = directory + "/copy." + format.rawValue
            try Data(first.utf8).write(to: URL(fileURLWithPath: copy))
            let imported = Self.episode(copy)
            #expect(try TranscriptExport.render(imported, as: format) == first, "\((path as NSString).lastPathComponent) \(format)")
        }
    }
}

enum RealTranscripts {
    static let folder = Fixture.root.deletingLastPathComponent().appendingPathComponent("shared/real-transcripts").path

    static var available: Bool {
        FileManager.default.fileExists(atPath: folder + "/README.md") && !run(["python3", "-c", "print(1)"]).isEmpty
    }

    /// Every transcript file, by path.
    static let files: [String] = {
        guard let names = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] else { return [] }
        return names.filter { ["vtt", "srt", "json", "html", "md"].contains(($0 as NSString).pathExtension) && !$0.hasSuffix("README.md") }
            .sorted().map { folder + "/" + $0 }
    }()

    /// Standard output of a command (empty when it cannot run).
    static func run(_ arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : ""
    }
}
