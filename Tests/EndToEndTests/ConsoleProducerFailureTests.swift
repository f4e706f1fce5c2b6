import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `kafkactl console-producer` when things go wrong: every case gives exactly one `Error:` line and a non-zero exit,
/// and every input line is either in the topic or accounted for on stderr.
@Suite struct ConsoleProducerFailureTests {
    typealias Record = ProducerHarness.ReadRecord

    /// Whether `topic` exists on the test broker (kafkactl topics --list).
    static func exists(_ topic: String) async throws -> Bool {
        let listed = try await topics(["--list", "--topic", topic])
        #expect(listed.exitCode == 0, "stderr: \(listed.stderr)")
        return listed.stdout == "\(topic)\n"
    }

    // MARK: Unknown topic

    @Test func anUnknownTopicIsCreatedByThisBrokerAndEveryRecordArrives() async throws {
        // Tansu creates topics on produce (BROKER.md), as Kafka does with auto.create.topics.enable=true; the
        // producer asks for that like Java's does. Against a broker that refuses, see the scripted test below.
        let topic = BrokerHarness.uniqueName("e2e-produce-autocreate")
        try await withTopics(topic) {
            #expect(try await !Self.exists(topic))
            let result = try await ProducerHarness.produce(topic, input: "a\nb\nc\n")
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.isEmpty)
            #expect(try await Self.exists(topic))
            let read = try await ProducerHarness.readBack(topic, expecting: 3)
            #expect(read.count == 3)
            #expect(Set(read.values.compactMap { $0 }) == ["a", "b", "c"])
        }
    }

    @Test func anUnknownTopicOnABrokerThatDoesNotCreateItIsNamedAndNothingIsSent() async throws {
        let broker = try FakeProducerBroker(topic: "known", metadataError: .unknownTopicOrPartition)
        defer { broker.stop() }
        let result = try await ProducerHarness.produce(
            "missing", ["--max-block-ms", "500"], input: "a\nb\n", bootstrap: broker.address, timeout: .seconds(20))
        let message = ProducerHarness.expectOneErrorLine(result, exitCode: 1)
        #expect(message.contains("'missing'"), "\(message)")
        #expect(message.contains("does not exist"), "\(message)")
        #expect(message.contains("[UNKNOWN_TOPIC_OR_PARTITION]"), "\(message)")
        #expect(message.contains("after 500 ms"), "\(message)")
        #expect(ProducerHarness.lines(result.stderr).count == 1)
        #expect(broker.produceRequests.isEmpty)
        #expect(result.elapsed < .seconds(8), "--max-block-ms 500 bounds the wait")
    }

    // MARK: Bad properties

    @Test func aMalformedAcksValueIsAUsageErrorBeforeAnythingIsSent() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-badacks")
        try await withTopics(topic) {
            let result = try await ProducerHarness.produce(topic, ["--producer-property", "acks=maybe"], input: "a\n")
            let message = ProducerHarness.expectOneErrorLine(result, exitCode: 64)
            #expect(message == "invalid value 'maybe' for acks: expected all, -1, 0 or 1")
            // Not even looked up (which would have created it on this broker).
            #expect(try await !Self.exists(topic))
        }
    }

    @Test func aProducerPropertyWithoutEqualsIsAUsageError() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-noequals")
        try await withTopics(topic) {
            let result = try await ProducerHarness.produce(topic, ["--producer-property", "acks"], input: "a\n")
            let message = ProducerHarness.expectOneErrorLine(result, exitCode: 64)
            #expect(message == "invalid --producer-property 'acks': expected key=value")
            #expect(try await !Self.exists(topic))
        }
    }

    @Test func equalReaderSeparatorsAreAUsageErrorAtStartUp() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-badseparators")
        try await withTopics(topic) {
            let result = try await ProducerHarness.produce(
                topic, ["--property", "parse.headers=true", "--property", "headers.separator=:"], input: "a\n")
            let message = ProducerHarness.expectOneErrorLine(result, exitCode: 64)
            #expect(message == "headers.separator and headers.key.separator may not be equal")
            #expect(try await !Self.exists(topic))
        }
    }

    // MARK: Bad lines

    @Test func aLineWithoutKeySeparatorStopsTheRunAfterDeliveringTheLinesBeforeIt() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-nosep")
        try await withTopics(topic) {
            try await createTopic(topic)
            let result = try await ProducerHarness.produce(
                topic, ["--property", "parse.key=true", "--property", "key.separator=:"],
                input: "k1:one\nk2:two\nno separator here\nk4:four\n")
            let message = ProducerHarness.expectOneErrorLine(result, exitCode: 1)
            #expect(message == "No key separator found on line number 3: 'no separator here'")
            let read = try await ProducerHarness.readBack(topic, expecting: 2)
            #expect(read.partitions[0] == [Record(key: "k1", value: "one"), Record(key: "k2", value: "two")])
        }
    }

    @Test func ignoreErrorTurnsALineWithoutKeySeparatorIntoAKeylessValue() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-ignore")
        try await withTopics(topic) {
            try await createTopic(topic)
            let result = try await ProducerHarness.produce(
                topic, ["--property", "parse.key=true", "--property", "key.separator=:", "--property", "ignore.error=true"],
                input: "k1:one\nno separator here\nk3:three\n")
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.isEmpty)
            let read = try await ProducerHarness.readBack(topic, expecting: 3)
            #expect(read.partitions[0] == [
                Record(key: "k1", value: "one"), Record(key: nil, value: "no separator here"),
                Record(key: "k3", value: "three"),
            ])
        }
    }

    @Test func anOversizedRecordIsNamedByLineAndTheOtherLinesAreDelivered() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-oversized")
        let big = String(repeating: "x", count: 5000)
        try await withTopics(topic) {
            try await createTopic(topic)
            let result = try await ProducerHarness.produce(
                topic, ["--producer-property", "max.request.size=1000"], input: "first\n\(big)\nthird\nfourth\n")
            let message = ProducerHarness.expectOneErrorLine(result, exitCode: 1)
            #expect(message.hasPrefix("1 of 4 records were not delivered; first: line 2: "), "\(message)")
            #expect(message.contains("max.request.size (1000)"), "\(message)")
            #expect(message.contains("[MESSAGE_TOO_LARGE]"), "\(message)")
            let read = try await ProducerHarness.readBack(topic, expecting: 3)
            #expect(read.partitions[0]?.map(\.value) == ["first", "third", "fourth"])
        }
    }

    @Test func aPartitionTheTopicDoesNotHaveFailsEveryRecordAndSaysSo() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-nopartition")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 3)
            let result = try await ProducerHarness.produce(topic, ["--partition", "7"], input: "a\nb\n")
            let message = ProducerHarness.expectOneErrorLine(result, exitCode: 1)
            #expect(message.contains("2 of 2 records were not delivered"), "\(message)")
            #expect(message.contains("partition 7"), "\(message)")
        }
    }

    // MARK: The broker fails

    @Test func notEnoughReplicasIsRetriedUntilTheDeliveryTimeoutThenReported() async throws {
        let broker = try FakeProducerBroker(topic: "orders", produceError: .notEnoughReplicas)
        defer { broker.stop() }
        let result = try await ProducerHarness.produce(
            "orders", ["--producer-property", "delivery.timeout.ms=1500"], input: "a\nb\nc\n",
            bootstrap: broker.address, timeout: .seconds(30))
        let message = ProducerHarness.expectOneErrorLine(result, exitCode: 1)
        #expect(message.hasPrefix("3 of 3 records were not delivered; first: line 1: "), "\(message)")
        #expect(message.contains("[NOT_ENOUGH_REPLICAS]"), "\(message)")
        #expect(message.contains("delivery.timeout.ms"), "\(message)")
        #expect(broker.produceRequests.count > 1, "a retriable error is retried")
        #expect(result.elapsed < .seconds(10), "delivery.timeout.ms=1500 bounds the run")
    }

    @Test(arguments: [
        ([String](), Int16(-1), true),
        (["--request-required-acks", "1"], Int16(1), false),
        (["--producer-property", "acks=0"], Int16(0), false),
        (["--producer-property", "acks=0", "--request-required-acks", "all"], Int16(-1), true),
        (["--producer-property", "acks=all", "--producer-property", "enable.idempotence=false"], Int16(-1), false),
    ])
    func theProduceRequestCarriesTheAcksAskedFor(flags: [String], acks: Int16, idempotent: Bool) async throws {
        let broker = try FakeProducerBroker(topic: "orders")
        defer { broker.stop() }
        let result = try await ProducerHarness.produce(
            "orders", flags, input: "a\nb\n", bootstrap: broker.address, timeout: .seconds(20))
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        // With acks=0 kafkactl is done once the request is written to the socket (no answer comes), so it can exit
        // before the scripted broker's thread has read it: wait for the broker to record it (the second CI pass,
        // with the fast static binary, looked too early).
        func batches() throws -> [RecordBatch] {
            try broker.produceRequests.flatMap { request in
                try request.topicData.flatMap(\.partitionData).map { data -> RecordBatch in
                    var reader = RecordBatchReader(try #require(data.records))
                    return try #require(try reader.next())
                }
            }
        }
        let arrived = try await eventually(within: .seconds(5)) { try batches().flatMap(\.records).count >= 2 }
        #expect(arrived)
        let requests = broker.produceRequests
        #expect(!requests.isEmpty)
        #expect(requests.allSatisfy { $0.acks == acks })
        #expect(broker.initProducerIdCount == (idempotent ? 1 : 0))
        let batches = try batches()
        #expect(batches.flatMap(\.records).map { String(buffer: $0.value!) } == ["a", "b"])
        #expect(batches.allSatisfy { $0.producerId == (idempotent ? FakeProducerBroker.producerId : -1) })
    }

    @Test func aBrokerGoneMidStreamFailsTheRestWithinTheDeliveryTimeoutAndCountsThem() async throws {
        let broker = try PrivateBroker.start()
        var stopped = false
        defer { if !stopped { broker.stop() } }
        let topic = "gone"
        let created = try await offThePool {
            try runKafkactl(["topics", "--bootstrap-server", broker.address, "--create", "--topic", topic,
                             "--partitions", "2", "--replication-factor", "1"])
        }
        try #require(created.exitCode == 0, "stderr: \(created.stderr)")

        let producer = try OpenStdinProducer([
            "console-producer", "--bootstrap-server", broker.address, "--topic", topic,
            "--producer-property", "delivery.timeout.ms=3000",
        ])
        #expect(await producer.write(ProducerHarness.seq(1...1000)))
        // The first 1000 lines are in the topic before the broker goes.
        let before = try await ProducerHarness.readBack(topic, expecting: 1000, bootstrap: broker.address)
        #expect(before.count == 1000)
        try await offThePool { broker.stop() }
        stopped = true
        #expect(producer.isRunning)
        #expect(await producer.write(ProducerHarness.seq(1001...1500)))
        producer.closeInput()
        let endOfInput = ContinuousClock.now
        let result = try await producer.finish(timeout: .seconds(40))
        let elapsed = ContinuousClock.now - endOfInput

        let message = ProducerHarness.expectOneErrorLine(result, exitCode: result.exitCode)
        #expect(result.exitCode != 0 && result.exitCode != 130, "stderr: \(result.stderr)")
        #expect(message.hasPrefix("500 of 1500 records were not delivered; first: line 1001: "), "\(message)")
        #expect(message.contains(broker.address), "\(message)")
        // delivery.timeout.ms=3000: the records are given up on about 3 s after they were read, and the run ends
        // then, not after connect and metadata timeouts of their own.
        #expect(elapsed < .seconds(8), "the run took \(elapsed) after the end of input")
    }
}

