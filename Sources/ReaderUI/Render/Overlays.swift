import Foundation
import TranscriptKit

/// Where overlays sit, shared by drawing and mouse handling.
enum OverlayGeometry {
    static func box(width: Int, height: Int, in state: ReaderState) -> Rect {
        let w = min(width, max(0, state.width - 2))
        let h = min(height, max(0, state.height - 2))
        return Rect(x: (state.width - w) / 2, y: max(1, (state.height - h) / 2), width: w, height: h)
    }

    /// The window an overlay is drawn in.
    static func rect(of overlay: Overlay, in state: ReaderState) -> Rect {
        switch overlay {
        case .help: return box(width: 96, height: HelpOverlay.rowCount + 4, in: state)
        case let .speakers(picker): return box(width: 60, height: picker.people.count + 5, in: state)
        case let .results(results): return box(width: max(0, state.width - 4), height: min(results.rows.count + 4, max(0, state.height - 4)), in: state)
        case .bookmarks: return box(width: 90, height: state.bookmarks.count + 4, in: state)
        case let .statistics(window): return box(width: 100, height: window.speakers.count + 8, in: state)
        }
    }

    /// The rows of a window's list (inside the frame, under a blank row; the picker keeps
    /// its last two rows for a footer).
    static func listArea(of overlay: Overlay, in state: ReaderState) -> Rect {
        let rect = rect(of: overlay, in: state)
        var height = rect.height - 4
        if case .speakers = overlay { height = rect.height - 5 }
        return Rect(x: rect.x + 1, y: rect.y + 2, width: rect.width - 2, height: max(0, height))
    }

    static func frame(_ rect: Rect, title: String, theme: Theme, grid: inout Grid) {
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: theme.overlay)
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border = EpisodeListView.merge(theme.borderFocused, over: theme.overlay)
        for x in rect.x..<(rect.x + rect.width) {
            grid[x, rect.y] = Cell(text: "─", style: border)
            grid[x, rect.y + rect.height - 1] = Cell(text: "─", style: border)
        }
        for y in rect.y..<(rect.y + rect.height) {
            grid[rect.x, y] = Cell(text: "│", style: border)
            grid[rect.x + rect.width - 1, y] = Cell(text: "│", style: border)
        }
        grid[rect.x, rect.y] = Cell(text: "╭", style: border)
        grid[rect.x + rect.width - 1, rect.y] = Cell(text: "╮", style: border)
        grid[rect.x, rect.y + rect.height - 1] = Cell(text: "╰", style: border)
        grid[rect.x + rect.width - 1, rect.y + rect.height - 1] = Cell(text: "╯", style: border)
        grid.putTruncated(" \(title) ", x: rect.x + 2, y: rect.y, limit: max(0, rect.width - 4), style: theme.overlayTitle)
    }
}

/// `?`: every binding of the key map, then what the screen's marks mean, scrolling when
/// the screen is low.
enum HelpOverlay {
    static let legend: [(String, String)] = [
        ("•  !", "beside an episode: its file has warnings, or errors (the notes list them)"),
        ("Name?", "a guess of who a speaker tag is (the notes say why)"),
        ("▐ ◀", "who speaks when, down the transcript's edge; ◀ is where you are"),
        ("mouse", "the wheel scrolls what is under it; a click selects, and opens a link or result"),
    ]
    static var rowCount: Int { KeyMap.bindings.count + legend.count }

