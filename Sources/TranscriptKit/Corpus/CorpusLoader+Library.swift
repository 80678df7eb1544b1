import Foundation

/// A library: a folder of shows, each a folder of episodes with a `show.yaml` (see
/// `ShowInfo`). Each show is read as a corpus of its own (its speakers resolved among its
/// episodes, its own `speakers.yaml` and cache) and the library lists them one after the
/// other, by title.
extension CorpusLoader {
    /// The folders in `directory` that hold a `show.yaml`; none when it is not a library.
    public static func showFolders(in directory: String) -> [String] { (try? FolderListing(directory))?.showFolders ?? [] }

    /// Each show of `shows` read by `loadShow` (given its folder's listing and its share of
    /// the progress), and the library's own episodes when it has some.
    static func loadLibrary(_ own: FolderListing, shows: [String],
                            progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
                            isCancelled: (@Sendable () -> Bool)?,
                            loadShow: (FolderListing, (@Sendable (Int, Int) -> Void)?) throws -> Corpus) throws -> Corpus {
        let directory = own.directory
        // Each folder listed once: for the total of the progress, and for its load.
        let folders = (own.episodeFiles.isEmpty ? [] : [(directory, Result<FolderListing, Error>.success(own))])
            + shows.map { folder in (folder, Result { try FolderListing(folder) }) }
        let total = folders.reduce(0) { $0 + ((try? $1.1.get().episodeFiles.count) ?? 0) }
        var parts: [(folder: String, show: ShowInfo?, corpus: Corpus)] = []
        var diagnostics: [Diagnostic] = []
        var before = 0
        for (folder, listing) in folders {
            if isCancelled?() == true { return Corpus(directory: directory, episodes: []) }
            let offset = before
            var share: (@Sendable (Int, Int) -> Void)?
            if let progress { share = { done, _ in progress(offset + done, total) } }
            let part: Corpus
            do {
                let listing = try listing.get()
                part = try loadShow(listing, share)
                before += listing.episodeFiles.count
            } catch {
                diagnostics.append(Diagnostic(file: folder, line: 1, severity: .error, message: "\(error)"))
                continue
            }
            var show: ShowInfo?
            if folder != directory {
                let read = ShowInfo.read(folder: folder)
                show = read.show ?? ShowInfo(title: (folder as NSString).lastPathComponent)
                if let problem = read.problem { diagnostics.append(problem) }
            }
            parts.append((folder, show, part))
        }
        parts.sort { ($0.show?.title.lowercased() ?? "", $0.folder) < ($1.show?.title.lowercased() ?? "", $1.folder) }
        return Corpus(library: directory, parts: parts, diagnostics: diagnostics)
    }
}

extension Corpus {
    /// The shows of a library, one after the other (see `CorpusLoader.loadLibrary`).
    init(library directory: String, parts: [(folder: String, show: ShowInfo?, corpus: Corpus)], diagnostics: [Diagnostic]) {
        self.init(directory: directory, episodes: [], diagnostics: diagnostics)
        isPartial = parts.contains { $0.corpus.isPartial }
        resolvedFromCache = !parts.isEmpty && parts.allSatisfy(\.corpus.resolvedFromCache)
        for (folder, show, part) in parts {
            let shown = show == nil ? nil : folder
            episodes += part.episodes.map { summary in
                var summary = summary
                summary.show = shown
                return summary
            }
            self.diagnostics += part.diagnostics
            if let show { shows[folder] = show }
            showOverrides[folder] = part.overrides
            fromCache += part.fromCache
            if cacheProblem == nil { cacheProblem = part.cacheProblem }
            held.merge(part.held) { first, _ in first }
            frontMatterStamps.merge(part.frontMatterStamps) { first, _ in first }
        }
    }
}
