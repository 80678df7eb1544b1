import Foundation

/// Episode summaries from earlier runs, in `$XDG_CACHE_HOME/podread` (default
/// `~/.cache/podread`), one file per corpus folder. An entry is used only when its file has
/// the same size, modification and change times and inode, and the cache was written by the
/// same podread executable; anything else, and any unreadable cache, means parsing again.
public struct SummaryCache: Sendable {
    /// What identifies one version of a file without reading it.
    struct Stamp: Equatable, Sendable {
        var size: Int
        var inode: UInt64
        var modified: Int64
        var changed: Int64

        init(size: Int, inode: UInt64, modified: Int64, changed: Int64) {
            self.size = size
            self.inode = inode
            self.modified = modified
            self.changed = changed
        }

        /// A transcript's stamp covers its sidecar `.yaml` too: editing, adding or removing
        /// the sidecar changes the episode.
        init?(path: String) {
            guard let own = Self(file: path) else { return nil }
            self = own
            if TranscriptFile.isCandidate(path), let side = Self(file: TranscriptFile.sidecar(of: path)) {
                size += side.size << 32
                inode ^= side.inode &* 0x9E37_79B9_7F4A_7C15
                modified = max(modified, side.modified)
                changed = max(changed, side.changed)
            }
        }

        private init?(file path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            size = Int(info.st_size)
            inode = UInt64(info.st_ino)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        }

        /// A file changed within the last second could change again within the same clock
        /// tick, with the same size, and look unchanged; such files are not cached.
        var isSettled: Bool {
            let now = Int64(Date().timeIntervalSince1970 * 1e9)
            return max(modified, changed) < now - 1_000_000_000
        }
    }

    struct Entry: Sendable {
        var name: String
        var stamp: Stamp
        var summary: EpisodeSummary
    }

    /// The first bytes of a cache file; the number changes with the format.
    static let magic = "podread-summaries 6"
    /// Where this corpus's cache lives, or nil when there is no home for it.
    let path: String?
    private let program: Stamp?
    /// The running podread: a cache written by another build is not trusted.
    static let program = Stamp(path: "/proc/self/exe")
    private(set) var summaries = StampedEntries<EpisodeSummary>()

    /// Reads the cache of `directory`; a missing, corrupt or foreign cache is an empty one.
    public init(directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        program = Self.program
        path = Self.location(for: directory, environment: environment)
        // FileReader, like episode files: a FIFO or a huge file in its place is not a cache.
        guard let path, let program, case let .success(data) = FileReader.read(path),
              let list = Self.decode(data, program: program)
        else { return }
        summaries = StampedEntries(list.map { ($0.name, .init(stamp: $0.stamp, value: $0.summary)) })
    }

    /// The entries of a cache file written by `program`; nil when anything is wrong with it.
    static func decode(_ data: [UInt8], program: Stamp) -> [Entry]? {
        var body = data
        guard CacheFile.unseal(&body) else { return nil }
        return decodeBody(body, program: program)
    }

    private static func decodeBody(_ body: [UInt8], program: Stamp) -> [Entry]? {
        var reader = CacheReader(body)
        guard let magic = try? reader.string(), magic == Self.magic,
              let written = try? Stamp(&reader), written == program,
              let list = try? reader.array(Entry.init), reader.isAtEnd
        else { return nil }
        return list
    }

    /// For fuzzing: reads `bytes` as a cache body (no checksum, so mutations reach the
    /// decoder) and checks that an episode's summary survives writing and reading.
    public static func exercise(_ bytes: [UInt8], episode: Episode) {
        let program = Stamp(size: 1, inode: 2, modified: 3, changed: 4)
        _ = decodeBody(bytes, program: program)
        var writer = CacheWriter()
        writer.string(magic)
        program.write(&writer)
        let stamp = Stamp(size: 5, inode: 6, modified: 7, changed: 8)
        writer.array([Entry(name: "x.md", stamp: stamp, summary: episode.summary)]) { $1.write(&$0) }
        guard let back = decodeBody(writer.bytes, program: program), back.count == 1 else {
            preconditionFailure("a summary did not survive the cache")
        }
        let again = back[0].summary.read(as: episode.file)
        precondition(again.title == episode.title && again.speakers.map(\.tag) == episode.speakers.map(\.tag)
            && again.diagnostics == episode.diagnostics && again.evidence == episode.evidence
            && again.utteranceCount == episode.summary.utteranceCount && again.reading == episode.reading
            && again.speakers == episode.speakers && again.people == episode.people, "a summary changed in the cache")
    }

