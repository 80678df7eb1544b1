import Foundation
import GRDB
import TranscriptKit

/// A corpus's utterances in SQLite with FTS5, kept outside the corpus (see `CacheFolder`):
/// each file's stamp, and every utterance's text (diacritics folded by the tokenizer), its
/// episode file, position, time, tag, speaker (an index into the episode's speakers), line
/// and cue offsets. An utterance repeated word for word is indexed where it first is.
/// Beside them, what a search shows of each episode (`store`), for the listing state it
/// was made for: a search of an unchanged corpus reads neither it nor its cache. Brought up to date incrementally (`update`),
/// so a search never reads a transcript. Several processes may use one index at once
/// (WAL); a damaged one is set aside and made again.
public final class SearchIndex: @unchecked Sendable {
    /// Bumped when the schema or what is stored changes: an older index is made again.
    static let version = 5

    let pool: DatabasePool
    public let path: String

    /// Opens (or makes) the index at `path`. Processes open it one at a time (`exclusively`):
    /// one making it must not look damaged to another. Without `waitingForOthers`, while
    /// another process holds it (an update of a large corpus holds it for a while), an
    /// index that exists is opened as it is, and `SearchIndexError.busy` thrown for one
    /// that does not, or is of another build or damaged (set aside only under the lock).
    public init(path: String, waitingForOthers: Bool = true) throws {
        self.path = path
        let opened = try Self.exclusively(path, waiting: waitingForOthers) { () throws -> DatabasePool in
            do {
                return try Self.open(path)
            } catch SearchIndexError.otherBuild {
                // Made by another podread: nothing in it can be trusted, and deleting its
                // rows one by one takes far longer than making it again.
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                return try Self.open(path)
            } catch let error where Self.isDamage(error) {
                // Damaged, or from another version: set aside, and a new one made.
                Self.setAside(path)
                return try Self.open(path)
            }
        }
        if let opened {
            pool = opened
        } else {
            // Another process holds the lock (an update): an index that exists can still be
            // read, as SQLite lets several processes do; only making one needs the lock.
            guard FileManager.default.fileExists(atPath: path), let existing = try? Self.open(path) else {
                throw SearchIndexError.busy
            }
            pool = existing
        }
    }