    static func draw(_ state: ReaderState, _ list: ScrollList, _ grid: inout Grid) {
        let theme = state.theme
        let overlay = Overlay.help(list)
        let rect = OverlayGeometry.rect(of: overlay, in: state)
        let area = OverlayGeometry.listArea(of: overlay, in: state)
        let more = HelpOverlay.rowCount > area.height ? " (↑↓ scroll)" : ""
        OverlayGeometry.frame(rect, title: "Keys — Esc closes\(more)", theme: theme, grid: &grid)
        let keyWidth = 24
        for row in 0..<area.height {
            let index = list.top + row
            guard index < rowCount else { break }
            let y = area.y + row
            let base = index == list.cursor ? theme.selection : theme.overlay
            grid.fill(x: area.x, y: y, width: area.width, height: 1, style: base)
            guard KeyMap.bindings.indices.contains(index) else {
                let (what, meaning) = legend[index - KeyMap.bindings.count]
                grid.putTruncated(what, x: area.x + 1, y: y, limit: min(keyWidth, max(0, area.width - 2)),
                                  style: EpisodeListView.merge(theme.overlayKey, over: base))
                let x = area.x + 1 + keyWidth + 1
                grid.putTruncated(meaning, x: x, y: y, limit: max(0, area.x + area.width - 1 - x), style: base)
                continue
            }
            let binding = KeyMap.bindings[index]
            let keys = binding.keys.map(KeyMap.name).joined(separator: "  ")
            grid.putTruncated(keys, x: area.x + 1, y: y, limit: min(keyWidth, max(0, area.width - 2)),
                              style: EpisodeListView.merge(theme.overlayKey, over: base))
            let x = area.x + 1 + keyWidth + 1
            grid.putTruncated(binding.help, x: x, y: y, limit: max(0, area.x + area.width - 1 - x), style: base)
        }
    }
}

enum SpeakerPickerView {
    static func draw(_ state: ReaderState, _ picker: SpeakerPicker, _ grid: inout Grid) {
        let theme = state.theme
        let rect = OverlayGeometry.rect(of: .speakers(picker), in: state)
        let area = OverlayGeometry.listArea(of: .speakers(picker), in: state)
        OverlayGeometry.frame(rect, title: "Speakers — Space toggles, Enter applies, Esc cancels", theme: theme, grid: &grid)
        for row in 0..<area.height {
            let n = picker.list.top + row
            guard picker.people.indices.contains(n) else { break }
            let person = picker.people[n]
            let y = area.y + row
            let isCursor = n == picker.list.cursor
            let base = isCursor ? theme.selection : theme.overlay
            if isCursor { grid.fill(x: rect.x + 1, y: y, width: rect.width - 2, height: 1, style: base) }
            var x = rect.x + 2
            x += grid.put(picker.checked.contains(person.key) ? "[x] " : "[ ] ", x: x, y: y, style: base)
            let nameStyle = EpisodeListView.merge(state.colors.style(for: person.speaker, mode: theme.mode), over: base)
            x += grid.put("██ ", x: x, y: y, limit: max(0, rect.x + rect.width - 1 - x), style: nameStyle)
            grid.putTruncated(person.speaker.displayName, x: x, y: y, limit: min(22, max(0, rect.x + rect.width - 1 - x)), style: nameStyle)
            x += 23
            let role = person.speaker.role.rawValue
            let detail = role.padding(toLength: 10, withPad: " ", startingAt: 0) + "\(person.utterances)×".padding(toLength: 6, withPad: " ", startingAt: 0) + person.tags.joined(separator: " ")
            grid.putTruncated(detail, x: x, y: y, limit: max(0, rect.x + rect.width - 2 - x), style: base)
        }
        let footer = picker.checked.isEmpty ? "nothing ticked: Enter shows the one under the cursor" : "\(picker.checked.count) ticked; a ticks all/none"
        grid.putTruncated(footer, x: rect.x + 2, y: rect.y + rect.height - 2, limit: max(0, rect.width - 4), style: theme.overlay)
    }
}

