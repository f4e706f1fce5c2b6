import Foundation
import TestSupport
import Testing

/// Bad input and refusals: one `Error: ` line on stderr naming the problem, nothing on stdout, the documented exit
/// code, and no hang.
@Suite struct TopicsErrorTests {
    @Test func anUnreachableBrokerIsNamedAndExits69() async throws {
        let result = try await kafkactl(
            ["topics", "--bootstrap-server", "127.0.0.1:1", "--timeout-ms", "1000", "--list"], timeout: .seconds(15))
        expectFailure(result, exitCode: 69, containing: ["127.0.0.1:1", "no broker reachable"])
        #expect(result.elapsed < honouredTimeoutBound)
    }

    /// Issue 18, item 3: a refused connection is an answer. With the default 10 s connect timeout, every address
    /// refusing fails after a brief retry (it took 9.5 s), for admin commands and the consumer alike.
    @Test(arguments: [["topics", "--list"], ["console-consumer", "--topic", "t"], ["consumer-groups", "--list"]])
    func everyBootstrapAddressRefusingFailsWithinAboutASecond(_ command: [String]) async throws {
        let held = try LoopbackPorts.reserve(2)  // bound, never listening: connecting is refused
        let servers = held.map { "127.0.0.1:\($0.port)" }
        let result = try await kafkactl(
            [command[0], "--bootstrap-server", servers.joined(separator: ",")] + command.dropFirst(), timeout: .seconds(15))
        expectFailure(result, exitCode: 69, containing: ["no broker reachable", "\(servers[0]): connection refused", "\(servers[1]): connection refused"])
        #expect(result.elapsed < .seconds(3), "took \(result.elapsed)")
        withExtendedLifetime(held) {}
    }

    @Test func describingAnUnknownTopicFails() async throws {
        let name = BrokerHarness.uniqueName("e2e-unknown")
        expectFailure(try await topics(["--describe", "--topic", name]), exitCode: 1,
                      message: "Topic '\(name)' does not exist as expected")
    }

    @Test func deletingAnUnknownTopicFails() async throws {
        let name = BrokerHarness.uniqueName("e2e-unknown")
        expectFailure(try await topics(["--delete", "--topic", name]), exitCode: 1,
                      message: "Topic '\(name)' does not exist as expected")
    }

    @Test func alteringAnUnknownTopicFails() async throws {
        let name = BrokerHarness.uniqueName("e2e-unknown")
        expectFailure(try await topics(["--alter", "--topic", name, "--partitions", "3"]), exitCode: 1,
                      message: "Topic '\(name)' does not exist as expected")
    }

    @Test func creatingAnExistingTopicFails() async throws {
        let name = BrokerHarness.uniqueName("e2e-exists")
        try await withTopics(name) {
            try await createTopic(name)
            expectFailure(try await topics(["--create", "--topic", name]), exitCode: 1,
                          message: "Topic '\(name)' already exists. [TOPIC_ALREADY_EXISTS]")
        }
    }

    @Test func aTopicNameLongerThan249CharactersIsAUsageError() async throws {
        let name = String(repeating: "a", count: 250)
        expectFailure(try await topics(["--create", "--topic", name]), exitCode: 64,
                      containing: ["can't be longer than 249 characters"])
    }

    @Test func aTopicNameOf249CharactersIsAccepted() async throws {
        let prefix = BrokerHarness.uniqueName("e2e-long")
        let name = prefix + String(repeating: "x", count: 249 - prefix.count)
        try #require(name.count == 249)
        try await withTopics(name) {
            let created = try await topics(["--create", "--topic", name])
            #expect(created.exitCode == 0, "\(created.stderr)")
        }
    }

    @Test func aTopicNameWithAnIllegalCharacterIsAUsageError() async throws {
        expectFailure(try await topics(["--create", "--topic", "a/b"]), exitCode: 64,
                      containing: ["a/b", "illegal", "'/'"])
    }

