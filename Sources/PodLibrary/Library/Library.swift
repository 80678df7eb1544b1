import Foundation
import TranscriptKit

/// The user's podcasts on disk: `$XDG_DATA_HOME/podread/` (default
/// `~/.local/share/podread/`), one folder per show with its `show.yaml` (the subscription:
/// the feed's address is its `feed`), each episode's files, and `.podread-state.json`
/// (what was fetched, for conditional requests). Plain files: every command reads a show
/// folder, or the whole library, as a corpus.
public struct Library: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// `$XDG_DATA_HOME/podread`, else `$HOME/.local/share/podread`; nil without either.
    public static func location(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/podread" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.local/share/podread"
    }

    /// The shows, by title.
    public func shows() -> [LibraryShow] {
        CorpusLoader.showFolders(in: root).map(LibraryShow.init(folder:))
            .sorted { ($0.info.title.lowercased(), $0.name) < ($1.info.title.lowercased(), $1.name) }
    }

    /// The show a user means by `reference`: its folder's name, its title (without case) or
    /// its feed's address; with `partly`, also a part of its title or name that only it has
    /// (not for `remove`, which deletes).
    public func show(matching reference: String, partly: Bool = true) throws -> LibraryShow {
        let all = shows()
        let wanted = reference.trimmingCharacters(in: .whitespaces)
        if let hit = all.first(where: { $0.name == wanted || $0.info.feed == wanted }) { return hit }
        let titled = all.filter { $0.info.title.caseInsensitiveCompare(wanted) == .orderedSame }
        if titled.count == 1 { return titled[0] }
        let partial = all.filter { $0.info.title.range(of: wanted, options: .caseInsensitive) != nil || $0.name.contains(wanted.lowercased()) }
        if partly, partial.count == 1, !wanted.isEmpty { return partial[0] }
        let candidates = (titled.isEmpty ? partial : titled).map(\.name)
        throw LibraryError.noSuchShow(reference, candidates: wanted.isEmpty ? [] : candidates)
    }

    /// A new show folder for `feed` (an http or https address, or a local file's absolute
    /// path), named from `title` (else the address); refused when `feed` is already there.
    /// `among`: the shows, when the caller subscribes to many (read once, kept up to date).
    public func subscribe(feed: String, title: String?, among known: inout [LibraryShow]) throws -> LibraryShow {
        let all = known
        if let known = all.first(where: { $0.info.feed == feed }) { throw LibraryError.alreadySubscribed(known.info.title, known.name) }
        try makeFolder(root)
        let fallback = URL(string: feed)?.host ?? (feed as NSString).lastPathComponent
        var names = SafeName.Names(taken: Set(all.map(\.name)))
        var name = names.make(title ?? "", fallback: fallback)
        // A folder or file of that name that is not a show (the user's own) is left alone.
        while FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(name)) {
            name = names.make(title ?? "", fallback: fallback)
        }
        let folder = (root as NSString).appendingPathComponent(name)
        try makeFolder(folder)
        let show = LibraryShow(folder: folder, info: ShowInfo(title: title ?? fallback, feed: feed))
        try show.save()
        known.append(show)
        return show
    }

    public func subscribe(feed: String, title: String?) throws -> LibraryShow {
        var known = shows()
        return try subscribe(feed: feed, title: title, among: &known)
    }

    /// Deletes the show's folder: its subscription and every file fetched for it.
    public func remove(_ show: LibraryShow) throws {
        do {
            try FileManager.default.removeItem(atPath: show.folder)
        } catch {
            throw LibraryError.cannotWrite(show.folder, error.localizedDescription)
        }
    }

    private func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw LibraryError.cannotWrite(path, error.localizedDescription)
        }
    }
}

/// One show of the library: its folder and its `show.yaml`.
public struct LibraryShow: Sendable, Equatable {
    public let folder: String
    public var info: ShowInfo
    /// Why `show.yaml` could not be read, if it could not.
    public var problem: String?

    public var name: String { (folder as NSString).lastPathComponent }

    init(folder: String, info: ShowInfo) {
        self.folder = folder
        self.info = info
    }

    init(folder: String) {
        self.folder = folder
        let read = ShowInfo.read(folder: folder)
        info = read.show ?? ShowInfo(title: (folder as NSString).lastPathComponent)
        problem = read.problem.map { "\($0.file):\($0.line): \($0.message)" }
    }

    /// Writes `show.yaml` when it says something new.
    func save() throws {
        try LibraryFiles.write(try info.yaml(), to: (folder as NSString).appendingPathComponent(ShowInfo.fileName))
    }
}

public enum LibraryError: Error, CustomStringConvertible, Equatable {
    case noSuchShow(String, candidates: [String])
    case alreadySubscribed(String, String)
    case cannotWrite(String, String)
    case noLocation

    public var description: String {
        switch self {
        case let .noSuchShow(reference, candidates):
            return candidates.isEmpty ? "no show in the library is '\(reference)' (podread shows lists them)"
                : "'\(reference)' could be any of: \(candidates.joined(separator: ", ")); give the folder name"
        case let .alreadySubscribed(title, name): return "already subscribed: \(title) (\(name))"
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        case .noLocation: return "no library folder: neither XDG_DATA_HOME nor HOME is set to an absolute path"
        }
    }
}

/// Writing the library's files: whole (see `AtomicFile`), and only when their content changes,
/// so an unchanged episode keeps its stamp and its cached summary.
enum LibraryFiles {
    /// True when written, false when the file already held `text`.
    @discardableResult
    static func write(_ text: String, to path: String) throws -> Bool {
        try write(Data(text.utf8), to: path)
    }

    @discardableResult
    static func write(_ data: Data, to path: String) throws -> Bool {
        if let old = FileManager.default.contents(atPath: path), old == data { return false }
        if let problem = AtomicFile.replace(path, with: data, durable: false, mode: 0o644) {
            throw LibraryError.cannotWrite(path, problem)
        }
        return true
    }

    /// Temporary files of `AtomicFile` (`.NAME.XXXXXX`) that a process killed while writing left.
    static func removeLeftovers(in folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix(".") && name != ShowState.fileName && name.range(of: #"^\..+\.[A-Za-z0-9]{6}$"#, options: .regularExpression) != nil {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }
}