/// `F`'s results, a heading per episode and a row per matching utterance.
enum CorpusResultsView {
    static func draw(_ state: ReaderState, _ results: CorpusResults, _ grid: inout Grid) {
        let theme = state.theme
        let rect = OverlayGeometry.rect(of: .results(results), in: state)
        let area = OverlayGeometry.listArea(of: .results(results), in: state)
        let episodes = results.rows.count - results.hits.count
        let count = results.total > results.hits.count ? "best \(results.hits.count) of \(results.total)" : "\(results.hits.count)"
        OverlayGeometry.frame(rect, title: "\(count) in \(episodes) episode(s): \(results.text) — Enter opens, then n N step, Esc closes",
                              theme: theme, grid: &grid)
        for row in 0..<area.height {
            let index = results.list.top + row
            guard results.rows.indices.contains(index) else { break }
            let y = area.y + row
            let selected = index == results.list.cursor
            let base = selected ? theme.selection : theme.overlay
            grid.fill(x: area.x, y: y, width: area.width, height: 1, style: base)
            var x = area.x + 1
            let limit = { max(0, area.x + area.width - 1 - x) }
            switch results.rows[index] {
            case let .episode(number, count):
                let episode = state.corpus.episodes[number]
                let heading = (episode.number.map { "#\($0)  " } ?? "") + episode.title
                x += grid.putTruncated(heading, x: x, y: y, limit: limit(), style: EpisodeListView.merge(theme.overlayTitle, over: base))
                grid.put("  \(count)", x: x, y: y, limit: limit(), style: EpisodeListView.merge(theme.timestamp, over: base))
            case let .hit(number):
                let hit = results.hits[number]
                x += 3
                x += grid.put(TimeFormat.clock(hit.start).padding(toLength: 9, withPad: " ", startingAt: 0), x: x, y: y, limit: limit(), style: base)
                grid.putTruncated(hit.speaker.displayName, x: x, y: y, limit: min(18, limit()),
                                  style: EpisodeListView.merge(state.colors.style(for: hit.speaker, mode: theme.mode), over: base))
                x += 20
                // Paragraph breaks are two characters; as spaces, the offsets hold.
                let text = hit.text.replacingOccurrences(of: "\n\n", with: "  ")
                let first = hit.matches.first ?? 0..<0
                let start = max(0, first.lowerBound - 20)
                let snippet = (start > 0 ? "…" : "") + String(text.dropFirst(start).prefix(400))
                let offset = start > 0 ? 1 - start : 0
                let match = matchStyle(theme, selected: selected)
                grid.put(DisplayText.units(of: snippet), x: x, y: y, limit: limit()) { unit in
                    if hit.matches.contains(where: { $0.contains(unit.source - offset) }) { return match }
                    return unit.isPlaceholder ? theme.placeholder : base
                }
            }
        }
    }

    /// The match stands out on the cursor's row too: its own colours, not the row's; with
    /// no colour, bold and underlined out of the row's reverse video.
    static func matchStyle(_ theme: Theme, selected: Bool) -> Style {
        guard selected else { return theme.match }
        return theme.mode == .monochrome ? Style(bold: true, underline: true) : theme.currentMatch
    }
}

/// `'`: this corpus's bookmarks, to jump to one (Enter) or delete it (d).
enum BookmarksView {
    static func draw(_ state: ReaderState, _ window: BookmarkList, _ grid: inout Grid) {
        let theme = state.theme
        let rect = OverlayGeometry.rect(of: .bookmarks(window), in: state)
        OverlayGeometry.frame(rect, title: "Bookmarks — Enter opens, d deletes, Esc closes", theme: theme, grid: &grid)
        let rows = max(0, rect.height - 4)
        for row in 0..<rows {
            let index = window.list.top + row
            guard state.bookmarks.indices.contains(index) else { break }
            let bookmark = state.bookmarks[index]
            let y = rect.y + 2 + row
            let base = index == window.list.cursor ? theme.selection : theme.overlay
            grid.fill(x: rect.x + 1, y: y, width: max(0, rect.width - 2), height: 1, style: base)
            var x = rect.x + 2
            let limit = { max(0, rect.x + rect.width - 2 - x) }
            let episode = state.corpus.episodes.first { ReaderState.fileName($0.file) == bookmark.file }
            let number = episode?.number.map { "#\($0)" } ?? "-"
            x += grid.put(number.padding(toLength: 6, withPad: " ", startingAt: 0), x: x, y: y, limit: limit(), style: base)
            x += grid.put(TimeFormat.clock(bookmark.position.time).padding(toLength: 8, withPad: " ", startingAt: 0), x: x, y: y, limit: limit(), style: base)
            let title = episode?.title ?? bookmark.file
            x += grid.putTruncated(title, x: x, y: y, limit: min(30, limit()), style: base) + 2
            grid.putTruncated(bookmark.note, x: x, y: y, limit: limit(), style: EpisodeListView.merge(theme.statusAccent, over: base))
        }
    }
}

