import AdminCore
import Synchronization
import Testing

@testable import kafkactl

/// `CommandRunner.run` with a context that captures output: exit codes, which stream each text goes to, and that
/// usage errors are caught before any client is made.
@Suite struct CommandRunnerTests {
    struct Outcome {
        var code: Int32
        var stdout: String
        var stderr: String
        var clientsRequested: Int
        var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }
    }

    struct NoBrokerInUnitTests: Error {}

    /// Runs `arguments` in a capturing context whose client factory counts requests and never connects.
    static func run(_ arguments: [String]) async -> Outcome {
        let out = CapturedOutput()
        let err = CapturedOutput()
        let requested = Mutex(0)
        let context = CommandContext(stdout: out, stderr: err, clientProvider: { _ in
            requested.withLock { $0 += 1 }
            throw NoBrokerInUnitTests()
        })
        let code = await CommandRunner.run(arguments, context: context)
        return Outcome(code: code, stdout: out.text, stderr: err.text, clientsRequested: requested.withLock { $0 })
    }

    static let usageHint = "See 'kafkactl topics --help' for usage."

    @Test func versionPrintsToStdoutAndExitsZero() async {
        let outcome = await Self.run(["--version"])
        #expect(outcome.code == 0)
        #expect(outcome.stdout.hasPrefix(KafkactlVersion.current + " (commit "), "\(outcome.stdout)")
        #expect(outcome.stdout.hasSuffix(", Swift \(BuildInfo.swiftVersion))\n"), "\(outcome.stdout)")
        #expect(outcome.stderr.isEmpty)
    }

    @Test(arguments: [["topics", "--help"], ["topics", "-h"], ["help", "topics"]])
    func topicsHelpPrintsUsageToStdoutAndExitsZero(arguments: [String]) async {
        let outcome = await Self.run(arguments)
        #expect(outcome.code == 0)
        #expect(outcome.stdout.contains("USAGE: kafkactl topics"))
        #expect(outcome.stdout.contains("--bootstrap-server <host:port>"))
        #expect(outcome.stdout.contains("--if-not-exists"))
        #expect(outcome.stderr.isEmpty)
    }

    @Test(arguments: [["help"], ["--help"]])
    func rootHelpPrintsUsageToStdoutAndExitsZero(arguments: [String]) async {
        let outcome = await Self.run(arguments)
        #expect(outcome.code == 0)
        #expect(outcome.stdout.contains("USAGE: kafkactl <subcommand>"))
        #expect(outcome.stdout.contains("topics"))
        #expect(outcome.stderr.isEmpty)
    }

    @Test func anUnknownFlagIsAUsageErrorWithTheHint() async {
        let outcome = await Self.run(["topics", "--bootstrap", "localhost:9092", "--list"])
        #expect(outcome.code == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines == ["Error: Unknown option '--bootstrap'", Substring(Self.usageHint)])
        #expect(outcome.clientsRequested == 0)
    }

    @Test func aBrokenCrossFlagRuleIsAUsageErrorWithTheHint() async {
        let outcome = await Self.run(["topics", "--bootstrap-server", "localhost:9092", "--create"])
        #expect(outcome.code == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines == ["Error: Missing required argument \"[topic]\"", Substring(Self.usageHint)])
        #expect(outcome.clientsRequested == 0)
    }

    @Test func anUnknownSubcommandIsAUsageError() async {
        let outcome = await Self.run(["topix"])
        #expect(outcome.code == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines.first?.hasPrefix("Error: ") == true)
        #expect(outcome.stderrLines.last == "See 'kafkactl --help' for usage.")
    }

    @Test func aMissingBootstrapServerIsAUsageErrorBeforeAnyClient() async {
        let outcome = await Self.run(["topics", "--list"])
        #expect(outcome.code == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines == ["Error: --bootstrap-server must be specified (or bootstrap.servers in --command-config)"])
        #expect(outcome.clientsRequested == 0)
    }

    @Test func aMalformedConfigIsAUsageErrorBeforeAnyClient() async {
        let outcome = await Self.run(["topics", "--bootstrap-server", "localhost:9092", "--create", "--topic", "t", "--config", "foo"])
        #expect(outcome.code == 64)
        #expect(outcome.stderrLines == [#"Error: Invalid topic config: all configs to be added must be in the format "key=val"."#])
        #expect(outcome.clientsRequested == 0)
    }

    @Test func anUnknownConfigNameIsAUsageErrorBeforeAnyClient() async {
        let outcome = await Self.run(["topics", "--bootstrap-server", "localhost:9092", "--create", "--topic", "t", "--config", "foo=bar"])
        #expect(outcome.code == 64)
        #expect(outcome.stderrLines == ["Error: Unknown topic config name: foo"])
        #expect(outcome.clientsRequested == 0)
    }

    @Test func aBadConfigValueIsAUsageErrorNamingTheKey() async {
        let outcome = await Self.run(["topics", "--bootstrap-server", "localhost:9092", "--create", "--topic", "t", "--config", "cleanup.policy=forever"])
        #expect(outcome.code == 64)
        #expect(outcome.stderrLines == ["Error: invalid value 'forever' for topic config cleanup.policy: expected a comma-separated list of compact, delete"])
        #expect(outcome.clientsRequested == 0)
    }

    @Test func anIllegalTopicNameIsAUsageErrorBeforeAnyClient() async {
        let outcome = await Self.run(["topics", "--bootstrap-server", "localhost:9092", "--create", "--topic", "a/b"])
        #expect(outcome.code == 64)
        #expect(outcome.stderrLines.count == 1)
        #expect(outcome.stderrLines.first?.hasPrefix("Error: topic name a/b is illegal") == true)
        #expect(outcome.clientsRequested == 0)
    }

    @Test func aBadReplicaAssignmentIsAUsageErrorBeforeAnyClient() async {
        let outcome = await Self.run(["topics", "--bootstrap-server", "localhost:9092", "--create", "--topic", "t", "--replica-assignment", "1:1"])
        #expect(outcome.code == 64)
        #expect(outcome.stderrLines == ["Error: Partition replica lists may not contain duplicate entries: 1"])
        #expect(outcome.clientsRequested == 0)
    }

    @Test func anUnreadableCommandConfigIsAUsageError() async {
        let outcome = await Self.run(["topics", "--command-config", "/nonexistent/admin.properties", "--list"])
        #expect(outcome.code == 64)
        #expect(outcome.stderrLines.count == 1)
        #expect(outcome.stderrLines.first?.hasPrefix("Error: cannot read --command-config file '/nonexistent/admin.properties'") == true)
        #expect(outcome.clientsRequested == 0)
    }

    @Test func aValidCommandAsksTheContextForAClient() async {
        // The injected factory fails in an unexpected way; the runner still makes one line and a non-zero code.
        let outcome = await Self.run(["topics", "--bootstrap-server", "localhost:9092", "--list"])
        #expect(outcome.clientsRequested == 1)
        #expect(outcome.code != 0)
        #expect(outcome.stderrLines.count >= 1)
        #expect(outcome.stderrLines.allSatisfy { $0.hasPrefix("Error: ") || $0.hasPrefix("See ") })
    }
}
