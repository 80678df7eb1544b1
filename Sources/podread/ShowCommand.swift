import ArgumentParser
import Foundation
import TranscriptKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print an episode's transcript.",
        discussion: """
            EPISODE is a number (9), an episode id, a file name or a path to a file. \
            Examples: podread show 9 --speaker JR --speaker "Carlisia" --from 12:30; \
            podread show 9 --from 20:00 --to 25:00
            """)

    @OptionGroup var corpus: CorpusOptions
    @Argument(help: "Episode number, id, file name or path.", completion: EpisodeCompletion.kind) var episode: String
    @Option(name: .long, help: ArgumentHelp("Only this speaker (tag or name); repeatable.", valueName: "speaker"))
    var speaker: [String] = []
    // Unconditional: `--from -5` is a bad time to explain, not a missing value.
    @Option(name: [.customLong("from"), .customLong("at")], parsing: .unconditional,
            help: ArgumentHelp("Start at the utterance that covers TIME (12:30, 1:02:03, 750); --at is the same.", valueName: "time"))
    var at: String?
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Stop before the first utterance that starts at TIME or later.", valueName: "time"))
    var to: String?
    @Flag(help: "Print {episode, utterances} as JSON.") var json = false

    func validate() throws {
        let from = try at.map(TimeArgument.seconds)
        if let to {
            let end = try TimeArgument.seconds(to)
            if let from, end <= from {
                throw ValidationError("--to \(OutputText.forPeople(to)) is not after --from \(OutputText.forPeople(at ?? "")): give an end later than the start")
            }
        }
    }

    func run() throws {
        let episode = try EpisodeChoice.episode(self.episode, in: corpus)
        var selected = try EpisodeChoice.utterances(of: episode, speakers: speaker)
        if let at {
            let time = try TimeArgument.seconds(at)
            guard let first = episode.utteranceIndex(covering: time) else {
                throw CleanExit.failure("\(at) is past the end of \(episode.title) (last timestamp \(TimeFormat.longClock(episode.duration)))")
            }
            selected = selected.filter { $0 >= first }
        }
        if let to {
            let end = try TimeArgument.seconds(to)
            selected = selected.filter { episode.utterances[$0].start < end }
        }
        let utterances = selected.map { episode.utterances[$0] }
        if json {
            Output.json(try JSONReports.encode(JSONReports.Show(episode, utterances: utterances)))
        } else {
            Output.lines(TranscriptText.render(episode, utterances: utterances))
        }
    }
}

/// The plain-text transcript printed by `show`.
enum TranscriptText {
    static func render(_ episode: Episode, utterances: [Utterance]) -> String {
        var out: [String] = []
        let number = episode.number.map { "#\($0) " } ?? ""
        out.append("\(number)\(episode.title)")
        let people = episode.speakers.filter { $0.role != .unknown || !$0.tag.isEmpty }.map { speaker in
            // Files that name their speakers have no tags to explain.
            let tag = episode.speakersNamed && speaker.tag == speaker.name ? "" : "\(speaker.tag) = "
            return "\(tag)\(speaker.displayName) (\(speaker.role.rawValue))"
        }
        out.append("Speakers: " + people.joined(separator: ", "))
        if let note = episode.readingNote {
            out.append("File: \((episode.file as NSString).lastPathComponent), \(note.message)")
        }
        var section: Int?
        for utterance in utterances {
            if utterance.sectionIndex != section, let index = utterance.sectionIndex {
                out.append("")
                out.append("[\(episode.sections[index].title)]")
                section = index
            }
            out.append("")
            out += lines(of: utterance, in: episode)
        }
        return out.map { OutputText.forPeople($0) }.joined(separator: "\n")
    }

    /// `[0:12:30] Name: text`, then the utterance's other paragraphs indented (not yet safe).
    static func lines(of utterance: Utterance, in episode: Episode) -> [String] {
        let time = utterance.timestamp.isEmpty ? "[--:--]" : "[\(TimeFormat.longClock(utterance.start))]"
        let name = episode.speaker(of: utterance).displayName
        return ["\(time) \(name): \(utterance.paragraphs.first ?? "")"] + utterance.paragraphs.dropFirst().map { "    " + $0 }
    }
}
