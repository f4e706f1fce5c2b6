import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `kafkactl consumer-groups` refusing bad input against the real broker, from the built binary: each case gives
/// exactly one `Error:` line and a non-zero exit, and (checked with confluent-kafka's `committed()`) changes nothing.
/// Uses the topics and seeded groups of `ConsumerGroupsCommandTests`.
@Suite struct ConsumerGroupsErrorTests {
    typealias Fixture = ConsumerGroupsCommandTests

    /// Exactly one `Error: ` line on stderr (other lines may be notes such as `* Group ...` or the usage hint), a
    /// non-zero exit, nothing on stdout; returns the text after `Error: `.
    @discardableResult
    static func expectOneError(_ result: ProcessResult, exitCode: Int32, containing pieces: [String] = [],
                               sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        #expect(result.exitCode == exitCode, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
        let errors = GroupTestSupport.errorLines(result)
        #expect(errors.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        guard let line = errors.first else { return nil }
        let message = String(line.dropFirst("Error: ".count))
        for piece in pieces {
            #expect(message.contains(piece), "'\(message)' should mention '\(piece)'", sourceLocation: sourceLocation)
        }
        return message
    }

    static let usageHint = "See 'kafkactl consumer-groups --help' for usage."

    static func run(_ arguments: [String]) async throws -> ProcessResult {
        try await GroupTestSupport.consumerGroups(arguments)
    }

    /// A group whose `main` offsets are committed at the log ends, so that a member that joins reads and commits
    /// nothing of its own.
    static func groupAtTheEnd(_ topics: ConsumerGroupsCommandTests.Topics, _ prefix: String) async throws -> String {
        let group = BrokerHarness.uniqueName(prefix)
        try await GroupTestSupport.commit(group: group, [topics.main: [0: 10, 1: 6, 2: 3, 3: 2]])
        return group
    }

    static let atTheEnd: [Int64?] = [10, 6, 3, 2]

    // MARK: A group with a live member

    @Test func resetWhileAKafkactlConsumerIsInTheGroupIsRefusedAndChangesNothing() async throws {
        try await Self.withLiveKafkactlMember("cg-busy-kafkactl") { topics, group in
            let result = try await Self.run(["--reset-offsets", "--group", group, "--topic", topics.main, "--to-earliest", "--execute"])
            let message = Self.expectOneError(result, exitCode: 1, containing: [
                "Assignments can only be reset if the group '\(group)' is inactive, but the current state is Stable.",
            ])
            #expect(message?.contains("nothing was changed") == true)
            try await Fixture.expectCommitted(group, topics, main: Self.atTheEnd, other: [nil, nil])
        }
    }

    /// A group whose offsets are at the end, with a kafkactl console-consumer as its one stable member while `body`
    /// runs; the member is then stopped with Ctrl-C and must exit 130.
    static func withLiveKafkactlMember(
        _ name: String, _ body: (Fixture.Topics, String) async throws -> Void
    ) async throws {
        let topics = try await Fixture.topics()
        let group = try await groupAtTheEnd(topics, name)
        let address = try await brokerAddress()
        try await withBackgroundProcesses { processes in
            let consumer = processes.add(try BackgroundProcess.kafkactl([
                "console-consumer", "--bootstrap-server", address, "--topic", topics.main, "--group", group,
            ] + GroupTestSupport.fastGroupProperties))
            let stable = try await GroupTestSupport.waitUntilStable(group, members: 1)
            try #require(stable != nil, "the consumer never joined; stderr: \(consumer.stderr)")
            try await body(topics, group)
            consumer.send(SIGINT)
            #expect(await consumer.waitForExit(within: .seconds(15)) == 130)
        }
    }

    static let confluentMember = """
        import sys, threading
        from confluent_kafka import Consumer
        consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": sys.argv[2], "session.timeout.ms": 6000,
                             "heartbeat.interval.ms": 1000, "enable.auto.commit": False, "auto.offset.reset": "earliest"})
        def assigned(c, partitions):
            print("assigned %d" % len(partitions), flush=True)
        consumer.subscribe([sys.argv[3]], on_assign=assigned)
        stop = threading.Event()
        def wait_for_eof():
            sys.stdin.read()
            stop.set()
        threading.Thread(target=wait_for_eof, daemon=True).start()
        while not stop.is_set():
            consumer.poll(0.2)
        consumer.close()
        print("closed", flush=True)
        """

