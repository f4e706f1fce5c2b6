import NIOCore

/// Collects records for one partition and seals them into a v2 record batch (KIP-98): varint-framed records
/// with offset and timestamp deltas, optional compression, and a CRC-32C over everything from the attributes
/// on, written last.
public struct RecordBatchBuilder: Sendable {
    /// The fixed batch header in front of the records.
    public static let headerSize = 61

    /// Room for the header, then the records: sealing an uncompressed batch writes the header in place
    /// (`sealInPlace`) and hands the buffer on, with no second buffer and no copy.
    private var records: ByteBuffer
    public private(set) var count: Int32 = 0
    private var baseTimestamp: Int64 = 0
    private var maxTimestamp: Int64 = -1

    public init(capacity: Int = 16 * 1024, allocator: ByteBufferAllocator = ByteBufferAllocator()) {
        records = allocator.buffer(capacity: Self.headerSize + capacity)
        records.writeRepeatingByte(0, count: Self.headerSize)
    }

    /// A builder writing into `buffer`, whose bytes are discarded: a sealed batch's buffer, given back once the
    /// broker acknowledged it, so that a producer reuses its batch buffers instead of allocating one per batch.
    public init(reusing buffer: ByteBuffer) {
        records = buffer
        records.clear()
        records.writeRepeatingByte(0, count: Self.headerSize)
    }

    /// The batch size before compression.
    public var uncompressedSize: Int { records.readableBytes }
    public var isEmpty: Bool { count == 0 }

    /// The encoded size one record adds, to decide before appending whether it still fits a batch.
    public static func encodedSize(key: ByteBuffer?, value: ByteBuffer?, headers: [RecordHeader], timestampDelta: Int64 = 0,
                                   offsetDelta: Int32 = 0) -> Int {
        let body = bodySize(key: key, value: value, headers: headers, timestampDelta: timestampDelta, offsetDelta: offsetDelta)
        return ByteBuffer.varintSize(Int32(truncatingIfNeeded: body)) + body
    }

    private static func bodySize(key: ByteBuffer?, value: ByteBuffer?, headers: [RecordHeader], timestampDelta: Int64,
                                 offsetDelta: Int32) -> Int {
        var size = 1 + ByteBuffer.varlongSize(timestampDelta) + ByteBuffer.varintSize(offsetDelta)
        size += lengthPrefixed(key?.readableBytes)
        size += lengthPrefixed(value?.readableBytes)
        size += ByteBuffer.varintSize(Int32(headers.count))
        for header in headers {
            size += lengthPrefixed(header.key.utf8.count)
            size += lengthPrefixed(header.value?.readableBytes)
        }
        return size
    }

    private static func lengthPrefixed(_ length: Int?) -> Int {
        guard let length else { return 1 }  // varint -1 is one byte
        return ByteBuffer.varintSize(Int32(truncatingIfNeeded: length)) + length
    }

    /// Appends a record; offsets are assigned in order from 0.
    public mutating func append(key: ByteBuffer?, value: ByteBuffer?, headers: [RecordHeader] = [], timestamp: Int64) {
        if count == 0 { baseTimestamp = timestamp }
        maxTimestamp = max(maxTimestamp, timestamp)
        let timestampDelta = timestamp &- baseTimestamp
        let offsetDelta = count
        let body = Self.bodySize(key: key, value: value, headers: headers, timestampDelta: timestampDelta, offsetDelta: offsetDelta)
        let size = ByteBuffer.varintSize(Int32(truncatingIfNeeded: body)) + body
        records.reserveCapacity(minimumWritableBytes: size)
        let written = records.withUnsafeMutableWritableBytes { space -> Int in
            var writer = RecordWriter(at: space.baseAddress!)
            writer.varint(Int32(truncatingIfNeeded: body))
            writer.byte(0)  // attributes: none per record
            writer.varlong(timestampDelta)
            writer.varint(offsetDelta)
            writer.lengthPrefixed(key)
            writer.lengthPrefixed(value)
            writer.varint(Int32(headers.count))
            for header in headers {
                var name = header.key
                name.withUTF8 { utf8 in
                    writer.varint(Int32(utf8.count))
                    writer.bytes(UnsafeRawBufferPointer(utf8))
                }
                writer.lengthPrefixed(header.value)
            }
            return space.baseAddress!.distance(to: writer.cursor)
        }
        // bodySize and the writer describe the same layout; a mismatch would corrupt every later record.
        precondition(written == size, "record encoded as \(written) bytes, sized as \(size)")
        records.moveWriterIndex(forwardBy: size)
        count += 1
    }

