import Foundation
import Yams

/// What `show.yaml` in a show's folder says of the show: a library (see
/// `CorpusLoader.showFolders(in:)`) is a folder of such folders, each a corpus of its own.
/// `podread add` writes it from the feed; a user may write one by hand.
public struct ShowInfo: Codable, Sendable, Equatable {
    public static let fileName = "show.yaml"

    public var title: String
    public var description: String?
    /// The show's web page.
    public var link: String?
    /// The feed the show is fetched from (`podread update`).
    public var feed: String?
    public var author: String?
    public var language: String?
    public var image: String?

    public init(title: String, description: String? = nil, link: String? = nil, feed: String? = nil,
                author: String? = nil, language: String? = nil, image: String? = nil) {
        (self.title, self.description, self.link, self.feed) = (title, description, link, feed)
        (self.author, self.language, self.image) = (author, language, image)
    }

    /// `show.yaml` of `folder`, or why it cannot be read (a diagnostic of that file).
    public static func read(folder: String) -> (show: ShowInfo?, problem: Diagnostic?) {
        let path = (folder as NSString).appendingPathComponent(fileName)
        func problem(_ line: Int, _ message: String) -> (ShowInfo?, Diagnostic?) {
            (nil, Diagnostic(file: path, line: line, severity: .error, message: message))
        }
        let text: String
        switch FileReader.read(path) {
        case let .success(bytes): text = String(decoding: bytes, as: UTF8.self)
        case let .failure(failure): return problem(1, failure.description)
        }
        if let hazard = YAMLGuard.problem(in: text) { return problem(1, "rejected: \(hazard)") }
        do {
            var show = try YAMLDecoder().decode(ShowInfo.self, from: text)
            if show.title.trimmedSpaces.isEmpty { show.title = (folder as NSString).lastPathComponent }
            return (show, nil)
        } catch let error as DecodingError {
            return problem(1, "not a show's fields (title:, description:, feed:): \(Self.reason(error))")
        } catch {
            let (line, message) = YAMLErrorText.describe(error)
            return problem(line, "not valid YAML: \(message)")
        }
    }

    /// The YAML `read(folder:)` reads.
    public func yaml() throws -> String { try YAMLEncoder().encode(self) }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, _): return "no '\(key.stringValue)'"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return field.isEmpty ? "not a set of 'key: value' lines" : "'\(field)' should be text"
        @unknown default: return "unreadable"
        }
    }
}
