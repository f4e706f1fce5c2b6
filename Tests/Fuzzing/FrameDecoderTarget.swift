import AdminCore
import NIOCore
import NIOEmbedded

/// KafkaFrameDecoder in a channel pipeline, fed the input in chunks (sizes drawn from the input's hash), checked
/// against a plain reading of the size prefixes: the same frames with the same bytes, and an error exactly when
/// a prefix is negative or over the limit.
struct FrameDecoderTarget: FuzzTarget {
    let seeds: [[UInt8]]
    var family: FuzzFamily { .frames }
    var name: String { "KafkaFrameDecoder" }

    init(fixtures: SeedCorpus) {
        let frames = fixtures.frames.map(\.bytes)
        var seeds = frames
        // Streams of several frames back to back, as a connection carries them (and pipelined answers).
        var random = FuzzRandom(seed: 0xF4A3E)
        for _ in 0..<64 where !frames.isEmpty {
            seeds.append((0..<(2 + random.below(6))).flatMap { _ in random.pick(frames) })
        }
        // What a TLS listener answers to plaintext (an alert), and what an HTTP server does.
        seeds.append([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46])
        seeds.append(Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8))
        self.seeds = seeds
    }

    /// The production limit (ClientConfiguration.maximumResponseSize) and a small one, so both sides of the
    /// limit check and the "reserve for a large frame" path are reached.
    static let limits = [128 * 1024 * 1024, 4096 + 16]

    func run(_ input: [UInt8]) throws {
        var random = FuzzRandom(seed: fuzzHash(input))
        let limit = random.pick(Self.limits)
        let expected = Self.expectedFrames(input, limit: limit)
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(KafkaFrameDecoder(maximumFrameSize: limit)))
        var received: [[UInt8]] = []
        var failed = false
        var offset = 0
        func drain() throws {
            while let frame = try channel.readInbound(as: ByteBuffer.self) { received.append(Array(frame.readableBytesView)) }
        }
        do {
            while offset < input.count {
                // Mostly small reads (a frame split across many), a few hundred per input at most.
                let size = min(input.count - offset, 1 + random.below(random.oneIn(4) ? input.count : max(16, input.count / 256)))
                try channel.writeInbound(ByteBuffer(bytes: input[offset..<offset + size]))
                try drain()
                offset += size
            }
        } catch is FrameSizeError {
            failed = true
        } catch {
            throw PropertyViolation("an unexpected error from the frame decoder: \(error)")
        }
        try drain()
        do {
            _ = try channel.finish(acceptAlreadyClosed: true)
        } catch let error as ByteToMessageDecoderError {
            // Bytes of an incomplete frame when the connection ends are reported, never delivered.
            guard case .leftoverDataWhenDone = error else { throw PropertyViolation("at close: \(error)") }
        } catch is FrameSizeError where failed {
        } catch {
            if !failed { throw PropertyViolation("an unexpected error at close: \(error)") }
        }
        guard received == expected.frames else {
            throw PropertyViolation("decoded \(received.count) frames (\(received.map(\.count))), expected \(expected.frames.count) (\(expected.frames.map(\.count)))")
        }
        guard failed == expected.fails else {
            throw PropertyViolation(failed ? "refused a stream with sound size prefixes" : "accepted an impossible size prefix")
        }
    }

    /// The frames a correct decoder delivers, and whether it must fail on a size prefix.
    static func expectedFrames(_ input: [UInt8], limit: Int) -> (frames: [[UInt8]], fails: Bool) {
        var frames: [[UInt8]] = []
        var index = 0
        while input.count - index >= 4 {
            let size = input[index..<index + 4].reduce(Int32(0)) { $0 << 8 | Int32($1) }
            if size < 0 || Int(size) > limit { return (frames, true) }
            guard input.count - index - 4 >= Int(size) else { break }
            frames.append(Array(input[index + 4..<index + 4 + Int(size)]))
            index += 4 + Int(size)
        }
        return (frames, false)
    }
}
