import AdminCore
import Foundation
import TestSupport
import Testing

/// Issue 16's matrix: one workflow of every everyday subcommand, from the built binary, against the test cluster
/// presenting an Apache Kafka release's API versions (`ClusterProxy(release:)`) in front of the real broker, so
/// kafkactl negotiates that release's versions and decodes the broker's real encodings of them. confluent-kafka,
/// reading the real broker directly, judges the data. Every release in Tests/TestSupport/Releases runs, one at a time
/// (29 at once, each spawning a dozen processes, starved the rest of the suite on two cores).
@Suite(.serialized) struct ReleaseMatrixTests {
    static let releases = KafkaReleases.all.map(\.name)

    /// The first release with an API, for the rows a release before it answers differently.
    static func atLeast(_ release: String, _ wanted: String) -> Bool {
        let number = { (name: String) in name.split(separator: "-")[0].split(separator: ".").map { Int($0)! } }
        return !number(release).lexicographicallyPrecedes(number(wanted))
    }

    @Test(arguments: releases)
    func theEverydayWorkflowWorksAt(_ name: String) async throws {
        let release = try #require(KafkaReleases.named(name), "no release \(name) in the table")
        let upstream = try await brokerAddress()
        let cluster = try ClusterProxy(upstream: upstream, release: release, brokerVersions: try await ClusterProxy.brokerVersions(of: upstream))
        defer { cluster.stop() }
        let bootstrap = cluster.bootstrapList
        let topic = BrokerHarness.uniqueName("matrix-\(name.replacingOccurrences(of: ".", with: "-"))")
        let group = BrokerHarness.uniqueName("matrix-group")
        func run(_ command: String, _ arguments: [String], stdin: String? = nil) async throws -> ProcessResult {
            try await ProxyCluster.run(command, bootstrap, arguments, stdin: stdin)
        }
        func succeed(_ command: String, _ arguments: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> ProcessResult {
            let result = try await run(command, arguments, stdin: stdin)
            try #require(result.exitCode == 0, "Kafka \(name): kafkactl \(command) \(arguments.joined(separator: " ")) exited \(result.exitCode): \(result.stderr)",
                         sourceLocation: sourceLocation)
            return result
        }

        // topics
        let created = try await succeed("topics", ["--create", "--topic", topic, "--partitions", "3", "--replication-factor", "1"])
        #expect(created.stdout == "Created topic \(topic).\n")
        try await withTopics(topic) {
            #expect(try await succeed("topics", ["--list", "--topic", topic]).stdout == "\(topic)\n")
            let described = try await succeed("topics", ["--describe", "--topic", topic])
            #expect(described.stdout.contains("Topic: \(topic)\t") && described.stdout.contains("PartitionCount: 3\t"), "\(described.stdout)")

            // producer-perf-test --transactional-id: InitProducerId at the transaction coordinator, AddPartitionsToTxn,
            // transactional Produce and EndTxn, each at the version the release negotiates
            let transactional = "\(topic)-tx"
            try await succeed("topics", ["--create", "--topic", transactional, "--partitions", "2", "--replication-factor", "1"])
            try await withTopics(transactional) {
                let perf = try await succeed("producer-perf-test", ["--topic", transactional, "--num-records", "50", "--record-size", "8",
                                                                     "--throughput", "-1", "--transactional-id", "\(group)-tx"])
                #expect(perf.stdout.hasPrefix("50 records sent, "), "Kafka \(name): \(perf.stdout)")
                for (api, ours) in [(AddPartitionsToTxnRequest.apiKey, AddPartitionsToTxnRequest.versions),
                                    (EndTxnRequest.apiKey, EndTxnRequest.versions)] {
                    let expected = try #require(release.table.version(for: api, supported: ours))
                    #expect(cluster.versionsReceived(api) == [expected], "Kafka \(name): \(api.name) asked at \(cluster.versionsReceived(api))")
                }
                #expect(cluster.versionsReceived(ProduceRequest.apiKey).allSatisfy { $0 <= 11 }, "transactional Produce stays below v12")
                #expect(try await ProducerHarness.readBack(transactional, expecting: 50, bootstrap: upstream).count == 50)
            }

            // console-producer: keyed lines, acks=all with idempotence (kafkactl's default)
            let lines = (1...30).map { "k\($0 % 5):v\($0)" }.joined(separator: "\n") + "\n"
            try await succeed("console-producer", ["--topic", topic, "--property", "parse.key=true", "--property", "key.separator=:"], stdin: lines)
            let read = try await ProducerHarness.readBack(topic, expecting: 30, bootstrap: upstream)
            #expect(read.count == 30)
            #expect(Set(read.values.compactMap { $0 }) == Set((1...30).map { "v\($0)" }))

            // console-consumer, directly and in a group
            let direct = try await succeed("console-consumer", ["--topic", topic, "--from-beginning", "--max-messages", "30"])
            #expect(ProxyCluster.lines(direct.stdout).count == 30)
            let grouped = try await succeed("console-consumer", ["--topic", topic, "--group", group, "--from-beginning", "--exit-at-end"] + GroupTestSupport.fastGroupProperties)
            #expect(ProxyCluster.lines(grouped.stdout).count == 30)

            // consumer-groups: list, describe, reset
            #expect(try await succeed("consumer-groups", ["--list"]).stdout.contains("\(group)\n"))
            let offsets = try await succeed("consumer-groups", ["--describe", "--group", group])
            let rows = GroupTestSupport.tableRows(offsets.stdout).dropFirst()
            #expect(rows.count == 3, "\(offsets.stdout)")
            #expect(rows.reduce(0) { $0 + (Int($1[3]) ?? 0) } == 30, "committed offsets add up to the records read: \(offsets.stdout)")
            try await succeed("consumer-groups", ["--reset-offsets", "--group", group, "--topic", topic, "--to-earliest", "--execute"])
            let reset = try await succeed("consumer-groups", ["--describe", "--group", group])
            #expect(GroupTestSupport.tableRows(reset.stdout).dropFirst().allSatisfy { $0[3] == "0" }, "\(reset.stdout)")

            // top: one JSON document (OffsetFetch one group per request before v8, FindCoordinator one key before v4)
            let top = try await succeed("top", ["--group", "^\(group)$", "--output", "json", "--iterations", "1"])
            let document = try JSONSerialization.jsonObject(with: Data(top.stdout.utf8)) as? [String: Any]
            let topRows = document?["rows"] as? [[String: Any]] ?? []
            #expect(topRows.count == 1 && topRows.first?["topic"] as? String == topic && topRows.first?["partitions"] as? Int == 3, "\(top.stdout)")

            // get-offsets
            let ends = try await succeed("get-offsets", ["--topic", topic, "--time", "-2"])
            #expect(ProxyCluster.lines(ends.stdout) == (0..<3).map { "\(topic):\($0):0" })

            // configs: describe everywhere; alter with IncrementalAlterConfigs from 2.3 (before it kafkactl falls back to
            // AlterConfigs, which the test broker lacks: AlterConfigsFallbackTests prove that path on a scripted broker)
            try await succeed("configs", ["--describe", "--entity-type", "topics", "--entity-name", topic])
            if Self.atLeast(name, "2.3") {
                try await succeed("configs", ["--alter", "--entity-type", "topics", "--entity-name", topic, "--add-config", "retention.ms=7200000"])
            }

            // cluster: the three virtual nodes
            let nodes = try await succeed("cluster", [])
            #expect(nodes.stdout.split(separator: "\n").count >= 3, "\(nodes.stdout)")

            // broker-api-versions: every node lists exactly the release's ranges (the JSON carries them; the text's
            // layout is BrokerApiVersionsCommandTests' business)
            let versions = try JSONSerialization.jsonObject(with: try await succeed("broker-api-versions", ["--output", "json"]).stdoutData)
            let brokers = (versions as? [String: Any])?["brokers"] as? [[String: Any]] ?? []
            #expect(brokers.compactMap { $0["id"] as? Int } == [1, 2, 3], "Kafka \(name): \(versions)")
            for broker in brokers {
                let listed = (broker["apis"] as? [[String: Any]] ?? []).compactMap { api -> (Int16, ClosedRange<Int16>)? in
                    guard let key = api["key"] as? Int, let min = api["min"] as? Int, let max = api["max"] as? Int else { return nil }
                    return (Int16(key), Int16(min)...Int16(max))
                }
                #expect(Dictionary(uniqueKeysWithValues: listed) == release.table.ranges, "Kafka \(name), node \(broker["id"] ?? "?")")
            }

            // OffsetDelete arrived in 2.4: before it, kafkactl's one line. From 2.4 the release lists it, but the test
            // broker lacks it (ConsumerGroupsErrorTests prove the line kafkactl gives for that).
            if !Self.atLeast(name, "2.4") {
                let deleteOffsets = try await run("consumer-groups", ["--delete-offsets", "--group", group, "--topic", topic])
                #expect(deleteOffsets.exitCode == 1, "Kafka \(name): \(deleteOffsets.stderr)")
                #expect(deleteOffsets.stderrLines.count == 1 && deleteOffsets.stderr.contains("does not support"), "Kafka \(name): \(deleteOffsets.stderr)")
            }

            try await succeed("consumer-groups", ["--delete", "--group", group])
        }
    }
}
