/// When each utterance is spoken. Where the file gives cue ends, the cues' spans; otherwise
/// from its start to its last word, at `secondsPerWord` a word (at least a second), and
/// never past the next later start: a pause, a break or the music after `[END OF EPISODE]`
/// is nobody's talk time.
public enum SpeakingTime {
    /// About 150 words a minute, conversational speech.
    public static let secondsPerWord = 0.4

    /// How long `utterance` takes to say, at that pace.
    public static func saying(_ utterance: Utterance) -> Double {
        max(1, Double(utterance.paragraphs.reduce(0) { $0 + WordCount.shown(in: $1) }) * secondsPerWord)
    }

    /// Per utterance, the spans it is spoken in (several where its cues say so).
    public static func spans(of episode: Episode) -> [[ClosedRange<Double>]] {
        let utterances = episode.utterances
        if episode.reading.hasEnds, utterances.allSatisfy({ !$0.cues.isEmpty }) {
            return utterances.map { utterance in
                utterance.cues.map { $0.start...max($0.end ?? $0.start, $0.start) }
            }
        }
        let ends = TranscriptExport.ends(of: utterances)
        return utterances.indices.map { index in
            let start = utterances[index].start
            return [start...max(start, min(ends[index], start + saying(utterances[index])))]
        }
    }
}
