/// A rectangle of the screen.
public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && py >= y && px < x + width && py < y + height }
}

/// Where each part of the screen goes at a given size. Wide terminals show the three panes
/// side by side; narrower ones show one pane at a time under a tab bar.
public struct ScreenLayout: Equatable, Sendable {
    public static let minimumWidth = 24
    public static let minimumHeight = 6
    public static let sideBySideWidth = 100

    public enum Mode: Equatable, Sendable { case tooSmall, tabs, columns }

    public var mode: Mode
    public var header: Rect
    public var status: Rect
    /// Each pane's content area (under its title row), or nil when the pane is hidden.
    public var panes: [Pane: Rect]
    /// The title row of each visible pane (columns mode) or each tab label (tabs mode).
    public var titles: [Pane: Rect]

    /// `listWidth`: the columns the episode list's rows need; it gets them up to a third of
    /// the screen, the transcript always keeping half.
    public init(width: Int, height: Int, focus: Pane, listWidth: Int = 34) {
        header = Rect(x: 0, y: 0, width: width, height: 1)
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        panes = [:]
        titles = [:]
        if width < Self.minimumWidth || height < Self.minimumHeight {
            mode = .tooSmall
            return
        }
        let bodyTop = 1
        let bodyHeight = height - 2
        if width >= Self.sideBySideWidth {
            mode = .columns
            let notesWidth = min(44, max(30, width / 4))
            let listWidth = max(24, min(listWidth, width / 3, width - notesWidth - 2 - width / 2))
            let transcriptWidth = width - listWidth - notesWidth - 2
            let xs: [(Pane, Int, Int)] = [(.episodes, 0, listWidth),
                                          (.transcript, listWidth + 1, transcriptWidth),
                                          (.notes, listWidth + transcriptWidth + 2, notesWidth)]
            for (pane, x, w) in xs {
                titles[pane] = Rect(x: x, y: bodyTop, width: w, height: 1)
                panes[pane] = Rect(x: x, y: bodyTop + 1, width: w, height: bodyHeight - 1)
            }
        } else {
            mode = .tabs
            panes[focus] = Rect(x: 0, y: bodyTop, width: width, height: bodyHeight)
            var x = 0
            for pane in Pane.allCases {
                let w = pane.title.count + 2
                titles[pane] = Rect(x: x, y: 0, width: w, height: 1)
                x += w + 1
            }
        }
    }

    /// Columns of the vertical separators in columns mode.
    public var separators: [Int] {
        guard mode == .columns, let list = panes[.episodes], let transcript = panes[.transcript] else { return [] }
        return [list.x + list.width, transcript.x + transcript.width]
    }
}
