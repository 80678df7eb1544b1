import Foundation

/// Summaries as bytes, for the library's database: as parsed (before speakers are resolved
/// across episodes) or as resolved, without the file's path (given again on reading). A
/// forged or damaged value is refused (nil), never believed.
extension EpisodeSummary {
    public var encoded: [UInt8] {
        var writer = CacheWriter()
        write(&writer)
        return writer.bytes
    }

    /// The summary `encoded` gave, for the file now at `file`; nil when `bytes` are not one.
    public init?(encoded bytes: UnsafeRawBufferPointer, file: String) {
        var reader = CacheReader(bytes)
        guard var summary = try? EpisodeSummary(&reader), reader.isAtEnd else { return nil }
        summary.place(at: file)
        self = summary
    }

    public init?(encoded bytes: [UInt8], file: String) {
        guard let summary = bytes.withUnsafeBytes({ EpisodeSummary(encoded: $0, file: file) }) else { return nil }
        self = summary
    }

    /// For fuzzing: reads `bytes` as a summary, and checks that an episode's summary
    /// survives writing and reading.
    public static func exercise(_ bytes: [UInt8], episode: Episode) {
        _ = EpisodeSummary(encoded: bytes, file: "x.md")
        guard let again = EpisodeSummary(encoded: episode.summary.encoded, file: episode.file) else {
            preconditionFailure("a summary did not survive encoding")
        }
        precondition(again.title == episode.title && again.speakers.map(\.tag) == episode.speakers.map(\.tag)
            && again.diagnostics == episode.diagnostics && again.evidence == episode.evidence
            && again.utteranceCount == episode.summary.utteranceCount && again.reading == episode.reading
            && again.speakers == episode.speakers && again.people == episode.people, "a summary changed in encoding")
    }
}

extension EpisodeSummary {
    /// This summary as it was kept, read back for the file now at `file`.
    mutating func place(at file: String) {
        self.file = file
        for index in diagnostics.indices { diagnostics[index].file = file }
    }
}

extension EpisodeSummary {
    /// A summary as it is kept: without its file's path (see `place(at:)`) or the other
    /// files of its episode.
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
        // Forged bytes are read like a hostile file: a time no file could give is corruption.
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
