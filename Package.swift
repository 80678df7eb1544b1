// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "podread",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "podread", targets: ["podread"]),
        .executable(name: "podread-bench", targets: ["PodreadBench"]),
        .library(name: "TranscriptKit", targets: ["TranscriptKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "TranscriptKit",
            dependencies: [.product(name: "Yams", package: "Yams")],
            // The generator of Formats/HTMLEntityTable.swift, kept beside what it writes.
            exclude: ["Formats/make-html-entities.py"]
        ),
        .target(name: "CTextSupport"),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"]), .brew(["ncurses"])]),
        .target(name: "ReaderUI", dependencies: ["TranscriptKit", "CTextSupport"]),
        // Podcast feeds and the library they fill, on disk (below the UI; no terminal).
        // The search index: SQLite with FTS5 through GRDB, below the UI (no terminal).
        .target(name: "SearchIndex", dependencies: ["TranscriptKit", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "PodLibrary", dependencies: ["TranscriptKit", .product(name: "Yams", package: "Yams")]),
        // The audio player (mpv over its JSON IPC), below the UI: no terminal, no transcripts.
        .target(name: "Playback"),
        .executableTarget(
            name: "podread",
            dependencies: [
                "TranscriptKit",
                "PodLibrary",
                "SearchIndex",
                "Playback",
                "ReaderUI",
                "CNcursesw",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target over every reader, the speaker resolver, export, every output
        // renderer and every time parser (see .ci/fuzz); without
        // -DFUZZING it replays files given as arguments.
        .executableTarget(name: "PodreadFuzz", dependencies: ["TranscriptKit", "ReaderUI"]),
        // Figures for the README: podread beside grep, wc and ripgrep (release build).
        .executableTarget(name: "PodreadBench", dependencies: ["TranscriptKit", "ReaderUI", "SearchIndex", "FeedTestSupport",
                                                             .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "TranscriptKitTests", dependencies: ["TranscriptKit"]),
        .testTarget(name: "ReaderUITests", dependencies: ["ReaderUI", "TranscriptKit"]),
        // The tests' HTTP server (Python's, with faults on purpose) and feeds they write.
        .target(name: "FeedTestSupport", dependencies: ["PodLibrary"], path: "Tests/FeedTestSupport",
                exclude: ["Server/feed-server.py"]),
        .testTarget(name: "SearchIndexTests", dependencies: ["SearchIndex", "TranscriptKit"]),
        .testTarget(name: "PlaybackTests", dependencies: ["Playback"]),
        .testTarget(name: "PodLibraryTests", dependencies: ["PodLibrary", "TranscriptKit", "FeedTestSupport"]),
        .testTarget(name: "PodreadCLITests", dependencies: ["podread", "FeedTestSupport", "Playback"]),
    ]
)
