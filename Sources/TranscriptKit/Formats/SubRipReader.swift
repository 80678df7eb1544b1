/// SubRip (`.srt`): numbered cues (gaps or no numbers are fine), `,` or `.` before the
/// milliseconds, hours optional, `<i>`, `<b>`, `<u>` and `<font>` removed, and a leading
/// `Name: ` or `[SPEAKER_00]: ` naming the speaker until the next name (`?: ` is an unknown
/// speaker).
enum SubRipReader {
    /// The tags SubRip files use; any other `<…>` is text.
    static let tags: Set<Substring> = ["i", "b", "u", "font"]

    static func read(_ lines: [String], file: String, diagnostics: inout [Diagnostic]) -> RawTranscript {
        var raw = RawTranscript()
        var i = 0
        while i < lines.count {
            if CaptionBlocks.isBlank(lines[i]) {
                i += 1
                continue
            }
            guard let (timing, at) = CaptionBlocks.timing(lines, at: i) else {
                CaptionBlocks.skipped(lines, at: i, file: file, diagnostics: &diagnostics)
                i = CaptionBlocks.skipBlock(lines, from: i)
                continue
            }
            let end = CaptionBlocks.textEnd(lines, from: at + 1)
            var text = lines[(at + 1)..<end].map { MarkupTags.strip($0[...]) { tags.contains($0) }.trimmedBlanks }
            var voice = RawTranscript.Cue.Voice.carried
            if let first = text.first, let (label, rest, bracketed) = SpeakerLabel.leading(first[...]) {
                voice = label.voice(bracketed: bracketed)
                text[0] = String(rest)
            }
            raw.cues.append(RawTranscript.Cue(voice: voice, start: timing.start, end: timing.end, timestamp: timing.startText,
                                              lines: text, line: at + 1))
            i = end
        }
        return raw
    }
}
