import TranscriptKit

enum TranscriptView {
    static func draw(_ state: ReaderState, _ rect: Rect, _ grid: inout Grid) {
        let theme = state.theme
        if state.corpus.episodes.isEmpty {
            message("No transcripts in \(state.corpus.directory). podread reads episode pages (.md) and WebVTT, SubRip, "
                    + "Podcasting 2.0 JSON, HTML and text transcripts: start it with --data DIR (or PODREAD_DATA=DIR) "
                    + "to read another folder; validate lists what it skipped. q quits.", rect, theme, &grid)
            return
        }
        if let opening = state.opening {
            message("Reading the transcript of \(state.corpus.episodes[opening.episode].title)…", rect, theme, &grid)
            return
        }
        guard let episode = state.episode, let geometry = state.geometry else { return }
        if state.shown.isEmpty {
            let text = (episode.utterances.isEmpty
                    ? (episode.missingTranscript == .notInFeed ? "The feed gives no transcript for this episode: its show notes are in the notes"
                        : episode.missingTranscript == .pending ? "The feed links a transcript not fetched yet: U (podread update) tries again"
                        : "No transcript in this episode (see the notes for diagnostics)")
                    : "No utterances by \(state.filterNames.joined(separator: ", ")) in this episode — S clears the filter")
            message(text, rect, theme, &grid)
            return
        }
        var position = state.top
        var rows = state.rows(forShown: position.index)
        var highlights: [WrapCache.ParagraphKey: Highlights] = [:]
        for y in rect.y..<(rect.y + rect.height) {
            guard rows.indices.contains(position.row) else { break }
            let row = rows[position.row]
            draw(row, shownIndex: position.index, state: state, episode: episode, geometry: geometry, rect: rect, y: y,
                 highlights: &highlights, grid: &grid)
            if position.row + 1 < rows.count {
                position.row += 1
            } else if position.index + 1 < state.shown.count {
                position = TranscriptPosition(index: position.index + 1, row: 0)
                rows = state.rows(forShown: position.index)
            } else {
                break
            }
        }
        scrollMap(state, episode, rect, &grid)
    }

    /// A message in place of the transcript, wrapped at spaces.
    private static func message(_ text: String, _ rect: Rect, _ theme: Theme, _ grid: inout Grid) {
        let units = DisplayText.units(of: text)
        for (n, range) in WordWrap.lines(units, width: max(1, rect.width - 4)).enumerated() where n + 1 < rect.height {
            grid.put(units[range], x: rect.x + 2, y: rect.y + 1 + n, limit: rect.width - 2) { _ in theme.timestamp }
        }
    }

    /// Who speaks when, as a thin strip down the pane's right edge (a column text never
    /// uses), with `◀` where the reader is. Cached: a frame costs the pane's height.
    private static func scrollMap(_ state: ReaderState, _ episode: Episode, _ rect: Rect, _ grid: inout Grid) {
        guard rect.width >= 30, rect.height >= 3, !episode.utterances.isEmpty else { return }
        let x = rect.x + rect.width - 1
        let (slices, end) = state.timeline.slices(episode, index: state.shownVersion, count: rect.height)
        for (row, slice) in slices.enumerated() {
            guard let slice, episode.speakers.indices.contains(slice) else { continue }
            grid[x, rect.y + row] = Cell(text: "▐", style: state.colors.style(for: episode.speakers[slice], mode: state.theme.mode))
        }
        if let utterance = state.currentUtterance, end > 0 {
            let row = min(rect.height - 1, Int(episode.utterances[utterance].start / end * Double(rect.height)))
            grid[x, rect.y + row] = Cell(text: "◀", style: state.theme.statusAccent)
        }
    }

    /// A paragraph's matches as character ranges, in order, and the current one's index.
    struct Highlights {
        var ranges: [Range<Int>]
        var current: Int?

