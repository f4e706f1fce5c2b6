import AdminCore
import Foundation
import NIOCore
import TestSupport
import Testing

/// What `kafkactl console-producer` puts on the wire, read back batch by batch with a raw Fetch and
/// `RecordBatchReader`: each codec's batches carry that codec, `--sync` sends one record per request, and the
/// idempotent producer stamps its producer id.
@Suite struct ProducerIntegrationTests {
    static func brokerAddress() async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try BrokerHarness.bootstrap() }) }
        }
    }

    static func withClient<T: Sendable>(_ body: (KafkaClient) async throws -> T) async throws -> T {
        let bootstrap = try await brokerAddress()
        return try await KafkaClient.withClient(ClientConfiguration(bootstrapServers: try BrokerAddress.parseList(bootstrap)), body)
    }

    /// Creates a one-partition topic and runs `console-producer` into it with `arguments` and `input`.
    static func produce(_ topic: String, _ arguments: [String], input: String) async throws {
        let bootstrap = try await brokerAddress()
        try await withClient { client in
            let results = try await AdminClient(client: client).createTopics(
                [NewTopic(name: topic, partitions: 1, replicationFactor: 1)])
            try results[0].result.get()
        }
        let result = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    try runKafkactl(["console-producer", "--bootstrap-server", bootstrap, "--topic", topic] + arguments,
                                    stdin: Data(input.utf8))
                })
            }
        }
        try #require(result.exitCode == 0, "console-producer failed: \(result.stderr)")
    }

    /// Every batch of partition 0 of `topic`, from offset 0 to the high watermark, as the broker stored them.
    static func batches(_ topic: String) async throws -> [RecordBatch] {
        try await withClient { client in
            let metadata = try await client.metadata(topics: [topic])
            let leader = try #require(metadata.topics[topic]?.partitions.first?.leader)
            let connection = try await client.leaderConnection(leader, lane: .fetch)
            var batches: [RecordBatch] = []
            var offset: Int64 = 0
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline {
                // minBytes 1: the broker answers as soon as there is data (Tansu answers a 0 ms wait with no topics).
                let response = try await connection.send(FetchRequest(
                    maxWaitMs: 500, minBytes: 1,
                    topics: [.init(topic: topic, partitions: [.init(partition: 0, fetchOffset: offset, partitionMaxBytes: 4 << 20)])]))
                let data = try #require(response.responses.first?.partitions.first, "fetch answered \(response)")
                try #require(data.errorCode == 0, "fetch error \(data.errorCode)")
                if let records = data.records {
                    var reader = RecordBatchReader(records)
                    while let batch = try reader.next() {
                        batches.append(batch)
                        offset = batch.nextOffset
                    }
                }
                if offset >= data.highWatermark { break }
            }
            return batches
        }
    }

    static func lines(_ count: Int) -> String {
        (1...count).map { "record \($0) \(String(repeating: "payload ", count: $0 % 20))\n" }.joined()
    }

    @Test(arguments: CompressionCodec.allCases)
    func everyBatchOnTheWireCarriesTheCodecAskedFor(codec: CompressionCodec) async throws {
        let topic = BrokerHarness.uniqueName("it-produce-codec-\(codec)")
        let count = 3000
        try await Self.produce(topic, ["--compression-codec", codec.description, "--batch-size", "16384"], input: Self.lines(count))
        let batches = try await Self.batches(topic)
        #expect(batches.count > 1, "16 KB batches: the input needs several")
        #expect(batches.allSatisfy { $0.compression == codec }, "\(batches.map(\.compression))")
        let values = batches.flatMap(\.records).map { String(buffer: $0.value!) + "\n" }
        #expect(values.joined() == Self.lines(count))
    }

    @Test func compressionTypeAsAProducerPropertyIsHonouredToo() async throws {
        let topic = BrokerHarness.uniqueName("it-produce-codec-property")
        try await Self.produce(topic, ["--producer-property", "compression.type=zstd"], input: Self.lines(500))
        let batches = try await Self.batches(topic)
        #expect(!batches.isEmpty)
        #expect(batches.allSatisfy { $0.compression == .zstd })
    }

    @Test func syncSendsEachLineAsItsOwnBatchWhileTheDefaultBatchesThem() async throws {
        let synced = BrokerHarness.uniqueName("it-produce-sync")
        let batched = BrokerHarness.uniqueName("it-produce-batched")
        let input = (1...50).map { "\($0)\n" }.joined()
        try await Self.produce(synced, ["--sync"], input: input)
        try await Self.produce(batched, [], input: input)
        let syncBatches = try await Self.batches(synced)
        #expect(syncBatches.count == 50)
        #expect(syncBatches.allSatisfy { $0.records.count == 1 })
        #expect(syncBatches.map(\.baseOffset) == Array(0..<50))
        let defaultBatches = try await Self.batches(batched)
        #expect(defaultBatches.count == 1, "50 short lines read at once fit one batch")
        #expect(defaultBatches.flatMap(\.records).count == 50)
    }

    @Test func theIdempotentDefaultStampsAProducerIdAndAcksBelowAllDoesNot() async throws {
        let idempotent = BrokerHarness.uniqueName("it-produce-idempotent")
        let plain = BrokerHarness.uniqueName("it-produce-acks1")
        try await Self.produce(idempotent, [], input: Self.lines(10))
        try await Self.produce(plain, ["--request-required-acks", "1"], input: Self.lines(10))
        let stamped = try await Self.batches(idempotent)
        #expect(!stamped.isEmpty)
        #expect(stamped.allSatisfy { $0.producerId >= 0 })
        let unstamped = try await Self.batches(plain)
        #expect(!unstamped.isEmpty)
        #expect(unstamped.allSatisfy { $0.producerId == -1 })
    }
}
