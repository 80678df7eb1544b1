import TranscriptKit

/// What a user types, as an FTS5 query: each term matches the words that begin with it
/// (`cluster` finds `clusters`), `"a phrase"` consecutive words, `OR` either side, `-word`
/// excludes. Words are what the index's tokenizer makes of the text: runs of letters and
/// digits, compared without case or accents; a term with other characters in it
/// (`don't`, `cloud-native`) is the phrase of its words.
///
/// The index ignores case; a query with a capital letter matches only text with the same
/// capitals (`NASA`, not `nasa`), checked on each utterance the index finds (`accepts`).
public struct IndexQuery: Equatable, Sendable {
    /// The FTS5 `MATCH` expression.
    public let match: String
    /// The query has a capital: case counts.
    public let caseSensitive: Bool
    /// The words each match must have, as typed (accents folded): all of the groups, one
    /// term of each.
    let required: [[Term]]

    /// Consecutive words; the last one a prefix unless the term was quoted.
    struct Term: Equatable, Sendable {
        var words: [String]
        var prefix: Bool
    }

    /// Nil when the text has no word to look for (only exclusions, or only punctuation).
    public init?(_ text: String) {
        var groups: [[String]] = [[]]     // AND of ORs
        var terms: [[Term]] = [[]]
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
            let term = Term(words: words.map { Self.fold($0) }, prefix: !token.quoted)
            if negated {
                excluded.append(phrase)
            } else if orNext {
                groups[groups.count - 1].append(phrase)
                terms[terms.count - 1].append(term)
            } else {
                if !(groups.last?.isEmpty ?? true) { groups.append([]); terms.append([]) }
                groups[groups.count - 1].append(phrase)
                terms[terms.count - 1].append(term)
            }
            orNext = false
        }
        let wanted = groups.filter { !$0.isEmpty }.map { "(" + $0.joined(separator: " OR ") + ")" }
        guard !wanted.isEmpty else { return nil }
        match = wanted.joined(separator: " AND ") + excluded.map { " NOT " + $0 }.joined()
        required = terms.filter { !$0.isEmpty }
        caseSensitive = required.joined().contains { $0.words.contains { $0.contains { $0.isUppercase } } }
    }

    /// Whether `text`, which the index found, matches with the query's capitals: always
    /// when the query has none.
    public func accepts(_ text: String) -> Bool {
        guard caseSensitive else { return true }
        let words = Self.words(text).map { Self.fold($0) }
        return required.allSatisfy { group in group.contains { $0.occurs(in: words) } }
    }

    /// Whether a marked span of a hit (a word, or a phrase's words) has the query's capitals:
    /// it begins with one of its words as typed.
    func keepsMark(_ span: String) -> Bool {
        guard caseSensitive else { return true }
        let words = Self.words(span).map { Self.fold($0) }
        guard let first = words.first else { return false }
        return required.joined().contains { term in term.words.first.map { first.hasPrefix($0) } ?? false }
    }

    /// Accents folded, case kept: as the tokenizer compares, but for case.
    private static func fold(_ word: String) -> String { SearchText.fold(word, caseSensitive: true) }

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
        // Marks alone (a variation selector after an emoji) are no word to the tokenizer.
        return words.filter { $0.unicodeScalars.contains { !$0.properties.generalCategory.isMark } }
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

extension IndexQuery.Term {
    func occurs(in text: [String]) -> Bool {
        guard !words.isEmpty, text.count >= words.count else { return false }
        let last = words.count - 1
        for start in 0...(text.count - words.count) {
            var matched = true
            for (n, word) in words.enumerated() {
                let found = text[start + n]
                if n == last && prefix ? !found.hasPrefix(word) : found != word {
                    matched = false
                    break
                }
            }
            if matched { return true }
        }
        return false
    }
}

private extension Unicode.GeneralCategory {
    var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}
