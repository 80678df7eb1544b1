/// Someone named in the front matter (`hosts`, `guests`), or a named link.
public struct Person: Hashable, Sendable, Codable {
    public var name: String
    public var url: String?

    public init(name: String, url: String? = nil) {
        self.name = name
        self.url = url
    }
}

public typealias Link = Person
