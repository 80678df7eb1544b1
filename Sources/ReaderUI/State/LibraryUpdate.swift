/// How far `Effect.updateLibrary` has come (`Action.libraryUpdateProgress`).
public struct LibraryUpdateProgress: Equatable, Sendable {
    public var showsDone: Int
    public var showsTotal: Int
    /// The title of the show being fetched (nil before the first).
    public var currentShow: String?
    /// Episodes fetched so far, of every show.
    public var newEpisodes: Int
    public var failures: Int

    public init(showsDone: Int, showsTotal: Int, currentShow: String? = nil, newEpisodes: Int = 0, failures: Int = 0) {
        (self.showsDone, self.showsTotal, self.currentShow) = (showsDone, showsTotal, currentShow)
        (self.newEpisodes, self.failures) = (newEpisodes, failures)
    }
}

/// What `Effect.updateLibrary` did (`Action.libraryUpdateFinished`).
public struct LibraryUpdateOutcome: Equatable, Sendable {
    public var showsUpdated: Int
    public var newEpisodes: Int
    public var newTranscripts: Int
    public var failures: Int
    /// Why the first show that failed did (a feed's address or a network error, say).
    public var firstFailure: String?

    public init(showsUpdated: Int, newEpisodes: Int, newTranscripts: Int, failures: Int = 0, firstFailure: String? = nil) {
        (self.showsUpdated, self.newEpisodes, self.newTranscripts) = (showsUpdated, newEpisodes, newTranscripts)
        (self.failures, self.firstFailure) = (failures, firstFailure)
    }

    /// The status bar's summary: "Updated 5 shows: 12 new episodes, 9 transcripts; 1 failed: …".
    var summary: String {
        var text = "Updated \(Self.count(showsUpdated, "show")): "
        text += newEpisodes == 0 && newTranscripts == 0 ? "nothing new"
            : "\(Self.count(newEpisodes, "new episode")), \(Self.count(newTranscripts, "transcript"))"
        if failures > 0 { text += "; \(failures) failed" + (firstFailure.map { ": " + $0 } ?? "") }
        return text
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

extension ReaderState {
    /// `U`: fetch every show of the library, in the background.
    mutating func updateLibrary() {
        if corpus.shows.isEmpty {
            message = StatusMessage(text: "this folder is not a library of shows: add one with podread add URL (a feed's address), then U updates it", isError: false)
        } else if let running = libraryUpdate {
            message = StatusMessage(text: "the library is already being updated (\(running.showsDone)/\(running.showsTotal) shows)", isError: false)
        } else {
            libraryUpdate = LibraryUpdateProgress(showsDone: 0, showsTotal: corpus.shows.count)
            outbox.append(.updateLibrary)
        }
    }

    mutating func libraryUpdateProgressed(_ progress: LibraryUpdateProgress) {
        if libraryUpdate != nil { libraryUpdate = progress }
    }

    mutating func libraryUpdateFinished(_ outcome: LibraryUpdateOutcome) {
        libraryUpdate = nil
        message = StatusMessage(text: outcome.summary, isError: outcome.failures > 0)
    }
}
