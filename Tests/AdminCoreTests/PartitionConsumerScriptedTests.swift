@testable import AdminCore
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `PartitionConsumer` against a scripted broker, for what the real test broker will not produce on demand:
/// control batches and aborted transactions (read_committed), a corrupt batch, a connection that drops mid-fetch,
/// and ListOffsets answers by time (Tansu answers 0 to every time).
@Suite struct PartitionConsumerScriptedTests {
    static let topic = "scripted"
    static let versions: [Int16: ClosedRange<Int16>] = [18: 0...3, 3: 0...12, 1: 10...12, 2: 4...10]

    /// What one partition holds: its record blob and where it ends.
    struct Log: Sendable {
        var records: [UInt8]
        var highWatermark: Int64
        var lastStableOffset: Int64 = -1
        var logStartOffset: Int64 = 0
        var aborted: [FetchResponse.AbortedTransaction]? = nil
    }

    /// A broker with node id 1 leading partition 0..<`logs.count` of `topic`; Fetch answers the whole blob at
    /// offset 0, nothing later, and OFFSET_OUT_OF_RANGE outside [logStartOffset, highWatermark], as Kafka does;
    /// ListOffsets answers from `listOffsets` (by partition and timestamp asked).
    /// `fetch` may replace the Fetch answer.
    final class Broker: Sendable {
        let scripted: ScriptedBroker

        init(
            logs: [Log],
            listOffsets: @escaping @Sendable (Int32, Int64) -> Int64 = { _, _ in 0 },
            fetch: (@Sendable (ScriptedBroker.Reply) -> ScriptedBroker.Reply)? = nil
        ) throws {
            let port = Atomic<Int>(0)
            let offsets = FetchLog()
            scripted = try ScriptedBroker(apiVersions: PartitionConsumerScriptedTests.versions) { header, body in
                var body = body
                switch header.apiKey {
                case .metadata:
                    return ScriptedBroker.oneNodeMetadataReply(
                        port: Int(port.load(ordering: .relaxed)), topics: [PartitionConsumerScriptedTests.topic: logs.count],
                        version: header.apiVersion)
                case .listOffsets:
                    guard let request = try? ListOffsetsRequest(from: &body, version: header.apiVersion) else { return .close }
                    let response = ListOffsetsResponse(topics: request.topics.map { topic in
                        .init(name: topic.name, partitions: topic.partitions.map {
                            .init(partitionIndex: $0.partitionIndex, offset: listOffsets($0.partitionIndex, $0.timestamp))
                        })
                    })
                    return ScriptedBroker.reply(response, to: ListOffsetsRequest.self, version: header.apiVersion)
                case .fetch:
                    guard let request = try? FetchRequest(from: &body, version: header.apiVersion) else { return .close }
                    let response = FetchResponse(responses: request.topics.map { topic in
                        .init(topic: topic.topic, partitions: topic.partitions.map { partition in
                            offsets.entries.withLock { $0.append(partition.fetchOffset) }
                            let log = logs[Int(partition.partition)]
                            if partition.fetchOffset > log.highWatermark || partition.fetchOffset < log.logStartOffset {
                                return .init(partitionIndex: partition.partition, errorCode: 1, highWatermark: log.highWatermark)  // OFFSET_OUT_OF_RANGE
                            }
                            return .init(
                                partitionIndex: partition.partition, highWatermark: log.highWatermark,
                                lastStableOffset: log.lastStableOffset, logStartOffset: log.logStartOffset,
                                abortedTransactions: log.aborted,
                                records: partition.fetchOffset == 0 ? ByteBuffer(bytes: log.records) : ByteBuffer())
                        })
                    })
                    let reply = ScriptedBroker.reply(response, to: FetchRequest.self, version: header.apiVersion)
                    return fetch?(reply) ?? reply
                default:
                    return .silence
                }
            }
            port.store(scripted.port, ordering: .relaxed)
            fetchLog = offsets
        }

