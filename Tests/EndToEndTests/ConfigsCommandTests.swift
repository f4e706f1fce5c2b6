import Foundation
import TestSupport
import Testing

/// `kafkactl configs` from the built binary against the test broker (cli-parity §6).
///
/// The broker (Tansu, BROKER.md) reports explicitly set topic configs with source DEFAULT_CONFIG where Kafka says
/// DYNAMIC_TOPIC_CONFIG, so plain `--describe` (dynamic entries only, like kafka-configs.sh) shows them on Kafka but
/// not here: these tests read values back with `--describe --all`, and accept either for plain `--describe`.
@Suite struct ConfigsCommandTests {
    /// Runs `kafkactl configs --bootstrap-server <broker> arguments...`.
    static func configs(_ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["configs", "--bootstrap-server", try await brokerAddress()] + arguments)
    }

    /// Alters `topic` and requires Kafka's success line.
    static func alter(_ topic: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let result = try await configs(["--entity-type", "topics", "--entity-name", topic, "--alter"] + arguments)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout == "Completed updating config for topic \(topic).\n", sourceLocation: sourceLocation)
        // stderr carries only the before -> after diff of each key and warnings about risky values, never an error.
        for line in result.stderr.split(separator: "\n") {
            #expect((line.hasPrefix("  ") && line.contains(" -> ")) || line.hasPrefix("WARNING: "), "\(line)",
                    sourceLocation: sourceLocation)
        }
        let changed = result.stderr.split(separator: "\n").filter { $0.contains(" -> ") }
        #expect(!changed.isEmpty, "the diff names every changed key", sourceLocation: sourceLocation)
    }

    /// `--describe --all` of `topic` as name -> value, from Kafka's `  name=value sensitive=... synonyms={...}` lines.
    static func describedValues(_ topic: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: String] {
        let result = try await configs(["--entity-type", "topics", "--entity-name", topic, "--describe", "--all"])
        try #require(result.exitCode == 0, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        var lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "", "output ends with a newline", sourceLocation: sourceLocation)
        lines.removeLast()
        try #require(lines.first == "All configs for topic \(topic) are:", "stdout: \(result.stdout)", sourceLocation: sourceLocation)
        var values: [String: String] = [:]
        for line in lines.dropFirst() {
            // `  cleanup.policy=compact,delete sensitive=false synonyms={}`: the value ends at " sensitive=".
            try #require(line.hasPrefix("  "), "'\(line)'", sourceLocation: sourceLocation)
            let entry = try #require(line.dropFirst(2).range(of: " sensitive="), "'\(line)'", sourceLocation: sourceLocation)
            let pair = line.dropFirst(2)[..<entry.lowerBound]
            let equals = try #require(pair.firstIndex(of: "="), sourceLocation: sourceLocation)
            values[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            #expect(line[entry.upperBound...].hasPrefix("false synonyms={"), "'\(line)'", sourceLocation: sourceLocation)
        }
        return values
    }

    /// Polls `--describe --all` until `condition` holds of the values (or 10 s pass); returns the last values seen.
    static func describedValues(_ topic: String, until condition: ([String: String]) -> Bool) async throws -> [String: String] {
        var values: [String: String] = [:]
        _ = try await eventually {
            values = try await describedValues(topic)
            return condition(values)
        }
        return values
    }

    /// What confluent-kafka's AdminClient.describe_configs says about `topic`, as name -> value: an independent
    /// reading of the same configs.
    static func confluentDescribe(_ topic: String) async throws -> [String: String] {
        let script = """
            import json, sys
            from confluent_kafka.admin import AdminClient, ConfigResource, ResourceType
            admin = AdminClient({"bootstrap.servers": sys.argv[1]})
            futures = admin.describe_configs([ConfigResource(ResourceType.TOPIC, sys.argv[2])], request_timeout=20)
            entries = list(futures.values())[0].result(timeout=30)
            print(json.dumps({name: entry.value for name, entry in entries.items()}))
            """
        let result = try await python(script, [topic])
        try #require(result.exitCode == 0, "confluent-kafka failed: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: result.stdoutData)
        return try #require(object as? [String: String], "not a JSON object of strings: \(result.stdout)")
    }

    // MARK: topics

    @Test func theEverydayAlterSetsMinInsyncReplicasAndDescribeShowsIt() async throws {
        let topic = BrokerHarness.uniqueName("cfg-everyday")
        try await createTopic(topic)
        try await withTopics(topic) {
            try await Self.alter(topic, ["--add-config", "min.insync.replicas=2"])

            let values = try await Self.describedValues(topic) { $0["min.insync.replicas"] == "2" }
            #expect(values["min.insync.replicas"] == "2", "described: \(values)")

            // Plain --describe lists dynamic entries only: on Kafka the override, on this broker (which labels it
            // DEFAULT_CONFIG) nothing; never anything else.
            let dynamic = try await Self.configs(["--entity-type", "topics", "--entity-name", topic, "--describe"])
            #expect(dynamic.exitCode == 0, "stderr: \(dynamic.stderr)")
            let lines = dynamic.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "Dynamic configs for topic \(topic) are:")
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  min.insync.replicas=2 sensitive=false synonyms={") },
                    "stdout: \(dynamic.stdout)")

            // An independent client reads the same value from the broker.
            #expect(try await Self.confluentDescribe(topic)["min.insync.replicas"] == "2")
        }
    }

    @Test func oneAddConfigSetsSeveralKeysAndKeepsCommasInsideBrackets() async throws {
        let topic = BrokerHarness.uniqueName("cfg-multi")
        try await createTopic(topic)
        try await withTopics(topic) {
            try await Self.alter(topic, ["--add-config", "cleanup.policy=[compact,delete],retention.ms=86400000"])
            let values = try await Self.describedValues(topic) { $0["retention.ms"] != nil }
            #expect(values["cleanup.policy"] == "compact,delete", "described: \(values)")
            #expect(values["retention.ms"] == "86400000", "described: \(values)")
            let confluent = try await Self.confluentDescribe(topic)
            #expect(confluent["cleanup.policy"] == "compact,delete")
            #expect(confluent["retention.ms"] == "86400000")
        }
    }

    @Test func deleteConfigRemovesOnlyTheNamedKey() async throws {
        let topic = BrokerHarness.uniqueName("cfg-delete")
        try await createTopic(topic)
        try await withTopics(topic) {
            try await Self.alter(topic, ["--add-config", "retention.ms=86400000,min.insync.replicas=2"])
            _ = try await Self.describedValues(topic) { $0["retention.ms"] == "86400000" }

            try await Self.alter(topic, ["--delete-config", "retention.ms"])
            let values = try await Self.describedValues(topic) { $0["retention.ms"] == nil }
            // On Kafka the key falls back to its default (described again with source DEFAULT_CONFIG, not 86400000);
            // this broker stops describing it.
            #expect(values["retention.ms"] != "86400000", "described: \(values)")
            #expect(values["min.insync.replicas"] == "2", "described: \(values)")
        }
    }

    @Test func addConfigFileSetsEveryPropertyInTheFile() async throws {
        let topic = BrokerHarness.uniqueName("cfg-file")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(topic).properties")
        try """
            # topic settings for the test
            retention.ms=3600000
            cleanup.policy=compact
            max.message.bytes : 200000
            """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try await createTopic(topic)
        try await withTopics(topic) {
            try await Self.alter(topic, ["--add-config-file", file.path])
            let values = try await Self.describedValues(topic) { $0["max.message.bytes"] != nil }
            #expect(values["retention.ms"] == "3600000", "described: \(values)")
            #expect(values["cleanup.policy"] == "compact", "described: \(values)")
            #expect(values["max.message.bytes"] == "200000", "described: \(values)")
        }
    }

    @Test func theTopicShorthandAltersAndDescribesLikeEntityTypeAndName() async throws {
        let topic = BrokerHarness.uniqueName("cfg-shorthand")
        try await createTopic(topic)
        try await withTopics(topic) {
            let alter = try await Self.configs(["--topic", topic, "--alter", "--add-config", "segment.ms=600000"])
            #expect(alter.exitCode == 0, "stderr: \(alter.stderr)")
            #expect(alter.stdout == "Completed updating config for topic \(topic).\n")

            var described = try await Self.configs(["--topic", topic, "--describe", "--all"])
            _ = try await eventually {
                described = try await Self.configs(["--topic", topic, "--describe", "--all"])
                return described.stdout.contains("\n  segment.ms=600000 ")
            }
            #expect(described.exitCode == 0, "stderr: \(described.stderr)")
            #expect(described.stdout.hasPrefix("All configs for topic \(topic) are:\n"))
            #expect(described.stdout.contains("\n  segment.ms=600000 sensitive=false synonyms={"), "stdout: \(described.stdout)")
        }
    }

    @Test func describeAsJSONIsOneDocumentWithEveryEntry() async throws {
        let topic = BrokerHarness.uniqueName("cfg-json")
        try await createTopic(topic)
        try await withTopics(topic) {
            try await Self.alter(topic, ["--add-config", "cleanup.policy=[compact,delete],min.insync.replicas=2"])
            _ = try await Self.describedValues(topic) { $0["min.insync.replicas"] == "2" }

            let result = try await Self.configs(["--topic", topic, "--describe", "--all", "--output", "json"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let document = try result.jsonObject()
            let resources = try #require(document["resources"] as? [[String: Any]], "stdout: \(result.stdout)")
            try #require(resources.count == 1)
            #expect(resources[0]["entityType"] as? String == "topics")
            #expect(resources[0]["entityName"] as? String == topic)
            let configs = try #require(resources[0]["configs"] as? [[String: Any]])
            let byName = Dictionary(configs.compactMap { entry in (entry["name"] as? String).map { ($0, entry) } },
                                    uniquingKeysWith: { first, _ in first })
            #expect(byName.count == configs.count, "every entry has a unique name")
            let names = configs.compactMap { $0["name"] as? String }
            #expect(names == names.sorted(), "entries are sorted by name")
            let policy = try #require(byName["cleanup.policy"], "stdout: \(result.stdout)")
            #expect(policy["value"] as? String == "compact,delete")
            #expect(policy["sensitive"] as? Bool == false)
            #expect(policy["readOnly"] as? Bool == false)
            #expect(policy["synonyms"] is [Any])
            // Kafka says DYNAMIC_TOPIC_CONFIG; this broker says DEFAULT_CONFIG.
            #expect(["DYNAMIC_TOPIC_CONFIG", "DEFAULT_CONFIG"].contains(policy["source"] as? String ?? ""))
            #expect(byName["min.insync.replicas"]?["value"] as? String == "2")
        }
    }

    // MARK: brokers

    @Test func describingBrokersListsEachBrokerThenTheClusterDefault() async throws {
        let result = try await Self.configs(["--entity-type", "brokers", "--describe"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let headers = result.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("  ") }
        // The test broker is one node, id 111 (BROKER.md).
        #expect(headers == ["Dynamic configs for broker 111 are:", "Default configs for brokers in the cluster are:"],
                "stdout: \(result.stdout)")
    }

    @Test func theBrokerShorthandsDescribeOneBrokerAndTheClusterDefault() async throws {
        let one = try await Self.configs(["--broker", "111", "--describe"])
        #expect(one.exitCode == 0, "stderr: \(one.stderr)")
        #expect(one.stdout.hasPrefix("Dynamic configs for broker 111 are:\n"), "stdout: \(one.stdout)")
        let defaults = try await Self.configs(["--broker-defaults", "--describe"])
        #expect(defaults.exitCode == 0, "stderr: \(defaults.stderr)")
        #expect(defaults.stdout.hasPrefix("Default configs for brokers in the cluster are:\n"), "stdout: \(defaults.stdout)")
    }

    // MARK: what the setting does

    @Test func anAcksAllProducerIsAcceptedByThisBrokerDespiteMinInsyncReplicasAboveTheISR() async throws {
        // On Apache Kafka a replication-factor-1 topic with min.insync.replicas=2 refuses acks=all writes with
        // NOT_ENOUGH_REPLICAS. The test broker is a single node that does not enforce min.insync.replicas (see
        // BROKER.md: one node, id 111, every partition's ISR is that node alone), so it accepts the write; this test
        // records that. kafkactl's report of NOT_ENOUGH_REPLICAS is proven against a scripted broker in the producer
        // tests.
        let topic = BrokerHarness.uniqueName("cfg-minisr")
        try await createTopic(topic)
        try await withTopics(topic) {
            try await Self.alter(topic, ["--add-config", "min.insync.replicas=2"])
            _ = try await Self.describedValues(topic) { $0["min.insync.replicas"] == "2" }

            let produced = try await offThePool {
                try runKafkactl(["console-producer", "--bootstrap-server", try BrokerHarness.bootstrap(), "--topic", topic,
                                 "--producer-property", "acks=all", "--producer-property", "linger.ms=0", "--sync"],
                                stdin: Data("only-record\n".utf8))
            }
            #expect(produced.exitCode == 0, "stderr: \(produced.stderr)")
            #expect(produced.stderr.isEmpty)

            // The record is in the log: one record in one batch, so this broker's latest offset is exact.
            let offsets = try await kafkactl(["get-offsets", "--bootstrap-server", try await brokerAddress(),
                                              "--topic", topic, "--time", "latest"])
            #expect(offsets.exitCode == 0, "stderr: \(offsets.stderr)")
            #expect(offsets.stdout == "\(topic):0:1\n")
        }
    }
}
