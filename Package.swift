// swift-tools-version:6.0
import PackageDescription

/// How the kafkactl executable is linked.
///
/// The Swift driver exports every symbol of an executable (about 30,000 here) for plugins kafkactl does not have; the
/// dynamic loader and libc's dladdr then search that table at every start. Not exporting them saves about 0.5 ms of
/// each command's start-up (measured, BENCHMARKS.md).
///
/// `scripts/build-release` (KAFKACTL_STATIC=1, `--disable-local-rpath`) links the shipped binary as one static PIE
/// executable: no dynamic loader, no shared libraries to find, map and bind (glibc, libstdc++, libm, libgcc_s), and
/// still placed at a random address. That saves 0.6-0.9 ms of every command's start-up (BENCHMARKS.md). It needs lld
/// (gold cannot link static PIE) and no DT_RUNPATH, which glibc's static-PIE start-up refuses, hence the rpath flag.
/// Builds for development and tests stay dynamic.
var kafkactlLinkerFlags = ["-Xlinker", "--no-export-dynamic"]
if Context.environment["KAFKACTL_STATIC"] == "1" {
    kafkactlLinkerFlags += ["-static-executable", "-use-ld=lld", "-Xclang-linker", "-static-pie",
                            // Relative relocations packed (RELR): a 15 KB table instead of 1.8 MB to read at start.
                            "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"]
}

/// The commit a build comes from, for `kafkactl --version`: "unknown" outside a git checkout (a source tarball).
/// scripts/build-release passes it in KAFKACTL_BUILD_COMMIT: SwiftPM caches this manifest's evaluation across commits
/// unless the environment changes, so a plain `swift build` may report the commit of its first build.
let buildCommit: String = {
    if let given = Context.environment["KAFKACTL_BUILD_COMMIT"], !given.isEmpty { return given }
    guard let git = Context.gitInformation else { return "unknown" }
    return String(git.currentCommit.prefix(12)) + (git.hasUncommittedChanges ? "-dirty" : "")
}()

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
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        // 4.x: on Linux it builds on FoundationEssentials rather than all of Foundation (no ICU data at start-up).
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        // producer-perf-test's latency percentiles: an HDR histogram records every record's send-to-acknowledgement
        // time in fixed memory with bounded relative error, as Apache's tool reports them (not hand-written).
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
    ],
    targets: [
        // The Kafka protocol and the client behaviour built on it. Never prints, never exits.
        .target(
            name: "AdminCore",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                // TLS (security.protocol SSL and SASL_SSL) and SCRAM's HMAC, SHA-2 and PBKDF2.
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                // Latency percentiles of the perf-test runs (Performance/).
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                "CZlib", "CLZ4", "CZstd", "CSnappy", "CCRC32C",
            ],
            exclude: ["Messages/Schemas"]
        ),
        // Debian's compression libraries, as Kafka's codecs need them (zlib1g-dev, liblz4-dev, libzstd-dev,
        // libsnappy-dev; installed by scripts/setup). Their module maps link the static archives (`link ":libz.a"`),
        // not the shared objects: every shared library costs each command's start-up a search, a mapping and its
        // relocations, about 0.1 ms apiece (BENCHMARKS.md). No pkgConfig: it would add `-lz` and bring them back.
        .systemLibrary(name: "CZlib"),
        .systemLibrary(name: "CLZ4"),
        .systemLibrary(name: "CZstd"),
        .systemLibrary(name: "CSnappy"),
        // CRC-32C with the CPU's instruction (SSE 4.2 / ARMv8 CRC), detected at run time.
        .target(name: "CCRC32C"),
        // The commit the binary was built from, as a C string: a C define can carry a value, Swift's -D cannot.
        .target(name: "CBuildInfo", cSettings: [.define("KAFKACTL_BUILD_COMMIT", to: "\"\(buildCommit)\"")]),
        // The command-line tool: flags, output, exit codes.
        .executableTarget(
            name: "kafkactl",
            dependencies: [
                "AdminCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // ByteBuffer as a byte container for record keys and values read from stdin; no protocol code.
                .product(name: "NIOCore", package: "swift-nio"),
                // The main thread runs the event loop of a command's clients (Main.runWithMainThreadAsEventLoop).
                .product(name: "NIOPosix", package: "swift-nio"),
                // The connection contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml), read with libyaml.
                "CYAML",
                "CLibEdit",
                "CBuildInfo",
            ],
            linkerSettings: [.unsafeFlags(kafkactlLinkerFlags)]
        ),
        // libedit's readline interface for the shell (Debian's libedit-dev), linked statically with what it needs
        // (libtinfo, libbsd, libmd), like the codecs above.
        .systemLibrary(name: "CLibEdit"),
        // libyaml (Debian's libyaml-dev, static) parses the contexts file. Not Yams: Yams is built on Foundation,
        // whose initialisation and relocations cost every command about 1 ms of start-up (BENCHMARKS.md), a third
        // of the 3 ms budget; libyaml is the parser Yams itself wraps.
        .systemLibrary(name: "CYAML"),
        // Reads Messages/Schemas/*.schema and writes Messages/Generated/*.swift.
        .target(name: "MessageGenerator"),
        .executableTarget(name: "generate-messages", dependencies: ["MessageGenerator"]),

        .target(
            name: "TestSupport",
            dependencies: ["AdminCore", .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio")],
            path: "Tests/TestSupport",
            // Data the tests read from the source tree (KafkaReleases), not code.
            exclude: ["Releases"]
        ),
        // The fuzzing harness (issue #10): mutation engine, seeds and one target per decoder, shared by the short
        // run in AdminCoreTests and the long one in kafkactl-fuzz. A library, not test code, because a release
        // executable cannot depend on a test target; it reaches AdminCore's internals only through `package` API.
        .target(
            name: "Fuzzing",
            dependencies: ["AdminCore", .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOEmbedded", package: "swift-nio")],
            path: "Tests/Fuzzing"
        ),
        // scripts/fuzz's long run, built in release mode.
        .executableTarget(name: "kafkactl-fuzz", dependencies: ["Fuzzing"], path: "Tests/FuzzMain"),
        // scripts/libfuzz's coverage-guided run (issue 18.11): libFuzzer drives the same targets. It links libFuzzer
        // only when built with `-Xswiftc -sanitize=fuzzer,address -Xswiftc -DKAFKACTL_LIBFUZZER`; without them it
        // builds as a plain executable that replays saved inputs.
        .executableTarget(name: "kafkactl-libfuzzer", dependencies: ["Fuzzing"], path: "Tests/LibFuzzerMain"),
        .testTarget(
            name: "AdminCoreTests",
            dependencies: ["AdminCore", "TestSupport", "Fuzzing", .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOTestUtils", package: "swift-nio")],
            resources: [.copy("Fixtures")]
        ),
        // Facts/: data the tests read from the source tree (scripts/derive-schema-facts), not code.
        .testTarget(name: "MessageGeneratorTests", dependencies: ["MessageGenerator"], exclude: ["Facts"]),
        .testTarget(name: "KafkactlTests", dependencies: ["kafkactl", "AdminCore", "TestSupport"]),
        .testTarget(name: "IntegrationTests", dependencies: ["AdminCore", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
