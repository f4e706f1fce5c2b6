import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `PartitionConsumer` (AdminCore) against the real test broker, on records written by confluent-kafka: start
/// positions, reading to the end, stopping on request, a position beyond the end, and an unknown topic.
@Suite struct ConsumerIntegrationTests {
    static func brokerAddress() async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try BrokerHarness.bootstrap() }) }
        }
    }

    /// Creates `topic` with `partitions` and writes `perPartition` one-record batches `p<partition>-<i>` to each with
    /// confluent-kafka (one-record batches keep the test broker's ListOffsets(latest) exact).
    static func prepare(_ topic: String, partitions: Int, perPartition: Int) async throws {
        let script = """
            import sys
            from confluent_kafka import Producer
            from confluent_kafka.admin import AdminClient, NewTopic
            topic, partitions, count = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
            admin = AdminClient({"bootstrap.servers": sys.argv[1]})
            admin.create_topics([NewTopic(topic, num_partitions=partitions, replication_factor=1)])[topic].result(timeout=20)
            producer = Producer({"bootstrap.servers": sys.argv[1], "partitioner": "murmur2_random", "linger.ms": 0})
            failed = []
            for index in range(count):
                for partition in range(partitions):
                    producer.produce(topic, key=b"k%d" % index, value=b"p%d-%d" % (partition, index), partition=partition,
                                     headers=[("i", str(index).encode())],
                                     on_delivery=lambda err, msg: failed.append(err) if err else None)
                    producer.flush(20)
            if failed:
                print(failed, file=sys.stderr)
                sys.exit(1)
            """
        let address = try await brokerAddress()
        let result = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    try runPython(script: script, args: [address, topic, String(partitions), String(perPartition)])
                })
            }
        }
        try #require(result.exitCode == 0, "the peer producer failed: \(result.stderr)")
    }

    static func withConsumer<T: Sendable>(
        _ configure: (inout ConsumerConfiguration) -> Void = { _ in }, _ body: (PartitionConsumer) async throws -> T
    ) async throws -> T {
        var configuration = ClientConfiguration(bootstrapServers: try BrokerAddress.parseList(try await brokerAddress()))
        configuration.apiTimeout = .seconds(15)
        var consumerConfiguration = ConsumerConfiguration()
        consumerConfiguration.fetchMaxWait = .milliseconds(50)
        configure(&consumerConfiguration)
        return try await KafkaClient.withClient(configuration) { [consumerConfiguration] in
            try await body(PartitionConsumer(client: $0, configuration: consumerConfiguration))
        }
    }

    /// Consumes to the end from `positions`; returns each partition's (offset, value) in the order received.
    static func readToEnd(_ consumer: PartitionConsumer, from positions: [TopicPartition: Int64]) async throws -> [TopicPartition: [(Int64, String)]] {
        let seen = Mutex<[TopicPartition: [(Int64, String)]]>([:])
        try await consumer.consume(from: positions, stopAtEnd: true) { chunk in
            let records = try chunk.records()
            seen.withLock { $0[chunk.topicPartition, default: []] += records.map { ($0.offset, String(buffer: $0.value!)) } }
            return .continue
        }
        return seen.withLock { $0 }
    }

    @Test(.timeLimit(.minutes(1)))
    func resolvedPositionsMatchWhatThePeerWrote() async throws {
        let topic = BrokerHarness.uniqueName("it-consume-resolve")
        try await Self.prepare(topic, partitions: 3, perPartition: 5)
        let tp = { TopicPartition(topic, $0) }
        let resolved = try await Self.withConsumer { consumer in
            try await consumer.resolve([tp(0): .earliest, tp(1): .latest, tp(2): .lastRecords(2)])
        }
        #expect(resolved == [tp(0): 0, tp(1): 5, tp(2): 3])
        // Absolute offsets are used as given (Kafka's consumer seeks; an out-of-range one is reset on fetch).
        let direct = try await Self.withConsumer { consumer in
            try await consumer.resolve([tp(0): .offset(3), tp(1): .offset(99), tp(2): .timestamp(1_577_836_800_000)])
        }
        #expect(direct == [tp(0): 3, tp(1): 99, tp(2): 0])
    }

    @Test(.timeLimit(.minutes(1)))
    func readingToTheEndDeliversEveryRecordOfEveryPartitionInOrder() async throws {
        let topic = BrokerHarness.uniqueName("it-consume-end")
        try await Self.prepare(topic, partitions: 3, perPartition: 6)
        let seen = try await Self.withConsumer { consumer in
            try await Self.readToEnd(consumer, from: [TopicPartition(topic, 0): 0, TopicPartition(topic, 1): 2, TopicPartition(topic, 2): 6])
        }
        #expect(seen[TopicPartition(topic, 0)]?.map(\.0) == Array(0..<6))
        #expect(seen[TopicPartition(topic, 0)]?.map(\.1) == (0..<6).map { "p0-\($0)" })
        #expect(seen[TopicPartition(topic, 1)]?.map(\.1) == (2..<6).map { "p1-\($0)" })
        #expect(seen[TopicPartition(topic, 2)]?.isEmpty ?? true, "a partition already at its end yields nothing")
    }

    @Test(.timeLimit(.minutes(1)))
    func recordsKeepTheirKeysHeadersAndTimestamps() async throws {
        let topic = BrokerHarness.uniqueName("it-consume-fields")
        let before = Int64(Date().timeIntervalSince1970 * 1000) - 60_000
        try await Self.prepare(topic, partitions: 1, perPartition: 3)
        let records = Mutex<[Record]>([])
        try await Self.withConsumer { consumer in
            try await consumer.consume(from: [TopicPartition(topic, 0): 0], stopAtEnd: true) { chunk in
                let chunkRecords = try chunk.records()
                records.withLock { $0 += chunkRecords }
                return .continue
            }
        }
        let all = records.withLock { $0 }
        #expect(all.map { $0.key.map { String(buffer: $0) } } == ["k0", "k1", "k2"])
        #expect(all.map(\.headers) == (0..<3).map { [RecordHeader(key: "i", value: ByteBuffer(string: String($0)))] })
        #expect(all.allSatisfy { $0.timestamp > before && !$0.isLogAppendTime })
    }

    @Test(.timeLimit(.minutes(1)))
    func stoppingFromTheHandlerEndsConsumption() async throws {
        let topic = BrokerHarness.uniqueName("it-consume-stop")
        try await Self.prepare(topic, partitions: 1, perPartition: 4)
        let calls = Mutex(0)
        // Without stopAtEnd only the handler can end it.
        try await Self.withConsumer { consumer in
            try await consumer.consume(from: [TopicPartition(topic, 0): 0], stopAtEnd: false) { chunk in
                calls.withLock { $0 += 1 }
                return try chunk.records().isEmpty ? .continue : .stop
            }
        }
        #expect(calls.withLock { $0 } == 1)
    }

    /// Kafka answers OFFSET_OUT_OF_RANGE and the consumer resets to the end (auto.offset.reset=latest); the test
    /// broker answers an empty fetch. Either way nothing is read and consumption ends at the end. (The reset itself
    /// is proven against the scripted broker.)
    @Test(.timeLimit(.minutes(1)))
    func aPositionBeyondTheEndReadsNothingAndEnds() async throws {
        let topic = BrokerHarness.uniqueName("it-consume-beyond")
        try await Self.prepare(topic, partitions: 1, perPartition: 3)
        let seen = try await Self.withConsumer({ $0.autoOffsetReset = .latest }) { consumer in
            try await Self.readToEnd(consumer, from: [TopicPartition(topic, 0): 1_000])
        }
        #expect(seen.values.allSatisfy { $0.isEmpty }, "\(seen)")
    }

    @Test(.timeLimit(.minutes(1)))
    func consumingAnUnknownTopicIsNotFound() async throws {
        let topic = BrokerHarness.uniqueName("it-consume-missing")
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withConsumer { consumer in
                try await Self.readToEnd(consumer, from: [TopicPartition(topic, 0): 0])
            }
        }
        #expect(error?.category == .notFound)
        #expect(error?.message.contains(topic) == true)
    }
}
