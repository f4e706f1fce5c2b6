import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `kafkactl delete-records` from the built binary: against the test broker (records really go, get-offsets and
/// confluent-kafka see what is left), and against scripted brokers for what the test broker cannot show (by-time
/// lookups, which it answers with offset 0 for any time; a moved leader).
///
/// Every record is produced in a batch of its own (GetOffsetsCommandTests.produce), so offsets are exact on the test
/// broker, whose ListOffsets(latest) is the last batch's base offset + 1.
@Suite struct DeleteRecordsCommandTests {
    static let hint = "See 'kafkactl delete-records --help' for usage."

    static func deleteRecords(_ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["delete-records", "--bootstrap-server", try await brokerAddress()] + arguments)
    }

    static func earliest(_ topic: String) async throws -> [String] {
        let result = try await kafkactl(["get-offsets", "--bootstrap-server", try await brokerAddress(), "--topic", topic, "--time", "-2"])
        #expect(result.exitCode == 0, "get-offsets: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    static func offsetFile(_ json: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(BrokerHarness.uniqueName("dr-offsets") + ".json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    // MARK: against the test broker

    @Test func theTestBrokerClosesTheConnectionOnDeleteRecordsWhichIsOneLineAndDeletesNothing() async throws {
        // Tansu 0.6.0 lists DeleteRecords v0-2 but closes the connection on it at every version (librdkafka's
        // delete_records meets the same). kafkactl cannot know whether the broker acted: one line, the transport's
        // exit code. The deletion itself is proven against scripted brokers below; when the test broker serves the
        // API, this test fails and the scripted proof should move here.
        let topic = BrokerHarness.uniqueName("dr-tansu")
        try await createTopic(topic, partitions: 1)
        try await withTopics(topic) {
            try await GetOffsetsCommandTests.produce(topic, partition: 0, count: 3)
            let result = try await Self.deleteRecords(["--topic", topic, "--partition", "0", "--before-offset", "2", "--execute"])
            #expect(result.exitCode == 69, "stderr: \(result.stderr)")
            #expect(result.stdout == "Executing records delete operation\n")
            #expect(result.stderrLines.count == 1 && result.stderrLines.first?.contains("during DeleteRecords") == true,
                    "stderr: \(result.stderr)")
            #expect(try await Self.earliest(topic) == ["\(topic):0:0"])
            let read = try await ProducerHarness.readBack(topic, expecting: 3)
            #expect(read.partitions[0]?.map(\.value) == ["record-0", "record-1", "record-2"])
        }
    }

    @Test func withoutExecuteTheTopicFormOnlyPrintsWhatItWouldDelete() async throws {
        let topic = BrokerHarness.uniqueName("dr-dry")
        try await createTopic(topic, partitions: 2)
        try await withTopics(topic) {
            try await GetOffsetsCommandTests.produce(topic, partition: 0, count: 4)
            let result = try await Self.deleteRecords(["--topic", topic, "--before-offset", "2"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stdout == """
                Dry run: nothing deleted (add --execute to delete the records before these offsets):
                partition: \(topic)-0\tbefore_offset: 2
                partition: \(topic)-1\tbefore_offset: 2

                """)
            #expect(try await Self.earliest(topic) == ["\(topic):0:0", "\(topic):1:0"], "a dry run deletes nothing")
            let json = try await Self.deleteRecords(["--topic", topic, "--partition", "1", "--before-offset", "-1", "--output", "json"])
            #expect(json.exitCode == 0, "stderr: \(json.stderr)")
            #expect(json.stdout == "{\"dry_run\":true,\"partitions\":[{\"topic\":\"\(topic)\",\"partition\":1,\"before_offset\":-1}]}\n")
        }
    }

    @Test func theTopicFormNamesAMissingTopicAndExitsOne() async throws {
        let missing = BrokerHarness.uniqueName("dr-none")
        expectFailure(try await Self.deleteRecords(["--topic", missing, "--before-offset", "1", "--execute"]), exitCode: 1,
                      message: "Topic '\(missing)' does not exist [UNKNOWN_TOPIC_OR_PARTITION]")
    }

    // MARK: bad input: one line, exit 64

    static func runWithFile(_ json: String) async throws -> (ProcessResult, String) {
        let file = try offsetFile(json)
        defer { try? FileManager.default.removeItem(at: file) }
        // Nothing listens on port 1: a file fault must be found before any connection is tried.
        return (try await kafkactl(["delete-records", "--bootstrap-server", "127.0.0.1:1", "--offset-json-file", file.path]), file.path)
    }

    @Test(arguments: [
        ("{\"partitions\": [", "The input string is not a valid JSON"),
        ("[1, 2]", "expected a JSON object with \"partitions\" and \"version\""),
        ("{\"version\": 1}", "Missing partitions field"),
        ("{\"partitions\": [], \"version\": 1}", "names no partitions"),
        ("{\"partitions\": [{\"topic\": \"t\", \"partition\": 0, \"offset\": 1}], \"version\": 2}", "Not supported version field value 2"),
        ("{\"partitions\": [{\"topic\": \"t\", \"partition\": 0, \"offset\": -2}]}", "partitions entry 1 has offset -2 for t-0: an offset is 0 or more, or -1 for the high watermark"),
        ("{\"partitions\": [{\"topic\": \"t\", \"offset\": 1}]}", "partitions entry 1 needs \"partition\", a partition number"),
        ("{\"partitions\": [{\"topic\": \"t\", \"partition\": 0, \"offset\": \"5\"}]}", "partitions entry 1 needs \"offset\", a number"),
        ("{\"partitions\": [{\"partition\": 0, \"offset\": 1}]}", "partitions entry 1 needs \"topic\", a topic name"),
        ("{\"partitions\": [{\"topic\": \"t\", \"partition\": 0, \"offset\": 1}, {\"topic\": \"t\", \"partition\": 0, \"offset\": 2}]}",
         "Offset json file contains duplicate topic partitions: t-0"),
    ])
    func aBadOffsetFileIsOneLine(json: String, message: String) async throws {
        let (result, path) = try await Self.runWithFile(json)
        expectFailure(result, exitCode: 64, containing: [message])
        if !message.hasPrefix("Offset json file") { expectFailure(result, exitCode: 64, containing: ["--offset-json-file '\(path)'"]) }
    }

    @Test func aMissingFileIsOneLine() async throws {
        let path = "/nonexistent/\(BrokerHarness.uniqueName("dr")).json"
        expectFailure(try await kafkactl(["delete-records", "--bootstrap-server", "127.0.0.1:1", "--offset-json-file", path]),
                      exitCode: 64, message: "cannot read --offset-json-file '\(path)'")
    }

    @Test(arguments: [
        (["--offset-json-file", "f.json", "--before-offset", "3"], "--offset-json-file cannot be used with --topic, --partition, --before-offset or --before"),
        (["--offset-json-file", "f.json", "--topic", "t"], "--offset-json-file cannot be used with --topic, --partition, --before-offset or --before"),
        (["--partition", "0", "--before-offset", "3"], "--partition needs --topic"),
        ([], "Missing required argument: --offset-json-file, or --topic with --before-offset or --before"),
        (["--topic", "t"], "--topic needs --before-offset or --before"),
        (["--topic", "t", "--before-offset", "3", "--before", "-1h"], "--before-offset and --before cannot be used together"),
        (["--topic", "t", "--before-offset", "-2"], "--before-offset must be an offset (0 or more) or -1 (the high watermark), not -2"),
        (["--topic", "t", "--partition", "-1", "--before-offset", "3"], "--partition must be a partition number (0 or more), not -1"),
        (["--topic", "t", "--before", "yesterday"], "Malformed time argument yesterday. Use an ISO-8601 time (2026-11-23T10:00:00Z), epoch milliseconds, or a time relative to now (-2h, -7d)"),
    ])
    func aRuleBrokenOnTheCommandLineIsOneLineAndTheHint(arguments: [String], message: String) async throws {
        let result = try await kafkactl(["delete-records", "--bootstrap-server", "127.0.0.1:1"] + arguments)
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["Error: \(message)", Self.hint])
    }

    // MARK: scripted brokers

    /// What a scripted broker was asked: ListOffsets timestamps and DeleteRecords offsets, by `topic-partition`.
    final class Asked: Sendable {
        private let state = Mutex<(port: Int, times: [String: [Int64]], deletes: [[String: Int64]], metadata: Int)>((0, [:], [], 0))
        var port: Int {
            get { state.withLock { $0.port } }
            set { state.withLock { $0.port = newValue } }
        }
        func time(_ partition: String, _ timestamp: Int64) { state.withLock { $0.times[partition, default: []].append(timestamp) } }
        func delete(_ offsets: [String: Int64]) { state.withLock { $0.deletes.append(offsets) } }
        func metadataAsked() { state.withLock { $0.metadata += 1 } }
        var times: [String: [Int64]] { state.withLock { $0.times } }
        var deletes: [[String: Int64]] { state.withLock { $0.deletes } }
        var metadata: Int { state.withLock { $0.metadata } }
    }

    /// A one-node cluster (node 1) with topic `orders` (3 partitions). ListOffsets answers from `listed`
    /// ((error, offset) per partition and timestamp), DeleteRecords from `deleted` ((error, low watermark) per
    /// partition, offset and how many DeleteRecords came before).
    static func scriptedCluster(
        asked: Asked, listed: @escaping @Sendable (Int32, Int64) -> (ErrorCode, Int64),
        deleted: @escaping @Sendable (Int32, Int64, Int) -> (ErrorCode, Int64)
    ) throws -> ScriptedBroker {
        let broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 2: 0...9, 21: 0...2]) { header, body in
            switch header.apiKey {
            case .metadata:
                asked.metadataAsked()
                return ScriptedBroker.oneNodeMetadataReply(port: asked.port, topics: ["orders": 3], version: header.apiVersion)
            case .listOffsets:
                var copy = body
                guard let request = try? ListOffsetsRequest(from: &copy, version: header.apiVersion) else { return .close }
                let topics = request.topics.map { topic in
                    ListOffsetsResponse.ListOffsetsTopicResponse(name: topic.name, partitions: topic.partitions.map {
                        asked.time("\(topic.name)-\($0.partitionIndex)", $0.timestamp)
                        let (code, offset) = listed($0.partitionIndex, $0.timestamp)
                        return .init(partitionIndex: $0.partitionIndex, errorCode: code.rawValue, timestamp: -1, offset: offset, leaderEpoch: 0)
                    })
                }
                return ScriptedBroker.reply(ListOffsetsResponse(topics: topics), to: ListOffsetsRequest.self, version: header.apiVersion)
            case .deleteRecords:
                var copy = body
                guard let request = try? DeleteRecordsRequest(from: &copy, version: header.apiVersion) else { return .close }
                let before = asked.deletes.count
                asked.delete(Dictionary(uniqueKeysWithValues: request.topics.flatMap { topic in
                    topic.partitions.map { ("\(topic.name)-\($0.partitionIndex)", $0.offset) }
                }))
                let topics = request.topics.map { topic in
                    DeleteRecordsResponse.DeleteRecordsTopicResult(name: topic.name, partitions: topic.partitions.map {
                        let (code, low) = deleted($0.partitionIndex, $0.offset, before)
                        return .init(partitionIndex: $0.partitionIndex, lowWatermark: low, errorCode: code.rawValue)
                    })
                }
                return ScriptedBroker.reply(DeleteRecordsResponse(topics: topics), to: DeleteRecordsRequest.self, version: header.apiVersion)
            default:
                return .silence
            }
        }
        asked.port = broker.port
        return broker
    }

    static func run(_ broker: ScriptedBroker, _ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["delete-records", "--bootstrap-server", broker.address] + arguments, timeout: .seconds(20))
    }

    @Test func beforeATimeDeletesBeforeTheFirstOffsetAtOrAfterItAndAnEmptyTailUpToTheLogEnd() async throws {
        // Partition 0 has records at or after the time from offset 40; partition 1 has none (ListOffsets -1), so
        // every record goes, up to the end ListOffsets(latest) reports (17), not the high watermark at deletion.
        let asked = Asked()
        let broker = try Self.scriptedCluster(asked: asked, listed: { partition, time in
            switch (partition, time) {
            case (0, _) where time >= 0: return (.none, 40)
            case (1, -1): return (.none, 17)
            case (1, _): return (.none, -1)
            default: return (.none, 9)
            }
        }, deleted: { _, offset, _ in (.none, offset) })
        defer { broker.stop() }
        let time = "2026-01-01T00:00:00Z"
        let millis: Int64 = 1_767_225_600_000

        let dry = try await Self.run(broker, ["--topic", "orders", "--partition", "0", "--before", time])
        #expect(dry.exitCode == 0, "stderr: \(dry.stderr)")
        #expect(dry.stdout.hasSuffix("partition: orders-0\tbefore_offset: 40\n"), "stdout: \(dry.stdout)")
        #expect(asked.deletes.isEmpty, "a dry run sends no DeleteRecords")

        let result = try await Self.run(broker, ["--topic", "orders", "--partition", "1", "--before", time, "--execute"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasSuffix("partition: orders-1\tlow_watermark: 17\n"), "stdout: \(result.stdout)")
        #expect(asked.times["orders-1"] == [millis, -1], "by time, then the log end for a partition with no later record")
        #expect(asked.deletes == [["orders-1": 17]])

        let all = try await Self.run(broker, ["--topic", "orders", "--before", time, "--execute", "--output", "json"])
        #expect(all.exitCode == 0, "stderr: \(all.stderr)")
        #expect(asked.deletes.last == ["orders-0": 40, "orders-1": 17, "orders-2": 9], "partition 2 answers 9 for any time")
    }

    @Test func aMovedLeaderIsRetriedWithFreshMetadataAndAPartitionErrorIsNamed() async throws {
        let asked = Asked()
        let broker = try Self.scriptedCluster(asked: asked, listed: { _, _ in (.none, 0) }, deleted: { partition, offset, before in
            if partition == 2 { return (.policyViolation, -1) }
            // The first DeleteRecords meets a leader that has just moved (to the same node, as far as this test knows).
            return before == 0 ? (.notLeaderOrFollower, -1) : (.none, offset)
        })
        defer { broker.stop() }
        let result = try await Self.run(broker, ["--topic", "orders", "--before-offset", "5", "--execute"])
        #expect(result.exitCode == 1)
        #expect(asked.deletes.count == 2, "sent once, then again after the moved leader: \(asked.deletes)")
        #expect(asked.deletes.last == ["orders-0": 5, "orders-1": 5], "only the partitions still to do go again")
        #expect(asked.metadata >= 2, "the retry asked Metadata afresh")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.dropFirst(2).prefix(2) == ["partition: orders-0\tlow_watermark: 5", "partition: orders-1\tlow_watermark: 5"])
        #expect(lines.last?.hasPrefix("partition: orders-2\terror: ") == true && lines.last?.hasSuffix("[POLICY_VIOLATION]") == true,
                "stdout: \(result.stdout)")
        #expect(result.stderrLines == ["Error: records of 1 of 3 partitions were not deleted (see above)"])
    }

    /// A one-node cluster whose topic `orders` has 3 partitions of 10 records each (offsets 0-9): DeleteRecords moves a
    /// partition's low watermark (-1: to the high watermark, 10; past it: OFFSET_OUT_OF_RANGE, as Kafka answers),
    /// and ListOffsets answers earliest with the low watermark and latest with 10, so get-offsets sees what
    /// delete-records did.
    static func scriptedLog() throws -> ScriptedBroker {
        let lows = Mutex<[Int32: Int64]>([0: 0, 1: 0, 2: 0])
        let port = Mutex(0)
        let broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 2: 0...9, 21: 0...2]) { header, body in
            switch header.apiKey {
            case .metadata:
                return ScriptedBroker.oneNodeMetadataReply(port: port.withLock { $0 }, topics: ["orders": 3], version: header.apiVersion)
            case .listOffsets:
                var copy = body
                guard let request = try? ListOffsetsRequest(from: &copy, version: header.apiVersion) else { return .close }
                let topics = request.topics.map { topic in
                    ListOffsetsResponse.ListOffsetsTopicResponse(name: topic.name, partitions: topic.partitions.map {
                        let offset = $0.timestamp == -2 ? lows.withLock { [index = $0.partitionIndex] in $0[index] ?? 0 } : 10
                        return .init(partitionIndex: $0.partitionIndex, errorCode: 0, timestamp: -1, offset: offset, leaderEpoch: 0)
                    })
                }
                return ScriptedBroker.reply(ListOffsetsResponse(topics: topics), to: ListOffsetsRequest.self, version: header.apiVersion)
            case .deleteRecords:
                var copy = body
                guard let request = try? DeleteRecordsRequest(from: &copy, version: header.apiVersion) else { return .close }
                let topics = request.topics.map { topic in
                    DeleteRecordsResponse.DeleteRecordsTopicResult(name: topic.name, partitions: topic.partitions.map { asked in
                        let target = asked.offset == -1 ? 10 : asked.offset
                        guard target <= 10 else {
                            return .init(partitionIndex: asked.partitionIndex, lowWatermark: -1, errorCode: ErrorCode.offsetOutOfRange.rawValue)
                        }
                        let low = lows.withLock { lows in
                            lows[asked.partitionIndex] = max(lows[asked.partitionIndex] ?? 0, target)
                            return lows[asked.partitionIndex]!
                        }
                        return .init(partitionIndex: asked.partitionIndex, lowWatermark: low, errorCode: 0)
                    })
                }
                return ScriptedBroker.reply(DeleteRecordsResponse(topics: topics), to: DeleteRecordsRequest.self, version: header.apiVersion)
            default:
                return .silence
            }
        }
        port.withLock { $0 = broker.port }
        return broker
    }

    @Test func anOffsetFileMovesEachLowWatermarkGetOffsetsSeesItAndEveryFailureIsNamed() async throws {
        let broker = try Self.scriptedLog()
        defer { broker.stop() }
        let file = try Self.offsetFile("""
            {"partitions": [{"topic": "orders", "partition": 1, "offset": -1},
                            {"topic": "orders", "partition": 0, "offset": 3},
                            {"topic": "orders", "partition": 2, "offset": 11},
                            {"topic": "orders", "partition": 7, "offset": 1},
                            {"topic": "gone", "partition": 0, "offset": 1}], "version": 1}
            """)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await Self.run(broker, ["--offset-json-file", file.path])
        #expect(result.exitCode == 1)
        #expect(result.stdout.split(separator: "\n").map(String.init) == [
            "Executing records delete operation",
            "Records delete operation completed:",
            "partition: gone-0\terror: Topic 'gone' does not exist [UNKNOWN_TOPIC_OR_PARTITION]",
            "partition: orders-0\tlow_watermark: 3",
            "partition: orders-1\tlow_watermark: 10",
            "partition: orders-2\terror: Deleting records of orders-2: \(ErrorCode.offsetOutOfRange.message) [OFFSET_OUT_OF_RANGE]",
            "partition: orders-7\terror: partition 7 of topic 'orders' does not exist: it has 3 partitions",
        ])
        #expect(result.stderrLines == ["Error: records of 3 of 5 partitions were not deleted (see above)"])

        let offsets = try await kafkactl(["get-offsets", "--bootstrap-server", broker.address, "--topic", "orders", "--time", "-2"])
        #expect(offsets.stdout == "orders:0:3\norders:1:10\norders:2:0\n", "stderr: \(offsets.stderr)")

        // The same through the kafkactl-only form, as one JSON document: partition 2 now moves too.
        let json = try await Self.run(broker, ["--topic", "orders", "--partition", "2", "--before-offset", "4", "--execute", "--output", "json"])
        #expect(json.exitCode == 0, "stderr: \(json.stderr)")
        #expect(json.stdout == "{\"dry_run\":false,\"partitions\":[{\"topic\":\"orders\",\"partition\":2,\"low_watermark\":4}]}\n")
    }

    @Test func eachPartitionGoesToItsOwnLeaderInOneRequestPerLeader() async throws {
        // Two scripted nodes: orders-0 and orders-2 are led by node 1, orders-1 by node 2. Each node records the
        // partitions DeleteRecords asked it for; a node asked for a partition it does not lead says
        // NOT_LEADER_OR_FOLLOWER, as Kafka does, so a wrong route would show as a retry and a failure.
        let ports = Mutex<[Int32: Int]>([:])
        let received = Mutex<[Int32: [[String]]]>([:])
        let leaders: [Int32: Int32] = [0: 1, 1: 2, 2: 1]
        func node(_ id: Int32) throws -> ScriptedBroker {
            try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 21: 0...2]) { header, body in
                switch header.apiKey {
                case .metadata:
                    let known = ports.withLock { $0 }
                    let response = MetadataResponse(
                        brokers: known.sorted { $0.key < $1.key }.map { .init(nodeId: $0.key, host: "127.0.0.1", port: Int32($0.value)) },
                        clusterId: "c", controllerId: 1,
                        topics: [.init(name: "orders", partitions: (0..<3).map { (partition: Int32) in
                            .init(partitionIndex: partition, leaderId: leaders[partition]!, replicaNodes: [1, 2], isrNodes: [1, 2])
                        })])
                    return ScriptedBroker.reply(response, to: MetadataRequest.self, version: header.apiVersion)
                case .deleteRecords:
                    var copy = body
                    guard let request = try? DeleteRecordsRequest(from: &copy, version: header.apiVersion) else { return .close }
                    received.withLock { $0[id, default: []].append(request.topics.flatMap { topic in topic.partitions.map { "\(topic.name)-\($0.partitionIndex)" } }.sorted()) }
                    let topics = request.topics.map { topic in
                        DeleteRecordsResponse.DeleteRecordsTopicResult(name: topic.name, partitions: topic.partitions.map {
                            let leads = leaders[$0.partitionIndex] == id
                            return .init(partitionIndex: $0.partitionIndex, lowWatermark: leads ? $0.offset : -1,
                                         errorCode: leads ? 0 : ErrorCode.notLeaderOrFollower.rawValue)
                        })
                    }
                    return ScriptedBroker.reply(DeleteRecordsResponse(topics: topics), to: DeleteRecordsRequest.self, version: header.apiVersion)
                default:
                    return .silence
                }
            }
        }
        let one = try node(1)
        defer { one.stop() }
        let two = try node(2)
        defer { two.stop() }
        ports.withLock { $0 = [1: one.port, 2: two.port] }
        let result = try await kafkactl(["delete-records", "--bootstrap-server", one.address, "--topic", "orders",
                                         "--before-offset", "6", "--execute"], timeout: .seconds(20))
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasSuffix("partition: orders-0\tlow_watermark: 6\npartition: orders-1\tlow_watermark: 6\npartition: orders-2\tlow_watermark: 6\n"),
                "stdout: \(result.stdout)")
        #expect(received.withLock { $0 } == [1: [["orders-0", "orders-2"]], 2: [["orders-1"]]])
    }
}
