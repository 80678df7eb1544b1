import Foundation

/// HTML made readable as plain text (show notes in feeds): paragraphs and line breaks kept,
/// list items as `•`, links as `text (address)` when the text is not the address itself,
/// character references decoded, scripts, styles and comments dropped.
public enum HTMLText {
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
        var p = 0
        while p < bytes.count {
            guard bytes[p] == UInt8(ascii: "<") else {
                text.append(bytes[p])
                p += 1
                continue
            }
            guard let tag = Tag(bytes, at: p) else {
                text.append(bytes[p])
                p += 1
                continue
            }
            p = tag.end
            switch tag.name {
            case "!--":
                p = skip(bytes, from: p, past: Array("-->".utf8))
            case "script", "style":
                if !tag.closing { p = skip(bytes, from: p, past: Array("</\(tag.name)".utf8)); p = skip(bytes, from: p, past: [UInt8(ascii: ">")]) }
            case "br":
                breakLine(false)
            case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "table", "tr":
                breakLine(true)
            case "li":
                if !tag.closing {
                    breakLine(false)
                    flush()
                    out += "• "
                }
            case "a":
                flush()
                if !tag.closing, let href = tag.attribute("href") {
                    link = (CharacterReferences.decode(href), out.endIndex)
                } else if tag.closing, let open = link {
                    let shown = out[open.start...].trimmingCharacters(in: .whitespaces)
                    if !open.href.isEmpty, shown != open.href { out += " (\(open.href))" }
                    link = nil
                }
            default:
                break
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

    private static func skip(_ bytes: [UInt8], from start: Int, past pattern: [UInt8]) -> Int {
        var p = start
        while p + pattern.count <= bytes.count {
            if zip(bytes[p..<(p + pattern.count)], pattern).allSatisfy({ a, b in a == b || (a >= 0x41 && a <= 0x5A && a + 0x20 == b) }) {
                return p + pattern.count
            }
            p += 1
        }
        return bytes.count
    }

    /// A tag from its `<` to past its `>`: name (lower case), closing or not, attributes.
    private struct Tag {
        var name: String
        var closing: Bool
        var attributes: Substring
        var end: Int

        init?(_ bytes: [UInt8], at start: Int) {
            var p = start + 1
            if p < bytes.count, bytes[p] == UInt8(ascii: "!"), p + 2 < bytes.count, bytes[p + 1] == UInt8(ascii: "-"), bytes[p + 2] == UInt8(ascii: "-") {
                name = "!--"
                closing = false
                attributes = ""
                end = p + 3
                return
            }
            closing = p < bytes.count && bytes[p] == UInt8(ascii: "/")
            if closing { p += 1 }
            let nameStart = p
            while p < bytes.count, Self.isNameByte(bytes[p]) { p += 1 }
            guard p > nameStart || (p < bytes.count && (bytes[p] == UInt8(ascii: "!") || bytes[p] == UInt8(ascii: "?"))) else { return nil }
            name = String(decoding: bytes[nameStart..<p], as: UTF8.self).lowercased()
            let attributesStart = p
            var quote: UInt8 = 0
            while p < bytes.count {
                let b = bytes[p]
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quote = b
                } else if b == UInt8(ascii: ">") {
                    break
                }
                p += 1
            }
            attributes = Substring(String(decoding: bytes[attributesStart..<min(p, bytes.count)], as: UTF8.self))
            end = min(p + 1, bytes.count)
        }

        private static func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
        }

        /// The value of attribute `key` (quoted or not), as written.
        func attribute(_ key: String) -> String? {
            var rest = attributes[...]
            while let range = rest.range(of: key, options: .caseInsensitive) {
                let before = range.lowerBound == rest.startIndex ? " " : rest[rest.index(before: range.lowerBound)]
                var after = rest[range.upperBound...].drop { $0 == " " }
                rest = rest[range.upperBound...]
                guard before.isWhitespace || before == "\"" || before == "'", after.first == "=" else { continue }
                after = after.dropFirst().drop { $0 == " " }
                if let quote = after.first, quote == "\"" || quote == "'" {
                    return String(after.dropFirst().prefix { $0 != quote })
                }
                return String(after.prefix { !$0.isWhitespace && $0 != ">" })
            }
            return nil
        }
    }
}
