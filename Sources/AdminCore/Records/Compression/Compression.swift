import NIOCore

/// Compresses and decompresses the records section of a batch with the codec its attributes name.
public enum Compression {
    /// Appends the compressed form of `input` to `output`.
    public static func compress(
        _ input: UnsafeRawBufferPointer, codec: CompressionCodec, level: Int? = nil, into output: inout ByteBuffer
    ) throws {
        switch codec {
        case .none: output.writeBytes(input)
        case .gzip: try Gzip.compress(input, level: level, into: &output)
        case .snappy: try Snappy.compress(input, into: &output)
        case .lz4: try LZ4.compress(input, level: level, into: &output)
        case .zstd: try Zstd.compress(input, level: level, into: &output)
        }
    }

    /// The decompressed bytes; more than `limit` bytes is an error, so a hostile or corrupt batch cannot
    /// exhaust memory.
    public static func decompress(_ input: ByteBuffer, codec: CompressionCodec, limit: Int) throws -> ByteBuffer {
        switch codec {
        case .none: return input
        case .gzip: return try input.withUnsafeReadableBytes { try Gzip.decompress($0, limit: limit) }
        case .snappy: return try input.withUnsafeReadableBytes { try Snappy.decompress($0, limit: limit) }
        case .lz4: return try input.withUnsafeReadableBytes { try LZ4.decompress($0, limit: limit) }
        case .zstd: return try input.withUnsafeReadableBytes { try Zstd.decompress($0, limit: limit) }
        }
    }
}

/// A codec failed: corrupt input, a result over the size limit, or the library refusing.
public struct CompressionError: Error, Sendable, CustomStringConvertible {
    public var codec: CompressionCodec
    public var message: String

    public var description: String { "\(codec): \(message)" }
}
