import NIOCore

/// A tagged field this version of kafkactl does not know, kept as raw bytes so that a decoded message
/// re-encodes to exactly what was received.
public struct TaggedField: Hashable, Sendable {
    public var tag: UInt32
    public var value: ByteBuffer

    public init(tag: UInt32, value: ByteBuffer) {
        self.tag = tag
        self.value = value
    }
}

/// Collects the tagged fields of one struct and writes the section in ascending tag order (KIP-482).
public struct TaggedFieldWriter {
    private var fields: [TaggedField] = []

    @inlinable
    public init() {}

    /// Encodes one known field into its own buffer so its size can be written before it.
    public mutating func add(tag: UInt32, _ encode: (inout ByteBuffer) throws -> Void) rethrows {
        var value = ByteBuffer()
        try encode(&value)
        fields.append(TaggedField(tag: tag, value: value))
    }

    public mutating func add(_ unknown: [TaggedField]) {
        fields.append(contentsOf: unknown)
    }

    public func write(into buffer: inout ByteBuffer) {
        buffer.writeUnsignedVarint(UInt64(fields.count))
        for field in fields.sorted(by: { $0.tag < $1.tag }) {
            buffer.writeUnsignedVarint(UInt64(field.tag))
            buffer.writeUnsignedVarint(UInt64(field.value.readableBytes))
            buffer.writeImmutableBuffer(field.value)
        }
    }
}

extension ByteBuffer {
    /// Writes a section holding only the fields we did not understand (usually none: the single byte 00).
    @inlinable
    public mutating func writeTaggedFields(_ unknown: [TaggedField]) {
        if unknown.isEmpty {
            writeInteger(0, as: UInt8.self)
            return
        }
        var writer = TaggedFieldWriter()
        writer.add(unknown)
        writer.write(into: &self)
    }

    /// Reads the count of a tagged-field section; consumes nothing when it throws.
    @inlinable
    public mutating func readTaggedFieldCount(field: @autoclosure () -> String) throws -> Int {
        let start = readerIndex
        let count = try readUnsignedVarint(maxBytes: 5, field: field())
        // Each field takes at least two bytes (tag and size), so a larger count cannot be genuine.
        guard count <= UInt64(readableBytes / 2) else {
            moveReaderIndex(to: start)
            throw WireError.truncated(field())
        }
        return Int(count)
    }

    /// Reads one tagged field's tag and value; the value is a slice the caller decodes or keeps.
    /// Consumes nothing when it throws.
    @inlinable
    public mutating func readTaggedField(field: @autoclosure () -> String) throws -> TaggedField {
        let start = readerIndex
        let tag = try readUnsignedVarint(maxBytes: 5, field: field())
        let size: UInt64
        do { size = try readUnsignedVarint(maxBytes: 5, field: field()) } catch {
            moveReaderIndex(to: start)
            throw error
        }
        guard tag <= UInt64(UInt32.max), let value = readSlice(length: Int(size)) else {
            moveReaderIndex(to: start)
            throw WireError.truncated(field())
        }
        return TaggedField(tag: UInt32(tag), value: value)
    }
}
