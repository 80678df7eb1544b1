import Foundation

/// Case- and diacritic-insensitive matching, the way `less` users expect: a pattern with a
/// capital letter is case-sensitive; accents never matter (`nova` finds `Nóva`).
public enum SearchText {
    public static func isCaseSensitive(_ pattern: String) -> Bool { pattern.contains { $0.isUppercase } }

    public static func fold(_ text: String, caseSensitive: Bool) -> String {
        ScalarFold.fold(text, caseSensitive: caseSensitive)
    }

    /// Foundation's folding, which `ScalarFold` reproduces (kept for tests that check so).
    static func foundationFold(_ text: String, caseSensitive: Bool) -> String {
        text.folding(options: caseSensitive ? [.diacriticInsensitive] : [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    /// Number of non-overlapping occurrences of `needle` in `haystack` (both already folded).
    public static func count(_ needle: String, in haystack: String) -> Int {
        var count = 0
        forEachOccurrence(needle, in: haystack) { _ in count += 1; return true }
        return count
    }

    /// Whether `needle` occurs in `haystack`, byte for byte (no folding).
    public static func contains(_ needle: String, in haystack: String) -> Bool {
        var found = false
        forEachOccurrence(needle, in: haystack) { _ in found = true; return false }
        return found
    }

    /// Calls `body` with the UTF-8 offset of each non-overlapping occurrence until it returns false.
    static func forEachOccurrence(_ needle: String, in haystack: String, _ body: (Int) -> Bool) {
        var haystack = haystack
        var needle = needle
        guard !needle.isEmpty else { return }
        needle.withUTF8 { n in
            haystack.withUTF8 { h in
                guard n.count <= h.count, let hBase = h.baseAddress, let nBase = n.baseAddress else { return }
                let first = Int32(n[0])
                var offset = 0
                let last = h.count - n.count
                while offset <= last {
                    // memchr finds the first byte fast; memcmp checks the rest.
                    guard let found = memchr(hBase + offset, first, last - offset + 1) else { break }
                    let at = UnsafeRawPointer(hBase).distance(to: UnsafeRawPointer(found))
                    if memcmp(hBase + at, nBase, n.count) == 0 {
                        if !body(at) { return }
                        offset = at + n.count
                    } else {
                        offset = at + 1
                    }
                }
            }
        }
    }

    /// Character ranges of every occurrence in one paragraph, for highlighting what is shown.
    public static func ranges(of pattern: String, in text: String, caseSensitive: Bool) -> [Range<Int>] {
        let needle = fold(pattern, caseSensitive: caseSensitive)
        guard !needle.isEmpty else { return [] }
        let length = needle.utf8.count
        var result: [Range<Int>] = []
        if isPlainASCII(text) {
            // One byte is one character and folds to one byte: offsets carry over as they are.
            forEachOccurrence(needle, in: caseSensitive ? text : text.lowercased()) { at in
                result.append(at..<(at + length))
                return true
            }
            return result
        }
        let folded: [UInt8]
        let starts: [Int]
        if let fast = ScalarFold.foldedUTF8(text, caseSensitive: caseSensitive, recordingStarts: true), fast.scalarsAreCharacters {
            (folded, starts) = (fast.bytes, fast.starts)
        } else {
            // Fold character by character, remembering where each starts in the folded bytes.
            var bytes: [UInt8] = []
            var characterStarts: [Int] = []
            for character in text {
                characterStarts.append(bytes.count)
                ScalarFold.append(character, caseSensitive: caseSensitive, to: &bytes)
            }
            characterStarts.append(bytes.count)
            (folded, starts) = (bytes, characterStarts)
        }
        forEachOccurrence(needle, in: String(decoding: folded, as: UTF8.self)) { at in
            let first = characterIndex(starts, at)
            let last = characterIndex(starts, at + length - 1)
            result.append(first..<(last + 1))
            return true
        }
        return result
    }

    /// The index of each character offset in `offsets` (ascending), or `endIndex` for
    /// offsets past the end: one walk over the text, by scalars where each is a character.
    public static func indices(of offsets: [Int], in text: String) -> [String.Index] {
        var result: [String.Index] = []
        result.reserveCapacity(offsets.count)
        var index = text.startIndex
        var position = 0
        func walk<View: BidirectionalCollection>(_ view: View) where View.Index == String.Index {
            for offset in offsets {
                while position < offset, index < view.endIndex {
                    view.formIndex(after: &index)
                    position += 1
                }
                result.append(position < offset ? view.endIndex : index)
            }
        }
        if isWholeCharacters(text) { walk(text.unicodeScalars) } else { walk(text) }
        return result
    }

    /// ASCII without CR (CR LF is one character).
    private static func isPlainASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in !bytes.contains { $0 >= 0x80 || $0 == 0x0D } }
    }

    private static func isWholeCharacters(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                if lead < 0x80 {
                    if lead == 0x0D { return false }
                    i += 1
                } else if lead < 0xE0 {
                    // Two bytes: below U+0800; whole only below the combining marks at U+0300.
                    if lead >= 0xCC { return false }
                    i += 2
                } else if lead < 0xF0 {
                    let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    if !ScalarFold.isPunctuation(value) { return false }
                    i += 3
                } else {
                    return false
                }
            }
            return true
        }
    }

    private static func characterIndex(_ starts: [Int], _ byte: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= byte { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
