import NIOCore

// Kafka's variable-length integers: unsigned varints frame compact strings, arrays and tagged fields;
// zig-zag varints and varlongs appear only inside record batches.
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
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var index = readerIndex
        for _ in 0..<maxBytes {
            guard let byte: UInt8 = getInteger(at: index) else { throw WireError.truncated(field()) }
            index += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 {
                moveReaderIndex(to: index)
                return result
            }
            shift += 7
        }
        throw WireError.invalid(field(), "varint longer than \(maxBytes) bytes")
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
        let raw = try readUnsignedVarint(maxBytes: 5, field: field())
        guard raw <= UInt64(UInt32.max) else { throw WireError.invalid(field(), "varint exceeds 32 bits") }
        let zigzag = UInt32(raw)
        return Int32(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
    }

    @inlinable
    public mutating func readVarlong(field: @autoclosure () -> String) throws -> Int64 {
        let zigzag = try readUnsignedVarint(maxBytes: 10, field: field())
        return Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
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
