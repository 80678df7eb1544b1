/// The one sanitiser between untrusted text (from a file, a file or folder name, an
/// argument, an error) and any output. Controls (C0, DEL, C1) must never reach a terminal;
/// invisible characters that reorder or hide text (bidi embeddings, overrides and isolates,
/// the zero-width space, word joiner and invisible operators, line and paragraph separators,
/// a BOM, tag characters) must never mislead a reader. ZWJ, ZWNJ, LRM and RLM are text in
/// many scripts and in emoji, and stay.
public enum OutputText {
    /// C0, DEL or C1 (tab included: callers decide what a tab becomes).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200B, 0x2028, 0x2029, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0xE0000...0xE007F:
            return true
        default:
            return false
        }
    }

    /// Caret notation for C0 and DEL (`^[`, `^@`, `^?`), `<U+009B>` style for the rest.
    public static func placeholder(for scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0..<0x20: return "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
        case 0x7F: return "^?"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
        }
    }

    /// For people (the terminal, stdout and stderr of every command): controls and invisible
    /// characters as placeholders; a tab is a space unless `keepingTabs`.
    public static func forPeople(_ text: String, keepingTabs: Bool = false) -> String {
        replacing(text, keepingTabs: keepingTabs) { isControl($0) || isInvisible($0) }
    }

    /// For data (exported transcripts): controls as placeholders, a tab as a space unless
    /// `keepingTabs`; every other character as it is.
    public static func forData(_ text: String, keepingTabs: Bool = false) -> String {
        replacing(text, keepingTabs: keepingTabs, isControl)
    }

    /// JSON as an encoder wrote it, with what it leaves raw escaped as `\uXXXX` (a pair of
    /// them past U+FFFF): DEL, C1 and the invisible characters. Lossless; they can only be
    /// inside strings, as JSON's structure is ASCII.
    public static func escapingJSON(_ json: String) -> String {
        guard mayHold(json) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if escapedInJSON(scalar) { appendJSONEscape(scalar, to: &out) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// A JSON string literal of `text`, quoted, escaped as an encoder would and as
    /// `escapingJSON` then would: for JSON written by hand where an encoder is too slow
    /// (a search's every result).
    public static func jsonString(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        // Runs that need nothing are copied whole: most text is one run.
        var run = scalars.startIndex
        var at = run
        while at != scalars.endIndex {
            let scalar = scalars[at]
            let plain = scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" && (scalar.value < 0x7F || !escapedInJSON(scalar))
            if !plain {
                out += String(scalars[run..<at])
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    var escaped = String.UnicodeScalarView()
                    appendJSONEscape(scalar, to: &escaped)
                    out += String(escaped)
                }
                run = scalars.index(after: at)
            }
            at = scalars.index(after: at)
        }
        out += String(scalars[run..<scalars.endIndex])
        return out + "\""
    }

    /// What JSON encoders leave raw but a terminal would act on: DEL, C1, invisible characters.
    private static func escapedInJSON(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || isInvisible(scalar)
    }

    private static func appendJSONEscape(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        for unit in String(scalar).utf16 {
            let hex = String(unit, radix: 16, uppercase: true)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
    }

    /// One XML attribute or element value (an OPML export): markup escaped; controls, which
    /// XML 1.0 cannot hold, as placeholders (a tab or line break as a space); invisible
    /// characters as character references (`&#x202E;`), lossless and inert on a terminal.
    public static func forXML(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out += " "
            default:
                if isControl(scalar) {
                    out += placeholder(for: scalar)
                } else if isInvisible(scalar) {
                    out += "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Whether `text` may hold a character to replace, from its bytes: a control byte, DEL,
    /// or the lead byte of C1 (`C2`), U+061C (`D8`), U+2000–U+2FFF (`E2`), U+FEFF (`EF`) or a
    /// tag character (`F3`).
    static func mayHold(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 || byte == 0xEF || byte == 0xF3 {
                return true
            }
            return false
        }
    }

    private static func replacing(_ text: String, keepingTabs: Bool, _ replaced: (Unicode.Scalar) -> Bool) -> String {
        guard mayHold(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                result.append(keepingTabs ? "\t" : " ")
            } else if replaced(scalar) {
                result.append(contentsOf: placeholder(for: scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
