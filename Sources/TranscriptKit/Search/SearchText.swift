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
        // Fold character by character, remembering where each starts in the folded bytes.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var starts: [Int] = []
        if text.unicodeScalars.allSatisfy(isWholeCharacter) {
            // Each scalar is a character: no grapheme breaking needed.
            starts.reserveCapacity(text.utf8.count + 1)
            for scalar in text.unicodeScalars {
                starts.append(bytes.count)
                ScalarFold.append(CollectionOfOne(scalar), caseSensitive: caseSensitive, to: &bytes)
            }
        } else {
            for character in text {
                starts.append(bytes.count)
                ScalarFold.append(character, caseSensitive: caseSensitive, to: &bytes)
            }
        }
        starts.append(bytes.count)
        let folded = String(decoding: bytes, as: UTF8.self)
        var result: [Range<Int>] = []
        forEachOccurrence(needle, in: folded) { at in
            let end = at + needle.utf8.count
            let first = characterIndex(starts, at)
            let last = characterIndex(starts, end - 1)
            result.append(first..<(last + 1))
            return true
        }
        return result
    }

    /// Scalars that always make a character on their own: Latin letters before the combining
    /// marks, and punctuation such as dashes, quotes and ellipses (not CR, which joins LF).
    private static func isWholeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x300 && v != 0x0D) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
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
