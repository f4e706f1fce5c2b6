import Foundation
import TestSupport
import Testing

/// Issue 16's matrix, the whole of it: every subcommand's workflow in full (each codec, with and without idempotence,
/// each assignor, a start at an offset and at a time, every reset target, describe's three views, the three kinds of
/// get-offsets, the shell, delete) from the built binary, against the test cluster presenting a release.
/// `ReleaseMatrixTests` runs the everyday workflow at every release; this suite runs the whole workflow at the
/// representative releases (the oldest, the last 2.x, the last 3.x, 4.0 that dropped old versions, the newest) and at
/// the broker's own versions. `KAFKACTL_FULL_MATRIX=1` runs it at every release in the table (about 30 s each).
/// confluent-kafka, reading the real broker directly, judges the data and the committed offsets.
@Suite(.serialized) struct ReleaseWorkflowTests {
    static let ownVersions = "broker"
    static let releases: [String] = {
        let every = KafkaReleases.all.map(\.name)
        if ProcessInfo.processInfo.environment["KAFKACTL_FULL_MATRIX"] == "1" { return every + [ownVersions] }
        let representative = ["2.1", "2.8", "3.9", "4.0", every.last!]
        return representative.filter(every.contains) + [ownVersions]
    }()

    @Test(arguments: releases)
    func everySubcommandsWholeWorkflowWorksAt(_ name: String) async throws {
        let upstream = try await brokerAddress()
        let release = name == Self.ownVersions ? nil : try #require(KafkaReleases.named(name), "no release \(name) in the table")
        let cluster = try ClusterProxy(upstream: upstream, release: release,
                                       brokerVersions: release == nil ? nil : try await ClusterProxy.brokerVersions(of: upstream))
        defer { cluster.stop() }
        let bootstrap = cluster.bootstrapList
        let topic = BrokerHarness.uniqueName("workflow-\(name.replacingOccurrences(of: ".", with: "-"))")
        func run(_ command: String, _ arguments: [String], stdin: String? = nil) async throws -> ProcessResult {
            try await ProxyCluster.run(command, bootstrap, arguments, stdin: stdin)
        }
        @discardableResult
        func succeed(_ command: String, _ arguments: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> ProcessResult {
            let result = try await run(command, arguments, stdin: stdin)
            try #require(result.exitCode == 0, "Kafka \(name): kafkactl \(command) \(arguments.joined(separator: " ")) exited \(result.exitCode): \(result.stderr)",
                         sourceLocation: sourceLocation)
            return result
        }

        try await succeed("topics", ["--create", "--topic", topic, "--partitions", "3", "--replication-factor", "1"])
        try await withTopics(topic) {
            // console-producer: each codec (idempotent, kafkactl's default), then acks=1 without idempotence.
            var sent: [String] = []
            for codec in ["none", "gzip", "snappy", "lz4", "zstd"] {
                let values = (0..<10).map { "\(codec)-\($0)" }
                let lines = values.enumerated().map { "k\($0.offset % 4):\($0.element)" }.joined(separator: "\n") + "\n"
                try await succeed("console-producer", ["--topic", topic, "--compression-codec", codec,
                                                       "--property", "parse.key=true", "--property", "key.separator=:"], stdin: lines)
                sent += values
            }
            let plain = (0..<10).map { "acks1-\($0)" }
            try await succeed("console-producer", ["--topic", topic, "--request-required-acks", "1",
                                                   "--producer-property", "enable.idempotence=false"],
                              stdin: plain.joined(separator: "\n") + "\n")
            sent += plain
            let read = try await ProducerHarness.readBack(topic, expecting: sent.count, bootstrap: upstream)
            #expect(read.values.compactMap { $0 }.sorted() == sent.sorted(), "Kafka \(name): what confluent-kafka reads is what was sent")

            // Records per partition, as confluent-kafka read them: where a consumer's position ends.
            let counts = Dictionary(uniqueKeysWithValues: (0..<3).map { ($0, Int64(read.partitions[Int32($0)]?.count ?? 0)) })

            // get-offsets: latest, earliest, and by a time before the data. The latest offsets are judged against
            // librdkafka's ListOffsets, not the record counts: this broker answers the last batch's base offset + 1
            // (BROKER.md), and kafkactl must print what the broker says.
            let latest = try await succeed("get-offsets", ["--topic", topic, "--time", "-1"])
            let ends = try Self.offsets(latest.stdout, topic)
            #expect(ends == (try await Self.highWatermarks(topic)), "Kafka \(name): \(latest.stdout)")
            #expect(try Self.offsets(try await succeed("get-offsets", ["--topic", topic, "--time", "-2"]).stdout, topic) == [0: 0, 1: 0, 2: 0])
            #expect(try Self.offsets(try await succeed("get-offsets", ["--topic", topic, "--time", "2020-01-01T00:00:00Z"]).stdout, topic) == [0: 0, 1: 0, 2: 0])

            // console-consumer directly: from the beginning, from an offset, from a time.
            let all = try await succeed("console-consumer", ["--topic", topic, "--from-beginning", "--exit-at-end"])
            #expect(ProxyCluster.lines(all.stdout).sorted() == sent.sorted())
            let partition = try #require(counts.first { $0.value >= 2 }?.key, "a partition with two records")
            let fromOffset = try await succeed("console-consumer", ["--topic", topic, "--partition", String(partition), "--offset", "2", "--exit-at-end"])
            #expect(Int64(ProxyCluster.lines(fromOffset.stdout).count) == counts[partition]! - 2, "Kafka \(name): \(fromOffset.stderr)")
            let fromTime = try await succeed("console-consumer", ["--topic", topic, "--offset", "2020-01-01T00:00:00Z", "--exit-at-end"])
            #expect(ProxyCluster.lines(fromTime.stdout).count == sent.count)

            // console-consumer in a group, with each assignor: each reads everything and commits where it stopped.
            let groups = ["range", "roundrobin", "cooperative-sticky"].map { ($0, BrokerHarness.uniqueName("workflow-\($0)")) }
            for (assignor, group) in groups {
                let grouped = try await succeed("console-consumer", ["--topic", topic, "--group", group, "--from-beginning", "--exit-at-end",
                                                                     "--consumer-property", "partition.assignment.strategy=\(assignor)"]
                                                + GroupTestSupport.fastGroupProperties)
                #expect(ProxyCluster.lines(grouped.stdout).count == sent.count, "Kafka \(name), \(assignor): \(grouped.stderr)")
                #expect(try await Self.committed(group, topic) == counts, "Kafka \(name), \(assignor)")
            }

            // consumer-groups: list, the three describe views, every reset target, delete.
            let group = groups[0].1
            let listed = try await succeed("consumer-groups", ["--list"])
            #expect(groups.allSatisfy { listed.stdout.contains("\($0.1)\n") }, "Kafka \(name): \(listed.stdout)")
            let offsets = try await succeed("consumer-groups", ["--describe", "--group", group])
            #expect(GroupTestSupport.tableRows(offsets.stdout).dropFirst().count == 3, "\(offsets.stdout)")
            let members = try await succeed("consumer-groups", ["--describe", "--group", group, "--members"])
            #expect(members.stderr.contains("Consumer group '\(group)' has no active members."), "Kafka \(name): \(members.stderr)")
            let state = try await succeed("consumer-groups", ["--describe", "--group", group, "--state"])
            #expect(state.stdout.contains("Empty"), "Kafka \(name): \(state.stdout)")

            let zeros: [Int: Int64] = [0: 0, 1: 0, 2: 0]
            let targets: [([String], [Int: Int64])] = [
                (["--to-earliest"], zeros),
                (["--to-latest"], ends),
                (["--to-current"], ends),
                (["--to-offset", "1"], ends.mapValues { min($0, 1) }),
                (["--shift-by", "-1"], zeros),
                (["--shift-by", "2"], ends.mapValues { min($0, 2) }),
                (["--to-datetime", "2020-01-01T00:00:00.000"], zeros),
                (["--by-duration", "P1D"], zeros),
            ]
            for (target, expected) in targets {
                try await succeed("consumer-groups", ["--reset-offsets", "--group", group, "--topic", topic, "--execute"] + target)
                #expect(try await Self.committed(group, topic) == expected, "Kafka \(name): \(target.joined(separator: " "))")
            }
            let plan = try await succeed("consumer-groups", ["--reset-offsets", "--group", group, "--topic", topic, "--to-latest", "--export"])
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(topic)-plan.csv")
            defer { try? FileManager.default.removeItem(at: file) }
            try plan.stdoutData.write(to: file)
            try await succeed("consumer-groups", ["--reset-offsets", "--group", group, "--from-file", file.path, "--execute"])
            #expect(try await Self.committed(group, topic) == ends, "Kafka \(name): --from-file")

            // configs
            try await succeed("configs", ["--describe", "--entity-type", "topics", "--entity-name", topic])
            if ReleaseMatrixTests.atLeast(name == Self.ownVersions ? "9.9" : name, "2.3") {
                try await succeed("configs", ["--alter", "--entity-type", "topics", "--entity-name", topic, "--add-config", "retention.ms=7200000"])
                // --all: this broker reports a set topic config with source DEFAULT_CONFIG (BROKER.md).
                let described = try await succeed("configs", ["--describe", "--all", "--entity-type", "topics", "--entity-name", topic])
                #expect(described.stdout.contains("retention.ms=7200000"), "Kafka \(name): \(described.stdout)")
            }

            // The shell: several commands over one connection, as a script on stdin.
            let shell = try await succeed("shell", [], stdin: "topics --list --topic \(topic)\nget-offsets --topic \(topic) --time earliest\n")
            #expect(shell.stdout.contains("\(topic)\n") && shell.stdout.contains("\(topic):0:0"), "Kafka \(name): \(shell.stdout)")

            for (_, group) in groups { try await succeed("consumer-groups", ["--delete", "--group", group]) }
            #expect(!(try await succeed("consumer-groups", ["--list"])).stdout.contains("\(group)\n"))
            try await succeed("topics", ["--delete", "--topic", topic])
        }
    }

