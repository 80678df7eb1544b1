import ArgumentParser
import TranscriptKit

/// Shell completion of an EPISODE argument: the numbers and ids of the corpus the command
/// line names (`--data`), read through the index (see `CorpusOptions.load`).
enum EpisodeCompletion {
    static let kind = CompletionKind.custom { words, _, prefix in candidates(words: words, prefix: prefix) }

    static func candidates(words: [String], prefix: String) -> [String] {
        let data = words.firstIndex(of: "--data").flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
        var options = CorpusOptions()
        options.data = data
        options.noCache = false   // an unparsed option cannot be read
        guard let corpus = try? options.load(transcripts: false, reportsCacheProblem: false) else { return [] }
        return corpus.episodes.flatMap { [$0.number.map(String.init), $0.id] }.compactMap { $0 }
            .filter { isShellSafe($0) && $0.hasPrefix(prefix) }
    }

    /// Shells expand what completion offers (bash's `compgen -W` runs `$(…)` and backticks)
    /// and a chosen word lands on the command line as it is: only ids of letters, digits and
    /// `-_.,:+@%=/` are offered; the others can still be typed, quoted.
    static func isShellSafe(_ word: String) -> Bool {
        !word.isEmpty && !word.hasPrefix("-") && word.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.,:+@%=/".unicodeScalars.contains(scalar)
        } && !word.unicodeScalars.contains { OutputText.isControl($0) || OutputText.isInvisible($0) }
    }
}
