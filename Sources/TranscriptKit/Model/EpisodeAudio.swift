import Foundation

/// Where an episode's audio is, in this order: a file beside the episode with its name
/// and an audio extension, the `audio` or `enclosure` of its front matter or sidecar (feeds
/// fill it), then its video link (a player with yt-dlp plays it).
public enum EpisodeAudio {
    public static let extensions = ["mp3", "m4a", "ogg", "opus", "wav", "flac"]

    public static func source(of episode: EpisodeSummary,
                              isFile: (String) -> Bool = { FileManager.default.isReadableFile(atPath: $0) }) -> String? {
        let stem = String(TranscriptFile.stemPath(of: episode.file))
        for ext in extensions {
            for candidate in [stem + "." + ext, stem + "." + ext.uppercased()] where isFile(candidate) { return candidate }
        }
        if let audio = episode.audio, !audio.isEmpty { return audio }
        if let video = episode.video, !video.isEmpty { return video }
        return nil
    }

    /// What to say when an episode has no audio.
    public static let missing = "no audio for this episode: put a file of its name beside it (.mp3, .m4a, .ogg, .opus, .wav or .flac), or give it an audio: address"
}
