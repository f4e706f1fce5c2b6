import NIOCore
import Testing

@testable import AdminCore

/// Record batches written by independent producers (librdkafka through confluent-kafka, and kafka-python), taken
/// from captured Produce requests (Fixtures/Produce), rebuilt by `RecordBatchBuilder` from the same records,
/// timestamps and producer id, epoch and base sequence: the bytes must be the same, CRC included.
@Suite struct ProducerBatchGoldenTests {
    /// One batch of a captured Produce request.
    struct CapturedBatch: Sendable, CustomTestStringConvertible {
        var fixture: String
        var partition: Int32
        var bytes: [UInt8]
        var testDescription: String { "\(fixture) partition \(partition)" }
    }

    /// Byte offsets in the v2 batch header (KIP-98).
    enum Offset {
        static let partitionLeaderEpoch = 12
        static let attributes = 21
        static let firstTimestamp = 27
        static let maxTimestamp = 35
        static let producerId = 43
        static let producerEpoch = 51
        static let baseSequence = 53
    }

    /// The Produce requests captured from third-party clients, all uncompressed: librdkafka's (v10) and
    /// kafka-python's at each release it was pinned to (v7-v9 from its producer, v11-v12 built by the capture).
    static let fixtureNames = Fixture.all.filter { $0.api == "Produce" && $0.direction == .request }.map(\.path)

    static func capturedBatches() throws -> [CapturedBatch] {
        var batches: [CapturedBatch] = []
        for name in fixtureNames {
            let fixture = try #require(Fixture.all.first { $0.path == name }, "no fixture \(name)")
            var buffer = ByteBuffer(bytes: fixture.payload)
            _ = try RequestHeader(from: &buffer) { _, version in ProduceRequest.requestHeaderVersion(version) }
            let request = try ProduceRequest(from: &buffer, version: fixture.version)
            #expect(buffer.readableBytes == 0)
            for topic in request.topicData {
                for partition in topic.partitionData {
                    let records = try #require(partition.records, "\(name): null records")
                    batches.append(CapturedBatch(fixture: name, partition: partition.index,
                                                 bytes: Array(records.readableBytesView)))
                }
            }
        }
        return batches
    }

    static let batches: [CapturedBatch] = (try? capturedBatches()) ?? []

