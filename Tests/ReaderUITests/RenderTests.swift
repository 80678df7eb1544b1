import Foundation
import Testing
import TranscriptKit
@testable import ReaderUI

@Suite struct RenderTests {
    @Test func columnsLayoutAtExactCells() throws {
        var state = Fixture.state()
        state.send(.tab)
        let grid = render(state)
        // 140 columns: the list would take what its rows need (marker, number, space, the 32
        // columns of "Stateful and Stateless Workloads", a space: 38) but the transcript keeps
        // half: notes 35, transcript 70, list 33; separators at 33 and 104.
        for y in 2..<29 {
            #expect(grid[33, y].text == "│")
            #expect(grid[104, y].text == "│")
        }
        #expect(grid.row(0).hasPrefix(" podread  #9 Stateful and Stateless Workloads"))
        #expect(grid.row(1).hasPrefix(" Episodes (1)"))
        #expect(grid.row(1).contains("│ Transcript"))
        #expect(grid.row(1).contains("│ Notes"))
        // The list row: diagnostics marker, number, title; selected (not focused after Tab).
        #expect(grid.row(2).hasPrefix("•  9 Stateful and Stateless Wor… │"))
        #expect(grid[0, 2].style.foreground == .indexed(214))
        #expect(grid[5, 2].style.background == .indexed(238))
        // The transcript starts with the section rule, then the announcer.
        #expect(grid.row(2).dropFirst(34).hasPrefix(" ── INTRODUCTION ──"))
        let announcer = try #require(grid.find("Announcer"))
        #expect(announcer.y == 4)
        #expect(announcer.x == 42)  // 34 + gutter 1 + time 5 + 2
        #expect(grid[announcer.x, 4].style == Style(foreground: .indexed(245), bold: true))
        // Timestamps are dim, right-aligned in the time column.
        #expect(grid.row(4).dropFirst(34).hasPrefix("▌ 0:08  Announcer"))
        #expect(grid[36, 4].style.dim)
        #expect(grid[36, 4].text == "0")
        // Text starts at the hanging indent and wraps under itself.
        #expect(grid.row(4).dropFirst(62).hasPrefix("Welcome to The Podlets Podcast"))
        #expect(grid.row(5).dropFirst(34).prefix(28).allSatisfy { $0 == " " || $0 == "▌" })
        #expect(grid.row(5).dropFirst(62).first?.isLetter == true)
        // The status bar shows the position and the hints.
        #expect(grid.row(29).hasPrefix(" 0:08 / 50:00 "))
        #expect(grid.row(29).hasSuffix("? help  q quit "))
    }

    @Test func speakersKeepTheirColourAndHostsDifferFromGuests() throws {
        // Josh is the first host seen in the corpus, Carlisia the second (order of appearance).
        var state = Fixture.state()
        state.send(.tab)
        state.type("]]")
        let grid = render(state)
        let josh = try #require(grid.find("Josh Rosso", inRows: 2..<29))
        #expect(grid[josh.x, josh.y].style == Style(foreground: .indexed(39), bold: true))
        let carlisia = try #require(grid.find("Carlisia Thompson?", inRows: 2..<29))
        #expect(grid[carlisia.x, carlisia.y].style == Style(foreground: .indexed(208), bold: true))

        let a = Fixture.episode(number: 1, title: "A", hosts: ["Ann Lee", "Bob Ray"], guests: ["Gil Ode"],
                                body: "[0:00:01] AL: one\n\n[0:00:02] BR: two\n\n[0:00:03] GO: three\n")
        let b = Fixture.episode(number: 2, title: "B", hosts: ["Bob Ray", "Ann Lee"],
                                body: "[0:00:01] BR: one\n\n[0:00:02] AL: two\n")
        let corpus = Fixture.corpus(["a.md": a, "b.md": b])
        var two = Fixture.state(corpus)
        let first = render(two)
        two.send(.down, .enter)
        let second = render(two)
        for name in ["Ann Lee", "Bob Ray"] {
            let p1 = try #require(first.find(name, inRows: 2..<29))
            let p2 = try #require(second.find(name, inRows: 2..<29))
            #expect(first[p1.x, p1.y].style == second[p2.x, p2.y].style, "\(name)")
        }
        let gil = try #require(first.find("Gil Ode", inRows: 2..<29))
        let guestColor = first[gil.x, gil.y].style.foreground
        #expect(!SpeakerColors.hosts256.map { TerminalColor.indexed($0) }.contains(guestColor))
    }

