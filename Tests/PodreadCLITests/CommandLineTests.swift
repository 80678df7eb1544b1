import Foundation
import Testing

@Suite struct CommandLineTests {
    typealias Object = [String: Any]

    /// `show --from --to`: the utterances from the one covering FROM to the last one that
    /// starts before TO (grep -o '^\[00:\(18\|19\|20\|21\):..\]' data/009…: 18:51 covers
    /// 20:00; 20:32 and 20:57 start before 21:00).
    @Test func showFromTo() throws {
        let text = try CLI.run(["show", "9", "--from", "20:00", "--to", "21:00"]).stdout
        let times = text.split(separator: "\n").compactMap { line in line.hasPrefix("[0:") ? String(line.prefix(9)) : nil }
        #expect(times == ["[0:18:51]", "[0:20:32]", "[0:20:57]"])
        let backwards = try CLI.run(["show", "9", "--from", "20:00", "--to", "19:00"])
        #expect(backwards.status == 64)
        #expect(backwards.stderr.hasPrefix("Error: --to 19:00 is not after --from 20:00"))
        #expect(try CLI.run(["--version"]).stdout == "podread 0.13.0\n")
    }

    /// Started where there is no ./data (and no --data, no PODREAD_DATA): how to point it at one.
    @Test func withoutACorpusItSaysHowToPointAtOne() throws {
        let empty = NSTemporaryDirectory() + "podread-nowhere-\(getpid())"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let result = try CLI.run(["list"], environment: ["PODREAD_DATA": ""], directory: empty)
        #expect(result.status == 1)
        #expect(result.stderr.contains("there is no ./data folder here"))
        #expect(result.stderr.contains("--data DIR, or set PODREAD_DATA=DIR"))
    }

    @Test func listDefaultsToTheShippedEpisode() throws {
        let list = try #require(try CLI.json(["list", "--json"]) as? [Object])
        #expect(list.count == 1)
        let episode = list[0]
        #expect(episode["file"] as? String == "data/009-stateful-and-stateless.md")
        #expect(episode["id"] as? String == "009-stateful-and-stateless-workloads")
        #expect(episode["number"] as? Int == 9)
        #expect(episode["title"] as? String == "Stateful and Stateless Workloads")
        // grep -c '^\[[0-9]' data/009-stateful-and-stateless.md
        #expect(episode["utterances"] as? Int == 110)
        // The last timestamp is [0:50:00.3].
        #expect(episode["duration"] as? Double == 3000.3)
        #expect((episode["hosts"] as? [String])?.count == 5)
        #expect((episode["guests"] as? [String]) == [])
        let speakers = try #require(episode["speakers"] as? [Object])
        let jr = try #require(speakers.first { $0["tag"] as? String == "JR" })
        #expect(jr["name"] as? String == "Josh Rosso")
        #expect(jr["role"] as? String == "host")
        #expect(jr["certain"] as? Bool == true)
        // grep -cE '^\[[0-9:.]+\] JR:' data/009-stateful-and-stateless.md
        #expect(jr["utterances"] as? Int == 20)
        #expect((episode["diagnostics"] as? Int ?? 0) > 0)
    }

    @Test func dataOptionBeatsEnvironmentWhichBeatsDefault() throws {
        let empty = NSTemporaryDirectory() + "podread-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let fromEnv = try #require(try CLI.json(["list", "--json"], environment: ["PODREAD_DATA": empty]) as? [Any])
        #expect(fromEnv.isEmpty)
        let fromOption = try #require(try CLI.json(["list", "--json", "--data", "data"], environment: ["PODREAD_DATA": empty]) as? [Any])
        #expect(fromOption.count == 1)
    }

