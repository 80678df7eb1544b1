import TranscriptKit

/// Who speaks when: an episode cut into equal slices of time, each given to the speaker
/// (index) with the most talk time in it, nil where nobody speaks. The statistics window
/// draws it as a strip, the transcript pane as its scroll map.
enum SpeakerTimeline {
    static func slices(_ episode: Episode, count: Int) -> [Int?] {
        guard count > 0 else { return [] }
        let cues = TranscriptExport.cues(episode)
        let end = cues.map(\.end).max() ?? 0
        guard end > 0 else { return Array(repeating: nil, count: count) }
        let width = end / Double(count)
        var talk = Array(repeating: [Int: Double](), count: count)
        for (utterance, cue) in zip(episode.utterances, cues) where cue.end > cue.start {
            var slice = min(count - 1, Int(cue.start / width))
            while slice < count, Double(slice) * width < cue.end {
                let overlap = min(cue.end, Double(slice + 1) * width) - max(cue.start, Double(slice) * width)
                if overlap > 0 { talk[slice][utterance.speakerIndex, default: 0] += overlap }
                slice += 1
            }
        }
        return talk.map { slice in slice.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key }
    }
}

/// The last timeline made, so a frame never recomputes it (it costs the whole transcript).
final class TimelineCache: @unchecked Sendable {
    private var key = (episode: -1, count: -1, utterances: -1, file: "")
    private var value: [Int?] = []
    private var end = 0.0

    func slices(_ episode: Episode, index: Int, count: Int) -> (slices: [Int?], end: Double) {
        if key != (index, count, episode.utterances.count, episode.file) {
            key = (index, count, episode.utterances.count, episode.file)
            value = SpeakerTimeline.slices(episode, count: count)
            end = TranscriptExport.cues(episode).map(\.end).max() ?? 0
        }
        return (value, end)
    }
}