    /// A 64-bit multiply-xor hash, eight bytes at a time (the cache is megabytes).
    static func checksum(_ bytes: [UInt8]) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
                hash ^= hash >> 29
                i += 8
            }
            while i < raw.count {
                hash = (hash ^ UInt64(raw[i])) &* 0x100_0000_01b3
                i += 1
            }
        }
        return Int(Int64(bitPattern: hash))
    }

    /// The cache file of `directory`, in a private folder (see `PrivateFolder`); nil when
    /// there is no home for it, or its folder may not be used (`problem` says why).
    static func location(for directory: String, environment: [String: String]) -> String? {
        place(for: directory, environment: environment).path
    }

    static func place(for directory: String, environment: [String: String]) -> (path: String?, problem: String?) {
        let base: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.cache"
        } else {
            return (nil, nil)
        }
        if let problem = PrivateFolder.prepare(base + "/podread") { return (nil, "the cache is not used: " + problem) }
        let absolute = URL(fileURLWithPath: directory).standardizedFileURL.path
        // One cache file per corpus folder, named by a hash of its absolute path.
        let hash = UInt64(bitPattern: Int64(checksum(Array(absolute.utf8))))
        return (base + "/podread/summaries-" + String(hash, radix: 16), nil)
    }

    /// The cached summary of the file `name`, read now as `path`, if it has not changed.
    func summary(for name: String, path: String, stamp: Stamp?) -> Episode? {
        summaries.value(for: name, stamp: stamp).map { Episode(summary: $0.read(as: path)) }
    }

    mutating func store(_ episode: Episode, name: String, stamp: Stamp?) {
        summaries.store(episode.summary, name: name, stamp: stamp)
    }

    /// Drops entries of files that are gone.
    mutating func keep(only names: Set<String>) { summaries.keep(only: names) }

    /// Writes the cache atomically (temporary file, then rename); failures are ignored, as
    /// the cache only saves time.
    func save() {
        guard summaries.isChanged, let path, let program else { return }
        var writer = CacheWriter()
        writer.string(Self.magic)
        program.write(&writer)
        writer.array(summaries.sorted.map { Entry(name: $0.name, stamp: $0.entry.stamp, summary: $0.entry.value) }) { $1.write(&$0) }
        CacheFile.write(writer, to: path)
    }
}

extension EpisodeSummary {
    var tags: [String] { speakers.map(\.tag) }

    /// This summary as the cache keeps it, read back for the file now at `file`.
    func read(as file: String) -> EpisodeSummary {
        var summary = self
        summary.file = file
        summary.diagnostics = diagnostics.map { var d = $0; d.file = file; return d }
        return summary
    }
}

extension SummaryCache.Stamp {
    init(_ r: inout CacheReader) throws {
        size = try r.int()
        inode = UInt64(bitPattern: Int64(try r.int()))
        modified = Int64(try r.int())
        changed = Int64(try r.int())
    }

    func write(_ w: inout CacheWriter) {
        w.int(size)
        w.int(Int(Int64(bitPattern: inode)))
        w.int(Int(modified))
        w.int(Int(changed))
    }
}

extension SummaryCache.Entry {
    init(_ r: inout CacheReader) throws {
        name = try r.string()
        stamp = try SummaryCache.Stamp(&r)
        summary = try EpisodeSummary(&r)
    }

    func write(_ w: inout CacheWriter) {
        w.string(name)
        stamp.write(&w)
        summary.write(&w)
    }
}

