import TranscriptKit

enum StatusBarView {
    /// What `F`'s prompt says beside the words: the index being brought up to date, a
    /// search under way, or why there are no results.
    static func corpusSearchStatus(_ state: ReaderState) -> (String, isError: Bool)? {
        if let search = state.corpusSearch {
            return (search.toIndex > 0 ? "indexing \(search.indexed)/\(search.toIndex)" : "searching…", false)
        }
        if let message = state.message { return (message.text, message.isError) }
        return nil
    }

    static func draw(_ state: ReaderState, _ rect: Rect, _ grid: inout Grid) {
        let theme = state.theme
        let y = rect.y
        guard y >= 0, y < grid.height else { return }
        grid.fill(x: 0, y: y, width: grid.width, height: 1, style: theme.statusBar)
        if let prompt = state.prompt {
            let label: String
            switch prompt.kind {
            case .jump: label = " Jump to (12:30, 1:02:03, 750, +2m, -30s): "
            case .goTo: label = " Go to an episode number or a time (15, 20:32, +2m): "
            case .listFilter: label = " Episodes with: "
            case .search: label = " /"
            case .corpusSearch: label = " Search all episodes: "
            case .bookmark: label = " Bookmark here, with a note (Enter saves, Esc cancels): "
            }
            var x = grid.put(label, x: 0, y: y, style: theme.prompt)
            x += grid.put(prompt.text, x: x, y: y, limit: max(0, grid.width - x - 1), style: theme.prompt)
            if x < grid.width { grid[x, y] = Cell(text: " ", style: theme.cursor) }
            if prompt.kind == .search, let search = state.search {
                let count = search.matches.isEmpty ? "no match" : "\((search.current ?? 0) + 1)/\(search.matches.count)"
                let w = DisplayText.width(of: count) + 1
                if grid.width - w > x + 2 { grid.put(count, x: grid.width - w, y: y, style: theme.statusAccent) }
            }
            if prompt.kind == .corpusSearch, let (text, isError) = corpusSearchStatus(state) {
                // At the right, as much as fits after the words being typed.
                let room = grid.width - x - 3
                let shown = DisplayText.width(of: text) <= room ? text : ""
                let w = DisplayText.width(of: shown) + 1
                if !shown.isEmpty { grid.put(shown, x: grid.width - w, y: y, style: isError ? theme.statusError : theme.statusAccent) }
            }
            return
        }
        var x = 0
        if let episode = state.episode, state.isListeningHere, let listening = state.listening {
            x += grid.put(" " + listeningText(listening, episode: episode) + " ", x: x, y: y, limit: max(0, grid.width - x), style: theme.statusAccent)
            if !listening.isFollowing { x += grid.put(" f follows ", x: x, y: y, limit: max(0, grid.width - x), style: theme.statusBar) }
        } else if let episode = state.episode {
            let now = state.currentUtterance.map { episode.utterances[$0].start } ?? 0
            x += grid.put(" \(TimeFormat.clock(now)) / \(TimeFormat.clock(episode.duration)) ", x: x, y: y, style: theme.statusAccent)
        }
        if let episode = state.episode {
            if !state.filter.isEmpty {
                x += grid.put(" only: ", x: x, y: y, limit: grid.width - x, style: theme.statusBar)
                x += grid.putTruncated(state.filterNames.joined(separator: ", "), x: x, y: y,
                                       limit: min(30, max(0, grid.width - x)), style: theme.statusAccent)
            }
            if let search = state.search {
                let where_ = search.matches.isEmpty ? "no match" : "\(search.current.map { String($0 + 1) } ?? "-")/\(search.matches.count)"
                x += grid.put("  /", x: x, y: y, limit: grid.width - x, style: theme.statusBar)
                x += grid.putTruncated(search.pattern, x: x, y: y, limit: min(20, max(0, grid.width - x)), style: theme.statusAccent)
                x += grid.put(" \(where_)", x: x, y: y, limit: grid.width - x, style: theme.statusAccent)
            }
            x += 1
        }
        if state.corpus.isPartial {
            let read = state.loading.map { " \($0.done)/\($0.total)" } ?? ""
            x += grid.put(" reading transcripts\(read) ", x: x, y: y, limit: max(0, grid.width - x), style: theme.statusAccent) + 1
        }
        if let update = state.libraryUpdate {
            x += drawProgress(update, x: x, y: y, theme: theme, &grid) + 1
        }
        if let message = state.message {
            grid.putTruncated(message.text + " ", x: x, y: y, limit: max(0, grid.width - x),
                              style: message.isError ? theme.statusError : theme.statusBar)
            return
        }
        let hints = hints(for: state.focus, width: grid.width - x)
        let w = DisplayText.width(of: hints)
        if grid.width - w >= x { grid.put(hints, x: grid.width - w, y: y, style: theme.hint) }
    }

    /// `▶ 12:31 / 45:02 ×1.25`: playing or paused, where in the audio, its length, the speed.
    static func listeningText(_ listening: Listening, episode: Episode) -> String {
        let length = listening.duration ?? episode.duration
        // To the hundredth, as `<` and `>` set it: 1.25, 1.5, 2 (mpv may report 1.2500001).
        let speed = (listening.speed * 100).rounded() / 100
        let shown = speed == speed.rounded() ? String(Int(speed)) : "\(speed)"
        return (listening.isPaused ? "⏸ " : "▶ ") + TimeFormat.clock(listening.heardPosition) + " / " + TimeFormat.clock(length)
            + (speed == 1 ? "" : " ×" + shown)
    }

    /// "Updating 2/5 shows: <title> · 14 new · 1 failed", the title cut to leave room for the rest.
    private static func drawProgress(_ update: LibraryUpdateProgress, x start: Int, y: Int, theme: Theme, _ grid: inout Grid) -> Int {
        var x = start
        func put(_ text: String, _ style: Style = theme.statusAccent) { x += grid.put(text, x: x, y: y, limit: max(0, grid.width - x), style: style) }
        put(" Updating \(update.showsDone)/\(update.showsTotal) shows")
        if let title = update.currentShow {
            put(": ")
            x += grid.putTruncated(title, x: x, y: y, limit: min(30, max(0, grid.width - x)), style: theme.statusAccent)
        }
        if update.newEpisodes > 0 { put(" · \(update.newEpisodes) new") }
        if update.failures > 0 { put(" · "); put("\(update.failures) failed", theme.statusError) }
        put(" ")
        return x - start
    }

    /// The key map's hints for the pane, as many as fit in `width` in the order declared;
    /// `? help` always, since it leads to the rest.
    static func hints(for pane: Pane, width: Int) -> String {
        let all = KeyMap.hints(for: pane)
        let help = all.first { $0.hasPrefix(KeyMap.name(of: .char("?")) + " ") }
        var shown: [String] = []
        // The hints joined by two spaces, and one after: each hint is measured once.
        var used = 1 + (help.map { DisplayText.width(of: $0) } ?? 0)
        for hint in all where hint != help {
            let more = DisplayText.width(of: hint) + (shown.isEmpty && help == nil ? 0 : 2)
            if used + more > width { break }
            used += more
            shown.append(hint)
        }
        let ordered = all.filter { shown.contains($0) || $0 == help }
        return ordered.isEmpty ? "" : ordered.joined(separator: "  ") + " "
    }
}
