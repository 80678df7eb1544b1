import Foundation

extension SearchQuery {
    /// False only when no utterance of the file can match, judged from its raw bytes without
    /// parsing it: every needle must occur, where any non-ASCII byte may stand for zero to
    /// three folded characters (an accent that folds away, `ó` for `o`, a ligature).
    func mayMatch(fileAt path: String) -> Bool {
        guard case let .success(data) = FileReader.read(path) else { return true }
        return data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return needles.allSatisfy { Self.mayContain($0, in: bytes, caseSensitive: caseSensitive) }
        }
    }

    /// Shift-And over bytes: bit `i` of `state` means the first `i + 1` needle characters
    /// end at the current byte.
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
        for byte in bytes {
            let start = (state << 1) | 1
            if byte < 0x80 {
                state = start & masks[Int(byte)]
            } else {
                state = state | start | (start << 1) | (start << 2)
            }
            if state & found != 0 { return true }
        }
        return false
    }
}