    /// `topic:partition:offset` lines as partition -> offset.
    static func offsets(_ stdout: String, _ topic: String) throws -> [Int: Int64] {
        var offsets: [Int: Int64] = [:]
        for line in ProxyCluster.lines(stdout) {
            let parts = line.split(separator: ":")
            try #require(parts.count == 3 && parts[0] == topic, "not a get-offsets line: \(line)")
            offsets[Int(parts[1])!] = Int64(parts[2])!
        }
        return offsets
    }

    static let watermarkScript = """
        import json, sys
        from confluent_kafka import Consumer, TopicPartition
        consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": "watermarks"})
        print(json.dumps({p: consumer.get_watermark_offsets(TopicPartition(sys.argv[2], p), timeout=10)[1] for p in range(3)}))
        consumer.close()
        """

    /// Each partition's high watermark as librdkafka's ListOffsets reads it from the real broker.
    static func highWatermarks(_ topic: String) async throws -> [Int: Int64] {
        let result = try await python(watermarkScript, [topic])
        try #require(result.exitCode == 0, "confluent-kafka: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Int])
        return Dictionary(uniqueKeysWithValues: object.map { (Int($0.key)!, Int64($0.value)) })
    }

    /// The group's committed offsets as confluent-kafka reads them from the real broker.
    static func committed(_ group: String, _ topic: String) async throws -> [Int: Int64] {
        try await GroupTestSupport.committed(group: group, topic: topic, partitions: 3).compactMapValues { $0 }
    }
}
