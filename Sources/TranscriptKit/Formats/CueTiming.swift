/// The timing line of a WebVTT or SubRip cue, `00:01:02.500 --> 00:01:05.000 align:start`,
/// read leniently: hours optional, one or two digits for minutes and seconds (`0:0:0.0`),
/// `.` or `,` before the fraction, cue settings after the end ignored.
public struct CueTiming: Equatable {
    public var start: Double
    public var end: Double
    /// The start as written.
    public var startText: String

    /// Nil when `line` is not a timing line, or its times are past `TimeFormat.latest`.
    public init?(_ line: String) {
        var line = line
        guard let parsed = line.withUTF8({ Self.parse($0, bounded: true) }) else { return nil }
        (start, end) = (parsed.start, parsed.end)
        startText = String(decoding: line.utf8.prefix(parsed.startLength), as: UTF8.self).trimmedSpaces
    }

    /// Whether `line` has the shape of a timing line, whatever its times: how a file is
    /// known to be SubRip, so that one time out of range is a diagnostic, not another format.
    static func hasShape(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { Self.parse($0, bounded: false) } != nil
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, bounded: Bool) -> (start: Double, end: Double, startLength: Int)? {
        var p = 0
        while p < bytes.count, bytes[p] == 0x20 || bytes[p] == 0x09 { p += 1 }
        guard let start = clock(bytes, &p, bounded: bounded) else { return nil }
        let startLength = p
        while p < bytes.count, bytes[p] == 0x20 || bytes[p] == 0x09 { p += 1 }
        guard p + 3 <= bytes.count, bytes[p] == UInt8(ascii: "-"), bytes[p + 1] == UInt8(ascii: "-"),
              bytes[p + 2] == UInt8(ascii: ">") else { return nil }
        p += 3
        while p < bytes.count, bytes[p] == 0x20 || bytes[p] == 0x09 { p += 1 }
        guard let end = clock(bytes, &p, bounded: bounded) else { return nil }
        // Settings (`align:start position:10%`) may follow after a space; nothing else may.
        guard p == bytes.count || bytes[p] == 0x20 || bytes[p] == 0x09 else { return nil }
        return (start, end, startLength)
    }

    /// `[H…:]M[M]:S[S][.,]fff`; nil when malformed or past `TimeFormat.latest`.
    static func clock(_ bytes: UnsafeBufferPointer<UInt8>, _ p: inout Int, bounded: Bool = true) -> Double? {
        var groups: [Int] = []
        while groups.count < 3 {
            let from = p
            var value = 0
            while p < bytes.count, bytes[p] >= 0x30, bytes[p] <= 0x39, p - from < 9 {
                value = value * 10 + Int(bytes[p] - 0x30)
                p += 1
            }
            guard p > from else { return nil }
            groups.append(value)
            guard p < bytes.count, bytes[p] == UInt8(ascii: ":") else { break }
            p += 1
        }
        guard groups.count >= 2 else { return nil }
        var fraction = 0.0
        if p < bytes.count, bytes[p] == UInt8(ascii: ".") || bytes[p] == UInt8(ascii: ",") {
            p += 1
            var scale = 0.1
            let from = p
            while p < bytes.count, bytes[p] >= 0x30, bytes[p] <= 0x39 {
                fraction += Double(bytes[p] - 0x30) * scale
                scale /= 10
                p += 1
            }
            guard p > from else { return nil }
        }
        let (hours, minutes, seconds) = groups.count == 3 ? (groups[0], groups[1], groups[2]) : (0, groups[0], groups[1])
        guard minutes < 60, seconds < 60 else { return nil }
        let total = Double(hours) * 3600 + Double(minutes) * 60 + Double(seconds) + fraction
        return total <= TimeFormat.latest || !bounded ? TimeFormat.milliseconds(min(total, TimeFormat.latest)) : nil
    }
}
