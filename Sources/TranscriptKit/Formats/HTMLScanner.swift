/// HTML as tags and text, in order, from its bytes; comments, `<!…>`, `<?…>` and what
/// `<script>` and `<style>` hold are passed over. For Podcasting 2.0 HTML transcripts and
/// show notes (see `HTMLTranscriptReader`, `HTMLText`).
///
/// Hand-written: the package mirror has no HTML parser (SwiftSoup is not in it), and an
/// XML parser refuses real HTML (`<br>`, `&nbsp;`, unclosed `<p>`).
struct HTMLScanner {
    enum Token {
        case text(Range<Int>)
        /// A tag's name (lower case), its line, and where its attributes are.
        case open(Substring, line: Int, attributes: Range<Int>)
        case close(Substring)
    }

    let bytes: [UInt8]
    var p = 0
    var line = 1

    mutating func next() -> Token? {
        // A loop, not recursion: a million comments in a row must not exhaust the stack.
        while p < bytes.count {
            if bytes[p] != UInt8(ascii: "<") {
                let start = p
                while p < bytes.count, bytes[p] != UInt8(ascii: "<") { advance() }
                return .text(start..<p)
            }
            if starts("<!--") {
                skip(past: "-->")
                continue
            }
            let after = p + 1
            guard after < bytes.count else { p += 1; return .text((p - 1)..<p) }
            if bytes[after] == UInt8(ascii: "!") || bytes[after] == UInt8(ascii: "?") {
                skip(past: ">")
                continue
            }
            let closing = bytes[after] == UInt8(ascii: "/")
            let nameStart = closing ? after + 1 : after
            var nameEnd = nameStart
            while nameEnd < bytes.count, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            guard nameEnd > nameStart else {
                // A `<` that starts no tag is text.
                let start = p
                advance()
                return .text(start..<p)
            }
            let name = Substring(String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased())
            let tagLine = line
            skipTag(from: nameEnd)
            if closing { return .close(name) }
            let attributes = nameEnd..<max(nameEnd, p - 1)
            if name == "script" || name == "style" {
                skip(past: "</" + name)
                skip(past: ">")
                continue
            }
            return .open(name, line: tagLine, attributes: attributes)
        }
        return nil
    }

    private func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
    }

    private mutating func advance() {
        if bytes[p] == 0x0A { line += 1 }
        p += 1
    }

    private func starts(_ text: String) -> Bool {
        let pattern = Array(text.utf8)
        guard p + pattern.count <= bytes.count else { return false }
        for (k, b) in pattern.enumerated() {
            let c = bytes[p + k]
            if c != b, !(c >= 0x41 && c <= 0x5A && c + 0x20 == b) { return false }
        }
        return true
    }

    /// Past the next `text` (ASCII, any case), or to the end.
    private mutating func skip(past text: String) {
        let length = text.utf8.count
        while p < bytes.count {
            if starts(text) {
                for _ in 0..<length { advance() }
                return
            }
            advance()
        }
    }

    /// Past the tag's `>`, attributes and their quoted values included.
    private mutating func skipTag(from: Int) {
        while p < from { advance() }
        var quote: UInt8 = 0
        while p < bytes.count {
            let b = bytes[p]
            advance()
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return
            }
        }
    }

    /// The value of attribute `key` (quoted or not) in `range` of an `.open` token, as written.
    func attribute(_ key: String, in range: Range<Int>) -> String? {
        let attributes = String(decoding: bytes[range], as: UTF8.self)
        var rest = attributes[...]
        while let found = rest.range(of: key, options: .caseInsensitive) {
            let before = found.lowerBound == rest.startIndex ? " " : rest[rest.index(before: found.lowerBound)]
            var after = rest[found.upperBound...].drop { $0 == " " }
            rest = rest[found.upperBound...]
            guard before.isWhitespace || before == "\"" || before == "'", after.first == "=" else { continue }
            after = after.dropFirst().drop { $0 == " " }
            if let quote = after.first, quote == "\"" || quote == "'" {
                return String(after.dropFirst().prefix { $0 != quote })
            }
            return String(after.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" })
        }
        return nil
    }
}
