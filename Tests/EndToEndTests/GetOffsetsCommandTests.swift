import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `kafkactl get-offsets` from the built binary (cli-parity §7): against the test broker for the everyday forms,
/// and against scripted brokers for what the test broker cannot show (internal topics; by-time answers, which it
/// gives as offset 0 for any time; per-partition errors).
///
/// The test broker answers ListOffsets(latest) with the base offset of the last batch + 1 (BROKER.md), so every
/// record here is produced in a batch of its own (`--sync` with `linger.ms=0`), which makes latest exact.
@Suite struct GetOffsetsCommandTests {
    static let hint = "See 'kafkactl get-offsets --help' for usage."

    static func getOffsets(_ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["get-offsets", "--bootstrap-server", try await brokerAddress()] + arguments)
    }

    /// Produces `count` records to one partition, each in a batch of its own.
    static func produce(_ topic: String, partition: Int, count: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let input = Data((0..<count).map { "record-\($0)\n" }.joined().utf8)
        let result = try await offThePool {
            try runKafkactl(["console-producer", "--bootstrap-server", try BrokerHarness.bootstrap(), "--topic", topic,
                             "--partition", String(partition), "--producer-property", "linger.ms=0", "--sync"],
                            stdin: input)
        }
        try #require(result.exitCode == 0, "producing to \(topic)-\(partition) failed: \(result.stderr)",
                     sourceLocation: sourceLocation)
    }

    /// stdout as lines, requiring a clean exit.
    static func lines(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        #expect(result.exitCode == 0, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty || result.stdout.hasSuffix("\n"), sourceLocation: sourceLocation)
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// A rule broken on the command line: Kafka's message, then the usage hint, exit 64.
    static func expectRuleError(_ result: ProcessResult, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.exitCode == 64, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderrLines == ["Error: \(message)", hint], sourceLocation: sourceLocation)
    }

    // MARK: against the test broker

    @Test func linesAreTopicPartitionOffsetSortedAsTopicDashPartitionStrings() async throws {
        let topic = BrokerHarness.uniqueName("go-sorted")
        try await createTopic(topic, partitions: 11)
        try await withTopics(topic) {
            try await Self.produce(topic, partition: 2, count: 2)
            try await Self.produce(topic, partition: 10, count: 3)

            // Kafka sorts "t-10" before "t-2": as strings, not numbers.
            let order = [0, 1, 10, 2, 3, 4, 5, 6, 7, 8, 9]
            let expected = order.map { "\(topic):\($0):\([2: 2, 10: 3][$0] ?? 0)" }
            #expect(try await Self.lines(Self.getOffsets(["--topic", topic])) == expected)
        }
    }

    @Test func earliestAndLatestByNameAndByNumber() async throws {
        let topic = BrokerHarness.uniqueName("go-time")
        try await createTopic(topic, partitions: 2)
        try await withTopics(topic) {
            try await Self.produce(topic, partition: 0, count: 3)
            try await Self.produce(topic, partition: 1, count: 1)

            let latest = ["\(topic):0:3", "\(topic):1:1"]
            #expect(try await Self.lines(Self.getOffsets(["--topic", topic])) == latest, "latest is the default")
            for time in ["latest", "-1"] {
                #expect(try await Self.lines(Self.getOffsets(["--topic", topic, "--time", time])) == latest, "--time \(time)")
            }
            for time in ["earliest", "-2"] {
                #expect(try await Self.lines(Self.getOffsets(["--topic", topic, "--time", time]))
                    == ["\(topic):0:0", "\(topic):1:0"], "--time \(time)")
            }
        }
    }

    @Test func partitionsSelectsOnlyTheListedPartitions() async throws {
        let topic = BrokerHarness.uniqueName("go-parts")
        try await createTopic(topic, partitions: 4)
        try await withTopics(topic) {
            try await Self.produce(topic, partition: 2, count: 2)
            #expect(try await Self.lines(Self.getOffsets(["--topic", topic, "--partitions", "0,2"]))
                == ["\(topic):0:0", "\(topic):2:2"])
        }
    }

    @Test func topicPartitionsTakesRangesWithAnExclusiveEndAndWholeTopics() async throws {
        let first = BrokerHarness.uniqueName("go-tp1")
        let second = BrokerHarness.uniqueName("go-tp2")
        try await createTopic(first, partitions: 4)
        try await createTopic(second, partitions: 2)
        try await withTopics(first, second) {
            try await Self.produce(first, partition: 1, count: 1)
            #expect(try await Self.lines(Self.getOffsets(["--topic-partitions", "\(first):0-2,\(second)"]))
                == ["\(first):0:0", "\(first):1:1", "\(second):0:0", "\(second):1:0"])
            #expect(try await Self.lines(Self.getOffsets(["--topic-partitions", "\(first):2-"]))
                == ["\(first):2:0", "\(first):3:0"])
        }
    }

    @Test func aTopicRegexSelectsEveryMatchingTopic() async throws {
        let prefix = BrokerHarness.uniqueName("go-regex")
        let (first, second, other) = ("\(prefix)-a", "\(prefix)-b", "\(prefix)x-c")
        for name in [first, second, other] { try await createTopic(name) }
        try await withTopics(first, second, other) {
            try await Self.produce(second, partition: 0, count: 2)
            // A whole-name match: `prefix-.*` does not match `prefixx-c`.
            #expect(try await Self.lines(Self.getOffsets(["--topic", "\(prefix)-.*"]))
                == ["\(first):0:0", "\(second):0:2"])
            // Kafka's filter also reads `,` as `|`.
            #expect(try await Self.lines(Self.getOffsets(["--topic", "\(first),\(other)"]))
                == ["\(first):0:0", "\(other):0:0"])
        }
    }

    @Test func excludeInternalTopicsKeepsOrdinaryTopics() async throws {
        // The test broker lists no internal topics; that they are left out is proven against a scripted broker below.
        let topic = BrokerHarness.uniqueName("go-excl")
        try await createTopic(topic)
        try await withTopics(topic) {
            let result = try await Self.getOffsets(["--topic", topic, "--exclude-internal-topics"])
            #expect(Self.lines(result) == ["\(topic):0:0"])
        }
    }

    @Test func anISOTimeAndARelativeTimeAreAccepted() async throws {
        // Both times are before the first record, so Kafka answers offset 0 as well (this broker says 0 for any
        // time; the by-time logic is proven against a scripted broker below).
        let topic = BrokerHarness.uniqueName("go-bytime")
        try await createTopic(topic)
        try await withTopics(topic) {
            try await Self.produce(topic, partition: 0, count: 2)
            for time in ["2020-01-01T00:00:00Z", "-1h", "1577836800000"] {
                #expect(try await Self.lines(Self.getOffsets(["--topic", topic, "--time", time])) == ["\(topic):0:0"],
                        "--time \(time)")
            }
        }
    }

    @Test func jsonOutputIsOneDocumentOfOffsets() async throws {
        let topic = BrokerHarness.uniqueName("go-json")
        try await createTopic(topic, partitions: 2)
        try await withTopics(topic) {
            try await Self.produce(topic, partition: 1, count: 2)
            let result = try await Self.getOffsets(["--topic", topic, "--output", "json"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let offsets = try #require(try result.jsonObject()["offsets"] as? [[String: Any]], "stdout: \(result.stdout)")
            #expect(offsets.map { $0["topic"] as? String } == [topic, topic])
            #expect(offsets.map { $0["partition"] as? Int } == [0, 1])
            #expect(offsets.map { $0["offset"] as? Int } == [0, 2])
        }
    }

    // MARK: bad input

    @Test func aMalformedTimeIsRefusedWithKafkasMessage() async throws {
        Self.expectRuleError(try await Self.getOffsets(["--time", "foo"]),
            "Malformed time argument foo. Please use -1 or latest / -2 or earliest / -3 or max-timestamp / -4 or earliest-local / -5 or latest-tiered, or a specified long format timestamp")
    }

    @Test func nonNumericPartitionsAreRefused() async throws {
        Self.expectRuleError(try await Self.getOffsets(["--partitions", "x"]),
            "--partitions expects a comma separated list of numeric partition ids, but received: x")
    }

    @Test func topicPartitionsWithTopicOrPartitionsIsRefused() async throws {
        let message = "--topic-partitions cannot be used with --topic or --partitions"
        Self.expectRuleError(try await Self.getOffsets(["--topic-partitions", "t:0", "--topic", "t"]), message)
        Self.expectRuleError(try await Self.getOffsets(["--topic-partitions", "t:0", "--partitions", "0"]), message)
    }

    @Test func anInvalidRuleIsNamed() async throws {
        Self.expectRuleError(try await Self.getOffsets(["--topic-partitions", "t:x"]), "Invalid rule specification: t:x")
    }

    @Test func aFilterThatMatchesNoPartitionFails() async throws {
        let topic = BrokerHarness.uniqueName("go-nomatch")
        try await createTopic(topic, partitions: 2)
        try await withTopics(topic) {
            expectFailure(try await Self.getOffsets(["--topic", topic, "--partitions", "5"]), exitCode: 1,
                          message: "Could not match any topic-partitions with the specified filters")
        }
    }

    @Test func aRegexThatMatchesNoTopicFails() async throws {
        let missing = BrokerHarness.uniqueName("go-missing")
        expectFailure(try await Self.getOffsets(["--topic", "\(missing).*"]), exitCode: 1,
                      message: "Could not match any topic-partitions with the specified filters")
        expectFailure(try await Self.getOffsets(["--topic-partitions", "\(missing):0"]), exitCode: 1,
                      message: "Could not match any topic-partitions with the specified filters")
    }

    @Test func anInvalidRegexIsNamed() async throws {
        expectFailure(try await Self.getOffsets(["--topic", "orders["]), exitCode: 64, message: "orders[ is an invalid regex.")
    }

    // MARK: scripted brokers

    /// What a scripted broker was asked: every ListOffsets partition's timestamp, by `topic-partition`.
    final class Asked: Sendable {
        private let state = Mutex<(port: Int, timestamps: [String: Int64])>((0, [:]))
        var port: Int {
            get { state.withLock { $0.port } }
            set { state.withLock { $0.port = newValue } }
        }
        func record(_ partition: String, _ timestamp: Int64) { state.withLock { $0.timestamps[partition] = timestamp } }
        var timestamps: [String: Int64] { state.withLock { $0.timestamps } }
    }

    /// A one-node cluster (node 1) with topics `orders` (3 partitions) and the internal `__consumer_offsets`
    /// (1 partition). ListOffsets answers from `answer`: (error code, offset, timestamp) per topic and partition.
    static func scriptedCluster(
        asked: Asked, answer: @escaping @Sendable (String, Int32, Int64) -> (ErrorCode, Int64, Int64)
    ) throws -> ScriptedBroker {
        let broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 2: 0...9]) { header, body in
            switch header.apiKey {
            case .metadata:
                func partitions(_ count: Int32) -> [MetadataResponse.MetadataResponsePartition] {
                    (0..<count).map { .init(partitionIndex: $0, leaderId: 1, replicaNodes: [1], isrNodes: [1]) }
                }
                let response = MetadataResponse(
                    brokers: [.init(nodeId: 1, host: "127.0.0.1", port: Int32(asked.port))], clusterId: "c", controllerId: 1,
                    topics: [.init(name: "orders", partitions: partitions(3)),
                             .init(name: "__consumer_offsets", isInternal: true, partitions: partitions(1))])
                return ScriptedBroker.reply(response, to: MetadataRequest.self, version: header.apiVersion)
            case .listOffsets:
                var copy = body
                guard let request = try? ListOffsetsRequest(from: &copy, version: header.apiVersion) else { return .close }
                let topics = request.topics.map { topic in
                    ListOffsetsResponse.ListOffsetsTopicResponse(name: topic.name, partitions: topic.partitions.map {
                        asked.record("\(topic.name)-\($0.partitionIndex)", $0.timestamp)
                        let (code, offset, timestamp) = answer(topic.name, $0.partitionIndex, $0.timestamp)
                        return .init(partitionIndex: $0.partitionIndex, errorCode: code.rawValue, timestamp: timestamp,
                                     offset: offset, leaderEpoch: 0)
                    })
                }
                return ScriptedBroker.reply(ListOffsetsResponse(topics: topics), to: ListOffsetsRequest.self,
                                            version: header.apiVersion)
            default:
                return .silence
            }
        }
        asked.port = broker.port
        return broker
    }

    static func run(_ broker: ScriptedBroker, _ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["get-offsets", "--bootstrap-server", broker.address] + arguments, timeout: .seconds(20))
    }

    @Test func internalTopicsAreListedUnlessExcluded() async throws {
        let asked = Asked()
        let broker = try Self.scriptedCluster(asked: asked) { _, partition, _ in (.none, Int64(partition) * 10, -1) }
        defer { broker.stop() }
        #expect(try await Self.lines(Self.run(broker, []))
            == ["__consumer_offsets:0:0", "orders:0:0", "orders:1:10", "orders:2:20"])
        #expect(try await Self.lines(Self.run(broker, ["--exclude-internal-topics"]))
            == ["orders:0:0", "orders:1:10", "orders:2:20"])
    }

    @Test func aTimeIsSentAsEpochMillisecondsAndPartitionsWithoutAnAnswerAreLeftOut() async throws {
        // Kafka answers offset -1 when no record is at or after the time: the tool prints nothing for it.
        let asked = Asked()
        let broker = try Self.scriptedCluster(asked: asked) { _, partition, time in
            partition == 1 ? (.none, -1, -1) : (.none, 40 + Int64(partition), time + 5)
        }
        defer { broker.stop() }
        #expect(try await Self.lines(Self.run(broker, ["--topic", "orders", "--time", "2020-01-01T00:00:00Z"]))
            == ["orders:0:40", "orders:2:42"])
        #expect(asked.timestamps == ["orders-0": 1_577_836_800_000, "orders-1": 1_577_836_800_000, "orders-2": 1_577_836_800_000])
    }

    @Test func aRelativeTimeIsSentAsThatLongAgo() async throws {
        let asked = Asked()
        let broker = try Self.scriptedCluster(asked: asked) { _, _, _ in (.none, 7, 0) }
        defer { broker.stop() }
        let before = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(try await Self.lines(Self.run(broker, ["--topic-partitions", "orders:1", "--time", "-1h"])) == ["orders:1:7"])
        let after = Int64(Date().timeIntervalSince1970 * 1000)
        let sent = try #require(asked.timestamps["orders-1"])
        #expect((before - 3_600_000)...(after - 3_600_000) ~= sent)
        #expect(asked.timestamps.count == 1, "only orders-1 was asked: \(asked.timestamps)")
    }

    @Test(arguments: [("latest", Int64(-1)), ("earliest", -2), ("max-timestamp", -3), ("-4", -4), ("latest-tiered", -5)])
    func specialTimesAreSentAsKafkasSpecialTimestamps(time: String, wire: Int64) async throws {
        let asked = Asked()
        let broker = try Self.scriptedCluster(asked: asked) { _, _, _ in (.none, 3, -1) }
        defer { broker.stop() }
        #expect(try await Self.lines(Self.run(broker, ["--topic-partitions", "orders:0", "--time", time])) == ["orders:0:3"])
        #expect(asked.timestamps == ["orders-0": wire])
    }

    @Test func theClientIdIsGetOffsetShellWhateverTheCommandConfigSays() async throws {
        // Kafka's tool forces client.id=GetOffsetShell over --command-config (cli-parity §1.2).
        let asked = Asked()
        let broker = try Self.scriptedCluster(asked: asked) { _, _, _ in (.none, 1, -1) }
        defer { broker.stop() }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(BrokerHarness.uniqueName("go-cc") + ".properties")
        try "client.id=my-own-id\nrequest.timeout.ms=5000\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try await Self.lines(Self.run(broker, ["--topic-partitions", "orders:0", "--command-config", file.path]))
            == ["orders:0:1"])
        #expect(!broker.requests.isEmpty)
        #expect(broker.requests.allSatisfy { $0.clientId == "GetOffsetShell" }, "\(broker.requests.map(\.clientId))")
    }

    @Test func aPartitionErrorIsReportedAndTheOthersArePrinted() async throws {
        let asked = Asked()
        let broker = try Self.scriptedCluster(asked: asked) { _, partition, _ in
            partition == 1 ? (.topicAuthorizationFailed, -1, -1) : (.none, 5, -1)
        }
        defer { broker.stop() }
        let result = try await Self.run(broker, ["--topic", "orders"])
        #expect(result.exitCode == 0, "Kafka's tool goes on after a partition's error: \(result.stderr)")
        #expect(result.stdout == "orders:0:5\norders:2:5\n")
        #expect(result.stderrLines.count == 1, "stderr: \(result.stderr)")
        let line = try #require(result.stderrLines.first)
        #expect(line.hasPrefix("Skip getting offsets for topic-partition orders-1 due to error: "), "\(line)")
        #expect(line.contains("[TOPIC_AUTHORIZATION_FAILED]"), "\(line)")
    }
}
