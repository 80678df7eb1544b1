/// SubRip has no speaker field: `Name: text` on a cue's first line is the convention. One
/// rule reads it and the export writes only names it reads back, so export → import →
/// export keeps every byte.
enum SubRipSpeaker {
    /// Longer prefixes are more likely a sentence than a name.
    static let longestName = 60

    /// The name and the rest of `line`, when it starts with one: up to the first `: `
    /// (or a `:` ending the line), neither starting nor ending with a space, holding no `!` or
    /// `?` (a sentence) unless it is the `?` of an unknown speaker.
    static func split(_ line: String) -> (name: String, text: String)? {
        guard let colon = line.range(of: ": ") ?? (line.hasSuffix(":") ? line.index(before: line.endIndex)..<line.endIndex : nil)
        else { return nil }
        let name = String(line[..<colon.lowerBound])
        guard isReadable(name) else { return nil }
        return (name, String(line[colon.upperBound...]))
    }

    static func isReadable(_ name: String) -> Bool {
        if name == "?" { return true }
        guard let first = name.first, let last = name.last, !first.isWhitespace, !last.isWhitespace,
              name.count <= longestName else { return false }
        return !name.contains { "!?:".contains($0) }
    }

    /// `name` as the export writes it: itself when the import reads it back, else `?`.
    static func written(_ name: String) -> String {
        isReadable(name) ? name : "?"
    }
}
