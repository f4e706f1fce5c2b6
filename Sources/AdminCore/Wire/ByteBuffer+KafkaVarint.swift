import NIOCore

// Kafka's variable-length integers: unsigned varints frame compact strings, arrays and tagged fields;
// zig-zag varints and varlongs appear only inside record batches.

/// Decoding over raw bytes: the one varint reader behind ByteBuffer's readers and the consumer's in-place record
/// reader.
@usableFromInline
enum KafkaVarint {
    /// An unsigned varint of at most `maxBytes` bytes starting at `index`; `index` moves past it only on success.
    @inlinable
    static func readUnsigned(
        _ bytes: UnsafeRawBufferPointer, at index: inout Int, maxBytes: Int, field: () -> String
    ) throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var position = index
        for _ in 0..<maxBytes {
            guard position < bytes.count else { throw WireError.truncated(field()) }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 {
                index = position
                return result
            }
            shift += 7
        }
        throw WireError.invalid(field(), "varint longer than \(maxBytes) bytes")
    }

    /// A zig-zag varint's value; more than 32 bits is invalid.
    @inlinable
    static func zigzag32(_ raw: UInt64, field: () -> String) throws -> Int32 {
        guard raw <= UInt64(UInt32.max) else { throw WireError.invalid(field(), "varint exceeds 32 bits") }
        let zigzag = UInt32(raw)
        return Int32(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
    }

    /// A zig-zag varlong's value.
    @inlinable
    static func zigzag64(_ raw: UInt64) -> Int64 {
        Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }
}

extension ByteBuffer {
    /// Writes `value` as an unsigned varint (7 bits per byte, least significant group first).
    @inlinable
    @discardableResult
    public mutating func writeUnsignedVarint(_ value: UInt64) -> Int {
        var value = value
        var written = 0
        while value >= 0x80 {
            written += writeInteger(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        written += writeInteger(UInt8(truncatingIfNeeded: value))
        return written
    }

    @inlinable
    @discardableResult
    public mutating func writeUnsignedVarint(_ value: Int) -> Int {
        writeUnsignedVarint(UInt64(UInt(bitPattern: value)))
    }

    /// Reads an unsigned varint of at most `maxBytes` bytes; consumes nothing when it fails.
    @inlinable
    public mutating func readUnsignedVarint(maxBytes: Int = 5, field: @autoclosure () -> String) throws -> UInt64 {
        var consumed = 0
        let value = try withUnsafeReadableBytes { bytes in
            try KafkaVarint.readUnsigned(bytes, at: &consumed, maxBytes: maxBytes, field: field)
        }
        moveReaderIndex(forwardBy: consumed)
        return value
    }

    /// Writes a signed 32-bit value zig-zag encoded.
    @inlinable
    @discardableResult
    public mutating func writeVarint(_ value: Int32) -> Int {
        let zigzag = UInt32(bitPattern: (value << 1) ^ (value >> 31))
        return writeUnsignedVarint(UInt64(zigzag))
    }

    /// Writes a signed 64-bit value zig-zag encoded.
    @inlinable
    @discardableResult
    public mutating func writeVarlong(_ value: Int64) -> Int {
        let zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        return writeUnsignedVarint(zigzag)
    }

    @inlinable
    public mutating func readVarint(field: @autoclosure () -> String) throws -> Int32 {
        try KafkaVarint.zigzag32(try readUnsignedVarint(maxBytes: 5, field: field()), field: field)
    }

    @inlinable
    public mutating func readVarlong(field: @autoclosure () -> String) throws -> Int64 {
        KafkaVarint.zigzag64(try readUnsignedVarint(maxBytes: 10, field: field()))
    }

    /// The number of bytes `value` takes as an unsigned varint.
    @inlinable
    public static func unsignedVarintSize(_ value: UInt64) -> Int {
        var value = value
        var size = 1
        while value >= 0x80 {
            value >>= 7
            size += 1
        }
        return size
    }

    @inlinable
    public static func varintSize(_ value: Int32) -> Int {
        unsignedVarintSize(UInt64(UInt32(bitPattern: (value << 1) ^ (value >> 31))))
    }

    @inlinable
    public static func varlongSize(_ value: Int64) -> Int {
        unsignedVarintSize(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }
}
