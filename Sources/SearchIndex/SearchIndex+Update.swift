import Foundation
import GRDB
import TranscriptKit

extension SearchIndex {
    /// What an update did.
    public struct Changes: Equatable, Sendable {
        public var read = 0
        public var removed = 0
        public var unchanged = 0

        public init(read: Int = 0, removed: Int = 0, unchanged: Int = 0) {
            self.read = read
            self.removed = removed
            self.unchanged = unchanged
        }
    }

    /// Brings the index up to date with `corpus`: reads (on every core) only the episodes
    /// whose files changed since it last saw them, and (with `forgettingOthers`) forgets
    /// the files the corpus does not have. Everything is read again when another podread
    /// executable made the index. A change forgets the stored listing (`store`), so no
    /// search trusts it until the corpus is stored again. `isCancelled` is asked between
    /// batches: what was written stays, the rest waits for the next update.
    @discardableResult
    public func update(_ corpus: Corpus, forgettingOthers: Bool = true,
                       progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                       isCancelled: () -> Bool = { false }) throws -> Changes {
        try exclusively {
            try writeUpdate(corpus, forgettingOthers: forgettingOthers, progress: progress, isCancelled: isCancelled)
        }
    }

    private func writeUpdate(_ corpus: Corpus, forgettingOthers: Bool,
                             progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
                             isCancelled: () -> Bool) throws -> Changes {
        let known = try pool.read { db -> [String: (id: Int64, stamp: FileStamp)] in
            var known: [String: (Int64, FileStamp)] = [:]
            // Another build may read files otherwise: nothing it indexed is trusted (and its
            // rows go with the first write, see `writing`).
            guard try Self.isOurs(db) else { return known }
            let rows = try Row.fetchCursor(db, sql: "SELECT id, path, size, inode, modified, changed FROM file")
            while let row = try rows.next() {
                known[row[1]] = (row[0], FileStamp(size: row[2], inode: row[3], modified: row[4], changed: row[5]))
            }
            return known
        }
        var changes = Changes()
        var stale: [(index: Int, stamp: FileStamp?)] = []
        let stamps = Concurrently.map(corpus.episodes.count) { FileStamp(path: corpus.episodes[$0].file) }
        for (index, episode) in corpus.episodes.enumerated() {
            let stamp = stamps[index]
            if let old = known[episode.file], stamp != nil, old.stamp == stamp {
                changes.unchanged += 1
            } else {
                stale.append((index, stamp))
            }
        }
        let current = Set(corpus.episodes.map(\.file))
        let gone = forgettingOthers ? known.filter { !current.contains($0.key) }.map(\.value.id) : []
        if !stale.isEmpty || !gone.isEmpty {
            try writing { db in try db.execute(sql: "DELETE FROM listing") }
        }

        // In batches: a batch's transcripts are read on every core while the one before is
        // written (one transaction each, on a queue of its own; two batches in memory at most).
        let batchSize = 64
        let writes = DispatchQueue(label: "podread.index.writes")
        let inFlight = DispatchSemaphore(value: 2)
        let outcome = WriteOutcome()
        let total = stale.count
        for start in stride(from: 0, to: stale.count, by: batchSize) {
            if outcome.failure != nil || isCancelled() { break }
            let batch = Array(stale[start..<min(start + batchSize, stale.count)])
            let episodes = Concurrently.map(batch.count) { corpus.transcript(of: batch[$0].index) }
            let rows = zip(batch, episodes).map { entry, episode in
                Self.Rows(path: corpus.episodes[entry.index].file, stamp: entry.stamp, episode: episode)
            }
            inFlight.wait()
            writes.async { [self] in
                defer { inFlight.signal() }
                guard outcome.failure == nil else { return }
                do {
                    try writing { db in try Self.write(rows, in: db) }
                    outcome.done(rows.count, of: total, progress: progress)
                } catch {
                    outcome.fail(error)
                }
            }
        }
        writes.sync {}
        if let failure = outcome.failure { throw failure }
        changes.read = outcome.written
        if !gone.isEmpty {
            try writing { db in
                for id in gone { try Self.forget(file: id, in: db) }
            }
            changes.removed = gone.count
        }
        return changes
    }

    /// What one episode puts in the index.
    struct Rows: Sendable {
        let path: String
        let stamp: FileStamp?
        let episode: Episode
    }

    private static func write(_ rows: [Rows], in db: Database) throws {
        let file = try db.cachedStatement(sql: "INSERT INTO file(path, size, inode, modified, changed) VALUES (?, ?, ?, ?, ?)")
        let spoken = try db.cachedStatement(sql: """
            INSERT INTO spoken(file, position, start, timestamp, tag, speaker, line, cues) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let text = try db.cachedStatement(sql: "INSERT INTO utterance(rowid, text) VALUES (?, ?)")
        for row in rows {
            try forget(path: row.path, in: db)
            // A file that could not be stamped, or changed within the last second, is indexed
            // but never trusted as unchanged.
            let stamp = row.stamp.flatMap { $0.isSettled ? $0 : nil } ?? FileStamp(size: -1, inode: -1, modified: -1, changed: -1)
            try file.execute(arguments: [row.path, stamp.size, stamp.inode, stamp.modified, stamp.changed])
            let id = db.lastInsertedRowID
            let utterances = row.episode.utterances
            let repeats = RepeatedUtterances.earlier(in: utterances)
            for (position, utterance) in utterances.enumerated() where repeats[position] == nil {
                let cues = utterance.cues.isEmpty ? nil : CueOffsets.encode(utterance.cueOffsets)
                try spoken.execute(arguments: [id, position, utterance.start, utterance.timestamp, utterance.tag,
                                               utterance.speakerIndex, utterance.line, cues])
                try text.execute(arguments: [db.lastInsertedRowID, Highlight.clean(utterance.text)])
            }
        }
    }

    /// The writes' progress and first failure, shared with the writing queue.
    final class WriteOutcome: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        private var error: Error?

        var failure: Error? { lock.withLock { error } }
        var written: Int { lock.withLock { self.count } }

        func fail(_ error: Error) { lock.withLock { if self.error == nil { self.error = error } } }

        func done(_ count: Int, of total: Int, progress: (@Sendable (Int, Int) -> Void)?) {
            let now = lock.withLock { self.count += count; return self.count }
            progress?(now, total)
        }
    }

    private static func forget(path: String, in db: Database) throws {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM file WHERE path = ?", arguments: [path]) else { return }
        try forget(file: id, in: db)
    }

    private static func forget(file id: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM utterance WHERE rowid IN (SELECT id FROM spoken WHERE file = ?)", arguments: [id])
        try db.execute(sql: "DELETE FROM spoken WHERE file = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM file WHERE id = ?", arguments: [id])
    }
}
