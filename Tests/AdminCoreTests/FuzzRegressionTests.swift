@testable import AdminCore
import Fuzzing
import NIOCore
import Testing

/// One test per fuzzing finding (issue #10), with the smallest input that showed it. Each used to trap (a crash
/// of the whole tool), hang, over-allocate, or decode into something the encoder then refused.
@Suite struct FuzzRegressionTests {
    // MARK: Record batches

    /// RecordBatchTests' golden batch with header fields replaced, its CRC-32C recomputed.
    static func goldenBatch(baseOffset: Int64 = 0, lastOffsetDelta: Int32? = nil, baseTimestamp: Int64? = nil,
                            count: Int32? = nil, records: [UInt8]? = nil) -> [UInt8] {
        var bytes = RecordBatchTests.goldenTwoRecords
        func put<T: FixedWidthInteger>(_ value: T, at index: Int) {
            withUnsafeBytes(of: value.bigEndian) { for (offset, byte) in $0.enumerated() { bytes[index + offset] = byte } }
        }
        put(baseOffset, at: 0)
        if let lastOffsetDelta { put(lastOffsetDelta, at: 23) }
        if let baseTimestamp { put(baseTimestamp, at: 27) }
        if let count { put(count, at: 57) }
        if let records {
            bytes = Array(bytes.prefix(61)) + records
            put(Int32(bytes.count - 12), at: 8)
        }
        put(CRC32C.checksum(bytes[21...]), at: 17)
        return bytes
    }

    static func readAll(_ bytes: [UInt8]) throws -> [RecordBatch] {
        var reader = RecordBatchReader(ByteBuffer(bytes: bytes))
        var batches: [RecordBatch] = []
        while let batch = try reader.next() { batches.append(batch) }
        return batches
    }

    static func consumed(_ bytes: [UInt8]) throws -> [Record] {
        try ConsumedRecords(topicPartition: TopicPartition("t", 0), blob: ByteBuffer(bytes: bytes), position: 0, stopOffset: nil,
                            highWatermark: 0, nextOffset: 0, aborted: nil, filterAborted: false, verifyChecksums: true).records()
    }

    /// Finding: a batch at base offset Int64.max - 1 with two records trapped in `scan` (last offset + 1).
    @Test func aBatchWhoseOffsetsPassInt64MaxIsCorruptNotACrash() throws {
        let batch = Self.goldenBatch(baseOffset: .max - 1)
        #expect(RecordBatchReader.nextOffset(after: ByteBuffer(bytes: batch)) == nil)
        #expect(throws: CorruptBatchError.self) { try Self.readAll(batch) }
        #expect(throws: KafkactlError.self) { try Self.consumed(batch) }
        // A last offset delta that overflows on its own, too.
        #expect(throws: CorruptBatchError.self) { try Self.readAll(Self.goldenBatch(baseOffset: .max - 100, lastOffsetDelta: .max)) }
        #expect(RecordBatchReader.nextOffset(after: ByteBuffer(bytes: Self.goldenBatch(baseOffset: .max - 2))) == .max)
    }

    /// Finding: a record of length 0 (no attributes byte) trapped in NIO's moveReaderIndex.
    @Test func aRecordOfLengthZeroIsCorruptNotACrash() throws {
        let batch = Self.goldenBatch(count: 1, records: [0x00] + [UInt8](repeating: 0x00, count: 6))
        #expect(throws: CorruptBatchError.self) { try Self.readAll(batch) }
        #expect(throws: KafkactlError.self) { try Self.consumed(batch) }
    }

    /// Finding: base timestamp Int64.max plus a record's timestamp delta trapped; Java's DefaultRecord wraps.
    @Test func timestampDeltasWrapAsJavasDo() throws {
        let batch = Self.goldenBatch(baseTimestamp: .max)
        let owned = try #require(try Self.readAll(batch).first).records
        #expect(owned.map(\.timestamp) == [.max, Int64.max &+ 5])
        #expect(try Self.consumed(batch).map(\.timestamp) == [.max, Int64.max &+ 5])
    }

