// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kafkactl",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kafkactl", targets: ["kafkactl"]),
        .library(name: "AdminCore", targets: ["AdminCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // The Kafka protocol and the client behaviour built on it. Never prints, never exits.
        .target(
            name: "AdminCore",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Messages/Schemas"]
        ),
        // The command-line tool: flags, output, exit codes.
        .executableTarget(
            name: "kafkactl",
            dependencies: [
                "AdminCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Reads Messages/Schemas/*.schema and writes Messages/Generated/*.swift.
        .target(name: "MessageGenerator"),
        .executableTarget(name: "generate-messages", dependencies: ["MessageGenerator"]),

        .target(
            name: "TestSupport",
            dependencies: ["AdminCore", .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio")],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "AdminCoreTests",
            dependencies: ["AdminCore", "TestSupport", .product(name: "NIOEmbedded", package: "swift-nio")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "MessageGeneratorTests", dependencies: ["MessageGenerator"]),
        .testTarget(name: "KafkactlTests", dependencies: ["kafkactl", "AdminCore"]),
        .testTarget(name: "IntegrationTests", dependencies: ["AdminCore", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
