import Foundation
import Testing
@testable import TranscriptKit

/// The 22 published episodes in ../shared/corpus. Expected figures were counted with grep,
/// not with podread:
///   utterances: grep -c '^\[[0-9]' FILE      (021 has one more: the untimed paragraph after [ANNOUNCER])
///   tags:       grep -oE '^\[[0-9][0-9:.]*\]?[]:.0-9]* *[A-Za-z]+' FILE | sed -E 's/^[^A-Za-z]*//' | tr a-z A-Z | sort -u
///   duration:   the largest timestamp in the file (grep '^\[[0-9]' FILE | sort)
@Suite(.enabled(if: Fixture.hasSharedCorpus, "../shared/corpus is absent: real-corpus tests skipped"))
struct RealCorpusTests {
    struct Expected {
        let file: String
        let number: Int
        let utterances: Int
        let tags: String
        let duration: String
    }

    static let expected: [Expected] = [
        .init(file: "001-cloud-native.md", number: 1, utterances: 145, tags: "ANNOUNCER CC DC JR KN NL", duration: "0:49:52"),
        .init(file: "002-container-orchestration.md", number: 2, utterances: 236, tags: "ANNOUNCER CC JR NL", duration: "0:46:58"),
        .init(file: "003-why-api-contracts-are-important.md", number: 3, utterances: 66, tags: "ANNOUNCER CC D J PB", duration: "0:35:49"),
        .init(file: "004-observability.md", number: 4, utterances: 116, tags: "ANNOUNCER CC CN DC KN", duration: "0:44:08"),
        .init(file: "005-cloud-native-infrastructure.md", number: 5, utterances: 92, tags: "ANNOUNCER CC DC KN NL", duration: "0:51:13"),
        .init(file: "006-joe-beda.md", number: 6, utterances: 75, tags: "ANNOUNCER BL CC JB MG", duration: "0:46:55"),
        .init(file: "007-kubernetes-as-per-kelsey-hightower.md", number: 7, utterances: 86, tags: "ANNOUNCER BL CC DC KH MG", duration: "0:55:46"),
        .init(file: "008-disaster-and-recovery.md", number: 8, utterances: 74, tags: "ANNOUNCER BL CC JR KN OP", duration: "0:50:00"),
        .init(file: "009-stateful-and-stateless.md", number: 9, utterances: 110, tags: "ANNOUNCER BL BM CC CCC D DCC JR JS NL", duration: "0:50:00"),
        .init(file: "010-dichotomy-of-security.md", number: 10, utterances: 73, tags: "ANNOUNCER BM CC DC NL", duration: "0:43:54"),
        .init(file: "011-ci-and-cd-in-cloud-native.md", number: 11, utterances: 78, tags: "ANNOUNCER BL JH NL", duration: "0:42:50"),
        .init(file: "012-learning-distributed-systems.md", number: 12, utterances: 90, tags: "ANNOUNCER CC DC MG", duration: "0:46:43"),
        .init(file: "013-kubernetes-as-per-craig-mcluckie.md", number: 13, utterances: 45, tags: "ANNOUNCER CC CM DC DM JR", duration: "0:46:31"),
        .init(file: "014-jobs-in-cloud-native.md", number: 14, utterances: 131, tags: "ANNOUNCER BL CC NL", duration: "0:48:14"),
        .init(file: "015-the-network.md", number: 15, utterances: 107, tags: "ANNOUNCER DC JS NL NNL SL", duration: "0:52:59"),
        .init(file: "016-cloud-native-apps.md", number: 16, utterances: 73, tags: "ANNOUNCER BL CC JR NL", duration: "0:41:07"),
        .init(file: "017-keeping-up-with-cloud-native.md", number: 17, utterances: 94, tags: "ANNOUNCER CC DC JR M MICHAEL OP", duration: "0:50:28"),
        .init(file: "018-should-i-kubernetes.md", number: 18, utterances: 69, tags: "ANNOUNCER BL CC DC JR", duration: "0:46:03"),
        .init(file: "019-application-transformation.md", number: 19, utterances: 80, tags: "ANNOUNCER CC CU DC JR OP SA", duration: "0:45:17"),
        .init(file: "020-kubernetes-operating-systems.md", number: 20, utterances: 69, tags: "ANNOUNCER AR BL CC JS TG", duration: "0:35:05"),
        .init(file: "021-kubernetes-sucks-yes-no.md", number: 21, utterances: 58, tags: "ANNOUNCER CC DC EK MG", duration: "0:47:31"),
        .init(file: "022-orchestrators-and-runtimes.md", number: 22, utterances: 70, tags: "ANNOUNCER DC JR MG OP", duration: "0:41:22"),
    ]

