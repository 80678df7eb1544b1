import Foundation
import TranscriptKit

/// One show's update (see `LibraryUpdater`).
struct ShowUpdate {
    var show: LibraryShow
    let updater: LibraryUpdater
    let start: UpdateProgress
    let progress: @Sendable (UpdateProgress) -> Void
    let isCancelled: @Sendable () -> Bool
    private var report = UpdateReport()
    private var state: ShowState

    /// An item to write: its fields (nil when the feed was not read this time: its sidecar
    /// stays as it is), and whether every file it has is to be asked for again.
    private struct Plan {
        var guid: String
        var fields: EpisodeFields?
        var recheck: Bool
    }

    init(show: LibraryShow, updater: LibraryUpdater, start: UpdateProgress, progress: @escaping @Sendable (UpdateProgress) -> Void,
         isCancelled: @escaping @Sendable () -> Bool) {
        (self.show, self.updater, self.start, self.progress, self.isCancelled) = (show, updater, start, progress, isCancelled)
        let loaded = ShowState.load(folder: show.folder)
        state = loaded.state
        if let problem = loaded.problem { report.notes.append(UpdateFailure(show: show.info.title, episode: nil, reason: problem)) }
    }

    private var title: String { show.info.title }
    private var folder: String { show.folder }

    private mutating func fail(_ episode: String?, _ reason: String) {
        report.failures.append(UpdateFailure(show: title, episode: episode, reason: reason))
    }

    mutating func run() -> UpdateReport {
        report.shows = 1
        progress(start)
        LibraryFiles.removeLeftovers(in: folder)
        let (feed, validators, base) = fetchFeed()
        let plans: [Plan]
        if let feed {
            plans = plan(feed, base: base)
        } else {
            // Unchanged or unreadable: what an earlier update left to fetch is fetched now.
            let recheck = updater.options.recheck
            plans = state.items.filter { $0.value.links.contains { $0.needsFetch(in: folder) || (recheck && $0.file != nil) } }
                .keys.sorted().map { Plan(guid: $0, fields: nil, recheck: recheck) }
        }
        fetchFiles(plans)
        if feed != nil, !report.interrupted { state.feed = validators }
        // The state first: stopped after it, the sidecars left to write differ from the feed
        // next time, which asks for their files again; stopped before it, nothing is lost.
        do { try state.save(folder: folder) } catch { fail(nil, "\(error)") }
        for plan in plans { writeFields(plan) }
        return report
    }

    // MARK: The feed

    /// The feed parsed; nil when it has not changed or could not be read. Also its
    /// validators for next time, and the address relative links are read against.
    private mutating func fetchFeed() -> (Feed?, ShowState.Validators?, URL?) {
        guard let address = show.info.feed, !address.isEmpty else {
            fail(nil, "\(ShowInfo.fileName) names no feed")
            return (nil, nil, nil)
        }
        var data: Data
        var validators: ShowState.Validators?
        var base: URL?
        if address.hasPrefix("/") {
            // A local file the user subscribed to: read whole, every time.
            switch FileReader.read(address) {
            case let .success(bytes): data = Data(bytes)
            case let .failure(failure):
                fail(nil, failure.description)
                return (nil, nil, nil)
            }
        } else {
            guard let url = LibraryUpdater.fetchable(address, base: nil) else {
                fail(nil, "the feed's address is not http or https: \(address)")
                return (nil, nil, nil)
            }
            base = url
            let request = FetchRequest(url: url, etag: state.feed?.etag, lastModified: state.feed?.lastModified,
                                       limit: updater.options.feedLimit)
            switch updater.fetcher.fetch(request, isCancelled: isCancelled) {
            case let .failure(failure):
                if isCancelled() { report.interrupted = true } else { fail(nil, "feed \(address): \(failure.reason)") }
                return (nil, nil, nil)
            case let .success(answer):
                if let moved = answer.movedTo {
                    // A permanent redirect: the subscription follows it.
                    show.info.feed = moved.absoluteString
                    base = moved
                }
                validators = ShowState.Validators(etag: answer.etag, lastModified: answer.lastModified)
                guard let body = answer.body else {
                    report.unchangedShows = 1
                    saveShow()
                    return (nil, nil, base)
                }
                data = body
            }
        }
        do {
            let feed = try FeedParser.parse(data)
            return (feed, validators, base)
        } catch {
            fail(nil, "feed \(address): \(error)")
            return (nil, nil, base)
        }
    }

