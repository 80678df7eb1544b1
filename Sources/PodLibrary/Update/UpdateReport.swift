/// Where an update is, for a progress line: called from the updater's threads, one call at a time.
public struct UpdateProgress: Sendable, Equatable {
    public var show: String
    /// 1-based.
    public var showNumber: Int
    public var showCount: Int
    public var filesDone: Int
    public var filesTotal: Int
    public var newEpisodes: Int
    public var failures: Int
}

/// Something that could not be fetched or written, named for the user.
public struct UpdateFailure: Sendable, Equatable, CustomStringConvertible {
    public var show: String
    /// Nil when the feed itself failed.
    public var episode: String?
    public var reason: String

    public var description: String { show + (episode.map { " — " + $0 } ?? "") + ": " + reason }
}

/// What an update did.
public struct UpdateReport: Sendable, Equatable {
    public var shows = 0
    /// Shows whose feed had not changed (a 304, or the same local file).
    public var unchangedShows = 0
    public var newEpisodes = 0
    public var newTranscripts = 0
    public var newChapters = 0
    /// Files fetched again because they changed on the server.
    public var changedFiles = 0
    public var failures: [UpdateFailure] = []
    /// Warnings that fetched nothing less (a duplicate GUID, a transcript type skipped).
    public var notes: [UpdateFailure] = []
    /// Stopped before the end (the next update goes on).
    public var interrupted = false
    public var requests = 0
    public var bytes = 0

    public init() {}

    mutating func add(_ other: UpdateReport) {
        shows += other.shows
        unchangedShows += other.unchangedShows
        newEpisodes += other.newEpisodes
        newTranscripts += other.newTranscripts
        newChapters += other.newChapters
        changedFiles += other.changedFiles
        failures += other.failures
        notes += other.notes
        interrupted = interrupted || other.interrupted
    }
}
