import CZlib
import NIOCore

/// One batch from a Fetch response, its records decoded (for control batches too: the caller skips them but
/// must advance past them).
public struct RecordBatch: Sendable {
    public var baseOffset: Int64
    /// The offset after the batch: where the next fetch continues, even when compaction left gaps.
    public var nextOffset: Int64
    public var magic: Int8
    public var compression: CompressionCodec
    public var isTransactional: Bool
    public var isControl: Bool
    public var producerId: Int64
    public var records: [Record]
}

/// A v2 batch whose header is read and whose records section (`body`) is decompressed but not decoded.
struct BatchV2 {
    var baseOffset: Int64
    var lastOffsetDelta: Int32
    var attributes: Int16
    var baseTimestamp: Int64
    var maxTimestamp: Int64
    var producerId: Int64
    var count: Int32
    var compression: CompressionCodec
    var body: ByteBuffer

    /// Both are safe to compute: `readV2` refuses a batch whose offsets run past Int64.max.
    var nextOffset: Int64 { baseOffset + Int64(lastOffsetDelta) + 1 }
    var lastOffset: Int64 { baseOffset + Int64(lastOffsetDelta) }
    var isTransactional: Bool { attributes & 0x10 != 0 }
    var isControl: Bool { attributes & 0x20 != 0 }
    var isLogAppendTime: Bool { attributes & 0x8 != 0 }

    /// Each record as a view into `body`, until `visit` returns false (then false).
    func forEachRecord(_ visit: (RecordView) throws -> Bool) throws -> Bool {
        do {
            return try body.withUnsafeReadableBytes { bytes in
                try RawRecordReader.forEachRecord(
                    in: bytes, count: count, baseOffset: baseOffset, baseTimestamp: baseTimestamp,
                    logAppendTime: isLogAppendTime ? maxTimestamp : nil, visit)
            }
        } catch let error as WireError {
            throw CorruptBatchError(offset: baseOffset, reason: "\(error)")
        }
    }
}

/// A batch whose bytes cannot be right (bad CRC, impossible lengths, undecodable compression).
public struct CorruptBatchError: Error, Sendable, CustomStringConvertible {
    /// The base offset of the batch, as far as it could be read.
    public var offset: Int64
    public var reason: String
    public var description: String { "corrupt record batch at offset \(offset): \(reason)" }
}

/// Reads the `Records` blob of a Fetch partition: zero or more batches back to back, the last possibly cut
/// short by the fetch size limits (then ignored: the next fetch starts after the last complete batch).
/// Magic 2 batches are checked (CRC-32C) and decompressed; legacy magic 0/1 message sets are read too.
public struct RecordBatchReader {
    private var buffer: ByteBuffer
    private let decompressionLimit: Int
    private let verifyChecksums: Bool
    /// The fewest bytes one v2 record takes.
    static let minimumRecordSize = 7
    /// Reading the entries of a compressed legacy wrapper, where no entry may be compressed again.
    private var insideWrapper = false

    public init(_ records: ByteBuffer, decompressionLimit: Int = 256 * 1024 * 1024, verifyChecksums: Bool = true) {
        self.buffer = records
        self.decompressionLimit = decompressionLimit
        self.verifyChecksums = verifyChecksums
    }

    init(_ records: ByteBuffer, decompressionLimit: Int, insideWrapper: Bool) {
        self.init(records, decompressionLimit: decompressionLimit)
        self.insideWrapper = insideWrapper
    }

    /// The offset after the last complete batch in `records`, found from the batch headers alone (no decoding),
    /// so the next fetch can be sent before this one's records are decoded. nil when no batch is complete.
    public static func nextOffset(after records: ByteBuffer) -> Int64? {
        scan(records, from: 0, before: nil).nextOffset
    }

    /// What the batch headers alone say about a fetched blob.
    public struct Scan: Sendable, Equatable {
        /// The offset after the last complete batch; nil when no batch is complete.
        public var nextOffset: Int64?
        /// Whether a complete data (non-control) batch holds offsets in [from, before).
        public var hasRecordsInRange: Bool
    }

    /// Walks the batch headers of `records` without decoding or checking them (the reader does that).
    public static func scan(_ records: ByteBuffer, from position: Int64, before stop: Int64?) -> Scan {
        var index = records.readerIndex
        var result = Scan(nextOffset: nil, hasRecordsInRange: false)
        while let base = records.getInteger(at: index, as: Int64.self),
            let length = records.getInteger(at: index + 8, as: Int32.self), length >= 0,
            index + 12 + Int(length) <= records.writerIndex,
            let magic = records.getInteger(at: index + 16, as: Int8.self)
        {
            var first = base
            var lastOffsetDelta: Int64 = 0  // a legacy entry's offset is its last message's
            var isControl = false
            if magic == 2, let delta = records.getInteger(at: index + 23, as: Int32.self),
                let attributes = records.getInteger(at: index + 21, as: Int16.self)
            {
                lastOffsetDelta = Int64(delta)
                isControl = attributes & 0x20 != 0
            } else {
                first = Int64.min  // a compressed legacy wrapper's first offset is unknown from its header
            }
            // Offsets past Int64.max cannot be genuine: stop here, and the reader reports the batch as corrupt.
            guard let next = Offsets.next(after: base, delta: lastOffsetDelta) else { break }
            let last = next - 1
            result.nextOffset = next
            if !isControl && last >= position && stop.map({ first < $0 }) ?? true { result.hasRecordsInRange = true }
            index += 12 + Int(length)
        }
        return result
    }

