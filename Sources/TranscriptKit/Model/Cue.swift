/// One timed piece of an utterance as the file gave it: a WebVTT or SubRip cue, a JSON
/// segment, a paragraph with its own time. It is a range of one of the utterance's
/// paragraphs, so search and reading see whole paragraphs while export and playback still
/// have every cue with its own times.
public struct Cue: Hashable, Sendable {
    public var start: Double
    /// Nil when the file gives no end (HTML, Markdown).
    public var end: Double?
    /// Index into the utterance's `paragraphs`.
    public var paragraph: Int
    /// UTF-8 offsets of the cue's text in that paragraph.
    public var range: Range<Int>
    /// UTF-8 offsets (in the paragraph) of the spaces that were line breaks in the cue.
    public var lineBreaks: [Int]
    /// 1-based line of the cue's time in the file.
    public var line: Int

    public init(start: Double, end: Double?, paragraph: Int, range: Range<Int>, lineBreaks: [Int] = [], line: Int) {
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.range = range
        self.lineBreaks = lineBreaks
        self.line = line
    }
}

extension Utterance {
    /// The cue's text as the lines the file had.
    public func lines(of cue: Cue) -> [String] {
        guard paragraphs.indices.contains(cue.paragraph) else { return [] }
        let text = paragraphs[cue.paragraph]
        let utf8 = text.utf8
        guard cue.range.upperBound <= utf8.count else { return [] }
        // Offsets are at spaces, so every cut is on a character boundary.
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var lines: [String] = []
        var start = cue.range.lowerBound
        for split in cue.lineBreaks + [cue.range.upperBound] where split >= start && split <= cue.range.upperBound {
            if split > start { lines.append(String(text[index(start)..<index(split)])) }
            start = split + 1
        }
        return lines
    }

    /// When the utterance ends: its last cue's end, when the file gives ends.
    public var end: Double? { cues.compactMap(\.end).max() }

    /// The cue that holds UTF-8 offset `offset` of paragraph `paragraph`, if any.
    public func cueIndex(paragraph: Int, offset: Int) -> Int? {
        cues.lastIndex { $0.paragraph < paragraph || ($0.paragraph == paragraph && $0.range.lowerBound <= offset) }
    }
}

extension Utterance {
    /// Where each cue begins in `text`, in UTF-8 bytes (paragraphs are two bytes apart),
    /// with its start: enough to say where a match is spoken without the utterance.
    public var cueOffsets: [CueOffset] {
        var paragraphStarts: [Int] = []
        var offset = 0
        for paragraph in paragraphs {
            paragraphStarts.append(offset)
            offset += paragraph.utf8.count + 2
        }
        return cues.compactMap { cue in
            paragraphStarts.indices.contains(cue.paragraph)
                ? CueOffset(offset: paragraphStarts[cue.paragraph] + cue.range.lowerBound, start: cue.start) : nil
        }
    }
}

/// A cue's first byte in its utterance's text, and its start (see `Utterance.cueOffsets`).
public struct CueOffset: Hashable, Sendable {
    public var offset: Int
    public var start: Double

    public init(offset: Int, start: Double) {
        self.offset = offset
        self.start = start
    }

    /// The start of the cue that holds byte `offset` (the last to begin at or before it);
    /// `otherwise` when there is none.
    public static func start(at offset: Int, in cues: [CueOffset], otherwise: Double) -> Double {
        cues.last { $0.offset <= offset }?.start ?? otherwise
    }
}
