import Foundation

public enum CorpusError: Error, CustomStringConvertible, Equatable {
    case notADirectory(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case let .notADirectory(path): return "\(path): no such folder"
        case let .unreadable(path, why): return "\(path): cannot read the folder: \(why)"
        }
    }
}

/// Reads a folder of episode pages. One bad file never stops the others.
public enum CorpusLoader {
    /// The corpus folder: `--data`, then `$PODREAD_DATA`, then `./data`.
    public static func location(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["PODREAD_DATA"], !env.isEmpty { return env }
        return "data"
    }

    public static func load(directory: String) throws -> Corpus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CorpusError.notADirectory(directory)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw CorpusError.unreadable(directory, EpisodeParser.reason(error))
        }
        let files = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
        let paths = files.map { (directory as NSString).appendingPathComponent($0) }

        var episodes = parseAll(paths)
        var diagnostics: [Diagnostic] = []
        var overrides = SpeakerOverrides()
        let overridesPath = (directory as NSString).appendingPathComponent(SpeakerOverrides.fileName)
        if FileManager.default.fileExists(atPath: overridesPath) {
            overrides = SpeakerOverrides(fileAt: overridesPath)
            diagnostics += overrides.diagnostics
        }
        SpeakerResolver.resolve(&episodes, overrides: overrides)
        CorpusChecks.run(&episodes)
        return Corpus(directory: directory, episodes: episodes, diagnostics: diagnostics)
    }

    /// A single file read on its own (e.g. `podread show path/to/file.md`).
    public static func load(file: String) -> Corpus {
        var episodes = [EpisodeParser.parse(fileAt: file)]
        SpeakerResolver.resolve(&episodes)
        return Corpus(directory: (file as NSString).deletingLastPathComponent, episodes: episodes)
    }

    /// Parses files on every core; results keep the order of `paths`.
    static func parseAll(_ paths: [String]) -> [Episode] {
        final class Results: @unchecked Sendable {
            var episodes: [Episode?]
            let lock = NSLock()
            init(count: Int) { episodes = Array(repeating: nil, count: count) }
        }
        let results = Results(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let episode = EpisodeParser.parse(fileAt: paths[index])
            results.lock.lock()
            results.episodes[index] = episode
            results.lock.unlock()
        }
        return results.episodes.map { $0! }
    }
}

/// Checks that need several episodes: duplicate numbers and ids, related ids that name nothing.
enum CorpusChecks {
    static func run(_ episodes: inout [Episode]) {
        var byNumber: [Int: Int] = [:]
        var byID: [String: Int] = [:]
        for index in episodes.indices {
            let episode = episodes[index]
            if let number = episode.number {
                if let other = byNumber[number] {
                    episodes[index].diagnostics.append(Diagnostic(file: episode.file, line: 1, severity: .warning,
                        message: "episode number \(number) is also used by \(episodes[other].file)"))
                } else {
                    byNumber[number] = index
                }
            }
            if let other = byID[episode.id] {
                episodes[index].diagnostics.append(Diagnostic(file: episode.file, line: 1, severity: .warning,
                    message: "episode id '\(episode.id)' is also used by \(episodes[other].file)"))
            } else {
                byID[episode.id] = index
            }
        }
        for index in episodes.indices {
            for id in episodes[index].related where byID[id] == nil {
                let line = episodes[index].relatedLines[id] ?? 1
                episodes[index].diagnostics.append(Diagnostic(file: episodes[index].file, line: line, severity: .warning,
                    message: "related episode '\(id)' is not the episode_id of any episode in this folder"))
            }
        }
    }
}
