import Foundation
import TestSupport
import Testing

/// Issue 18, item 8: Kafka's tools take a negative number as an option's own word (`--shift-by -5`); only
/// `--shift-by=-5` worked, the spaced form was refused as an unknown flag. Each option is proven by what it does.
@Suite struct NegativeNumberArgumentTests {
    static func groups(_ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["consumer-groups", "--bootstrap-server", try BrokerHarness.bootstrap()] + arguments)
    }

    @Test func resetOffsetsTakesShiftByAndToOffsetAsSeparateNegativeWords() async throws {
        let topic = BrokerHarness.uniqueName("e2e-negative-reset")
        let group = BrokerHarness.uniqueName("e2e-negative-reset")
        try await createTopic(topic)
        try await withTopics(topic) {
            try await GroupTestSupport.produceOnePerBatch(topic, counts: [5])
            try await GroupTestSupport.commit(group: group, [topic: [0: 3]])
            let shifted = try await Self.groups(["--reset-offsets", "--group", group, "--topic", topic, "--shift-by", "-2", "--execute"])
            #expect(shifted.exitCode == 0, "stderr: \(shifted.stderr)")
            #expect(try await GroupTestSupport.committed(group: group, topic: topic, partitions: 1) == [0: 1])
            // Below the earliest offset: Kafka's warning, and the earliest.
            let below = try await Self.groups(["--reset-offsets", "--group", group, "--topic", topic, "--to-offset", "-5", "--execute"])
            #expect(below.exitCode == 0, "stderr: \(below.stderr)")
            #expect(below.stderr.contains("WARN: New offset (-5) is lower than earliest offset for topic partition \(topic)-0. Value will be set to 0"))
            #expect(try await GroupTestSupport.committed(group: group, topic: topic, partitions: 1) == [0: 0])
        }
    }

    @Test func consoleConsumerReadsMinusOneAsNoLimitAndNoTimeoutAsKafkaDoes() async throws {
        let topic = BrokerHarness.uniqueName("e2e-negative-consume")
        try await createTopic(topic)
        try await withTopics(topic) {
            try await GroupTestSupport.produceOnePerBatch(topic, counts: [3])
            let bootstrap = try BrokerHarness.bootstrap()
            // --max-messages -1: no limit (ended by the idle timeout).
            let unlimited = try await kafkactl(["console-consumer", "--bootstrap-server", bootstrap, "--topic", topic,
                                                "--from-beginning", "--max-messages", "-1", "--timeout-ms", "4000"])
            #expect(unlimited.exitCode == 0, "stderr: \(unlimited.stderr)")
            #expect(unlimited.stdout.split(separator: "\n").count == 3)
            #expect(unlimited.stderr == "Processed a total of 3 messages\n")
            // --timeout-ms -1: no timeout (ended by the limit).
            let untimed = try await kafkactl(["console-consumer", "--bootstrap-server", bootstrap, "--topic", topic,
                                              "--from-beginning", "--timeout-ms", "-1", "--max-messages", "2"])
            #expect(untimed.exitCode == 0, "stderr: \(untimed.stderr)")
            #expect(untimed.stdout.split(separator: "\n").count == 2)
            // --max-messages 0 (or another negative): Kafka's loop reads nothing.
            let none = try await kafkactl(["console-consumer", "--bootstrap-server", bootstrap, "--topic", topic,
                                           "--from-beginning", "--max-messages", "-3"])
            #expect(none.exitCode == 0, "stderr: \(none.stderr)")
            #expect(none.stdout.isEmpty)
            #expect(none.stderr == "Processed a total of 0 messages\n")
        }
    }

    @Test func topicsAndGetOffsetsTakeNegativeWordsAndSayWhatKafkaSays() async throws {
        let bootstrap = try BrokerHarness.bootstrap()
        let topic = BrokerHarness.uniqueName("e2e-negative-topics")
        let refused = try await kafkactl(["topics", "--bootstrap-server", bootstrap, "--create", "--topic", topic,
                                          "--partitions", "-1", "--replication-factor", "1"])
        expectFailure(refused, exitCode: 64, message: "The partitions must be greater than 0", usageHint: true)
        try await createTopic(topic)
        try await withTopics(topic) {
            let earliest = try await kafkactl(["get-offsets", "--bootstrap-server", bootstrap, "--topic", topic, "--time", "-2"])
            #expect(earliest.exitCode == 0, "stderr: \(earliest.stderr)")
            #expect(earliest.stdout == "\(topic):0:0\n")
        }
    }
}
