import CNcursesw
import Foundation
import ReaderUI

/// The only code that talks to the terminal: draws grids with ncurses' wide-character
/// calls and turns keys, mouse and resize into actions.
final class NcursesScreen {
    private var screen: OpaquePointer?
    private var pairs: [PairKey: Int16] = [:]
    private(set) var colorMode: ColorMode = .monochrome
    private var started = false

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    enum StartError: Error, CustomStringConvertible {
        case noTerminal(String)
        var description: String {
            switch self {
            case let .noTerminal(term):
                return "cannot use the terminal type '\(term)' (set TERM, e.g. TERM=xterm-256color; in scripts use 'podread list' or 'podread show')"
            }
        }
    }

    /// Takes over the terminal. `noColor` forces monochrome; NO_COLOR in the environment too.
    func start(noColor: Bool) throws {
        guard let screen = newterm(nil, podread_stdout(), podread_stdin()) else {
            throw StartError.noTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        self.screen = screen
        set_term(screen)
        started = true
        // A terminal that cannot move the cursor (TERM=dumb) cannot show a screen.
        let move = tigetstr("cup")
        if move == nil || Int(bitPattern: move) == -1 {
            stop()
            throw StartError.noTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        cbreak()
        noecho()
        nonl()
        intrflush(podread_stdscr(), false)
        keypad(podread_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(podread_stdscr(), 200)
        mousemask(podread_mouse_mask(), nil)
        mouseinterval(0)
        // COLORS is only known after start_color().
        let wanted = ColorMode.choose(colors: 256, noColorFlag: noColor, environment: ProcessInfo.processInfo.environment)
        if wanted != .monochrome, has_colors(), start_color() == OK {
            use_default_colors()
            colorMode = ColorMode.choose(colors: Int(podread_colors()), noColorFlag: noColor, environment: ProcessInfo.processInfo.environment)
        }
    }

    /// Gives the terminal back as it was. Safe to call twice.
    func stop() {
        guard started else { return }
        started = false
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        fflush(podread_stdout())
    }

    /// Suspends drawing for a shell-out and back (endwin keeps the screen for `refresh`).
    var size: (width: Int, height: Int) {
        (Int(getmaxx(podread_stdscr())), Int(getmaxy(podread_stdscr())))
    }

    func draw(_ grid: Grid) {
        let window = podread_stdscr()
        werase(window)
        var characters = [wchar_t](repeating: 0, count: 8)
        var cell = cchar_t()
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let item = grid[x, y]
                if item.isContinuation { continue }
                let attributes = attributes(item.style)
                let pair = self.pair(item.style)
                let scalars = Array(item.text.unicodeScalars.prefix(5))
                for (i, scalar) in scalars.enumerated() { characters[i] = wchar_t(bitPattern: scalar.value) }
                characters[scalars.count] = 0
                if setcchar(&cell, characters, attributes, pair, nil) == ERR {
                    characters[1] = 0
                    setcchar(&cell, characters, attributes, pair, nil)
                }
                mvwadd_wch(window, Int32(y), Int32(x), &cell)
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Bytes for the terminal itself, between frames (OSC 52 to set the clipboard); the
    /// caller has made them safe.
    func send(_ sequence: String) {
        guard started else { return }
        fputs(sequence, podread_stdout())
        fflush(podread_stdout())
    }

    /// Ctrl-L: forget what is on the terminal and paint everything again.
    func repaintAll() {
        clearok(podread_curscr(), true)
    }

    private func attributes(_ style: Style) -> attr_t {
        var a = podread_a_normal()
        if style.bold { a |= podread_a_bold() }
        if style.dim { a |= podread_a_dim() }
        if style.underline { a |= podread_a_underline() }
        if style.reverse { a |= podread_a_reverse() }
        return a
    }

    private func pair(_ style: Style) -> Int16 {
        guard colorMode != .monochrome else { return 0 }
        func number(_ color: TerminalColor) -> Int16 {
            if case let .indexed(n) = color { return Int16(n) }
            return -1
        }
        let key = PairKey(foreground: number(style.foreground), background: number(style.background))
        if key.foreground == -1, key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        let next = pairs.count + 1
        guard next < Int(podread_color_pairs()), next < Int(Int16.max) else { return 0 }
        init_pair(Int16(next), key.foreground, key.background)
        pairs[key] = Int16(next)
        return Int16(next)
    }

    /// How long `nextAction` waits for input: short while results are coming in, so they
    /// reach the screen without waiting for a key.
    func waitForInput(milliseconds: Int32) {
        guard milliseconds != inputWait else { return }
        inputWait = milliseconds
        wtimeout(podread_stdscr(), milliseconds)
    }
    private var inputWait: Int32 = 200

    /// The next input as an action; nil after a short timeout (so signals are noticed).
    func nextAction() -> Action? {
        var character: wint_t = 0
        let result = wget_wch(podread_stdscr(), &character)
        if result == KEY_CODE_YES {
            return functionKey(Int32(character))
        }
        guard result == OK else { return nil }
        switch character {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(UInt8(character) + 96))))
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    private func functionKey(_ code: Int32) -> Action? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_SLEFT: return .key(.shiftLeft)
        case KEY_SRIGHT: return .key(.shiftRight)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_RESIZE:
            let (width, height) = size
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let x = Int(event.x), y = Int(event.y)
            if podread_is_wheel_up(event.bstate) != 0 { return .mouse(Mouse(.wheelUp, x: x, y: y)) }
            if podread_is_wheel_down(event.bstate) != 0 { return .mouse(Mouse(.wheelDown, x: x, y: y)) }
            if podread_is_click(event.bstate) != 0 { return .mouse(Mouse(.click, x: x, y: y)) }
            return nil
        default:
            return nil
        }
    }
}
