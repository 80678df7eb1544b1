/// What a key does in the reader, by name.
public enum Command: Hashable, Sendable {
    case lineDown, lineUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom
    case nextPane, previousPane, paneLeft, paneRight, open
    case jump, goTo, back, previousUtterance, nextUtterance, previousSpeaker, nextSpeaker
    case speakers, everySpeaker, search, nextMatch, previousMatch, searchAll
    case copyQuote, markRange, copyRange, video, statistics, bookmark, bookmarks, updateLibrary, escape, repaint, help, quit
    case playPause, follow, slower, faster, syncEarlier, syncLater, seekBackLong, seekForwardLong
}

/// One binding: the keys, the command and what it does, declared once. The reader acts on
/// it; the help window, the status bar's hints and the README's key table are made from it.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var help: String
    /// A word for the status bar's hints, in the panes where it is worth the room.
    public var hint: String?
    public var hintedIn: Set<Pane>

    init(_ keys: [Key], _ command: Command, _ help: String, hint: String? = nil, in panes: Set<Pane> = []) {
        self.keys = keys
        self.command = command
        self.help = help
        self.hint = hint
        hintedIn = panes
    }
}

public enum KeyMap {
    private static let everywhere: Set<Pane> = [.episodes, .transcript, .notes]

    public static let bindings: [KeyBinding] = [
        KeyBinding([.down, .char("j")], .lineDown, "down a line, or to the next episode or note line (a count first: 5j)", hint: "move", in: [.episodes, .notes]),
        KeyBinding([.up, .char("k")], .lineUp, "up a line, or to the previous episode or note line"),
        KeyBinding([.pageDown, .char(" "), .ctrl("f")], .pageDown, "a page down"),
        KeyBinding([.pageUp, .char("b"), .ctrl("b")], .pageUp, "a page up"),
        KeyBinding([.ctrl("d")], .halfPageDown, "half a page down"),
        KeyBinding([.ctrl("u")], .halfPageUp, "half a page up"),
        KeyBinding([.char("g"), .home], .top, "to the top"),
        KeyBinding([.char("G"), .end], .bottom, "to the bottom"),
        KeyBinding([.enter], .open, "open the episode, the related episode or link under the cursor; in the transcript while listening, play from this utterance", hint: "open", in: [.episodes, .notes]),
        KeyBinding([.tab], .nextPane, "the next pane", hint: "pane", in: everywhere),
        KeyBinding([.backTab], .previousPane, "the previous pane"),
        KeyBinding([.char("h"), .left], .paneLeft, "the pane to the left (← while listening, in the transcript: back 5 s)"),
        KeyBinding([.char("l"), .right], .paneRight, "the pane to the right, from the list opening the episode (→ while listening, in the transcript: on 5 s)"),
        KeyBinding([.char("t")], .jump, "jump to a time: 12:30, 1:02:03, 750, +2m, -30s", hint: "jump", in: [.transcript]),
        KeyBinding([.char(":")], .goTo, "go to an episode number (:15) or a time (:20:32)"),
        KeyBinding([.backspace, .ctrl("o")], .back, "back where you were before a related episode, a result, a bookmark or :"),
        KeyBinding([.char("[")], .previousUtterance, "the previous utterance"),
        KeyBinding([.char("]")], .nextUtterance, "the next utterance"),
        KeyBinding([.char("{")], .previousSpeaker, "the previous change of speaker"),
        KeyBinding([.char("}")], .nextSpeaker, "the next change of speaker"),
        KeyBinding([.char("s")], .speakers, "choose the speakers to show: Space ticks, a all or none, Enter applies", hint: "speakers", in: [.transcript]),
        KeyBinding([.char("S")], .everySpeaker, "show every speaker again"),
        KeyBinding([.char("/")], .search, "search this episode (any case unless a capital, accents ignored); in the list: filter it", hint: "search", in: [.transcript, .episodes]),
        KeyBinding([.char("n")], .nextMatch, "the next match"),
        KeyBinding([.char("N")], .previousMatch, "the previous match"),
        KeyBinding([.char("F")], .searchAll, "search every episode as you type (words, \"phrases\", OR, -word; best first, grouped by episode); Enter opens a match", hint: "all", in: everywhere),
        KeyBinding([.char("y")], .copyQuote, "copy this utterance as a quote, with speaker, episode and time", hint: "copy", in: [.transcript]),
        KeyBinding([.char("v")], .markRange, "mark this utterance as the start of a range (again: unmark)"),
        KeyBinding([.char("Y")], .copyRange, "copy the utterances from the mark to here, with times and speakers"),
        KeyBinding([.char("o")], .video, "open the video at this moment (xdg-open), or show its address"),
        KeyBinding([.char("p")], .playPause, "listen: play the episode's audio from here (mpv), or pause and go on; the transcript follows", hint: "play", in: [.transcript]),
        KeyBinding([.char("f")], .follow, "follow the spoken utterance again after scrolling away"),
        KeyBinding([.shiftLeft], .seekBackLong, "while listening: back 30 s"),
        KeyBinding([.shiftRight], .seekForwardLong, "while listening: on 30 s"),
        KeyBinding([.char("<")], .slower, "while listening: slower (pitch kept)"),
        KeyBinding([.char(">")], .faster, "while listening: faster (pitch kept)"),
        KeyBinding([.char("-")], .syncEarlier, "sync: the transcript 0.5 s earlier against the audio (for this episode)"),
        KeyBinding([.char("=")], .syncLater, "sync: the transcript 0.5 s later against the audio"),
        KeyBinding([.char("i")], .statistics, "who speaks how much, and when"),
        KeyBinding([.char("m")], .bookmark, "bookmark this place, with a note"),
        KeyBinding([.char("'")], .bookmarks, "the bookmarks: Enter opens one, d deletes it"),
        KeyBinding([.char("U")], .updateLibrary, "update the library: fetch every show's feed for new episodes and transcripts"),
        KeyBinding([.escape], .escape, "close a prompt or window; stop a search; clear the search"),
        KeyBinding([.ctrl("l")], .repaint, "repaint the screen"),
        KeyBinding([.char("?")], .help, "this help", hint: "help", in: everywhere),
        KeyBinding([.char("q")], .quit, "quit", hint: "quit", in: everywhere),
    ]

