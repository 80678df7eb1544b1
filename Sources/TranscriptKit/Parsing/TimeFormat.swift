/// Times as people write them: `1:02:03`, `12:30`, `750`, `2m`, `1h2m3s`, and offsets `+2m`/`-30s`.
public enum TimeFormat {
    /// The latest time podread accepts, from a file or from the user: 1,000 hours. Any later
    /// is a mistake (or an attack); bounded, a time converts to a whole number safely.
    public static let latest: Double = 3_600_000

    /// `1000:00:00`, for messages.
    public static var latestText: String { longClock(latest) }

    /// Times are kept to the millisecond, as the subtitle formats write them.
    public static func milliseconds(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }

    /// The nearest time that `checked` accepts (0 for NaN): what export writes.
    public static func clamped(_ seconds: Double) -> Double {
        seconds.isNaN ? 0 : milliseconds(min(max(0, seconds), latest))
    }

    /// A time from a file: finite, not negative, not past `latest`, to the millisecond.
    public static func checked(_ seconds: Double) -> Double? {
        seconds.isFinite && seconds >= 0 && seconds <= latest ? milliseconds(seconds) : nil
    }

    /// A time the user typed: absolute, or relative to the current position.
    public enum Input: Equatable, Sendable {
        case absolute(Double)
        case relative(Double)

        public func resolve(from current: Double) -> Double {
            switch self {
            case let .absolute(t): return t
            case let .relative(delta): return max(0, current + delta)
            }
        }
    }

    public static func parseInput(_ raw: String) -> Input? {
        let text = raw.trimmedSpaces
        if let sign = text.first, sign == "+" || sign == "-" {
            guard let seconds = parseDuration(String(text.dropFirst())) else { return nil }
            return .relative(sign == "-" ? -seconds : seconds)
        }
        return parseDuration(text).map(Input.absolute)
    }

    /// `1:02:03`, `12:30`, `750`, `750.5`, `2m`, `30s`, `1h2m3s`, to the millisecond; nil
    /// for anything else, and for a time past `latest`.
    public static func parseDuration(_ text: String) -> Double? {
        unbounded(text).flatMap(checked)
    }

    private static func unbounded(_ text: String) -> Double? {
        if text.isEmpty { return nil }
        if text.contains(":") {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 3, let seconds = Double(parts.last!), seconds >= 0, seconds < 60,
                  parts.last!.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
            else { return nil }
            var total = seconds
            var scale = 60.0
            for part in parts.dropLast().reversed() {
                guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(part) else { return nil }
                if scale == 60, parts.count == 3, value >= 60 { return nil }
                total += Double(value) * scale
                scale *= 60
            }
            return total
        }
        if text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
            return Double(text).flatMap { $0 >= 0 ? $0 : nil }
        }
        var total = 0.0
        var number = ""
        var lastUnit: Character = " "
        for c in text.lowercased() {
            if c.isASCII, c.isNumber || c == "." {
                number.append(c)
                continue
            }
            let order: [Character] = ["h", "m", "s"]
            guard let unit = order.firstIndex(of: c), let value = Double(number),
                  lastUnit == " " || order.firstIndex(of: lastUnit)! < unit
            else { return nil }
            total += value * [3600, 60, 1][unit]
            number = ""
            lastUnit = c
        }
        return number.isEmpty ? total : nil
    }

    /// `H:MM:SS` (or `M:SS` under an hour), the form the status bar and `show` use.
    public static func clock(_ seconds: Double) -> String {
        let whole = wholeSeconds(seconds)
        let (h, m, s) = (whole / 3600, (whole / 60) % 60, whole % 60)
        return h > 0 ? "\(h):\(pad(m)):\(pad(s))" : "\(m):\(pad(s))"
    }

    /// Always `H:MM:SS`.
    public static func longClock(_ seconds: Double) -> String {
        let whole = wholeSeconds(seconds)
        return "\(whole / 3600):\(pad((whole / 60) % 60)):\(pad(whole % 60))"
    }

    /// Whole seconds of any Double, never trapping: NaN is 0, and anything is kept within
    /// 0…`latest` first (a cache or a caller may hand over what no file could).
    private static func wholeSeconds(_ seconds: Double) -> Int {
        Int(seconds.isNaN ? 0 : min(max(0, seconds), latest))
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
