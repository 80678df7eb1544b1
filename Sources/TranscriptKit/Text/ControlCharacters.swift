/// Text from files is untrusted: control characters must never reach a terminal raw.
public enum ControlCharacters {
    /// Whether a scalar is C0, DEL or C1 (tab included: callers expand tabs first if they want them).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Caret notation for C0 and DEL (`^[`, `^@`, `^?`), `<U+009B>` style for C1.
    public static func placeholder(for scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0..<0x20: return "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
        case 0x7F: return "^?"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
        }
    }

    /// Whether `text` holds a control character, from its UTF-8 (C1 is `C2 80`…`C2 9F`).
    static func hasControl(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x20 || byte == 0x7F || (byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] < 0xA0) { return true }
                i += 1
            }
            return false
        }
    }

    /// Replaces every control character with its placeholder; tabs become spaces.
    public static func sanitize(_ text: String, keepingTabs: Bool = false) -> String {
        guard hasControl(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                result.append(keepingTabs ? "\t" : " ")
            } else if isControl(scalar) {
                result.append(contentsOf: placeholder(for: scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
