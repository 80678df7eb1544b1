import Foundation
import Testing
@testable import TranscriptKit

/// The adversarial files of `make-corpus --hostile`, plus the generator's own truth for
/// the ordinary episodes it writes beside them (its --manifest).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Fixture.makeCorpus), "../shared/tools/make-corpus is absent: hostile-corpus tests skipped"))
struct HostileCorpusTests {
    struct ManifestEntry: Decodable {
        let file: String
        let utterances: Int
        let speakers: [String: Int]
    }

    static let directory: String = {
        // One fixed folder, rewritten on every run, so runs leave nothing behind but it.
        let dir = NSTemporaryDirectory() + "podread-hostile-corpus"
        try? FileManager.default.removeItem(atPath: dir)
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // system(3), not Process: it waits for the generator with a plain waitpid.
        let command = "python3 '\(Fixture.makeCorpus)' --episodes 4 --out '\(dir)' --hostile --huge-mb 20 --seed 7 --manifest '\(dir)/manifest.jsonl' --quiet"
        _ = system(command)
        return dir
    }()

    static let corpus: Corpus = try! CorpusLoader.load(directory: directory)
    /// Every episode whole.
    static let episodes = corpus.transcripts()

    @Test func everyHostileFileLoadsWithADiagnostic() {
        let hostile = Self.episodes.filter { ($0.file as NSString).lastPathComponent.hasPrefix("hostile-") }
        #expect(hostile.count >= 30)
        // Files that are merely unusual but well-formed may have no diagnostic; all others must.
        let mayBeClean: Set<String> = ["hostile-02-crlf-line-endings.md", "hostile-03-utf8-bom.md",
                                        "hostile-09-escape-esc-2J-clear-screen.md", "hostile-10-escape-osc0-set-window-title.md",
                                        "hostile-11-escape-osc52-clipboard-write.md", "hostile-12-escape-c1-csi-u009b.md",
                                        "hostile-15-long-line-100k-chars-no-spaces.md", "hostile-29-unicode-line-separators-nel-ls-ps.md",
                                        "hostile-32-bidi-override-characters.md", "hostile-08-huge-20mb-single-episode.md",
                                        "hostile-17-timestamp-hours-over-99.md", "hostile-14-tabs-everywhere.md",
                                        "hostile-28-cr-only-line-endings.md"]
        for episode in hostile {
            let name = (episode.file as NSString).lastPathComponent
            if !mayBeClean.contains(name) {
                #expect(!episode.diagnostics.isEmpty, "\(name) has no diagnostic")
            }
            for diagnostic in episode.diagnostics {
                #expect(diagnostic.line >= 1)
                #expect(diagnostic.file == episode.file)
            }
        }
    }

    @Test func goodEpisodesMatchTheGeneratorsManifest() throws {
        let text = try String(contentsOfFile: Self.directory + "/manifest.jsonl", encoding: .utf8)
        let entries = try text.split(separator: "\n").map { try JSONDecoder().decode(ManifestEntry.self, from: Data($0.utf8)) }
        #expect(entries.count >= 4)
        for entry in entries where !entry.file.hasPrefix("hostile-") {
            let episode = try #require(Self.episodes.first { $0.file.hasSuffix("/" + entry.file) })
            #expect(episode.utterances.count == entry.utterances, "\(entry.file)")
            #expect(Set(episode.speakers.map(\.tag)) == Set(entry.speakers.keys.map { SpeakerTag.normalize($0) }), "\(entry.file)")
            #expect(episode.errorCount == 0, "\(entry.file)")
        }
    }

    func episode(_ prefix: String) throws -> Episode {
        try #require(Self.episodes.first { ($0.file as NSString).lastPathComponent.hasPrefix(prefix) })
    }

    @Test func specificHostileCases() throws {
        #expect(try episode("hostile-05").messages(.error) == ["the file is empty"])
        #expect(try episode("hostile-22").diagnostics.first?.message.contains("not a UTF-8 text file") == true)
        #expect(try episode("hostile-01").diagnostics.contains { $0.severity == .error && $0.message.contains("invalid UTF-8") })
        #expect(try episode("hostile-04").diagnostics.contains { $0.message.contains("not closed") })
        #expect(try episode("hostile-04").utterances.count > 10)
        #expect(try episode("hostile-30").diagnostics.contains { $0.message.contains("'title' should be text") })
        #expect(try episode("hostile-31").errorCount == 1)
        #expect(try episode("hostile-28").utterances.count > 10)
        let huge = try episode("hostile-08")
        #expect(huge.utterances.count > 10_000)
        let malformed = try episode("hostile-23")
        for fragment in ["not closed", "stray characters", "no ':' after", "minutes out of range", "seconds out of range",
                         "no brackets", "parentheses", "not in capitals", "no speaker tag", "line after its timestamp"] {
            #expect(malformed.diagnostics.contains { $0.message.contains(fragment) }, "\(fragment)")
        }
    }

    /// Export, import, export gives the same bytes for every hostile file too (escapes, line
    /// separators, hours over 99, a 20 MB episode).
    @Test func exportImportExportRoundTrips() throws {
        let directory = Fixture.temporaryDirectory()
        for episode in Self.episodes where !episode.utterances.isEmpty {
            for format in [TranscriptExport.Format.vtt, .srt, .json] {
                let first = try TranscriptExport.render(episode, as: format)
                let path = directory + "/e." + format.rawValue
                try Data(first.utf8).write(to: URL(fileURLWithPath: path))
                let imported = CorpusLoader.load(file: path).transcript(of: 0)
                #expect(TranscriptExport.cues(imported).count == TranscriptExport.cues(episode).count, "\(episode.id) \(format)")
                let second = try TranscriptExport.render(imported, as: format)
                #expect(second == first, "\(episode.id) \(format)")
            }
        }
    }

    @Test func duplicateNumbersAreFlagged() throws {
        #expect(try episode("hostile-18-duplicate-episode-number-b").diagnostics.contains { $0.message.contains("also used by") })
    }
}
