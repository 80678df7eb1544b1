import Foundation

/// File and folder names made from what a feed says (show and episode titles): lower-case
/// ASCII letters, digits and single hyphens, at most 60 characters. Such a name cannot
/// climb out of its folder (no `/`, no `..`), holds no control or invisible character,
/// starts with no dot or hyphen, and is none of the names that mean something else: the
/// corpus's own files (`speakers` would make `speakers.yaml`, its speaker overrides; `show`, `show.yaml`;
/// `readme`) and the device names Windows reserves (a library may be copied there).
public enum SafeName {
    static let longest = 60
    private static let reserved: Set<String> = {
        var names: Set<String> = ["speakers", "show", "readme", "con", "prn", "aux", "nul"]
        for n in 1...9 { names.insert("com\(n)"); names.insert("lpt\(n)") }
        return names
    }()

    /// A name for `text` that is not in `taken`; `fallback` when the text gives none.
    public static func make(_ text: String, fallback: String, taken: Set<String> = []) -> String {
        var names = Names(taken: taken)
        return names.make(text, fallback: fallback)
    }

    /// Names given one after the other, each unique among those taken and given so far;
    /// the next suffix of each name is kept, so many items of one title cost no search.
    public struct Names {
        public private(set) var taken: Set<String>
        private var nextSuffix: [String: Int] = [:]

        public init(taken: Set<String> = []) { self.taken = taken }

        public mutating func make(_ text: String, fallback: String) -> String {
            let base = slug(text).isEmpty ? slug(fallback) : slug(text)
            let safe = base.isEmpty ? "item" : reserved.contains(base) ? "x-" + base : base
            var name = safe
            if taken.contains(safe) {
                var n = nextSuffix[safe] ?? 2
                repeat {
                    let suffix = "-\(n)"
                    var stem = String(safe.prefix(longest - suffix.count))
                    while stem.hasSuffix("-") { stem.removeLast() }
                    name = stem + suffix
                    n += 1
                } while taken.contains(name)
                nextSuffix[safe] = n
            }
            taken.insert(name)
            return name
        }
    }

    private static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        var hyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if hyphen, !out.isEmpty { out.append("-") }
                hyphen = false
                out.unicodeScalars.append(scalar)
                if out.count >= longest { break }
            } else {
                hyphen = true
            }
        }
        // Cut to length, then no hyphen left at the end.
        var cut = String(out.prefix(longest)).lowercased()
        while cut.hasSuffix("-") { cut.removeLast() }
        return cut
    }
}
