import AdminCore
import NIOCore

/// The record decoders: the owned-record reader, the consumer's in-place reader, the header-only scan, and each
/// codec's decompressor on its own.
enum RecordTargets {
    static func all(fixtures: SeedCorpus) -> [FuzzTarget] {
        let seeds = RecordSeeds.all(fixtures: fixtures)
        return [RecordBatchReaderTarget(seeds: seeds), ConsumedRecordsTarget(seeds: seeds)]
            + CompressionCodec.allCases.filter { $0 != .none }.map { DecompressionTarget(codec: $0) }
    }

    /// Half the inputs get their checksums rewritten after mutation so decoding goes past the CRC check; the
    /// others keep them (and so test the check). Which one is drawn from the input, so a saved input replays.
    static func prepared(_ input: [UInt8]) -> (bytes: [UInt8], knobs: FuzzRandom) {
        var knobs = FuzzRandom(seed: fuzzHash(input))
        return (knobs.oneIn(4) ? input : ChecksumRepair.repaired(input), knobs)
    }
}

/// `RecordBatchReader.next()` over the whole blob (decoding every record into an owned `Record`), plus the
/// header walk the fetch loop uses (`scan`, `nextOffset`).
struct RecordBatchReaderTarget: FuzzTarget {
    let seeds: [[UInt8]]
    var family: FuzzFamily { .records }
    var name: String { "RecordBatchReader" }

    func run(_ input: [UInt8]) throws {
        var (bytes, knobs) = RecordTargets.prepared(input)
        let blob = ByteBuffer(bytes: bytes)
        _ = RecordBatchReader.scan(blob, from: knobs.pick([0, 1, -1, .max, .min]), before: knobs.pick([nil, 0, 2, .max]))
        _ = RecordBatchReader.nextOffset(after: blob)
        var reader = RecordBatchReader(blob, decompressionLimit: knobs.pick([1 << 20, 256 * 1024 * 1024]),
                                       verifyChecksums: !knobs.oneIn(3))
        _ = try expectTypedFailure {
            var batches = 0
            while let batch = try reader.next() {
                batches += 1
                for record in batch.records { _ = record.headers.count + (record.key?.readableBytes ?? 0) }
                guard batches <= bytes.count else { throw PropertyViolation("more batches than bytes: the reader does not advance") }
            }
        }
    }
}

/// `ConsumedRecords.forEachRecord` as the console consumer drives it: a position and stop offset, aborted
/// transactions filtered or not, every view's headers read, some views copied, and early stops.
struct ConsumedRecordsTarget: FuzzTarget {
    let seeds: [[UInt8]]
    var family: FuzzFamily { .records }
    var name: String { "ConsumedRecords.forEachRecord" }

    func run(_ input: [UInt8]) throws {
        var (bytes, knobs) = RecordTargets.prepared(input)
        let offsets: [Int64] = [0, 1, 2, 7, 19, 1_000, .max, .min, -1]
        let aborted = (0..<knobs.below(3)).map { _ in
            FetchResponse.AbortedTransaction(producerId: knobs.pick([42, -1, 0]), firstOffset: knobs.pick(offsets))
        }
        let records = ConsumedRecords(
            topicPartition: TopicPartition("fuzz", 0), blob: ByteBuffer(bytes: bytes), position: knobs.pick(offsets),
            stopOffset: knobs.pick([nil] + offsets), highWatermark: knobs.pick(offsets), nextOffset: knobs.pick(offsets),
            aborted: knobs.oneIn(2) ? nil : aborted, filterAborted: knobs.oneIn(2), verifyChecksums: !knobs.oneIn(3))
        let stopAfter = knobs.oneIn(4) ? knobs.below(8) : Int.max
        var seen = 0
        _ = try expectTypedFailure {
            try records.forEachRecord { view in
                seen += 1
                var total = (view.key?.count ?? 0) + (view.value?.count ?? 0)
                try view.forEachHeader { key, value in total += key.count + (value?.count ?? 0) }
                if seen % 3 == 0 { _ = view.record }
                guard seen <= bytes.count else { throw PropertyViolation("more records than bytes") }
                return seen < stopAfter
            }
        }
    }
}

/// One codec's decompressor on arbitrary bytes, seeded with its own output for record-like data, under the
/// decompression limit.
struct DecompressionTarget: FuzzTarget {
    let codec: CompressionCodec
    let seeds: [[UInt8]]
    var family: FuzzFamily { .records }
    var name: String { "Compression.decompress(\(codec))" }
    static let limit = 1 << 20

    init(codec: CompressionCodec) {
        self.codec = codec
        let plain = RecordSeeds.batch(RecordSeeds.manyRecords, codec: .none)
        seeds = [plain, Array(plain.prefix(10)), [], [UInt8](repeating: 0x61, count: 70_000)].map { input in
            var compressed = ByteBuffer()
            try? input.withUnsafeBytes { try Compression.compress($0, codec: codec, into: &compressed) }
            return Array(compressed.readableBytesView)
        }
    }

    func run(_ input: [UInt8]) throws {
        let output = try expectTypedFailure { try Compression.decompress(ByteBuffer(bytes: input), codec: codec, limit: Self.limit) }
        if let output, output.readableBytes > Self.limit {
            throw PropertyViolation("decompressed \(output.readableBytes) bytes past the limit of \(Self.limit)")
        }
    }
}