    /// The next complete batch, or nil when none is left.
    public mutating func next() throws -> RecordBatch? {
        switch try nextEntry() {
        case nil: return nil
        case .legacy(let batch): return batch
        case .v2(let batch):
            // Owned copies of what the consumer reads in place: one decoder of the record format serves both.
            var records: [Record] = []
            records.reserveCapacity(Int(batch.count))
            _ = try batch.forEachRecord { view in
                records.append(view.record)
                return true
            }
            return RecordBatch(
                baseOffset: batch.baseOffset, nextOffset: batch.nextOffset, magic: 2, compression: batch.compression,
                isTransactional: batch.isTransactional, isControl: batch.isControl, producerId: batch.producerId,
                records: records)
        }
    }

    /// A batch as read from the blob: v2 with its header parsed, its CRC checked and its records section
    /// decompressed but not yet decoded (the consumer reads those in place), or a legacy entry decoded whole.
    enum Entry {
        case v2(BatchV2)
        case legacy(RecordBatch)
    }

    /// The next complete batch as an `Entry`, or nil when none is left.
    mutating func nextEntry() throws -> Entry? {
        guard buffer.readableBytes >= 17,
            let baseOffset = buffer.getInteger(at: buffer.readerIndex, as: Int64.self),
            let length = buffer.getInteger(at: buffer.readerIndex + 8, as: Int32.self),
            let magic = buffer.getInteger(at: buffer.readerIndex + 16, as: Int8.self)
        else { return nil }
        guard length >= 0 else { throw CorruptBatchError(offset: baseOffset, reason: "negative batch length \(length)") }
        guard buffer.readableBytes >= 12 + Int(length) else { return nil }  // a partial batch at the end
        var batch = buffer.readSlice(length: 12 + Int(length))!
        switch magic {
        case 2: return .v2(try readV2(&batch, baseOffset: baseOffset))
        case 0, 1:
            return .legacy(try LegacyMessageSet.read(batch, decompressionLimit: decompressionLimit, insideWrapper: insideWrapper))
        default: throw CorruptBatchError(offset: baseOffset, reason: "unknown magic byte \(magic)")
        }
    }

    private func readV2(_ batch: inout ByteBuffer, baseOffset: Int64) throws -> BatchV2 {
        let fail = { (reason: String) in CorruptBatchError(offset: baseOffset, reason: reason) }
        guard batch.readableBytes >= RecordBatchBuilder.headerSize else { throw fail("batch shorter than its header") }
        let crc = batch.getInteger(at: batch.readerIndex + 17, as: UInt32.self)!
        if verifyChecksums {
            let actual = batch.withUnsafeReadableBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[21...])) }
            guard actual == crc else {
                throw fail("CRC mismatch (stored \(hex(crc)), computed \(hex(actual)))")
            }
        }
        batch.moveReaderIndex(forwardBy: 21)
        let attributes = batch.readInteger(as: Int16.self)!
        let lastOffsetDelta = batch.readInteger(as: Int32.self)!
        let baseTimestamp = batch.readInteger(as: Int64.self)!
        let maxTimestamp = batch.readInteger(as: Int64.self)!
        let producerId = batch.readInteger(as: Int64.self)!
        batch.moveReaderIndex(forwardBy: 6)  // producer epoch, base sequence
        let count = batch.readInteger(as: Int32.self)!
        guard Offsets.next(after: baseOffset, delta: Int64(lastOffsetDelta)) != nil else {
            throw fail("last offset delta \(lastOffsetDelta) takes the offsets past \(Int64.max)")
        }
        guard let compression = CompressionCodec(rawValue: attributes & 0x7) else {
            throw fail("unknown compression codec \(attributes & 0x7)")
        }
        var body = batch
        if compression != .none && insideWrapper {
            throw fail("a compressed batch inside a compressed legacy message")
        }
        if compression != .none {
            do {
                body = try Compression.decompress(batch, codec: compression, limit: decompressionLimit)
            } catch {
                throw fail("\(error)")
            }
        }
        // A record takes at least 7 bytes (length, attributes, two deltas, key, value, header count: a varint
        // byte each), so a larger count is corrupt, and the owned reader reserves room for `count` records.
        guard count >= 0, Int(count) <= body.readableBytes / RecordBatchReader.minimumRecordSize else {
            throw fail("record count \(count) does not fit the batch")
        }
        return BatchV2(baseOffset: baseOffset, lastOffsetDelta: lastOffsetDelta, attributes: attributes,
                       baseTimestamp: baseTimestamp, maxTimestamp: maxTimestamp, producerId: producerId, count: count,
                       compression: compression, body: body)
    }
}

