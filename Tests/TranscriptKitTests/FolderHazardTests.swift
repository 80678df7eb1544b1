import Foundation
import Testing
@testable import TranscriptKit

/// Things a corpus folder can contain besides episode files, and YAML built to hurt.
@Suite struct FolderHazardTests {
    @Test func linksPipesFoldersAndUnreadableFilesBesideGoodEpisodes() throws {
        let dir = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        Fixture.write(Fixture.minimalHeader + "[0:00:01] JR: good\n", to: dir + "/001-good.md")
        try FileManager.default.createSymbolicLink(atPath: dir + "/002-loop.md", withDestinationPath: dir + "/002-loop.md")
        try FileManager.default.createSymbolicLink(atPath: dir + "/003-dangling.md", withDestinationPath: dir + "/nowhere.md")
        #expect(mkfifo(dir + "/004-pipe.md", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: dir + "/005-folder.md", withIntermediateDirectories: false)
        Fixture.write(Fixture.minimalHeader + "[0:00:01] JR: locked\n", to: dir + "/006-locked.md")
        chmod(dir + "/006-locked.md", 0)
        Fixture.write(Fixture.minimalHeader + "[0:00:01] KN: also good\n", to: dir + "/007-good.md")

        let start = Date()
        let corpus = try CorpusLoader.load(directory: dir)
        #expect(Date().timeIntervalSince(start) < 10)   // the FIFO must not block the loader
        let byName = Dictionary(uniqueKeysWithValues: corpus.episodes.map { (($0.file as NSString).lastPathComponent, $0) })
        #expect(byName["001-good.md"]?.utteranceCount == 1)
        #expect(byName["007-good.md"]?.utteranceCount == 1)
        #expect(byName["002-loop.md"]?.messages(.error).first?.contains("cannot read the file") == true)
        #expect(byName["003-dangling.md"]?.messages(.error).first?.contains("No such file") == true)
        #expect(byName["004-pipe.md"]?.messages(.error) == ["not a regular file (a pipe); skipped"])
        #expect(byName["005-folder.md"]?.messages(.error) == ["not a regular file (a folder); skipped"])
        if geteuid() != 0 {
            #expect(byName["006-locked.md"]?.messages(.error).first?.contains("Permission denied") == true)
        }
        for episode in corpus.episodes { #expect(episode.diagnostics.allSatisfy { $0.line >= 1 && $0.file == episode.file }) }
    }

    /// A folder's stamps, taken from its one listing, are each file's own `FileStamp(path:)`:
    /// a sidecar counted where there is one, and a link to nowhere not stamped.
    @Test func aFolderIsStampedAsEachOfItsFilesIs() throws {
        let dir = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        Fixture.write(Fixture.minimalHeader + "[0:00:01] JR: one\n", to: dir + "/001-one.md")
        Fixture.write("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", to: dir + "/002-two.vtt")
        Fixture.write("title: Two\n", to: dir + "/002-two.yaml")
        Fixture.write("1\n00:00:01,000 --> 00:00:02,000\nHi\n", to: dir + "/003-three.srt")
        Fixture.write("not an episode\n", to: dir + "/README.md")
        Fixture.write("hidden\n", to: dir + "/.004-hidden.md")
        try FileManager.default.createSymbolicLink(atPath: dir + "/005-dangling.md", withDestinationPath: dir + "/nowhere.md")

        var listing = try FolderListing(dir)
        #expect(listing.episodeFiles == ["001-one.md", "002-two.vtt", "003-three.srt", "005-dangling.md"])
        var stamps = listing.episodeStamps()
        #expect(stamps == listing.episodePaths.map { FileStamp(path: $0) })
        #expect(stamps[3] == nil)
        let withSidecar = stamps[1]

        try FileManager.default.removeItem(atPath: dir + "/002-two.yaml")
        listing = try FolderListing(dir)
        stamps = listing.episodeStamps()
        #expect(stamps == listing.episodePaths.map { FileStamp(path: $0) })
        #expect(stamps[1] != withSidecar)
        #expect(stamps[1]?.size == 35)   // the WebVTT file's own 35 bytes, no sidecar
    }

    @Test func anEmptyFolderIsAnEmptyCorpus() throws {
        let dir = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let corpus = try CorpusLoader.load(directory: dir)
        #expect(corpus.episodes.isEmpty)
        #expect(corpus.allDiagnostics.isEmpty)
    }

    @Test func deepBlockNestingIsRefused() {
        var nested = "---\ntitle: x\nhosts:\n"
        for level in 0..<5000 { nested += String(repeating: " ", count: min(level, 600)) + "a:\n" }
        nested += "---\n[0:00:01] A: hi\n"
        let a = Fixture.episode(nested)
        #expect(a.diagnostics.contains { $0.severity == .error && $0.message.contains("front matter rejected") })
        #expect(a.utterances.count == 1)

        let dashes = "---\ntitle: " + "x\nlist:\n" + String(repeating: "- ", count: 50_000) + "x\n---\n[0:00:01] A: hi\n"
        let b = Fixture.episode(dashes)
        #expect(b.diagnostics.contains { $0.message.contains("nested more than") })

        // An apostrophe in a plain scalar must not hide brackets from the guard.
        let apostrophe = "---\ntitle: it's\nhosts: " + String(repeating: "[", count: 50_000) + "\n---\n"
        let c = Fixture.episode(apostrophe)
        #expect(c.diagnostics.contains { $0.message.contains("nested more than") })
    }

    @Test func hugeFrontMatterIsRefusedButTheTranscriptKept() {
        let text = "---\ntitle: big\nnotes: " + String(repeating: "word ", count: 300_000) + "\n---\n[0:00:01] A: hi\n"
        let episode = Fixture.episode(text)
        #expect(episode.diagnostics.contains { $0.message.contains("larger than 1 MB") })
        #expect(episode.title == "big")
        #expect(episode.utterances.count == 1)
    }

    @Test func yamlWithApostrophesStillParses() {
        let episode = Fixture.episode("---\ntitle: Joe's talk\ndescription: it's [fine]\nepisode_number: 3\n---\n")
        #expect(episode.title == "Joe's talk")
        #expect(episode.description == "it's [fine]")
        #expect(episode.errorCount == 0)
    }
}
