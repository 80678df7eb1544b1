/// WebVTT as the W3C spec and real feeds write it: a `WEBVTT` header, `NOTE`, `STYLE` and
/// `REGION` blocks, cues with an optional identifier and settings after the times,
/// `<v Name>` or `<v.class Name>` voices (a line starting with one changes the speaker
/// within the cue), a leading `Name: ` or `[SPEAKER_00]: ` where there is no voice, inline
/// tags removed (`<c>`, `<i>`, `<b>`, `<u>`, `<lang>`, `<ruby>`, `<00:00:01.000>`), every
/// character reference decoded. A timing line inside a cue starts the next cue.
enum WebVTTReader {
    static func read(_ lines: [String], file: String, diagnostics: inout [Diagnostic]) -> RawTranscript {
        // Blank lines before the header are forgiven.
        let header = lines.firstIndex { !CaptionBlocks.isBlank($0) } ?? 0
        guard header < lines.count, lines[header].hasPrefix("WEBVTT") else {
            diagnostics.append(Diagnostic(file: file, line: header + 1, severity: .error, message: "not a WebVTT file: it should start with 'WEBVTT'"))
            return RawTranscript()
        }
        return CaptionBlocks.cues(lines, from: CaptionBlocks.skipBlock(lines, from: header), file: file, diagnostics: &diagnostics,
                                  skipping: { line in ["NOTE", "STYLE", "REGION"].contains { CaptionBlocks.starts(line, with: $0) } },
                                  parts: voices)
    }

    /// The cue's text split where a line starts with a voice, each part with its speaker.
    static func voices(_ lines: ArraySlice<String>) -> [(RawTranscript.Cue.Voice, [String])] {
        var parts: [(RawTranscript.Cue.Voice, [String])] = []
        for line in lines {
            var text = line[...]
            if let (voice, rest) = leadingVoice(text) {
                parts.append((voice, []))
                text = rest
            } else if parts.isEmpty {
                var voice = RawTranscript.Cue.Voice.carried
                let plain = plainText(text)
                if let (label, rest, bracketed) = SpeakerLabel.leading(plain[...]) {
                    voice = label.voice(bracketed: bracketed)
                    parts.append((voice, rest.isEmpty ? [] : [String(rest)]))
                    continue
                }
                parts.append((voice, []))
            }
            let plain = plainText(text)
            if !plain.isEmpty { parts[parts.count - 1].1.append(plain) }
        }
        return parts.isEmpty ? [(.carried, [])] : parts
    }

    /// `<v Name>` or `<v.loud Name>` at the start of the line, and the text after it.
    private static func leadingVoice(_ line: Substring) -> (RawTranscript.Cue.Voice, Substring)? {
        // On bytes: a combining mark after `>` or a space must not hide them.
        let utf8 = line.utf8
        guard utf8.starts(with: "<v".utf8), let close = utf8.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let afterV = utf8.index(utf8.startIndex, offsetBy: 2)
        guard afterV < close, [UInt8(ascii: " "), UInt8(ascii: "."), 0x09].contains(utf8[afterV]) else { return nil }
        // Classes run up to the first space; the name is the rest, decoded, then trimmed.
        guard let space = utf8[afterV..<close].firstIndex(where: { $0 == 0x20 || $0 == 0x09 }) else {
            return (.carried, line[utf8.index(after: close)...])
        }
        let name = CharacterReferences.decode(String(line[space..<close])).trimmedSpaces
        let voice: RawTranscript.Cue.Voice = name.isEmpty ? .carried : name == "?" ? .unknown : .named(name, explicit: true)
        return (voice, line[utf8.index(after: close)...])
    }

    /// Tags removed, then references decoded (so an `&lt;` never becomes a tag). A ruby's
    /// annotation (`<rt>…</rt>`, how to say the text) is not part of what is said.
    static func plainText(_ text: Substring) -> String {
        CharacterReferences.decode(MarkupTags.strip(text, removes: { _ in true }, dropping: ["rt"])).trimmedBlanks
    }
}
