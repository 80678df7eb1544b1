import Foundation
import Testing
@testable import ReaderUI

@Suite struct KeyMapTests {
    /// The README's key table is the key map's, word for word.
    @Test func theReadmeShowsTheKeyMap() throws {
        let readme = try String(contentsOfFile: Fixture.root.appendingPathComponent("README.md").path, encoding: .utf8)
        #expect(readme.contains(KeyMap.markdownTable + "\n"), "the README's key table should be:\n\(KeyMap.markdownTable)")
    }

    /// Every key the reader acts on is in the map once; the help shows each binding.
    @Test func everyBindingIsInTheHelp() {
        var state = Fixture.state(width: 140, height: 60)
        state.send(.char("?"))
        let text = render(state).text
        for binding in KeyMap.bindings {
            #expect(text.contains(binding.help.prefix(40)), "\(binding.command)")
        }
    }

    /// The help scrolls in a low window, the cursor always in view.
    @Test func theHelpScrolls() {
        var state = Fixture.state(width: 100, height: 12)
        state.send(.char("?"))
        #expect(render(state).text.contains("↑↓ scroll"))
        state.send(.char("G"))
        let text = render(state).text
        #expect(text.contains(HelpOverlay.legend.last!.1.prefix(40)))
        #expect(!text.contains(KeyMap.bindings.first!.help.prefix(40)))
        guard case let .help(list)? = state.overlay else { Issue.record("the help closed"); return }
        #expect(list.cursor == HelpOverlay.rowCount - 1)
    }

    /// At 80 columns the status bar keeps the hints that fit, `? help` always among them.
    @Test func hintsFitTheWidth() {
        for width in [80, 60, 40] {
            let state = Fixture.state(width: width, height: 24)
            let bar = render(state).row(23)
            #expect(bar.contains("? help"), "\(width): \(bar)")
            #expect(bar.hasPrefix(" 0:08 / 50:00"), "\(width): \(bar)")
        }
    }
}