    @Test func eightColoursAndMonochrome() throws {
        var eight = Fixture.state(mode: .eight)
        eight.send(.tab, .char("]"))
        let grid8 = render(eight)
        let josh = try #require(grid8.find("Josh Rosso", inRows: 2..<29))
        #expect(grid8[josh.x, josh.y].style == Style(foreground: .indexed(4), bold: true))
        var mono = Fixture.state(mode: .monochrome)
        mono.send(.tab, .char("]"))
        let grid = render(mono)
        #expect(grid.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        let name = try #require(grid.find("Josh Rosso", inRows: 2..<29))
        #expect(grid[name.x, name.y].style.bold)
        #expect(grid.cells.contains { $0.style.reverse })  // selection and bars still visible
    }

    @Test func everySizeDownToOneByOne() {
        for width in [0, 1, 2, 10, 23, 24, 40, 59, 60, 99, 100, 200, 300] {
            for height in [0, 1, 2, 5, 6, 7, 24, 100] {
                var state = Fixture.state(width: width, height: height)
                let grid = render(state)
                #expect(grid.width == width && grid.height == height)
                state.send(.tab, .char("G"), .char("?"))
                _ = render(state)
                update(&state, .resize(width: height, height: width))
                _ = render(state)
            }
        }
        let small = render(Fixture.state(width: 30, height: 5))
        #expect(small.row(0).hasPrefix("Terminal too small (30×5)"))
        let one = render(Fixture.state(width: 1, height: 1))
        #expect(one.row(0) == "…")
    }

    @Test func tabsBelowOneHundredColumns() throws {
        var state = Fixture.state(width: 80, height: 24)
        var grid = render(state)
        #expect(grid.row(0).hasPrefix(" Episodes   Transcript   Notes   #9 Stateful"))
        // One episode: the transcript tab is the one shown.
        #expect(grid[12, 0].style == state.theme.selection)
        #expect(grid.row(1).hasPrefix(" ── INTRODUCTION"))
        state.send(.backTab)
        grid = render(state)
        #expect(grid[1, 0].style == state.theme.selection)
        #expect(grid.row(1).contains("9 Stateful and Stateless Workloads"))
        state.send(.enter)
        grid = render(state)
        #expect(state.focus == .transcript)
        #expect(grid[12, 0].style == state.theme.selection)
        // Under 60 columns the name goes on its own line above the text.
        update(&state, .resize(width: 50, height: 20))
        grid = render(state)
        #expect(grid.contains("0:08 Announcer"))
        #expect(grid.row(4).hasPrefix("▌ Welcome to The"))
    }

    @Test func controlCharactersAreShownNotSent() throws {
        let body = "[0:00:01] AL: title \u{1B}]0;pwned\u{07} clear \u{1B}[2J c1 \u{9B}31m del \u{7F} bidi \u{202E}evil\n"
        let corpus = Fixture.corpus(["a.md": Fixture.episode(number: 1, title: "Esc \u{1B}[31mred", hosts: ["Ann Lee"], body: body)])
        var state = Fixture.state(corpus)
        state.send(.tab)
        let grid = render(state)
        for cell in grid.cells {
            #expect(!cell.text.unicodeScalars.contains { OutputText.isControl($0) || OutputText.isInvisible($0) })
        }
        #expect(grid.contains("^[]0;pwned^G"))
        #expect(grid.contains("^[[2J"))
        #expect(grid.contains("<U+009B>31m"))
        #expect(grid.contains("^?"))
        #expect(grid.contains("<U+202E>evil"))
        #expect(grid.row(0).contains("Esc ^[[31mred"))
        let caret = try #require(grid.find("^[[2J"))
        #expect(grid[caret.x, caret.y].style == state.theme.placeholder)
    }

    @Test func wideAndCombiningCharactersAlign() throws {
        let body = "[0:00:01] AL: 日本語のテキスト café cafe\u{301} end\n"
        let corpus = Fixture.corpus(["a.md": Fixture.episode(number: 1, title: "日本", hosts: ["Ann Lee"], body: body)])
        let grid = render(Fixture.state(corpus))
        let start = try #require(grid.find("日本語"))
        #expect(grid[start.x, start.y].text == "日")
        #expect(grid[start.x + 1, start.y].isContinuation)
        #expect(grid[start.x + 2, start.y].text == "本")
        let cafe = try #require(grid.find("café cafe\u{301} end"))
        // "café " is five columns, and the decomposed é takes one column too.
        #expect(grid[cafe.x + 8, cafe.y].text == "e\u{301}")
        #expect(grid[cafe.x + 10, cafe.y].text == "e")
    }

    @Test func asidesAreDimmed() throws {
        let body = "[0:00:01] AL: before [inaudible 00:18:25] after\n"
        let corpus = Fixture.corpus(["a.md": Fixture.episode(number: 1, title: "A", hosts: ["Ann Lee"], body: body)])
        let grid = render(Fixture.state(corpus))
        let aside = try #require(grid.find("[inaudible 00:18:25]"))
        #expect(grid[aside.x, aside.y].style.dim)
        #expect(grid[aside.x + 19, aside.y].style.dim)
        let after = try #require(grid.find("after"))
        #expect(!grid[after.x, after.y].style.dim)
    }

