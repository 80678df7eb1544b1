import Foundation
import Yams

/// The user's corrections from `speakers.yaml` in the corpus folder:
///
///     CC: Carlisia Thompson              # every episode
///     JS: { name: Josh Rosso, role: host }
///     episodes:
///       009-stateful-and-stateless-workloads:   # an id, a number or a file name
///         JS: Josh Rosso
public struct SpeakerOverrides: Sendable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var role: Speaker.Role?
    }

    public static let fileName = "speakers.yaml"

    var global: [String: Entry] = [:]
    var perEpisode: [String: [String: Entry]] = [:]
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public init(fileAt path: String) {
        switch FileReader.read(path) {
        case let .success(data):
            self.init(text: String(decoding: data, as: UTF8.self), file: path)
        case let .failure(failure):
            self.init()
            diagnostics.append(Diagnostic(file: path, line: 1, severity: .error, message: failure.description))
        }
    }

    public init(text: String, file: String) {
        do {
            guard let root = try Yams.compose(yaml: text) else { return }
            guard case let .mapping(mapping) = root else {
                report(file, root, "speakers.yaml should map tags to names, e.g. 'CC: Carlisia Thompson'")
                return
            }
            for (key, value) in mapping {
                guard let tag = key.string else { continue }
                if tag == "episodes" {
                    guard case let .mapping(episodes) = value else {
                        report(file, value, "'episodes' should map episode ids to 'TAG: Name' lines")
                        continue
                    }
                    for (episodeKey, tags) in episodes {
                        guard let episode = episodeKey.string else { continue }
                        perEpisode[episode] = entries(tags, file: file)
                    }
                } else if let entry = entry(value, tag: tag, file: file) {
                    global[SpeakerTag.normalize(tag)] = entry
                }
            }
        } catch {
            let (line, message) = YAMLErrorText.describe(error)
            diagnostics.append(Diagnostic(file: file, line: line, severity: .error, message: "not valid YAML: \(message)"))
        }
    }

    private mutating func entries(_ node: Node, file: String) -> [String: Entry] {
        guard case let .mapping(mapping) = node else {
            report(file, node, "expected 'TAG: Name' lines")
            return [:]
        }
        var result: [String: Entry] = [:]
        for (key, value) in mapping {
            if let tag = key.string, let entry = entry(value, tag: tag, file: file) {
                result[SpeakerTag.normalize(tag)] = entry
            }
        }
        return result
    }

    private mutating func entry(_ node: Node, tag: String, file: String) -> Entry? {
        if let name = node.scalar?.string, !name.isEmpty { return Entry(name: name, role: nil) }
        if case let .mapping(mapping) = node, let name = mapping["name"]?.string, !name.isEmpty {
            let roleText = mapping["role"]?.string
            let role = roleText.flatMap(Speaker.Role.init(rawValue:))
            if roleText != nil, role == nil { report(file, node, "role should be host, guest, announcer or unknown") }
            return Entry(name: name, role: role)
        }
        report(file, node, "'\(tag)' should be followed by a name")
        return nil
    }

    private mutating func report(_ file: String, _ node: Node, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: node.mark?.line ?? 1, severity: .warning, message: message))
    }

    func entry(for tag: String, in episode: Episode) -> Entry? {
        if perEpisode.isEmpty { return global[tag] }
        let keys = [episode.id, episode.number.map(String.init), (episode.file as NSString).lastPathComponent,
                    EpisodeParser.idFromFileName(episode.file)].compactMap { $0 }
        for key in keys { if let entry = perEpisode[key]?[tag] { return entry } }
        return global[tag]
    }
}
