import ArgumentParser
import TranscriptKit

/// Shell completion of an EPISODE argument: the numbers and ids of the corpus the command
/// line names (`--data`), read through the summary cache.
enum EpisodeCompletion {
    static let kind = CompletionKind.custom { words, _, prefix in candidates(words: words, prefix: prefix) }

    static func candidates(words: [String], prefix: String) -> [String] {
        let data = words.firstIndex(of: "--data").flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
        guard let corpus = try? CorpusLoader.load(directory: CorpusLoader.location(option: data), transcripts: false, cache: true)
        else { return [] }
        return corpus.episodes.flatMap { [$0.number.map(String.init), $0.id] }.compactMap { $0 }.filter { $0.hasPrefix(prefix) }
    }
}
