import Foundation

/// A place in an episode: the utterance, and its time in case the file changes.
public struct ReadingPosition: Codable, Equatable, Sendable {
    public var utterance: Int
    public var time: Double
    /// Where its audio was last heard, in whole seconds (absent when it was never played).
    public var audio: Double?

    public init(utterance: Int, time: Double, audio: Double? = nil) {
        self.utterance = utterance
        self.time = time
        self.audio = audio
    }
}

public struct Bookmark: Codable, Equatable, Sendable {
    /// The corpus folder (absolute) and the episode's file name in it.
    public var corpus: String
    public var file: String
    public var position: ReadingPosition
    public var note: String
    public var created: Date

    public init(corpus: String, file: String, position: ReadingPosition, note: String, created: Date = Date()) {
        self.corpus = corpus
        self.file = file
        self.position = position
        self.note = note
        self.created = created
    }
}

/// What the reader remembers between runs: per corpus the last episode and where each
/// episode was left, and bookmarks. Kept as readable JSON in `$XDG_STATE_HOME/podread/`
/// (default `~/.local/state/podread/`). Every change is a read-modify-write under a lock,
/// written to a temporary file, synced and renamed, so two readers at once lose nothing
/// and a crash leaves the old file or the new one, never half of one. A file that cannot be
/// read is moved aside (and reported), never a reason to stop.
public struct ReaderMemory: Codable, Equatable, Sendable {
    public struct CorpusMemory: Codable, Equatable, Sendable {
        public var lastEpisode: String?
        public var positions: [String: ReadingPosition] = [:]
        /// How much later than its times each episode (by file name) is spoken, where it
        /// was set (`-`, `=` in the reader). Optional: files written before it have none.
        public var syncShifts: [String: Double]?

        public init() {}
    }

    public var version = 1
    public var corpora: [String: CorpusMemory] = [:]
    public var bookmarks: [Bookmark] = []

    public init() {}

    /// The state file, or nil when there is no home for it.
    public static func location(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/podread/state.json" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/podread/state.json" }
        return nil
    }

    /// The absolute path a corpus folder is remembered under.
    public static func key(for directory: String) -> String { URL(fileURLWithPath: directory).standardizedFileURL.path }

    /// What the file at `path` holds.
    enum Stored {
        case missing
        /// The memory, and the whole document, so fields this version does not know are kept.
        case memory(ReaderMemory, document: [String: Any])
        /// Written by a newer podread: neither read nor changed.
        case newer(Int)
        case unreadable
        /// Its folder is not private (see `PrivateFolder`): neither read nor written.
        case refused(String)
    }

    static func stored(at path: String) -> Stored {
        if let problem = PrivateFolder.problem((path as NSString).deletingLastPathComponent) { return .refused(problem) }
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        guard case let .success(bytes) = FileReader.read(path),
              let document = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { return .unreadable }
        if let version = document["version"] as? Int, version > 1 { return .newer(version) }
        guard let memory = decode(bytes) else { return .unreadable }
        return .memory(memory, document: document)
    }

    /// Reads the file at `path`: a missing file is an empty memory; an unreadable one is
    /// moved aside to `path.corrupt-<time>` and the warning says where; a newer version's
    /// file, or one in a folder others could write to, is left alone and not used.
    public static func load(path: String) -> (memory: ReaderMemory, warning: String?) {
        switch stored(at: path) {
        case .missing:
            return (ReaderMemory(), nil)
        case let .memory(memory, _):
            return (memory, nil)
        case let .newer(version):
            return (ReaderMemory(), newerWarning(path, version))
        case let .refused(problem):
            return (ReaderMemory(), "the reader's memory is not used: \(problem)")
        case .unreadable:
            let aside = path + ".corrupt-" + String(Int(Date().timeIntervalSince1970))
            guard rename(path, aside) == 0 else { return (ReaderMemory(), "\(path) cannot be read; starting afresh") }
            return (ReaderMemory(), "\(path) could not be read; moved to \(aside), starting afresh")
        }
    }

    private static func newerWarning(_ path: String, _ version: Int) -> String {
        "\(path) was written by a newer podread (version \(version)); it is left as it is and nothing is remembered this time"
    }

    static func decode(_ bytes: [UInt8]) -> ReaderMemory? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let memory = try? decoder.decode(ReaderMemory.self, from: Data(bytes)), memory.version == 1 else { return nil }
        return memory
    }

    /// Applies `change` to what the file holds now, under an exclusive lock (`path.lock`),
    /// and writes the result atomically, keeping the fields it does not know. Returns the
    /// memory as written and any warning.
    @discardableResult
    public static func update(path: String, _ change: (inout ReaderMemory) -> Void) -> (memory: ReaderMemory, warning: String?) {
        let folder = (path as NSString).deletingLastPathComponent
        if let problem = PrivateFolder.prepare(folder) {
            var memory = ReaderMemory()
            change(&memory)
            return (memory, "the reader's memory is not kept: \(problem)")
        }
        let lock = open(path + ".lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if lock >= 0 { while flock(lock, LOCK_EX) != 0, errno == EINTR {} }
        defer { if lock >= 0 { flock(lock, LOCK_UN); close(lock) } }
        var document: [String: Any] = [:]
        var warning: String?
        var memory = ReaderMemory()
        switch stored(at: path) {
        case let .memory(known, whole):
            (memory, document) = (known, whole)
        case let .newer(version):
            change(&memory)
            return (memory, newerWarning(path, version))
        case .unreadable, .refused:
            (memory, warning) = load(path: path)
        case .missing:
            break
        }
        change(&memory)
        if let problem = write(memory, to: path, keeping: document) { warning = problem }
        return (memory, warning)
    }

    /// Synced, atomic (see `AtomicFile`); nil when all went well. Keys of `document` this
    /// version does not write (at any depth of objects) are written back as they were.
    static func write(_ memory: ReaderMemory, to path: String, keeping document: [String: Any] = [:]) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let encoded = try? encoder.encode(memory),
              let object = (try? JSONSerialization.jsonObject(with: encoded)) as? [String: Any],
              let data = try? JSONSerialization.data(withJSONObject: merge(object, over: document),
                                                     options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "cannot encode the reader's state" }
        return AtomicFile.replace(path, with: data, durable: true, mode: 0o600)
    }

    /// `new` laid over `old`: objects merge key by key, anything else is `new`'s.
    private static func merge(_ new: [String: Any], over old: [String: Any]) -> [String: Any] {
        var result = old
        for (key, value) in new {
            if let inner = value as? [String: Any], let previous = old[key] as? [String: Any] {
                result[key] = merge(inner, over: previous)
            } else {
                result[key] = value
            }
        }
        return result
    }
}
