import Foundation
import TranscriptKit

/// A change to the reader's memory, made by the reader and written by the program.
public enum MemoryChange: Equatable, Sendable {
    /// An episode (file name) was left at this position; it is the last one read.
    case left(file: String, at: ReadingPosition)
    case added(Bookmark)
    case removed(Bookmark)

    public func apply(to memory: inout ReaderMemory, corpus key: String) {
        switch self {
        case let .left(file, position):
            memory.corpora[key, default: ReaderMemory.CorpusMemory()].positions[file] = position
            memory.corpora[key, default: ReaderMemory.CorpusMemory()].lastEpisode = file
        case let .added(bookmark):
            if !memory.bookmarks.contains(bookmark) { memory.bookmarks.append(bookmark) }
        case let .removed(bookmark):
            memory.bookmarks.removeAll { $0 == bookmark }
        }
    }
}

extension ReaderState {
    static func fileName(_ episode: Episode) -> String { (episode.file as NSString).lastPathComponent }

    /// Takes what the memory holds for this corpus (`key`), and keeps it up to date from now on.
    public mutating func remember(_ memory: ReaderMemory, key: String) {
        memoryKey = key
        bookmarks = memory.bookmarks.filter { $0.corpus == key }
        positions = memory.corpora[key]?.positions ?? [:]
        if let episode, let saved = positions[Self.fileName(episode)] { restore(saved) }
    }

    /// Notes where the open episode is, to be written (on leaving it and on quitting).
    public mutating func recordPosition() {
        guard memoryKey != nil, let episode, let utterance = currentUtterance else { return }
        let position = ReadingPosition(utterance: utterance, time: episode.utterances[utterance].start)
        let file = Self.fileName(episode)
        positions[file] = position
        memoryChanges.append(.left(file: file, at: position))
    }

    /// Back at a saved place: the same utterance, or by its time if the file has changed since.
    mutating func restore(_ position: ReadingPosition) {
        guard let episode else { return }
        let fits = episode.utterances.indices.contains(position.utterance) && episode.utterances[position.utterance].start == position.time
        guard let utterance = fits ? position.utterance : episode.utteranceIndex(covering: position.time),
              let index = shownIndex(atOrBefore: utterance) else { return }
        showUtterance(at: index)
    }

    /// `m`, then Enter: a bookmark at the current utterance with the typed note.
    mutating func addBookmark(note: String) {
        guard let key = memoryKey, let episode, let utterance = currentUtterance else { return }
        let bookmark = Bookmark(corpus: key, file: Self.fileName(episode),
                                position: ReadingPosition(utterance: utterance, time: episode.utterances[utterance].start),
                                note: note.trimmingCharacters(in: .whitespaces))
        bookmarks.append(bookmark)
        memoryChanges.append(.added(bookmark))
        message = StatusMessage(text: "bookmarked \(TimeFormat.clock(bookmark.position.time)) in \(episode.title)", isError: false)
    }

    mutating func openBookmarks() {
        guard memoryKey != nil else {
            message = StatusMessage(text: "bookmarks are off (--no-state)", isError: true)
            return
        }
        guard !bookmarks.isEmpty else {
            message = StatusMessage(text: "no bookmarks yet: m adds one here", isError: false)
            return
        }
        overlay = .bookmarks(BookmarkList())
    }

    mutating func handleBookmarksKey(_ key: Key, _ list: inout BookmarkList) {
        switch key {
        case .escape, .char("q"), .char("'"):
            overlay = nil
            return
        case .down, .char("j"): list.cursor = min(bookmarks.count - 1, list.cursor + 1)
        case .up, .char("k"): list.cursor = max(0, list.cursor - 1)
        case .char("d"), .delete:
            guard bookmarks.indices.contains(list.cursor) else { break }
            memoryChanges.append(.removed(bookmarks.remove(at: list.cursor)))
            if bookmarks.isEmpty { overlay = nil; return }
            list.cursor = min(list.cursor, bookmarks.count - 1)
        case .enter:
            guard bookmarks.indices.contains(list.cursor) else { break }
            let bookmark = bookmarks[list.cursor]
            overlay = nil
            guard let index = corpus.episodes.firstIndex(where: { Self.fileName($0) == bookmark.file }) else {
                message = StatusMessage(text: "\(bookmark.file) is no longer in the corpus", isError: true)
                return
            }
            open(episode: index)
            restore(bookmark.position)
            focus = .transcript
            return
        default: break
        }
        overlay = .bookmarks(list)
    }
}