    @Test(arguments: [".", ".."])
    func aTopicNamedDotOrDotDotIsAUsageError(name: String) async throws {
        expectFailure(try await topics(["--create", "--topic", name]), exitCode: 64,
                      message: "topic name cannot be \".\" or \"..\"")
    }

    @Test func zeroPartitionsIsRefusedBeforeConnecting() async throws {
        // Checked by validate() with Kafka's wording; a flag value error, so a usage error (64) with the hint.
        let result = try await kafkactl(["topics", "--bootstrap-server", "127.0.0.1:1", "--create", "--topic", "t",
                                         "--partitions", "0"])
        expectFailure(result, exitCode: 64, message: "The partitions must be greater than 0", usageHint: true)
    }

    @Test func alteringToFewerPartitionsFailsWithKafkasMessage() async throws {
        let name = BrokerHarness.uniqueName("e2e-shrink")
        try await withTopics(name) {
            try await createTopic(name, partitions: 3)
            expectFailure(try await topics(["--alter", "--topic", name, "--partitions", "2"]), exitCode: 1,
                          message: "The topic \(name) currently has 3 partition(s); 2 would not be an increase. [INVALID_PARTITIONS]")
        }
    }

    @Test func alteringToTheSamePartitionCountFails() async throws {
        let name = BrokerHarness.uniqueName("e2e-same")
        try await withTopics(name) {
            try await createTopic(name, partitions: 3)
            expectFailure(try await topics(["--alter", "--topic", name, "--partitions", "3"]), exitCode: 1,
                          message: "Topic already has 3 partition(s). [INVALID_PARTITIONS]")
        }
    }

    @Test func aReplicationFactorAboveTheBrokerCountFails() async throws {
        let name = BrokerHarness.uniqueName("e2e-rf")
        try await withTopics(name) {
            expectFailure(try await topics(["--create", "--topic", name, "--replication-factor", "2"]), exitCode: 1,
                          message: "Unable to replicate the partition 2 time(s): The target replication factor of 2 cannot be reached because only 1 broker(s) are registered. [INVALID_REPLICATION_FACTOR]")
            #expect(try await topics(["--list", "--topic", name]).stdout == "\n", "the topic must not have been created")
        }
    }

    @Test func aConfigWithoutEqualsIsAUsageError() async throws {
        expectFailure(try await topics(["--create", "--topic", BrokerHarness.uniqueName("e2e-cfg"), "--config", "foo"]),
                      exitCode: 64,
                      message: "Invalid topic config: all configs to be added must be in the format \"key=val\".")
    }

    @Test func anUnknownConfigNameIsAUsageError() async throws {
        expectFailure(try await topics(["--create", "--topic", BrokerHarness.uniqueName("e2e-cfg"), "--config", "foo=bar"]),
                      exitCode: 64, message: "Unknown topic config name: foo")
    }

    @Test func anUnknownFlagIsAUsageErrorWithTheHint() async throws {
        let result = try await kafkactl(["topics", "--bootstrap", "127.0.0.1:9092", "--list"])
        expectFailure(result, exitCode: 64, message: "Unknown option '--bootstrap'", usageHint: true)
    }

    @Test func aCommandWithoutAnActionIsAUsageErrorWithTheHint() async throws {
        let result = try await kafkactl(["topics", "--bootstrap-server", "127.0.0.1:9092", "--topic", "t"])
        expectFailure(result, exitCode: 64,
                      message: "Command must include exactly one action: --list, --describe, --create, --alter, --delete, --verify or --diff",
                      usageHint: true)
    }

    @Test func createWithoutATopicIsAUsageErrorWithTheHint() async throws {
        let result = try await kafkactl(["topics", "--bootstrap-server", "127.0.0.1:9092", "--create"])
        expectFailure(result, exitCode: 64, message: "Missing required argument \"[topic]\"", usageHint: true)
    }

    @Test func aMissingBootstrapServerIsAUsageError() async throws {
        let result = try await kafkactl(["topics", "--list"])
        expectFailure(result, exitCode: 64,
                      message: "--bootstrap-server must be specified (or bootstrap.servers in --command-config)")
    }
}