    private mutating func saveShow() {
        do { try show.save() } catch { fail(nil, "\(error)") }
    }

    // MARK: Items

    private mutating func plan(_ feed: Feed, base: URL?) -> [Plan] {
        if !feed.title.trimmingCharacters(in: .whitespaces).isEmpty { show.info.title = feed.title }
        show.info.description = feed.description.isEmpty ? nil : feed.description
        show.info.link = feed.link
        show.info.author = feed.author
        show.info.language = feed.language
        show.info.image = feed.image
        if let moved = feed.newFeedURL, let url = LibraryUpdater.fetchable(moved, base: nil) { show.info.feed = url.absoluteString }
        saveShow()

        var names = SafeName.Names(taken: Set(state.items.values.map(\.name)))
        var seen: [String: String] = [:]
        var plans: [Plan] = []
        for item in feed.items {
            if let first = seen[item.guid] {
                report.notes.append(UpdateFailure(show: title, episode: item.title,
                                                  reason: "the same GUID as '\(first)'; only the first is kept"))
                continue
            }
            seen[item.guid] = item.title
            let known = state.items[item.guid]
            let name: String
            if let known {
                name = known.name
            } else {
                name = names.make([item.date ?? "", item.title].joined(separator: " "), fallback: item.guid)
                report.newEpisodes += 1
            }
            let fields = EpisodeFields(item, channel: feed.persons)
            // An item whose fields changed may have changed files: they are asked for again
            // (conditionally), until an answer comes.
            let changed = known != nil && fieldsText(name) != (try? fields.yaml())
            var links: [ShowState.Link] = []
            for transcript in chosenTranscripts(item.transcripts, language: feed.language) {
                links.append(link(.transcript, transcript.url, base: base, item: item.title, known: known))
            }
            if let chapters = item.chapters { links.append(link(.chapters, chapters, base: base, item: item.title, known: known)) }
            if changed {
                for index in links.indices where !links[index].isRefused {
                    links[index].stale = true
                    links[index].ignored = nil
                }
            }
            state.items[item.guid] = ShowState.Item(name: name, title: item.title, links: links)
            plans.append(Plan(guid: item.guid, fields: fields, recheck: updater.options.recheck))
        }
        return plans
    }

    /// The link as known from last time (same address), else new; an address podread may
    /// not fetch is a failure now.
    private mutating func link(_ kind: ShowState.Link.Kind, _ address: String, base: URL?, item: String,
                               known: ShowState.Item?) -> ShowState.Link {
        if let old = known?.links.first(where: { $0.kind == kind && $0.url == address }) { return old }
        var link = ShowState.Link(kind: kind, url: address)
        if LibraryUpdater.fetchable(address, base: base) == nil {
            link.failure = ShowState.Link.refusal + address
            fail(item, "\(kind.rawValue) \(link.failure!)")
        }
        return link
    }

    /// One transcript per type: of several, the one in the show's language.
    private func chosenTranscripts(_ all: [FeedTranscript], language: String?) -> [FeedTranscript] {
        let wanted = language?.lowercased().split(separator: "-").first.map(String.init)
        var byType: [String: FeedTranscript] = [:]
        var order: [String] = []
        for transcript in all {
            let type = transcript.fileExtension ?? "other"
            guard let chosen = byType[type] else {
                byType[type] = transcript
                order.append(type)
                continue
            }
            let language = { (t: FeedTranscript) in t.language?.lowercased().split(separator: "-").first.map(String.init) }
            if wanted != nil, language(chosen) != wanted, language(transcript) == wanted { byType[type] = transcript }
        }
        return order.compactMap { byType[$0] }
    }

    // MARK: Files

    /// The links of one item to fetch, one after the other (so which of two transcripts
    /// of one format is kept does not depend on timing), and the files its links own.
    private struct Job {
        var guid: String
        var name: String
        var episode: String
        var links: [(index: Int, link: ShowState.Link)]
        /// File name → the index of the link that owns it, from the state.
        var owned: [String: Int]
    }

