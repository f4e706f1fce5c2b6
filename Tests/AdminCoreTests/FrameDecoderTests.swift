import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing

@testable import AdminCore

/// `KafkaFrameDecoder` against every captured response frame, however the bytes arrive, and against sizes
/// that cannot be genuine.
@Suite("Frame decoder")
struct FrameDecoderTests {
    static let limit = 100 * 1024 * 1024
    static let responses = Fixture.all.filter { $0.direction == .response }

    static func makeChannel(limit: Int = limit) -> EmbeddedChannel {
        EmbeddedChannel(handler: ByteToMessageHandler(KafkaFrameDecoder(maximumFrameSize: limit)))
    }

    static func readAll(_ channel: EmbeddedChannel) throws -> [[UInt8]] {
        var frames: [[UInt8]] = []
        while let frame = try channel.readInbound(as: ByteBuffer.self) { frames.append(Array(frame.readableBytesView)) }
        return frames
    }

    @Test("there are response fixtures to feed")
    func responsesExist() {
        #expect(Self.responses.count >= 85)
    }

    @Test("all response fixtures written at once come out as the same frames, in order")
    func allAtOnce() throws {
        let channel = Self.makeChannel()
        var input = ByteBuffer()
        for fixture in Self.responses { input.writeBytes(fixture.frame) }
        try channel.writeInbound(input)
        let frames = try Self.readAll(channel)
        #expect(frames.count == Self.responses.count)
        #expect(frames == Self.responses.map { Array($0.payload) })
        #expect(try channel.finish().isClean)
    }

    @Test("all response fixtures written one byte at a time come out as the same frames, in order")
    func oneByteAtATime() throws {
        let channel = Self.makeChannel()
        var frames: [[UInt8]] = []
        for fixture in Self.responses {
            for (index, byte) in fixture.frame.enumerated() {
                try channel.writeInbound(ByteBuffer(bytes: [byte]))
                let produced = try Self.readAll(channel)
                // A frame appears exactly when its last byte arrives, never earlier.
                #expect(produced.count == (index == fixture.frame.count - 1 ? 1 : 0), "\(fixture.path) byte \(index)")
                frames += produced
            }
        }
        #expect(frames == Self.responses.map { Array($0.payload) })
        #expect(try channel.finish().isClean)
    }

    @Test("NIOTestUtils' decoder verifier accepts the decoder on every response fixture")
    func verifier() throws {
        let pairs = Self.responses.map { fixture in
            (ByteBuffer(bytes: fixture.frame), [ByteBuffer(bytes: fixture.payload)])
        }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) {
            KafkaFrameDecoder(maximumFrameSize: Self.limit)
        }
    }

    @Test("large frames arriving in pieces come out whole, alone or with the next frame behind them")
    func largeFramesInPieces() throws {
        let first = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let second = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        var stream = ByteBuffer()
        for payload in [first, second, first] {
            stream.writeInteger(Int32(payload.count))
            stream.writeBytes(payload)
        }
        let channel = Self.makeChannel()
        // Pieces that end mid-frame, exactly at a frame's end, and with the next frame's start behind a frame.
        let cuts = [1, 3, 70_000, 300_004, 300_010, 500_008, 650_000, stream.readableBytes]
        var previous = 0
        var frames: [[UInt8]] = []
        for cut in cuts {
            try channel.writeInbound(stream.getSlice(at: previous, length: cut - previous)!)
            frames += try Self.readAll(channel)
            previous = cut
        }
        #expect(frames.count == 3)
        #expect(frames == [first, second, first])
        #expect(try channel.finish().isClean)
    }

    @Test("an empty frame (size 0) is a frame")
    func emptyFrame() throws {
        let channel = Self.makeChannel()
        try channel.writeInbound(ByteBuffer(bytes: [0, 0, 0, 0, 0, 0, 0, 1, 0xaa]))
        #expect(try Self.readAll(channel) == [[], [0xaa]])
    }

    @Test("a negative size is a FrameSizeError as soon as the prefix is in")
    func negativeSize() throws {
        let channel = Self.makeChannel()
        #expect(throws: FrameSizeError(size: -1, limit: Self.limit)) {
            try channel.writeInbound(ByteBuffer(bytes: [0xff, 0xff, 0xff, 0xff]))
        }
        #expect(try Self.readAll(channel).isEmpty)
        _ = try? channel.finish()
    }

    @Test("the smallest negative size is a FrameSizeError too")
    func minimumSize() throws {
        let channel = Self.makeChannel()
        #expect(throws: FrameSizeError(size: Int32.min, limit: Self.limit)) {
            try channel.writeInbound(ByteBuffer(bytes: [0x80, 0x00, 0x00, 0x00]))
        }
        _ = try? channel.finish()
    }

    @Test("a size above the limit is a FrameSizeError without waiting for the body")
    func sizeAboveLimit() throws {
        let channel = Self.makeChannel(limit: 100)
        // What a TLS server sends a plaintext client: an alert record, 15 03 03 00 02 ... reads as 352,518,912.
        #expect(throws: FrameSizeError(size: 0x1503_0300, limit: 100)) {
            try channel.writeInbound(ByteBuffer(bytes: [0x15, 0x03, 0x03, 0x00]))
        }
        _ = try? channel.finish()

        let justOver = Self.makeChannel(limit: 100)
        #expect(throws: FrameSizeError(size: 101, limit: 100)) {
            try justOver.writeInbound(ByteBuffer(bytes: [0, 0, 0, 101]))
        }
        _ = try? justOver.finish()
    }

    @Test("a frame exactly at the limit is accepted")
    func sizeAtLimit() throws {
        let channel = Self.makeChannel(limit: 100)
        try channel.writeInbound(ByteBuffer(bytes: [0, 0, 0, 100] + [UInt8](repeating: 7, count: 100)))
        #expect(try Self.readAll(channel) == [[UInt8](repeating: 7, count: 100)])
        #expect(try channel.finish().isClean)
    }

    @Test("a frame cut off by the connection closing is never delivered")
    func truncatedAtClose() throws {
        let fixture = try #require(Self.responses.first)
        let channel = Self.makeChannel()
        try channel.writeInbound(ByteBuffer(bytes: fixture.frame.dropLast()))
        #expect(try Self.readAll(channel).isEmpty)
        _ = try channel.finish()
        #expect(try Self.readAll(channel).isEmpty)
    }
}
