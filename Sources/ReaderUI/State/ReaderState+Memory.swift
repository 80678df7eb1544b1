import Foundation
import TranscriptKit

/// A change to the reader's memory, made by the reader and written by the program.
public enum MemoryChange: Equatable, Sendable {
    /// An episode (file name) was left at this position; it is the last one read.
    case left(file: String, at: ReadingPosition)
    case added(Bookmark)
    case removed(Bookmark)
    /// An episode's transcript is spoken this much later than its times (nil: as written).
    case synced(file: String, shift: Double?)

    public func apply(to memory: inout ReaderMemory, corpus key: String) {
        switch self {
        case let .left(file, position):
            memory.corpora[key, default: ReaderMemory.CorpusMemory()].positions[file] = position
            memory.corpora[key, default: ReaderMemory.CorpusMemory()].lastEpisode = file
        case let .added(bookmark):
            if !memory.bookmarks.contains(bookmark) { memory.bookmarks.append(bookmark) }
        case let .removed(bookmark):
            memory.bookmarks.removeAll { $0 == bookmark }
        case let .synced(file, shift):
            memory.corpora[key, default: ReaderMemory.CorpusMemory()].syncShifts = {
                var shifts = memory.corpora[key]?.syncShifts ?? [:]
                shifts[file] = shift
                return shifts.isEmpty ? nil : shifts
            }()
        }
    }
}

extension ReaderState {
    static func fileName(_ file: String) -> String { (file as NSString).lastPathComponent }

    /// Takes what the memory holds for this corpus (`key`), and keeps it up to date from now on.
    mutating func remember(_ memory: ReaderMemory, key: String) {
        memoryKey = key
        bookmarks = memory.bookmarks.filter { $0.corpus == key }
        positions = memory.corpora[key]?.positions ?? [:]
        syncShifts = memory.corpora[key]?.syncShifts ?? [:]
        if let episode, let saved = positions[Self.fileName(episode.file)] {
            restore(saved)
            savedPlace = .left(file: Self.fileName(episode.file), at: saved)
        }
    }

    /// The last episode read in this corpus, from the memory.
    public static func lastEpisode(in memory: ReaderMemory, key: String, of corpus: Corpus) -> Int? {
        guard let file = memory.corpora[key]?.lastEpisode else { return nil }
        return corpus.episodes.firstIndex { fileName($0.file) == file }
    }

    /// Where the open episode is, as the memory keeps it.
    var place: MemoryChange? {
        guard memoryKey != nil, opening == nil, let episode, let utterance = currentUtterance else { return nil }
        let file = Self.fileName(episode.file)
        // Whole seconds: a place saved once a second while listening, not at every report.
        let audio = isListeningHere ? listening.map { $0.position.rounded(.down) }
            : positions[file].flatMap { $0.utterance == utterance ? $0.audio : nil }
        return .left(file: file, at: ReadingPosition(utterance: utterance, time: episode.utterances[utterance].start, audio: audio))
    }

    /// Saves where the open episode is, when that changed since it was last saved (or `again`).
    mutating func recordPosition(again: Bool = false) {
        guard let place, place != savedPlace || again, case let .left(file, position) = place else { return }
        positions[file] = position
        savedPlace = place
        save(place)
    }

    mutating func save(_ change: MemoryChange) {
        if case let .saveMemory(changes)? = outbox.last {
            outbox[outbox.count - 1] = .saveMemory(changes + [change])
        } else {
            outbox.append(.saveMemory([change]))
        }
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
        let bookmark = Bookmark(corpus: key, file: Self.fileName(episode.file),
                                position: ReadingPosition(utterance: utterance, time: episode.utterances[utterance].start),
                                note: note.trimmingCharacters(in: .whitespaces))
        bookmarks.append(bookmark)
        save(.added(bookmark))
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

    mutating func handleBookmarksKey(_ key: Key, _ window: inout BookmarkList, rows: Int) {
        let cursor = window.list.cursor
        switch key {
        case .escape, .char("q"), .char("'"):
            overlay = nil
            return
        case .char("d"), .delete:
            guard bookmarks.indices.contains(cursor) else { break }
            save(.removed(bookmarks.remove(at: cursor)))
            if bookmarks.isEmpty { overlay = nil; return }
            window.list.keepInView(count: bookmarks.count, height: rows)
        case .enter:
            guard bookmarks.indices.contains(cursor) else { break }
            let bookmark = bookmarks[cursor]
            overlay = nil
            guard let index = corpus.episodes.firstIndex(where: { Self.fileName($0.file) == bookmark.file }) else {
                message = StatusMessage(text: "\(bookmark.file) is no longer in the corpus", isError: true)
                return
            }
            leaveMark()
            focus = .transcript
            open(episode: index, then: [.restore(bookmark.position)])
            return
        default:
            _ = window.list.handle(key, count: bookmarks.count, height: rows)
        }
        overlay = .bookmarks(window)
    }
}