        private let fetchLog: FetchLog
        /// The offsets partition fetches asked for, in order.
        var fetchedOffsets: [Int64] { fetchLog.entries.withLock { $0 } }
    }

    final class FetchLog: Sendable {
        let entries = Mutex<[Int64]>([])
    }

    /// A batch v2 of `values` at `baseOffset`, optionally transactional (producer `producerId`).
    static func batch(_ baseOffset: Int64, _ values: [String], producerId: Int64 = -1, transactional: Bool = false) throws -> [UInt8] {
        var builder = RecordBatchBuilder()
        for value in values { builder.append(key: nil, value: ByteBuffer(string: value), timestamp: 1_000) }
        let producer = producerId >= 0
            ? RecordBatchBuilder.ProducerState(producerId: producerId, producerEpoch: 0, baseSequence: 0) : .none
        var batch = try builder.build(producer: producer, isTransactional: transactional)
        batch.setInteger(baseOffset, at: 0)
        return Array(batch.readableBytesView)
    }

    /// A transaction marker (control batch) at `offset`: COMMIT when `commit`, else ABORT.
    static func marker(_ offset: Int64, producerId: Int64, commit: Bool) throws -> [UInt8] {
        var builder = RecordBatchBuilder()
        builder.append(key: ByteBuffer(bytes: [0, 0, 0, commit ? 1 : 0]), value: ByteBuffer(bytes: [0, 0, 0, 0, 0, 0]),
                       timestamp: 1_000)
        var batch = try builder.build(
            producer: .init(producerId: producerId, producerEpoch: 0, baseSequence: -1), isTransactional: true)
        batch.setInteger(offset, at: 0)
        batch.setInteger(Int16(0x10 | 0x20), at: 21)  // transactional + control
        let crc = batch.withUnsafeReadableBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[21...])) }
        batch.setInteger(crc, at: 17)
        return Array(batch.readableBytesView)
    }

    static func withConsumer<T: Sendable>(
        _ broker: Broker, isolation: IsolationLevel = .readUncommitted, reset: ConsumerConfiguration.OffsetReset = .latest,
        apiTimeout: Duration = .seconds(10),
        _ body: (PartitionConsumer) async throws -> T
    ) async throws -> T {
        var configuration = ClientConfiguration(bootstrapServers: [BrokerAddress(broker.scripted.address)!])
        configuration.apiTimeout = apiTimeout
        configuration.requestTimeout = .seconds(5)
        configuration.connectTimeout = .seconds(2)
        var consumerConfiguration = ConsumerConfiguration()
        consumerConfiguration.isolation = isolation
        consumerConfiguration.autoOffsetReset = reset
        consumerConfiguration.fetchMaxWait = .milliseconds(10)
        defer { broker.scripted.stop() }
        return try await KafkaClient.withClient(configuration) { [consumerConfiguration] in
            try await body(PartitionConsumer(client: $0, configuration: consumerConfiguration))
        }
    }

    /// Every record `consumer` hands over from `start` in the given partitions to their ends, as (offset, value).
    static func consumeToEnd(_ consumer: PartitionConsumer, partitions: [Int32] = [0], from start: Int64 = 0) async throws -> [(Int64, String?)] {
        let collected = Mutex<[(Int64, String?)]>([])
        let positions = Dictionary(uniqueKeysWithValues: partitions.map { (TopicPartition(topic, $0), start) })
        try await consumer.consume(from: positions, stopAtEnd: true) { chunk in
            let records = try chunk.records()
            collected.withLock { $0 += records.map { ($0.offset, $0.value.map { String(buffer: $0) }) } }
            return .continue
        }
        return collected.withLock { $0 }
    }

    @Test(.timeLimit(.minutes(1)))
    func controlBatchesAreSkippedAndThePositionMovesPastThem() async throws {
        let blob = try Self.batch(0, ["a", "b"], producerId: 7, transactional: true)
            + Self.marker(2, producerId: 7, commit: true)
            + Self.batch(3, ["c"])
        let broker = try Broker(logs: [Log(records: blob, highWatermark: 4)])
        let records = try await Self.withConsumer(broker) { try await Self.consumeToEnd($0) }
        #expect(records.map(\.0) == [0, 1, 3])
        #expect(records.map(\.1) == ["a", "b", "c"])
        #expect(broker.fetchedOffsets == [0])
    }

    @Test(.timeLimit(.minutes(1)))
    func aLogEndingInAControlBatchStillReachesItsEnd() async throws {
        let blob = try Self.batch(0, ["a", "b"], producerId: 7, transactional: true) + Self.marker(2, producerId: 7, commit: true)
        let broker = try Broker(logs: [Log(records: blob, highWatermark: 3)])
        let records = try await Self.withConsumer(broker) { try await Self.consumeToEnd($0) }
        #expect(records.map(\.1) == ["a", "b"])
    }

    /// Producer 7's transaction (offsets 0-1) aborts at 2; plain data at 3; producer 8's transaction (4) commits at 5.
    static func transactionalLog() throws -> Log {
        let blob = try batch(0, ["aborted-1", "aborted-2"], producerId: 7, transactional: true)
            + marker(2, producerId: 7, commit: false)
            + batch(3, ["plain"])
            + batch(4, ["committed"], producerId: 8, transactional: true)
            + marker(5, producerId: 8, commit: true)
        return Log(records: blob, highWatermark: 6, lastStableOffset: 6,
                   aborted: [FetchResponse.AbortedTransaction(producerId: 7, firstOffset: 0)])
    }

    @Test(.timeLimit(.minutes(1)))
    func readCommittedDropsTheBatchesOfAbortedTransactions() async throws {
        let broker = try Broker(logs: [try Self.transactionalLog()])
        let records = try await Self.withConsumer(broker, isolation: .readCommitted) { try await Self.consumeToEnd($0) }
        #expect(records.map(\.1) == ["plain", "committed"])
        #expect(records.map(\.0) == [3, 4])
    }

    @Test(.timeLimit(.minutes(1)))
    func readUncommittedShowsAbortedRecordsToo() async throws {
        let broker = try Broker(logs: [try Self.transactionalLog()])
        let records = try await Self.withConsumer(broker, isolation: .readUncommitted) { try await Self.consumeToEnd($0) }
        #expect(records.map(\.1) == ["aborted-1", "aborted-2", "plain", "committed"])
    }

    @Test(.timeLimit(.minutes(1)))
    func aCorruptBatchIsAnErrorNamingThePartitionAndOffset() async throws {
        var second = try Self.batch(2, ["payload"])
        second[second.count - 1] ^= 0x40
        let broker = try Broker(logs: [Log(records: try Self.batch(0, ["x", "y"]) + second, highWatermark: 3)])
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withConsumer(broker) { try await Self.consumeToEnd($0) }
        }
        let message = error?.message ?? ""
        #expect(message.contains("\(Self.topic)-0"), "\(message)")
        #expect(message.contains("offset 2"), "\(message)")
        #expect(message.contains("CRC"), "\(message)")
    }

    @Test(.timeLimit(.minutes(1)))
    func aBrokerThatDropsTheConnectionMidFetchGivesAnErrorWithinTheApiTimeout() async throws {
        let broker = try Broker(logs: [Log(records: try Self.batch(0, ["x"]), highWatermark: 1)], fetch: { _ in
            .rawThenClose([0, 0, 0, 40, 0, 0])  // a frame header announcing 40 bytes, two of them, then close
        })
        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withConsumer(broker, apiTimeout: .seconds(2)) { try await Self.consumeToEnd($0) }
        }
        // Ended by the 2 s API timeout rather than retried for good (the time limit is a minute); the margin is for
        // the start of a full run, when this test can wait 15 s for a thread.
        #expect(clock.now - start < .seconds(40))
        #expect(error.map { ([.unreachable, .timeout, .internal] as [KafkactlError.Category]).contains($0.category) } == true, "\(String(describing: error))")
        #expect(error?.message.contains(broker.scripted.address) == true || error?.message.contains("connection") == true,
                "\(error?.message ?? "")")
    }

    @Test(.timeLimit(.minutes(1)))
    func anOutOfRangePositionResetsToTheEarliestWhenToldSo() async throws {
        let broker = try Broker(logs: [Log(records: try Self.batch(0, ["first", "second"]), highWatermark: 2)]) { _, timestamp in
            timestamp == -2 ? 0 : 2
        }
        let records = try await Self.withConsumer(broker, reset: .earliest) { try await Self.consumeToEnd($0, from: 1_000) }
        #expect(records.map(\.1) == ["first", "second"])
        #expect(broker.fetchedOffsets.first == 1_000)
    }

    @Test(.timeLimit(.minutes(1)))
    func anOutOfRangePositionResetsToTheEndByDefault() async throws {
        let broker = try Broker(logs: [Log(records: try Self.batch(0, ["first", "second"]), highWatermark: 2)]) { _, timestamp in
            timestamp == -2 ? 0 : 2
        }
        let records = try await Self.withConsumer(broker) { try await Self.consumeToEnd($0, from: 1_000) }
        #expect(records.isEmpty)
        #expect(broker.fetchedOffsets == [1_000, 2])
    }

    @Test(.timeLimit(.minutes(1)))
    func anOutOfRangePositionIsAnErrorWhenResetIsNone() async throws {
        let broker = try Broker(logs: [Log(records: try Self.batch(0, ["first"]), highWatermark: 1)])
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withConsumer(broker, reset: .none) { try await Self.consumeToEnd($0, from: 1_000) }
        }
        #expect(error?.code == .offsetOutOfRange)
        #expect(error?.message.contains("\(Self.topic)-0") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("1000") == true, "\(error?.message ?? "")")
    }

    @Test(.timeLimit(.minutes(1)))
    func startPositionsResolveByTimeOffsetAndCount() async throws {
        // Partition p: earliest 10, latest 20; a time lookup finds 15 for t=1000 and nothing (-1) for later times.
        let broker = try Broker(logs: Array(repeating: Log(records: [], highWatermark: 20), count: 7)) { _, timestamp in
            switch timestamp {
            case -2: return 10
            case -1: return 20
            case 1_000: return 15
            default: return -1
            }
        }
        let tp = { TopicPartition(Self.topic, $0) }
        let resolved = try await Self.withConsumer(broker) { consumer in
            try await consumer.resolve([
                tp(0): .timestamp(1_000), tp(1): .timestamp(5_000), tp(2): .offset(12), tp(3): .offset(1_000_000),
                tp(4): .offset(3), tp(5): .lastRecords(3), tp(6): .lastRecords(100),
            ])
        }
        #expect(resolved[tp(0)] == 15)
        #expect(resolved[tp(1)] == 20, "a time after the last record starts at the end")
        #expect(resolved[tp(2)] == 12)
        // An absolute offset is used as given, as Kafka's consumer seeks; the first fetch's OFFSET_OUT_OF_RANGE
        // and auto.offset.reset move it (see the out-of-range tests above).
        #expect(resolved[tp(3)] == 1_000_000)
        #expect(resolved[tp(4)] == 3)
        #expect(resolved[tp(5)] == 17)
        #expect(resolved[tp(6)] == 10, "more than the partition holds starts at the start")
    }

    @Test(.timeLimit(.minutes(1)))
    func earliestAndLatestAreTheBrokersAnswers() async throws {
        let broker = try Broker(logs: Array(repeating: Log(records: [], highWatermark: 9), count: 2)) { _, timestamp in
            timestamp == -2 ? 4 : 9
        }
        let resolved = try await Self.withConsumer(broker) { consumer in
            try await consumer.resolve([TopicPartition(Self.topic, 0): .earliest, TopicPartition(Self.topic, 1): .latest])
        }
        #expect(resolved == [TopicPartition(Self.topic, 0): 4, TopicPartition(Self.topic, 1): 9])
    }
}
