/// HTML character references as WebVTT and HTML transcripts use them: every named one
/// (`&amp;`, `&eacute;`, `&hellip;`, the legacy ones without `;` such as `&copy`), decimal
/// and hexadecimal (`&#39;`, `&#x2019;`). Anything else after `&` stays as written.
enum CharacterReferences {
    private static let named: [Substring: String] = {
        var table: [Substring: String] = [:]
        for row in namedTable.split(separator: "\n") {
            let parts = row.split(separator: " ")
            var value = String.UnicodeScalarView()
            for code in parts.dropFirst() {
                if let scalar = UInt32(code, radix: 16).flatMap(Unicode.Scalar.init) { value.append(scalar) }
            }
            table[parts[0]] = String(value)
        }
        return table
    }()

    /// The longest name in the table.
    private static let longestName = 32

    /// What HTML makes of the C1 codes in a numeric reference (Windows-1252's characters).
    private static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    static func decode(_ text: String) -> String {
        guard text.containsBytes("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", let (decoded, length) = reference(scalars, at: i) {
                out.append(contentsOf: decoded.unicodeScalars)
                i += length
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// The reference starting at `&` at `start` and how many scalars it spans.
    private static func reference(_ s: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var p = start + 1
        guard p < s.count else { return nil }
        if s[p] == "#" {
            p += 1
            let hex = p < s.count && (s[p] == "x" || s[p] == "X")
            if hex { p += 1 }
            let from = p
            var value: UInt32 = 0
            while p < s.count, let digit = hexDigit(s[p]), hex || digit < 10 {
                // Range-checked before it can overflow: anything past U+10FFFF is invalid anyway.
                if value <= 0x10FFFF { value = value * (hex ? 16 : 10) + digit }
                p += 1
            }
            guard p > from else { return nil }
            if p < s.count, s[p] == ";" { p += 1 }
            return (String(Character(scalar(for: value))), p - start)
        }
        let from = p
        while p < s.count, p - from < longestName, isASCIILetter(s[p]) || isDigit(s[p]) { p += 1 }
        guard p > from else { return nil }
        var name = String.UnicodeScalarView(s[from..<p])
        if p < s.count, s[p] == ";" {
            name.append(";")
            if let value = named[Substring(String(name))] { return (value, p + 1 - start) }
            name.removeLast()
        }
        // The legacy names HTML reads without `;`: the longest that starts here.
        var end = p
        while end > from {
            if let value = named[Substring(String(String.UnicodeScalarView(s[from..<end])))] { return (value, end - start) }
            end -= 1
        }
        return nil
    }

    private static func scalar(for value: UInt32) -> Unicode.Scalar {
        if let mapped = windows1252[value] { return Unicode.Scalar(mapped)! }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    private static func hexDigit(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x41...0x46: return c.value - 0x41 + 10
        case 0x61...0x66: return c.value - 0x61 + 10
        default: return nil
        }
    }

    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { (0x41...0x5A).contains(c.value) || (0x61...0x7A).contains(c.value) }
    private static func isDigit(_ c: Unicode.Scalar) -> Bool { (0x30...0x39).contains(c.value) }
}
