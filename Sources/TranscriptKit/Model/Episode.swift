/// One episode page: its front matter, its transcript and what was wrong with it.
public struct Episode: Sendable {
    /// Path of the file as given to the loader.
    public var file: String
    public var id: String
    public var number: Int?
    public var title: String
    public var description: String
    public var notes: String
    public var hosts: [Person]
    public var guests: [Person]
    public var points: [String]
    public var links: [Link]
    public var video: String?
    public var related: [String]
    /// `date` of other shows' front matter, as written.
    public var date: String?
    /// `media` of other shows' front matter: the episode's page or audio.
    public var media: String?
    /// `speakers` of other shows' front matter: people who speak, with no role given.
    public var people: [Person] = []
    public var sections: [Section]
    public var utterances: [Utterance]
    /// One entry per distinct normalised tag, in order of first appearance.
    public var speakers: [Speaker]
    /// Text before the first utterance that is not a heading (kept, never dropped).
    public var preamble: [String]
    public var diagnostics: [Diagnostic]
    /// Line of each related id in the front matter, for diagnostics.
    var relatedLines: [String: Int] = [:]
    /// What speaker resolution needs from the transcript; kept in summaries.
    public var evidence = SpeakerEvidence()
    /// False for a summary: front matter, counts and diagnostics without the transcript,
    /// the notes or the points (see `Corpus.transcript(of:)`).
    public var hasTranscript = true
    /// True when the file names its speakers (every format but the episode page): tags are names.
    public var speakersNamed: Bool { reading.format != .episodePage }
    /// How the file was read.
    public internal(set) var reading = TranscriptReading(format: .episodePage)
    /// The other files of this episode (the same name in other formats), not read.
    public internal(set) var otherFiles: [String] = []
    /// A Podcasting 2.0 chapters file of the same name, read as sections.
    public internal(set) var chaptersFile: String?
    /// What a chapters file holds (its reading is `.chapters`).
    var chapters: [JSONTranscriptReader.Chapter] = []

    public init(file: String) {
        self.file = file
        id = ""
        number = nil
        title = ""
        description = ""
        notes = ""
        hosts = []
        guests = []
        points = []
        links = []
        video = nil
        related = []
        sections = []
        utterances = []
        speakers = []
        preamble = []
        diagnostics = []
    }

    /// Seconds to the end of the last cue when the file gives ends, else to the largest
    /// timestamp. Kept up to date by the parser; stored so screens can show it every frame for free.
    public var duration: Double = 0

    public func speaker(of utterance: Utterance) -> Speaker { speakers[utterance.speakerIndex] }

    /// Number of utterances per speaker index.
    public var utteranceCounts: [Int] {
        if evidence.utteranceCounts.count == speakers.count { return evidence.utteranceCounts }
        var counts = Array(repeating: 0, count: speakers.count)
        for u in utterances { counts[u.speakerIndex] += 1 }
        return counts
    }

    public var utteranceCount: Int { hasTranscript ? utterances.count : evidence.utteranceCounts.reduce(0, +) }

    /// The front matter fields of `other` and their diagnostics (after this episode's own).
    mutating func takeFrontMatter(of other: Episode) {
        id = other.id
        number = other.number
        title = other.title
        description = other.description
        notes = other.notes
        hosts = other.hosts
        guests = other.guests
        points = other.points
        links = other.links
        video = other.video
        related = other.related
        relatedLines = other.relatedLines
        date = other.date
        media = other.media
        people = other.people
        diagnostics += other.diagnostics
    }

    /// This episode without what only reading it needs (transcript, notes, points, links).
    public var summary: Episode {
        var copy = self
        copy.utterances = []
        copy.sections = []
        copy.preamble = []
        copy.description = ""
        copy.notes = ""
        copy.points = []
        copy.links = []
        copy.hasTranscript = false
        return copy
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
}
