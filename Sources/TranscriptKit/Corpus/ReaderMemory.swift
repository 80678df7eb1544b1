import Foundation

/// A place in an episode: the utterance, and its time in case the file changes.
public struct ReadingPosition: Codable, Equatable, Sendable {
    public var utterance: Int
    public var time: Double

    public init(utterance: Int, time: Double) {
        self.utterance = utterance
        self.time = time
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

    /// Reads the file at `path`: a missing file is an empty memory; an unreadable one is
    /// moved aside to `path.corrupt-<time>` and the warning says where.
    public static func load(path: String) -> (memory: ReaderMemory, warning: String?) {
        guard FileManager.default.fileExists(atPath: path) else { return (ReaderMemory(), nil) }
        if case let .success(bytes) = FileReader.read(path), let memory = decode(bytes) { return (memory, nil) }
        let aside = path + ".corrupt-" + String(Int(Date().timeIntervalSince1970))
        guard rename(path, aside) == 0 else { return (ReaderMemory(), "\(path) cannot be read; starting afresh") }
        return (ReaderMemory(), "\(path) could not be read; moved to \(aside), starting afresh")
    }

    static func decode(_ bytes: [UInt8]) -> ReaderMemory? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let memory = try? decoder.decode(ReaderMemory.self, from: Data(bytes)), memory.version == 1 else { return nil }
        return memory
    }

    /// Applies `change` to what the file holds now, under an exclusive lock (`path.lock`),
    /// and writes the result atomically. Returns the memory as written and any warning.
    @discardableResult
    public static func update(path: String, _ change: (inout ReaderMemory) -> Void) -> (memory: ReaderMemory, warning: String?) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let lock = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if lock >= 0 { while flock(lock, LOCK_EX) != 0, errno == EINTR {} }
        defer { if lock >= 0 { flock(lock, LOCK_UN); close(lock) } }
        var (memory, warning) = load(path: path)
        change(&memory)
        if let problem = write(memory, to: path) { warning = problem }
        return (memory, warning)
    }

    /// Synced, atomic (see `AtomicFile`); nil when all went well.
    static func write(_ memory: ReaderMemory, to path: String) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(memory) else { return "cannot encode the reader's state" }
        return AtomicFile.replace(path, with: data, durable: true, mode: 0o600)
    }
}
