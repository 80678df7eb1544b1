import Foundation

extension EpisodeSummary {
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
}

extension Episode {
    /// See `EpisodeSummary.speakerIndexes(matching:)`.
    public func speakerIndexes(matching queries: [String]) -> (indexes: Set<Int>, unmatched: [String]) {
        summary.speakerIndexes(matching: queries)
    }

    /// What is being spoken `time` seconds in: the last utterance to start at or before it,
    /// and its last cue to do so (binary searches: for every position a player reports).
    /// Nil before the first utterance.
    public func spoken(at time: Double) -> (utterance: Int, cue: Int?)? {
        func last(_ count: Int, _ start: (Int) -> Double) -> Int? {
            var low = 0, high = count
            while low < high {
                let mid = (low + high) / 2
                if start(mid) <= time { low = mid + 1 } else { high = mid }
            }
            return low == 0 ? nil : low - 1
        }
        guard let utterance = last(utterances.count, { utterances[$0].start }) else { return nil }
        let cues = utterances[utterance].cues
        return (utterance, last(cues.count) { cues[$0].start })
    }

    /// The utterance that covers `time`: the first, in file order, that starts at or before
    /// it and is followed by one starting after it. Nil when `time` is past the last timestamp.
    public func utteranceIndex(covering time: Double) -> Int? {
        guard !utterances.isEmpty, time <= summary.duration + 0.0001 else { return nil }
        for index in utterances.indices {
            let next = index + 1 < utterances.count ? utterances[index + 1].start : .infinity
            if utterances[index].start <= time, next > time { return index }
        }
        return utterances.firstIndex { $0.start >= time } ?? utterances.count - 1
    }
}

extension EpisodeSummary {
    /// Which file was read and how, for `validate`, `show` and the notes; nil for an
    /// episode page with no other files (the usual case, nothing to say).
    public var readingNote: Diagnostic? {
        guard reading.format != .episodePage || !otherFiles.isEmpty || chaptersFile != nil else { return nil }
        var message = "read as \(reading.description)"
        let names = otherFiles.map { ($0 as NSString).lastPathComponent }
        if !names.isEmpty { message += "; the same episode is also in \(names.joined(separator: ", ")), not read (this file is richer)" }
        if let chaptersFile { message += "; chapters from \((chaptersFile as NSString).lastPathComponent)" }
        return Diagnostic(file: file, line: 1, severity: .info, message: message)
    }

    /// Every file of the episode: the one read first.
    public var files: [String] { [file] + otherFiles + (chaptersFile.map { [$0] } ?? []) }
}
