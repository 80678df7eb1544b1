import Foundation

/// A corpus folder's entries, listed once: its episode files, its show folders and which
/// sidecars exist all come from the one listing, and its files are stamped by name within
/// it (a corpus of 10,000 episodes is stamped on every command: half the `stat`s, none of
/// them for a sidecar that is not there).
public struct FolderListing: Sendable {
    public let directory: String
    /// The episode pages, sorted by name.
    public let episodeFiles: [String]
    private let entries: Set<String>

    public init(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw CorpusError.notADirectory(directory)
        }
        guard isDirectory.boolValue else { throw CorpusError.aFile(directory) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw CorpusError.unreadable(directory, EpisodeParser.reason(error))
        }
        self.directory = directory
        entries = Set(names)
        episodeFiles = names.filter { name in
            !name.hasPrefix(".") && name != "README.md" && TranscriptFile.isCandidate(name)
        }.sorted()
    }

    /// The folders that hold a `show.yaml`, sorted (see `CorpusLoader.showFolders(in:)`).
    public var showFolders: [String] {
        // Episode files are not looked at (a corpus of 10,000 would cost 10,000 stats a load).
        entries.filter { !$0.hasPrefix(".") && !TranscriptFile.isCandidate($0) && !$0.hasSuffix(".yaml") }.sorted().compactMap { name in
            let folder = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            let marker = (folder as NSString).appendingPathComponent(ShowInfo.fileName)
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
                  FileManager.default.fileExists(atPath: marker) else { return nil }
            return folder
        }
    }

    /// The paths of the episode files.
    public var episodePaths: [String] { episodeFiles.map { (directory as NSString).appendingPathComponent($0) } }

    /// Each episode file's stamp, as `FileStamp(path:)` takes it, its sidecar's included when
    /// the listing has one; on every core.
    public func episodeStamps() -> [FileStamp?] {
        let folder = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return episodePaths.map { FileStamp(path: $0) } }
        defer { close(folder) }
        let names = episodeFiles, entries = entries
        return Concurrently.map(names.count, chunk: 256) { index in
            let name = names[index]
            guard let own = FileStamp(at: folder, name: name) else { return nil }
            let sidecar = TranscriptFile.sidecar(of: name)
            guard entries.contains(sidecar), let side = FileStamp(at: folder, name: sidecar) else { return own }
            return FileStamp(own, sidecar: side)
        }
    }
}
