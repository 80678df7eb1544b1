import Foundation
import Yams

/// An item's fields as an episode's front matter (the keys an episode page uses, which the
/// corpus reader reads): the sidecar `NAME.yaml` beside a transcript, or the front matter
/// of `NAME.md` for an item without one. Keys the reader does not use (`enclosure`'s type
/// and length, `duration`, `transcripts`, `chapters`) are kept for the user and for later.
struct EpisodeFields: Codable, Equatable {
    struct PersonField: Codable, Equatable {
        var name: String
        var url: String?
        var role: String?
    }

    struct EnclosureField: Codable, Equatable {
        var url: String
        var type: String?
        var length: Int?
    }

    struct TranscriptField: Codable, Equatable {
        var url: String
        var type: String
        var language: String?
        var rel: String?
    }

    var episode_id: String
    var episode_number: Int?
    var season: Int?
    var title: String
    var date: String?
    var description: String?
    var notes: String?
    var hosts: [PersonField]?
    var guests: [PersonField]?
    /// Everyone else the feed names (`podcast:person` with another role).
    var speakers: [PersonField]?
    /// The episode's web page.
    var media: String?
    var enclosure: EnclosureField?
    var duration: Double?
    var transcripts: [TranscriptField]?
    var chapters: String?

    /// `channel`: the show's `podcast:person`s, which stand for an item that names none.
    init(_ item: FeedItem, channel: [FeedPerson]) {
        episode_id = item.guid
        episode_number = item.episode
        season = item.season
        title = item.title
        date = item.date
        description = item.summary.isEmpty ? nil : item.summary
        notes = item.notes.isEmpty ? nil : item.notes
        let people = (item.persons.isEmpty ? channel : item.persons).map { (person: $0, role: $0.role.lowercased()) }
        func field(_ entry: (person: FeedPerson, role: String)) -> PersonField {
            PersonField(name: entry.person.name, url: entry.person.href, role: ["host", "guest"].contains(entry.role) ? nil : entry.person.role)
        }
        let hosts = people.filter { $0.role == "host" }.map(field)
        let guests = people.filter { $0.role == "guest" }.map(field)
        let others = people.filter { !["host", "guest"].contains($0.role) }.map(field)
        self.hosts = hosts.isEmpty ? nil : hosts
        self.guests = guests.isEmpty ? nil : guests
        speakers = others.isEmpty ? nil : others
        media = item.link
        enclosure = item.enclosure.map { EnclosureField(url: $0.url, type: $0.type.isEmpty ? nil : $0.type, length: $0.length) }
        duration = item.duration
        let transcripts = item.transcripts.map { TranscriptField(url: $0.url, type: $0.type, language: $0.language, rel: $0.rel) }
        self.transcripts = transcripts.isEmpty ? nil : transcripts
        chapters = item.chapters
    }

    /// As a sidecar (`NAME.yaml`); between `---` lines, the front matter of `NAME.md`.
    func yaml() throws -> String { try YAMLEncoder().encode(self) }
}
