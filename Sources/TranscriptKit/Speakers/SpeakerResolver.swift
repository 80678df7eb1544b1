import Foundation

/// Decides who each speaker tag stands for. Hosts and guests of the episode itself give
/// certain names; everything else (people named in the notes, in other episodes, in
/// self-introductions, near-miss typos) gives guesses, never presented as certain.
public struct SpeakerResolver: Sendable {
    /// A person who might be behind a tag, with the forms tags are compared to, computed
    /// once (folding is the expensive part of resolution).
    struct Candidate: Sendable {
        var name: String
        var role: Speaker.Role
        var folded: String
        var initials: String
        var firstName: String
        var wholeName: String

        init(name: String, role: Speaker.Role) {
            self.name = name
            self.role = role
            folded = SpeakerTag.fold(name)
            let words = SpeakerTag.words(of: name)
            initials = String(words.compactMap(\.first))
            firstName = words.first ?? ""
            wholeName = words.joined()
        }

        /// The keys under which a tag finds this person.
        var keys: Set<String> { [initials, firstName, wholeName, firstName.first.map { "1:" + String($0) } ?? ""] }
    }

    let overrides: SpeakerOverrides
    /// Hosts and guests of every episode, once each, looked up by `Candidate.keys`.
    private var corpusPeople: [String: [Candidate]] = [:]

    init(casts: [[Candidate]], overrides: SpeakerOverrides) {
        self.overrides = overrides
        var seen = Set<String>()
        for cast in casts {
            for person in cast where seen.insert(person.folded).inserted {
                for key in person.keys where !key.isEmpty { corpusPeople[key, default: []].append(person) }
            }
        }
    }

    /// People of other episodes a tag could stand for (by the same rules as `matches`).
    private func corpusCandidates(for tag: String) -> [Candidate] {
        tag.count == 1 ? corpusPeople["1:" + tag] ?? [] : corpusPeople[tag] ?? []
    }

    /// Resolves every episode; tags still unexplained after the first pass are matched
    /// with how the same tag was resolved in other episodes, then with near-miss rules.
    public static func resolve(_ episodes: inout [Episode], overrides: SpeakerOverrides = SpeakerOverrides()) {
        for index in episodes.indices { episodes[index].refreshEvidence() }
        // The same people host many episodes: each name is folded once.
        var known: [String: Candidate] = [:]
        func candidate(_ person: Person, _ role: Speaker.Role) -> Candidate {
            if var hit = known[person.name] {
                hit.role = role
                return hit
            }
            let made = Candidate(name: person.name, role: role)
            known[person.name] = made
            return made
        }
        let casts = episodes.map { $0.hosts.map { candidate($0, .host) } + $0.guests.map { candidate($0, .guest) } }
        let resolver = SpeakerResolver(casts: casts, overrides: overrides)
        var unresolved = [[Int]](repeating: [], count: episodes.count)
        unresolved.withUnsafeMutableBufferPointer { left in
            nonisolated(unsafe) let left = left
            Self.eachConcurrently(&episodes) { index, episode in
                left[index] = resolver.firstPass(&episode, cast: casts[index])
            }
        }
        var usage: [String: [String: Int]] = [:]
        for episode in episodes {
            for speaker in episode.speakers where speaker.role != .unknown && speaker.role != .announcer {
                usage[speaker.tag, default: [:]][speaker.name, default: 0] += 1
            }
        }
        let (left, used) = (unresolved, usage)
        Self.eachConcurrently(&episodes) { index, episode in
            if !episode.speakersNamed { resolver.secondPass(&episode, cast: casts[index], unresolved: left[index], usage: used) }
        }
    }

    /// Runs `body` on every episode, on every core.
    private static func eachConcurrently(_ episodes: inout [Episode], _ body: @Sendable (Int, inout Episode) -> Void) {
        let before = episodes
        episodes = Concurrently.map(before.count) { index in
            var episode = before[index]
            body(index, &episode)
            return episode
        }
    }

    static func cast(of episode: Episode) -> [Candidate] {
        episode.hosts.map { Candidate(name: $0.name, role: .host) }
            + episode.guests.map { Candidate(name: $0.name, role: .guest) }
    }

    /// Exact rules: initials, whole first name, whole name, or a first-name initial.
    static func matches(_ tag: String, _ candidates: [Candidate]) -> [Candidate] {
        var found: [Candidate] = []
        for person in candidates where !person.firstName.isEmpty {
            let hit = person.initials == tag
                || (tag.count > 1 && (person.firstName == tag || person.wholeName == tag))
                || (tag.count == 1 && person.firstName.first.map(String.init) == tag)
            if hit, !found.contains(where: { $0.folded == person.folded }) {
                found.append(person)
            }
        }
        return found
    }

