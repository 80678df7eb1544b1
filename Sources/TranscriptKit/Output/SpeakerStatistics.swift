import Foundation

/// How much one person speaks: talk time (when each utterance is spoken, see
/// `SpeakingTime`), words, turns (runs of consecutive utterances by the same person) and
/// the longest turn.
public struct SpeakerStatistics: Equatable, Sendable {
    public var name: String
    public var role: Speaker.Role
    public var talkTime: Double
    public var words: Int
    public var turns: Int
    public var longestTurn: Double
    /// Where the longest turn starts, in seconds (in its episode).
    public var longestTurnStart: Double
    /// The file of the episode with the longest turn.
    public var longestTurnFile: String

    /// Per person in one episode (tags resolved to the same person are one), most talk first.
    /// Talk time is the time the person's utterances are spoken, each moment once (feeds
    /// repeat and overlap spans).
    public static func of(_ episode: Episode) -> [SpeakerStatistics] {
        // Times to the millisecond, as export writes them.
        let ms = TimeFormat.milliseconds
        let spoken = SpeakingTime.spans(of: episode)
        var byPerson: [String: SpeakerStatistics] = [:]
        var spans: [String: [ClosedRange<Double>]] = [:]
        var order: [String] = []
        var previous: String?
        var turnStart = 0.0
        var turnSpans: [ClosedRange<Double>] = []
        // Cues may repeat or overlap a span, two people may start at once: each moment of
        // a person's counts once.
        func length(_ spans: [ClosedRange<Double>]) -> Double { covered(spans) }
        func closeTurn() {
            let length = length(turnSpans)
            guard let key = previous, length > byPerson[key]!.longestTurn else { return }
            byPerson[key]!.longestTurn = length
            byPerson[key]!.longestTurnStart = turnStart
        }
        for (index, utterance) in episode.utterances.enumerated() {
            let start = ms(utterance.start)
            let speaker = episode.speaker(of: utterance)
            let key = SpeakerTag.fold(speaker.name)
            if byPerson[key] == nil {
                byPerson[key] = SpeakerStatistics(name: speaker.name, role: speaker.role, talkTime: 0, words: 0, turns: 0,
                                                  longestTurn: 0, longestTurnStart: start, longestTurnFile: episode.file)
                order.append(key)
            }
            let own = spoken[index].map { ms($0.lowerBound)...ms($0.upperBound) }
            if key != previous {
                closeTurn()
                previous = key
                byPerson[key]!.turns += 1
                turnStart = start
                turnSpans = []
            }
            turnSpans += own
            spans[key, default: []] += own
            byPerson[key]!.words += utterance.paragraphs.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count }
        }
        closeTurn()
        for key in order { byPerson[key]!.talkTime = length(spans[key]!) }
        return sorted(order.map { byPerson[$0]! })
    }

    /// The length of the union of `spans`.
    static func covered(_ spans: [ClosedRange<Double>]) -> Double {
        var total = 0.0
        var current: ClosedRange<Double>?
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let open = current, span.lowerBound <= open.upperBound {
                current = open.lowerBound...max(open.upperBound, span.upperBound)
            } else {
                if let open = current { total += open.upperBound - open.lowerBound }
                current = span
            }
        }
        if let open = current { total += open.upperBound - open.lowerBound }
        return total
    }

    /// Per person across episodes (by name, accents and case aside).
    public static func merged(_ lists: [[SpeakerStatistics]]) -> [SpeakerStatistics] {
        var byPerson: [String: SpeakerStatistics] = [:]
        var order: [String] = []
        for statistics in lists.joined() {
            let key = SpeakerTag.fold(statistics.name)
            guard var total = byPerson[key] else {
                byPerson[key] = statistics
                order.append(key)
                continue
            }
            total.talkTime += statistics.talkTime
            total.words += statistics.words
            total.turns += statistics.turns
            if total.role == .unknown { total.role = statistics.role }
            if statistics.longestTurn > total.longestTurn {
                (total.longestTurn, total.longestTurnStart, total.longestTurnFile) =
                    (statistics.longestTurn, statistics.longestTurnStart, statistics.longestTurnFile)
            }
            byPerson[key] = total
        }
        return sorted(order.map { byPerson[$0]! })
    }

    private static func sorted(_ list: [SpeakerStatistics]) -> [SpeakerStatistics] {
        list.enumerated().sorted { ($1.element.talkTime, $0.offset) < ($0.element.talkTime, $1.offset) }.map(\.element)
    }
}
