@testable import AdminCore
import Foundation
import NIOCore
import Testing

/// Record batch v2 against protocol.md §4.8's golden batch (computed outside our encoder), CRC-32C and
/// murmur2 against their published vectors, and every codec by round trip.
@Suite struct RecordBatchTests {
    static let goldenTwoRecords: [UInt8] = hexBytes("""
        00 00 00 00 00 00 00 00  00 00 00 51  ff ff ff ff
        02  b1 37 fd fe  00 00  00 00 00 01
        00 00 01 8b cf e5 68 00  00 00 01 8b cf e5 68 05
        ff ff ff ff ff ff ff ff  ff ff  ff ff ff ff
        00 00 00 02
        1e 00 00 00 08 6b 65 79 31 0a 68 65 6c 6c 6f 00
        1e 00 0a 02 01 0a 77 6f 72 6c 64 02 02 68 02 76
        """)

    @Test func crc32cOfTheStandardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
    }

    @Test func crc32cIsTheSameInPiecesAndWhole() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = CRC32C.checksum(bytes)
        let first = bytes[..<333].withUnsafeBytes { CRC32C.update(0, $0) }
        let both = bytes[333...].withUnsafeBytes { CRC32C.update(first, $0) }
        #expect(whole == both)
    }

    @Test func crc32cTablesMatchTheCheckValueAndTheInstruction() {
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32C.tableUpdate(0, $0) } == 0xE306_9283)
        // Every length 0...70 and every alignment 0...7: the instruction path's 8-byte loop and byte tail.
        let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ ($0 >> 7)) }
        for start in 0..<8 {
            for length in 0...70 {
                let slice = bytes[start..<(start + length)]
                let table = slice.withUnsafeBytes { CRC32C.tableUpdate(0, $0) }
                let used = slice.withUnsafeBytes { CRC32C.update(0, $0) }
                #expect(table == used, "start \(start) length \(length)")
            }
        }
        #expect(bytes.withUnsafeBytes { CRC32C.tableUpdate(0, $0) } == CRC32C.checksum(bytes))
    }

    @Test func crc32cUsesTheInstructionWhereTheCPUHasIt() throws {
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        #expect(CRC32C.usesHardware == (cpuinfo.contains(" sse4_2") || cpuinfo.contains(" crc32")))
    }

    @Test func buildsTheGoldenBatchByteForByte() throws {
        var builder = RecordBatchBuilder()
        builder.append(key: ByteBuffer(string: "key1"), value: ByteBuffer(string: "hello"), timestamp: 1_700_000_000_000)
        builder.append(key: nil, value: ByteBuffer(string: "world"),
                       headers: [RecordHeader(key: "h", value: ByteBuffer(string: "v"))], timestamp: 1_700_000_000_005)
        let batch = try builder.build()
        #expect(Array(batch.readableBytesView) == Self.goldenTwoRecords)
    }

    @Test func buildsTheGoldenOneRecordBatch() throws {
        var builder = RecordBatchBuilder()
        builder.append(key: nil, value: ByteBuffer(string: "hi"), timestamp: 1_700_000_000_000)
        let batch = try builder.build()
        #expect(batch.readableBytes == 70)
        #expect(batch.getInteger(at: 17, as: UInt32.self) == 0xbbcc_4115)
    }

    @Test func readsTheGoldenBatch() throws {
        var reader = RecordBatchReader(ByteBuffer(bytes: Self.goldenTwoRecords))
        let batch = try #require(try reader.next())
        #expect(try reader.next() == nil)
        #expect(batch.nextOffset == 2)
        #expect(batch.records.count == 2)
        #expect(batch.records[0].key == ByteBuffer(string: "key1"))
        #expect(batch.records[0].value == ByteBuffer(string: "hello"))
        #expect(batch.records[1].key == nil)
        #expect(batch.records[1].timestamp == 1_700_000_000_005)
        #expect(batch.records[1].offset == 1)
        #expect(batch.records[1].headers == [RecordHeader(key: "h", value: ByteBuffer(string: "v"))])
    }

    @Test func aCorruptedByteFailsTheCRCAndNamesTheOffset() throws {
        var bytes = Self.goldenTwoRecords
        bytes[70] ^= 0x01
        var reader = RecordBatchReader(ByteBuffer(bytes: bytes))
        let error = #expect(throws: CorruptBatchError.self) { try reader.next() }
        #expect(error?.description.contains("CRC mismatch") == true)
        #expect(error?.offset == 0)
    }

    @Test func aPartialBatchAtTheEndIsLeftForTheNextFetch() throws {
        var reader = RecordBatchReader(ByteBuffer(bytes: Self.goldenTwoRecords + Self.goldenTwoRecords.prefix(40)))
        #expect(try reader.next() != nil)
        #expect(try reader.next() == nil)
    }

    @Test("every codec round-trips", arguments: CompressionCodec.allCases)
    func codecRoundTrip(codec: CompressionCodec) throws {
        var builder = RecordBatchBuilder()
        for index in 0..<5000 {
            builder.append(key: index % 3 == 0 ? nil : ByteBuffer(string: "key-\(index)"),
                           value: index % 7 == 0 ? nil : ByteBuffer(string: String(repeating: "value \(index) ", count: 3)),
                           headers: index % 5 == 0 ? [RecordHeader(key: "n", value: ByteBuffer(string: "\(index)"))] : [],
                           timestamp: 1_700_000_000_000 + Int64(index))
        }
        let batch = try builder.build(compression: codec)
        #expect(batch.getInteger(at: 21, as: Int16.self)! & 7 == codec.rawValue)
        if codec != .none { #expect(batch.readableBytes < builder.uncompressedSize) }
        var reader = RecordBatchReader(batch)
        let read = try #require(try reader.next())
        #expect(read.compression == codec)
        #expect(read.records.count == 5000)
        #expect(read.records[4999].value == ByteBuffer(string: String(repeating: "value 4999 ", count: 3)))
        #expect(read.records[3].key == nil)
        #expect(read.records[7].value == nil)
        #expect(read.records[10].headers.first?.value == ByteBuffer(string: "10"))
        #expect(read.records[4999].timestamp == 1_700_000_004_999)
    }

    @Test func decompressionIsCappedBelowTheLimit() throws {
        var builder = RecordBatchBuilder()
        builder.append(key: nil, value: ByteBuffer(repeating: 0, count: 100_000), timestamp: 0)
        let batch = try builder.build(compression: .zstd)
        var reader = RecordBatchReader(batch, decompressionLimit: 10_000)
        #expect(throws: CorruptBatchError.self) { try reader.next() }
    }

    @Test func rawSnappyWithoutXerialFramingIsRead() throws {
        // What some non-Java producers write: a bare snappy block.
        let framed = try Array("hello hello hello hello".utf8).withUnsafeBytes { raw -> ByteBuffer in
            var out = ByteBuffer()
            try Snappy.compress(raw, into: &out)
            return out
        }
        let rawBlock = framed.getSlice(at: 20, length: framed.readableBytes - 20)!
        let decoded = try Compression.decompress(rawBlock, codec: .snappy, limit: 1000)
        #expect(String(buffer: decoded) == "hello hello hello hello")
    }

    @Test func murmur2MatchesKafkasVectors() {
        let vectors: [(String, Int32)] = [
            ("key1", 28_543_940), ("kafka", -798_503_068), ("foobar", -790_332_482), ("", 275_646_681),
            ("21", -973_932_308), ("abc", 479_470_107), ("a-little-bit-long-string", -985_981_536),
            ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971),
        ]
        for (key, expected) in vectors { #expect(Murmur2.hash(Array(key.utf8)) == expected, "\(key)") }
        #expect(Murmur2.partition(forKey: Array("key1".utf8), partitionCount: 3) == 2)
        #expect(Murmur2.partition(forKey: Array("kafka".utf8), partitionCount: 3) == 1)
        #expect(Murmur2.partition(forKey: Array("foobar".utf8), partitionCount: 3) == 0)
    }
}

func hexBytes(_ text: String) -> [UInt8] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { UInt8($0, radix: 16)! }
}