    /// Returns the indexes of speakers left unresolved.
    func firstPass(_ episode: inout Episode, cast: [Candidate]) -> [Int] {
        let castNames = Set(cast.map(\.folded))
        lazy var named = episode.evidence.namedInNotes
            .map { Candidate(name: $0, role: .guest) }
            .filter { !castNames.contains($0.folded) }
        func others(_ tag: String) -> [Candidate] { corpusCandidates(for: tag).filter { !castNames.contains($0.folded) } }
        var left: [Int] = []
        if episode.speakersNamed {
            nameFromFile(&episode, cast: cast)
            return []
        }

        for index in episode.speakers.indices {
            let tag = episode.speakers[index].tag
            func set(_ name: String, _ role: Speaker.Role, certain: Bool, _ reason: String) {
                episode.speakers[index] = Speaker(tag: tag, name: name, role: role, isCertain: certain, reason: reason)
            }
            if tag.isEmpty {
                set("?", .unknown, certain: false, "no speaker tag")
            } else if let entry = overrides.entry(for: tag, in: episode) {
                let role = entry.role ?? cast.first { $0.folded == SpeakerTag.fold(entry.name) }?.role ?? .guest
                set(entry.name, role, certain: true, "set in \(SpeakerOverrides.fileName)")
            } else if tag == "ANNOUNCER" {
                set("Announcer", .announcer, certain: true, "announcer")
            } else if let person = unique(Self.matches(tag, cast)) {
                set(person.name, person.role, certain: true, "\(person.role.rawValue) of this episode")
            } else if let person = Self.matches(tag, named).first {
                // Several people in the notes may share initials; the guest is introduced first.
                set(person.name, person.role, certain: false, "named in the title or show notes")
            } else if let person = unique(Self.matches(tag, others(tag))) {
                set(person.name, person.role, certain: false, "\(person.role.rawValue) in other episodes")
            } else if let person = selfIntroduction(of: index, in: episode, known: cast + named) {
                set(person.name, person.role, certain: false, "introduces themself in the transcript")
            } else {
                left.append(index)
            }
        }
        return left
    }

    /// Files that name their speakers: the name stands, unless `speakers.yaml` renames it
    /// (`SPEAKER_00: Aaron`, per episode as for tags); the episode's hosts and guests (by
    /// whole name, or a first name only one of them has) give roles. Anyone else's role is
    /// unknown: a file saying who speaks does not say who is a guest.
    private func nameFromFile(_ episode: inout Episode, cast: [Candidate]) {
        let people = cast + episode.people.map { Candidate(name: $0.name, role: .unknown) }
        for index in episode.speakers.indices {
            let parsed = episode.speakers[index]
            let written = parsed.tag
            func set(_ name: String, _ role: Speaker.Role, certain: Bool, _ reason: String) {
                episode.speakers[index] = Speaker(tag: written, name: name, role: role, isCertain: certain, reason: reason)
            }
            if written.isEmpty {
                set("?", .unknown, certain: false, parsed.reason)
            } else if let entry = overrides.entry(for: SpeakerTag.normalize(written), in: episode) {
                let role = entry.role ?? people.first { $0.folded == SpeakerTag.fold(entry.name) }?.role ?? .unknown
                set(entry.name, role, certain: true, "set in \(SpeakerOverrides.fileName)")
            } else if let person = people.first(where: { $0.folded == SpeakerTag.fold(written) }) {
                set(person.name, person.role, certain: parsed.isCertain, parsed.reason)
            } else if !written.contains(" "), let person = unique(people.filter({ $0.firstName == SpeakerTag.normalize(written) })) {
                set(person.name, person.role, certain: false, "the only \(person.role == .unknown ? "person" : person.role.rawValue) of this episode called \(written)")
            } else {
                set(written, .unknown, certain: parsed.isCertain, parsed.reason)
            }
        }
    }