    @Test func theFixturesHoldBatchesFromBothIndependentClients() throws {
        let batches = try Self.capturedBatches()
        // One batch in each librdkafka request (v10), one per partition in kafka-python's producer requests (v7: 3,
        // v8: 3, v9: 3 and 3 idempotent), one in each built request (v11, v12); a loss here would hide a case.
        #expect(batches.count == 17)
        // kafka-python's idempotent producer (pinned to 2.8) stamps a real producer id and sequence.
        #expect(batches.contains { ByteBuffer(bytes: $0.bytes).getInteger(at: Offset.producerId, as: Int64.self)! >= 0 })
        #expect(batches.filter { $0.fixture.contains("v10") }.count == 3)
        #expect(Set(batches.map { $0.fixture.split(separator: "/")[1].split(separator: "-")[0] })
            == ["v7", "v8", "v9", "v10", "v11", "v12"])
        let multiRecord = try batches.map { batch -> Int in
            var reader = RecordBatchReader(ByteBuffer(bytes: batch.bytes))
            return try #require(try reader.next()).records.count
        }
        #expect(multiRecord.contains { $0 > 1 }, "at least one batch with several records (timestamp and offset deltas)")
    }

    @Test("a batch from an independent producer is rebuilt byte for byte", arguments: batches)
    func rebuildsTheCapturedBatch(captured: CapturedBatch) throws {
        let original = ByteBuffer(bytes: captured.bytes)
        var reader = RecordBatchReader(original)
        let batch = try #require(try reader.next())
        #expect(try reader.next() == nil, "one batch per partition")
        #expect(batch.compression == .none)

        let attributes = original.getInteger(at: Offset.attributes, as: Int16.self)!
        let producer = RecordBatchBuilder.ProducerState(
            producerId: original.getInteger(at: Offset.producerId, as: Int64.self)!,
            producerEpoch: original.getInteger(at: Offset.producerEpoch, as: Int16.self)!,
            baseSequence: original.getInteger(at: Offset.baseSequence, as: Int32.self)!)
        var builder = RecordBatchBuilder()
        for record in batch.records {
            builder.append(key: record.key, value: record.value, headers: record.headers, timestamp: record.timestamp)
        }
        let codec = try #require(CompressionCodec(rawValue: attributes & 0x7))
        let rebuilt = try builder.build(compression: codec, producer: producer, isTransactional: attributes & 0x10 != 0)
        let ours = Array(rebuilt.readableBytesView)

        #expect(ours.count == captured.bytes.count)
        // PartitionLeaderEpoch is the one field a producer does not decide: the leader stamps it on append and it
        // lies outside the CRC. librdkafka and kafka-python send 0; Kafka's Java producer sends -1
        // (NO_PARTITION_LEADER_EPOCH), as kafkactl does.
        #expect(captured.bytes[Offset.partitionLeaderEpoch..<Offset.partitionLeaderEpoch + 4] == [0, 0, 0, 0])
        #expect(ours[Offset.partitionLeaderEpoch..<Offset.partitionLeaderEpoch + 4] == [0xff, 0xff, 0xff, 0xff])
        var comparable = ours
        comparable.replaceSubrange(Offset.partitionLeaderEpoch..<Offset.partitionLeaderEpoch + 4,
                                   with: captured.bytes[Offset.partitionLeaderEpoch..<Offset.partitionLeaderEpoch + 4])
        if let offset = FixtureRoundTripTests.firstDifference(comparable, captured.bytes) {
            Issue.record("""
                rebuilt batch differs from byte \(offset) on (ours \(ours.count) bytes, captured \(captured.bytes.count))
                ours:     \(Hex.string(comparable[offset...].prefix(24)))
                captured: \(Hex.string(captured.bytes[offset...].prefix(24)))
                """)
        }
        // The CRC (over attributes to the end) matches, so the records, timestamps and producer fields all do.
        #expect(rebuilt.getInteger(at: 17, as: UInt32.self) == original.getInteger(at: 17, as: UInt32.self))
        // The producer's way: the header sealed in place, in a reused buffer still holding an older batch's bytes.
        if codec == .none {
            var dirty = ByteBufferAllocator().buffer(capacity: 4096)
            dirty.writeRepeatingByte(0xAB, count: 3000)
            var reused = RecordBatchBuilder(reusing: dirty)
            for record in batch.records {
                reused.append(key: record.key, value: record.value, headers: record.headers, timestamp: record.timestamp)
            }
            let sealed = reused.sealInPlace(producer: producer, isTransactional: attributes & 0x10 != 0)
            #expect(Array(sealed.readableBytesView) == ours)
            #expect(reused.isEmpty)
        }
    }

    @Test func theRebuiltBatchKeepsTheCapturedHeaderFields() throws {
        // v10-keyed-2 holds three records with distinct timestamps: first and max timestamp must be those of the
        // records, not "now", and LastOffsetDelta the record count minus one.
        let captured = try #require(Self.batches.first { $0.fixture == "Produce/v10-keyed-2-request.hex" })
        let original = ByteBuffer(bytes: captured.bytes)
        var reader = RecordBatchReader(original)
        let batch = try #require(try reader.next())
        #expect(batch.records.count == 3)
        var builder = RecordBatchBuilder()
        for record in batch.records {
            builder.append(key: record.key, value: record.value, headers: record.headers, timestamp: record.timestamp)
        }
        let rebuilt = try builder.build(producer: .init(producerId: 0, producerEpoch: 0, baseSequence: 0))
        for offset in [Offset.firstTimestamp, Offset.maxTimestamp] {
            #expect(rebuilt.getInteger(at: offset, as: Int64.self) == original.getInteger(at: offset, as: Int64.self))
        }
        #expect(original.getInteger(at: Offset.maxTimestamp, as: Int64.self)!
                > original.getInteger(at: Offset.firstTimestamp, as: Int64.self)!)
        #expect(rebuilt.getInteger(at: 23, as: Int32.self) == 2)
        #expect(batch.records.map { $0.headers.map(\.key) } == [["seq"], ["seq"], ["seq"]])
    }
}
