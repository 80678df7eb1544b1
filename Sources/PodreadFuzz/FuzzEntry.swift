import Foundation
import ReaderUI
import TranscriptKit

/// Parses one input as an episode file, beside a well-formed one, and resolves speakers
/// across both: the whole path a file from the corpus folder takes. The format is decided
/// by the content, so seeds of every format (episode pages, WebVTT, SubRip, JSON, HTML,
/// other shows' text) reach every reader; `.md` and `.txt` differ only in what a file no
/// reader recognises becomes.
func exercise(_ bytes: UnsafeRawBufferPointer) {
    let data = Data(bytes)
    for (n, name) in ["fuzz.md", "fuzz.txt"].enumerated() {
        var episodes = [
            EpisodeParser.parse(data: data, file: name),
            EpisodeParser.parse(text: "---\ntitle: Other\nhosts:\n  - name: Kris Nóva\n---\n[0:00:01] KN: hi\n", file: "other.md"),
        ]
        SpeakerResolver.resolve(&episodes)
        let episode = episodes[0]
        check(episode)
        // `.txt` differs only where no reader knows the file: checked, not exported again.
        if n == 1 { continue }
        _ = episode.utteranceIndex(covering: episode.duration / 2)
        _ = episode.speakerIndexes(matching: ["a", "KN", "SPEAKER_00"])
        EpisodeSummary.exercise([UInt8](data), episode: episode)
        for utterance in episode.utterances { _ = CueOffset.start(at: 1, in: utterance.cueOffsets, otherwise: utterance.start) }
        _ = SpeakerStatistics.of(episode)
        // Exports that must read back as written.
        for format in [TranscriptExport.Format.vtt, .srt, .json] { roundTrip(episode, as: format) }
        outputsAreSafe(episode)
    }
    numbersAreChecked(String(decoding: data.prefix(4096), as: UTF8.self))
    if let text = String(data: data.prefix(64), encoding: .utf8) { _ = TimeFormat.parseInput(text) }
    let text = String(decoding: data.prefix(4096), as: UTF8.self)
    // Feeds' show notes, and what an OPML export writes of a feed's text.
    _ = HTMLText.readable(String(decoding: data.prefix(65536), as: UTF8.self))
    precondition(!OutputText.forXML(text).unicodeScalars.contains { OutputText.isControl($0) || OutputText.isInvisible($0) || $0 == "<" },
                 "forXML let a character through")
}

/// No raw control or invisible character in anything people read (the text sanitiser, the
/// reader's grid), none escaped wrongly in JSON, no control in an export.
func outputsAreSafe(_ episode: Episode) {
    func bad(_ text: String, invisibleToo: Bool) -> Bool {
        text.unicodeScalars.contains { ($0 != "\n" && OutputText.isControl($0)) || (invisibleToo && OutputText.isInvisible($0)) }
    }
    let raw = episode.utterances.prefix(20).map(\.text).joined(separator: " ") + episode.title + episode.speakers.map(\.name).joined()
    precondition(!bad(OutputText.forPeople(raw), invisibleToo: true), "forPeople let a character through")
    precondition(!bad(OutputText.forData(raw), invisibleToo: false), "forData let a control through")
    if let json = try? JSONReports.encode(JSONReports.Show(episode, utterances: Array(episode.utterances.prefix(20)))) {
        precondition(!bad(json, invisibleToo: true), "JSON left a character raw")
    }
    for format in TranscriptExport.Format.allCases {
        guard let text = try? TranscriptExport.render(episode, only: Array(episode.utterances.indices.prefix(20)), as: format) else { continue }
        precondition(!bad(text, invisibleToo: format == .json), "the \(format.rawValue) export let a character through")
    }
    let corpus = Corpus(directory: "fuzz", transcripts: [episode])
    var state = ReaderState(corpus: corpus, width: 100, height: 30)
    // As the program does: a transcript asked for is read and handed back.
    func apply(_ action: Action) {
        for case let .readTranscript(index, file) in update(&state, action) {
            apply(.transcriptRead(episode: index, file: file, Delivered(corpus.transcript(of: index))))
        }
    }
    for action in [Action.start, .key(.tab), .key(.char("?")), .key(.escape), .key(.char("i"))] {
        apply(action)
        let grid = render(state)
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                precondition(!bad(grid[x, y].text, invisibleToo: true), "the reader drew a raw character")
            }
        }
    }
}

/// Every time parser, on any text: nothing past 1,000 hours, nothing negative or not finite.
func numbersAreChecked(_ text: String) {
    func inRange(_ value: Double?) -> Bool { value.map { $0.isFinite && $0 >= 0 && $0 <= TimeFormat.latest } ?? true }
    for line in text.split(separator: "\n").prefix(50) {
        let line = String(line)
        precondition(inRange(TimeFormat.parseDuration(line)), "parseDuration out of range")
        if case let .absolute(value)? = TimeFormat.parseInput(line) { precondition(inRange(value)) }
        if let timing = CueTiming(line) { precondition(inRange(timing.start) && inRange(timing.end), "a cue timing out of range") }
        _ = TimeFormat.clock(Double(line) ?? .nan)
        _ = TimeFormat.longClock(Double(line) ?? .infinity)
    }
}

/// What every reading must hold: indexes in range, times finite and in range, cues inside
/// their paragraphs.
func check(_ episode: Episode) {
    for utterance in episode.utterances {
        precondition(utterance.speakerIndex >= 0 && utterance.speakerIndex < episode.speakers.count)
        precondition(utterance.line >= 1)
        precondition(utterance.start.isFinite && utterance.start >= 0)
        for cue in utterance.cues {
            precondition(utterance.paragraphs.indices.contains(cue.paragraph), "a cue outside its utterance")
            let length = utterance.paragraphs[cue.paragraph].utf8.count
            precondition(cue.range.lowerBound >= 0 && cue.range.upperBound <= length, "a cue outside its paragraph")
            precondition(cue.lineBreaks.allSatisfy(cue.range.contains), "a line break outside its cue")
            precondition(cue.start.isFinite && cue.start >= 0 && cue.start <= TimeFormat.latest)
            if let end = cue.end { precondition(end >= cue.start && end <= TimeFormat.latest, "a cue ends before it starts") }
            _ = utterance.lines(of: cue)
        }
    }
    precondition(episode.duration.isFinite && episode.duration >= 0)
    for section in episode.sections { precondition(section.firstUtterance >= 0 && section.firstUtterance <= episode.utterances.count) }
    for diagnostic in episode.diagnostics { precondition(diagnostic.line >= 1) }
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