    @Test func resetWhileAConfluentConsumerIsInTheGroupIsRefusedAndChangesNothing() async throws {
        let topics = try await Fixture.topics()
        let group = try await Self.groupAtTheEnd(topics, "cg-busy-confluent")
        let address = try await brokerAddress()
        try await withBackgroundProcesses { processes in
            let member = processes.add(try BackgroundProcess(
                pythonVenv.appendingPathComponent("bin/python"), ["-c", Self.confluentMember, address, group, topics.main]))
            let assigned = try await eventually(within: .seconds(30)) { member.lines.contains("assigned 4") }
            try #require(assigned, "librdkafka never got its partitions; stderr: \(member.stderr)")
            let result = try await Self.run(["--reset-offsets", "--group", group, "--all-topics", "--to-earliest", "--execute"])
            let message = try #require(Self.expectOneError(result, exitCode: 1, containing: [
                "Assignments can only be reset if the group '\(group)' is inactive, but the current state is ",
            ]))
            #expect(!message.contains("state is Empty"), "\(message)")
            try await Fixture.expectCommitted(group, topics, main: Self.atTheEnd, other: [nil, nil])
            member.closeStdin()
            #expect(await member.waitForExit(within: .seconds(15)) == 0, "stderr: \(member.stderr)")
        }
    }

    @Test func deleteWhileAConsumerIsInTheGroupIsRefusedAndChangesNothing() async throws {
        try await Self.withLiveKafkactlMember("cg-busy-delete") { topics, group in
            let result = try await Self.run(["--delete", "--group", group])
            Self.expectOneError(result, exitCode: 1, containing: ["'\(group)'", "not empty", "Stable"])
            try await Fixture.expectCommitted(group, topics, main: Self.atTheEnd, other: [nil, nil])
            #expect(try await GroupTestSupport.state(of: group)?.members == 1)
        }
    }

    // MARK: Usage errors (exit 64, the message and the usage hint)

    static func expectUsageError(_ result: ProcessResult, _ message: String, prefixOnly: Bool = false,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        let text = expectOneError(result, exitCode: 64, sourceLocation: sourceLocation)
        if prefixOnly {
            #expect(text?.hasPrefix(message) == true, "\(text ?? "")", sourceLocation: sourceLocation)
        } else {
            #expect(text == message, sourceLocation: sourceLocation)
        }
        #expect(result.stderrLines.last == usageHint, sourceLocation: sourceLocation)
    }

    @Test func aResetWithoutAScenarioIsRefused() async throws {
        let topics = try await Fixture.topics()
        let group = try await Fixture.seededGroup(topics, "cg-no-scenario")
        let result = try await Self.run(["--reset-offsets", "--group", group, "--topic", topics.main, "--execute"])
        Self.expectUsageError(result, "Option '[reset-offsets]' requires one of the following scenarios: ", prefixOnly: true)
        try await Fixture.expectCommitted(group, topics, main: Fixture.seedMain, other: Fixture.seedOther)
    }

    @Test func aResetWithTwoScenariosIsRefused() async throws {
        let topics = try await Fixture.topics()
        let group = try await Fixture.seededGroup(topics, "cg-two-scenarios")
        let result = try await Self.run(["--reset-offsets", "--group", group, "--topic", topics.main, "--to-latest", "--to-offset", "1", "--execute"])
        Self.expectUsageError(result, "Option \"[to-offset]\" can't be used with option \"[to-latest]\"")
        try await Fixture.expectCommitted(group, topics, main: Fixture.seedMain, other: Fixture.seedOther)
    }

    @Test func executeWithoutAScopeIsRefused() async throws {
        let result = try await Self.run(["--reset-offsets", "--group", BrokerHarness.uniqueName("cg-no-scope"), "--to-earliest", "--execute"])
        Self.expectUsageError(result, "One of the reset scopes should be defined: --all-topics, --topic.")
    }

    @Test func aMalformedToDatetimeIsRefused() async throws {
        let result = try await Self.run(["--reset-offsets", "--group", "g", "--topic", "t", "--to-datetime", "2026-02-30T25:00:00.000", "--execute"])
        Self.expectUsageError(result, "Error parsing timestamp '2026-02-30T25:00:00.000'", prefixOnly: true)
    }

    @Test func aMalformedByDurationIsRefused() async throws {
        let result = try await Self.run(["--reset-offsets", "--group", "g", "--topic", "t", "--by-duration", "PT1X", "--execute"])
        Self.expectUsageError(result, "Error parsing duration 'PT1X'", prefixOnly: true)
    }

    @Test func aFromFileLineThatDoesNotParseIsNamedAndNothingIsApplied() async throws {
        let topics = try await Fixture.topics()
        let group = try await Fixture.seededGroup(topics, "cg-bad-file")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kafkactl-plan-\(UUID().uuidString).csv")
        try Data("\(topics.main),0,7\n\(topics.main),one,2\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await Self.run(["--reset-offsets", "--group", group, "--from-file", file.path, "--execute"])
        let message = Self.expectOneError(result, exitCode: 64, containing: ["line 2", "'\(topics.main),one,2'"])
        #expect(message?.hasPrefix("--from-file line 2 does not parse") == true)
        // The good first line was not applied either.
        try await Fixture.expectCommitted(group, topics, main: Fixture.seedMain, other: Fixture.seedOther)
    }

    // MARK: Runtime errors (exit 1)

    @Test func aPartitionThatDoesNotExistIsRefusedAndNothingIsReset() async throws {
        let topics = try await Fixture.topics()
        let group = try await Fixture.seededGroup(topics, "cg-no-partition")
        let result = try await Self.run(["--reset-offsets", "--group", group, "--topic", "\(topics.main):0,99", "--to-earliest", "--execute"])
        Self.expectOneError(result, exitCode: 1, containing: ["partition 99 of topic '\(topics.main)' does not exist", "4 partitions"])
        try await Fixture.expectCommitted(group, topics, main: Fixture.seedMain, other: Fixture.seedOther)
    }

    @Test func aTopicThatDoesNotExistIsRefused() async throws {
        let topics = try await Fixture.topics()
        let group = try await Fixture.seededGroup(topics, "cg-no-topic")
        let missing = BrokerHarness.uniqueName("e2e-cg-missing")
        let result = try await Self.run(["--reset-offsets", "--group", group, "--topic", missing, "--to-earliest", "--execute"])
        Self.expectOneError(result, exitCode: 1, containing: ["Topic '\(missing)' does not exist"])
        try await Fixture.expectCommitted(group, topics, main: Fixture.seedMain, other: Fixture.seedOther)
    }

    @Test func shiftByWithoutACommittedOffsetIsRefusedForTheWholeReset() async throws {
        let topics = try await Fixture.topics()
        let group = try await Fixture.seededGroup(topics, "cg-shift-none")
        // Partition 3 has no committed offset: Kafka's message, and partitions 0-2 do not move either.
        let result = try await Self.run(["--reset-offsets", "--group", group, "--topic", topics.main, "--shift-by", "1", "--execute"])
        let message = Self.expectOneError(result, exitCode: 1)
        #expect(message == "Cannot shift offset for partition \(topics.main)-3 since there is no current committed offset")
        try await Fixture.expectCommitted(group, topics, main: Fixture.seedMain, other: Fixture.seedOther)
    }

    @Test func deleteOffsetsOnThisBrokerSaysItIsUnsupportedAndChangesNothing() async throws {
        // Tansu has no OffsetDelete (API 47).
        let topics = try await Fixture.topics()
        let group = try await Fixture.seededGroup(topics, "cg-delete-offsets")
        let result = try await Self.run(["--delete-offsets", "--group", group, "--topic", topics.main])
        let message = Self.expectOneError(result, exitCode: 1, containing: ["does not support deleting committed offsets (OffsetDelete)"])
        #expect(message?.contains("(OffsetDelete) (OffsetDelete)") == false, "the API is named once")
        try await Fixture.expectCommitted(group, topics, main: Fixture.seedMain, other: Fixture.seedOther)
    }

    // MARK: A group that does not exist

    @Test func describeOfAGroupThatDoesNotExistOnThisBrokerReportsAnEmptyGroup() async throws {
        // What Tansu does: DescribeGroups answers an unknown group as Empty (not Dead or GROUP_ID_NOT_FOUND), so
        // kafkactl, like Kafka's tool for an Empty group without offsets, prints only the note and exits 0. Against
        // Kafka it says the group does not exist (see IntegrationTests' GroupsIntegrationTests).
        let group = BrokerHarness.uniqueName("cg-never-used")
        let result = try await Self.run(["--describe", "--group", group])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "\nConsumer group '\(group)' has no active members.\n")
    }
}