    static let corpus: Corpus = try! CorpusLoader.load(directory: Fixture.sharedCorpus)
    /// Every episode whole.
    static let episodes = corpus.transcripts()

    @Test func allEpisodesLoadInOrder() {
        #expect(Self.corpus.episodes.count == 22)
        #expect(Self.episodes.map { ($0.file as NSString).lastPathComponent } == Self.expected.map(\.file))
    }

    @Test(arguments: expected)
    func countsMatchGrep(_ expected: Expected) throws {
        let episode = try #require(Self.episodes.first { $0.file.hasSuffix("/" + expected.file) })
        #expect(episode.number == expected.number)
        #expect(episode.utterances.count == expected.utterances)
        #expect(episode.speakers.map(\.tag).sorted().joined(separator: " ") == expected.tags)
        #expect(TimeFormat.longClock(episode.duration) == expected.duration)
        #expect(episode.errorCount == 0)
        #expect(!episode.title.isEmpty)
    }

    func episode(_ number: Int) -> Episode { Self.episodes.first { $0.number == number }! }
    func speaker(_ tag: String, _ number: Int) -> Speaker? { episode(number).speakers.first { $0.tag == tag } }

    @Test func irregularitiesAreReportedWithLines() {
        let lines = Self.corpus.allDiagnostics.map { "\(($0.file as NSString).lastPathComponent):\($0.line)" }
        // Each found by reading the files (see the corpus README).
        #expect(lines.contains("005-cloud-native-infrastructure.md:120"))   // NL without ':'
        #expect(lines.contains("015-the-network.md:199"))                    // [0:19:19.6]:19.3] NNL:
        #expect(lines.contains("018-should-i-kubernetes.md:180"))            // [0:13:32.9 DC:
        #expect(lines.contains("014-jobs-in-cloud-native.md:95") == false)   // two spaces before a tag is fine
        #expect(lines.contains("002-container-orchestration.md:113"))        // intro repeated: time goes back
    }

    @Test func speakerTagsResolveAsAPersonWould() {
        #expect(speaker("KN", 1)?.name == "Kris Nóva")
        #expect(speaker("KN", 1)?.isCertain == true)
        #expect(speaker("D", 3)?.name == "Duffie Cooley")
        #expect(speaker("J", 3)?.name == "Josh Rosso")
        #expect(speaker("MICHAEL", 17)?.name == "Michael Gasch")
        #expect(speaker("M", 17)?.name == "Michael Gasch")
        #expect(speaker("EK", 21)?.name == "Ellen Körbes")
        #expect(speaker("EK", 21)?.role == .guest)
        #expect(speaker("BL", 14)?.name == "Bryan Liles")
        // Guests only named in the notes or title: guesses.
        #expect(speaker("JB", 6)?.name == "Joe Beda")
        #expect(speaker("JB", 6)?.isCertain == false)
        #expect(speaker("KH", 7)?.name == "Kelsey Hightower")
        #expect(speaker("CM", 13)?.name == "Craig McLuckie")
        #expect(speaker("JH", 11)?.name == "John Harris")
        // CN says "I'm Kris Nova" in episode 4.
        #expect(speaker("CN", 4)?.name == "Kris Nóva")
        // Jed Salazar introduces himself in episode 20.
        #expect(speaker("JS", 20)?.name == "Jed Salazar")
        // Typos.
        #expect(speaker("BM", 10)?.name == "Bryan Liles")
        #expect(speaker("DCC", 9)?.name == "Duffie Cooley")
        #expect(speaker("CCC", 9)?.name == "Carlisia Thompson")
        // CC is Carlisia everywhere, never stated by the front matter: always a guess.
        for number in 1...22 {
            if let cc = speaker("CC", number) {
                #expect(cc.name == "Carlisia Thompson", "episode \(number)")
                #expect(!cc.isCertain)
            }
        }
    }
}
