/// Utterances that repeat earlier ones word for word, at the same time and by the same tag:
/// a transcript pasted twice into one file (a real episode page has its first minutes twice).
public enum RepeatedUtterances {
    /// For each utterance that repeats an earlier one (same start, tag and bytes), the
    /// index of the first of them. Texts are keyed by a hash of their bytes: hashing a
    /// `String` normalises it first, which cost an eighth of reading a corpus.
    public static func earlier(in utterances: [Utterance]) -> [Int: Int] {
        struct Key: Hashable {
            var start: Double
            var tag: String
            var text: Int
        }
        var first: [Key: [Int]] = [:]
        var repeats: [Int: Int] = [:]
        for (index, utterance) in utterances.enumerated() where !utterance.paragraphs.isEmpty {
            let key = Key(start: utterance.start, tag: utterance.tag, text: bytesHash(utterance.paragraphs))
            let same = first[key]?.first { sameBytes(utterances[$0].paragraphs, utterance.paragraphs) }
            if let same { repeats[index] = same } else { first[key, default: []].append(index) }
        }
        return repeats
    }

    private static func bytesHash(_ paragraphs: [String]) -> Int {
        var hasher = Hasher()
        for paragraph in paragraphs {
            var paragraph = paragraph
            paragraph.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(0xFF as UInt8)   // no UTF-8 byte: paragraphs stay apart
        }
        return hasher.finalize()
    }

    private static func sameBytes(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.utf8.elementsEqual($1.utf8) }
    }

    /// One warning per run of repeats: where it starts, and which lines it repeats.
    static func diagnostics(_ utterances: [Utterance], file: String) -> [Diagnostic] {
        let repeats = earlier(in: utterances)
        var out: [Diagnostic] = []
        var index = 0
        while index < utterances.count {
            guard let original = repeats[index] else { index += 1; continue }
            var end = index
            while repeats[end + 1] != nil, end + 1 < utterances.count { end += 1 }
            let count = end - index + 1
            let originalEnd = repeats[end] ?? original
            out.append(Diagnostic(file: file, line: utterances[index].line, severity: .warning,
                                  message: "\(count) utterance(s) here repeat lines \(utterances[original].line)–\(utterances[originalEnd].line) word for word (the transcript pasted twice?); a search finds them once"))
            index = end + 1
        }
        return out
    }
}
