import Foundation
import Testing

/// The real binary in a real terminal (tmux): what a user sees and whether the terminal
/// is left as it was.
@Suite(.enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end reader tests skipped"), .serialized)
struct ReaderEndToEndTests {
    let podread = "'\(CLI.binary)'"

    /// Rows of the speaker picker, to move the cursor to a person by name.
    func downs(to name: String, in screen: String) -> Int? {
        let rows = screen.split(separator: "\n").filter { $0.contains("] ██ ") }
        // The cursor starts on the first row.
        return rows.firstIndex(where: { $0.contains("██ " + name) })
    }

    @Test func browseJumpFilterSearchResizeAndQuitOnData() throws {
        let tmux = try Tmux(width: 120, height: 35, command: "\(podread)")
        var screen = try tmux.wait(for: "0:08  Announcer")
        #expect(screen.contains("#9 Stateful and Stateless Workloads"))
        #expect(screen.contains("── INTRODUCTION"))
        #expect(screen.contains("0:08  Announcer"))

        // Back to the list, open the episode, move to the transcript, jump.
        try tmux.keys("BTab", "Enter", "Tab", "t")
        try tmux.literal("0:20:32")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "jumped to 20:32")
        #expect(screen.contains("▌20:32  Bryan Liles"))
        #expect(screen.contains(" 20:32 / 50:00"))

        // Filter to one speaker.
        try tmux.keys("s")
        screen = try tmux.wait(for: "Space toggles")
        let moves = try #require(downs(to: "Nicholas Lane", in: screen))
        for _ in 0..<moves { try tmux.keys("Down") }
        try tmux.keys("Space", "Enter")
        screen = try tmux.wait(for: "only: Nicholas Lane")
        let transcriptNames = screen.split(separator: "\n").compactMap { line -> String? in
            let cells = Array(line)
            guard cells.count > 60 else { return nil }
            let text = String(cells[20..<min(cells.count, 80)])
            for name in ["Bryan Liles", "Josh Rosso", "Carlisia Thompson", "Duffie Cooley", "Announcer"] where text.contains("  \(name)") {
                return name
            }
            return nil
        }
        #expect(transcriptNames.isEmpty, "other speakers shown: \(transcriptNames)")
        #expect(screen.contains("Nicholas Lane"))

        // Search: highlighted matches and a count.
        try tmux.keys("/")
        try tmux.literal("state")
        try tmux.keys("Enter")
        // Matches count within the filter; the first shown is the first after the current place.
        screen = try tmux.wait { $0.range(of: #"/state [0-9]+/[0-9]+"#, options: .regularExpression) != nil }
        #expect(screen.range(of: #"/state [0-9]+/[0-9]+"#, options: .regularExpression) != nil)
        let coloured = try tmux.colouredScreen()
        #expect(coloured.contains("\u{1B}[38;5;16m\u{1B}[48;5;208m"))   // the current match
        #expect(coloured.contains("\u{1B}[1m\u{1B}[38;5;78mNicholas Lane"))  // his colour

        // Resize: tabs, then too small, then back.
        try tmux.resize(width: 70, height: 20)
        screen = try tmux.wait(for: " Episodes   Transcript   Notes ")
        try tmux.resize(width: 20, height: 4)
        screen = try tmux.wait(for: "Terminal too small")
        try tmux.resize(width: 1, height: 1)
        Thread.sleep(forTimeInterval: 0.2)
        try tmux.resize(width: 120, height: 35)
        screen = try tmux.wait(for: "only: Nicholas Lane")

        try tmux.keys("q")
        screen = try tmux.wait(for: "EXIT=0")
        #expect(screen.contains("EXIT=0"))
        #expect(tmux.file("stty-before") == tmux.file("stty-after"))
        #expect(!tmux.file("stty-after").isEmpty)
        #expect(try tmux.option("#{alternate_on}") == "0")
    }

    @Test(.enabled(if: CLI.hasSharedCorpus, "../shared/corpus is absent"))
    func browseTheRealCorpus() throws {
        let tmux = try Tmux(width: 140, height: 40, command: "\(podread) --data '\(CLI.sharedCorpus)'")
        var screen = try tmux.wait(for: "Episodes (22)")
        #expect(screen.contains("22 Orchestrators and Run"))
        for _ in 0..<14 { try tmux.keys("Down") }
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "#15 The Network")
        #expect(screen.contains("Scott Lowe?"))   // a guess, shown as one
        try tmux.keys("Tab", "t")
        try tmux.literal("0:20:32")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "jumped to 20:32")
        // [0:20:31.4] SL covers 20:32 in episode 15 (grep -n "^\[0:20" 015-the-network.md).
        #expect(screen.contains("▌20:31  Scott Lowe?"))
        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")
        #expect(tmux.file("stty-before") == tmux.file("stty-after"))
    }

    func readerPID(_ tmux: Tmux) throws -> Int32 {
        let shell = try tmux.option("#{pane_pid}")
        let children = try Spawn.run(["pgrep", "-P", shell], captureOutput: true)
        return try #require(Int32(children.split(separator: "\n").first ?? ""))
    }

    /// The time saved for data/009 in the reader's memory under the pane's XDG_STATE_HOME.
    func savedTime(_ tmux: Tmux) -> Double? {
        let data = Spawn.readFile(tmux.directory + "/state/podread/state.json")
        guard let memory = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any],
              let corpora = memory["corpora"] as? [String: Any] else { return nil }
        for case let corpus as [String: Any] in corpora.values {
            if let place = (corpus["positions"] as? [String: Any])?["009-stateful-and-stateless.md"] as? [String: Any] {
                return place["time"] as? Double
            }
        }
        return nil
    }

    /// A signal restores the terminal, and the place the reader was at is saved first.
    @Test(arguments: [(SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129)])
    func signalsRestoreTheTerminalAndSaveThePlace(_ signal: Int32, _ status: Int) throws {
        let tmux = try Tmux(width: 100, height: 30, command: podread)
        try tmux.wait(for: "Welcome to The Podlets")
        #expect(try tmux.option("#{alternate_on}") == "1")
        try tmux.keys("t")
        try tmux.literal("20:32")
        try tmux.keys("Enter")
        try tmux.wait(for: "jumped to 20:32")
        kill(try readerPID(tmux), signal)
        let screen = try tmux.wait(for: "EXIT=")
        #expect(screen.contains("EXIT=\(status)"))
        #expect(try tmux.option("#{alternate_on}") == "0")
        #expect(tmux.file("stty-before") == tmux.file("stty-after"))
        #expect(savedTime(tmux) == 1232)
    }

    /// A closed terminal (the pane killed: SIGHUP, then no terminal at all) keeps the place.
    @Test func aClosedTerminalSavesThePlace() throws {
        let tmux = try Tmux(width: 100, height: 30, command: podread)
        try tmux.wait(for: "Welcome to The Podlets")
        try tmux.keys("t")
        try tmux.literal("40:00")
        try tmux.keys("Enter")
        try tmux.wait(for: "jumped to 40:00")
        let pid = try readerPID(tmux)
        try tmux.run(["kill-pane", "-t", "t"], capture: false)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, kill(pid, 0) == 0 { Thread.sleep(forTimeInterval: 0.05) }
        #expect(kill(pid, 0) != 0, "podread still runs after its terminal closed")
        let time = try #require(savedTime(tmux))
        #expect(time > 2300 && time <= 2400)
    }

    /// A signal during long work on the input thread (simulated: the reader sleeps 8 s after
    /// its first frame) still ends podread within a second, the terminal restored.
    @Test func signalsAreHonouredDuringLongWork() throws {
        let tmux = try Tmux(width: 100, height: 30, command: "PODREAD_TEST_BUSY=8 \(podread)")
        try tmux.wait(for: "Episodes (1)")
        let start = Date()
        kill(try readerPID(tmux), SIGTERM)
        let screen = try tmux.wait(seconds: 5) { $0.contains("EXIT=") }
        #expect(screen.contains("EXIT=143"))
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(try tmux.option("#{alternate_on}") == "0")
        #expect(tmux.file("stty-before") == tmux.file("stty-after"))
    }

    @Test func ctrlZSuspendsAndFgRedraws() throws {
        // An interactive shell, so that job control (Ctrl-Z, fg) works as for a user.
        let tmux = try Tmux(width: 100, height: 30, command: "PS1='$ ' bash --norc --noprofile -i")
        // The prompt alone on the last line (capture-pane drops the space after `$`).
        let atPrompt = { (screen: String) in screen.split(separator: "\n").last == "$" }
        try tmux.wait(for: atPrompt)
        try tmux.literal("stty -a > before.txt; \(podread)")
        try tmux.keys("Enter")
        try tmux.wait(for: "0:08 Announcer")
        try tmux.keys("C-z")
        var screen = try tmux.wait(for: "Stopped")
        #expect(!screen.contains("Episodes (1)"))
        try tmux.literal("fg")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "0:08 Announcer")
        #expect(screen.contains("0:08 Announcer"))
        try tmux.keys("j")
        try tmux.keys("q")
        try tmux.wait(for: atPrompt)
        try tmux.literal("stty -a > after.txt; cmp before.txt after.txt && echo SAME; rm before.txt after.txt")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "SAME")
        #expect(screen.contains("SAME"))
    }

    @Test func noColorIsMonochrome() throws {
        let tmux = try Tmux(width: 120, height: 30, command: podread, environment: "NO_COLOR=1")
        try tmux.wait(for: "Episodes (1)")
        let coloured = try tmux.colouredScreen()
        #expect(!coloured.contains("38;5;"))
        #expect(!coloured.contains("48;5;"))
        #expect(coloured.contains("\u{1B}[1m"))
        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")
    }

    /// 80×24: the panes are tabs; the transcript tab shows the episode, Tab moves to the
    /// notes and Shift-Tab back to the list, the status bar keeps `? help`, and a place
    /// jumped to while another tab is shown is where the transcript tab opens.
    @Test func tabbedLayoutAt80By24() throws {
        let tmux = try Tmux(width: 80, height: 24, command: podread)
        var screen = try tmux.wait(for: "0:08  Announcer")
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix(" Episodes   Transcript   Notes   #9 Stateful"))
        #expect(lines[23].contains("? help"))
        try tmux.keys("Tab")
        screen = try tmux.wait(for: "HOSTS")
        #expect(screen.contains("Stateful and Stateless Workloads"))
        try tmux.keys("BTab", "BTab")
        screen = try tmux.wait(for: " 9 Stateful and Stateless Workloads")
        try tmux.keys(":")
        try tmux.literal("20:32")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "jumped to 20:32")
        lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[23].hasPrefix(" 20:32 / 50:00"))
        #expect(screen.contains("▌20:32  Bryan Liles"))
        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")
    }

    @Test func eightColourTerminal() throws {
        let tmux = try Tmux(width: 120, height: 30, command: "TERM=screen \(podread)")
        try tmux.wait(for: "0:08  Announcer")
        try tmux.keys("Tab", "]")
        Thread.sleep(forTimeInterval: 0.3)
        let coloured = try tmux.colouredScreen()
        #expect(!coloured.contains("38;5;"))
        #expect(coloured.contains("\u{1B}[34m"))   // Josh, the first host, in blue
        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")
    }

    @Test func openStraightAtAnEpisodeMomentAndSpeaker() throws {
        let tmux = try Tmux(width: 120, height: 30, command: "\(podread) read 9 --at 12:30 --speaker CC")
        let screen = try tmux.wait(for: "only: Carlisia Thompson?")
        #expect(screen.contains("▌11:44  Carlisia Thompson?"))
        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")
    }

    /// An X10 mouse report, as the terminal sends it (tmux-256color's kmous is \E[M).
    func mouse(button: Int, x: Int, y: Int) -> String {
        "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
    }

    @Test(.enabled(if: CLI.hasSharedCorpus, "../shared/corpus is absent"))
    func mouseClicksAndWheel() throws {
        let tmux = try Tmux(width: 120, height: 35, command: "\(podread) --data '\(CLI.sharedCorpus)'")
        try tmux.wait(for: "Episodes (22)")
        // Press on the third episode (list rows start on screen row 2): it opens.
        try tmux.literal(mouse(button: 0, x: 5, y: 4))
        var screen = try tmux.wait(for: "#3 Why API Contracts Are Important")
        #expect(screen.contains("#3 Why API Contracts Are Important"))
        // The release on its own, then the right button, a release with no press and a
        // move: none may leave the reader waiting for a key (ncurses reads on, blocking,
        // after an event outside the mouse mask).
        for button in [3, 2, 3, 3, 35] {
            try tmux.literal(mouse(button: button, x: 5, y: 4))
            try tmux.waitForTheLoopToTurn()
        }
        screen = try tmux.wait(for: "#3 Why API Contracts Are Important")
        // The transcript pane is columns 29..<89 at 120 columns (list 28, notes 30).
        func transcriptRow(_ screen: String, _ row: Int) -> String {
            let line = Array(screen.split(separator: "\n", omittingEmptySubsequences: false)[row])
            return String(line[min(30, line.count)..<min(88, line.count)])
        }
        let before = screen
        // Wheel down over the transcript scrolls it by three rows.
        try tmux.literal(mouse(button: 65, x: 40, y: 10))
        screen = try tmux.wait { transcriptRow($0, 2) == transcriptRow(before, 5) }
        #expect(transcriptRow(screen, 2) == transcriptRow(before, 5))
        #expect(transcriptRow(screen, 2) != transcriptRow(before, 2))
        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")
    }

    @Test func terminalsThatCannotShowAScreenAreRefused() throws {
        for term in ["dumb", "no-such-terminal"] {
            let tmux = try Tmux(width: 100, height: 20, command: "TERM=\(term) \(podread)")
            let screen = try tmux.wait(for: "EXIT=")
            #expect(screen.contains("podread: cannot use the terminal type '\(term)'"))
            #expect(screen.contains("EXIT=2"))
        }
    }

    @Test func aCrashStillRestoresTheTerminal() throws {
        let tmux = try Tmux(width: 100, height: 30, command: "PODREAD_TEST_CRASH=1 SWIFT_BACKTRACE=enable=no \(podread)")
        let screen = try tmux.wait(for: "EXIT=")
        let status = Int(screen.components(separatedBy: "EXIT=").last?.prefix { $0.isNumber } ?? "") ?? 0
        #expect(status > 128, "exit status \(status)")
        #expect(try tmux.option("#{alternate_on}") == "0")
        #expect(tmux.file("stty-before") == tmux.file("stty-after"))
        #expect(!screen.contains("Episodes (1)"))
    }

    @Test func resizeStormWhileTyping() throws {
        let data = CLI.hasSharedCorpus ? "--data '\(CLI.sharedCorpus)'" : ""
        let tmux = try Tmux(width: 120, height: 35, command: "\(podread) \(data)")
        try tmux.wait(for: "Episodes (")
        var seed = UInt64(20261125)
        func next(_ bound: Int) -> Int {
            // A fixed sequence, so a failure can be replayed.
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let keys = ["j", "k", "Down", "Up", "Tab", "]", "[", "}", "{", "G", "g", "PageDown", "PageUp", "Enter", "C-d", "C-u"]
        for _ in 0..<200 {
            try tmux.resize(width: 1 + next(300), height: 1 + next(100))
            try tmux.keys(keys[next(keys.count)])
        }
        try tmux.resize(width: 120, height: 35)
        // Every key handled (a slow reader under load is still working through them when
        // its screen looks still), then settled: the transcripts are read too (their progress changes the status bar),
        // and the open one (a slow read under load outlasts settledScreen's pause).
        try tmux.waitForTrace(" key(", count: 200)
        try tmux.wait { $0.contains(" / ") && !$0.contains("reading transcripts") && !$0.contains("Reading the transcript") }
        let settled = try tmux.settledScreen()
        let lines = settled.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix(" podread  #"))
        #expect(lines[1].hasPrefix(" Episodes ("))
        #expect(lines[1].contains("│ Transcript") && lines[1].contains("│ Notes"))
        // The list's titles want more than a third; the transcript keeps half of 120, the
        // notes 30: the list is 28 columns, its separator at 28.
        for row in 2..<34 { #expect(Array(lines[row]).count > 28 && Array(lines[row])[28] == "│", "row \(row)") }
        // A full repaint shows exactly what the incremental updates left on the screen.
        try tmux.keys("C-l")
        Thread.sleep(forTimeInterval: 0.3)
        let repainted = try tmux.settledScreen()
        let differ = zip(repainted.split(separator: "\n", omittingEmptySubsequences: false), lines).enumerated()
            .filter { $0.element.0 != $0.element.1 }.map { "row \($0.offset):\n  now    \($0.element.0)\n  before \($0.element.1)" }
        #expect(repainted == settled, "\(differ.joined(separator: "\n"))\ntrace:\n\(tmux.file("trace").split(separator: "\n").suffix(15).joined(separator: "\n"))")
        try tmux.keys("?")
        try tmux.wait(for: "Keys — Esc closes")
        try tmux.keys("Escape", "q")
        let end = try tmux.wait(for: "EXIT=")
        #expect(end.contains("EXIT=0"))
        #expect(tmux.file("stty-before") == tmux.file("stty-after"))
    }

    @Test func searchHighlightsOnlyOnAColourTerminal() throws {
        let tmux = try Tmux(width: 200, height: 30, command: "\(podread) search stateful database")
        try tmux.wait(for: "EXIT=0")
        let coloured = try tmux.colouredScreen()
        #expect(coloured.contains("7mstateful\u{1B}[0m") || coloured.contains("7mstateful\u{1B}[") )
        let plain = try Tmux(width: 200, height: 30, command: "\(podread) search stateful database", environment: "NO_COLOR=1")
        try plain.wait(for: "EXIT=0")
        #expect(!(try plain.colouredScreen()).contains("7mstateful"))
    }

    /// `F` searches every episode in the background; the first match is 4:45 (as `podread
    /// search stateful database` prints; 10 utterances, counted in CommandLineTests).
    @Test func corpusSearchInTheReader() throws {
        let tmux = try Tmux(width: 120, height: 35, command: "\(podread)")
        try tmux.wait(for: "Episodes (1)")
        try tmux.keys("F")
        // Results come as the words are typed (10 utterances, counted by a script over data/),
        // under the prompt, which still has the words.
        try tmux.literal("stateful database")
        var screen = try tmux.wait(for: "10 in 1 episode(s): stateful database")
        #expect(screen.contains("#9  Stateful and Stateless Workloads  10"))
        #expect(screen.contains("   4:45     "))
        #expect(screen.contains("Search all episodes: stateful database"))
        // Enter keeps these results (the cursor on the first), Enter again opens it.
        try tmux.keys("Enter")
        screen = try tmux.wait { !$0.contains("Search all episodes:") && $0.contains("10 in 1 episode(s)") }
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "▌ 4:45")
        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")
    }

    /// 1,500 generated episodes, made once for the tests below (which only read them) and
    /// removed at exit; nil without ../shared/tools/make-corpus.
    static let largeCorpus: String? = {
        guard FileManager.default.isExecutableFile(atPath: CLI.makeCorpus) else { return nil }
        let corpus = NSTemporaryDirectory() + "podread-large-\(getpid())"
        atexit { if let corpus = ReaderEndToEndTests.largeCorpus { try? FileManager.default.removeItem(atPath: corpus) } }
        _ = try? Spawn.run([CLI.makeCorpus, "--episodes", "1500", "--out", corpus, "--quiet"], captureOutput: false)
        return corpus
    }()

    /// A corpus that takes a while to read shows a progress screen, and `q` there quits
    /// with the terminal as it was.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLI.makeCorpus), "../shared/tools/make-corpus is absent: skipped"))
    func largeCorpusShowsProgressAndQuitsCleanly() throws {
        let corpus = try #require(Self.largeCorpus)
        let tmux = try Tmux(width: 100, height: 24, command: "\(podread) --no-cache --data '\(corpus)'")
        let screen = try tmux.wait(for: "/1500 episodes")
        #expect(screen.contains("Reading \(corpus): "))
        #expect(screen.contains("░"))
        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")
        #expect(try tmux.option("#{alternate_on}") == "0")
        #expect(tmux.file("stty-before") == tmux.file("stty-after"))
    }

    /// A first start on a corpus that takes a while lists it from the front matter, says in
    /// the status bar that transcripts are being read, and fills them in when they are.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLI.makeCorpus), "../shared/tools/make-corpus is absent: skipped"))
    func firstStartListsFromTheFrontMatter() throws {
        let corpus = try #require(Self.largeCorpus)
        let tmux = try Tmux(width: 120, height: 24, command: "\(podread) --no-cache --data '\(corpus)'")
        let listed = try tmux.wait(seconds: 120) { $0.contains("Episodes (1500)") && $0.contains("reading transcripts") }
        #expect(listed.contains("1 Engineer Indus"))
        try tmux.keys("F")
        try tmux.literal("cluster")
        try tmux.keys("Enter")
        _ = try tmux.wait(for: "still reading the transcripts (")
        let full = try tmux.wait(seconds: 180) { $0.contains("Episodes (1500)") && !$0.contains("reading transcripts") }
        #expect(full.contains("1 Engineer Indus"))
        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")
    }

    /// A shell with podread's completion script loaded, in a pane of its own.
    enum Shell: String, CaseIterable {
        case bash, zsh, fish

        var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/" + rawValue) }

        func start(in directory: String) throws -> Tmux {
            let folder = (CLI.binary as NSString).deletingLastPathComponent
            let run: String
            let load: String
            switch self {
            case .bash:
                run = "bash --norc --noprofile"
                load = "source <(podread --generate-completion-script bash)"
            case .zsh:
                run = "zsh -f"
                load = "autoload -U compinit; compinit -u; source <(podread --generate-completion-script zsh)"
            case .fish:
                run = "fish --no-config"
                load = "podread --generate-completion-script fish | source"
            }
            let tmux = try Tmux(width: 150, height: 20, command: "cd '\(directory)'; PATH='\(folder)':$PATH PS1='$ ' \(run)")
            try tmux.literal(load)
            try tmux.keys("Enter")
            return tmux
        }
    }

    @Test(.enabled(if: Shell.bash.isInstalled, "bash is not installed")) func bashCompletes() throws { try completes(in: .bash) }
    @Test(.enabled(if: Shell.zsh.isInstalled, "zsh is not installed: skipped")) func zshCompletes() throws { try completes(in: .zsh) }
    @Test(.enabled(if: Shell.fish.isInstalled, "fish is not installed: skipped")) func fishCompletes() throws { try completes(in: .fish) }

    /// The completion script completes episode ids and option values in a real shell; over a
    /// corpus whose file names and ids hold shell code nothing runs, and only ids a shell
    /// takes as they are are offered.
    private func completes(in shell: Shell) throws {
        let tmux = try shell.start(in: CLI.root.path)
        try tmux.literal("podread show 00")
        try tmux.keys("Tab")
        _ = try tmux.wait(for: "podread show 009-stateful-and-stateless-workloads")
        try tmux.keys("C-u")
        try tmux.literal("podread export 9 --format ")
        try tmux.keys("Tab", "Tab")
        _ = try tmux.wait { $0.contains("json") && $0.contains("srt") && $0.contains("vtt") }
        try tmux.keys("C-u", "exit", "Enter")

        let corpus = NSTemporaryDirectory() + "podread-completion-\(shell)-\(getpid())"
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: corpus) }
        let page = { (id: String, number: Int) in "---\nepisode_id: \"\(id)\"\ntitle: t\nepisode_number: \(number)\n---\n[0:00:01] A: hi\n" }
        try Data(page("id-$(touch \(corpus)/RAN1)", 1).utf8).write(to: URL(fileURLWithPath: corpus + "/ep-$(touch RAN2).md"))
        try Data(page("tick-`touch \(corpus)/RAN3`", 2).utf8).write(to: URL(fileURLWithPath: corpus + "/b.md"))
        try Data(page("safe-id", 3).utf8).write(to: URL(fileURLWithPath: corpus + "/c.md"))
        let hostile = try shell.start(in: corpus)
        try hostile.literal("podread show --data \(corpus) ")
        try hostile.keys("Tab", "Tab")
        let screen = try hostile.wait(for: "safe-id")
        #expect(screen.contains("safe-id"))
        #expect(!screen.contains("touch"))
        try hostile.literal("x")
        try hostile.keys("C-u", "exit", "Enter")
        _ = try hostile.wait(for: "EXIT=")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus)
        #expect(!files.contains { $0.hasPrefix("RAN") }, "\(files)")
    }

    /// `y` copies the utterance as a quote through the terminal: OSC 52 in the raw stream,
    /// its base64 the quote (the text as the file has it after `[00:20:32] BL: `).
    @Test func yCopiesAQuoteThroughTheTerminal() throws {
        let page = try String(contentsOfFile: CLI.root.appendingPathComponent("data/009-stateful-and-stateless.md").path, encoding: .utf8)
        let line = try #require(page.split(separator: "\n").first { $0.hasPrefix("[00:20:32] BL: ") })
        let said = line.dropFirst("[00:20:32] BL: ".count).trimmingCharacters(in: .whitespaces)
        let tmux = try Tmux(width: 140, height: 30, command: "\(podread) read 9 --at 20:32", environment: "DISPLAY= WAYLAND_DISPLAY=")
        _ = try tmux.wait(for: " 20:32 / 50:00")
        let recording = tmux.directory + "/raw"
        try tmux.record(to: recording)
        try tmux.keys("y")
        _ = try tmux.wait(for: "copied the quote of Bryan Liles at 20:32 (OSC 52)")
        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")
        let raw = String(decoding: Spawn.readFile(recording), as: UTF8.self)
        let start = try #require(raw.range(of: "\u{1B}]52;c;"))
        let end = try #require(raw[start.upperBound...].firstIndex(of: "\u{07}"))
        let copied = try #require(Data(base64Encoded: String(raw[start.upperBound..<end])))
        #expect(String(decoding: copied, as: UTF8.self) == "\"\(said)\" — Bryan Liles, Stateful and Stateless Workloads, 20:32")
    }

    /// Enter on a link in the notes hands it to the opener (a stand-in that writes down what
    /// it was given), as `o` does.
    @Test func aLinkInTheNotesOpens() throws {
        let folder = NSTemporaryDirectory() + "podread-link-opener-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder + "/corpus", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("#!/bin/sh\necho \"$@\" > '\(folder)/opened'\n".utf8).write(to: URL(fileURLWithPath: folder + "/xdg-open"))
        chmod(folder + "/xdg-open", 0o755)
        let page = "---\ntitle: Links\nhosts:\n  - name: Ann Lee\nlinks:\n  - name: The page\n    url: https://example.org/a/page\n---\n[0:00:01] AL: hello\n"
        try Data(page.utf8).write(to: URL(fileURLWithPath: folder + "/corpus/001-links.md"))
        let tmux = try Tmux(width: 140, height: 40, command: "PATH='\(folder)':/usr/bin:/bin \(podread) --no-state --data '\(folder)/corpus'")
        _ = try tmux.wait(for: "0:01  Ann Lee")
        try tmux.keys("Tab")
        // The notes start on screen row 2; a count moves the cursor straight to the link's row.
        var screen = try tmux.wait(for: "The page")
        let row = try #require(screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasSuffix("│ The page") })
        try tmux.literal("\(row - 2)j")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "opening in the browser: https://example.org/a/page")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !FileManager.default.fileExists(atPath: folder + "/opened") { Thread.sleep(forTimeInterval: 0.1) }
        #expect(try String(contentsOfFile: folder + "/opened", encoding: .utf8) == "https://example.org/a/page\n")
        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")
    }

    /// `o` hands the watch page at the current time to xdg-open (a stand-in here that writes
    /// down what it was given); with no xdg-open the address stays in the status bar.
    @Test func oOpensTheVideoAtTheMoment() throws {
        let folder = NSTemporaryDirectory() + "podread-opener-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("#!/bin/sh\necho \"$@\" > '\(folder)/opened'\n".utf8).write(to: URL(fileURLWithPath: folder + "/xdg-open"))
        chmod(folder + "/xdg-open", 0o755)
        let url = "https://www.youtube.com/watch?v=42FP22MpdxM&t=1232s"
        let tmux = try Tmux(width: 140, height: 30, command: "PATH='\(folder)':/usr/bin:/bin \(podread) read 9 --at 20:32")
        _ = try tmux.wait(for: "20:32")
        try tmux.keys("o")
        _ = try tmux.wait(for: "opening in the browser: \(url)")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !FileManager.default.fileExists(atPath: folder + "/opened") { Thread.sleep(forTimeInterval: 0.1) }
        #expect(try String(contentsOfFile: folder + "/opened", encoding: .utf8) == url + "\n")
        try tmux.keys("q")
        try tmux.wait(for: "EXIT=0")

        let bare = try Tmux(width: 140, height: 30, command: "PATH=/nonexistent \(podread) read 9 --at 20:32")
        _ = try bare.wait(for: "20:32")
        try bare.keys("o")
        _ = try bare.wait(for: "video at 20:32: \(url)")
        try bare.keys("q")
        try bare.wait(for: "EXIT=0")
    }

    /// Two readers at once each add a bookmark: both are kept. The next start reopens the
    /// last episode where it was left; `--no-state` neither reads nor writes any of it.
    @Test func rememberedPlacesAndBookmarks() throws {
        let state = NSTemporaryDirectory() + "podread-state-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: state) }
        let environment = "XDG_STATE_HOME='\(state)'"
        let first = try Tmux(width: 120, height: 24, command: "\(podread) read 9 --at 20:32", environment: environment)
        let second = try Tmux(width: 120, height: 24, command: "\(podread) read 9 --at 40:00", environment: environment)
        for (tmux, note) in [(first, "one"), (second, "two")] {
            _ = try tmux.wait(for: " / 50:00")
            try tmux.keys("m")
            try tmux.literal(note)
            try tmux.keys("Enter")
            _ = try tmux.wait(for: "bookmarked")
        }
        for tmux in [second, first] {
            try tmux.keys("q")
            try tmux.wait(for: "EXIT=0")
        }
        let saved = try String(contentsOfFile: state + "/podread/state.json", encoding: .utf8)
        #expect(saved.contains("\"note\" : \"one\""))
        #expect(saved.contains("\"note\" : \"two\""))

        // The first reader quit last, at 20:32: the next start is there.
        let again = try Tmux(width: 120, height: 24, command: "\(podread)", environment: environment)
        _ = try again.wait(for: " 20:32 / 50:00")
        try again.keys("'")
        _ = try again.wait { $0.contains("one") && $0.contains("two") && $0.contains("Bookmarks") }
        try again.keys("Escape", "q")
        try again.wait(for: "EXIT=0")

        let plain = try Tmux(width: 120, height: 24, command: "\(podread) --no-state", environment: "XDG_STATE_HOME='\(state)-none'")
        _ = try plain.wait(for: "Episodes (1)")
        try plain.keys("m")
        _ = try plain.wait(for: "bookmarks are off (--no-state)")
        try plain.keys("q")
        try plain.wait(for: "EXIT=0")
        #expect(!FileManager.default.fileExists(atPath: state + "-none"))
    }

    /// `i` in a real terminal: the statistics window, its strip in several speakers' colours.
    @Test func statisticsWindowInColour() throws {
        let tmux = try Tmux(width: 120, height: 30, command: "\(podread) read 9")
        _ = try tmux.wait(for: " / 50:00")
        try tmux.keys("i")
        let screen = try tmux.wait(for: "Who speaks when")
        #expect(screen.contains("Carlisia Thompson"))
        let rows = try tmux.colouredScreen().split(separator: "\n")
        let strip = try #require(rows.firstIndex { $0.contains("Who speaks when") }) + 1
        let colours = Set(rows[strip].components(separatedBy: "38;5;").dropFirst().map { $0.prefix { $0.isNumber } })
        #expect(colours.count >= 4, "\(colours)")
        try tmux.keys("Escape", "q")
        try tmux.wait(for: "EXIT=0")
    }

    /// Feed transcripts: one episode from three files with its chapters, speakers named by
    /// the file in colours of their own, a search over two cues, the file read in the notes.
    @Test(.enabled(if: FeedFolder.available, "../shared/real-transcripts is absent: skipped"))
    func feedTranscriptsInTheReader() throws {
        let tmux = try Tmux(width: 140, height: 40, command: "\(podread) --data '\(FeedFolder.path)'")
        // The list first, the transcript when it is read.
        var screen = try tmux.wait { $0.contains("Episodes (2)") && $0.contains("0:00  Alban") }
        #expect(screen.contains("- buzzcast"))
        #expect(screen.contains("- example"))
        #expect(screen.contains("0:00  Alban   It is so stinking nice to like, show up and record this"))
        #expect(screen.contains("0:30  Kevin   You guys remember"))
        #expect(screen.contains(" FILE"))
        #expect(screen.contains(" buzzcast.json"))
        // Each person named by the file has a colour of their own, not the grey of an unknown tag.
        let rows = try tmux.colouredScreen().split(separator: "\n").map(String.init)
        func colour(before name: String) -> String? {
            guard let row = rows.first(where: { $0.contains(name + "\u{1B}[0m") }),
                  let end = row.range(of: name + "\u{1B}[0m")?.lowerBound,
                  let start = row[..<end].range(of: "38;5;", options: .backwards)?.upperBound else { return nil }
            return String(row[start...].prefix { $0.isNumber })
        }
        let alban = colour(before: "Alban")
        let kevin = colour(before: "Kevin")
        #expect(alban != nil && kevin != nil && alban != kevin, "\(String(describing: alban)) \(String(describing: kevin))")
        #expect(alban != "252" && kevin != "252")

        // The chapters file's first chapter is a section above the first utterance.
        try tmux.keys("Tab", "g")
        screen = try tmux.wait(for: "── Preroll")
        #expect(screen.contains("── Preroll"))
        // "…record this" ends one cue, "show. And Travis" starts the next.
        try tmux.keys("/")
        try tmux.literal("record this show")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "/record this show 1/1")
        #expect(screen.contains("/record this show 1/1"))
        try tmux.keys("q")
        screen = try tmux.wait(for: "EXIT=0")
        #expect(screen.contains("EXIT=0"))
    }
}