/// `i`: a bar per speaker (talk time, in their colour) and a strip of who speaks when.
enum StatisticsView {
    static func draw(_ state: ReaderState, _ window: StatisticsWindow, _ grid: inout Grid) {
        guard let episode = state.episode else { return }
        let theme = state.theme
        let rect = OverlayGeometry.rect(of: .statistics(window), in: state)
        OverlayGeometry.frame(rect, title: "Who speaks — \(episode.title) — Esc closes", theme: theme, grid: &grid)
        // With room for a bar and the strip, both; in a low window, bars only.
        guard rect.width > 8, rect.height >= 3 else { return }
        let withStrip = rect.height >= 7
        let barsTop = rect.y + (withStrip ? 2 : 1)
        let barsEnd = rect.y + rect.height - (withStrip ? 5 : 1)
        let inner = rect.width - 4
        let total = window.speakers.reduce(0) { $0 + $1.talkTime }
        let most = window.speakers.map(\.talkTime).max() ?? 0
        // Narrow: names give way so the time and share (12 columns) still show.
        let nameWidth = min(18, max(4, inner - 14), window.speakers.map { DisplayText.width(of: $0.name) }.max() ?? 4)
        let detailWidth = 38
        let barWidth = max(0, inner - nameWidth - detailWidth - 2)
        for (n, s) in window.speakers.enumerated() {
            let y = barsTop + n
            guard y < barsEnd else { break }
            let speaker = Speaker(tag: "", name: s.name, role: s.role, isCertain: true, reason: "")
            let style = EpisodeListView.merge(state.colors.style(for: speaker, mode: theme.mode), over: theme.overlay)
            var x = rect.x + 2
            grid.putTruncated(s.name, x: x, y: y, limit: nameWidth, style: style)
            x += nameWidth + 1
            let share = total > 0 ? s.talkTime / total : 0
            // The longest bar fills the width; the others are in proportion to it.
            let length = most > 0 ? Int((s.talkTime / most * Double(barWidth)).rounded()) : 0
            grid.put(String(repeating: "█", count: length), x: x, y: y, limit: barWidth, style: style)
            x += barWidth + 1
            let time = TimeFormat.clock(s.talkTime)
            let room = max(0, rect.x + rect.width - 2 - x)
            let counts = String(format: "  %6d words  %4d turns", s.words, s.turns)
            let detail = String(repeating: " ", count: max(0, 7 - time.count)) + time
                + String(format: " %3.0f%%", share * 100)
            grid.putTruncated(detail.count + counts.count <= room ? detail + counts : detail, x: x, y: y, limit: room, style: theme.overlay)
        }
        // Who speaks when, across the whole width.
        guard withStrip else { return }
        let stripY = rect.y + rect.height - 4
        grid.put("Who speaks when", x: rect.x + 2, y: stripY - 1, limit: inner, style: theme.overlayTitle)
        let (slices, end) = state.timeline.slices(episode, index: state.shownVersion, count: inner)
        for (column, slice) in slices.enumerated() {
            guard let slice, episode.speakers.indices.contains(slice) else { continue }
            let style = EpisodeListView.merge(state.colors.style(for: episode.speakers[slice], mode: theme.mode), over: theme.overlay)
            grid[rect.x + 2 + column, stripY] = Cell(text: "█", style: style)
        }
        let endLabel = TimeFormat.clock(end)
        grid.put("0:00", x: rect.x + 2, y: stripY + 1, limit: inner, style: theme.overlay)
        grid.put(endLabel, x: rect.x + 2 + inner - endLabel.count, y: stripY + 1, limit: endLabel.count, style: theme.overlay)
    }
}
