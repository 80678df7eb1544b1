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
