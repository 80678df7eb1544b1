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

    /// An item to write: its files to fetch, and its fields (nil when the feed was not read
    /// this time: its sidecar stays as it is).
    private struct Plan {
        var guid: String
        var fields: EpisodeFields?
        var fetchAll: Bool
    }

    init(show: LibraryShow, updater: LibraryUpdater, start: UpdateProgress, progress: @escaping @Sendable (UpdateProgress) -> Void,
         isCancelled: @escaping @Sendable () -> Bool) {
        (self.show, self.updater, self.start, self.progress, self.isCancelled) = (show, updater, start, progress, isCancelled)
        state = ShowState.load(folder: show.folder)
    }

    private var title: String { show.info.title }
    private var folder: String { show.folder }

    private mutating func fail(_ episode: String?, _ reason: String) {
        report.failures.append(UpdateFailure(show: title, episode: episode, reason: reason))
    }

    mutating func run() -> UpdateReport {
        report.shows = 1
        progress(start)
        let (feed, validators, base) = fetchFeed()
        var plans: [Plan]
        if let feed {
            plans = plan(feed, base: base)
        } else {
            // Unchanged or unreadable: what an earlier update left to fetch is fetched now.
            let recheck = updater.options.recheck
            plans = state.items.filter { $0.value.links.contains { $0.isPending || (recheck && $0.file != nil) } }.keys.sorted()
                .map { Plan(guid: $0, fields: nil, fetchAll: recheck) }
        }
        fetchFiles(plans)
        for plan in plans { writeFields(plan) }
        if feed != nil, !report.interrupted { state.feed = validators }
        do { try state.save(folder: folder) } catch { fail(nil, "\(error)") }
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

        var taken = Set(state.items.values.map(\.name))
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
                let dated = [item.date ?? "", item.title].joined(separator: " ")
                name = SafeName.make(dated, fallback: item.guid, taken: taken)
                taken.insert(name)
                report.newEpisodes += 1
            }
            let fields = EpisodeFields(item, channel: feed.persons)
            var links: [ShowState.Link] = []
            for transcript in chosenTranscripts(item.transcripts, language: feed.language) {
                links.append(link(.transcript, transcript.url, base: base, item: item.title, known: known))
            }
            if let chapters = item.chapters { links.append(link(.chapters, chapters, base: base, item: item.title, known: known)) }
            state.items[item.guid] = ShowState.Item(name: name, title: item.title, links: links)
            // An item whose fields changed may have changed files: they are asked for again (conditionally).
            let changed = known != nil && fieldsText(name) != (try? fields.yaml())
            plans.append(Plan(guid: item.guid, fields: fields, fetchAll: updater.options.recheck || changed))
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
            link.failure = "not an http or https address: \(address)"
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

    private struct Job {
        var guid: String
        var index: Int
        var link: ShowState.Link
        var name: String
        var episode: String
    }

    private mutating func fetchFiles(_ plans: [Plan]) {
        var jobs: [Job] = []
        for plan in plans {
            guard let item = state.items[plan.guid] else { continue }
            for (index, link) in item.links.enumerated() where link.isPending || (plan.fetchAll && link.file != nil) {
                jobs.append(Job(guid: plan.guid, index: index, link: link, name: item.name, episode: item.title))
            }
        }
        var position = start
        position.filesTotal = jobs.count
        position.newEpisodes += report.newEpisodes
        position.failures += report.failures.count
        progress(position)
        guard !jobs.isEmpty else { return }

        let results = Results(position: position, jobs: jobs)
        let base = show.info.feed.flatMap { LibraryUpdater.fetchable($0, base: nil) }
        let (fetcher, limit, folder, isCancelled, progress) = (updater.fetcher, updater.options.fileLimit, folder, isCancelled, progress)
        // Threads of their own, not the shared pool: a fetch blocks its thread, and blocked
        // pool threads starve URLSession's own work (a stall of seconds on two cores).
        let group = DispatchGroup()
        for _ in 0..<min(jobs.count, max(1, updater.options.parallel)) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while !isCancelled(), let job = results.next() {
                    let outcome = Self.fetch(job, base: base, fetcher: fetcher, limit: limit, folder: folder,
                                             isCancelled: isCancelled, claimed: results)
                    progress(results.record(job, outcome))
                }
            }
        }
        group.wait()
        for (job, outcome) in results.all {
            var link = job.link
            switch outcome {
            case let .saved(file, validators, fresh):
                if let old = link.file, old != file { try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(old)) }
                if link.file == nil {
                    if link.kind == .transcript { report.newTranscripts += 1 } else { report.newChapters += 1 }
                } else if fresh {
                    report.changedFiles += 1
                }
                (link.file, link.validators, link.failure, link.ignored) = (file, validators, nil, nil)
            case .unchanged:
                link.failure = nil
            case let .ignored(reason):
                link.ignored = reason
                report.notes.append(UpdateFailure(show: title, episode: job.episode, reason: reason))
            case .failed where isCancelled():
                // Stopped by the user: still to fetch next time.
                continue
            case let .failed(reason):
                link.failure = reason
                fail(job.episode, "\(link.kind.rawValue) \(link.url): \(reason)")
            }
            state.items[job.guid]?.links[job.index] = link
        }
        if results.all.count < jobs.count || isCancelled() { report.interrupted = true }
    }

    enum Outcome {
        case saved(String, ShowState.Validators, fresh: Bool)
        case unchanged
        case ignored(String)
        case failed(String)
    }

    /// Fetches one file and writes it; runs on its own thread.
    private static func fetch(_ job: Job, base: URL?, fetcher: HTTPFetcher, limit: Int, folder: String,
                              isCancelled: () -> Bool, claimed: Results) -> Outcome {
        guard let url = LibraryUpdater.fetchable(job.link.url, base: base) else {
            return .failed("not an http or https address")
        }
        let onDisk = job.link.file.map { FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) } ?? false
        let known = onDisk ? job.link.validators : nil
        switch fetcher.fetch(FetchRequest(url: url, etag: known?.etag, lastModified: known?.lastModified, limit: limit),
                             isCancelled: isCancelled) {
        case let .failure(failure):
            return .failed(failure.reason)
        case let .success(answer):
            guard let body = answer.body else { return .unchanged }
            guard !body.isEmpty else { return .failed("the server sent an empty file") }
            let file: String
            switch job.link.kind {
            case .chapters: file = job.name + ".chapters.json"
            case .transcript:
                // The content decides the format: servers often send the wrong type.
                file = job.name + "." + TranscriptFile.sniffedExtension(Array(body.prefix(4096)))
                guard claimed.claim(file, for: job) else {
                    return .ignored("another transcript of this episode is also \(file); \(job.link.url) not kept")
                }
            }
            do {
                try LibraryFiles.write(body, to: (folder as NSString).appendingPathComponent(file))
            } catch {
                return .failed("\(error)")
            }
            let validators = ShowState.Validators(etag: answer.etag, lastModified: answer.lastModified)
            return .saved(file, validators, fresh: true)
        }
    }

    /// The outcomes of the files fetched, gathered from the fetching threads.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var position: UpdateProgress
        private var claimed: [String: String] = [:]
        private let jobs: [Job]
        private var taken = 0
        private(set) var all: [(Job, Outcome)] = []

        init(position: UpdateProgress, jobs: [Job]) { (self.position, self.jobs) = (position, jobs) }

        /// The next job no thread has taken.
        func next() -> Job? {
            lock.withLock {
                guard taken < jobs.count else { return nil }
                defer { taken += 1 }
                return jobs[taken]
            }
        }

        func record(_ job: Job, _ outcome: Outcome) -> UpdateProgress {
            lock.withLock {
                all.append((job, outcome))
                position.filesDone += 1
                if case .failed = outcome { position.failures += 1 }
                return position
            }
        }

        /// False when another link of the same item saved this file in this update.
        func claim(_ file: String, for job: Job) -> Bool {
            lock.withLock {
                let key = job.guid + "\u{0}" + job.link.url
                if let owner = claimed[file], owner != key { return false }
                claimed[file] = key
                return true
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
        guard page.hasPrefix("---\n"), page.hasSuffix(Self.pageEnd) else { return nil }
        return String(page.dropFirst(4).dropLast(Self.pageEnd.count))
    }

    /// How `NAME.md` ends: its front matter says there is no transcript (so none is missed).
    private static let pageEnd = "transcript: none\n---\n"

    /// The item's fields beside its transcript (`NAME.yaml`), or, while it has none, as an
    /// episode page of front matter only (`NAME.md`), so it is listed.
    private mutating func writeFields(_ plan: Plan) {
        guard let item = state.items[plan.guid] else { return }
        let base = (folder as NSString).appendingPathComponent(item.name)
        let hasTranscript = item.links.contains {
            $0.kind == .transcript && $0.file.map { FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) } == true
        }
        guard let text = (try? plan.fields?.yaml()) ?? fieldsText(item.name) else { return }
        do {
            if hasTranscript {
                try LibraryFiles.write(text, to: base + ".yaml")
                try? FileManager.default.removeItem(atPath: base + ".md")
            } else {
                try LibraryFiles.write("---\n" + text + Self.pageEnd, to: base + ".md")
            }
        } catch {
            fail(item.title, "\(error)")
        }
    }
}

extension ShowState.Link {
    /// Still to fetch: never fetched, not refused for its address, not set aside.
    var isPending: Bool {
        file == nil && ignored == nil && !(failure?.hasPrefix("not an http or https address") ?? false)
    }
}
