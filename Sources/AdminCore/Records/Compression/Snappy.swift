import CSnappy
import NIOCore

/// snappy as Kafka uses it: Java clients write xerial snappy-java framing (magic, two versions, then
/// length-prefixed raw blocks), and readers must also accept a bare raw block. kafkactl writes the framing,
/// so Java consumers of every age read what it produces.
enum Snappy {
    static let xerialMagic: [UInt8] = [0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]
    /// snappy-java's default block size.
    static let blockSize = 32 * 1024

    static func compress(_ input: UnsafeRawBufferPointer, into output: inout ByteBuffer) throws {
        output.writeBytes(xerialMagic)
        output.writeInteger(Int32(1))
        output.writeInteger(Int32(1))
        var offset = 0
        repeat {
            let chunk = UnsafeRawBufferPointer(rebasing: input[offset..<min(offset + blockSize, input.count)])
            let bound = snappy_max_compressed_length(chunk.count)
            let lengthIndex = output.writerIndex
            output.writeInteger(Int32(0))
            try output.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { out in
                var length = out.count
                let status = snappy_compress(
                    chunk.baseAddress?.assumingMemoryBound(to: CChar.self), chunk.count,
                    out.baseAddress!.assumingMemoryBound(to: CChar.self), &length)
                guard status == SNAPPY_OK else { throw CompressionError(codec: .snappy, message: "snappy_compress failed") }
                return length
            }
            output.setInteger(Int32(output.writerIndex - lengthIndex - 4), at: lengthIndex)
            offset += chunk.count
        } while offset < input.count
    }

    static func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws -> ByteBuffer {
        var output = ByteBuffer()
        if input.count >= 16 && input.prefix(8).elementsEqual(xerialMagic) {
            var offset = 16
            while offset < input.count {
                guard offset + 4 <= input.count else { throw CompressionError(codec: .snappy, message: "truncated xerial block header") }
                let length = Int(input.loadUnaligned(fromByteOffset: offset, as: UInt32.self).bigEndian)
                offset += 4
                guard length >= 0, offset + length <= input.count else {
                    throw CompressionError(codec: .snappy, message: "truncated xerial block")
                }
                try appendRaw(UnsafeRawBufferPointer(rebasing: input[offset..<offset + length]), to: &output, limit: limit)
                offset += length
            }
            return output
        }
        try appendRaw(input, to: &output, limit: limit)
        return output
    }

    private static func appendRaw(_ block: UnsafeRawBufferPointer, to output: inout ByteBuffer, limit: Int) throws {
        var length = 0
        let source = block.baseAddress?.assumingMemoryBound(to: CChar.self)
        guard snappy_uncompressed_length(source, block.count, &length) == SNAPPY_OK else {
            throw CompressionError(codec: .snappy, message: "corrupt snappy block")
        }
        guard output.readableBytes + length <= limit else {
            throw CompressionError(codec: .snappy, message: "decompressed data exceeds \(limit) bytes")
        }
        // The length is only what the block claims: a few corrupt bytes can claim the whole limit. Checking the
        // block first (one pass, no output) keeps garbage from reserving that much.
        guard snappy_validate_compressed_buffer(source, block.count) == SNAPPY_OK else {
            throw CompressionError(codec: .snappy, message: "corrupt snappy block")
        }
        try output.writeWithUnsafeMutableBytes(minimumWritableBytes: max(length, 1)) { out in
            var size = out.count
            guard snappy_uncompress(source, block.count, out.baseAddress!.assumingMemoryBound(to: CChar.self), &size) == SNAPPY_OK else {
                throw CompressionError(codec: .snappy, message: "corrupt snappy block")
            }
            return size
        }
    }
}
