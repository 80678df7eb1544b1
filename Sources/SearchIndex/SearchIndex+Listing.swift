import GRDB
import TranscriptKit

extension SearchIndex {
    /// The listing state (`CorpusLoader.listingState`) the stored episodes were made for;
    /// nil when none was kept, or it could not be known.
    public func storedListingState() throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT state FROM listing WHERE only = 1") }
    }

    /// Keeps what a search needs of `corpus`'s episodes (file, id, number, title, date,
    /// show, speakers; show titles) for the listing `state` they were read in.
    public func store(_ corpus: Corpus, listingState state: String?) throws {
        try exclusively { try writing { db in
            try db.execute(sql: "DELETE FROM episode; DELETE FROM speaker; DELETE FROM show")
            let episode = try db.cachedStatement(sql: """
                INSERT INTO episode(path, position, id, number, title, date, show) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            let speaker = try db.cachedStatement(sql: """
                INSERT INTO speaker(path, position, tag, name, role, certain) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for (position, summary) in corpus.episodes.enumerated() {
                try episode.execute(arguments: [summary.file, position, summary.id, summary.number, summary.title,
                                                summary.date, summary.show])
                for (index, person) in summary.speakers.enumerated() {
                    try speaker.execute(arguments: [summary.file, index, person.tag, person.name,
                                                    person.role.rawValue, person.isCertain])
                }
            }
            for (folder, info) in corpus.shows {
                try db.execute(sql: "INSERT INTO show(folder, title) VALUES (?, ?)", arguments: [folder, info.title])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO listing(only, state) VALUES (1, ?)", arguments: [state])
        } }
    }

    /// The corpus as `store` kept it: its episodes' summaries with only what a search needs.
    public func storedCorpus(directory: String) throws -> Corpus {
        try pool.read { db in
            var episodes: [EpisodeSummary] = []
            var at: [String: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.episodeColumns) FROM episode ORDER BY position")
            while let row = try rows.next() {
                let summary = Self.summary(row)
                at[summary.file] = episodes.count
                episodes.append(summary)
            }
            let people = try Row.fetchCursor(db, sql: "SELECT path, \(Self.speakerColumns) FROM speaker ORDER BY path, position")
            while let row = try people.next() {
                guard let index = at[row[0]] else { continue }
                episodes[index].speakers.append(Self.speaker(row, from: 1))
            }
            var shows: [String: ShowInfo] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT folder, title FROM show") {
                shows[row[0]] = ShowInfo(title: row[1])
            }
            return Corpus(directory: directory, episodes: episodes, shows: shows)
        }
    }

    private static let episodeColumns = "path, id, number, title, date, show"
    private static let speakerColumns = "tag, name, role, certain"

    private static func summary(_ row: Row) -> EpisodeSummary {
        var summary = EpisodeSummary(file: row[0])
        summary.id = row[1]
        summary.number = row[2]
        summary.title = row[3]
        summary.date = row[4]
        summary.show = row[5]
        return summary
    }

    private static func speaker(_ row: Row, from first: Int) -> Speaker {
        let role = Speaker.Role(rawValue: row[first + 2]) ?? .unknown
        return Speaker(tag: row[first], name: row[first + 1], role: role, isCertain: row[first + 3], reason: "")
    }
}