/// A broker this test starts for itself with `scripts/broker`, so it can stop it mid-run.
struct PrivateBroker: Sendable {
    var address: String
    var directory: URL

    static func start() throws -> PrivateBroker {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kafkactl-producer-test-broker-\(UUID().uuidString.prefix(8))")
        let result = try runProcess(
            repoRoot.appendingPathComponent("scripts/broker"), ["start"], timeout: .seconds(40),
            environment: ["KAFKACTL_BROKER_DIR": directory.path, "KAFKACTL_BROKER_OWNER_PID": String(getpid())])
        let address = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.exitCode == 0, !address.isEmpty else {
            throw ProcessRunnerError.launchFailed(command: "scripts/broker start", reason: result.stderr)
        }
        return PrivateBroker(address: address, directory: directory)
    }

    func stop() {
        _ = try? runProcess(
            repoRoot.appendingPathComponent("scripts/broker"), ["stop"], timeout: .seconds(20),
            environment: ["KAFKACTL_BROKER_DIR": directory.path])
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A scripted broker (node 1) that serves one topic with one partition: Metadata (optionally with an error for every
/// topic), InitProducerId, and Produce answered with `produceError` (or success), keeping every Produce request.
final class FakeProducerBroker: Sendable {
    static let producerId: Int64 = 4242
    private let scripted: ScriptedBroker
    private let state: State

    private final class State: Sendable {
        let port = Atomic<Int>(0)
        let produced = Mutex<[ProduceRequest]>([])
        let initProducerIds = Atomic<Int>(0)
    }

    var address: String { scripted.address }
    var produceRequests: [ProduceRequest] { state.produced.withLock { $0 } }
    var initProducerIdCount: Int { state.initProducerIds.load(ordering: .relaxed) }

    init(topic: String, metadataError: ErrorCode? = nil, produceError: ErrorCode? = nil) throws {
        let state = State()
        self.state = state
        let versions: [Int16: ClosedRange<Int16>] = [18: 0...3, 3: 0...12, 0: 0...11, 22: 0...5]
        scripted = try ScriptedBroker(apiVersions: versions) { header, body in
            let version = header.apiVersion
            switch header.apiKey {
            case .metadata:
                let port = Int32(state.port.load(ordering: .relaxed))
                var requested = body
                let names = ((try? MetadataRequest(from: &requested, version: version))?.topics ?? []).compactMap(\.name)
                let topics = names.map { name -> MetadataResponse.MetadataResponseTopic in
                    if let metadataError { return .init(errorCode: metadataError.rawValue, name: name) }
                    guard name == topic else { return .init(errorCode: ErrorCode.unknownTopicOrPartition.rawValue, name: name) }
                    return .init(name: name, partitions: [.init(partitionIndex: 0, leaderId: 1, leaderEpoch: 0,
                                                                replicaNodes: [1], isrNodes: [1])])
                }
                return ScriptedBroker.reply(
                    MetadataResponse(brokers: [.init(nodeId: 1, host: "127.0.0.1", port: port)], clusterId: "fake",
                                     controllerId: 1, topics: topics),
                    to: MetadataRequest.self, version: version)
            case .initProducerId:
                state.initProducerIds.add(1, ordering: .relaxed)
                return ScriptedBroker.reply(
                    InitProducerIdResponse(errorCode: 0, producerId: Self.producerId, producerEpoch: 0),
                    to: InitProducerIdRequest.self, version: version)
            case .produce:
                var requestBody = body
                guard let request = try? ProduceRequest(from: &requestBody, version: version) else { return .close }
                state.produced.withLock { $0.append(request) }
                if request.acks == 0 { return .silence }
                let responses = request.topicData.map { data in
                    ProduceResponse.TopicProduceResponse(name: data.name, partitionResponses: data.partitionData.map {
                        .init(index: $0.index, errorCode: produceError?.rawValue ?? 0, baseOffset: produceError == nil ? 0 : -1)
                    })
                }
                return ScriptedBroker.reply(ProduceResponse(responses: responses), to: ProduceRequest.self, version: version)
            default:
                return .silence
            }
        }
        state.port.store(scripted.port, ordering: .relaxed)
    }

    func stop() { scripted.stop() }
}
