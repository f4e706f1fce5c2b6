import CLZ4
import NIOCore

/// LZ4 frame format, as Kafka writes it: independent 64 KiB blocks, no checksums, no content size.
enum LZ4 {
    static func compress(_ input: UnsafeRawBufferPointer, level: Int?, into output: inout ByteBuffer) throws {
        var preferences = LZ4F_preferences_t()
        preferences.frameInfo.blockSizeID = LZ4F_max64KB
        preferences.frameInfo.blockMode = LZ4F_blockIndependent
        preferences.frameInfo.contentChecksumFlag = LZ4F_noContentChecksum
        preferences.compressionLevel = Int32(level ?? 0)
        let bound = LZ4F_compressFrameBound(input.count, &preferences)
        try output.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { out in
            let written = LZ4F_compressFrame(out.baseAddress, out.count, input.baseAddress, input.count, &preferences)
            guard LZ4F_isError(written) == 0 else {
                throw CompressionError(codec: .lz4, message: String(cString: LZ4F_getErrorName(written)))
            }
            return written
        }
    }

    static func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws -> ByteBuffer {
        var context: OpaquePointer?
        guard LZ4F_isError(LZ4F_createDecompressionContext(&context, UInt32(LZ4F_VERSION))) == 0, let context else {
            throw CompressionError(codec: .lz4, message: "cannot create a decompression context")
        }
        defer { LZ4F_freeDecompressionContext(context) }
        var output = ByteBuffer()
        output.reserveCapacity(min(limit, max(input.count * 4, 4096)))
        var consumed = 0
        while true {
            var hint = 0
            try output.writeWithUnsafeMutableBytes(minimumWritableBytes: 64 * 1024) { out in
                var outSize = out.count
                var inSize = input.count - consumed
                hint = LZ4F_decompress(context, out.baseAddress, &outSize, input.baseAddress.map { $0 + consumed }, &inSize, nil)
                guard LZ4F_isError(hint) == 0 else {
                    throw CompressionError(codec: .lz4, message: "corrupt lz4 frame: \(String(cString: LZ4F_getErrorName(hint)))")
                }
                consumed += inSize
                return outSize
            }
            if output.readableBytes > limit {
                throw CompressionError(codec: .lz4, message: "decompressed data exceeds \(limit) bytes")
            }
            if hint == 0 { return output }
            if consumed >= input.count && output.writableBytes > 0 && hint > 0 {
                // Nothing left to feed and the frame is not finished.
                if consumed == input.count { throw CompressionError(codec: .lz4, message: "truncated lz4 frame") }
            }
        }
    }
}
