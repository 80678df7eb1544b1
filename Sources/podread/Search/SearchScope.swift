import Foundation
import SearchIndex
import TranscriptKit

/// Which episodes and speakers a search looks at (`--episode`, `--show`, `--since`,
/// `--until`, `--number`, `--speaker`), decided on the corpus's summaries: each file let
/// through, with the speakers wanted in it (nil: every speaker).
struct SearchScope {
    private(set) var files: [String: Set<Int>?] = [:]

    struct Filters {
        var episode: String?
        var shows: [String] = []
        var since: String?
        var until: String?
        var numbers: ClosedRange<Int>?
        var speakers: [String] = []

        var isEmpty: Bool {
            episode == nil && shows.isEmpty && since == nil && until == nil && numbers == nil && speakers.isEmpty
        }
    }

    /// Throws `CleanExit` when a filter names what the corpus does not have.
    init(_ corpus: Corpus, _ filters: Filters) throws {
        var only: String?
        if let reference = filters.episode {
            guard let found = corpus.episode(matching: reference) else {
                throw CleanExit.failure("no episode '\(reference)' in \(corpus.directory) (try 'podread list')")
            }
            only = found.file
        }
        let shows = filters.shows.map { SearchText.fold($0.trimmedSpaces, caseSensitive: false) }
        if !shows.isEmpty {
            let known = corpus.episodes.contains { Self.show($0, in: corpus, isOneOf: shows) }
            if !known { throw CleanExit.failure("no show matches '\(filters.shows.joined(separator: "', '"))' (try 'podread shows')") }
        }
        for episode in corpus.episodes {
            if let only, episode.file != only { continue }
            if !shows.isEmpty, !Self.show(episode, in: corpus, isOneOf: shows) { continue }
            if let numbers = filters.numbers, !(episode.number.map(numbers.contains) ?? false) { continue }
            if filters.since != nil || filters.until != nil {
                // Only an ISO date (as feeds' sidecars and most front matter give) compares.
                guard let date = episode.date.map({ String($0.prefix(10)) }), date.count == 10,
                      Self.date(date) != nil else { continue }
                if let since = filters.since, date < since { continue }
                // `--until 2020` takes in the whole year: compare as much as was given.
                if let until = filters.until, date.prefix(until.count) > until { continue }
            }
            if filters.speakers.isEmpty {
                files[episode.file] = .some(nil)
            } else {
                let wanted = episode.speakerIndexes(matching: filters.speakers).indexes
                if !wanted.isEmpty { files[episode.file] = .some(wanted) }
            }
        }
    }

    /// As the index takes it.
    var index: SearchIndex.Scope { SearchIndex.Scope(files: files) }

    private static func show(_ episode: EpisodeSummary, in corpus: Corpus, isOneOf names: [String]) -> Bool {
        guard let folder = episode.show else { return false }
        let title = SearchText.fold(corpus.show(of: episode)?.title ?? "", caseSensitive: false)
        let name = SearchText.fold(folder, caseSensitive: false)
        return names.contains { $0 == name || (!$0.isEmpty && title.contains($0)) }
    }

    /// A date as given on the command line: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    static func date(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        return text
    }

    /// Episode numbers as given: `12`, `10-20`, `10-` or `-20`.
    static func numbers(_ text: String) -> ClosedRange<Int>? {
        func number(_ part: Substring, otherwise: Int) -> Int? {
            if part.isEmpty { return otherwise }
            guard part.count <= 9, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard let low = number(parts[0], otherwise: 0) else { return nil }
        guard parts.count == 2 else { return parts[0].isEmpty ? nil : low...low }
        guard let high = number(parts[1], otherwise: Int.max), !(parts[0].isEmpty && parts[1].isEmpty),
              low <= high else { return nil }
        return low...high
    }
}