    func secondPass(_ episode: inout Episode, cast: [Candidate], unresolved: [Int], usage: [String: [String: Int]]) {
        for index in unresolved {
            let tag = episode.speakers[index].tag
            var person: Candidate?
            var reason = ""
            let usedFor = (usage[tag] ?? [:]).keys.compactMap { name in
                cast.first { $0.folded == SpeakerTag.fold(name) }
            }
            if let hit = unique(usedFor) {
                (person, reason) = (hit, "'\(tag)' stands for them in other episodes")
            } else if let hit = unique(Self.matches(SpeakerTag.collapsingRepeats(tag), cast)), tag.count > 1 {
                (person, reason) = (hit, "'\(tag)' looks like a typo of their initials")
            } else if let hit = unique(cast.filter { $0.firstName.first == tag.first }) {
                (person, reason) = (hit, "the only one here whose name starts with '\(tag.prefix(1))'")
            }
            if let person {
                episode.speakers[index] = Speaker(tag: tag, name: person.name, role: person.role, isCertain: false, reason: reason)
            } else {
                episode.speakers[index] = Speaker(tag: tag, name: tag, role: .unknown, isCertain: false, reason: "matches nobody")
            }
        }
        reportUnexplained(&episode)
    }

    private func reportUnexplained(_ episode: inout Episode) {
        let firstLine = episode.evidence.firstLines
        for (index, speaker) in episode.speakers.enumerated() where !speaker.isCertain && !speaker.tag.isEmpty {
            let message = speaker.role == .unknown
                ? "speaker tag '\(speaker.tag)' matches nobody in hosts, guests, notes, other episodes or self-introductions; shown as '\(speaker.tag)'"
                : "speaker tag '\(speaker.tag)' is not explained by hosts or guests; guessed '\(speaker.name)' (\(speaker.reason))"
            episode.diagnostics.append(Diagnostic(file: episode.file, line: index < firstLine.count && firstLine[index] > 0 ? firstLine[index] : 1, severity: .warning, message: message))
        }
    }

    private func unique(_ candidates: [Candidate]) -> Candidate? {
        candidates.count == 1 ? candidates[0] : nil
    }

    private func selfIntroduction(of speakerIndex: Int, in episode: Episode, known: [Candidate]) -> Candidate? {
        let tag = episode.speakers[speakerIndex].tag
        guard speakerIndex < episode.evidence.introductions.count else { return nil }
        for name in episode.evidence.introductions[speakerIndex] {
            let introduced = Candidate(name: name, role: .guest)
            let everyone = known + corpusCandidates(for: introduced.initials)
            if let person = everyone.first(where: { $0.folded == introduced.folded }) { return person }
            if !name.contains(" "), let person = unique(known.filter({ $0.firstName == introduced.firstName })) {
                return person
            }
            if introduced.initials == tag { return introduced }
        }
        return nil
    }
}

/// Finds people's names in prose: "Joe Beda", "[Kelsey Hightower](…)", "I'm Kris Nova".
enum NameFinder {
    private static let word = #"[A-Z][\p{Ll}'’]+(?:[A-Z][\p{Ll}]+)?"#
    private static let fullName = try! NSRegularExpression(pattern: "\(word)(?: \(word)){1,2}")
    private static let intro = try! NSRegularExpression(
        pattern: #"(?:\bI['’]m|\bI am|\b[Mm]y name is|\b[Tt]his is)\s+("# + word + "(?: " + word + "){0,2})")
    private static let here = try! NSRegularExpression(pattern: "(\(word) \(word)) here\\b")
    private static let notNames: Set<String> = ["The", "This", "We", "Our", "In", "On", "Today", "It", "And", "But", "So", "If", "For", "With", "As", "At", "To", "A", "An", "Is", "I"]

    static func people(in texts: [String]) -> [String] {
        var result: [String] = []
        for text in texts {
            let range = NSRange(text.startIndex..., in: text)
            for match in fullName.matches(in: text, range: range) {
                guard let r = Range(match.range, in: text) else { continue }
                var words = text[r].split(separator: " ").map(String.init)
                while let first = words.first, notNames.contains(first) { words.removeFirst() }
                guard words.count >= 2 else { continue }
                let name = words.joined(separator: " ")
                if !result.contains(name) { result.append(name) }
            }
        }
        return result
    }

    /// Cheap test before the regexes: every introduction pattern has one of these words.
    static func mayIntroduce(_ paragraphs: [String]) -> Bool {
        paragraphs.contains { text in cues.contains { SearchText.contains($0, in: text) } }
    }

    private static let cues = ["I'm", "I’m", "I am", "name is", "his is", " here"]

    static func introductions(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        var names: [String] = []
        for regex in [intro, here] {
            for match in regex.matches(in: text, range: range) {
                if let r = Range(match.range(at: 1), in: text) { names.append(String(text[r])) }
            }
        }
        return names
    }
}
