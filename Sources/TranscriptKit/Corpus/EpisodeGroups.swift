import Foundation

/// Feeds serve one episode in several formats (`buzzcast.json`, `.srt`, `.html`): files of
/// one folder with the same name are one episode, read from the richest of them (see
/// `TranscriptReading.isRicher`), with the others listed. A chapters file of the same
/// name gives the episode its sections. Files that are not transcripts are not episodes:
/// each leaves its diagnostic.
enum EpisodeGroups {
    static func apply(_ files: [Episode]) -> (episodes: [Episode], diagnostics: [Diagnostic]) {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (index, file) in files.enumerated() {
            let key = String(TranscriptFile.stemPath(of: file.file))
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(index)
        }
        var episodes: [Episode] = []
        var diagnostics: [Diagnostic] = []
        for key in order {
            let group = members[key]!
            let transcripts = group.filter { files[$0].reading.isEpisode }
            let chapters = group.first { files[$0].reading.format == .chapters }
            for index in group where files[index].reading.format == .notTranscript {
                diagnostics += files[index].diagnostics
            }
            guard let best = transcripts.max(by: { files[$1].reading.isRicher(than: files[$0].reading) }) else {
                if let chapters {
                    diagnostics.append(Diagnostic(file: files[chapters].file, line: 1, severity: .warning,
                        message: "a chapters file with no transcript of the same name; skipped"))
                }
                continue
            }
            var episode = files[best]
            episode.otherFiles = transcripts.filter { $0 != best }.map { files[$0].file }
            if let chapters {
                episode.chaptersFile = files[chapters].file
                episode.diagnostics += files[chapters].diagnostics
                Chapters.attach(files[chapters].chapters, to: &episode)
            }
            episodes.append(episode)
        }
        return (episodes, diagnostics)
    }
}

/// Podcasting 2.0 chapters as the episode's sections: each before the utterance that is
/// being spoken when the chapter starts.
enum Chapters {
    static func attach(_ chapters: [JSONTranscriptReader.Chapter], to episode: inout Episode) {
        guard !chapters.isEmpty else { return }
        guard episode.sections.isEmpty else {
            episode.diagnostics.append(Diagnostic(file: episode.chaptersFile ?? episode.file, line: 1, severity: .info,
                message: "chapters not used: the transcript has section markers of its own"))
            return
        }
        var first = 0
        for chapter in chapters.sorted(by: { $0.start < $1.start }) {
            while first + 1 < episode.utterances.count, episode.utterances[first + 1].start <= chapter.start { first += 1 }
            // In the pause after an utterance that has ended, the chapter starts with the next.
            if first + 1 < episode.utterances.count, let end = episode.utterances[first].end, end <= chapter.start { first += 1 }
            let title = chapter.title.isEmpty ? TimeFormat.clock(chapter.start) : chapter.title
            episode.sections.append(Section(title: title, line: 1, firstUtterance: episode.utterances.isEmpty ? 0 : first))
        }
        var section = -1
        for index in episode.utterances.indices {
            while section + 1 < episode.sections.count, episode.sections[section + 1].firstUtterance <= index { section += 1 }
            episode.utterances[index].sectionIndex = section >= 0 ? section : nil
        }
    }

    /// The chapters of the file at `path`, read now.
    static func read(_ path: String) -> [JSONTranscriptReader.Chapter] {
        TranscriptFile.parse(fileAt: path).chapters
    }
}