    private mutating func fetchFiles(_ plans: [Plan]) {
        var jobs: [Job] = []
        for plan in plans {
            guard let item = state.items[plan.guid] else { continue }
            let wanted = item.links.enumerated().filter { $0.element.needsFetch(in: folder) || (plan.recheck && $0.element.file != nil) }
            guard !wanted.isEmpty else { continue }
            var owned: [String: Int] = [:]
            for (index, link) in item.links.enumerated() { if let file = link.file, owned[file] == nil { owned[file] = index } }
            jobs.append(Job(guid: plan.guid, name: item.name, episode: item.title, links: wanted.map { ($0.offset, $0.element) },
                            owned: owned))
        }
        var position = start
        position.filesTotal = jobs.reduce(0) { $0 + $1.links.count }
        position.newEpisodes += report.newEpisodes
        position.failures += report.failures.count
        progress(position)
        guard !jobs.isEmpty else { return }

        let results = Results(position: position, jobs: jobs, progress: progress)
        let base = show.info.feed.flatMap { LibraryUpdater.fetchable($0, base: nil) }
        let (fetcher, limit, showFolder, isCancelled) = (updater.fetcher, updater.options.fileLimit, folder, isCancelled)
        // Threads of their own, not the shared pool: a fetch blocks its thread, and blocked
        // pool threads starve URLSession's own work (a stall of seconds on two cores).
        let group = DispatchGroup()
        for _ in 0..<min(jobs.count, max(1, updater.options.parallel)) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while !isCancelled(), var job = results.next() {
                    for (index, link) in job.links {
                        if isCancelled() { break }
                        let outcome = Self.fetch(link, index: index, of: &job, base: base, fetcher: fetcher, limit: limit,
                                                 folder: showFolder, isCancelled: isCancelled)
                        results.record(job.guid, index, outcome)
                    }
                    Self.removeReplaced(job, folder: showFolder)
                }
            }
        }
        group.wait()
        var recorded = 0
        for (guid, index, outcome) in results.all {
            guard var link = state.items[guid]?.links[index], let episode = state.items[guid]?.title else { continue }
            recorded += 1
            switch outcome {
            case let .saved(file, validators, written):
                if link.file == nil {
                    if link.kind == .transcript { report.newTranscripts += 1 } else { report.newChapters += 1 }
                } else if written {
                    report.changedFiles += 1
                }
                (link.file, link.validators, link.failure, link.ignored, link.stale) = (file, validators, nil, nil, nil)
            case .unchanged:
                (link.failure, link.stale) = (nil, nil)
            case let .ignored(reason):
                (link.ignored, link.stale) = (reason, nil)
                report.notes.append(UpdateFailure(show: title, episode: episode, reason: reason))
            case .failed where isCancelled():
                // Stopped by the user: still to fetch next time.
                continue
            case let .failed(failure):
                link.failure = failure.reason
                // A file too large is not asked for again until its item changes.
                if failure.isTooLarge { (link.ignored, link.stale) = (failure.reason, nil) }
                fail(episode, "\(link.kind.rawValue) \(link.url): \(failure.reason)")
            }
            state.items[guid]?.links[index] = link
        }
        if recorded < position.filesTotal || isCancelled() { report.interrupted = true }
    }

    enum Outcome {
        /// Saved as this file (`written`: its bytes were new).
        case saved(String, ShowState.Validators, written: Bool)
        case unchanged
        case ignored(String)
        case failed(FetchFailure)
    }

    /// Fetches one file of `job` and writes it; runs on a fetching thread.
    private static func fetch(_ link: ShowState.Link, index: Int, of job: inout Job, base: URL?, fetcher: HTTPFetcher, limit: Int,
                              folder: String, isCancelled: () -> Bool) -> Outcome {
        guard let url = LibraryUpdater.fetchable(link.url, base: base) else {
            return .failed(FetchFailure(reason: "not an http or https address"))
        }
        let path = { (file: String) in (folder as NSString).appendingPathComponent(file) }
        let onDisk = link.file.map { FileManager.default.fileExists(atPath: path($0)) } ?? false
        let known = onDisk ? link.validators : nil
        switch fetcher.fetch(FetchRequest(url: url, etag: known?.etag, lastModified: known?.lastModified, limit: limit),
                             isCancelled: isCancelled) {
        case let .failure(failure):
            return .failed(failure)
        case let .success(answer):
            guard let body = answer.body else { return .unchanged }
            guard !body.isEmpty else { return .failed(FetchFailure(reason: "the server sent an empty file")) }
            let file: String
            switch link.kind {
            case .chapters: file = job.name + ".chapters.json"
            case .transcript:
                // The content decides the format: servers often send the wrong type.
                file = job.name + "." + TranscriptFile.sniffedExtension(Array(body.prefix(4096)))
                if let owner = job.owned[file], owner != index {
                    return .ignored("another transcript of this episode is also \(file); \(link.url) not kept")
                }
            }
            let written: Bool
            do {
                written = try LibraryFiles.write(body, to: path(file))
            } catch {
                return .failed(FetchFailure(reason: "\(error)"))
            }
            if let old = link.file, old != file { job.owned[old] = nil }
            job.owned[file] = index
            return .saved(file, ShowState.Validators(etag: answer.etag, lastModified: answer.lastModified), written: written)
        }
    }

    /// Transcripts of the item that no link owns any more (the feed moved one, or its server
    /// now sends another format), once one it links to is on disk.
    private static func removeReplaced(_ job: Job, folder: String) {
        let owned = Set(job.owned.keys)
        let path = { (file: String) in (folder as NSString).appendingPathComponent(file) }
        guard owned.contains(where: { !$0.hasSuffix(".chapters.json") && FileManager.default.fileExists(atPath: path($0)) }) else { return }
        for ext in TranscriptFile.sniffedExtensions where !owned.contains(job.name + "." + ext) {
            try? FileManager.default.removeItem(atPath: path(job.name + "." + ext))
        }
    }

    /// The jobs to do and their outcomes, shared by the fetching threads.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var position: UpdateProgress
        private let progress: @Sendable (UpdateProgress) -> Void
        private let jobs: [Job]
        private var taken = 0
        private(set) var all: [(String, Int, Outcome)] = []

        init(position: UpdateProgress, jobs: [Job], progress: @escaping @Sendable (UpdateProgress) -> Void) {
            (self.position, self.jobs, self.progress) = (position, jobs, progress)
        }

        /// The next job no thread has taken.
        func next() -> Job? {
            lock.withLock {
                guard taken < jobs.count else { return nil }
                defer { taken += 1 }
                return jobs[taken]
            }
        }

        /// Also reports the progress, under the lock, so the last report is the latest.
        func record(_ guid: String, _ index: Int, _ outcome: Outcome) {
            lock.withLock {
                all.append((guid, index, outcome))
                position.filesDone += 1
                if case .failed = outcome { position.failures += 1 }
                progress(position)
            }
        }
    }

    // MARK: Fields

    /// The sidecar as written last time (`NAME.yaml`, or the front matter of `NAME.md`).
    private func fieldsText(_ name: String) -> String? {
        let path = (folder as NSString).appendingPathComponent(name)
        if let data = FileManager.default.contents(atPath: path + ".yaml") { return String(decoding: data, as: UTF8.self) }
        guard let data = FileManager.default.contents(atPath: path + ".md") else { return nil }
        let page = String(decoding: data, as: UTF8.self)
        guard page.hasPrefix("---\n"), let end = page.range(of: "transcript: ", options: .backwards) else { return nil }
        return String(page[page.index(page.startIndex, offsetBy: 4)..<end.lowerBound])
    }

    /// The item's fields beside its transcript (`NAME.yaml`); while none is on disk, an
    /// episode page of front matter only (`NAME.md`), so it is listed, which says whether
    /// the feed gives no transcript (`none`) or one not fetched yet (`pending`).
    private mutating func writeFields(_ plan: Plan) {
        guard let item = state.items[plan.guid] else { return }
        let base = (folder as NSString).appendingPathComponent(item.name)
        let hasTranscript = TranscriptFile.sniffedExtensions.contains { FileManager.default.fileExists(atPath: base + "." + $0) }
        guard let text = (try? plan.fields?.yaml()) ?? fieldsText(item.name) else { return }
        do {
            if hasTranscript {
                try LibraryFiles.write(text, to: base + ".yaml")
                try? FileManager.default.removeItem(atPath: base + ".md")
            } else {
                let missing = item.links.contains { $0.kind == .transcript } ? "pending" : "none"
                try LibraryFiles.write("---\n" + text + "transcript: " + missing + "\n---\n", to: base + ".md")
                try? FileManager.default.removeItem(atPath: base + ".yaml")
            }
        } catch {
            fail(item.title, "\(error)")
        }
    }
}

extension ShowState.Link {
    static let refusal = "not an http or https address: "

    /// Its address is not one podread fetches: never asked for.
    var isRefused: Bool { failure?.hasPrefix(Self.refusal) ?? false }

    /// To ask for now: its item changed, or it was never fetched, or it failed, or its
    /// file is gone; not when refused, or set aside (too large, or a second transcript of
    /// one format) until its item changes.
    func needsFetch(in folder: String) -> Bool {
        if isRefused { return false }
        if stale == true { return true }
        if ignored != nil { return false }
        guard let file else { return true }
        return failure != nil || !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(file))
    }
}
