/// What listing, statistics and search need of an episode without its transcript: the
/// front matter's identity, people and links, the speakers (resolved across the corpus),
/// counts, duration and diagnostics. `Corpus.episodes` holds these; `Corpus.transcript(of:)`
/// reads the whole `Episode`, which holds its summary.
public struct EpisodeSummary: Sendable {
    /// Path of the file as given to the loader.
    public var file: String
    public var id = ""
    public var number: Int?
    public var title = ""
    public var hosts: [Person] = []
    public var guests: [Person] = []
    public var video: String?
    public var related: [String] = []
    /// `date` of other shows' front matter, as written.
    public var date: String?
    /// `media` of other shows' front matter: the episode's page or audio.
    public var media: String?
    /// `speakers` of other shows' front matter: people who speak, with no role given.
    public var people: [Person] = []
    /// `season` (a feed's `podcast:season`).
    public var season: Int?
    /// Where the episode's audio is: `audio`, else the `url` of `enclosure` (a feed's).
    public var audio: String?
    /// Why a page of front matter only has no transcript, when it says (`transcript: none`
    /// or `pending`, as a feed's item without one is written): it is listed for its notes,
    /// and is not a page whose transcript is missing by mistake.
    public var missingTranscript: MissingTranscript?

    public enum MissingTranscript: String, Sendable {
        /// The feed gives none.
        case notInFeed = "none"
        /// The feed links one that has not been fetched yet.
        case pending
    }
    /// The folder of the episode's show when the corpus is a library of shows (see
    /// `ShowInfo`); nil in a folder of episodes.
    public var show: String?
    /// One entry per distinct normalised tag, in order of first appearance.
    public var speakers: [Speaker] = []
    public var diagnostics: [Diagnostic] = []
    /// Line of each related id in the front matter, for diagnostics.
    var relatedLines: [String: Int] = [:]
    /// What speaker resolution needs from the transcript, and each speaker's utterance count.
    public var evidence = SpeakerEvidence()
    /// Seconds to the end of the last cue when the file gives ends, else to the largest
    /// timestamp. Stored so screens can show it every frame for free.
    public var duration: Double = 0
    /// How the file was read.
    public internal(set) var reading = TranscriptReading(format: .episodePage)
    /// The other files of this episode (the same name in other formats), not read.
    public internal(set) var otherFiles: [String] = []
    /// A Podcasting 2.0 chapters file of the same name, read as sections.
    public internal(set) var chaptersFile: String?

    public init(file: String) {
        self.file = file
    }

    /// True when the file names its speakers (every format but the episode page): tags are names.
    public var speakersNamed: Bool { reading.format != .episodePage }

    /// Number of utterances per speaker index (none known before the transcript was read).
    public var utteranceCounts: [Int] {
        evidence.utteranceCounts.count == speakers.count ? evidence.utteranceCounts : Array(repeating: 0, count: speakers.count)
    }

    public var utteranceCount: Int { utteranceCounts.reduce(0, +) }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
}
