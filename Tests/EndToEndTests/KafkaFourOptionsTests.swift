import Foundation
import TestSupport
import Testing

/// Issue 18, item 9: options of Apache's option classes that kafkactl lacked: topics --topic-id and --delete-config
/// (Kafka 4.x accepts it with a deprecation warning and does nothing), console-consumer --enable-systest-events,
/// and Kafka 4.2's new names --command-property, --formatter-property (consumer), --command-property and
/// --reader-property (producer), beside the old names and refused together with them as Kafka refuses them.
@Suite struct KafkaFourOptionsTests {
    static var bootstrap: String { get throws { try BrokerHarness.bootstrap() } }

    @Test func describeByTopicIdFindsTheTopicAndAnUnknownIdIsNamed() async throws {
        let topic = BrokerHarness.uniqueName("e2e-topic-id")
        try await createTopic(topic, partitions: 2)
        try await withTopics(topic) {
            let byName = try await kafkactl(["topics", "--bootstrap-server", try Self.bootstrap, "--describe", "--topic", topic])
            let id = try #require(byName.stdout.split(separator: "\t").first { $0.hasPrefix("TopicId: ") }?.dropFirst("TopicId: ".count))
            let byId = try await kafkactl(["topics", "--bootstrap-server", try Self.bootstrap, "--describe", "--topic-id", String(id)])
            #expect(byId.exitCode == 0, "stderr: \(byId.stderr)")
            #expect(byId.stdout == byName.stdout)
            // Another id (the last character changed within the id's significant bits).
            let unknown = String(id.dropLast(2)) + (id.dropLast().last == "A" ? "B" : "A") + String(id.last!)
            let missing = try await kafkactl(["topics", "--bootstrap-server", try Self.bootstrap, "--describe", "--topic-id", unknown])
            expectFailure(missing, exitCode: 1, message: "TopicId '\(unknown)' does not exist as expected")
            let quiet = try await kafkactl(["topics", "--bootstrap-server", try Self.bootstrap, "--describe", "--topic-id", unknown, "--if-exists"])
            #expect(quiet.exitCode == 0 && quiet.stdout.isEmpty, "stderr: \(quiet.stderr)")
            let bad = try await kafkactl(["topics", "--bootstrap-server", try Self.bootstrap, "--describe", "--topic-id", "not-an-id"])
            expectFailure(bad, exitCode: 64, message: "Invalid --topic-id 'not-an-id': expected Kafka's 22-character topic id, as topics --describe shows it", usageHint: true)
        }
    }

    @Test func deleteConfigGetsKafkasDeprecationWarningAndChangesNothing() async throws {
        let topic = BrokerHarness.uniqueName("e2e-delete-config")
        try await createTopic(topic)
        try await withTopics(topic) {
            let result = try await kafkactl(["topics", "--bootstrap-server", try Self.bootstrap, "--describe", "--topic", topic,
                                             "--delete-config", "retention.ms"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stderr == "delete-config option is no longer supported and deprecated since version 4.0. The config will be fully removed in future releases.\n")
            #expect(result.stdout.hasPrefix("Topic: \(topic)\t"))
        }
    }

    @Test func systestEventsPrintShutdownCompleteLast() async throws {
        let topic = BrokerHarness.uniqueName("e2e-systest")
        try await createTopic(topic)
        try await withTopics(topic) {
            try await GroupTestSupport.produceOnePerBatch(topic, counts: [2])
            let result = try await kafkactl(["console-consumer", "--bootstrap-server", try Self.bootstrap, "--topic", topic,
                                             "--from-beginning", "--max-messages", "2", "--enable-systest-events"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 3 && lines.last == "shutdown_complete", "\(lines)")
        }
    }

    @Test func kafka42NamesWorkLikeTheOldOnes() async throws {
        let topic = BrokerHarness.uniqueName("e2e-42-names")
        try await createTopic(topic)
        try await withTopics(topic) {
            // --reader-property: the key is parsed out of the line.
            let produced = try await ProducerHarness.produce(topic, ["--reader-property", "parse.key=true", "--reader-property", "key.separator=:"],
                                                            input: "k1:v1\nk2:v2\n")
            #expect(produced.exitCode == 0, "stderr: \(produced.stderr)")
            // --command-property auto.offset.reset=earliest reads from the start without --from-beginning;
            // --formatter-property print.key=true prints the keys.
            let consumed = try await kafkactl(["console-consumer", "--bootstrap-server", try Self.bootstrap, "--topic", topic,
                                               "--command-property", "auto.offset.reset=earliest",
                                               "--formatter-property", "print.key=true", "--max-messages", "2"])
            #expect(consumed.exitCode == 0, "stderr: \(consumed.stderr)")
            #expect(consumed.stdout == "k1\tv1\nk2\tv2\n")
            // The producer's --command-property is read: a bad acks is refused naming it.
            let refused = try await ProducerHarness.produce(topic, ["--command-property", "acks=7"], input: "x\n")
            expectFailure(refused, exitCode: 64, message: "invalid value '7' for acks: expected all, -1, 0 or 1")
        }
    }

    @Test(arguments: [
        (["console-consumer", "--topic", "t", "--consumer-property", "a=b", "--command-property", "a=b"],
         "Options --consumer-property and --command-property cannot be specified together."),
        (["console-consumer", "--topic", "t", "--property", "print.key=true", "--formatter-property", "print.key=true"],
         "Options --property and --formatter-property cannot be specified together."),
        (["console-consumer", "--topic", "t", "--consumer.config", "/dev/null", "--command-config", "/dev/null"],
         "Options --consumer.config and --command-config cannot be specified together."),
        (["console-producer", "--topic", "t", "--producer-property", "acks=1", "--command-property", "acks=1"],
         "Options --command-property and --producer-property cannot be specified together."),
        (["console-producer", "--topic", "t", "--property", "parse.key=true", "--reader-property", "parse.key=true"],
         "Options --reader-property and --property cannot be specified together."),
        (["console-producer", "--topic", "t", "--producer.config", "/dev/null", "--command-config", "/dev/null"],
         "Options --command-config and --producer.config cannot be specified together."),
    ])
    func oldAndNewNamesTogetherAreRefusedAsKafkaRefusesThem(_ arguments: [String], _ message: String) async throws {
        let result = try await kafkactl([arguments[0], "--bootstrap-server", try Self.bootstrap] + arguments.dropFirst())
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["Error: \(message)", "See 'kafkactl \(arguments[0]) --help' for usage."])
    }
}