        /// The first match that ends after character `index` (a binary search: a row of a
        /// long paragraph never walks all its matches).
        func first(endingAfter index: Int) -> Int {
            var low = 0, high = ranges.count
            while low < high {
                let mid = (low + high) / 2
                if ranges[mid].upperBound <= index { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }

    private static func draw(_ row: TranscriptRow, shownIndex: Int, state: ReaderState, episode: Episode,
                             geometry: TranscriptGeometry, rect: Rect, y: Int,
                             highlights: inout [WrapCache.ParagraphKey: Highlights], grid: inout Grid) {
        let theme = state.theme
        switch row {
        case .blank:
            return
        case let .section(title):
            let rule = "── \(title) " + String(repeating: "─", count: max(0, rect.width))
            grid.put(rule, x: rect.x + 1, y: y, limit: rect.width - 2, style: theme.section)
        case let .header(utterance):
            gutter(state, episode, utterance, shownIndex, rect, y, &grid)
            let u = episode.utterances[utterance]
            var x = rect.x + 1
            x += grid.put(time(u), x: x, y: y, limit: rect.width - 1, style: theme.timestamp) + 1
            let speaker = episode.speaker(of: u)
            grid.putTruncated(speaker.displayName, x: x, y: y, limit: max(0, rect.x + rect.width - x - 1),
                              style: state.colors.style(for: speaker, mode: theme.mode))
        case let .line(utterance, paragraph, start, range, first):
            gutter(state, episode, utterance, shownIndex, rect, y, &grid)
            if first {
                let u = episode.utterances[utterance]
                let t = time(u)
                let tx = rect.x + 1 + max(0, geometry.timeWidth - t.count)
                grid.put(t, x: tx, y: y, limit: geometry.timeWidth, style: theme.timestamp)
                let speaker = episode.speaker(of: u)
                grid.putTruncated(speaker.displayName, x: rect.x + 1 + geometry.timeWidth + 2, y: y, limit: geometry.nameWidth,
                                  style: state.colors.style(for: speaker, mode: theme.mode))
            }
            guard !range.isEmpty else { return }
            let key = WrapCache.ParagraphKey(utterance: utterance, paragraph: paragraph)
            if highlights[key] == nil {
                highlights[key] = matches(state, utterance: utterance, shownIndex: shownIndex, paragraph: paragraph, episode: episode)
            }
            let marks = highlights[key] ?? Highlights(ranges: [], current: nil)
            var mark = marks.first(endingAfter: start.offset)
            let spoken = state.spoken(utterance)
            let cue = spoken.flatMap { $0.paragraph == paragraph ? $0.characters : nil }
            grid.put(episode.units(of: row), x: rect.x + geometry.indent, y: y, limit: geometry.textWidth) { unit in
                while mark < marks.ranges.count, marks.ranges[mark].upperBound <= unit.source { mark += 1 }
                if mark < marks.ranges.count, marks.ranges[mark].contains(unit.source) {
                    return mark == marks.current ? theme.currentMatch : theme.match
                }
                if unit.isPlaceholder { return theme.placeholder }
                if let cue, cue.contains(unit.source) { return theme.spokenCue }
                if unit.isAside { return theme.aside }
                return spoken != nil ? theme.spoken : theme.text
            }
        }
    }

    private static func time(_ utterance: Utterance) -> String {
        utterance.timestamp.isEmpty ? "·" : TimeFormat.clock(utterance.start)
    }

    /// A bar in the speaker's colour beside the utterance the reader is at; a thin one
    /// beside the rest of a range marked with `v`.
    private static func gutter(_ state: ReaderState, _ episode: Episode, _ utterance: Int, _ shownIndex: Int,
                               _ rect: Rect, _ y: Int, _ grid: inout Grid) {
        if state.spoken(utterance) != nil {
            grid.put("▶", x: rect.x, y: y, style: state.theme.playing)
            return
        }
        if shownIndex != state.current, let mark = state.mark, let here = state.currentUtterance,
           (min(mark, here)...max(mark, here)).contains(utterance) {
            grid.put("┃", x: rect.x, y: y, style: state.theme.statusAccent)
        }
        guard shownIndex == state.current else { return }
        let speaker = episode.speaker(of: episode.utterances[utterance])
        var style = state.colors.style(for: speaker, mode: state.theme.mode)
        style.underline = false
        grid.put("▌", x: rect.x, y: y, style: style)
    }

    /// Search matches in one paragraph, as character ranges, and which of them is the current one.
    private static func matches(_ state: ReaderState, utterance: Int, shownIndex: Int, paragraph: Int,
                                episode: Episode) -> Highlights {
        guard let search = state.search, !search.matches.isEmpty else { return Highlights(ranges: [], current: nil) }
        let text = episode.utterances[utterance].paragraphs[paragraph]
        let ranges = state.wraps.matches(of: search.pattern, caseSensitive: search.caseSensitive, episode: state.shownVersion,
                                         utterance: utterance, paragraph: paragraph, text: text)
        let current = search.current.map { search.matches[$0] }
        let isHere = current.map { $0.index == shownIndex && $0.paragraph == paragraph } ?? false
        return Highlights(ranges: ranges, current: isHere ? current?.occurrence : nil)
    }
}
