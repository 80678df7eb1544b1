import Foundation
import TranscriptKit
@testable import ReaderUI

enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = root.appendingPathComponent("data").path

    /// wcwidth needs a UTF-8 locale, as in the real terminal.
    static let localeReady: Bool = {
        setlocale(LC_ALL, "C.UTF-8")
        return true
    }()

    static let dataCorpus: Corpus = try! CorpusLoader.load(directory: data)

    static func corpus(_ files: [String: String]) -> Corpus {
        var episodes = files.sorted { $0.key < $1.key }.map { EpisodeParser.parse(text: $0.value, file: $0.key) }
        SpeakerResolver.resolve(&episodes)
        return Corpus(directory: "test", transcripts: episodes)
    }

    static func state(_ corpus: Corpus = dataCorpus, width: Int = 140, height: Int = 30, mode: ColorMode = .full256) -> ReaderState {
        _ = localeReady
        return ReaderState(corpus: corpus, width: width, height: height, colorMode: mode)
    }

    static func episode(number: Int, title: String, hosts: [String], guests: [String] = [], body: String, related: [String] = []) -> String {
        var text = "---\nepisode_id: ep-\(number)\nepisode_number: \(number)\ntitle: \(title)\nhosts:\n"
        for host in hosts { text += "    - name: \(host)\n" }
        if !guests.isEmpty {
            text += "guests:\n"
            for guest in guests { text += "    - name: \(guest)\n" }
        }
        if !related.isEmpty { text += "related:\n" + related.map { "- \($0)\n" }.joined() }
        return text + "---\n" + body
    }
}

extension ReaderState {
    /// Applies an action as the program would: a transcript asked for is read here and now
    /// and handed back. Returns every effect asked for.
    @discardableResult
    mutating func act(_ action: Action) -> [Effect] {
        var effects = update(&self, action)
        var index = 0
        while index < effects.count {
            if case let .readTranscript(episode, file) = effects[index] {
                effects += update(&self, .transcriptRead(episode: episode, file: file, Delivered(corpus.transcript(of: episode))))
            }
            index += 1
        }
        return effects
    }

    @discardableResult
    mutating func send(_ keys: Key...) -> [Effect] { keys.flatMap { act(.key($0)) } }
    @discardableResult
    mutating func type(_ text: String) -> [Effect] { text.flatMap { act(.key(.char($0))) } }

    /// Answers the corpus search under way here and now, as the program would from its index
    /// (a stand-in: each word, or "phrase", found without case at the start of a word; every
    /// one in the same utterance; in corpus order).
    mutating func finishCorpusSearch() {
        guard let search = corpusSearch else { return }
        let hits = StandInSearch.hits(search.text, in: corpus)
        act(.corpusSearchFinished(id: search.id, hits: hits, total: hits.count))
    }

    mutating func remember(_ memory: ReaderMemory, key: String) {
        act(.remembered(Delivered(memory), key: key, warning: nil))
    }
}

extension [Effect] {
    /// The changes to the reader's memory asked for, in order.
    var memoryChanges: [MemoryChange] {
        flatMap { effect -> [MemoryChange] in
            if case let .saveMemory(changes) = effect { return changes }
            return []
        }
    }
}

extension Grid {
    /// The first (x, y) where `text` starts, searching rows top to bottom.
    func find(_ text: String, inRows rows: Range<Int>? = nil) -> (x: Int, y: Int)? {
        for y in rows ?? 0..<height {
            let cells = (0..<width).map { self[$0, y].text }
            let row = cells.joined()
            guard let range = row.range(of: text) else { continue }
            // Convert the string offset to a column (continuation cells are empty strings).
            let prefix = row[..<range.lowerBound]
            var column = 0, consumed = 0
            let target = prefix.count
            while column < width, consumed < target {
                consumed += cells[column].count
                column += 1
            }
            while column < width, cells[column].isEmpty { column += 1 }
            return (column, y)
        }
        return nil
    }

    func contains(_ text: String) -> Bool { find(text) != nil }
}

/// Random cases that are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state ^ (state >> 29)
    }

    /// Up to 29 of `pieces`, chosen at random, one after another.
    mutating func text(of pieces: [String]) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0..<30, using: &self) { text += pieces[Int.random(in: 0..<pieces.count, using: &self)] }
        return text
    }
}

enum StandInSearch {
    static func hits(_ typed: String, in corpus: Corpus) -> [SearchHit] {
        let terms = typed.split(separator: "\"").enumerated().flatMap { n, part in
            n % 2 == 1 ? [part.lowercased()] : part.split(separator: " ").map { $0.lowercased() }
        }.filter { !$0.isEmpty }
        var hits: [SearchHit] = []
        for number in corpus.episodes.indices {
            let episode = corpus.transcript(of: number)
            for (position, utterance) in episode.utterances.enumerated() {
                let text = utterance.text
                let lower = Array(text.lowercased())
                guard lower.count == text.count else { continue }
                var matches: [Range<Int>] = []
                for term in terms {
                    let needle = Array(term)
                    let found = lower.indices.filter { at in
                        at + needle.count <= lower.count && Array(lower[at..<(at + needle.count)]) == needle
                            && (at == 0 || !lower[at - 1].isLetter)
                    }
                    guard !found.isEmpty else { matches = []; break }
                    matches += found.map { $0..<($0 + needle.count) }
                }
                guard !matches.isEmpty else { continue }
                hits.append(SearchHit(episode: number, utterance: position, start: utterance.start,
                                      speaker: episode.speaker(of: utterance), text: text,
                                      matches: matches.sorted { $0.lowerBound < $1.lowerBound }))
            }
        }
        return hits
    }
}
