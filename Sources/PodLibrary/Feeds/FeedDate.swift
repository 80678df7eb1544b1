import Foundation

/// Dates and durations as feeds write them.
enum FeedDate {
    private static let formats = ["EEE, dd MMM yyyy HH:mm:ss Z", "EEE, dd MMM yyyy HH:mm:ss zzz", "dd MMM yyyy HH:mm:ss Z",
                                  "EEE, dd MMM yyyy HH:mm Z", "EEE, d MMM yyyy HH:mm:ss Z", "yyyy-MM-dd'T'HH:mm:ssZ", "yyyy-MM-dd"]

    /// An RFC 822 date (`pubDate`) as `yyyy-MM-dd` (UTC); nil when it cannot be read.
    static func iso(_ text: String) -> String? {
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: "UTC")
        let output = DateFormatter()
        output.locale = Locale(identifier: "en_US_POSIX")
        output.timeZone = TimeZone(identifier: "UTC")
        output.dateFormat = "yyyy-MM-dd"
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for format in formats {
            parser.dateFormat = format
            if let date = parser.date(from: trimmed) { return output.string(from: date) }
        }
        return nil
    }

    /// `itunes:duration`: seconds (`3600`), `MM:SS` or `HH:MM:SS`; nil when out of range or unreadable.
    static func duration(_ text: String) -> Double? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 }) else { return nil }
        var seconds = 0.0
        for part in parts {
            guard let value = Double(part), value.isFinite, value >= 0 else { return nil }
            seconds = seconds * 60 + value
        }
        return seconds <= 1000 * 3600 ? seconds : nil
    }
}
