/// Speaker labels written into the text: `Name: ` at the start of a cue or paragraph,
/// `[SPEAKER_00]: `, and `?: ` for an unknown speaker. One rule reads them everywhere
/// (WebVTT without `<v>`, SubRip, plain text), and export writes only names it reads back,
/// so export → import → export keeps every byte.
enum SpeakerLabel: Equatable {
    case name(String)
    case unknown

    /// Longer labels are more likely a sentence than a name…
    static let longestName = 60
    /// …and in bytes (a name of many combining marks is short in characters).
    static let longestBytes = 240

    /// Words that start lines like `Note: …` and are not people.
    private static let notNames: Set<String> = [
        "Note", "Notes", "Warning", "Update", "Example", "Transcript", "Source", "Chapter", "Part", "Step",
        "Tip", "Summary", "Correction", "Disclaimer", "Episode", "Season", "Edit", "Caution", "Reminder",
        "Http", "Https", "Re", "Subject", "Date", "Time", "Title", "Link", "Links", "Website", "Email",
    ]

    /// Lower-case words that belong inside names (`Ludwig van Beethoven`).
    private static let particles: Set<String> = [
        "van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "la", "le", "dos", "das",
        "bin", "ibn", "al", "el", "y", "ten", "ter", "zu",
    ]

    /// The label that starts `line`, and the text after it (leading spaces removed).
    /// `bracketed`: written `[SPEAKER_00]:`, labelling markup rather than a sentence's start.
    static func leading(_ line: Substring) -> (label: SpeakerLabel, rest: Substring, bracketed: Bool)? {
        // The colon comes within a name's length (bytes, so no line is walked by characters).
        let utf8 = line.utf8
        guard let colon = utf8.prefix(longestBytes + 3).firstIndex(of: UInt8(ascii: ":")) else { return nil }
        // Bytes, not characters: a combining mark after the space must not hide it.
        let after = utf8.index(after: colon)
        guard after == utf8.endIndex || utf8[after] == 0x20 || utf8[after] == 0x09 else { return nil }
        var head = line[..<colon]
        var restStart = after
        while restStart < utf8.endIndex, utf8[restStart] == 0x20 || utf8[restStart] == 0x09 { restStart = utf8.index(after: restStart) }
        let rest = line[restStart...]
        if head == "?" { return (.unknown, rest, false) }
        let bracketed = head.first == "[" && head.last == "]"
        if bracketed { head = head.dropFirst().dropLast() }
        guard isName(head) else { return nil }
        return (.name(String(head)), rest, bracketed)
    }

    /// A name, not a sentence: one to five words of at most 60 characters in all, the
    /// first capitalised, the others capitalised, numbers (`Speaker 1`) or name particles,
    /// made of letters, digits and `.'’-_`, and not a word such as `Note`.
    static func isName<S: StringProtocol>(_ text: S) -> Bool {
        guard let first = text.first, isCapital(first), text.utf8.count <= longestBytes, text.count <= longestName else { return false }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count <= 5, !notNames.contains(String(words[0])) else { return false }
        for (n, word) in words.enumerated() {
            guard let initial = word.first else { return false }
            let fits = isCapital(initial) || initial.isNumber || (n > 0 && n < words.count - 1 && particles.contains(String(word)))
            guard fits, word.allSatisfy({ $0.isLetter || $0.isNumber || ".'’-_".contains($0) }) else { return false }
        }
        return true
    }

    /// Upper case, or a letter of a script without case.
    private static func isCapital(_ c: Character) -> Bool { c.isUppercase || (c.isLetter && !c.isLowercase) }

    /// `name` as the export writes it: itself when the import reads it back, else `?`.
    static func written(_ name: String) -> String {
        isName(name) ? name : "?"
    }
}

extension SpeakerLabel {
    /// A bracketed label is markup, as sure as a voice tag; a bare `Name:` may be a sentence.
    func voice(bracketed: Bool) -> RawTranscript.Cue.Voice {
        switch self {
        case let .name(name): return .named(name, explicit: bracketed)
        case .unknown: return .unknown
        }
    }
}
