extension Episode {
    /// Speakers named by tags (`JR`) or names (`Josh Rosso`, `josh`, `Nova`); case and
    /// diacritics ignored. Returns the matched speaker indexes and the queries that matched nobody.
    public func speakerIndexes(matching queries: [String]) -> (indexes: Set<Int>, unmatched: [String]) {
        var found = Set<Int>()
        var unmatched: [String] = []
        for query in queries {
            let tag = SpeakerTag.normalize(query)
            let folded = SpeakerTag.fold(query.trimmedSpaces)
            let hits = speakers.indices.filter { index in
                let speaker = speakers[index]
                let name = SpeakerTag.fold(speaker.name)
                return speaker.tag == tag || name == folded
                    || name.split(separator: " ").contains { String($0) == folded }
            }
            if hits.isEmpty { unmatched.append(query) } else { found.formUnion(hits) }
        }
        return (found, unmatched)
    }

    /// The utterance that covers `time`: the first, in file order, that starts at or before
    /// it and is followed by one starting after it. Nil when `time` is past the last timestamp.
    public func utteranceIndex(covering time: Double) -> Int? {
        guard !utterances.isEmpty, time <= duration + 0.0001 else { return nil }
        for index in utterances.indices {
            let next = index + 1 < utterances.count ? utterances[index + 1].start : .infinity
            if utterances[index].start <= time, next > time { return index }
        }
        return utterances.firstIndex { $0.start >= time } ?? utterances.count - 1
    }
}
