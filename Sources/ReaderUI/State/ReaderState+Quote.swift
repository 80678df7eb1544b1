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
