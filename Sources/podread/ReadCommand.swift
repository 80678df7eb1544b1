import ArgumentParser
import Foundation
import ReaderUI
import TranscriptKit

struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the interactive reader (the default command).",
        discussion: "Press ? in the reader for every key. Examples: podread; podread read 9 --at 20:32 --speaker JR")

    @OptionGroup var corpus: CorpusOptions
    @Argument(help: "Open this episode (number, id, file name or path).", completion: EpisodeCompletion.kind) var episode: String?
    // Unconditional: `--at -5` is a bad time to explain, not a missing value.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Start at the utterance that covers TIME (12:30, 1:02:03, 750).", valueName: "time"))
    var at: String?
    @Option(name: .long, help: ArgumentHelp("Show only this speaker (tag or name); repeatable.", valueName: "speaker"))
    var speaker: [String] = []
    @Flag(name: .customLong("no-color"), help: "No colours: bold, underline and reverse only (also when NO_COLOR is set).")
    var noColor = false
    @Flag(name: .customLong("no-state"), help: "Neither reopen where you were nor keep bookmarks ($XDG_STATE_HOME/podread).")
    var noState = false

    func validate() throws {
        if let at { _ = try TimeArgument.seconds(at) }
    }

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CleanExit.failure("the reader needs a terminal; in scripts use 'podread list' or 'podread show EPISODE'", code: 2)
        }
        DisplayText.useUTF8Locale()
        let screen = NcursesScreen()
        Signals.install()
        let modes = CrashGuard.currentModes()
        do {
            try screen.start(noColor: noColor)
        } catch {
            throw CleanExit.failure("\(error)", code: 2)
        }
        CrashGuard.arm(savedModes: modes)
        // Started only now: a terminal refused above must not leave reading under way.
        let loading = BackgroundLoad(corpus)
        guard let loaded = try waitForCorpus(loading, on: screen) else {
            screen.stop()
            return
        }
        let initial = ReaderSetup(episode: episode, at: at, speakers: speaker)
        let openIndex: Int?
        do {
            openIndex = try initial.episodeIndex(in: loaded)
        } catch {
            screen.stop()
            throw error
        }
        // For the end-to-end tests of the crash path and of signals during long work only.
        let crashForTest = ProcessInfo.processInfo.environment["PODREAD_TEST_CRASH"] == "1"
        var busyForTest = Double(ProcessInfo.processInfo.environment["PODREAD_TEST_BUSY"] ?? "") ?? 0
        let (width, height) = screen.size
        var state = ReaderState(corpus: loaded, width: width, height: height, colorMode: screen.colorMode)
        let memoryPath = noState ? nil : ReaderMemory.location()
        let options = corpus
        let runner = EffectRunner(writer: memoryPath.map(MemoryWriter.init), loading: loading,
                                  copier: Clipboard(send: screen.send),
                                  reload: { try options.load(transcripts: false, isCancelled: $0, reportsCacheProblem: false) })
        var dirty = true
        func handle(_ action: Action) {
            // Most of the player's position reports change nothing on the screen (the mark
            // moves at a new utterance or cue, the clock once a second): no frame for those.
            let shownBefore = action.isPositionReport ? state.listeningShown : nil
            let effects = update(&state, action)
            if Trace.isOn {
                Trace.log(Trace.describe(action) + (state.opening.map { " opening \($0.episode)" } ?? "")
                          + effects.map { " → " + Trace.describe($0) }.joined())
            }
            runner.run(effects, for: state)
            if shownBefore == nil || shownBefore != state.listeningShown { dirty = true }
        }
        handle(.start)
        if let memoryPath {
            let (memory, warning) = ReaderMemory.load(path: memoryPath)
            let key = ReaderMemory.key(for: loaded.directory)
            handle(.remembered(Delivered(memory), key: key, warning: warning))
            // Without an episode on the command line, back where the last run left off.
            if openIndex == nil, let last = ReaderState.lastEpisode(in: memory, key: key, of: loaded) {
                handle(.openEpisode(last, then: []))
            }
        }
        if let problem = loaded.cacheProblem { handle(.show(StatusMessage(text: problem, isError: true))) }
        if let action = initial.action(episodeIndex: openIndex) { handle(action) }
        while !runner.hasQuit {
            if Signals.pending != 0 {
                // Where the reader is is saved first; the watchdog ends it if that hangs.
                handle(.terminate)
                runner.finish()
                screen.stop()
                Signals.exitWithPending()
            }
            runner.settle()
            let results = runner.results(for: state)
            if Trace.isOn { Trace.loopTurned(results: results.count, reading: runner.isReading) }
            for action in results { handle(action) }
            if dirty {
                screen.draw(render(state))
                Trace.log("drawn")
            }
            dirty = false
            if crashForTest { fatalError("crash requested by PODREAD_TEST_CRASH") }
            if busyForTest > 0 {
                // Long work on this thread, once, after the first frame.
                Thread.sleep(forTimeInterval: busyForTest)
                busyForTest = 0
            }
            screen.waitForInput(milliseconds: runner.isBusy(for: state) ? 15 : 200)
            if let action = screen.nextAction() {
                if action == .key(.ctrl("l")) { screen.repaintAll() }
                handle(action)
            }
        }
        runner.finish()
        screen.stop()
    }

    /// Shows the loading screen until the corpus is read (at once when the cache has it),
    /// or, when that is slow, until its front matter is (a partial corpus, listed while the
    /// rest is read); nil when the user quits first.
    private func waitForCorpus(_ loading: BackgroundLoad, on screen: NcursesScreen) throws -> Corpus? {
        var shown = false
        var askedForList = false
        let started = Date()
        let folder = corpus.location
        while true {
            if Signals.pending != 0 {
                screen.stop()
                Signals.exitWithPending()
            }
            // A short wait first, so a corpus read in a blink shows no loading screen.
            if let result = loading.result(waiting: shown ? 0 : 0.15) {
                if case let .failure(error) = result {
                    screen.stop()
                    throw error
                }
                return try result.get()
            }
            if let partial = loading.partial { return partial }
            let (done, total) = loading.progress
            // Less than half read after 0.3 s: the cache does not have it; list the front matter first.
            if !askedForList, Date().timeIntervalSince(started) > 0.3, total > 0, done * 2 < total {
                loading.listFirst()
                askedForList = true
            }
            let (width, height) = screen.size
            screen.draw(renderLoading(folder: folder, done: done, total: total, width: width, height: height,
                                      colorMode: screen.colorMode))
            shown = true
            if let action = screen.nextAction(), action == .key(.char("q")) || action == .key(.ctrl("c")) {
                loading.cancel()
                return nil
            }
        }
    }
}