    @Test func helpOverlayListsTheKeys() {
        var state = Fixture.state(width: 140, height: 60)
        state.send(.char("?"))
        let grid = render(state)
        #expect(grid.contains("Keys — Esc closes"))
        // A row per binding, its keys and what they do, as the key map declares them, the
        // text in a column 25 cells after the keys.
        for (keys, what) in [("t", "jump to a time"), ("PgDn  Space  Ctrl-F", "a page down"), ("Ctrl-D", "half a page down"),
                             ("Shift-Tab", "the previous pane"), ("N", "the previous match")] {
            let row = keys.padding(toLength: 25, withPad: " ", startingAt: 0) + what
            #expect(grid.text.contains(row), "\(row) in\n\(grid.text)")
        }
        state.send(.escape)
        #expect(!render(state).contains("Keys — Esc closes"))
    }
}

/// The screen while a large corpus is read for the first time.
@Suite struct LoadingScreenTests {
    @Test func showsTheFolderCountsAndABar() {
        let grid = renderLoading(folder: "/tmp/c10000", done: 2500, total: 10000, width: 80, height: 24)
        #expect(grid.row(0).hasPrefix(" podread "))
        #expect(grid.row(11) == "  Reading /tmp/c10000: 2500/10000 episodes" + String(repeating: " ", count: 80 - 42))
        // 60 cells of bar, a quarter of them filled.
        #expect(grid.row(12) == "  " + String(repeating: "█", count: 15) + String(repeating: "░", count: 45) + String(repeating: " ", count: 18))
        #expect(grid[2, 12].style == .plain)
        #expect(grid[17, 12].style == Theme(mode: .full256).aside)
        #expect(grid.row(14).contains("q quits"))
    }

    @Test func survivesEverySmallSize() {
        for width in 0...12 {
            for height in 0...4 {
                let grid = renderLoading(folder: "/x\u{1B}[31m", done: 3, total: 7, width: width, height: height)
                #expect(grid.width == width && grid.height == height)
                if width > 0, height > 0 { #expect(!grid.row(0).contains("\u{1B}")) }
            }
        }
        let grid = renderLoading(folder: "/x\u{1B}[31m", done: 3, total: 7, width: 80, height: 24)
        #expect(!(0..<24).contains { grid.row($0).contains("\u{1B}") })
    }
}

/// `i` and the scroll map: who speaks how much and when, in each speaker's colour.
@Suite struct StatisticsViewTests {
    /// Ann speaks 0:00–0:30 (75 words at 0.4 s: 30 s), Bob 0:30–0:40 (25 words: 10 s), Ann
    /// again at 0:40 (one word: 1 s); the reader at this size, with `i` pressed unless
    /// `statistics` is false.
    static func annAndBob(width: Int, height: Int, ann: String = "Ann Lee", statistics: Bool = true) -> ReaderState {
        let tag = ann.split(separator: " ").map { String($0.prefix(1)) }.joined()
        let words = { (count: Int) in Array(repeating: "word", count: count).joined(separator: " ") }
        let a = Fixture.episode(number: 1, title: "A", hosts: [ann, "Bob Ray"],
                                body: "[0:00:00] \(tag): \(words(75))\n\n[0:00:30] BR: \(words(25))\n\n[0:00:40] \(tag): five\n")
        var state = Fixture.state(Fixture.corpus(["a.md": a]), width: width, height: height)
        if statistics { state.send(.char("i")) }
        return state
    }

    @Test func barsAndTimelineInSpeakerColours() throws {
        var state = Self.annAndBob(width: 100, height: 30)
        let grid = render(state)
        let title = try #require(grid.find("Who speaks — A — Esc closes"))
        let ann = try #require(grid.find("Ann Lee ", inRows: (title.y + 1)..<grid.height))
        let bob = try #require(grid.find("Bob Ray ", inRows: (title.y + 1)..<grid.height))
        #expect(ann.y < bob.y)
        #expect(grid.row(ann.y).contains("0:31  76%"))
        #expect(grid.row(bob.y).contains("0:10  24%"))
        let annColour = grid[ann.x, ann.y].style.foreground
        let bobColour = grid[bob.x, bob.y].style.foreground
        #expect(annColour != bobColour)
        // Ann's bar is the longest; Bob's is a third of it (10 s against 31 s).
        let annBar = (0..<grid.width).filter { grid[$0, ann.y].text == "█" }.count
        let bobBar = (0..<grid.width).filter { grid[$0, bob.y].text == "█" }.count
        #expect(bobBar * 3 >= annBar - 3 && bobBar * 3 <= annBar + 3)
        // The strip: Ann for the first three quarters of 0:41, Bob after, Ann at the very end.
        let strip = try #require(grid.find("Who speaks when")).y + 1
        let cells = (0..<grid.width).filter { grid[$0, strip].text == "█" }
        let first = try #require(cells.first), last = try #require(cells.last)
        #expect(grid[first, strip].style.foreground == annColour)
        #expect(grid[first + (last - first) * 4 / 5, strip].style.foreground == bobColour)
        state.send(.escape)
        #expect(state.overlay == nil)
    }

