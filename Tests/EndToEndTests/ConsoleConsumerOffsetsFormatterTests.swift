import Foundation
import TestSupport
import Testing

/// `kafkactl console-consumer --formatter` with Kafka's OffsetsMessageFormatter and GroupMetadataMessageFormatter,
/// on the built binary against the test broker. The broker has no `__consumer_offsets` to read, so confluent-kafka
/// writes records with the exact key and value bytes the group coordinator writes there (TestSupport/
/// OffsetsTopicGolden.swift) into an ordinary topic, and the test compares stdout byte for byte with what Kafka
/// 4.x's formatters print for them.
@Suite struct ConsoleConsumerOffsetsFormatterTests {
    typealias Outgoing = ConsumerTestSupport.Outgoing
    typealias Phase = ConsumerTestSupport.Phase
    typealias Golden = OffsetsTopicGolden

    static func record(_ topic: String, _ key: [UInt8]?, _ value: [UInt8]?) -> Outgoing {
        // A nil `binaryValue` and `value` is a null value (a tombstone); a nil `binaryKey` and `key` a null key.
        Outgoing(topic: topic, partition: 0, binaryValue: value, binaryKey: key)
    }

    /// Nine records of every kind, in one partition: offset commits of each version, group metadata, tombstones of
    /// both, a new-protocol record (type 3) and a record with a null key.
    static func mixedRecords(_ topic: String) -> [Outgoing] {
        [
            record(topic, Golden.offsetCommitKeyV1, Golden.offsetCommitValueV1),
            record(topic, Golden.groupMetadataKeyV2, Golden.groupMetadataValueV3),
            record(topic, Golden.offsetCommitKeyV1, Golden.offsetCommitValueV3),
            record(topic, Golden.offsetCommitKeyV1, nil),
            record(topic, Golden.consumerGroupMetadataKeyV3, [0x00, 0x00, 0x00]),
            record(topic, Golden.groupMetadataKeyV2, nil),
            record(topic, Golden.offsetCommitKeyV1, Golden.offsetCommitValueV4),
            record(topic, nil, Golden.offsetCommitValueV1),
            record(topic, Golden.groupMetadataKeyV2, Golden.groupMetadataValueV4Empty),
        ]
    }

    @Test func theOffsetsFormatterPrintsKafkasJSONForOffsetCommitsOnly() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-offsets")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 1)
            _ = try await ConsumerTestSupport.produce([Phase(flushEach: true, records: Self.mixedRecords(topic))])
            let result = try await ConsumerTestSupport.consume([
                "--topic", topic, "--from-beginning", "--max-messages", "9",
                "--formatter", "org.apache.kafka.tools.consumer.OffsetsMessageFormatter",
            ])
            #expect(result.exitCode == 0, "\(result.stderr)")
            // Kafka prints the objects back to back, without a newline.
            #expect(result.stdout == Golden.offsetsV1Text + Golden.offsetsV3Text + Golden.offsetsTombstoneText + Golden.offsetsV4Text)
            // Records the formatter skips still count, as in Kafka's loop.
            #expect(result.stderr == ConsumerTestSupport.processed(9) + "\n")
        }
    }

    @Test(arguments: ["org.apache.kafka.tools.consumer.GroupMetadataMessageFormatter",
                      "kafka.coordinator.group.GroupMetadataManager$GroupMetadataMessageFormatter"])
    func theGroupMetadataFormatterPrintsKafkasJSONForGroupsOnly(name: String) async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-groupmeta")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 1)
            _ = try await ConsumerTestSupport.produce([Phase(flushEach: true, records: Self.mixedRecords(topic) + [
                Self.record(topic, Golden.groupMetadataKeyV2, Golden.groupMetadataValueV4),
            ])])
            let result = try await ConsumerTestSupport.consume([
                "--topic", topic, "--from-beginning", "--max-messages", "10", "--formatter", name,
            ])
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stdout == Golden.groupV3Text + Golden.groupTombstoneText + Golden.groupV4EmptyText + Golden.groupV4Text)
            #expect(result.stderr == ConsumerTestSupport.processed(10) + "\n")

            // kafkactl's line.separator puts one record on each line.
            let lines = try await ConsumerTestSupport.consume([
                "--topic", topic, "--from-beginning", "--max-messages", "10", "--formatter", "GroupMetadataMessageFormatter",
                "--property", "line.separator=\n",
            ])
            #expect(lines.exitCode == 0, "\(lines.stderr)")
            #expect(lines.stdout == [Golden.groupV3Text, Golden.groupTombstoneText, Golden.groupV4EmptyText, Golden.groupV4Text]
                .map { $0 + "\n" }.joined())
        }
    }

    @Test func aRecordThatCannotBeReadStopsWithExitOneUnlessSkipped() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-offsets-bad")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 1)
            _ = try await ConsumerTestSupport.produce([Phase(flushEach: true, records: [
                Self.record(topic, Golden.offsetCommitKeyV1, Golden.offsetCommitValueV1),
                Self.record(topic, Golden.offsetCommitKeyV1, Golden.offsetCommitValueV3Truncated),
                Self.record(topic, Golden.offsetCommitKeyV1, Golden.offsetCommitValueV3),
            ])])
            let arguments = ["--topic", topic, "--from-beginning", "--exit-at-end", "--formatter", "OffsetsMessageFormatter"]
            let reason = "Could not read record at offset 1 due to: Could not read record with version 3 from value's buffer due to: field metadata needs 8 byte(s) but only 6 are left."

            let stopped = try await ConsumerTestSupport.consume(arguments)
            #expect(stopped.exitCode == 1, "\(stopped.stderr)")
            #expect(stopped.stdout == Golden.offsetsV1Text, "the record before the bad one is printed")
            let errors = stopped.stderrLines.filter { $0.hasPrefix("Error: ") }
            #expect(errors == ["Error: \(topic)-0 offset 1: \(reason) (--skip-message-on-error skips such records)"], "\(stopped.stderr)")

            let skipped = try await ConsumerTestSupport.consume(arguments + ["--skip-message-on-error"])
            #expect(skipped.exitCode == 0, "\(skipped.stderr)")
            #expect(skipped.stdout == Golden.offsetsV1Text + Golden.offsetsV3Text)
            #expect(skipped.stderrLines.first == "Error processing message, skipping this message: \(topic)-0 offset 1: \(reason)",
                    "\(skipped.stderr)")
        }
    }

    @Test func anUnknownFormatterIsOneErrorLineAndExit64() async throws {
        let result = try await ConsumerTestSupport.consume([
            "--topic", "whatever", "--formatter", "kafka.coordinator.transaction.TransactionLog$TransactionLogMessageFormatter",
        ])
        #expect(result.exitCode == 64, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == [
            "Error: unsupported --formatter 'kafka.coordinator.transaction.TransactionLog$TransactionLogMessageFormatter': kafkactl has Kafka's DefaultMessageFormatter, OffsetsMessageFormatter and GroupMetadataMessageFormatter (and --output json)",
            "See 'kafkactl console-consumer --help' for usage.",
        ])
    }
}
