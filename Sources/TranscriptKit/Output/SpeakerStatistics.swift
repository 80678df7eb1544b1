import Foundation

/// How much one person speaks: talk time from timestamp differences (each utterance lasts
/// until the next later one starts, the last as `TranscriptExport.ends` estimates it),
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
    public static func of(_ episode: Episode) -> [SpeakerStatistics] {
        // Times to the millisecond, as export writes them.
        let ms = TranscriptExport.milliseconds
        let ends = TranscriptExport.ends(of: episode.utterances)
        var byPerson: [String: SpeakerStatistics] = [:]
        var order: [String] = []
        var previous: String?
        var turnStart = 0.0
        var turnLength = 0.0
        func closeTurn() {
            guard let key = previous, turnLength > byPerson[key]!.longestTurn else { return }
            byPerson[key]!.longestTurn = turnLength
            byPerson[key]!.longestTurnStart = turnStart
        }
        for (utterance, end) in zip(episode.utterances, ends) {
            let start = ms(utterance.start)
            let speaker = episode.speaker(of: utterance)
            let key = SpeakerTag.fold(speaker.name)
            if byPerson[key] == nil {
                byPerson[key] = SpeakerStatistics(name: speaker.name, role: speaker.role, talkTime: 0, words: 0, turns: 0,
                                                  longestTurn: 0, longestTurnStart: start, longestTurnFile: episode.file)
                order.append(key)
            }
            let length = ms(max(end, utterance.start)) - start
            if key != previous {
                closeTurn()
                previous = key
                byPerson[key]!.turns += 1
                turnStart = start
                turnLength = 0
            }
            turnLength += length
            byPerson[key]!.talkTime += length
            byPerson[key]!.words += utterance.paragraphs.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count }
        }
        closeTurn()
        return sorted(order.map { byPerson[$0]! })
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
