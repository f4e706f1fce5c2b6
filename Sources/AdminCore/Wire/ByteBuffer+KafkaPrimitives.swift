import NIOCore

// Strings, bytes, arrays and UUIDs in both of Kafka's forms: the classic int16/int32 length prefixes and the
// compact unsigned-varint (N+1) prefixes of flexible versions. Null is -1 classically and 0 compactly.
extension ByteBuffer {
    // MARK: Fixed-size values

    @inlinable
    public mutating func writeKafkaBool(_ value: Bool) {
        writeInteger(value ? 1 : 0, as: UInt8.self)
    }

    @inlinable
    public mutating func readKafkaBool(field: @autoclosure () -> String) throws -> Bool {
        guard let byte = readInteger(as: UInt8.self) else { throw WireError.truncated(field()) }
        return byte != 0
    }

    @inlinable
    public mutating func readKafkaInteger<T: FixedWidthInteger>(
        as type: T.Type = T.self, field: @autoclosure () -> String
    ) throws -> T {
        guard let value = readInteger(as: T.self) else { throw WireError.truncated(field()) }
        return value
    }

    @inlinable
    public mutating func writeKafkaFloat64(_ value: Double) {
        writeInteger(value.bitPattern)
    }

    @inlinable
    public mutating func readKafkaFloat64(field: @autoclosure () -> String) throws -> Double {
        Double(bitPattern: try readKafkaInteger(as: UInt64.self, field: field()))
    }

    @inlinable
    public mutating func writeKafkaUUID(_ value: KafkaUUID) {
        writeInteger(value.mostSignificantBits)
        writeInteger(value.leastSignificantBits)
    }

    @inlinable
    public mutating func readKafkaUUID(field: @autoclosure () -> String) throws -> KafkaUUID {
        guard let high = getInteger(at: readerIndex, as: UInt64.self),
            let low = getInteger(at: readerIndex + 8, as: UInt64.self)
        else { throw WireError.truncated(field()) }
        moveReaderIndex(forwardBy: 16)
        return KafkaUUID(mostSignificantBits: high, leastSignificantBits: low)
    }

    // MARK: Length prefixes

    /// Writes the length of a string, bytes or array; `nil` writes the null marker.
    @inlinable
    public mutating func writeKafkaLength(_ length: Int?, compact: Bool, wide: Bool) {
        switch (compact, length) {
        case (true, nil): writeInteger(0, as: UInt8.self)
        case (true, let length?): writeUnsignedVarint(UInt64(length) + 1)
        case (false, nil): if wide { writeInteger(-1, as: Int32.self) } else { writeInteger(-1, as: Int16.self) }
        case (false, let length?):
            if wide { writeInteger(Int32(truncatingIfNeeded: length)) } else { writeInteger(Int16(truncatingIfNeeded: length)) }
        }
    }

    /// Reads a length written by `writeKafkaLength`; `nil` means null. Checks it against the bytes left when
    /// `elementSize` is given, so a corrupt count cannot make a reader allocate or loop for nothing.
    /// Consumes nothing when it throws.
    @inlinable
    public mutating func readKafkaLength(
        compact: Bool, wide: Bool, minimumElementSize: Int = 1, field: @autoclosure () -> String
    ) throws -> Int? {
        let start = readerIndex
        let length: Int
        if compact {
            let raw = try readUnsignedVarint(maxBytes: 5, field: field())
            if raw == 0 { return nil }
            length = Int(raw - 1)
        } else if wide {
            let raw = try readKafkaInteger(as: Int32.self, field: field())
            if raw < 0 {
                guard raw == -1 else {
                    moveReaderIndex(to: start)
                    throw WireError.invalid(field(), "negative length \(raw)")
                }
                return nil
            }
            length = Int(raw)
        } else {
            let raw = try readKafkaInteger(as: Int16.self, field: field())
            if raw < 0 {
                guard raw == -1 else {
                    moveReaderIndex(to: start)
                    throw WireError.invalid(field(), "negative length \(raw)")
                }
                return nil
            }
            length = Int(raw)
        }
        if length * minimumElementSize > readableBytes {
            moveReaderIndex(to: start)
            throw WireError.truncated(field())
        }
        return length
    }

