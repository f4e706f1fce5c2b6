import CZlib
import NIOCore

/// gzip (RFC 1952) through zlib: what Kafka writes for codec 1; any gzip or zlib stream is read.
enum Gzip {
    static func compress(_ input: UnsafeRawBufferPointer, level: Int?, into output: inout ByteBuffer) throws {
        var stream = z_stream()
        // windowBits 15 + 16 asks zlib for a gzip header and trailer.
        guard kafkactl_deflateInit2(&stream, Int32(level ?? Int(Z_DEFAULT_COMPRESSION)), 15 + 16) == Z_OK else {
            throw CompressionError(codec: .gzip, message: "deflateInit2 failed")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 32
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        let written = try output.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { out in
            stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(out.count)
            guard deflate(&stream, Z_FINISH) == Z_STREAM_END else {
                throw CompressionError(codec: .gzip, message: "deflate did not finish")
            }
            return out.count - Int(stream.avail_out)
        }
        _ = written
    }

    static func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws -> ByteBuffer {
        var stream = z_stream()
        // windowBits 15 + 32: detect gzip or zlib headers.
        guard kafkactl_inflateInit2(&stream, 15 + 32) == Z_OK else {
            throw CompressionError(codec: .gzip, message: "inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        var output = ByteBuffer()
        output.reserveCapacity(min(limit, max(input.count * 4, 4096)))
        while true {
            var status: Int32 = Z_OK
            try output.writeWithUnsafeMutableBytes(minimumWritableBytes: 64 * 1024) { out in
                stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(out.count)
                status = inflate(&stream, Z_NO_FLUSH)
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw CompressionError(codec: .gzip, message: "corrupt gzip data (zlib status \(status))")
                }
                return out.count - Int(stream.avail_out)
            }
            if output.readableBytes > limit {
                throw CompressionError(codec: .gzip, message: "decompressed data exceeds \(limit) bytes")
            }
            if status == Z_STREAM_END { return output }
            if status == Z_BUF_ERROR && stream.avail_in == 0 {
                throw CompressionError(codec: .gzip, message: "truncated gzip data")
            }
        }
    }
}