    /// In the smallest terminal the window has room for bars, not the strip: bars it shows.
    @Test func lowWindowShowsBarsOnly() throws {
        let grid = render(Self.annAndBob(width: 80, height: 6))
        let ann = try #require(grid.find("Ann Lee "))
        #expect(grid.row(ann.y).contains("0:31  76%"))
        #expect(grid[ann.x + 19, ann.y].text == "█")
        #expect(grid.find("Who speaks when") == nil)
    }

    /// Narrow: a long name is cut so the time and share still show.
    @Test func narrowWindowKeepsTheShare() throws {
        let grid = render(Self.annAndBob(width: 30, height: 8, ann: "Annabelle Lee-Whitfield"))
        let ann = try #require(grid.find("Annabelle"))
        #expect(grid.row(ann.y).contains("0:31  76%"))
    }

    @Test func scrollMapBesideTheTranscript() throws {
        var state = Self.annAndBob(width: 100, height: 30, statistics: false)
        state.focus = .transcript
        let rect = try #require(state.layout.panes[.transcript])
        let x = rect.x + rect.width - 1
        var grid = render(state)
        #expect(grid[x, rect.y].text == "◀")
        #expect(grid[x, rect.y + 1].text == "▐")
        let bottom = rect.y + rect.height * 4 / 5
        #expect(grid[x, bottom].text == "▐")
        #expect(grid[x, rect.y + 1].style.foreground != grid[x, bottom].style.foreground)
        state.send(.char("G"))
        grid = render(state)
        #expect(grid[x, rect.y].text == "▐")
        #expect(grid[x, rect.y + rect.height - 1].text == "◀")
    }

    /// The new windows at every size down to nothing: drawn or left out, never a crash.
    /// Every window at every size fits the grid: the frame is the terminal's size, a window
    /// shows its title where there is room, and the too-small message where there is not.
    @Test func windowsAtEverySize() {
        for (width, height) in [(0, 0), (1, 1), (5, 3), (12, 3), (12, 4), (12, 5), (20, 6), (30, 8), (40, 10), (60, 12)] {
            var state = Fixture.state(width: width, height: height)
            let roomy = width >= ScreenLayout.minimumWidth && height >= ScreenLayout.minimumHeight
            state.remember(ReaderMemory(), key: "/corpus")
            state.send(.char("i"))
            var grid = render(state)
            #expect(grid.width == width && grid.height == height)
            #expect(grid.text.contains("Who speaks") == (roomy && width >= 30), "\(width)×\(height)")
            state.send(.escape)
            state.focus = .transcript
            state.send(.char("m"), .enter, .char("'"))
            grid = render(state)
            #expect(grid.text.contains("Bookmarks") == (roomy && width >= 30), "\(width)×\(height)")
            #expect(grid.text.contains("Terminal too small") == (!roomy && width >= 20), "\(width)×\(height)")
            state.send(.escape)
            update(&state, .resize(width: 1, height: 1))
            grid = render(state)
            #expect(grid.width == 1 && grid.height == 1)
        }
    }
}

/// One time format on screen: M:SS under an hour, H:MM:SS from an hour on.
@Suite struct TimeFormatOnScreenTests {
    @Test func notesAndStatusAgree() {
        let state = Fixture.state()
        let text = render(state).text
        #expect(text.contains("#9 · 50:00 · 110 utterances"))
        #expect(!text.contains("0:50:00"))
        let long = Fixture.episode(number: 1, title: "Long", hosts: ["Ann Lee"], body: "[0:00:01] AL: a\n\n[1:02:03] AL: b\n")
        let other = render(Fixture.state(Fixture.corpus(["a.md": long]))).text
        #expect(other.contains("#1 · 1:02:03 · 2 utterances"))
    }
}

/// A folder with nothing podread reads: the reader says what it reads and how to point it
/// at another folder.
@Suite struct EmptyCorpusTests {
    @Test func sayHowToPointPodreadAtACorpus() {
        let state = Fixture.state(Corpus(directory: "/tmp/nothing-here", episodes: []))
        let text = render(state).text
        #expect(text.contains("No transcripts in /tmp/nothing-here."))
        #expect(text.contains("--data DIR"))
        #expect(text.contains("q quits"))
    }
}
