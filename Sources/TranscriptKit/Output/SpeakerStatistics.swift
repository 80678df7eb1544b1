import Foundation

/// How much one person speaks: talk time from cue times, or timestamp differences (each
/// utterance lasts until the next later one starts, the last as `TranscriptExport.ends` estimates it),
/// words, turns (runs of consecutive utterances by the same person) and the longest turn.
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
    /// Where the file gives each cue's end, talk time is the time the person's cues cover,
    /// each moment once (feeds repeat and overlap spans); otherwise an utterance lasts until
    /// the next starts.
    public static func of(_ episode: Episode) -> [SpeakerStatistics] {
        // Times to the millisecond, as export writes them.
        let ms = TimeFormat.milliseconds
        let timedByCues = episode.reading.hasEnds && episode.utterances.allSatisfy { !$0.cues.isEmpty }
        let ends = timedByCues ? [] : TranscriptExport.ends(of: episode.utterances)
        var byPerson: [String: SpeakerStatistics] = [:]
        var spans: [String: [ClosedRange<Double>]] = [:]
        var order: [String] = []
        var previous: String?
        var turnStart = 0.0
        var turnSpans: [ClosedRange<Double>] = []
        // Cues may repeat or overlap a span: each moment counts once. Utterances without
        // cue times each count their own length.
        func length(_ spans: [ClosedRange<Double>]) -> Double {
            timedByCues ? covered(spans) : spans.reduce(0) { $0 + ($1.upperBound - $1.lowerBound) }
        }
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
            let own = timedByCues ? utterance.cues.map { ms($0.start)...ms(max($0.end ?? $0.start, $0.start)) }
                : [start...ms(max(ends[index], utterance.start))]
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
