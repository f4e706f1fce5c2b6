import Foundation
import TestSupport
import Testing

/// kafkactl and an independent client (confluent-kafka 2.16, librdkafka) see the same topics.
@Suite struct InteropTests {
    /// Runs a Python script with the broker's address as argv[1] (then `args`) and returns its stdout as JSON.
    static func pythonJSON(_ script: String, _ args: [String]) async throws -> [String: Any] {
        let result = try await python(script, args)
        try #require(result.exitCode == 0, "python failed: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Any], "python printed: \(result.stdout)")
    }

    @Test func aTopicCreatedByKafkactlIsSeenByConfluentKafka() async throws {
        let name = BrokerHarness.uniqueName("e2e-interop-out")
        try await withTopics(name) {
            try await createTopic(name, partitions: 4)
            let json = try await topics(["--describe", "--topic", name, "--output", "json"])
            let ours = try #require((try json.jsonObject()["topics"] as? [[String: Any]])?.first)

            let seen = try await Self.pythonJSON("""
                import json, sys
                from confluent_kafka import TopicCollection
                from confluent_kafka.admin import AdminClient
                admin = AdminClient({"bootstrap.servers": sys.argv[1]})
                metadata = admin.list_topics(topic=sys.argv[2], timeout=10)
                topic = metadata.topics[sys.argv[2]]
                described = admin.describe_topics(TopicCollection([sys.argv[2]]))[sys.argv[2]].result(timeout=10)
                print(json.dumps({
                    "error": str(topic.error) if topic.error else None,
                    "partitions": sorted(topic.partitions),
                    "topicId": str(described.topic_id),
                }))
                """, [name])
            #expect(seen["error"] is NSNull)
            #expect(seen["partitions"] as? [Int] == [0, 1, 2, 3])
            // librdkafka prints topic ids in standard base64; Kafka (and kafkactl) use the URL-safe alphabet.
            let theirs = (seen["topicId"] as? String)?.replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "+", with: "-")
            #expect(theirs == ours["topicId"] as? String)
        }
    }

    @Test func aTopicCreatedByConfluentKafkaIsListedAndDescribedByKafkactl() async throws {
        let name = BrokerHarness.uniqueName("e2e-interop-in")
        try await withTopics(name) {
            let made = try await Self.pythonJSON("""
                import json, sys
                from confluent_kafka.admin import AdminClient, NewTopic, ConfigResource
                admin = AdminClient({"bootstrap.servers": sys.argv[1]})
                topic = NewTopic(sys.argv[2], num_partitions=3, replication_factor=1, config={"cleanup.policy": "compact"})
                admin.create_topics([topic], operation_timeout=10)[sys.argv[2]].result(timeout=10)
                resource = ConfigResource(ConfigResource.Type.TOPIC, sys.argv[2])
                configs = admin.describe_configs([resource])[resource].result(timeout=10)
                entry = configs["cleanup.policy"]
                print(json.dumps({"value": entry.value, "isDefault": entry.is_default}))
                """, [name])
            #expect(made["value"] as? String == "compact")

            let listed = try await topics(["--list", "--topic", name])
            #expect(listed.exitCode == 0)
            #expect(listed.stdout == "\(name)\n")

            let described = try await topics(["--describe", "--topic", name])
            #expect(described.exitCode == 0)
            #expect(described.stderr.isEmpty)
            let lines = described.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 4)
            let summary = try #require(lines.first).components(separatedBy: "\t")
            #expect(summary.count == 5)
            #expect(summary.first == "Topic: \(name)")
            #expect(summary.contains("PartitionCount: 3"))
            #expect(summary.contains("ReplicationFactor: 1"))
            // Configs lists what the broker reports as non-default. Kafka reports a create-time config as
            // DYNAMIC_TOPIC_CONFIG; Tansu reports it as DEFAULT_CONFIG, so there it is left out, as Kafka's tool would.
            let isDefault = try #require(made["isDefault"] as? Bool)
            #expect(summary.last == (isDefault ? "Configs: " : "Configs: cleanup.policy=compact"))
            for (index, line) in lines.dropFirst().enumerated() {
                #expect(line.hasPrefix("\tTopic: \(name)\tPartition: \(index)\tLeader: "))
                #expect(line.hasSuffix("\tElr: N/A\tLastKnownElr: N/A"))
            }
        }
    }
}
