import TranscriptKit

/// One screen row of the transcript pane.
public enum TranscriptRow: Equatable, Sendable {
    /// `── INTERVIEW ──` before the first shown utterance of a section.
    case section(String)
    /// Timestamp and name on a line of their own (narrow panes).
    case header(utterance: Int)
    /// A wrapped line of a paragraph: its display units are `range` of the paragraph's,
    /// made again from `start`; `first` marks the utterance's first line.
    case line(utterance: Int, paragraph: Int, start: UnitMark, range: Range<Int>, first: Bool)
    case blank
}

/// A place in the transcript: the `row`-th row of the `index`-th shown utterance.
public struct TranscriptPosition: Equatable, Sendable {
    public var index: Int
    public var row: Int

    public init(index: Int, row: Int) {
        self.index = index
        self.row = row
    }

    public static let start = TranscriptPosition(index: 0, row: 0)

    static func < (a: TranscriptPosition, b: TranscriptPosition) -> Bool { (a.index, a.row) < (b.index, b.row) }
}

/// Wrapped rows of utterances for one episode at one width, made on first use and kept,
/// so a frame costs the rows it shows, never the length of the transcript. A row keeps
/// where its units start, not the units (a few bytes per row, not per character).
final class WrapCache: @unchecked Sendable {

    private var key: (episode: Int, width: Int, hanging: Bool) = (-1, -1, false)
    private var entries: [Int: [TranscriptRow]] = [:]
    private var folded: [Bool: [Int: [String]]] = [:]
    private var foldedEpisode = -1
    private var matchKey = (episode: -1, pattern: "", caseSensitive: false)
    /// Per paragraph: the matches as character ranges, and as ranges of its display units.
    private var matchRanges: [ParagraphKey: [Range<Int>]] = [:]

    struct ParagraphKey: Hashable {
        var utterance: Int
        var paragraph: Int
    }

    func rows(episode: Int, utterance: Int, text: [String], width: Int, hanging: Bool) -> [TranscriptRow] {
        if key != (episode, width, hanging) {
            key = (episode, width, hanging)
            entries.removeAll(keepingCapacity: true)
        }
        if let cached = entries[utterance] { return cached }
        var rows: [TranscriptRow] = []
        if !hanging { rows.append(.header(utterance: utterance)) }
        for (p, paragraph) in text.enumerated() {
            for line in WordWrap.lines(of: paragraph, width: width) {
                rows.append(.line(utterance: utterance, paragraph: p, start: line.start, range: line.range,
                                  first: hanging && rows.isEmpty))
            }
        }
        if text.isEmpty, hanging { rows.append(.line(utterance: utterance, paragraph: 0, start: .start(of: ""), range: 0..<0, first: true)) }
        rows.append(.blank)
        entries[utterance] = rows
        return rows
    }

    /// Paragraphs folded for search (lower case unless `caseSensitive`, diacritics removed).
    func folded(episode: Int, utterance: Int, paragraphs: [String], caseSensitive: Bool) -> [String] {
        if foldedEpisode != episode {
            foldedEpisode = episode
            folded.removeAll()
        }
        if let hit = folded[caseSensitive]?[utterance] { return hit }
        let result = paragraphs.map { SearchText.fold($0, caseSensitive: caseSensitive) }
        folded[caseSensitive, default: [:]][utterance] = result
        return result
    }

    /// Character ranges of a search pattern in one paragraph, found once per pattern, so a
    /// frame does not search again what it shows again.
    func matches(of pattern: String, caseSensitive: Bool, episode: Int, utterance: Int, paragraph: Int, text: String) -> [Range<Int>] {
        if matchKey != (episode, pattern, caseSensitive) {
            matchKey = (episode, pattern, caseSensitive)
            matchRanges.removeAll()
        }
        let key = ParagraphKey(utterance: utterance, paragraph: paragraph)
        if let cached = matchRanges[key] { return cached }
        let ranges = SearchText.ranges(of: pattern, in: text, caseSensitive: caseSensitive)
        matchRanges[key] = ranges
        return ranges
    }
}

extension Episode {
    /// The display units a line row shows, made as they are drawn.
    func units(of row: TranscriptRow) -> DisplayUnits {
        guard case let .line(utterance, paragraph, start, range, _) = row, utterances.indices.contains(utterance),
              utterances[utterance].paragraphs.indices.contains(paragraph) else { return DisplayUnits("") }
        return DisplayUnits(utterances[utterance].paragraphs[paragraph], from: start, count: range.count)
    }
}
