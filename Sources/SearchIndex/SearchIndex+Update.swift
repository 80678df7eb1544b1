import Foundation
import GRDB
import TranscriptKit

extension SearchIndex {
    /// What an update did.
    public struct Changes: Equatable, Sendable {
        public var read = 0
        public var removed = 0
        public var unchanged = 0
    }

    /// Brings the index up to date with `corpus`: reads (on every core) only the episodes
    /// whose files changed since it last saw them, and forgets the files that are gone.
    @discardableResult
    public func update(_ corpus: Corpus, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> Changes {
        let known = try pool.read { db -> [String: (id: Int64, stamp: FileStamp)] in
            var known: [String: (Int64, FileStamp)] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, path, size, inode, modified, changed FROM file")
            while let row = try rows.next() {
                known[row[1]] = (row[0], FileStamp(size: row[2], inode: row[3], modified: row[4], changed: row[5]))
            }
            return known
        }
        var changes = Changes()
        var stale: [(index: Int, stamp: FileStamp?)] = []
        for (index, episode) in corpus.episodes.enumerated() {
            let stamp = FileStamp(path: episode.file)
            if let old = known[episode.file], stamp != nil, old.stamp == stamp {
                changes.unchanged += 1
            } else {
                stale.append((index, stamp))
            }
        }
        let current = Set(corpus.episodes.map(\.file))
        let gone = known.filter { !current.contains($0.key) }.map(\.value.id)

        // In batches: a batch's transcripts are read on every core, then written in one transaction.
        let batchSize = 64
        var done = 0
        for start in stride(from: 0, to: stale.count, by: batchSize) {
            let batch = Array(stale[start..<min(start + batchSize, stale.count)])
            let episodes = Concurrently.map(batch.count) { corpus.transcript(of: batch[$0].index) }
            try pool.write { db in
                for (entry, episode) in zip(batch, episodes) {
                    try Self.forget(path: corpus.episodes[entry.index].file, in: db)
                    // A file that could not be stamped is indexed but never trusted as unchanged.
                    let stamp = entry.stamp ?? FileStamp(size: -1, inode: -1, modified: -1, changed: -1)
                    try db.execute(sql: "INSERT INTO file(path, size, inode, modified, changed) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [corpus.episodes[entry.index].file, stamp.size, stamp.inode, stamp.modified, stamp.changed])
                    let file = db.lastInsertedRowID
                    for (position, utterance) in episode.utterances.enumerated() {
                        let speaker = episode.speakers.indices.contains(utterance.speakerIndex) ? episode.speakers[utterance.speakerIndex].name : ""
                        try db.execute(sql: "INSERT INTO spoken(file, position, start, speaker) VALUES (?, ?, ?, ?)",
                                       arguments: [file, position, utterance.start, speaker])
                        try db.execute(sql: "INSERT INTO utterance(rowid, text) VALUES (?, ?)", arguments: [db.lastInsertedRowID, utterance.text])
                    }
                }
            }
            done += batch.count
            changes.read += batch.count
            progress?(done, stale.count)
        }
        if !gone.isEmpty {
            try pool.write { db in
                for id in gone { try Self.forget(file: id, in: db) }
            }
            changes.removed = gone.count
        }
        return changes
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
