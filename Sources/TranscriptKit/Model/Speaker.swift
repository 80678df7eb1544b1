/// Who a speaker tag stands for in one episode.
public struct Speaker: Hashable, Sendable, Codable {
    public enum Role: String, Sendable, Codable {
        case host, guest, announcer, unknown
    }

    /// The tag normalised for comparison: upper case, letters only (`BL :` → `BL`).
    public var tag: String
    /// The name shown to the user; the tag itself when nobody matched.
    public var name: String
    public var role: Role
    /// False when the name is a guess (from notes, other episodes, self-introductions, near-misses).
    public var isCertain: Bool
    /// How the name was found, in words a user understands.
    public var reason: String

    public init(tag: String, name: String, role: Role, isCertain: Bool, reason: String) {
        self.tag = tag
        self.name = name
        self.role = role
        self.isCertain = isCertain
        self.reason = reason
    }

    /// The name as it should be presented: a guess is never shown as certain.
    public var displayName: String { isCertain || role == .unknown ? name : name + "?" }
}