    @Test(.enabled(if: CLI.hasSharedCorpus, "../shared/corpus is absent"))
    func listsTheWholeRealCorpus() throws {
        let result = try CLI.run(["list", "--data", CLI.sharedCorpus])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.count == 24)  // header, 22 episodes, summary
        #expect(rows[1].contains("Cloud Native"))
        #expect(rows[1].contains("145"))
        #expect(rows[22].contains("Orchestrators and Runtimes"))
        let list = try #require(try CLI.json(["list", "--json", "--data", CLI.sharedCorpus]) as? [Object])
        #expect(list.map { $0["number"] as? Int } == (1...22).map { $0 })
    }

    /// Columns line up as the terminal draws them: a CJK character takes two columns, and a
    /// right-to-left override is shown as a placeholder, never obeyed.
    @Test func listAlignsWideTitlesAndShowsBidiControls() throws {
        let dir = NSTemporaryDirectory() + "podread-wide-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let body = "\n[0:00:01] AB: Hello.\n"
        for (number, title) in [(1, "日本語の題"), (2, "Plain"), (3, "Evil \u{202E}gnp.exe")] {
            try Data("---\nepisode_number: \(number)\ntitle: \(title)\nhosts:\n  - name: Ann Bee\n---\n\(body)".utf8)
                .write(to: URL(fileURLWithPath: dir + "/00\(number).md"))
        }
        let rows = try CLI.run(["list", "--data", dir]).stdout.split(separator: "\n").map(String.init)
        #expect(!rows.joined().unicodeScalars.contains("\u{202E}"))
        #expect(rows[3].contains("Evil <U+202E>gnp.exe"))
        // Where "Ann Bee" starts, in columns: the five CJK characters count two each.
        func column(_ row: String) -> Int? {
            guard let range = row.range(of: "Ann Bee") else { return nil }
            return row[..<range.lowerBound].unicodeScalars.reduce(0) { $0 + ((0x3000...0x9FFF).contains($1.value) ? 2 : 1) }
        }
        let columns = rows[1...3].map(column)
        #expect(columns[0] != nil)
        #expect(Set(columns).count == 1, "\(rows)")
    }

    /// `export` in every format, with a speaker filter, to a file, and its errors.
    @Test func exportWritesEveryFormat() throws {
        // data/ has episode 9; its first utterance is [0:00:08.7] ANNOUNCER, then [0:00:41] JR.
        let vtt = try CLI.run(["export", "9", "--format", "vtt"])
        #expect(vtt.status == 0)
        #expect(vtt.stdout.hasPrefix("WEBVTT\n\n00:00:08.700 --> 00:00:41.000\n<v Announcer>Welcome to The Podlets Podcast"))
        let srt = try CLI.run(["export", "9", "--format", "srt", "--speaker", "JR"])
        #expect(srt.stdout.hasPrefix("1\n00:00:41.000 --> 00:00:59.000\nJosh Rosso: All right!".replacingOccurrences(of: ".000", with: ",000")))
        // grep -c '^\[[0-9:.]*\] *JR' data/009-stateful-and-stateless.md → 20
        #expect(srt.stdout.components(separatedBy: " --> ").count - 1 == 20)
        let json = try #require(try CLI.json(["export", "9", "--format", "json"]) as? [String: Any])
        #expect((json["segments"] as? [Any])?.count == 110)
        for format in ["md", "txt"] {
            #expect(try CLI.run(["export", "9", "--format", format]).stdout.contains("Stateful and Stateless Workloads"))
        }
        let file = NSTemporaryDirectory() + "podread-export-\(getpid()).vtt"
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try CLI.run(["export", "9", "--format", "vtt", "-o", file]).stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == vtt.stdout)

        let badFormat = try CLI.run(["export", "9", "--format", "doc"])
        #expect(badFormat.status == 64)
        #expect(badFormat.stderr.contains("doc"))
        let badSpeaker = try CLI.run(["export", "9", "--format", "vtt", "--speaker", "ZZ"])
        #expect(badSpeaker.status == 1)
        #expect(badSpeaker.stderr.contains("no speaker 'ZZ'"))
    }

    @Test func statsPerSpeaker() throws {
        let table = try CLI.run(["stats", "9"])
        #expect(table.status == 0)
        let rows = table.stdout.split(separator: "\n").map(String.init)
        #expect(rows[0] == "#9 Stateful and Stateless Workloads")
        #expect(rows[1].hasPrefix("SPEAKER"))
        // grep -c 'ANNOUNCER' data/009-stateful-and-stateless.md → 2 utterances, far apart: 2 turns.
        #expect(rows.contains { $0.hasPrefix("Announcer") && $0.contains(" 2  ") })
        let json = try #require(try CLI.json(["stats", "9", "--json"]) as? [String: Any])
        let speakers = try #require(json["speakers"] as? [[String: Any]])
        #expect(speakers.count == 6)
        let shares = speakers.compactMap { $0["share"] as? Double }.reduce(0, +)
        #expect(abs(shares - 100) < 0.5)
        #expect(speakers.compactMap { $0["turns"] as? Int }.reduce(0, +) <= 110)
    }

    @Test func showStartsAtTheUtteranceCoveringATime() throws {
        // 12:30 = 750 s falls between [00:11:44] CC (line 152) and [00:12:36] BL.
        for time in ["12:30", "750", "0:12:30"] {
            let show = try #require(try CLI.json(["show", "9", "--at", time, "--json"]) as? Object)
            let first = try #require((show["utterances"] as? [Object])?.first)
            #expect(first["line"] as? Int == 152, "\(time)")
            #expect(first["tag"] as? String == "CC")
            #expect(first["timestamp"] as? String == "00:11:44")
            #expect(first["speaker"] as? String == "Carlisia Thompson")
        }
    }

    @Test func showFiltersBySpeakerTagOrName() throws {
        let byTag = try #require(try CLI.json(["show", "9", "--speaker", "JR", "--json"]) as? Object)
        let tags = (byTag["utterances"] as? [Object])?.map { $0["tag"] as? String }
        #expect(tags?.count == 20)
        #expect(tags?.allSatisfy { $0 == "JR" } == true)
        // By name the filter follows the person: JR plus the JS tag guessed to be Josh.
        let byName = try #require(try CLI.json(["show", "009-stateful-and-stateless.md", "--speaker", "josh rosso", "--json"]) as? Object)
        #expect((byName["utterances"] as? [Object])?.count == 21)
    }

    @Test func showAcceptsAPathAndPrintsText() throws {
        let result = try CLI.run(["show", "data/009-stateful-and-stateless.md"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "#9 Stateful and Stateless Workloads")
        #expect(result.stdout.contains("[0:00:41] Josh Rosso: All right! Hello, everybody"))
        #expect(result.stdout.contains("[0:00:59] Carlisia Thompson?: Hi, everybody."))
        #expect(result.stdout.contains("\n[INTERVIEW]\n"))
    }

    @Test func errorsAreOneLineOnStderr() throws {
        let cases: [([String], String)] = [
            (["show", "99"], "no episode '99'"),
            (["show", "9", "--at", "55:00"], "past the end"),
            (["show", "9", "--at", "soon"], "'soon' is not a time"),
            (["show", "9", "--speaker", "nobody"], "no speaker 'nobody'"),
            (["list", "--data", "/no/such/folder"], "no such folder"),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"), "\(arguments)")
        }
    }

    @Test func validateExitStatus() throws {
        let clean = try CLI.run(["validate"])
        #expect(clean.status == 0)
        #expect(clean.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("data/009-stateful-and-stateless.md:") })
        #expect(clean.stdout.contains("data/009-stateful-and-stateless.md:338: warning: speaker tag 'DCC'"))

        let dir = NSTemporaryDirectory() + "podread-bad-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("---\ntitle: \"open\n---\n".utf8).write(to: URL(fileURLWithPath: dir + "/001-bad.md"))
        try Data([0xFF, 0xFE, 0x00, 0x01]).write(to: URL(fileURLWithPath: dir + "/002-binary.md"))
        let bad = try CLI.run(["validate", "--data", dir])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("/001-bad.md:2: error: front matter is not valid YAML"))
        let json = try #require(try CLI.json(["validate", "--json", "--data", dir]) as? [Object])
        #expect(json.contains { $0["severity"] as? String == "error" && ($0["file"] as? String)?.hasSuffix("001-bad.md") == true })
    }

    @Test func readerWithoutATerminalSaysWhatToUse() throws {
        for arguments in [[], ["read"], ["read", "9"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2)
            #expect(result.stderr == "podread: the reader needs a terminal; in scripts use 'podread list' or 'podread show EPISODE'\n")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func searchPrintsMatchesAndJSON() throws {
        // Counted by a script over data/: 10 utterances have a word beginning "stateful" and
        // one beginning "database", the first at 4:45 (CC, a guess: Carlisia Thompson?).
        let byTime = try CLI.run(["search", "stateful", "database", "--sort", "time"])
        #expect(byTime.status == 0)
        let lines = byTime.stdout.split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines.allSatisfy { $0.hasPrefix("#9 ") })
        #expect(lines[0].hasPrefix("#9 4:45 Carlisia Thompson?: "))
        #expect(!byTime.stdout.contains("\u{1B}["))   // not a terminal: no colour
        #expect(byTime.stderr == "10 matching utterance(s) in 1 episode(s)\n")
        // Ranked, the same ten; limited, the best two and how many there were.
        let ranked = try CLI.run(["search", "stateful", "database"])
        #expect(Set(ranked.stdout.split(separator: "\n")) == Set(lines))
        let two = try CLI.run(["search", "stateful", "database", "--limit", "2"])
        #expect(two.stdout.split(separator: "\n") == Array(ranked.stdout.split(separator: "\n").prefix(2)))
        #expect(two.stderr == "the best 2 of 10 matching utterances (--limit 0 for all)\n")

        // The exact phrase "stateful set" (not "stateful sets"): 3 utterances, by the script.
        let json = try #require(try CLI.json(["search", "\"stateful set\"", "--json"]) as? [Object])
        #expect(json.count == 3)
        let first = try #require(json.first)
        #expect((first["episode"] as? Object)?["number"] as? Int == 9)
        #expect(first["line"] as? Int != nil)
        let text = try #require(first["text"] as? String)
        let matches = try #require(first["matches"] as? [[Int]])
        #expect(!matches.isEmpty)
        for match in matches { #expect(String(Array(text)[match[0]..<match[1]]).lowercased() == "stateful set") }
        let jsonl = try CLI.run(["search", "\"stateful set\"", "--jsonl"])
        let objects = jsonl.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? Object }
        #expect(objects.count == 3 && objects.allSatisfy { $0?["text"] is String })
        #expect((try CLI.json(["search", "zzzqqq", "--json"]) as? [Object])?.isEmpty == true)

        let none = try CLI.run(["search", "zzzqqq"])
        #expect(none.status == 1 && none.stdout.isEmpty)
        let badEpisode = try CLI.run(["search", "x", "--episode", "99"])
        #expect(badEpisode.status == 1 && badEpisode.stderr.contains("no episode '99'"))
        let onlyExcluded = try CLI.run(["search", "-stateful"])
        #expect(onlyExcluded.status == 64 && onlyExcluded.stderr.contains("nothing to search for"))
        let unknown = try CLI.run(["search", "stateful", "--bogus"])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown option '--bogus'"))
    }

    @Test func searchFiltersByNumberDateSpeakerAndWords() throws {
        let folder = NSTemporaryDirectory() + "podread-search-filters-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func episode(_ name: String, number: Int, date: String?, lines: [(String, String)]) throws {
            var vtt = "WEBVTT\n"
            for (n, line) in lines.enumerated() {
                vtt += "\n00:00:\(10 + n * 10).000 --> 00:00:\(15 + n * 10).000\n<v \(line.0)>\(line.1)\n"
            }
            try Data(vtt.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).vtt"))
            let sidecar = "episode_number: \(number)\ntitle: \(name)\n" + (date.map { "date: \($0)\n" } ?? "")
            try Data(sidecar.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).yaml"))
        }
        try episode("one", number: 1, date: "2019-05-02", lines: [("Ann", "Clusters of résumés."), ("Bob", "A cluster, again.")])
        try episode("two", number: 2, date: "2020-01-15", lines: [("Ann", "One more cluster."), ("Bob", "Nothing here.")])
        try episode("three", number: 3, date: nil, lines: [("Bob", "Clustering without a date. NASA, not nasa.")])
        func found(_ arguments: String...) throws -> [String] {
            let result = try CLI.run(["search"] + arguments + ["--data", folder, "--sort", "time"])
            return result.stdout.split(separator: "\n").map { String($0).components(separatedBy: ": ")[0] }
        }
        #expect(Set(try found("cluster")) == ["#1 0:10 Ann", "#1 0:20 Bob", "#2 0:10 Ann", "#3 0:10 Bob"])
        #expect(Set(try found("cluster", "--number", "2-")) == ["#2 0:10 Ann", "#3 0:10 Bob"])
        #expect(Set(try found("cluster", "--number=-1")) == ["#1 0:10 Ann", "#1 0:20 Bob"])
        #expect(Set(try found("cluster", "--since", "2020")) == ["#2 0:10 Ann"])
        #expect(Set(try found("cluster", "--until", "2019-05")) == ["#1 0:10 Ann", "#1 0:20 Bob"])
        #expect(Set(try found("cluster", "--speaker", "bob")) == ["#1 0:20 Bob", "#3 0:10 Bob"])
        #expect(Set(try found("resume")) == ["#1 0:10 Ann"])                  // accents ignored
        #expect(Set(try found("cluster", "-again")) == ["#1 0:10 Ann", "#2 0:10 Ann", "#3 0:10 Bob"])
        #expect(Set(try found("résumé", "OR", "nothing")) == ["#1 0:10 Ann", "#2 0:20 Bob"])
        #expect(Set(try found("NASA")) == ["#3 0:10 Bob"])
        #expect(try found("Nasa").isEmpty)
        #expect(Set(try found("\"more cluster\"")) == ["#2 0:10 Ann"])
        #expect(try found("\"more clusters\"").isEmpty)                       // a phrase is exact
        let badDate = try CLI.run(["search", "x", "--since", "2020-1", "--data", folder])
        #expect(badDate.status == 64 && badDate.stderr.contains("--since takes a date"))
        let badRange = try CLI.run(["search", "x", "--number", "5-2", "--data", folder])
        #expect(badRange.status == 64 && badRange.stderr.contains("--number takes"))
    }

    @Test func searchFiltersByShowInALibrary() throws {
        let library = NSTemporaryDirectory() + "podread-search-shows-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: library) }
        for (folder, title, name, line) in [("alpha", "Alpha Show", "one", "Clusters everywhere."), ("beta", "Beta Cast", "two", "A cluster here.")] {
            try FileManager.default.createDirectory(atPath: "\(library)/\(folder)", withIntermediateDirectories: true)
            try Data("title: \(title)\n".utf8).write(to: URL(fileURLWithPath: "\(library)/\(folder)/show.yaml"))
            try Data("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>\(line)\n".utf8)
                .write(to: URL(fileURLWithPath: "\(library)/\(folder)/\(name).vtt"))
        }
        func found(_ arguments: String...) throws -> CLI.Result {
            try CLI.run(["search", "cluster", "--data", library, "--sort", "time"] + arguments)
        }
        #expect(try found().stdout == "one 0:01 Ann: Clusters everywhere.\ntwo 0:01 Ann: A cluster here.\n")
        #expect(try found("--show", "beta").stdout == "two 0:01 Ann: A cluster here.\n")           // the folder
        #expect(try found("--show", "ALPHA SH").stdout == "one 0:01 Ann: Clusters everywhere.\n")  // part of the title
        let none = try found("--show", "gamma")
        #expect(none.status == 1 && none.stderr.contains("no show matches 'gamma'"))
    }

    /// A search of an unchanged folder reads only the index; any change to a file (edited,
    /// touched, replaced, deleted, added), to its sidecar or to speakers.yaml is seen by the
    /// next search, settled or not.
    @Test func searchIsNeverStale() throws {
        let folder = NSTemporaryDirectory() + "podread-search-stale-" + UUID().uuidString
        let environment = ["XDG_CACHE_HOME": folder + "-cache"]
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { for path in [folder, folder + "-cache"] { try? FileManager.default.removeItem(atPath: path) } }
        func write(_ name: String, _ line: String) throws {
            try Data("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann Lee>\(line)\n".utf8)
                .write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        func found(_ word: String) throws -> [String] {
            let result = try CLI.run(["search", word, "--data", folder, "--sort", "time"], environment: environment)
            return result.stdout.split(separator: "\n").map { String($0) }
        }
        func index() throws -> String { try CLI.run(["index", "--data", folder], environment: environment).stdout }
        try write("a.vtt", "Apples grow here.")
        try write("b.vtt", "Bananas grow there.")
        #expect(try found("grow") == ["a 0:01 Ann Lee: Apples grow here.", "b 0:01 Ann Lee: Bananas grow there."])
        Thread.sleep(forTimeInterval: 1.1)                          // settled: the next search stores the state
        // Indexed while they had just been written, both are read again once settled.
        #expect(try index().hasPrefix("2 episode(s) read, 0 removed, 0 unchanged"))
        #expect(try index().hasPrefix("nothing changed (2 episode(s))"))
        #expect(try found("grow").count == 2)
        try write("a.vtt", "Cherries now.")                        // edited
        #expect(try found("apples").isEmpty)
        #expect(try found("cherries") == ["a 0:01 Ann Lee: Cherries now."])
        Thread.sleep(forTimeInterval: 1.1)
        _ = try index()
        // A sidecar names the episode: its title and number show at once.
        try Data("episode_number: 7\ntitle: Seven\n".utf8).write(to: URL(fileURLWithPath: folder + "/b.yaml"))
        #expect(try found("bananas") == ["#7 0:01 Ann Lee: Bananas grow there."])
        Thread.sleep(forTimeInterval: 1.1)
        _ = try index()
        // speakers.yaml renames a speaker.
        try Data("Ann Lee: Ann Leigh\n".utf8).write(to: URL(fileURLWithPath: folder + "/speakers.yaml"))
        #expect(try found("bananas") == ["#7 0:01 Ann Leigh: Bananas grow there."])
        Thread.sleep(forTimeInterval: 1.1)
        _ = try index()
        try FileManager.default.removeItem(atPath: folder + "/speakers.yaml")
        // Replaced by another file moved over it, then deleted, then a new one.
        try write("c.tmp", "Dates instead.")
        #expect(rename(folder + "/c.tmp", folder + "/a.vtt") == 0)
        #expect(try found("dates") == ["a 0:01 Ann Lee: Dates instead."])
        #expect(try found("cherries").isEmpty)
        try FileManager.default.removeItem(atPath: folder + "/b.vtt")
        #expect(try found("bananas").isEmpty)
        try write("d.vtt", "Elderberries.")
        #expect(try found("elderberries") == ["d 0:01 Ann Lee: Elderberries."])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLI.makeCorpus), "../shared/tools/make-corpus is absent"))
    func twoProcessesIndexingAtOnceAgree() throws {
        let folder = NSTemporaryDirectory() + "podread-index-twice-" + UUID().uuidString
        let cache = folder + "-cache"
        defer { for path in [folder, cache] { try? FileManager.default.removeItem(atPath: path) } }
        _ = try Spawn.run([CLI.makeCorpus, "--episodes", "300", "--out", folder, "--quiet"], captureOutput: false)
        let environment = ["XDG_CACHE_HOME": cache]
        let runs = try [0, 1].map { _ -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = ["index", "--data", folder]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in runs { process.waitUntilExit() }
        #expect(runs.allSatisfy { $0.terminationStatus == 0 })
        // Neither took the other's index, being made, for a damaged one.
        let files = (try? FileManager.default.contentsOfDirectory(atPath: cache + "/podread")) ?? []
        #expect(!files.contains { $0.hasSuffix(".damaged") }, "\(files)")
        // The index both wrote is whole: the same count as a third, fresh, index made alone.
        let shared = try CLI.run(["search", "the", "--data", folder, "--limit", "1"], environment: environment)
        let alone = try CLI.run(["search", "the", "--data", folder, "--limit", "1"], environment: ["XDG_CACHE_HOME": cache + "-alone"])
        defer { try? FileManager.default.removeItem(atPath: cache + "-alone") }
        #expect(shared.status == 0 && shared.stderr == alone.stderr && shared.stderr.contains("of "))
        // Settled, and seen once more (files just written are read again): then nothing to do.
        Thread.sleep(forTimeInterval: 1.1)
        _ = try CLI.run(["index", "--data", folder], environment: environment)
        let again = try CLI.run(["index", "--data", folder], environment: environment)
        #expect(again.stdout.hasPrefix("nothing changed (300 episode(s))"), "\(again.stdout)")
    }

    @Test func everyCommandHasHelp() throws {
        for command in [[], ["read"], ["list"], ["show"], ["search"], ["validate"]] {
            let result = try CLI.run(command + ["--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE"), "\(command)")
        }
    }
}
