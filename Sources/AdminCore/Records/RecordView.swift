import NIOCore

/// One record read in place from a fetched (or decompressed) batch: its key, value and headers point into the
/// batch's bytes and are valid only inside the closure that receives the view. This is the consumer's hot path:
/// printing a million records must not cost a million allocations and reference counts. `record` makes an owned
/// copy for callers that keep records.
public struct RecordView {
    public let offset: Int64
    /// Milliseconds since the epoch (CreateTime, or LogAppendTime when `isLogAppendTime`).
    public let timestamp: Int64
    public let isLogAppendTime: Bool
    /// nil for a null key, an empty buffer for an empty one.
    public let key: UnsafeRawBufferPointer?
    /// nil for a null value (a tombstone), an empty buffer for an empty one.
    public let value: UnsafeRawBufferPointer?
    public let headerCount: Int
    /// The encoded header section (varint-length key and value per header), read on demand.
    private let headerBytes: UnsafeRawBufferPointer

    init(offset: Int64, timestamp: Int64, isLogAppendTime: Bool, key: UnsafeRawBufferPointer?,
         value: UnsafeRawBufferPointer?, headerCount: Int, headerBytes: UnsafeRawBufferPointer) {
        self.offset = offset
        self.timestamp = timestamp
        self.isLogAppendTime = isLogAppendTime
        self.key = key
        self.value = value
        self.headerCount = headerCount
        self.headerBytes = headerBytes
    }

    /// Each header's key and value (nil for a null value), in order.
    public func forEachHeader(_ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer?) throws -> Void) throws {
        var reader = RawRecordReader(headerBytes)
        for _ in 0..<headerCount {
            guard let key = try reader.readVarintBytes(field: "Record.HeaderKey") else {
                throw WireError.invalid("Record.HeaderKey", "null header key")
            }
            try body(key, try reader.readVarintBytes(field: "Record.HeaderValue"))
        }
    }

    /// An owned copy of the record.
    public var record: Record {
        var headers: [RecordHeader] = []
        if headerCount > 0 {
            headers.reserveCapacity(headerCount)
            // The header section was checked when the view was made, so this cannot throw.
            try? forEachHeader { key, value in
                headers.append(RecordHeader(key: String(decoding: key, as: UTF8.self), value: value.map { ByteBuffer(bytes: $0) }))
            }
        }
        return Record(offset: offset, timestamp: timestamp, key: key.map { ByteBuffer(bytes: $0) },
                      value: value.map { ByteBuffer(bytes: $0) }, headers: headers, isLogAppendTime: isLogAppendTime)
    }

    /// A view of an owned record (legacy message sets are decoded into records first).
    public static func withView<T>(of record: Record, _ body: (RecordView) throws -> T) rethrows -> T {
        try withOptionalBytes(record.key) { key in
            try withOptionalBytes(record.value) { value in
                var headers = ByteBuffer()
                for header in record.headers {
                    headers.writeVarint(Int32(header.key.utf8.count))
                    headers.writeString(header.key)
                    if var headerValue = header.value {
                        headers.writeVarint(Int32(headerValue.readableBytes))
                        headers.writeBuffer(&headerValue)
                    } else {
                        headers.writeVarint(-1)
                    }
                }
                return try headers.withUnsafeReadableBytes { headerBytes in
                    try body(RecordView(offset: record.offset, timestamp: record.timestamp, isLogAppendTime: record.isLogAppendTime,
                                        key: key, value: value, headerCount: record.headers.count, headerBytes: headerBytes))
                }
            }
        }
    }

    private static func withOptionalBytes<T>(_ buffer: ByteBuffer?, _ body: (UnsafeRawBufferPointer?) throws -> T) rethrows -> T {
        guard let buffer else { return try body(nil) }
        return try buffer.withUnsafeReadableBytes { try body($0) }
    }
}

/// Reads the varint-framed fields of records (record batch v2) straight from memory.
struct RawRecordReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var index = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - index }

    mutating func readVarint(field: @autoclosure () -> String) throws -> Int32 {
        try KafkaVarint.zigzag32(try KafkaVarint.readUnsigned(bytes, at: &index, maxBytes: 5, field: field), field: field)
    }

    mutating func readVarlong(field: @autoclosure () -> String) throws -> Int64 {
        KafkaVarint.zigzag64(try KafkaVarint.readUnsigned(bytes, at: &index, maxBytes: 10, field: field))
    }

    mutating func readBytes(_ count: Int, field: @autoclosure () -> String) throws -> UnsafeRawBufferPointer {
        guard count >= 0, count <= remaining else { throw WireError.truncated(field()) }
        defer { index += count }
        return UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)])
    }

    /// Varint length then bytes; nil for length -1.
    mutating func readVarintBytes(field: @autoclosure () -> String) throws -> UnsafeRawBufferPointer? {
        let length = try readVarint(field: field())
        if length < 0 { return nil }
        return try readBytes(Int(length), field: field())
    }

    mutating func skip(_ count: Int, field: @autoclosure () -> String) throws {
        _ = try readBytes(count, field: field())
    }

    /// The records of a v2 batch body, one view each, in order, until `body` returns false (then false).
    static func forEachRecord(
        in records: UnsafeRawBufferPointer, count: Int32, baseOffset: Int64, baseTimestamp: Int64,
        logAppendTime: Int64?, _ body: (RecordView) throws -> Bool
    ) throws -> Bool {
        var reader = RawRecordReader(records)
        for _ in 0..<count {
            let length = try reader.readVarint(field: "Record.Length")
            guard length >= 0 else { throw WireError.invalid("Record.Length", "\(length)") }
            var record = RawRecordReader(try reader.readBytes(Int(length), field: "Record"))
            try record.skip(1, field: "Record.Attributes")
            let timestampDelta = try record.readVarlong(field: "Record.TimestampDelta")
            let offsetDelta = try record.readVarint(field: "Record.OffsetDelta")
            let key = try record.readVarintBytes(field: "Record.Key")
            let value = try record.readVarintBytes(field: "Record.Value")
            let headerCount = try record.readVarint(field: "Record.HeadersCount")
            guard headerCount >= 0, Int(headerCount) <= record.remaining else {
                throw WireError.invalid("Record.HeadersCount", "\(headerCount)")
            }
            let headerBytes = try record.readBytes(record.remaining, field: "Record.Headers")
            // Wrapping, as Java's DefaultRecord computes them: the deltas come off the wire and may be anything.
            let view = RecordView(
                offset: baseOffset &+ Int64(offsetDelta), timestamp: logAppendTime ?? baseTimestamp &+ timestampDelta,
                isLogAppendTime: logAppendTime != nil, key: key, value: value, headerCount: Int(headerCount),
                headerBytes: headerBytes)
            // Read the header section once now, so that a view's headers can always be read later.
            if headerCount > 0 { try view.forEachHeader { _, _ in } }
            if try !body(view) { return false }
        }
        return true
    }
}
