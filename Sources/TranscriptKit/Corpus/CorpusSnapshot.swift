import Foundation

/// The corpus as last loaded from summaries, with speakers resolved across episodes and the
/// corpus-wide checks done, kept beside the summary cache (`corpus-…` next to
/// `summaries-…`). It is used only when the folder holds exactly the same files, each with
/// exactly the stamp it had then, `speakers.yaml` too, and the same podread wrote it; then
/// listing a large corpus needs neither the per-file cache nor speaker resolution.
struct CorpusSnapshot {
    static let magic = "podread-corpus 5"

    /// What the snapshot is valid for.
    struct Key: Equatable {
        var program: SummaryCache.Stamp
        var overrides: SummaryCache.Stamp?
        var names: [String]
        var stamps: [SummaryCache.Stamp]

        /// Only files that have not changed for a while can be trusted by their stamp.
        var isSettled: Bool { stamps.allSatisfy(\.isSettled) && (overrides?.isSettled ?? true) }

        func write(_ w: inout CacheWriter) {
            w.string(CorpusSnapshot.magic)
            program.write(&w)
            w.optional(overrides) { $1.write(&$0) }
            w.array(names) { $0.string($1) }
            w.array(stamps) { $1.write(&$0) }
        }

        init(program: SummaryCache.Stamp, overrides: SummaryCache.Stamp?, names: [String], stamps: [SummaryCache.Stamp]) {
            (self.program, self.overrides, self.names, self.stamps) = (program, overrides, names, stamps)
        }

        init(_ r: inout CacheReader) throws {
            guard try r.string() == CorpusSnapshot.magic else { throw CacheReader.Corrupt() }
            program = try SummaryCache.Stamp(&r)
            overrides = try r.optional { try SummaryCache.Stamp(&$0) }
            names = try r.array { try $0.string() }
            stamps = try r.array { try SummaryCache.Stamp(&$0) }
        }
    }

    static func location(summaries: String) -> String { CacheFile.sibling(of: summaries, kind: "corpus") }

    /// Episodes are written in blocks of this many, decoded on every core.
    static let blockSize = 512

    /// The episodes of the snapshot at `path` if it was made for `key`, else nil.
    static func load(path: String, key: Key, directory: String) -> [Episode]? {
        guard case var .success(sealed) = FileReader.read(path), CacheFile.unseal(&sealed) else { return nil }
        let body = sealed
        var reader = CacheReader(body)
        // The key comes first: a snapshot of another state is refused before its episodes are decoded.
        guard let written = try? Key(&reader), written == key,
              let blocks = try? reader.array({ try $0.block() }), reader.isAtEnd
        else { return nil }
        let decoded = Concurrently.map(blocks.count) { index -> [Episode]? in
            var block = CacheReader(body, range: blocks[index])
            var episodes: [Episode] = []
            var name = index * blockSize
            while !block.isAtEnd {
                guard name < key.names.count, let read = try? Self.episode(&block) else { return nil }
                var summary = read.summary.read(as: (directory as NSString).appendingPathComponent(key.names[name]))
                summary.speakers = read.speakers
                episodes.append(Episode(summary: summary))
                name += 1
            }
            return episodes.count == min(blockSize, key.names.count - index * blockSize) ? episodes : nil
        }
        guard !decoded.contains(where: { $0 == nil }) else { return nil }
        let episodes = decoded.flatMap { $0! }
        return episodes.count == key.names.count ? episodes : nil
    }

    static func save(_ episodes: [Episode], key: Key, path: String) {
        guard key.isSettled, episodes.count == key.names.count else { return }
        var writer = CacheWriter()
        key.write(&writer)
        let starts = Array(stride(from: 0, to: episodes.count, by: blockSize))
        writer.array(starts) { writer, start in
            var block = CacheWriter()
            for episode in episodes[start..<min(start + blockSize, episodes.count)] {
                episode.summary.write(&block)
                block.array(episode.speakers) { w, speaker in
                    w.string(speaker.name)
                    w.string(speaker.role.rawValue)
                    w.bool(speaker.isCertain)
                    w.string(speaker.reason)
                }
            }
            writer.block(block)
        }
        CacheFile.write(writer, to: path)
    }

    private static func episode(_ r: inout CacheReader) throws -> (summary: EpisodeSummary, speakers: [Speaker]) {
        let summary = try EpisodeSummary(&r)
        var index = 0
        let speakers = try r.array { r -> Speaker in
            guard index < summary.tags.count else { throw CacheReader.Corrupt() }
            let name = try r.string()
            guard let role = Speaker.Role(rawValue: try r.string()) else { throw CacheReader.Corrupt() }
            let speaker = Speaker(tag: summary.tags[index], name: name, role: role, isCertain: try r.bool(), reason: try r.string())
            index += 1
            return speaker
        }
        guard speakers.count == summary.tags.count else { throw CacheReader.Corrupt() }
        return (summary, speakers)
    }
}
