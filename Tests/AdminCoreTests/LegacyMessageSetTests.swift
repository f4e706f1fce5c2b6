@testable import AdminCore
import CZlib
import NIOCore
import Testing

/// Message sets of magic 0 and 1 (protocol.md §4.7), built here byte by byte with zlib's CRC-32 and gzip, as a
/// broker before Kafka 4.0 serves old data: plain messages, compressed wrappers (magic 1 with relative inner
/// offsets, magic 0 with absolute ones), nulls, timestamps, and the errors a damaged message gives.
@Suite struct LegacyMessageSetTests {
    /// One log entry: `Offset int64, MessageSize int32, Crc uint32, Magic, Attributes, [Timestamp], Key, Value`.
    static func entry(
        offset: Int64, magic: Int8, attributes: Int8 = 0, timestamp: Int64 = 0, key: [UInt8]?, value: [UInt8]?
    ) -> [UInt8] {
        var body: [UInt8] = [UInt8(bitPattern: magic), UInt8(bitPattern: attributes)]
        if magic == 1 { body += bigEndian(timestamp) }
        for bytes in [key, value] {
            if let bytes {
                body += bigEndian(Int32(bytes.count)) + bytes
            } else {
                body += bigEndian(Int32(-1))
            }
        }
        let crc = body.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        let message = bigEndian(crc) + body
        return bigEndian(offset) + bigEndian(Int32(message.count)) + message
    }

    static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    /// A gzip stream (RFC 1952) of `input`, straight from zlib.
    static func gzip(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        try #require(kafkactl_deflateInit2(&stream, Z_DEFAULT_COMPRESSION, 15 + 16) == Z_OK)
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
        var input = input
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        try #require(status == Z_STREAM_END)
        return Array(output.prefix(output.count - Int(stream.avail_out)))
    }

    /// Every batch `bytes` holds, in order.
    static func readAll(_ bytes: [UInt8]) throws -> [RecordBatch] {
        var reader = RecordBatchReader(ByteBuffer(bytes: bytes))
        var batches: [RecordBatch] = []
        while let batch = try reader.next() { batches.append(batch) }
        return batches
    }

    static func text(_ buffer: ByteBuffer?) -> String? { buffer.map { String(buffer: $0) } }

    @Test func theHandBuiltCRCIsZlibsCRC32() {
        // The standard check value of CRC-32 (IEEE): a wrong polynomial here would make every test below meaningless.
        let check = Array("123456789".utf8).withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        #expect(check == 0xCBF4_3926)
    }

    @Test func magicZeroMessagesHaveNoTimestampAndKeepKeysValuesAndOffsets() throws {
        let bytes = Self.entry(offset: 5, magic: 0, key: Array("k5".utf8), value: Array("v5".utf8))
            + Self.entry(offset: 6, magic: 0, key: nil, value: Array("v6".utf8))
            + Self.entry(offset: 7, magic: 0, key: Array("k7".utf8), value: nil)
        let batches = try Self.readAll(bytes)
        let records = batches.flatMap(\.records)
        #expect(records.map(\.offset) == [5, 6, 7])
        #expect(records.map { Self.text($0.key) } == ["k5", nil, "k7"])
        #expect(records.map { Self.text($0.value) } == ["v5", "v6", nil])
        #expect(records.allSatisfy { $0.timestamp == -1 && !$0.isLogAppendTime && $0.headers.isEmpty })
        #expect(batches.map(\.magic) == [0, 0, 0])
        #expect(batches.map(\.nextOffset) == [6, 7, 8])
        #expect(batches.allSatisfy { !$0.isControl && !$0.isTransactional && $0.compression == .none })
    }

    @Test func magicOneMessagesCarryTheirCreateTime() throws {
        let bytes = Self.entry(offset: 0, magic: 1, timestamp: 1_500_000_000_000, key: Array("a".utf8), value: Array("1".utf8))
            + Self.entry(offset: 1, magic: 1, timestamp: 1_500_000_000_007, key: Array("b".utf8), value: Array("2".utf8))
        let records = try Self.readAll(bytes).flatMap(\.records)
        #expect(records.map(\.offset) == [0, 1])
        #expect(records.map(\.timestamp) == [1_500_000_000_000, 1_500_000_000_007])
        #expect(records.allSatisfy { !$0.isLogAppendTime })
        #expect(records.map { Self.text($0.value) } == ["1", "2"])
    }

