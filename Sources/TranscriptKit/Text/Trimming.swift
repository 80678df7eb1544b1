import Foundation

// `trimmingCharacters(in:)` without Foundation's cost in the common case (nothing to
// trim); it runs for every field of every file.

extension String {
    /// `trimmingCharacters(in: .whitespaces)`.
    public var trimmedSpaces: String {
        Trimming.isTrimmed(utf8.first, utf8.last) ? self : trimmingCharacters(in: .whitespaces)
    }
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    public var trimmedWhitespace: String {
        Trimming.isTrimmed(utf8.first, utf8.last) ? self : trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension StringProtocol {
    /// Without spaces and tabs at either end, and nothing else: cue text keeps a no-break
    /// space at its end, as the file had it, so what export writes reads back the same.
    public var trimmedBlanks: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension Substring {
    public var trimmedSpaces: String { String(self).trimmedSpaces }
    public var trimmedWhitespace: String { String(self).trimmedWhitespace }
}

enum Trimming {
    /// True when both ends are visible ASCII, so there is nothing to trim.
    static func isTrimmed(_ first: UInt8?, _ last: UInt8?) -> Bool {
        guard let first, let last else { return false }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }
}

extension StringProtocol {
    /// Whether `needle` occurs, byte for byte: what `contains` means for ASCII markers such
    /// as `-->`, without Foundation's locale-aware search (a fifth of reading a WebVTT file).
    func containsBytes(_ needle: StaticString) -> Bool {
        let pattern = UnsafeRawBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        if let found = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress, let first = pattern.first else { return pattern.isEmpty }
            var from = 0
            while from + pattern.count <= bytes.count,
                  let hit = memchr(base + from, Int32(first), bytes.count - from - pattern.count + 1) {
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if memcmp(hit, pattern.baseAddress!, pattern.count) == 0 { return true }
                from = at + 1
            }
            return false
        }) {
            return found
        }
        return String(self).containsBytes(needle)
    }
}