    private static let byKey: [Key: Command] = {
        var map: [Key: Command] = [:]
        for binding in bindings {
            for key in binding.keys {
                precondition(map[key] == nil, "\(key) is bound twice")
                map[key] = binding.command
            }
        }
        return map
    }()

    public static func command(for key: Key) -> Command? { byKey[key] }

    /// How a key is written in the help and the README.
    public static func name(of key: Key) -> String {
        switch key {
        case .char(" "): return "Space"
        case let .char(c): return String(c)
        case let .ctrl(c): return "Ctrl-" + c.uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .shiftLeft: return "Shift-←"
        case .shiftRight: return "Shift-→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        }
    }

    /// The status bar's hints for a pane, most useful first: `t jump  / search  ? help`.
    public static func hints(for pane: Pane) -> [String] {
        bindings.compactMap { binding in
            guard let hint = binding.hint, binding.hintedIn.contains(pane), let key = binding.keys.first else { return nil }
            return name(of: key) + " " + hint
        }
    }

    /// The key table of the README, as Markdown.
    public static var markdownTable: String {
        var lines = ["| Keys | What they do |", "| --- | --- |"]
        for binding in bindings {
            let keys = binding.keys.map { "`\(name(of: $0).replacingOccurrences(of: "|", with: "\\|"))`" }.joined(separator: " ")
            lines.append("| \(keys) | \(binding.help.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        return lines.joined(separator: "\n")
    }
}
