/// Podcasting 2.0 HTML transcripts: `<cite>Name:</cite>`, `<time>0:00</time>` and
/// `<p>…</p>`, a name holding until the next one, with or without times. Markup inside a
/// paragraph is removed (`<br>` breaks the line), every character reference decoded, and
/// nothing in `<script>`, `<style>` or a comment is ever read (see `HTMLScanner`). A web
/// page with no `<cite>` or `<time>` is not a transcript.
enum HTMLTranscriptReader {
    static func read(_ bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) -> RawTranscript? {
        var scanner = HTMLScanner(bytes: bytes)
        var raw = RawTranscript()
        raw.paragraphsFromGaps = false
        var structured = false
        var wholePage = false
        var voice = RawTranscript.Cue.Voice.carried
        var time: (Double, String)?
        var capture: (element: Substring, line: Int)?
        var text: [UInt8] = []
        var budget = DiagnosticBudget(file: file)
        // A `<cite>` or `<time>` inside a paragraph: the paragraph goes on after it.
        var resumeParagraph = false

        func close() {
            guard let open = capture else { return }
            capture = nil
            let content = String(decoding: text, as: UTF8.self)
            text = []
            switch open.element {
            case "cite":
                var name = collapse(content)
                while name.hasSuffix(":") { name.removeLast() }
                name = name.trimmedSpaces
                voice = name.isEmpty ? .carried : name == "?" ? .unknown : .named(name, explicit: true)
            case "time":
                var written = collapse(content)
                var at = 0
                if let seconds = written.withUTF8({ bytes in CueTiming.clock(bytes, &at).flatMap { at == bytes.count ? $0 : nil } }) {
                    time = (seconds, written)
                } else {
                    budget.warn(open.line, "'\(written.prefix(40))' in <time> is not a time; the paragraph is untimed", into: &diagnostics)
                }
            default:
                let lines = content.utf8.split(separator: 0x0A).map { collapse(String(Substring($0))) }.filter { !$0.isEmpty }
                // An empty paragraph leaves its name and time to the next one.
                if lines.isEmpty { return }
                raw.cues.append(RawTranscript.Cue(voice: voice, start: time?.0, timestamp: time?.1 ?? "", lines: lines,
                                                  line: open.line, startsParagraph: true))
                voice = .carried
                time = nil
            }
        }

        while let token = scanner.next() {
            switch token {
            case let .text(range):
                // Line ends in the source are spaces; only `<br>` breaks a line.
                if capture != nil { text += bytes[range].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 } }
            case let .open(name, line, _):
                switch name {
                case "cite", "time", "p":
                    resumeParagraph = name != "p" && capture?.element == "p"
                    close()
                    structured = structured || name != "p"
                    capture = (name, line)
                case "br":
                    if capture != nil { text.append(0x0A) }
                case "html", "body", "head":
                    wholePage = true
                default:
                    break
                }
            case let .close(name):
                if name == capture?.element || name == "body" {
                    close()
                    if resumeParagraph, name != "body" { capture = ("p", scanner.line) }
                    resumeParagraph = false
                }
            }
        }
        close()
        budget.finish(into: &diagnostics)
        guard structured || (!wholePage && !raw.cues.isEmpty) else {
            diagnostics.append(Diagnostic(file: file, line: 1, severity: .warning,
                message: "an HTML page with no transcript in it (no <cite> or <time>, as Podcasting 2.0 HTML transcripts have); skipped"))
            return nil
        }
        return raw
    }

    /// Entities decoded, runs of white space made one space.
    private static func collapse(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                if let last = out.last, last != 0x20 { out.append(0x20) }
            } else {
                out.append(byte)
            }
        }
        if out.last == 0x20 { out.removeLast() }
        return CharacterReferences.decode(String(decoding: out, as: UTF8.self))
    }
}
