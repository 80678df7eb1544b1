// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "podread",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "podread", targets: ["podread"]),
        .library(name: "TranscriptKit", targets: ["TranscriptKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "TranscriptKit",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "podread",
            dependencies: [
                "TranscriptKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TranscriptKitTests", dependencies: ["TranscriptKit"]),
        .testTarget(name: "PodreadCLITests", dependencies: ["podread"]),
    ]
)