    /// Producer identity for idempotent writes; -1s when not idempotent.
    public struct ProducerState: Sendable, Hashable {
        public var producerId: Int64
        public var producerEpoch: Int16
        public var baseSequence: Int32

        public init(producerId: Int64, producerEpoch: Int16, baseSequence: Int32) {
            self.producerId = producerId
            self.producerEpoch = producerEpoch
            self.baseSequence = baseSequence
        }

        public static let none = ProducerState(producerId: -1, producerEpoch: -1, baseSequence: -1)
    }

    /// The finished uncompressed batch, its header written in front of the records in the builder's own buffer, which
    /// it takes: the builder is empty afterwards. The same bytes as `build(compression: .none, ...)`.
    public mutating func sealInPlace(producer: ProducerState = .none, isTransactional: Bool = false) -> ByteBuffer {
        var batch = records
        // The builder lets go of the buffer first, so that writing the header does not copy it.
        records = ByteBuffer()
        var header = ByteBufferAllocator().buffer(capacity: Self.headerSize)
        writeHeader(into: &header, compression: .none, producer: producer, isTransactional: isTransactional)
        batch.setBuffer(header, at: batch.readerIndex)
        Self.finish(&batch)
        count = 0
        return batch
    }

    /// The finished batch, ready to be the `Records` of one Produce partition, in a new buffer.
    public func build(
        compression: CompressionCodec = .none, compressionLevel: Int? = nil, producer: ProducerState = .none,
        isTransactional: Bool = false, allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) throws -> ByteBuffer {
        var batch = allocator.buffer(capacity: records.readableBytes + 64)
        writeHeader(into: &batch, compression: compression, producer: producer, isTransactional: isTransactional)
        let body = records.getSlice(at: records.readerIndex + Self.headerSize, length: records.readableBytes - Self.headerSize)!
        if compression == .none {
            batch.writeImmutableBuffer(body)
        } else {
            try body.withUnsafeReadableBytes { raw in
                try Compression.compress(raw, codec: compression, level: compressionLevel, into: &batch)
            }
        }
        Self.finish(&batch)
        return batch
    }

    /// The 61 header bytes, with the length and CRC left 0 for `finish`.
    private func writeHeader(into batch: inout ByteBuffer, compression: CompressionCodec, producer: ProducerState, isTransactional: Bool) {
        batch.writeInteger(Int64(0))  // BaseOffset: the broker assigns
        batch.writeInteger(Int32(0))  // BatchLength, set below
        batch.writeInteger(Int32(-1))  // PartitionLeaderEpoch
        batch.writeInteger(Int8(2))  // Magic
        batch.writeInteger(UInt32(0))  // CRC, set below
        var attributes = compression.rawValue
        if isTransactional { attributes |= 0x10 }
        batch.writeInteger(attributes)
        batch.writeInteger(max(count - 1, 0))  // LastOffsetDelta
        batch.writeInteger(baseTimestamp)
        batch.writeInteger(count == 0 ? baseTimestamp : maxTimestamp)
        batch.writeInteger(producer.producerId)
        batch.writeInteger(producer.producerEpoch)
        batch.writeInteger(producer.baseSequence)
        batch.writeInteger(count)
    }

    /// Sets the batch length and the CRC-32C over everything from the attributes on.
    private static func finish(_ batch: inout ByteBuffer) {
        batch.setInteger(Int32(batch.readableBytes - 12), at: batch.readerIndex + 8)
        let crc = batch.withUnsafeReadableBytes { raw in
            CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[21...]))
        }
        batch.setInteger(crc, at: batch.readerIndex + 17)
    }
}
