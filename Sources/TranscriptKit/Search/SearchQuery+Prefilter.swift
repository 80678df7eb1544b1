import Foundation

extension SearchQuery {
    /// False only when no utterance of the file can match, judged from its raw bytes without
    /// parsing it: every needle must occur in the file folded scalar by scalar (see
    /// `ScalarFold`); a scalar that cannot be folded that way may stand for zero to three
    /// folded characters.
    func mayMatch(_ episode: EpisodeSummary) -> Bool {
        // Other formats escape text (`&amp;`, `\u00e9`) or join lines: their bytes are not the text.
        guard episode.reading.format == .episodePage, case let .success(data) = FileReader.read(episode.file) else { return true }
        return data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return needles.allSatisfy { Self.mayContain($0, in: bytes, caseSensitive: caseSensitive) }
        }
    }

    /// The same test on any text (public for fuzzing the prefilter against `matches`).
    public func mayMatch(text: String) -> Bool { mayMatch([text]) }

    /// The same test on an utterance's paragraphs, before folding its text.
    func mayMatch(_ paragraphs: [String]) -> Bool {
        needles.allSatisfy { needle in
            paragraphs.contains { paragraph in
                var paragraph = paragraph
                return paragraph.withUTF8 { Self.mayContain(needle, in: $0, caseSensitive: caseSensitive) }
            }
        }
    }

    /// Shift-And: bit `i` of `state` means the first `i + 1` needle characters end here.
    static func mayContain(_ needle: String, in bytes: UnsafeBufferPointer<UInt8>, caseSensitive: Bool) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= 63, pattern.allSatisfy({ $0 < 0x80 }) else { return true }
        var masks = [UInt64](repeating: 0, count: 128)
        for (i, byte) in pattern.enumerated() {
            masks[Int(byte)] |= 1 << UInt64(i)
            if !caseSensitive, byte >= 0x61, byte <= 0x7A { masks[Int(byte - 0x20)] |= 1 << UInt64(i) }
        }
        let found: UInt64 = 1 << UInt64(pattern.count - 1)
        var state: UInt64 = 0
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                state = ((state << 1) | 1) & masks[Int(byte)]
                i += 1
            } else {
                let (value, length) = decode(bytes, at: i)
                i += length
                if let value, let folded = ScalarFold.folded(value, caseSensitive: caseSensitive) {
                    // Folded to nothing (a combining mark) the state stays; otherwise feed the folding.
                    for b in folded {
                        state = b < 0x80 ? ((state << 1) | 1) & masks[Int(b)] : 0
                    }
                } else {
                    let start = (state << 1) | 1
                    state = state | start | (start << 1) | (start << 2)
                }
            }
            if state & found != 0 { return true }
        }
        return false
    }

    /// The scalar starting at `i` and its length in bytes; nil for malformed UTF-8 (one byte).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32?, Int) {
        let lead = bytes[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, i + length <= bytes.count else { return (nil, 1) }
        var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
        for k in 1..<length {
            let next = bytes[i + k]
            guard next & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return (value, length)
    }
}
