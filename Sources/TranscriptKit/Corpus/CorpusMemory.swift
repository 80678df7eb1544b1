/// What earlier loads of a corpus kept, so that files unchanged since are not read again
/// (the library's database keeps it). Everything is kept under stamps the loader took
/// (`FileStamp`), and given back only for the same ones.
public protocol CorpusMemory: Sendable {
    /// The summaries kept of the files at `paths` (`folder`'s) as parsed (before speakers
    /// are resolved across episodes), each only if kept under the stamp given; nil for the others.
    func parsedSummaries(of paths: [String], in folder: String, stamps: [FileStamp?]) -> [EpisodeSummary?]
    /// Keeps `read` as parsed, each under its file's stamp, and forgets what was kept of
    /// `folder`'s files that are not in `paths` any more.
    func keepParsed(_ read: [(path: String, stamp: FileStamp, summary: EpisodeSummary)], folder: String, paths: [String])
    /// `folder`'s summaries as resolved, in file order, if they were kept for exactly
    /// `state` (`CorpusLoader.folderState`).
    func resolvedSummaries(of folder: String, state: String) -> [EpisodeSummary]?
    func keepResolved(_ summaries: [EpisodeSummary], of folder: String, state: String)
}