    @Test func aMagicOneMessageMarkedLogAppendTimeSaysSo() throws {
        let bytes = Self.entry(offset: 3, magic: 1, attributes: 0x08, timestamp: 1_600_000_000_000, key: nil, value: Array("x".utf8))
        let record = try #require(try Self.readAll(bytes).first?.records.first)
        #expect(record.timestamp == 1_600_000_000_000)
        #expect(record.isLogAppendTime)
    }

    @Test func aGzipMagicOneWrapperGetsAbsoluteOffsetsFromItsLastInnerMessage() throws {
        // Inner offsets 0, 1, 2 are relative; the wrapper's offset (102) is the absolute offset of the last one.
        let inner = Self.entry(offset: 0, magic: 1, timestamp: 1_000, key: Array("k0".utf8), value: Array("zero".utf8))
            + Self.entry(offset: 1, magic: 1, timestamp: 1_001, key: nil, value: Array("one".utf8))
            + Self.entry(offset: 2, magic: 1, timestamp: 1_002, key: Array("k2".utf8), value: nil)
        let wrapper = Self.entry(offset: 102, magic: 1, attributes: 1, timestamp: 1_002, key: nil, value: try Self.gzip(inner))
        let batches = try Self.readAll(wrapper)
        #expect(batches.count == 1)
        let batch = try #require(batches.first)
        #expect(batch.compression == .gzip)
        #expect(batch.baseOffset == 100)
        #expect(batch.nextOffset == 103)
        #expect(batch.records.map(\.offset) == [100, 101, 102])
        #expect(batch.records.map(\.timestamp) == [1_000, 1_001, 1_002])
        #expect(batch.records.map { Self.text($0.key) } == ["k0", nil, "k2"])
        #expect(batch.records.map { Self.text($0.value) } == ["zero", "one", nil])
        #expect(RecordBatchReader.nextOffset(after: ByteBuffer(bytes: wrapper)) == 103)
    }

    @Test func aLogAppendTimeWrapperGivesEveryInnerMessageTheWrappersTime() throws {
        let inner = Self.entry(offset: 0, magic: 1, timestamp: 1, key: nil, value: Array("a".utf8))
            + Self.entry(offset: 1, magic: 1, timestamp: 2, key: nil, value: Array("b".utf8))
        let wrapper = Self.entry(offset: 11, magic: 1, attributes: 0x08 | 1, timestamp: 1_700_000_000_000, key: nil,
                                 value: try Self.gzip(inner))
        let records = try Self.readAll(wrapper).flatMap(\.records)
        #expect(records.map(\.offset) == [10, 11])
        #expect(records.allSatisfy { $0.timestamp == 1_700_000_000_000 && $0.isLogAppendTime })
    }

    @Test func aGzipMagicZeroWrapperKeepsItsAbsoluteInnerOffsets() throws {
        let inner = Self.entry(offset: 40, magic: 0, key: nil, value: Array("forty".utf8))
            + Self.entry(offset: 41, magic: 0, key: nil, value: Array("forty-one".utf8))
        let wrapper = Self.entry(offset: 41, magic: 0, attributes: 1, key: nil, value: try Self.gzip(inner))
        let batch = try #require(try Self.readAll(wrapper).first)
        #expect(batch.records.map(\.offset) == [40, 41])
        #expect(batch.records.map { Self.text($0.value) } == ["forty", "forty-one"])
        #expect(batch.nextOffset == 42)
    }

    @Test func plainAndCompressedLegacyEntriesFollowEachOtherInOneBlob() throws {
        let inner = Self.entry(offset: 0, magic: 1, timestamp: 9, key: nil, value: Array("b".utf8))
            + Self.entry(offset: 1, magic: 1, timestamp: 9, key: nil, value: Array("c".utf8))
        let bytes = Self.entry(offset: 0, magic: 1, timestamp: 9, key: nil, value: Array("a".utf8))
            + Self.entry(offset: 2, magic: 1, attributes: 1, timestamp: 9, key: nil, value: try Self.gzip(inner))
            + Self.entry(offset: 3, magic: 0, key: nil, value: Array("d".utf8))
        let records = try Self.readAll(bytes).flatMap(\.records)
        #expect(records.map(\.offset) == [0, 1, 2, 3])
        #expect(records.map { Self.text($0.value) } == ["a", "b", "c", "d"])
        #expect(RecordBatchReader.nextOffset(after: ByteBuffer(bytes: bytes)) == 4)
    }

