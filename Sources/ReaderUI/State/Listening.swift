import TranscriptKit

/// What the player reports, as the reader hears it: the program turns the player's own
/// events into these (`Action.player`).
public enum PlayerReport: Equatable, Sendable {
    /// The player has the audio and plays it: from where (a file or an address).
    case started(source: String)
    case position(Double)
    case paused(Bool)
    case speed(Double)
    case duration(Double)
    /// The audio played to its end.
    case ended
    /// It could not play (no audio, no player, a file it cannot read, the player died):
    /// why, and what to do.
    case failed(String)
}

/// Listening along: the open episode's audio as the player last reported it, and the
/// utterance (and cue) being spoken, found when a position arrives, not when a frame is drawn.
public struct Listening: Equatable, Sendable {
    /// The episode whose audio plays (its index, and its file to tell it apart after a reload).
    public var episode: Int
    public var file: String
    public var source: String?
    /// Seconds into the audio.
    public var position: Double
    public var duration: Double?
    public var isPaused = false
    public var speed = 1.0
    public var isEnded = false
    /// The view follows the spoken utterance; scrolling away stops that until `f`.
    public var isFollowing = true
    /// Where the reader last sent the audio: a report a little before it (mpv reports the
    /// start of the audio frame it landed in, up to a frame early) is taken as it, and
    /// the few reports still on their way from before the seek are let pass.
    var sought: Double?
    var staleReports = 0
    /// The utterance being spoken and its cue, if it has cues.
    public var utterance: Int?
    public var cue: Int?
    /// The spoken cue's paragraph, and its characters there (what the screen marks).
    public var cueText: (paragraph: Int, characters: Range<Int>)? {
        get { cueParagraph.map { ($0, cueCharacters) } }
        set { (cueParagraph, cueCharacters) = (newValue?.paragraph, newValue?.characters ?? 0..<0) }
    }
    var cueParagraph: Int?
    var cueCharacters = 0..<0

    init(episode: Int, file: String, position: Double) {
        (self.episode, self.file, self.position) = (episode, file, position)
    }

    /// The speeds `<` and `>` step through.
    static let speeds = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0]
    /// What ←/→ and Shift-←/→ move, in seconds.
    static let step = 5.0, longStep = 30.0
    /// What `-` and `=` shift the transcript by.
    static let syncStep = 0.5
    /// A player asked to seek to 3.0 s may report 2.9999: a position this close before an
    /// utterance's start is taken as at it (for the mark and the clock).
    static let slack = 0.05

    /// How far before a seek's target a report is still taken as the target (`sought`).
    static let frameSlack = 0.5

    /// The position as the reader takes it (see `slack`).
    var heardPosition: Double { position + Self.slack }
}

extension Action {
    /// A position from the player: the most frequent action while listening.
    public var isPositionReport: Bool {
        if case .player(.position) = self { return true }
        return false
    }
}

/// What a position report can change on the screen: the marked utterance and cue, the
/// clock's second, and the view that follows them.
public struct ListeningShown: Equatable, Sendable {
    var utterance: Int?
    var cue: Int?
    var second: Int
    var top: TranscriptPosition
    var current: Int
}

extension ReaderState {
    public var listeningShown: ListeningShown {
        ListeningShown(utterance: listening?.utterance, cue: listening?.cue,
                       second: Int(listening.map { $0.heardPosition.rounded(.down) } ?? -1), top: top, current: current)
    }

    /// Whether the open episode's audio is loaded in the player.
    var isListeningHere: Bool {
        guard let listening, let episode else { return false }
        return listening.file == episode.file && !listening.isEnded
    }

    /// How much later than its times the open episode's transcript is spoken (`-`, `=`).
    var syncShift: Double { episode.map { syncShifts[Self.fileName($0.file)] ?? 0 } ?? 0 }

    /// `p`: play the open episode from the utterance the reader is at, or pause and go on.
    mutating func playOrPause() {
        guard let episode else {
            message = StatusMessage(text: "open an episode to listen to it", isError: true)
            return
        }
        if isListeningHere, var listening {
            listening.isPaused.toggle()
            self.listening = listening
            outbox.append(.playerPause(listening.isPaused))
            return
        }
        // Where it was last heard, if the reader is still at the utterance it was saved at.
        let saved = positions[Self.fileName(episode.file)]
        let from = saved.flatMap { saved in saved.utterance == currentUtterance ? saved.audio : nil }
            ?? currentUtterance.map { episode.utterances[$0].start + syncShift } ?? 0
        listening = Listening(episode: episodeIndex, file: episode.file, position: max(0, from))
        outbox.append(.play(episode: episodeIndex, file: episode.file, at: max(0, from)))
        message = StatusMessage(text: "starting the player…", isError: false)
    }

    /// `f`: follow the spoken utterance again.
    mutating func followAgain() {
        guard isListeningHere else {
            message = StatusMessage(text: "nothing is playing: p plays the episode", isError: false)
            return
        }
        listening?.isFollowing = true
        followSpoken()
    }

    mutating func changeSpeed(_ step: Int) {
        guard isListeningHere, let speed = listening?.speed else {
            message = StatusMessage(text: "nothing is playing: p plays the episode", isError: false)
            return
        }
        let speeds = Listening.speeds
        let here = speeds.firstIndex { $0 >= speed - 0.001 } ?? speeds.count - 1
        let next = speeds[max(0, min(speeds.count - 1, here + step))]
        listening?.speed = next
        outbox.append(.playerSpeed(next))
    }