extension EpisodeSummary {
    /// A summary as the cache keeps it: as parsed (before resolution), without its file's
    /// path (see `read(as:)`) or the other files of its episode.
    init(_ r: inout CacheReader) throws {
        self.init(file: "")
        func person(_ r: inout CacheReader) throws -> Person {
            Person(name: try r.string(), url: try r.optional { try $0.string() })
        }
        id = try r.string()
        number = try r.optional { try $0.int() }
        title = try r.string()
        hosts = try r.array(person)
        guests = try r.array(person)
        video = try r.optional { try $0.string() }
        related = try r.array { try $0.string() }
        let lines = try r.array { r in (try r.string(), try r.int()) }
        relatedLines = Dictionary(lines, uniquingKeysWith: { first, _ in first })
        duration = try r.double()
        // A forged cache is read like a hostile file: a time no file could give is corruption.
        guard TimeFormat.checked(duration) != nil else { throw CacheReader.Corrupt() }
        speakers = try r.array { try Speaker(&$0) }
        diagnostics = try r.array { r in
            let line = try r.int()
            guard let severity = Diagnostic.Severity(rawValue: try r.string()) else { throw CacheReader.Corrupt() }
            return Diagnostic(file: "", line: line, severity: severity, message: try r.string())
        }
        var evidence = SpeakerEvidence()
        evidence.utteranceCounts = try r.array { try $0.int() }
        evidence.firstLines = try r.array { try $0.int() }
        evidence.introductions = try r.array { try $0.array { try $0.string() } }
        evidence.namedInNotes = try r.array { try $0.string() }
        let count = speakers.count
        guard evidence.utteranceCounts.count == count, evidence.firstLines.count == count,
              evidence.introductions.count == count else { throw CacheReader.Corrupt() }
        self.evidence = evidence
        reading = try TranscriptReading(&r)
        date = try r.optional { try $0.string() }
        media = try r.optional { try $0.string() }
        people = try r.array(person)
        season = try r.optional { try $0.int() }
        audio = try r.optional { try $0.string() }
        missingTranscript = try r.optional { try $0.string() }.map { MissingTranscript(rawValue: $0) ?? .notInFeed }
    }

    func write(_ w: inout CacheWriter) {
        func person(_ w: inout CacheWriter, _ p: Person) {
            w.string(p.name)
            w.optional(p.url) { $0.string($1) }
        }
        w.string(id)
        w.optional(number) { $0.int($1) }
        w.string(title)
        w.array(hosts, person)
        w.array(guests, person)
        w.optional(video) { $0.string($1) }
        w.array(related) { $0.string($1) }
        w.array(relatedLines.sorted { $0.key < $1.key }) { $0.string($1.key); $0.int($1.value) }
        w.double(duration)
        w.array(speakers) { $1.write(&$0) }
        w.array(diagnostics) { w, d in
            w.int(d.line)
            w.string(d.severity.rawValue)
            w.string(d.message)
        }
        w.array(evidence.utteranceCounts) { $0.int($1) }
        w.array(evidence.firstLines) { $0.int($1) }
        w.array(evidence.introductions) { w, names in w.array(names) { $0.string($1) } }
        w.array(evidence.namedInNotes) { $0.string($1) }
        reading.write(&w)
        w.optional(date) { $0.string($1) }
        w.optional(media) { $0.string($1) }
        w.array(people, person)
        w.optional(season) { $0.int($1) }
        w.optional(audio) { $0.string($1) }
        w.optional(missingTranscript) { $0.string($1.rawValue) }
    }
}

extension Speaker {
    init(_ r: inout CacheReader) throws {
        let tag = try r.string()
        let name = try r.string()
        guard let role = Speaker.Role(rawValue: try r.string()) else { throw CacheReader.Corrupt() }
        self.init(tag: tag, name: name, role: role, isCertain: try r.bool(), reason: try r.string())
    }

    func write(_ w: inout CacheWriter) {
        w.string(tag)
        w.string(name)
        w.string(role.rawValue)
        w.bool(isCertain)
        w.string(reason)
    }
}

extension TranscriptReading {
    init(_ r: inout CacheReader) throws {
        guard let format = Format(rawValue: try r.string()) else { throw CacheReader.Corrupt() }
        self.init(format: format, detail: try r.string(), namesSpeakers: try r.bool(), hasTimes: try r.bool(),
                  hasEnds: try r.bool(), textBytes: try r.int())
    }

    func write(_ w: inout CacheWriter) {
        w.string(format.rawValue)
        w.string(detail)
        w.bool(namesSpeakers)
        w.bool(hasTimes)
        w.bool(hasEnds)
        w.int(textBytes)
    }
}
