import AdminCore
import NIOCore

/// Record blobs as a Fetch partition carries them: batches built by RecordBatchBuilder with every codec (one of
/// them byte for byte RecordBatchTests' golden batch), the record sets of the captured Fetch responses, legacy
/// magic 0/1 message sets plain and compressed, control and transactional batches, and several back to back.
enum RecordSeeds {
    static func all(fixtures: SeedCorpus) -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        for codec in CompressionCodec.allCases {
            seeds.append(batch(goldenRecords, codec: codec))
            seeds.append(batch(manyRecords, codec: codec))
        }
        seeds.append(batch(goldenRecords, codec: .none, transactional: true))
        seeds.append(controlBatch(abort: true))
        seeds.append(controlBatch(abort: false))
        for magic: Int8 in [0, 1] {
            seeds.append(LegacyMessages.entry(offset: 7, magic: magic, timestamp: 1_700_000_000_000, key: Array("k".utf8), value: Array("v".utf8)))
            seeds.append(LegacyMessages.entry(offset: 8, magic: magic, key: nil, value: nil))
            for codec in [CompressionCodec.gzip, .snappy, .lz4] {
                seeds.append(LegacyMessages.wrapper(offset: 20, magic: magic, codec: codec, inner: [
                    LegacyMessages.entry(offset: magic == 1 ? 0 : 18, magic: magic, key: nil, value: Array("a".utf8)),
                    LegacyMessages.entry(offset: magic == 1 ? 1 : 19, magic: magic, key: Array("b".utf8), value: Array("bb".utf8)),
                ]))
            }
        }
        seeds.append(rebased(batch(goldenRecords, codec: .none), to: 1_000))
        seeds.append(rebased(batch(goldenRecords, codec: .none), to: .max - 1))
        seeds += fetchedRecordSets(fixtures)
        // Legacy then v2, and several v2 batches, as one fetch may return them.
        seeds.append(seeds[seeds.count - 1] + seeds[0])
        seeds.append(seeds[2] + seeds[3] + seeds[0])
        return seeds
    }

    /// RecordBatchTests.goldenTwoRecords' records (protocol.md §4.8): the builder reproduces it byte for byte.
    static let goldenRecords: [(key: String?, value: String?, headers: [RecordHeader], timestamp: Int64)] = [
        ("key1", "hello", [], 1_700_000_000_000),
        (nil, "world", [RecordHeader(key: "h", value: ByteBuffer(string: "v"))], 1_700_000_000_005),
    ]

    static let manyRecords: [(key: String?, value: String?, headers: [RecordHeader], timestamp: Int64)] =
        (0..<12).map { index in
            (index % 3 == 0 ? nil : "key-\(index)", index % 5 == 4 ? nil : String(repeating: "value \(index) ", count: index),
             index % 4 == 0 ? [RecordHeader(key: "h\(index)", value: index % 8 == 0 ? nil : ByteBuffer(string: "x"))] : [],
             1_700_000_000_000 + Int64(index) * 7)
        }

    static func batch(_ records: [(key: String?, value: String?, headers: [RecordHeader], timestamp: Int64)],
                      codec: CompressionCodec, transactional: Bool = false) -> [UInt8] {
        var builder = RecordBatchBuilder()
        for record in records {
            builder.append(key: record.key.map { ByteBuffer(string: $0) }, value: record.value.map { ByteBuffer(string: $0) },
                           headers: record.headers, timestamp: record.timestamp)
        }
        let producer = transactional ? RecordBatchBuilder.ProducerState(producerId: 42, producerEpoch: 0, baseSequence: 0) : .none
        guard let built = try? builder.build(compression: codec, producer: producer, isTransactional: transactional) else { return [] }
        return Array(built.readableBytesView)
    }

    /// A transaction marker batch: attributes control + transactional, key version 0 and type (0 abort, 1 commit).
    static func controlBatch(abort: Bool) -> [UInt8] {
        var builder = RecordBatchBuilder()
        builder.append(key: ByteBuffer(bytes: [0, 0, 0, abort ? 0 : 1]), value: ByteBuffer(bytes: [0, 0, 0, 0, 0, 0]), timestamp: 1)
        var bytes = batch([], codec: .none)
        if let built = try? builder.build(producer: .init(producerId: 42, producerEpoch: 0, baseSequence: -1), isTransactional: true) {
            bytes = Array(built.readableBytesView)
            bytes[22] |= 0x20  // attributes low byte: control
        }
        return ChecksumRepair.repaired(bytes)
    }

    static func rebased(_ batch: [UInt8], to offset: Int64) -> [UInt8] {
        bigEndian(offset) + batch.dropFirst(8)
    }

    /// The non-empty `Records` of every captured Fetch response.
    static func fetchedRecordSets(_ fixtures: SeedCorpus) -> [[UInt8]] {
        var sets: [[UInt8]] = []
        for frame in fixtures.responses(api: "Fetch") {
            guard var body = ResponseTarget<FetchRequest>.body(of: frame),
                let response = try? FetchResponse(from: &body, version: frame.version)
            else { continue }
            for topic in response.responses {
                for partition in topic.partitions {
                    if let records = partition.records, records.readableBytes > 0 { sets.append(Array(records.readableBytesView)) }
                }
            }
        }
        return sets
    }
}