    /// `-` and `=`: the transcript earlier or later against the audio, for this episode.
    mutating func shiftSync(by seconds: Double) {
        guard let episode else { return }
        let shift = max(-3600, min(3600, syncShift + seconds))
        let file = Self.fileName(episode.file)
        syncShifts[file] = abs(shift) < 0.001 ? nil : shift
        if memoryKey != nil { save(.synced(file: file, shift: syncShifts[file])) }
        let tenths = Int((abs(shift) * 10).rounded())
        let signed = (shift > 0 ? "+" : shift < 0 ? "−" : "±") + "\(tenths / 10).\(tenths % 10)"
        message = StatusMessage(text: "sync: the transcript is spoken \(signed) s from its times (- earlier, = later)", isError: false)
        if isListeningHere { spokenChanged() }
    }

    /// ←/→ and Shift-←/→ while listening: move in the audio.
    mutating func seek(by seconds: Double) {
        guard isListeningHere, let listening else { return }
        let target = max(0, listening.position + seconds)
        seek(to: listening.duration.map { min($0, target) } ?? target)
    }

    mutating func seek(to seconds: Double) {
        listening?.position = seconds
        listening?.sought = seconds
        listening?.staleReports = 0
        listening?.isFollowing = true
        outbox.append(.playerSeek(seconds))
        spokenChanged()
    }

    /// A jump in the transcript (`t`, `[`, `]`, `{`, `}`, a search, Enter, a click) moves
    /// the audio there too; a search being typed (`/`) moves it once, when Enter confirms it.
    mutating func seekToCurrentUtterance() {
        guard isListeningHere, prompt == nil, let episode, let utterance = currentUtterance else { return }
        seek(to: max(0, episode.utterances[utterance].start + syncShift))
    }

    mutating func heard(_ report: PlayerReport) {
        guard listening != nil else { return }
        switch report {
        case let .started(source):
            listening?.source = source
            message = StatusMessage(text: "playing \(source)", isError: false)
        case let .position(seconds):
            if let sought = listening?.sought {
                if seconds < sought, sought - seconds < Listening.frameSlack {
                    listening?.position = sought
                } else if abs(seconds - sought) > 1, (listening?.staleReports ?? 0) < 5 {
                    // From before the seek: the player has not got there yet.
                    listening?.staleReports += 1
                    return
                } else {
                    listening?.sought = nil
                    listening?.position = seconds
                }
            } else {
                listening?.position = seconds
            }
            spokenChanged()
        case let .paused(paused):
            listening?.isPaused = paused
        case let .speed(speed):
            listening?.speed = speed
        case let .duration(seconds):
            listening?.duration = seconds
        case .ended:
            listening?.isEnded = true
            listening?.utterance = nil
            message = StatusMessage(text: "the episode's audio ended: p plays it again from here", isError: false)
        case let .failed(problem):
            listening = nil
            message = StatusMessage(text: problem, isError: true)
        }
    }

    /// Finds the utterance and cue spoken now (binary searches: no walk of the transcript),
    /// and brings it into view when following.
    private mutating func spokenChanged() {
        guard let episode, let listening, listening.file == episode.file else { return }
        let time = listening.heardPosition - syncShift
        let before = (listening.utterance, listening.cue)
        let spoken = episode.spoken(at: time)
        let utterance = spoken?.utterance, cue = spoken?.cue
        self.listening?.utterance = utterance
        self.listening?.cue = cue
        if before != (utterance, cue) {
            self.listening?.cueText = utterance.flatMap { u in cue.flatMap { Self.characters(of: episode.utterances[u].cues[$0], in: episode.utterances[u]) } }
        }
        // Not while a prompt is open: a search being typed shows its matches.
        if before.0 != utterance, listening.isFollowing, prompt == nil { followSpoken() }
    }

    /// Shows the spoken utterance (when it is shown at all) as the reader's current one.
    private mutating func followSpoken() {
        guard let utterance = listening?.utterance, let index = shownIndex(atOrBefore: utterance),
              shown[index] == utterance else { return }
        if !isOnScreen(index) { place(shown: index) }
        current = index
    }

    /// A cue's characters in its paragraph (its range is in UTF-8 bytes); once per cue spoken.
    static func characters(of cue: Cue, in utterance: Utterance) -> (paragraph: Int, characters: Range<Int>)? {
        guard utterance.paragraphs.indices.contains(cue.paragraph) else { return nil }
        let utf8 = utterance.paragraphs[cue.paragraph].utf8
        guard cue.range.lowerBound >= 0, cue.range.upperBound <= utf8.count else { return nil }
        let text = utterance.paragraphs[cue.paragraph]
        let lower = utf8.index(utf8.startIndex, offsetBy: cue.range.lowerBound)
        let upper = utf8.index(utf8.startIndex, offsetBy: cue.range.upperBound)
        let start = text.distance(from: text.startIndex, to: lower)
        return (cue.paragraph, start..<(start + text.distance(from: lower, to: upper)))
    }

    /// When `utterance` of the open episode is being spoken: its spoken cue's characters, if
    /// it has cues (`0..<0` in paragraph -1 when it has none).
    func spoken(_ utterance: Int) -> (paragraph: Int, characters: Range<Int>)? {
        guard isListeningHere, let listening, listening.utterance == utterance else { return nil }
        return listening.cueText ?? (-1, 0..<0)
    }

    /// Scrolling by hand stops following the audio.
    mutating func stopFollowing() {
        guard isListeningHere, listening?.isFollowing == true else { return }
        listening?.isFollowing = false
    }
}
