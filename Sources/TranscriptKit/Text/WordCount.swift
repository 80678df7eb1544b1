/// Words as runs of characters that are not white space, in one walk over the text with
/// nothing copied.
public enum WordCount {
    /// In text as read: the Unicode check only for non-ASCII scalars; a combining mark
    /// belongs to the character before it.
    static func of(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let space: Bool
            if scalar.isASCII {
                space = scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)
            } else {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .spacingMark: continue
                default: space = scalar.properties.isWhitespace
                }
            }
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// In text as shown and exported, where a control character counts as the visible
    /// placeholder it becomes (a vertical tab joins two words, a tab separates them).
    public static func shown(in text: String) -> Int {
        var count = 0
        var inWord = false
        func step(separates: Bool) {
            if separates {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        // ASCII (most text, and every long paragraph seen) in bytes: the placeholders are
        // words, a space or tab separates. Anything else as exported, character by character,
        // since a placeholder or a tab made a space can change where characters begin.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { step(separates: byte == 0x20 || byte == 0x09) }
        } else if !text.unicodeScalars.contains(where: OutputText.isControl) {
            // Without controls the text is as exported: no copy to make.
            for character in text { step(separates: character.isWhitespace) }
        } else {
            for character in OutputText.forData(text) { step(separates: character.isWhitespace) }
        }
        return count
    }
}
