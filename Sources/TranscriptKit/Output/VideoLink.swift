import Foundation

/// Where to watch an episode's video from a given moment. Front matter gives an embed URL
/// (`https://www.youtube.com/embed/ID`); a browser wants the watch page with a start time.
public enum VideoLink {
    /// The watch URL at `seconds` (whole seconds), or nil when `video` is not an http(s)
    /// URL: the link comes from a file, and nothing else may be handed to a browser.
    /// Longer links are refused: browsers and `xdg-open` do not take them whole.
    public static let longest = 2048

    public static func watchURL(_ video: String, at seconds: Double) -> String? {
        guard let text = webAddress(video), var parts = URLComponents(string: text),
              let host = parts.host?.lowercased() else { return nil }
        let t = Int(TimeFormat.clamped(seconds))
        let path = parts.path.split(separator: "/").map(String.init)
        if host.hasSuffix("youtube.com") || host.hasSuffix("youtube-nocookie.com") {
            if path.count == 2, path[0] == "embed" || path[0] == "live" || path[0] == "shorts" {
                return "https://www.youtube.com/watch?v=\(path[1])&t=\(t)s"
            }
            if path == ["watch"] {
                parts.queryItems = (parts.queryItems ?? []).filter { $0.name != "t" && $0.name != "start" } + [URLQueryItem(name: "t", value: "\(t)s")]
                return parts.string
            }
        }
        if host == "youtu.be", path.count == 1 {
            return "https://youtu.be/\(path[0])?t=\(t)"
        }
        if host == "player.vimeo.com", path.count == 2, path[0] == "video" {
            return "https://vimeo.com/\(path[1])#t=\(t)s"
        }
        // Anything else, e.g. a video file: a media fragment, which players honour.
        parts.fragment = "t=\(t)"
        return parts.string
    }

    /// `text` when it is an http(s) address with a host, no spaces or controls, at most
    /// `longest` bytes: the only links podread hands to a browser.
    public static func webAddress(_ text: String) -> String? {
        let text = text.trimmedWhitespace
        guard text.utf8.count <= longest,
              !text.unicodeScalars.contains(where: { $0.value <= 0x20 || OutputText.isControl($0) || OutputText.isInvisible($0) }),
              let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = parts.host, !host.isEmpty
        else { return nil }
        return text
    }
}