    /// Finding: a legacy message at offset Int64.max trapped computing the next offset.
    @Test func aLegacyMessageAtTheLastOffsetIsCorruptNotACrash() {
        let entry = LegacyMessageSetTests.entry(offset: .max, magic: 1, key: nil, value: [1])
        #expect(throws: CorruptBatchError.self) { try Self.readAll(entry) }
    }

    /// Review, while writing the records target: a compressed wrapper inside a compressed wrapper was read
    /// recursively, each level as deep as the input allowed. Kafka refuses nested compression.
    @Test func aCompressedWrapperInsideACompressedWrapperIsCorrupt() throws {
        let inner = LegacyMessageSetTests.entry(offset: 0, magic: 1, key: nil, value: [7])
        let middle = LegacyMessageSetTests.entry(offset: 0, magic: 1, attributes: 1, key: nil, value: try LegacyMessageSetTests.gzip(inner))
        let outer = LegacyMessageSetTests.entry(offset: 5, magic: 1, attributes: 1, key: nil, value: try LegacyMessageSetTests.gzip(middle))
        #expect(try Self.readAll(middle).flatMap(\.records).count == 1)
        #expect(throws: CorruptBatchError.self) { try Self.readAll(outer) }
    }

    /// Review: a record count up to the body's byte count passed, and `next()` reserved that many records
    /// (~90 bytes each) before reading one: 256 MiB of decompressed zeros would have reserved 22 GiB.
    @Test func aRecordCountTheBodyCannotHoldIsRefusedBeforeReserving() throws {
        let golden = RecordBatchTests.goldenTwoRecords
        let body = Array(golden[61...])
        let batch = Self.goldenBatch(count: Int32(body.count / 7 + 1))
        let error = try #require(throws: CorruptBatchError.self) { try Self.readAll(batch) }
        #expect(error.reason.contains("record count"))
    }

