import Foundation

/// All the episodes of one folder, parsed, with speakers resolved across them.
public struct Corpus: Sendable {
    public var directory: String
    public var episodes: [Episode]
    /// Problems that belong to no single episode (unreadable folder entries, duplicates, bad speakers.yaml).
    public var diagnostics: [Diagnostic]

    public init(directory: String, episodes: [Episode], diagnostics: [Diagnostic] = []) {
        self.directory = directory
        self.episodes = episodes
        self.diagnostics = diagnostics
    }

    /// Every diagnostic, episode by episode in file order, then line order.
    public var allDiagnostics: [Diagnostic] {
        (diagnostics + episodes.flatMap(\.diagnostics)).sorted {
            ($0.file, $0.line) < ($1.file, $1.line)
        }
    }

    /// Finds an episode by number (`9`), id, file name with or without `.md`, or path.
    public func episode(matching reference: String) -> Episode? {
        let ref = reference.trimmedSpaces
        if let number = Int(ref), let hit = episodes.first(where: { $0.number == number }) { return hit }
        if let hit = episodes.first(where: { $0.id == ref }) { return hit }
        let name = (ref as NSString).lastPathComponent
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        if let hit = episodes.first(where: { EpisodeParser.idFromFileName($0.file) == stem }) { return hit }
        let standardized = URL(fileURLWithPath: ref).standardizedFileURL.path
        return episodes.first { URL(fileURLWithPath: $0.file).standardizedFileURL.path == standardized }
    }
}
