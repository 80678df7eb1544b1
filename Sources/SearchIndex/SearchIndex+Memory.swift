import Foundation
import GRDB
import TranscriptKit

/// The index keeps what loading its corpus read: each file's summary as parsed, and each
/// folder's summaries as resolved with the state they were resolved in. A later load reads
/// only the files that changed, and none when nothing did. Each summary is kept with a
/// checksum of it and its file's path: a damaged row is read again, never believed. Being a
/// cache, the index only saves time: what cannot be read or written is read from the files.
extension SearchIndex: CorpusMemory {
    public func parsedSummaries(of paths: [String], in folder: String, stamps: [FileStamp?]) -> [EpisodeSummary?] {
        let kept = caching([:]) { try pool.read { db -> [String: (stamp: String, summary: Data, sum: Int64)] in
            var kept: [String: (String, Data, Int64)] = [:]
            guard try Self.isOurs(db) else { return kept }
            let rows = try Row.fetchCursor(db, sql: "SELECT path, stamp, summary, sum FROM parsed WHERE folder = ?",
                                           arguments: [folder])
            while let row = try rows.next() { kept[row[0]] = (row[1], row[2], row[3]) }
            return kept
        } }
        return Concurrently.map(paths.count) { index in
            guard let stamp = stamps[index], let entry = kept[paths[index]], entry.stamp == stamp.text else { return nil }
            return Self.summary(entry.summary, sum: entry.sum, file: paths[index])
        }
    }

    public func keepParsed(_ read: [(path: String, stamp: FileStamp, summary: EpisodeSummary)], folder: String, paths: [String]) {
        let current = Set(paths)
        caching(()) { _ = try ifUnlocked { try writing { db in
            let keep = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO parsed(path, folder, stamp, summary, sum) VALUES (?, ?, ?, ?, ?)
                """)
            for entry in read {
                let summary = Data(entry.summary.encoded)
                try keep.execute(arguments: [entry.path, folder, entry.stamp.text, summary, Self.sum(entry.path, summary)])
            }
            let gone = try String.fetchAll(db, sql: "SELECT path FROM parsed WHERE folder = ?", arguments: [folder])
                .filter { !current.contains($0) }
            for path in gone { try db.execute(sql: "DELETE FROM parsed WHERE path = ?", arguments: [path]) }
        } } }
    }

    public func resolvedSummaries(of folder: String, state: String) -> [EpisodeSummary]? {
        caching(nil) { try pool.read { db -> [EpisodeSummary]? in
            let kept = try String.fetchOne(db, sql: "SELECT state FROM resolvedState WHERE folder = ?", arguments: [folder])
            guard kept == state else { return nil }
            var summaries: [EpisodeSummary] = []
            // Decoded straight from SQLite's buffer: 10,000 rows copied first cost more than decoding them.
            let rows = try Row.fetchCursor(db, sql: "SELECT path, sum, summary FROM resolved WHERE folder = ? ORDER BY position",
                                           arguments: [folder])
            while let row = try rows.next() {
                let path: String = row[0]
                guard let bytes = row.dataNoCopy(atIndex: 2),
                      let summary = Self.summary(bytes, sum: row[1], file: path) else { return nil }
                summaries.append(summary)
            }
            return summaries
        } }
    }

    /// Writes only the summaries that differ from those kept: after one file changed, one row.
    public func keepResolved(_ summaries: [EpisodeSummary], of folder: String, state: String) {
        let encoded = Concurrently.map(summaries.count) { Data(summaries[$0].encoded) }
        caching(()) { _ = try ifUnlocked { try writing { db in
            var kept: [Int: (path: String, summary: Data)] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT position, path, summary FROM resolved WHERE folder = ?", arguments: [folder])
            while let row = try rows.next() { kept[row[0]] = (row[1], row[2]) }
            let keep = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO resolved(folder, position, path, summary, sum) VALUES (?, ?, ?, ?, ?)
                """)
            for (position, summary) in summaries.enumerated() {
                if let old = kept[position], old.path == summary.file, old.summary == encoded[position] { continue }
                try keep.execute(arguments: [folder, position, summary.file, encoded[position],
                                             Self.sum(summary.file, encoded[position])])
            }
            try db.execute(sql: "DELETE FROM resolved WHERE folder = ? AND position >= ?", arguments: [folder, summaries.count])
            try db.execute(sql: "INSERT OR REPLACE INTO resolvedState(folder, state) VALUES (?, ?)", arguments: [folder, state])
        } } }
    }

    /// `work`'s result, or `otherwise` when the index failed it (a damaged one is set aside).
    private func caching<T>(_ otherwise: T, _ work: () throws -> T) -> T {
        do {
            return try work()
        } catch {
            setAsideIfDamaged(error)
            return otherwise
        }
    }

    /// What a row's checksum covers: its file's path and its summary.
    private static func sum(_ path: String, _ summary: Data) -> Int64 {
        summary.withUnsafeBytes { Self.sum(path, $0) }
    }

    private static func sum(_ path: String, _ summary: UnsafeRawBufferPointer) -> Int64 {
        Int64(bitPattern: CacheFolder.hash(summary, seed: CacheFolder.hash(Array(path.utf8))))
    }

    /// The summary kept in `bytes` if they are what was written (`sum`), else nil.
    private static func summary(_ bytes: Data, sum: Int64, file: String) -> EpisodeSummary? {
        bytes.withUnsafeBytes { raw in
            guard Self.sum(file, raw) == sum else { return nil }
            return EpisodeSummary(encoded: raw, file: file)
        }
    }
}