    @Test func aLegacyEntryThenAVersionTwoBatchAreBothRead() throws {
        // A topic upgraded in place: old messages, then new batches, in one fetch.
        var builder = RecordBatchBuilder()
        builder.append(key: nil, value: ByteBuffer(string: "new"), timestamp: 5)
        var batch = try builder.build()
        batch.setInteger(Int64(1), at: 0)  // BaseOffset is not covered by the CRC
        let bytes = Self.entry(offset: 0, magic: 1, timestamp: 4, key: nil, value: Array("old".utf8)) + Array(batch.readableBytesView)
        let batches = try Self.readAll(bytes)
        #expect(batches.map(\.magic) == [1, 2])
        #expect(batches.flatMap(\.records).map(\.offset) == [0, 1])
        #expect(batches.flatMap(\.records).map { Self.text($0.value) } == ["old", "new"])
    }

    @Test func aPartialLegacyEntryAtTheEndIsLeftForTheNextFetch() throws {
        let whole = Self.entry(offset: 0, magic: 0, key: nil, value: Array("whole".utf8))
        let cut = Array(Self.entry(offset: 1, magic: 0, key: nil, value: Array("cut short".utf8)).prefix(20))
        let records = try Self.readAll(whole + cut).flatMap(\.records)
        #expect(records.map(\.offset) == [0])
        #expect(RecordBatchReader.nextOffset(after: ByteBuffer(bytes: whole + cut)) == 1)
    }

    @Test(arguments: [Int8(0), Int8(1)])
    func aCorruptedByteFailsTheCRCAndNamesTheOffset(magic: Int8) throws {
        var bytes = Self.entry(offset: 77, magic: magic, timestamp: 3, key: Array("key".utf8), value: Array("value".utf8))
        bytes[bytes.count - 2] ^= 0x20
        let error = #expect(throws: CorruptBatchError.self) { try Self.readAll(bytes) }
        #expect(error?.offset == 77)
        #expect(error?.description.contains("offset 77") == true)
        #expect(error?.description.contains("CRC") == true)
    }

    @Test func aCorruptInnerMessageOfAWrapperIsAnError() throws {
        var inner = Self.entry(offset: 0, magic: 1, timestamp: 1, key: nil, value: Array("payload".utf8))
        inner[inner.count - 1] ^= 0x01
        let wrapper = Self.entry(offset: 500, magic: 1, attributes: 1, timestamp: 1, key: nil, value: try Self.gzip(inner))
        #expect(throws: CorruptBatchError.self) { try Self.readAll(wrapper) }
    }

    @Test func aWrapperWhoseValueIsNotGzipNamesItsOffset() throws {
        let wrapper = Self.entry(offset: 9, magic: 1, attributes: 1, timestamp: 1, key: nil, value: Array("not gzip at all".utf8))
        let error = #expect(throws: CorruptBatchError.self) { try Self.readAll(wrapper) }
        #expect(error?.offset == 9)
    }

    @Test func zstdIsNotAllowedInALegacyMessage() throws {
        let wrapper = Self.entry(offset: 12, magic: 1, attributes: 4, timestamp: 1, key: nil, value: [1, 2, 3])
        let error = #expect(throws: CorruptBatchError.self) { try Self.readAll(wrapper) }
        #expect(error?.offset == 12)
    }

    @Test func anUnknownMagicIsAnErrorNamingTheOffset() throws {
        var bytes = Self.entry(offset: 31, magic: 1, timestamp: 1, key: nil, value: Array("v".utf8))
        bytes[16] = 3
        let error = #expect(throws: CorruptBatchError.self) { try Self.readAll(bytes) }
        #expect(error?.offset == 31)
        #expect(error?.description.contains("magic") == true)
    }
}
