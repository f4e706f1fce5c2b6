import TestSupport
import Testing

/// `--version` and help: what the user asked for on stdout, exit 0.
@Suite struct HelpAndVersionTests {
    @Test func versionPrintsOneVersionLine() async throws {
        let result = try await kafkactl(["--version"])
        #expect(result.exitCode == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.wholeMatch(of: /\d+\.\d+\.\d+ \(commit ([0-9a-f]{12}(-dirty)?|unknown), Swift 6\.[0-9.]+( or later)?\)\n/) != nil,
                "stdout: \(result.stdout)")
    }

    @Test func helpListsTheSubcommands() async throws {
        let result = try await kafkactl(["help"])
        #expect(result.exitCode == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("USAGE: kafkactl <subcommand>"))
        #expect(result.stdout.contains("topics"))
        #expect(result.stdout.contains("kafka-topics.sh"))
    }

    @Test(arguments: [["topics", "-h"], ["topics", "--help"], ["help", "topics"]])
    func topicsHelpPrintsItsUsage(arguments: [String]) async throws {
        let result = try await kafkactl(arguments)
        #expect(result.exitCode == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("USAGE: kafkactl topics"))
        for flag in ["--bootstrap-server", "--command-config", "--create", "--list", "--describe", "--alter", "--delete",
                     "--topic", "--partitions", "--replication-factor", "--config", "--if-exists", "--if-not-exists",
                     "--exclude-internal", "--output"] {
            #expect(result.stdout.contains(flag), "help lacks \(flag)")
        }
    }

    @Test func bareKafkactlShowsUsageOnStderrAndExits64() async throws {
        let result = try await kafkactl([])
        #expect(result.exitCode == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("USAGE: kafkactl <subcommand>"))
    }
}
