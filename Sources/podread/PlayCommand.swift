import ArgumentParser
import Foundation
import Playback
import TranscriptKit

struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play an episode's audio (mpv) and print each utterance as it is spoken.",
        discussion: """
            The audio is a file beside the episode with its name and an audio extension \
            (.mp3, .m4a, .ogg, .opus, .wav, .flac), else the episode's audio or enclosure \
            address, else its video link (mpv plays it where yt-dlp is installed). Ctrl-C \
            stops it. Examples: podread play 9; podread play 9 --at 20:32
            """)

    @OptionGroup var corpus: CorpusOptions
    @Argument(help: "Episode number, id, file name or path.", completion: EpisodeCompletion.kind) var episode: String
    // Unconditional: `--at -5` is a bad time to explain, not a missing value.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Start at TIME (12:30, 1:02:03, 750).", valueName: "time"))
    var at: String?

    func validate() throws {
        if let at { _ = try TimeArgument.seconds(at) }
    }

    func run() throws {
        let episode = try EpisodeChoice.episode(self.episode, in: corpus)
        let start = try at.map(TimeArgument.seconds) ?? 0
        if start > 0, episode.utteranceIndex(covering: start) == nil {
            throw CleanExit.failure("\(at ?? "") is past the end of \(episode.title) (last timestamp \(TimeFormat.longClock(episode.duration)))")
        }
        guard let source = EpisodeAudio.source(of: episode.summary) else {
            throw CleanExit.failure("\(episode.file): \(EpisodeAudio.missing)")
        }
        Signals.install()
        let heard = PlayerEvents()
        let player: MpvPlayer
        do {
            player = try PlayerRunner.startPlayer(report: heard.post)
        } catch {
            throw CleanExit.failure("\(error)", code: 69)
        }
        defer { player.stop() }
        player.play(source, from: start)
        // The next utterance to print: none before the start, each once, in order.
        var next = episode.utteranceIndex(covering: start) ?? 0
        while true {
            if Signals.pending != 0 {
                player.stop()
                Signals.exitWithPending()
            }
            for event in heard.take(waiting: 0.1) {
                switch event {
                case let .position(seconds):
                    guard let spoken = episode.spoken(at: seconds)?.utterance, spoken >= next else { continue }
                    for index in next...spoken {
                        Output.lines(TranscriptText.lines(of: episode.utterances[index], in: episode)
                            .map { OutputText.forPeople($0) }.joined(separator: "\n"))
                    }
                    next = spoken + 1
                case .ended(nil):
                    return
                case let .ended(error?):
                    throw CleanExit.failure(PlayerRunner.problem(playing: source, error: error))
                case let .gone(why):
                    throw CleanExit.failure(why)
                case .loaded, .paused, .speed, .duration:
                    break
                }
            }
        }
    }
}

/// Events from the player's thread, for a loop that takes them in turn.
final class PlayerEvents: @unchecked Sendable {
    private let condition = NSCondition()
    private var events: [PlayerEvent] = []

    func post(_ event: PlayerEvent) {
        condition.withLock {
            events.append(event)
            condition.signal()
        }
    }

    /// What came, waiting at most `seconds` for something to.
    func take(waiting seconds: Double) -> [PlayerEvent] {
        condition.withLock {
            if events.isEmpty { _ = condition.wait(until: Date().addingTimeInterval(seconds)) }
            defer { events = [] }
            return events
        }
    }
}
