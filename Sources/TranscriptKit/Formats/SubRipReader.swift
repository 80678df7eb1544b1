/// SubRip (`.srt`): numbered cues (gaps or no numbers are fine), `,` or `.` before the
/// milliseconds, hours optional, `<i>`, `<b>`, `<u>` and `<font>` removed, and a leading
/// `Name: ` or `[SPEAKER_00]: ` naming the speaker until the next name (`?: ` is an unknown
/// speaker).
enum SubRipReader {
    /// The tags SubRip files use; any other `<…>` is text.
    static let tags: Set<Substring> = ["i", "b", "u", "font"]

    static func read(_ lines: [String], file: String, diagnostics: inout [Diagnostic]) -> RawTranscript {
        CaptionBlocks.cues(lines, from: 0, file: file, diagnostics: &diagnostics) { cueLines in
            var text = cueLines.map { MarkupTags.strip($0[...]) { tags.contains($0) }.trimmedBlanks }
            var voice = RawTranscript.Cue.Voice.carried
            if let first = text.first, let (label, rest, bracketed) = SpeakerLabel.leading(first[...]) {
                voice = label.voice(bracketed: bracketed)
                text[0] = String(rest)
            }
            return [(voice, text)]
        }
    }
}
