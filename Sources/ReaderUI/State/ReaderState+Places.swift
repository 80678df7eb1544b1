import TranscriptKit

/// A place in the corpus to go back to: an episode (by file name) and where in it.
struct Place: Equatable, Sendable {
    var file: String
    var position: ReadingPosition?
}

extension ReaderState {
    /// Notes where the reader is before following a related episode, a search result, a
    /// bookmark or `:`, so Backspace (or Ctrl-O) comes back.
    mutating func leaveMark() {
        guard let episode else { return }
        let position = currentUtterance.map { ReadingPosition(utterance: $0, time: episode.utterances[$0].start) }
        let place = Place(file: Self.fileName(episode.file), position: position)
        if cameFrom.last != place { cameFrom.append(place) }
        if cameFrom.count > 100 { cameFrom.removeFirst() }
    }

    /// Backspace, Ctrl-O: back where the reader was before the last jump elsewhere.
    mutating func goBack() {
        guard let place = cameFrom.popLast() else {
            message = StatusMessage(text: "nowhere to go back to (Backspace returns after a related episode, a search result, a bookmark or :)", isError: false)
            return
        }
        guard let index = corpus.episodes.firstIndex(where: { Self.fileName($0.file) == place.file }) else {
            message = StatusMessage(text: "\(place.file) is no longer in the corpus", isError: true)
            return
        }
        focus = .transcript
        open(episode: index, then: place.position.map { [.restore($0)] } ?? [])
        keepListCursorVisible()
    }

    /// The episode whose number is written `text` (`15`), if any: in a library, of the
    /// show of episode `near` if it has one (each show numbers its own episodes).
    func episodeIndex(numbered text: String, near: Int) -> Int? {
        firstEpisode(near: near) { $0.number.map(String.init) == text }
    }

    /// The first episode that `matches`, looked for in the show of episode `near` first.
    func firstEpisode(near: Int, where matches: (EpisodeSummary) -> Bool) -> Int? {
        let episodes = corpus.episodes
        if episodes.indices.contains(near), let show = episodes[near].show,
           let index = episodes.firstIndex(where: { $0.show == show && matches($0) }) {
            return index
        }
        return episodes.firstIndex(where: matches)
    }

    /// `:` — an episode number (`15`) or a time (`20:32`, `+2m`). A plain number is an
    /// episode when one has that number, else seconds.
    mutating func goTo(_ input: String) {
        let text = input.trimmingCharacters(in: .whitespaces)
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if digits.allSatisfy(\.isASCII), let index = episodeIndex(numbered: digits, near: episodeIndex) {
            leaveMark()
            focus = .transcript
            open(episode: index)
            keepListCursorVisible()
            message = StatusMessage(text: "opened #\(digits) \(corpus.episodes[index].title)", isError: false)
        } else if text.hasPrefix("#") {
            message = StatusMessage(text: "no episode \(text)", isError: true)
        } else {
            jump(to: text)
        }
    }
}
