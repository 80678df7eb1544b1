import TranscriptKit

extension ReaderState {
    /// The current utterance as a quote: `"…" — Speaker, Episode title, 22:55`, with no
    /// control characters (they become placeholders, as in every export).
    var quote: String? {
        guard let episode, let index = currentUtterance else { return nil }
        let utterance = episode.utterances[index]
        let text = utterance.paragraphs.joined(separator: " ")
        let time = utterance.timestamp.isEmpty ? "" : ", " + TimeFormat.clock(utterance.start)
        return OutputText.forData("\"\(text)\" — \(episode.speaker(of: utterance).displayName), \(episode.title)\(time)")
    }

    /// `y`: the quote to the clipboard (the program copies; `.copied` says how).
    mutating func copyQuote() {
        guard let quote, let episode, let index = currentUtterance else {
            message = StatusMessage(text: "nothing to copy here", isError: true)
            return
        }
        let utterance = episode.utterances[index]
        outbox.append(.copy(quote, what: "the quote of \(episode.speaker(of: utterance).displayName) at \(TimeFormat.clock(utterance.start))"))
    }
}

extension ReaderState {
    /// `v`: the current utterance starts a range (`Y` copies it); again on it, no range.
    mutating func markRange() {
        guard let episode, let index = currentUtterance else { return }
        if mark == index {
            mark = nil
            message = StatusMessage(text: "mark removed", isError: false)
        } else {
            mark = index
            message = StatusMessage(text: "marked \(TimeFormat.clock(episode.utterances[index].start)): move to the end of the range and press Y", isError: false)
        }
    }

    /// The utterances from the mark to the current one (either way round), shown ones only.
    var markedRange: [Int] {
        guard let mark, let here = currentUtterance else { return [] }
        let range = min(mark, here)...max(mark, here)
        return shown.filter { range.contains($0) }
    }

    /// `Y`: the marked range as lines `[20:32] Speaker: text`, then `— Episode title`.
    mutating func copyRange() {
        guard let episode, mark != nil else {
            message = StatusMessage(text: "no range: v marks where it starts, then Y copies to here", isError: true)
            return
        }
        let indexes = markedRange
        let lines = indexes.map { index -> String in
            let utterance = episode.utterances[index]
            let time = utterance.timestamp.isEmpty ? "" : "[\(TimeFormat.clock(utterance.start))] "
            return "\(time)\(episode.speaker(of: utterance).displayName): \(utterance.paragraphs.joined(separator: " "))"
        }
        let text = (lines + ["— \(episode.title)"]).map { OutputText.forData($0) }.joined(separator: "\n")
        outbox.append(.copy(text, what: "\(indexes.count) utterance(s)"))
    }
}
