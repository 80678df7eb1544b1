import GRDB
import TranscriptKit

extension SearchIndex {
    /// The listing state (`CorpusLoader.listingState`) the stored episodes were made for;
    /// nil when none was kept, or it could not be known.
    public func storedListingState() throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT state FROM listing WHERE only = 1") }
    }

    /// Keeps what a search needs of `corpus`'s episodes (file, id, number, title, date,
    /// show, speakers; show titles) for the listing `state` they were read in. Only the
    /// episodes that differ from those kept are written: after one file changed, one.
    public func store(_ corpus: Corpus, listingState state: String?) throws {
        try exclusively { try writing { db in
            var kept: [String: [DatabaseValue]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT path, position, id, number, title, date, show FROM episode")
            while let row = try rows.next() { kept[row[0]] = Array(row.databaseValues) }
            var people: [String: [DatabaseValue]] = [:]
            let speakers = try Row.fetchCursor(db, sql: "SELECT path, \(Self.speakerColumns) FROM speaker ORDER BY path, position")
            while let row = try speakers.next() { people[row[0], default: []] += Array(row.databaseValues).dropFirst() }
            let episode = try db.cachedStatement(sql: """
                INSERT INTO episode(path, position, id, number, title, date, show) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            let speaker = try db.cachedStatement(sql: """
                INSERT INTO speaker(path, position, tag, name, role, certain) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for (position, summary) in corpus.episodes.enumerated() {
                let fields: [(any DatabaseValueConvertible)?] = [summary.file, position, summary.id, summary.number, summary.title,
                                                                 summary.date, summary.show]
                let values = fields.map { $0?.databaseValue ?? .null }
                let persons = summary.speakers.flatMap { person -> [DatabaseValue] in
                    [person.tag.databaseValue, person.name.databaseValue, person.role.rawValue.databaseValue,
                     person.isCertain.databaseValue]
                }
                if kept.removeValue(forKey: summary.file) == values && (people[summary.file] ?? []) == persons { continue }
                try Self.forget(episode: summary.file, in: db)
                try episode.execute(arguments: StatementArguments(values))
                for (index, person) in summary.speakers.enumerated() {
                    try speaker.execute(arguments: [summary.file, index, person.tag, person.name, person.role.rawValue, person.isCertain])
                }
            }
            for path in kept.keys { try Self.forget(episode: path, in: db) }
            try db.execute(sql: "DELETE FROM show")
            for (folder, info) in corpus.shows {
                try db.execute(sql: "INSERT INTO show(folder, title) VALUES (?, ?)", arguments: [folder, info.title])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO listing(only, state) VALUES (1, ?)", arguments: [state])
        } }
    }

    private static func forget(episode path: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM episode WHERE path = ?", arguments: [path])
        try db.execute(sql: "DELETE FROM speaker WHERE path = ?", arguments: [path])
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
