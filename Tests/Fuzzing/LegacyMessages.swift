import AdminCore
import NIOCore

/// Magic 0/1 message-set entries (protocol.md §4.7), built byte by byte as LegacyMessageSetTests does.
enum LegacyMessages {
    /// `Offset int64, MessageSize int32, Crc uint32, Magic, Attributes, [Timestamp], Key, Value`.
    static func entry(offset: Int64, magic: Int8, attributes: Int8 = 0, timestamp: Int64 = 0, key: [UInt8]?, value: [UInt8]?) -> [UInt8] {
        var body: [UInt8] = [UInt8(bitPattern: magic), UInt8(bitPattern: attributes)]
        if magic == 1 { body += bigEndian(timestamp) }
        for bytes in [key, value] {
            if let bytes { body += bigEndian(Int32(bytes.count)) + bytes } else { body += bigEndian(Int32(-1)) }
        }
        let message = bigEndian(CRC32.checksum(body)) + body
        return bigEndian(offset) + bigEndian(Int32(message.count)) + message
    }

    /// A compressed wrapper whose value is the inner entries compressed with `codec`.
    static func wrapper(offset: Int64, magic: Int8, codec: CompressionCodec, inner: [[UInt8]]) -> [UInt8] {
        let plain = inner.flatMap { $0 }
        var compressed = ByteBuffer()
        try? plain.withUnsafeBytes { try Compression.compress($0, codec: codec, into: &compressed) }
        return entry(offset: offset, magic: magic, attributes: Int8(codec.rawValue), timestamp: 1_700_000_000_000, key: nil,
                     value: Array(compressed.readableBytesView))
    }
}

/// zlib's CRC-32 (IEEE, reflected), which legacy messages carry.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        return crc
    }

    static func checksum<Bytes: Collection>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
        return ~crc
    }
}

/// Rewrites the checksums of the top-level entries of a record blob after mutation, so mutated headers and
/// compressed bodies get past the CRC check to the code behind it (as a corrupting broker or disk would not,
/// but a hostile peer can).
enum ChecksumRepair {
    static func repaired(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        var index = 0
        while bytes.count - index >= 17 {
            let length = Int(bytes[index + 8..<index + 12].reduce(Int32(0)) { $0 << 8 | Int32($1) })
            guard length >= 0, bytes.count - index - 12 >= length else { break }
            let end = index + 12 + length
            let magic = bytes[index + 16]
            if magic == 2 && length >= 9 {
                write(CRC32C.checksum(bytes[(index + 21)..<end]), into: &bytes, at: index + 17)
            } else if magic <= 1 && length >= 4 {
                write(CRC32.checksum(bytes[(index + 16)..<end]), into: &bytes, at: index + 12)
            }
            index = end
        }
        return bytes
    }

    private static func write(_ value: UInt32, into bytes: inout [UInt8], at index: Int) {
        for (offset, byte) in bigEndian(value).enumerated() { bytes[index + offset] = byte }
    }
}
