import TranscriptKit

/// The episode list's rows in a library: each show's title above its listed episodes.
/// Made when the listed episodes change (a pass over them); rows and listed positions map
/// to each other by binary search, so a frame costs the rows it shows. Without shows there
/// are no headers and a row is a listed position.
struct ListSections: Equatable, Sendable {
    enum Row: Equatable {
        /// A show's title (the show's folder), not selectable.
        case header(show: String)
        /// `listed[position]`.
        case episode(position: Int)
    }

    /// For each header, in order: the listed position of the show's first episode, and its folder.
    private(set) var starts: [Int] = []
    private(set) var shows: [String] = []

    init() {}

    /// A header wherever the show changes; episodes of no show (the library's own, listed
    /// first) have none.
    init(listed: [Int], episodes: [EpisodeSummary]) {
        var previous: String?
        for (position, index) in listed.enumerated() {
            let show = episodes[index].show
            if let show, show != previous {
                starts.append(position)
                shows.append(show)
            }
            previous = show
        }
    }

    var headerCount: Int { starts.count }

    /// The row of listed position `position`: it, and the headers at or above it.
    func row(of position: Int) -> Int { position + headers(atOrBefore: position) }

    /// What row `row` shows (rows past the end are episodes past the end).
    func content(of row: Int) -> Row {
        // Header k is at row starts[k] + k, which grows with k: the last at or above `row`.
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] + mid <= row { low = mid + 1 } else { high = mid }
        }
        if low > 0, starts[low - 1] + low - 1 == row { return .header(show: shows[low - 1]) }
        return .episode(position: row - low)
    }

    /// The listed position on row `row`; for a header, the episode after it (`downward`)
    /// or before it (if any): a header always has its show's first episode under it.
    func position(near row: Int, downward: Bool) -> Int {
        switch content(of: row) {
        case let .episode(position): return position
        case .header:
            guard case let .episode(next) = content(of: row + 1) else { return 0 }
            return downward || next == 0 ? next : next - 1
        }
    }

    /// True when a header is right above listed position `position`.
    func hasHeader(above position: Int) -> Bool { headers(atOrBefore: position) > headers(atOrBefore: position - 1) }

    private func headers(atOrBefore position: Int) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= position { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
