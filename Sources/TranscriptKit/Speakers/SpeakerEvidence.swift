/// What speaker resolution needs from a transcript, gathered while parsing, so speakers can
/// be resolved from a cached summary without the transcript itself.
public struct SpeakerEvidence: Sendable, Codable, Equatable {
    /// Utterances per speaker index.
    public var utteranceCounts: [Int] = []
    /// Line of each speaker's first utterance.
    var firstLines: [Int] = []
    /// Names each speaker introduces in their first three utterances ("I'm Kris Nova").
    var introductions: [[String]] = []
    /// People named in the title, description and notes.
    var namedInNotes: [String] = []

    init() {}

    init(of episode: Episode) {
        let count = episode.speakers.count
        utteranceCounts = Array(repeating: 0, count: count)
        firstLines = Array(repeating: 0, count: count)
        introductions = Array(repeating: [], count: count)
        // Names matter only for tags the episode's own hosts and guests do not explain
        // (the resolver looks no further for the others).
        let cast = SpeakerResolver.cast(of: episode)
        let unexplained = episode.speakers.map { speaker in
            !speaker.tag.isEmpty && speaker.tag != "ANNOUNCER" && SpeakerResolver.matches(speaker.tag, cast).count != 1
        }
        for utterance in episode.utterances {
            let index = utterance.speakerIndex
            if utteranceCounts[index] == 0 { firstLines[index] = utterance.line }
            if unexplained[index], utteranceCounts[index] < 3, NameFinder.mayIntroduce(utterance.paragraphs) {
                introductions[index] += NameFinder.introductions(in: utterance.text)
            }
            utteranceCounts[index] += 1
        }
        let needsNames = unexplained.contains(true)
        if needsNames {
            namedInNotes = NameFinder.people(in: [episode.title, episode.description, episode.notes])
        }
    }
}