    /// Review: a raw snappy block's length preamble was trusted before the block was checked, so five corrupt
    /// bytes claiming 200 MB had that much reserved before snappy refused them. Now the block is validated first.
    @Test func aSnappyBlockClaimingMoreThanItHoldsIsCorruptBeforeAnythingIsReserved() throws {
        let claim: [UInt8] = [0x80, 0xb4, 0xe2, 0x5f]  // varint 200,000,000
        let error = try #require(throws: CompressionError.self) {
            try Compression.decompress(ByteBuffer(bytes: claim + [0x00, 0x61]), codec: .snappy, limit: 256 * 1024 * 1024)
        }
        #expect(error.message == "corrupt snappy block")
    }

    // MARK: Response decoders

    /// Finding: DeleteTopics v5 accepted a null topic name (nullable only from v6), and the decoded response
    /// could not be encoded again.
    @Test func nullWhereTheVersionForbidsItIsABadFrame() throws {
        var v5 = ByteBuffer(bytes: [0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00])
        let error = try #require(throws: WireError.self) { try DeleteTopicsResponse(from: &v5, version: 5) }
        #expect(error.field == "DeletableTopicResult.Name")
        var v6 = ByteBuffer(bytes: [0x00, 0x00, 0x00, 0x00, 0x02, 0x00] + [UInt8](repeating: 0, count: 16) + [0x00, 0x00, 0x00, 0x00, 0x00])
        #expect(try DeleteTopicsResponse(from: &v6, version: 6).responses.first?.name == nil)
        // JoinGroup v3's ProtocolName is nullable from v7 only.
        var join = ByteBuffer(bytes: [0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(throws: WireError.self) { try JoinGroupResponse(from: &join, version: 3) }
    }

    /// Finding: a 17 KB host of 0xfe bytes decoded as 17 K replacement characters (51 KB of UTF-8), which
    /// re-encoded with a truncated, negative int16 length. Strings that are not UTF-8 are a bad frame now.
    @Test func aStringThatIsNotUTF8IsABadFrame() throws {
        var response = ByteBuffer(bytes: [0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 1, 0, 3, 0xfe, 0xfe, 0xfe, 0, 0, 0x23, 0x84])
        let error = try #require(throws: WireError.self) { try FindCoordinatorResponse(from: &response, version: 2) }
        #expect(error.field == "FindCoordinatorResponse.Host")
        #expect(error.reason == .invalid("not UTF-8"))
        var valid = ByteBuffer(bytes: [0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 1, 0, 3, 0xc3, 0xa9, 0x61, 0, 0, 0x23, 0x84])
        #expect(try FindCoordinatorResponse(from: &valid, version: 2).host == "éa")
    }

    /// Review: an array count was checked against the bytes left at one byte per element, so a 1 MiB frame
    /// could make a decoder reserve a million structs. Counts are now checked against each element's smallest
    /// encoding, and fail at the count.
    @Test func anArrayCountTheBytesLeftCannotHoldFailsAtTheCount() throws {
        // Metadata v12: throttle, then a compact brokers count of 20 over 40 bytes (a broker takes at least 11).
        var response = ByteBuffer(bytes: [0, 0, 0, 0, 21] + [UInt8](repeating: 0, count: 40))
        let error = try #require(throws: WireError.self) { try MetadataResponse(from: &response, version: 12) }
        #expect(error.field == "MetadataResponse.Brokers")
        #expect(response.readerIndex == 4, "the count is not consumed")
    }

    // MARK: Handshake

    /// Review, while writing the SCRAM target: a server-first message could ask for any iteration count
    /// (`i=2000000000` keeps PBKDF2 busy for an hour). Kafka stores credentials with 4096...16384 only.
    @Test func aServerAskingForMoreIterationsThanKafkaAllowsIsRefused() throws {
        let nonce = "rOprNGfwEbeRWgbNEkqO"
        let first = "r=\(nonce)xyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i="
        #expect(throws: SCRAMClient.Failure.self) { try ServerFirstMessage(first + "2000000000", clientNonce: nonce) }
        #expect(throws: SCRAMClient.Failure.self) { try ServerFirstMessage(first + "16385", clientNonce: nonce) }
        #expect(try ServerFirstMessage(first + "16384", clientNonce: nonce).iterations == 16384)
        var client = SCRAMClient(hash: .sha256, username: "user", password: Secret("pencil"), clientNonce: nonce)
        #expect(throws: SCRAMClient.Failure.self) { try client.clientFinalMessage(serverFirst: Array((first + "99999999").utf8)) }
    }

    /// Review: an UNSUPPORTED_VERSION answer naming a negative maximum for ApiVersions made the client ask
    /// again at a negative version.
    @Test func anApiVersionsFallbackNeverGoesBelowVersionZero() throws {
        func answer(maxVersion: Int16) -> ByteBuffer {
            ByteBuffer(bytes: [0x00, 0x23, 0, 0, 0, 1, 0x00, 0x12, 0x00, 0x00] + withUnsafeBytes(of: maxVersion.bigEndian) { Array($0) })
        }
        #expect(try ApiVersionsAnswer(answer(maxVersion: -3), requestedVersion: 3) == .noCommonVersion)
        #expect(try ApiVersionsAnswer(answer(maxVersion: 2), requestedVersion: 3) == .retry(2))
        #expect(try ApiVersionsAnswer(answer(maxVersion: 9), requestedVersion: 3) == .retry(2))
        #expect(try ApiVersionsAnswer(answer(maxVersion: 0), requestedVersion: 0) == .noCommonVersion)
        #expect(try ApiVersionsAnswer(ByteBuffer(bytes: [0x00, 0x23, 0, 0, 0, 0]), requestedVersion: 1) == .retry(0))
    }
}
