import TranscriptKit

/// Who speaks when: an episode cut into equal slices of time, each given to the speaker
/// (index) with the most talk time in it, nil where nobody speaks. The statistics window
/// draws it as a strip, the transcript pane as its scroll map.
enum SpeakerTimeline {
    /// The slices, and the time the last utterance ends. Costs one pass over the utterances
    /// with flat arrays (the 20 MB episode: about a millisecond).
    static func slices(_ episode: Episode, count: Int) -> (slices: [Int?], end: Double) {
        guard count > 0 else { return ([], 0) }
        let utterances = episode.utterances
        let spoken = SpeakingTime.spans(of: episode)
        let end = spoken.joined().map(\.upperBound).max() ?? 0
        guard end > 0 else { return (Array(repeating: nil, count: count), end) }
        let speakers = max(1, episode.speakers.count)
        let width = end / Double(count)
        var talk = Array(repeating: 0.0, count: count * speakers)
        for (index, utterance) in utterances.enumerated() {
            for span in spoken[index] where span.upperBound > span.lowerBound {
                let (start, stop) = (span.lowerBound, span.upperBound)
                var slice = min(count - 1, Int(start / width))
                while slice < count, Double(slice) * width < stop {
                    let overlap = min(stop, Double(slice + 1) * width) - max(start, Double(slice) * width)
                    if overlap > 0 { talk[slice * speakers + utterance.speakerIndex] += overlap }
                    slice += 1
                }
            }
        }
        let slices = (0..<count).map { slice -> Int? in
            var best: Int?
            for speaker in 0..<speakers where talk[slice * speakers + speaker] > (best.map { talk[slice * speakers + $0] } ?? 0) {
                best = speaker
            }
            return best
        }
        return (slices, end)
    }
}

/// The timelines of the open episode, by number of slices (the scroll map's and the
/// statistics window's differ, and both are drawn in one frame), so a frame never
/// recomputes one.
final class TimelineCache: @unchecked Sendable {
    private var episode = (index: -1, utterances: -1, file: "")
    private var values: [Int: (slices: [Int?], end: Double)] = [:]

    func slices(_ episode: Episode, index: Int, count: Int) -> (slices: [Int?], end: Double) {
        if self.episode != (index, episode.utterances.count, episode.file) {
            self.episode = (index, episode.utterances.count, episode.file)
            values.removeAll()
        }
        if let cached = values[count] { return cached }
        if values.count >= 8 { values.removeAll() }   // many resizes: keep it small
        let made = SpeakerTimeline.slices(episode, count: count)
        values[count] = made
        return made
    }
}
