import CZstd
import NIOCore

/// zstd frames (codec 4; Produce v7+ and Fetch v10+).
enum Zstd {
    static func compress(_ input: UnsafeRawBufferPointer, level: Int?, into output: inout ByteBuffer) throws {
        let bound = ZSTD_compressBound(input.count)
        try output.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { out in
            let written = ZSTD_compress(out.baseAddress, out.count, input.baseAddress, input.count, Int32(level ?? 3))
            guard ZSTD_isError(written) == 0 else {
                throw CompressionError(codec: .zstd, message: String(cString: ZSTD_getErrorName(written)))
            }
            return written
        }
    }

    static func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws -> ByteBuffer {
        guard let stream = ZSTD_createDStream() else { throw CompressionError(codec: .zstd, message: "cannot create a stream") }
        defer { ZSTD_freeDStream(stream) }
        var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        var output = ByteBuffer()
        output.reserveCapacity(min(limit, max(input.count * 4, 4096)))
        while true {
            var remaining = 0
            try output.writeWithUnsafeMutableBytes(minimumWritableBytes: 128 * 1024) { out in
                var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: 0)
                remaining = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
                guard ZSTD_isError(remaining) == 0 else {
                    throw CompressionError(codec: .zstd, message: "corrupt zstd data: \(String(cString: ZSTD_getErrorName(remaining)))")
                }
                return outBuffer.pos
            }
            if output.readableBytes > limit {
                throw CompressionError(codec: .zstd, message: "decompressed data exceeds \(limit) bytes")
            }
            if remaining == 0 && inBuffer.pos == inBuffer.size { return output }
            if remaining == 0 {
                // One frame ended and more input follows: another concatenated frame.
                continue
            }
            if inBuffer.pos == inBuffer.size && output.writableBytes > 0 {
                throw CompressionError(codec: .zstd, message: "truncated zstd data")
            }
        }
    }
}