/// What the command line asks the reader to open with.
struct ReaderSetup {
    var episode: String?
    var at: String?
    var speakers: [String]

    func episodeIndex(in corpus: Corpus) throws -> Int? {
        guard let episode else { return nil }
        guard let hit = corpus.episode(matching: episode),
              let index = corpus.episodes.firstIndex(where: { $0.file == hit.file }) else {
            throw CleanExit.failure("no episode '\(episode)' in \(corpus.directory) (try 'podread list')")
        }
        if !speakers.isEmpty {
            // A partial corpus has no speakers yet: this episode is read to know its own.
            let read = corpus.isPartial ? corpus.transcript(of: index).summary : hit
            let (_, unmatched) = read.speakerIndexes(matching: speakers)
            if !unmatched.isEmpty {
                throw CleanExit.failure("no speaker '\(unmatched.joined(separator: "', '"))' in episode \(hit.title)")
            }
        }
        return index
    }

    /// The episode to open, with the speakers to show and the time to start at.
    func action(episodeIndex: Int?) -> Action? {
        guard let episodeIndex else { return nil }
        var then: [Action] = []
        if !speakers.isEmpty { then.append(.filterSpeakers(speakers)) }
        if let at { then.append(.jump(at)) }
        return .openEpisode(episodeIndex, then: then)
    }
}