    private static func setAside(_ path: String) {
        try? FileManager.default.removeItem(atPath: path + ".damaged")
        try? FileManager.default.moveItem(atPath: path, toPath: path + ".damaged")
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Damage found after opening: the file is set aside (this process goes on without what
    /// it kept), and the next one to open the index makes it again.
    func setAsideIfDamaged(_ error: Error) {
        guard Self.isDamage(error) else { return }
        exclusively { Self.setAside(path) }
    }

    /// Errors that say the file is no index of this version, rather than busy or unreadable.
    private static func isDamage(_ error: Error) -> Bool {
        if error is SearchIndexError { return true }
        guard let error = error as? DatabaseError else { return false }
        return [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode)
    }

    /// The index of the corpus folder `directory`, in the cache folder.
    public convenience init(corpusFolder directory: String, waitingForOthers: Bool = true,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let (path, problem) = CacheFolder.place(for: directory, kind: "index", environment: environment)
        guard let path else { throw SearchIndexError.noPlace(problem ?? "no cache folder (neither XDG_CACHE_HOME nor HOME is set)") }
        try self.init(path: path + ".sqlite", waitingForOthers: waitingForOthers)
    }

    /// Runs `work` holding the index's lock file: processes that open, update or store it
    /// do so one at a time (a stamp taken by one cannot be overtaken by another's write).
    func exclusively<T>(_ work: () throws -> T) rethrows -> T { try Self.exclusively(path, waiting: true, work)! }

    /// `work` under the lock if no other process holds it now, else nil: what only saves
    /// time is skipped rather than waited for.
    func ifUnlocked<T>(_ work: () throws -> T) rethrows -> T? { try Self.exclusively(path, waiting: false, work) }

    private static func exclusively<T>(_ path: String, waiting: Bool, _ work: () throws -> T) rethrows -> T? {
        let lock = Glibc.open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        defer { if lock >= 0 { close(lock) } }
        if lock >= 0 {
            while flock(lock, LOCK_EX | (waiting ? 0 : LOCK_NB)) != 0 {
                if errno == EWOULDBLOCK && !waiting { return nil }
                if errno != EINTR { break }
            }
        }
        return try work()
    }

    /// A write transaction (the caller holds the lock: `exclusively`) in an index that is
    /// this podread's: what another build kept may have been read otherwise, and is forgotten.
    func writing<T>(_ work: (Database) throws -> T) throws -> T {
        try pool.write { db in
            if try !Self.isOurs(db) {
                try db.execute(sql: """
                    DELETE FROM utterance; DELETE FROM spoken; DELETE FROM file; DELETE FROM listing;
                    DELETE FROM episode; DELETE FROM speaker; DELETE FROM show;
                    DELETE FROM parsed; DELETE FROM resolved; DELETE FROM resolvedState
                    """)
                try db.execute(sql: "INSERT OR REPLACE INTO made(only, program) VALUES (1, ?)", arguments: [FileStamp.program?.text])
            }
            return try work(db)
        }
    }

    /// Whether this podread made what the index holds (see `writing`).
    static func isOurs(_ db: Database) throws -> Bool {
        let made = try String.fetchOne(db, sql: "SELECT program FROM made WHERE only = 1")
        return made != nil && made == FileStamp.program?.text
    }

    /// Stops the queries under way (they throw); for a search that a newer one replaces.
    public func interrupt() { pool.interrupt() }

    private static func open(_ path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        // A cache: a write lost in a crash only costs time, and WAL keeps the file whole.
        // Pages of 16 kB (for a new file; before WAL is set): utterances of about 500 bytes
        // left 15% of 4 kB pages empty, and the index was 1.6× the corpus instead of 1.45×.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        // An index of this version and build is only read: opening it writes nothing (a
        // write would cost a checkpoint and its syncs on every search). A new one is made
        // in a write, checked again there (another process may have made it meanwhile).
        if try pool.read({ try isMade($0) }) { return pool }
        try pool.write { db in
            guard try !isMade(db) else { return }
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS file(
                    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,
                    size INTEGER NOT NULL, inode INTEGER NOT NULL, modified INTEGER NOT NULL, changed INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS spoken(
                    id INTEGER PRIMARY KEY, file INTEGER NOT NULL, position INTEGER NOT NULL,
                    start REAL NOT NULL, timestamp TEXT NOT NULL, tag TEXT NOT NULL,
                    speaker INTEGER NOT NULL, line INTEGER NOT NULL, cues TEXT);
                CREATE INDEX IF NOT EXISTS spoken_by_file ON spoken(file);
                CREATE VIRTUAL TABLE IF NOT EXISTS utterance USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
                CREATE TABLE IF NOT EXISTS listing(only INTEGER PRIMARY KEY CHECK (only = 1), state TEXT);
                CREATE TABLE IF NOT EXISTS episode(
                    path TEXT PRIMARY KEY, position INTEGER NOT NULL, id TEXT NOT NULL, number INTEGER,
                    title TEXT NOT NULL, date TEXT, show TEXT);
                CREATE TABLE IF NOT EXISTS speaker(
                    path TEXT NOT NULL, position INTEGER NOT NULL, tag TEXT NOT NULL, name TEXT NOT NULL,
                    role TEXT NOT NULL, certain INTEGER NOT NULL);
                CREATE INDEX IF NOT EXISTS speaker_by_path ON speaker(path, position);
                CREATE TABLE IF NOT EXISTS show(folder TEXT PRIMARY KEY, title TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS made(only INTEGER PRIMARY KEY CHECK (only = 1), program TEXT);
                CREATE TABLE IF NOT EXISTS parsed(
                    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, folder TEXT NOT NULL, stamp TEXT NOT NULL,
                    summary BLOB NOT NULL, sum INTEGER NOT NULL);
                CREATE INDEX IF NOT EXISTS parsed_by_folder ON parsed(folder);
                CREATE TABLE IF NOT EXISTS resolved(
                    id INTEGER PRIMARY KEY, folder TEXT NOT NULL, position INTEGER NOT NULL, path TEXT NOT NULL,
                    summary BLOB NOT NULL, sum INTEGER NOT NULL, UNIQUE (folder, position));
                CREATE TABLE IF NOT EXISTS resolvedState(folder TEXT PRIMARY KEY, state TEXT NOT NULL);
                PRAGMA user_version = \(version);
                """)
            _ = try isMade(db)
        }
        return pool
    }

    /// Whether the file holds this version's tables (false for a new, empty one); throws
    /// for another version's, another build's, or what is no database at all.
    private static func isMade(_ db: Database) throws -> Bool {
        let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if found != 0, found != version { throw SearchIndexError.otherVersion(found) }
        guard found == version else { return false }
        let made = try String.fetchOne(db, sql: "SELECT program FROM made WHERE only = 1")
        if made != nil, made != FileStamp.program?.text { throw SearchIndexError.otherBuild }
        // Reading a table proves the file is a database at all.
        _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM file")
        return true
    }
}

public enum SearchIndexError: Error, CustomStringConvertible {
    case noPlace(String)
    case otherVersion(Int)
    case otherBuild
    case busy

    public var description: String {
        switch self {
        case let .noPlace(why): return "no search index: \(why)"
        case let .otherVersion(found): return "the search index is of another version (\(found))"
        case .otherBuild: return "the search index was made by another podread"
        case .busy: return "the index is being made by another podread: every file is read this time"
        }
    }
}
