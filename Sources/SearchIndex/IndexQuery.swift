/// What a user types, as an FTS5 query: each term matches the words that begin with it
/// (`cluster` finds `clusters`), `"a phrase"` consecutive words, `OR` either side, `-word`
/// excludes. Words are what the index's tokenizer makes of the text: runs of letters and
/// digits, compared without case or accents; a term with other characters in it
/// (`don't`, `cloud-native`) is the phrase of its words.
public struct IndexQuery: Equatable, Sendable {
    /// The FTS5 `MATCH` expression.
    public let match: String

    /// Nil when the text has no word to look for (only exclusions, or only punctuation).
    public init?(_ text: String) {
        var groups: [[String]] = [[]]     // AND of ORs
        var excluded: [String] = []
        var orNext = false
        for token in Self.tokens(text) {
            if token.text == "OR", !token.quoted {
                orNext = !(groups.last?.isEmpty ?? true)
                continue
            }
            let negated = !token.quoted && token.text.hasPrefix("-")
            let words = Self.words(negated ? String(token.text.dropFirst()) : token.text)
            guard !words.isEmpty else { continue }
            let phrase = "\"" + words.joined(separator: " ") + "\"" + (token.quoted ? "" : " *")
            if negated {
                excluded.append(phrase)
            } else if orNext {
                groups[groups.count - 1].append(phrase)
            } else {
                if !(groups.last?.isEmpty ?? true) { groups.append([]) }
                groups[groups.count - 1].append(phrase)
            }
            orNext = false
        }
        let wanted = groups.filter { !$0.isEmpty }.map { "(" + $0.joined(separator: " OR ") + ")" }
        guard !wanted.isEmpty else { return nil }
        match = wanted.joined(separator: " AND ") + excluded.map { " NOT " + $0 }.joined()
    }

    private struct Token { var text: String; var quoted: Bool }

    private static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" {
                if quoted || !current.isEmpty { tokens.append(Token(text: current, quoted: quoted)) }
                current = ""
                quoted.toggle()
            } else if character.isWhitespace, !quoted {
                if !current.isEmpty { tokens.append(Token(text: current, quoted: false)) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(Token(text: current, quoted: quoted)) }
        return tokens
    }

    /// The words of `text` as the tokenizer (unicode61) splits it: runs of letters, digits
    /// and marks; a quote inside is doubled by never being kept.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark,
             .privateUse:
            return true
        default:
            return false
        }
    }
}