    // MARK: Strings

    @inlinable
    public mutating func writeKafkaString(_ value: String, compact: Bool) {
        var value = value
        value.withUTF8 { utf8 in
            writeKafkaLength(utf8.count, compact: compact, wide: false)
            writeBytes(utf8)
        }
    }

    @inlinable
    public mutating func writeKafkaNullableString(_ value: String?, compact: Bool) {
        guard let value else {
            writeKafkaLength(nil, compact: compact, wide: false)
            return
        }
        writeKafkaString(value, compact: compact)
    }

    @inlinable
    public mutating func readKafkaNullableString(compact: Bool, field: @autoclosure () -> String) throws -> String? {
        guard let length = try readKafkaLength(compact: compact, wide: false, field: field()) else { return nil }
        guard let bytes = getSlice(at: readerIndex, length: length) else { throw WireError.truncated(field()) }
        let string = String(buffer: bytes)
        // Kafka writes strings as UTF-8. Decoding would replace bad bytes with U+FFFD and hand on a different
        // string (a longer one: re-encoded, it may no longer fit its int16 length), so bad bytes are a bad frame.
        guard string.utf8.elementsEqual(bytes.readableBytesView) else {
            throw WireError.invalid(field(), "not UTF-8")
        }
        moveReaderIndex(forwardBy: length)
        return string
    }

    @inlinable
    public mutating func readKafkaString(compact: Bool, field: @autoclosure () -> String) throws -> String {
        guard let string = try readKafkaNullableString(compact: compact, field: field()) else {
            throw WireError.invalid(field(), "null where a string is required")
        }
        return string
    }

    // MARK: Bytes

    @inlinable
    public mutating func writeKafkaBytes(_ value: ByteBuffer, compact: Bool) {
        writeKafkaLength(value.readableBytes, compact: compact, wide: true)
        writeImmutableBuffer(value)
    }

    @inlinable
    public mutating func writeKafkaNullableBytes(_ value: ByteBuffer?, compact: Bool) {
        guard let value else {
            writeKafkaLength(nil, compact: compact, wide: true)
            return
        }
        writeKafkaBytes(value, compact: compact)
    }

    /// Reads bytes as a slice of this buffer: no copy, which matters for Fetch record sets.
    @inlinable
    public mutating func readKafkaNullableBytes(compact: Bool, field: @autoclosure () -> String) throws -> ByteBuffer? {
        guard let length = try readKafkaLength(compact: compact, wide: true, field: field()) else { return nil }
        guard let slice = readSlice(length: length) else { throw WireError.truncated(field()) }
        return slice
    }

    @inlinable
    public mutating func readKafkaBytes(compact: Bool, field: @autoclosure () -> String) throws -> ByteBuffer {
        guard let bytes = try readKafkaNullableBytes(compact: compact, field: field()) else {
            throw WireError.invalid(field(), "null where bytes are required")
        }
        return bytes
    }

    // MARK: Arrays

    @inlinable
    public mutating func writeKafkaArrayLength(_ count: Int?, compact: Bool) {
        writeKafkaLength(count, compact: compact, wide: true)
    }

    /// - Parameter minimumElementSize: the fewest bytes one element takes, so that a count the bytes left cannot
    ///   hold fails here, before the caller reserves memory for that many elements.
    @inlinable
    public mutating func readKafkaArrayLength(
        compact: Bool, minimumElementSize: Int = 1, field: @autoclosure () -> String
    ) throws -> Int? {
        try readKafkaLength(compact: compact, wide: true, minimumElementSize: minimumElementSize, field: field())
    }
}
