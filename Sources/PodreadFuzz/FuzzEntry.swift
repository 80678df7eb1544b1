import Foundation
import TranscriptKit

/// Parses one input as an episode file, beside a well-formed one, and resolves speakers
/// across both: the whole path a file from the corpus folder takes.
func exercise(_ bytes: UnsafeRawBufferPointer) {
    let data = Data(bytes)
    var episodes = [
        EpisodeParser.parse(data: data, file: "fuzz.md"),
        EpisodeParser.parse(text: "---\ntitle: Other\nhosts:\n  - name: Kris Nóva\n---\n[0:00:01] KN: hi\n", file: "other.md"),
    ]
    SpeakerResolver.resolve(&episodes)
    let episode = episodes[0]
    for utterance in episode.utterances {
        precondition(utterance.speakerIndex >= 0 && utterance.speakerIndex < episode.speakers.count)
        precondition(utterance.line >= 1)
        precondition(utterance.start.isFinite && utterance.start >= 0)
    }
    for diagnostic in episode.diagnostics { precondition(diagnostic.line >= 1) }
    _ = episode.utteranceIndex(covering: episode.duration / 2)
    _ = episode.speakerIndexes(matching: ["a", "KN"])
    if let text = String(data: data.prefix(64), encoding: .utf8) { _ = TimeFormat.parseInput(text) }
    SummaryCache.exercise([UInt8](data), episode: episodes[0])
    TrigramFilter.exercise(episode)
    // Exports that must read back as written; the same bytes as an imported transcript, and
    // its export too.
    for format in [TranscriptExport.Format.vtt, .srt, .json] {
        roundTrip(episode, as: format)
        var imported = [EpisodeParser.parse(data: data, file: "fuzz." + format.rawValue)]
        SpeakerResolver.resolve(&imported)
        for utterance in imported[0].utterances { precondition(utterance.speakerIndex < imported[0].speakers.count) }
        roundTrip(imported[0], as: format)
    }
    let text = String(decoding: data.prefix(4096), as: UTF8.self)
    if let query = SearchQuery(typed: "krakow \"the team\""), !query.mayMatch(text: text) {
        precondition(!query.matches(text), "the search prefilter dropped a match")
    }
}

/// Export, import, export must give the same bytes.
func roundTrip(_ episode: Episode, as format: TranscriptExport.Format) {
    guard let first = try? TranscriptExport.render(episode, as: format) else { return }
    var back = [EpisodeParser.parse(data: Data(first.utf8), file: "fuzz." + format.rawValue)]
    SpeakerResolver.resolve(&back)
    let second = try? TranscriptExport.render(back[0], as: format)
    if second != first, let dump = ProcessInfo.processInfo.environment["FUZZ_DUMP"] {
        try? first.write(toFile: dump + ".first", atomically: true, encoding: .utf8)
        try? (second ?? "").write(toFile: dump + ".second", atomically: true, encoding: .utf8)
    }
    precondition(second == first, "export, import, export changed the \(format.rawValue)")
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTest(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    exercise(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
#else
/// Without libFuzzer: replays files (e.g. a crash a fuzzing run saved) through the same path.
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            data.withUnsafeBytes { exercise($0) }
            print("ok \(path)")
        }
    }
}
#endif
