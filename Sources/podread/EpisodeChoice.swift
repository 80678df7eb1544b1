import Foundation
import TranscriptKit

/// The episode a command names (number, id, file name or path) and the utterances its
/// `--speaker` options leave, for `show` and `export`.
enum EpisodeChoice {
    static func episode(_ reference: String, in corpus: CorpusOptions) throws -> Episode {
        let episode = try find(reference, in: corpus)
        if episode.utterances.isEmpty, episode.errorCount > 0 {
            let errors = episode.diagnostics.filter { $0.severity == .error }.map { OutputText.forPeople($0.formatted) }
            throw CleanExit.failure(errors.joined(separator: "\n"))
        }
        return episode
    }

    private static func find(_ reference: String, in corpus: CorpusOptions) throws -> Episode {
        var isDirectory: ObjCBool = false
        let isFile = FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory) && !isDirectory.boolValue
        if isFile, reference.contains("/") || TranscriptFile.isCandidate(reference) {
            // A path is that file: its folder is read for the speakers other episodes
            // explain, but a file beside a richer one of the same name is still read itself.
            let directory = (reference as NSString).deletingLastPathComponent
            let path = URL(fileURLWithPath: reference).standardizedFileURL.path
            let folder = directory.isEmpty ? "." : directory
            if let loaded = try? CorpusLoader.load(directory: folder, transcripts: false,
                                                   memory: corpus.noCache ? nil : CorpusOptions.memory(for: folder).0),
               let hit = loaded.index(matching: reference),
               URL(fileURLWithPath: loaded.episodes[hit].file).standardizedFileURL.path == path {
                return loaded.transcript(of: hit)
            }
            let single = CorpusLoader.load(file: reference)
            guard !single.episodes.isEmpty else {
                let reasons = single.diagnostics.map { OutputText.forPeople($0.formatted) }
                throw CleanExit.failure(reasons.isEmpty ? "\(reference) is not a transcript" : reasons.joined(separator: "\n"))
            }
            return single.transcript(of: 0)
        }
        let loaded = try corpus.load(transcripts: false)
        guard let hit = loaded.index(matching: reference) else {
            throw CleanExit.failure("no episode '\(reference)' in \(loaded.directory) (try 'podread list')")
        }
        return loaded.transcript(of: hit)
    }

    /// Indexes of the utterances by the given speakers (tags or names), all when none.
    static func utterances(of episode: Episode, speakers: [String]) throws -> [Int] {
        guard !speakers.isEmpty else { return Array(episode.utterances.indices) }
        let (indexes, unmatched) = episode.speakerIndexes(matching: speakers)
        if !unmatched.isEmpty {
            let known = episode.speakers.map { "\($0.tag) (\($0.displayName))" }.joined(separator: ", ")
            throw CleanExit.failure("no speaker '\(unmatched.joined(separator: "', '"))' in episode \(episode.title); speakers: \(known)")
        }
        return episode.utterances.indices.filter { indexes.contains(episode.utterances[$0].speakerIndex) }
    }
}
