import Foundation

/// HTML made readable as plain text (show notes in feeds): paragraphs and line breaks kept,
/// list items as `•`, links as `text (address)` when the text is not the address itself,
/// character references decoded, scripts, styles and comments dropped.
public enum HTMLText {
    /// Elements that stand as blocks: a blank line before and after.
    private static let blocks: Set<Substring> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "table", "tr"]

    public static func readable(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out = ""
        var text: [UInt8] = []
        var link: (href: String, start: String.Index)?
        func flush() {
            guard !text.isEmpty else { return }
            out += CharacterReferences.decode(collapse(String(decoding: text, as: UTF8.self), after: out))
            text = []
        }
        func breakLine(_ blank: Bool) {
            flush()
            while out.last == " " { out.removeLast() }
            guard !out.isEmpty else { return }
            let want = blank ? "\n\n" : "\n"
            if !out.hasSuffix(want) { out += out.hasSuffix("\n") ? "\n" : want }
        }
        var scanner = HTMLScanner(bytes: bytes)
        while let token = scanner.next() {
            switch token {
            case let .text(range):
                text += bytes[range]
            case let .open(name, _, attributes):
                switch name {
                case "br": breakLine(false)
                case "li":
                    breakLine(false)
                    flush()
                    out += "• "
                case "a":
                    flush()
                    if let href = scanner.attribute("href", in: attributes) { link = (CharacterReferences.decode(href), out.endIndex) }
                default:
                    if blocks.contains(name) { breakLine(true) }
                }
            case let .close(name):
                if name == "a", let open = link {
                    flush()
                    let shown = out[open.start...].trimmingCharacters(in: .whitespaces)
                    if !open.href.isEmpty, shown != open.href { out += " (\(open.href))" }
                    link = nil
                } else if blocks.contains(name) {
                    breakLine(true)
                }
            }
        }
        flush()
        return out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs of white space as one space (none at the start of a line).
    private static func collapse(_ text: String, after out: String) -> String {
        var result = ""
        var space = out.isEmpty || out.last == " " || out.last == "\n"
        for character in text {
            if character.isWhitespace {
                if !space { result.append(" ") }
                space = true
            } else {
                result.append(character)
                space = false
            }
        }
        return result
    }
}
