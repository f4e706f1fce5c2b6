import NIOCore

/// Cuts the byte stream into int32-size-prefixed frames and refuses absurd sizes: a negative or huge size is
/// what a TLS port or a non-Kafka service sends, and must become a clear error rather than an allocation.
public struct KafkaFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = ByteBuffer

    public let maximumFrameSize: Int

    public init(maximumFrameSize: Int) {
        self.maximumFrameSize = maximumFrameSize
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let size = buffer.getInteger(at: buffer.readerIndex, as: Int32.self) else { return .needMoreData }
        guard size >= 0, Int(size) <= maximumFrameSize else {
            throw FrameSizeError(size: size, limit: maximumFrameSize)
        }
        guard buffer.readableBytes >= 4 + Int(size) else {
            // A large frame (a Fetch response) is still arriving: make room for all of it now, so the cumulation
            // grows once rather than doubling and copying its way up.
            if size > 64 * 1024 { buffer.reserveCapacity(minimumWritableBytes: 4 + Int(size) - buffer.readableBytes) }
            return .needMoreData
        }
        buffer.moveReaderIndex(forwardBy: 4)
        let slice = buffer.readSlice(length: Int(size))!
        if size <= 4096 || buffer.readableBytes == 0 {
            // Small frames, and a frame that ends the received bytes (the usual case for a Fetch response, which
            // nothing follows until the next fetch is sent), are handed on without copying: the decoder then
            // drops its cumulation, so the slice pins nothing but its own bytes.
            context.fireChannelRead(wrapInboundOut(slice))
        } else {
            // A large frame with more bytes behind it gets storage of its own: its records live on while they are
            // printed, and a slice would pin the cumulation buffer, which keeps growing with the next frames.
            var own = context.channel.allocator.buffer(capacity: Int(size))
            own.writeImmutableBuffer(slice)
            context.fireChannelRead(wrapInboundOut(own))
        }
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}

/// A frame whose size prefix cannot be genuine.
public struct FrameSizeError: Error, Equatable, Sendable {
    public var size: Int32
    public var limit: Int
}
