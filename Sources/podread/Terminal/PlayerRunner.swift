import Foundation
import Playback
import ReaderUI
import TranscriptKit

/// Runs the reader's playback effects: finds the episode's audio, starts mpv for it (one
/// player at a time), sends it seeks, pauses and speeds, and reports what it says as
/// `.player` actions. Positions are passed on at most ten times a second (the reader
/// redraws for each), and always when the audio jumps.
final class PlayerRunner: @unchecked Sendable {
    private let lock = NSLock()
    private var player: MpvPlayer?
    /// What was last asked for: a player still starting plays this once it can.
    private var requested = (source: "", at: 0.0)
    /// What was asked of a player still starting, sent once it plays.
    private var queued: [PlayerCommand] = []
    private var lastPosition: Double?
    private var playing = false
    /// A player is being started (off the input thread): another `play` meanwhile only
    /// changes what it loads.
    private var starting = false
    /// `stop` was called: a player that finishes starting after it is stopped at once.
    private var stopped = false
    private let post: @Sendable (Action) -> Void

    init(post: @escaping @Sendable (Action) -> Void) {
        self.post = post
    }

    /// Starts mpv: `PODREAD_MPV` names another player executable, and `PODREAD_MPV_OPTIONS`
    /// adds options, split at spaces (the tests' `--ao=null`); neither goes through a shell.
    static func startPlayer(environment: [String: String] = ProcessInfo.processInfo.environment,
                            report: @escaping @Sendable (PlayerEvent) -> Void) throws -> MpvPlayer {
        let options = (environment["PODREAD_MPV_OPTIONS"] ?? "").split(separator: " ").map(String.init)
        let executable = environment["PODREAD_MPV"].flatMap { $0.isEmpty ? nil : $0 }
        return try MpvPlayer(executable: executable, options: options, environment: environment, report: report)
    }

    func play(_ summary: EpisodeSummary, at seconds: Double) {
        guard let audio = EpisodeAudio.source(of: summary) else {
            post(.player(.failed(EpisodeAudio.missing)))
            return
        }
        let (running, start) = lock.withLock { () -> (MpvPlayer?, Bool) in
            requested = (audio, seconds)
            queued = []
            lastPosition = nil
            defer { if player == nil { starting = true } }
            return (player, player == nil && !starting)
        }
        if let running {
            running.play(audio, from: seconds)
            return
        }
        guard start else { return }
        // Started off the input thread: mpv takes a moment to open its socket.
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            do {
                let started = try Self.startPlayer { [weak self] event in self?.heard(event) }
                // Stopped meanwhile: stopped here, before `stop` stops waiting for it.
                if lock.withLock({ stopped }) { started.stop() }
                let load = lock.withLock { () -> (source: String, at: Double, then: [PlayerCommand])? in
                    starting = false
                    guard !stopped else { return nil }
                    player = started
                    defer { queued = [] }
                    return (requested.source, requested.at, queued)
                }
                if let load {
                    started.play(load.source, from: load.at)
                    for command in load.then { started.send(command) }
                }
            } catch {
                lock.withLock { starting = false }
                post(.player(.failed("\(error)")))
            }
        }
    }

    func send(_ command: PlayerCommand) {
        let running = lock.withLock { () -> MpvPlayer? in
            if case .seek = command { lastPosition = nil }
            if player == nil, starting { queued.append(command) }
            return player
        }
        running?.send(command)
    }

    /// Audio is playing: positions keep coming, and the reader's loop waits for input only
    /// briefly so each is on the screen at once.
    var isPlaying: Bool { lock.withLock { playing } }

    private func heard(_ event: PlayerEvent) {
        lock.withLock {
            switch event {
            case .loaded: playing = true
            case let .paused(paused): playing = !paused
            case .ended, .gone: playing = false
            case .position, .speed, .duration: break
            }
        }
        switch event {
        case .loaded:
            post(.player(.started(source: OutputText.forPeople(lock.withLock { requested.source }))))
        case let .position(seconds):
            let passed = lock.withLock { () -> Bool in
                guard lastPosition.map({ abs(seconds - $0) >= 0.1 }) ?? true else { return false }
                lastPosition = seconds
                return true
            }
            if passed { post(.player(.position(seconds))) }
        case let .paused(paused): post(.player(.paused(paused)))
        case let .speed(speed): post(.player(.speed(speed)))
        case let .duration(seconds): post(.player(.duration(seconds)))
        case let .ended(error):
            let from = lock.withLock { requested.source }
            post(.player(error.map { .failed(Self.problem(playing: from, error: $0)) } ?? .ended))
        case let .gone(why):
            lock.withLock { player = nil }
            post(.player(.failed(why + ": p starts it again")))
        }
    }

    /// Why `source` did not play, and what would help.
    /// What helps first: a status bar cuts the end of a long message.
    static func problem(playing source: String, error: String) -> String {
        let isPage = source.hasPrefix("http") && !EpisodeAudio.extensions.contains((URL(string: source)?.pathExtension ?? "").lowercased())
        return OutputText.forPeople(isPage ? "mpv plays a video page only with yt-dlp and the network (\(error)): \(source)"
                                           : "mpv could not play \(source): \(error)")
    }

    /// Stops the player (quitting, or a signal): no mpv is left behind, not even one still
    /// starting (it is waited for, a few seconds at most, then killed).
    func stop() {
        lock.withLock { stopped = true }
        for _ in 0..<300 where lock.withLock({ starting }) { usleep(10_000) }
        let running = lock.withLock { () -> MpvPlayer? in
            defer { player = nil; playing = false }
            return player
        }
        running?.stop()
        MpvPlayer.killAll()
    }
}