/// Message sets of magic 0 and 1 (before Kafka 0.11), which brokers before 4.0 may still serve for old data.
enum LegacyMessageSet {
    /// - Parameter insideWrapper: true for the entries of a compressed wrapper, which may not be wrappers
    ///   themselves (Kafka refuses nested compression): each level could otherwise nest another, as deep as the
    ///   stack goes.
    static func read(_ set: ByteBuffer, decompressionLimit: Int, insideWrapper: Bool = false) throws -> RecordBatch {
        var set = set
        let offset = set.readInteger(as: Int64.self)!
        _ = set.readInteger(as: Int32.self)!
        let fail = { (reason: String) in CorruptBatchError(offset: offset, reason: reason) }
        guard let nextOffset = Offsets.next(after: offset, delta: 0) else { throw fail("offset \(offset) leaves no next offset") }
        guard set.readableBytes >= 6 else { throw fail("legacy message shorter than its header") }
        let crc = set.readInteger(as: UInt32.self)!
        let computed = set.withUnsafeReadableBytes { raw in
            UInt32(crc32(0, raw.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(raw.count)))
        }
        guard computed == crc else { throw fail("CRC mismatch in a magic \(set.getInteger(at: set.readerIndex, as: Int8.self) ?? -1) message") }
        let magic = set.readInteger(as: Int8.self)!
        let attributes = set.readInteger(as: Int8.self)!
        var timestamp: Int64 = -1
        if magic == 1 {
            guard let value = set.readInteger(as: Int64.self) else { throw fail("truncated timestamp") }
            timestamp = value
        }
        let key = try readBytes(&set, fail: fail)
        let value = try readBytes(&set, fail: fail)
        let codecValue = Int16(attributes & 0x7)
        guard let codec = CompressionCodec(rawValue: codecValue), codec != .zstd else { throw fail("codec \(codecValue) in a legacy message") }
        if codec == .none {
            return RecordBatch(baseOffset: offset, nextOffset: nextOffset, magic: magic, compression: .none,
                               isTransactional: false, isControl: false, producerId: -1,
                               records: [Record(offset: offset, timestamp: timestamp, key: key, value: value,
                                                isLogAppendTime: magic == 1 && attributes & 0x8 != 0)])
        }
        // A wrapper: the value is a compressed message set. Magic 1 inner offsets are relative, and the wrapper's
        // offset is that of the last inner message; magic 0 inner offsets are absolute.
        guard !insideWrapper else { throw fail("a compressed message inside a compressed message") }
        guard let compressed = value else { throw fail("compressed wrapper without a value") }
        let inner: ByteBuffer
        do {
            inner = try Compression.decompress(compressed, codec: codec, limit: decompressionLimit)
        } catch {
            throw fail("\(error)")
        }
        var reader = RecordBatchReader(inner, decompressionLimit: decompressionLimit, insideWrapper: true)
        var records: [Record] = []
        while let nested = try reader.next() { records.append(contentsOf: nested.records) }
        if magic == 1, let last = records.last {
            // Wrapping, as Java's legacy iterator computes them: inner offsets come off the wire.
            let shift = offset &- last.offset
            for index in records.indices {
                records[index].offset &+= shift
                if attributes & 0x8 != 0 {
                    records[index].timestamp = timestamp
                    records[index].isLogAppendTime = true
                }
            }
        }
        return RecordBatch(baseOffset: records.first?.offset ?? offset, nextOffset: nextOffset, magic: magic,
                           compression: codec, isTransactional: false, isControl: false, producerId: -1, records: records)
    }

    private static func readBytes(_ buffer: inout ByteBuffer, fail: (String) -> CorruptBatchError) throws -> ByteBuffer? {
        guard let length = buffer.readInteger(as: Int32.self) else { throw fail("truncated length") }
        if length < 0 { return nil }
        guard let slice = buffer.readSlice(length: Int(length)) else { throw fail("truncated bytes") }
        return slice
    }
}

/// Offset arithmetic on values read from the wire, which may be anything: no sum may trap.
enum Offsets {
    /// `base + delta + 1` (the offset after a batch), or nil past Int64.max or below Int64.min.
    static func next(after base: Int64, delta: Int64) -> Int64? {
        let (last, overflow) = base.addingReportingOverflow(delta)
        guard !overflow, last < Int64.max else { return nil }
        return last + 1
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}
