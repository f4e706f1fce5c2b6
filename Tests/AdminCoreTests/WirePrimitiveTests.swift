import NIOCore
import Testing

@testable import AdminCore

/// The examples of protocol.md sections 2.1-2.3, byte for byte and in both directions, and the ways a reader must
/// refuse bytes that cannot be genuine.
@Suite("Wire primitives")
struct WirePrimitiveTests {
    // MARK: Fixed-size values (section 2.1)

    @Test("bool true is 01 and false is 00, both ways")
    func bool() throws {
        for (value, hex) in [(true, "01"), (false, "00")] {
            #expect(encoded { $0.writeKafkaBool(value) } == Hex.bytes(hex))
            #expect(try decodedExactly(Hex.bytes(hex)) { try $0.readKafkaBool(field: "B") } == value)
        }
    }

    @Test("any non-zero byte reads as true")
    func boolNonZero() throws {
        #expect(try decodedExactly([0x02]) { try $0.readKafkaBool(field: "B") })
    }

    @Test("int8 -1 is ff")
    func int8() throws {
        #expect(encoded { $0.writeInteger(Int8(-1)) } == [0xff])
        #expect(try decodedExactly([0xff]) { try $0.readKafkaInteger(as: Int8.self, field: "I") } == -1)
    }

    @Test("int16 is two big-endian bytes", arguments: [(Int16(1), "00 01"), (-1, "ff ff")])
    func int16(value: Int16, hex: String) throws {
        #expect(encoded { $0.writeInteger(value) } == Hex.bytes(hex))
        #expect(try decodedExactly(Hex.bytes(hex)) { try $0.readKafkaInteger(as: Int16.self, field: "I") } == value)
    }

    @Test("int32 35 is 00 00 00 23")
    func int32() throws {
        #expect(encoded { $0.writeInteger(Int32(35)) } == Hex.bytes("00 00 00 23"))
        let decoded = try decodedExactly([0, 0, 0, 0x23]) { try $0.readKafkaInteger(as: Int32.self, field: "I") }
        #expect(decoded == 35)
    }

    @Test("int64 -1 is eight ff bytes")
    func int64() throws {
        let hex = "ff ff ff ff ff ff ff ff"
        #expect(encoded { $0.writeInteger(Int64(-1)) } == Hex.bytes(hex))
        #expect(try decodedExactly(Hex.bytes(hex)) { try $0.readKafkaInteger(as: Int64.self, field: "I") } == -1)
    }

    @Test("uint32 is unsigned and big-endian (the batch CRC)")
    func uint32() throws {
        let hex = "b1 37 fd fe"
        #expect(encoded { $0.writeInteger(UInt32(0xb137_fdfe)) } == Hex.bytes(hex))
        let decoded = try decodedExactly(Hex.bytes(hex)) { try $0.readKafkaInteger(as: UInt32.self, field: "C") }
        #expect(decoded == 0xb137_fdfe)
    }

    @Test("float64 is an IEEE 754 double, big-endian")
    func float64() throws {
        let hex = "3f f8 00 00 00 00 00 00"
        #expect(encoded { $0.writeKafkaFloat64(1.5) } == Hex.bytes(hex))
        #expect(try decodedExactly(Hex.bytes(hex)) { try $0.readKafkaFloat64(field: "F") } == 1.5)
    }

    // MARK: UUID

    @Test("the zero UUID is sixteen 00 bytes")
    func zeroUUID() throws {
        let bytes = [UInt8](repeating: 0, count: 16)
        #expect(encoded { $0.writeKafkaUUID(.zero) } == bytes)
        let decoded = try decodedExactly(bytes) { try $0.readKafkaUUID(field: "U") }
        #expect(decoded == .zero)
        #expect(decoded.isZero)
    }

    @Test("a UUID is its most significant 64 bits, then its least significant 64 bits, both big-endian")
    func uuidByteOrder() throws {
        let uuid = KafkaUUID(mostSignificantBits: 0x0001_0203_0405_0607, leastSignificantBits: 0x0809_0a0b_0c0d_0e0f)
        let bytes = Array(UInt8(0)..<16)
        #expect(encoded { $0.writeKafkaUUID(uuid) } == bytes)
        #expect(uuid.bytes == bytes)
        #expect(try decodedExactly(bytes) { try $0.readKafkaUUID(field: "U") } == uuid)
    }

    // MARK: Strings

    @Test(
        "classic strings have an int16 length, compact ones N+1 as a varint",
        arguments: [
            ("ab", false, "00 02 61 62"),
            ("", false, "00 00"),
            ("ab", true, "03 61 62"),
            ("", true, "01"),
            ("kafkactl", false, "00 08 6b 61 66 6b 61 63 74 6c"),
            ("ü", true, "03 c3 bc"),
        ])
    func string(value: String, compact: Bool, hex: String) throws {
        #expect(encoded { $0.writeKafkaString(value, compact: compact) } == Hex.bytes(hex))
        #expect(encoded { $0.writeKafkaNullableString(value, compact: compact) } == Hex.bytes(hex))
        #expect(try decodedExactly(Hex.bytes(hex)) { try $0.readKafkaString(compact: compact, field: "S") } == value)
        #expect(
            try decodedExactly(Hex.bytes(hex)) { try $0.readKafkaNullableString(compact: compact, field: "S") }
                == value)
    }

    @Test("a null string is ff ff classically and 00 compactly", arguments: [(false, "ff ff"), (true, "00")])
    func nullString(compact: Bool, hex: String) throws {
        #expect(encoded { $0.writeKafkaNullableString(nil, compact: compact) } == Hex.bytes(hex))
        #expect(
            try decodedExactly(Hex.bytes(hex)) { try $0.readKafkaNullableString(compact: compact, field: "S") } == nil)
    }

    @Test("null where a string is required is an error naming the field", arguments: [(false, "ff ff"), (true, "00")])
    func nullWhereStringRequired(compact: Bool, hex: String) {
        var buffer = Hex.buffer(hex)
        #expect(throws: WireError.invalid("Topic.Name", "null where a string is required")) {
            try buffer.readKafkaString(compact: compact, field: "Topic.Name")
        }
    }

    @Test("a string longer than 127 bytes takes a two-byte compact length")
    func longCompactString() throws {
        let value = String(repeating: "x", count: 200)
        let bytes = encoded { $0.writeKafkaString(value, compact: true) }
        #expect(Array(bytes.prefix(2)) == [0xc9, 0x01])  // 201 = N+1
        #expect(bytes.count == 202)
        #expect(try decodedExactly(bytes) { try $0.readKafkaString(compact: true, field: "S") } == value)
    }

    // MARK: Bytes

    @Test(
        "bytes have an int32 length classically and N+1 compactly",
        arguments: [
            ([UInt8]([1, 2]), false, "00 00 00 02 01 02"),
            ([], false, "00 00 00 00"),
            ([1, 2], true, "03 01 02"),
            ([], true, "01"),
        ])
    func bytes(value: [UInt8], compact: Bool, hex: String) throws {
        let buffer = ByteBuffer(bytes: value)
        #expect(encoded { $0.writeKafkaBytes(buffer, compact: compact) } == Hex.bytes(hex))
        #expect(encoded { $0.writeKafkaNullableBytes(buffer, compact: compact) } == Hex.bytes(hex))
        #expect(try decodedExactly(Hex.bytes(hex)) { try $0.readKafkaBytes(compact: compact, field: "B") } == buffer)
        #expect(
            try decodedExactly(Hex.bytes(hex)) { try $0.readKafkaNullableBytes(compact: compact, field: "B") }
                == buffer)
    }

    @Test("null bytes are ff ff ff ff classically and 00 compactly", arguments: [(false, "ff ff ff ff"), (true, "00")])
    func nullBytes(compact: Bool, hex: String) throws {
        #expect(encoded { $0.writeKafkaNullableBytes(nil, compact: compact) } == Hex.bytes(hex))
        #expect(
            try decodedExactly(Hex.bytes(hex)) { try $0.readKafkaNullableBytes(compact: compact, field: "B") } == nil)
        var buffer = Hex.buffer(hex)
        #expect(throws: WireError.invalid("R", "null where bytes are required")) {
            try buffer.readKafkaBytes(compact: compact, field: "R")
        }
    }

    // MARK: Arrays

    static func writeInt32Array(_ values: [Int32]?, compact: Bool, into buffer: inout ByteBuffer) {
        buffer.writeKafkaArrayLength(values?.count, compact: compact)
        for value in values ?? [] { buffer.writeInteger(value) }
    }

    static func readInt32Array(compact: Bool, from buffer: inout ByteBuffer) throws -> [Int32]? {
        guard let count = try buffer.readKafkaArrayLength(compact: compact, field: "A") else { return nil }
        return try (0..<count).map { _ in try buffer.readKafkaInteger(as: Int32.self, field: "A") }
    }

    @Test(
        "arrays have an int32 count classically and N+1 compactly, null is -1 or 0",
        arguments: [
            ([Int32]([1, 2]) as [Int32]?, false, "00 00 00 02 00 00 00 01 00 00 00 02"),
            ([], false, "00 00 00 00"),
            (nil, false, "ff ff ff ff"),
            ([1, 2], true, "03 00 00 00 01 00 00 00 02"),
            ([], true, "01"),
            (nil, true, "00"),
        ])
    func array(value: [Int32]?, compact: Bool, hex: String) throws {
        #expect(encoded { Self.writeInt32Array(value, compact: compact, into: &$0) } == Hex.bytes(hex))
        #expect(try decodedExactly(Hex.bytes(hex)) { try Self.readInt32Array(compact: compact, from: &$0) } == value)
    }

    // MARK: Variable-length integers (section 2.2)

    @Test(
        "unsigned varints carry 7 bits per byte, least significant group first",
        arguments: [
            (UInt64(0), "00"), (1, "01"), (127, "7f"), (128, "80 01"), (300, "ac 02"), (16383, "ff 7f"),
            (16384, "80 80 01"), (2_147_483_647, "ff ff ff ff 07"),
        ])
    func unsignedVarint(value: UInt64, hex: String) throws {
        let bytes = Hex.bytes(hex)
        var written = 0
        #expect(encoded { written = $0.writeUnsignedVarint(value) } == bytes)
        #expect(written == bytes.count)
        #expect(encoded { $0.writeUnsignedVarint(Int(value)) } == bytes)
        #expect(ByteBuffer.unsignedVarintSize(value) == bytes.count)
        #expect(try decodedExactly(bytes) { try $0.readUnsignedVarint(field: "V") } == value)
    }

    @Test(
        "signed varints are zig-zag encoded",
        arguments: [
            (Int32(0), "00"), (-1, "01"), (1, "02"), (-2, "03"), (63, "7e"), (-64, "7f"), (64, "80 01"),
            (150, "ac 02"), (300, "d8 04"), (-300, "d7 04"), (Int32.min, "ff ff ff ff 0f"),
            (Int32.max, "fe ff ff ff 0f"),
        ])
    func varint(value: Int32, hex: String) throws {
        let bytes = Hex.bytes(hex)
        var written = 0
        #expect(encoded { written = $0.writeVarint(value) } == bytes)
        #expect(written == bytes.count)
        #expect(ByteBuffer.varintSize(value) == bytes.count)
        #expect(try decodedExactly(bytes) { try $0.readVarint(field: "V") } == value)
    }

    @Test(
        "varlongs are zig-zag encoded in at most 10 bytes",
        arguments: [
            (Int64(-1), "01"), (1_700_000_000_000, "80 a0 ab fe f9 62"), (Int64.max, "fe ff ff ff ff ff ff ff ff 01"),
            (Int64.min, "ff ff ff ff ff ff ff ff ff 01"), (0, "00"),
        ])
    func varlong(value: Int64, hex: String) throws {
        let bytes = Hex.bytes(hex)
        var written = 0
        #expect(encoded { written = $0.writeVarlong(value) } == bytes)
        #expect(written == bytes.count)
        #expect(ByteBuffer.varlongSize(value) == bytes.count)
        #expect(try decodedExactly(bytes) { try $0.readVarlong(field: "V") } == value)
    }

    @Test("a varint longer than 5 bytes is rejected and nothing is consumed")
    func overlongVarint() {
        for hex in ["80 80 80 80 80 01", "ff ff ff ff ff 7f"] {
            var buffer = Hex.buffer(hex)
            #expect(throws: WireError.invalid("V", "varint longer than 5 bytes")) {
                try buffer.readUnsignedVarint(field: "V")
            }
            #expect(buffer.readerIndex == 0)
            #expect(throws: WireError.self) { try buffer.readVarint(field: "V") }
            #expect(buffer.readerIndex == 0)
        }
    }

    @Test("a compact length written as a 6-byte varint is rejected")
    func overlongCompactLength() {
        var buffer = Hex.buffer("83 80 80 80 80 00 61 62")
        #expect(throws: WireError.invalid("S", "varint longer than 5 bytes")) {
            try buffer.readKafkaString(compact: true, field: "S")
        }
    }

    @Test("a 5-byte signed varint wider than 32 bits is rejected")
    func varintWiderThan32Bits() {
        var buffer = Hex.buffer("ff ff ff ff 1f")
        #expect(throws: WireError.invalid("V", "varint exceeds 32 bits")) { try buffer.readVarint(field: "V") }
    }

    @Test("a varlong longer than 10 bytes is rejected")
    func overlongVarlong() {
        var buffer = Hex.buffer("80 80 80 80 80 80 80 80 80 80 01")
        #expect(throws: WireError.invalid("L", "varint longer than 10 bytes")) { try buffer.readVarlong(field: "L") }
        #expect(buffer.readerIndex == 0)
    }

    // MARK: Tagged fields (section 2.3)

    @Test("FinalizedFeaturesEpoch (tag 1, int64) = 5 is 01 01 08 00 00 00 00 00 00 00 05")
    func taggedFieldExample() throws {
        let bytes = Hex.bytes("01 01 08 00 00 00 00 00 00 00 05")
        var writer = TaggedFieldWriter()
        writer.add(tag: 1) { $0.writeInteger(Int64(5)) }
        #expect(encoded { writer.write(into: &$0) } == bytes)

        let field = try decodedExactly(bytes) { buffer -> TaggedField in
            #expect(try buffer.readTaggedFieldCount(field: "T") == 1)
            return try buffer.readTaggedField(field: "T")
        }
        #expect(field.tag == 1)
        var value = field.value
        #expect(try value.readKafkaInteger(as: Int64.self, field: "T") == 5)
        #expect(value.readableBytes == 0)
    }

    @Test("an empty tagged-field section is the single byte 00")
    func emptyTaggedSection() throws {
        #expect(encoded { $0.writeTaggedFields([]) } == [0x00])
        #expect(encoded { TaggedFieldWriter().write(into: &$0) } == [0x00])
        #expect(try decodedExactly([0x00]) { try $0.readTaggedFieldCount(field: "T") } == 0)
    }

    @Test("tagged fields are written in ascending tag order, whatever order they were added in")
    func taggedFieldsAscending() {
        var writer = TaggedFieldWriter()
        writer.add(tag: 3) { $0.writeKafkaBool(true) }
        writer.add([TaggedField(tag: 200, value: ByteBuffer(bytes: [0xaa]))])
        writer.add(tag: 0) { $0.writeInteger(UInt8(7)) }
        // count 3; tag 0 size 1 07; tag 3 size 1 01; tag 200 (c8 01) size 1 aa
        #expect(encoded { writer.write(into: &$0) } == Hex.bytes("03 00 01 07 03 01 01 c8 01 01 aa"))
    }

    @Test("unknown tagged fields are kept as raw bytes and written back unchanged")
    func unknownTaggedFieldsRoundTrip() throws {
        let bytes = Hex.bytes("02 05 02 ab cd 81 01 00")
        let fields = try decodedExactly(bytes) { buffer in
            let count = try buffer.readTaggedFieldCount(field: "T")
            return try (0..<count).map { _ in try buffer.readTaggedField(field: "T") }
        }
        #expect(
            fields == [
                TaggedField(tag: 5, value: ByteBuffer(bytes: [0xab, 0xcd])), TaggedField(tag: 129, value: ByteBuffer()),
            ])
        #expect(encoded { $0.writeTaggedFields(fields) } == bytes)
    }

    @Test("a tagged-field count larger than the bytes left is rejected")
    func taggedCountTooLarge() {
        var buffer = Hex.buffer("05 01 00")
        #expect(throws: WireError.truncated("T")) { try buffer.readTaggedFieldCount(field: "T") }
        #expect(buffer.readerIndex == 0)
    }

    // MARK: Errors

    /// A read that runs out of bytes, with the field name it is given.
    struct TruncatedRead: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let hex: String
        let read: @Sendable (inout ByteBuffer) throws -> Void

        init(_ name: String, _ hex: String, _ read: @escaping @Sendable (inout ByteBuffer) throws -> Void) {
            self.testDescription = "\(name) from [\(hex)]"
            self.hex = hex
            self.read = read
        }
    }

    static let truncatedReads: [TruncatedRead] = [
        TruncatedRead("bool", "") { _ = try $0.readKafkaBool(field: "Topic.Field") },
        TruncatedRead("int16", "00") { _ = try $0.readKafkaInteger(as: Int16.self, field: "Topic.Field") },
        TruncatedRead("int32", "00 00 00") { _ = try $0.readKafkaInteger(as: Int32.self, field: "Topic.Field") },
        TruncatedRead("int64", "00 00 00 00 00 00 00") {
            _ = try $0.readKafkaInteger(as: Int64.self, field: "Topic.Field")
        },
        TruncatedRead("float64", "3f f8") { _ = try $0.readKafkaFloat64(field: "Topic.Field") },
        TruncatedRead("uuid", "00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e") {
            _ = try $0.readKafkaUUID(field: "Topic.Field")
        },
        TruncatedRead("string length", "00") { _ = try $0.readKafkaString(compact: false, field: "Topic.Field") },
        TruncatedRead("string", "00 02 61") { _ = try $0.readKafkaString(compact: false, field: "Topic.Field") },
        TruncatedRead("nullable string", "00 03 61 62") {
            _ = try $0.readKafkaNullableString(compact: false, field: "Topic.Field")
        },
        TruncatedRead("compact string", "03 61") { _ = try $0.readKafkaString(compact: true, field: "Topic.Field") },
        TruncatedRead("compact string length", "80") {
            _ = try $0.readKafkaString(compact: true, field: "Topic.Field")
        },
        TruncatedRead("bytes", "00 00 00 02 01") { _ = try $0.readKafkaBytes(compact: false, field: "Topic.Field") },
        TruncatedRead("bytes length", "00 00 00") { _ = try $0.readKafkaBytes(compact: false, field: "Topic.Field") },
        TruncatedRead("compact bytes", "03 01") { _ = try $0.readKafkaBytes(compact: true, field: "Topic.Field") },
        TruncatedRead("array count", "00 00") { _ = try $0.readKafkaArrayLength(compact: false, field: "Topic.Field") },
        TruncatedRead("unsigned varint", "80 80") { _ = try $0.readUnsignedVarint(field: "Topic.Field") },
        TruncatedRead("varint", "ff") { _ = try $0.readVarint(field: "Topic.Field") },
        TruncatedRead("varlong", "80 a0 ab") { _ = try $0.readVarlong(field: "Topic.Field") },
        TruncatedRead("tagged-field value", "01 08 00 00") { _ = try $0.readTaggedField(field: "Topic.Field") },
        TruncatedRead("tagged-field size", "01") { _ = try $0.readTaggedField(field: "Topic.Field") },
    ]

    @Test(
        "a truncated read throws WireError.truncated naming the field and consumes nothing", arguments: truncatedReads)
    func truncatedReadConsumesNothing(read: TruncatedRead) {
        var buffer = Hex.buffer(read.hex)
        let before = buffer
        #expect(throws: WireError.truncated("Topic.Field")) { try read.read(&buffer) }
        #expect(buffer == before)
        #expect(buffer.readerIndex == 0)
    }

    @Test(
        "a negative length other than -1 is rejected",
        arguments: [
            ("ff fe 61 62", false, false), ("80 00", false, false), ("ff ff ff fe 01 02", true, false),
            ("80 00 00 00", true, false), ("ff ff ff fe 00 00 00 01", true, true),
        ])
    func negativeLength(hex: String, wide: Bool, array: Bool) {
        var buffer = Hex.buffer(hex)
        #expect {
            if array {
                _ = try buffer.readKafkaArrayLength(compact: false, field: "Topic.Field")
            } else if wide {
                _ = try buffer.readKafkaNullableBytes(compact: false, field: "Topic.Field")
            } else {
                _ = try buffer.readKafkaNullableString(compact: false, field: "Topic.Field")
            }
        } throws: { error in
            guard let error = error as? WireError, case .invalid(let detail) = error.reason else { return false }
            return error.field == "Topic.Field" && detail.hasPrefix("negative length")
        }
        #expect(buffer.readerIndex == 0)
    }

    @Test("an array count larger than the bytes left is rejected before anything is allocated")
    func hugeArrayCount() throws {
        var classic = Hex.buffer("7f ff ff ff 00 00 00 01")
        #expect(throws: WireError.truncated("A")) { try classic.readKafkaArrayLength(compact: false, field: "A") }
        #expect(classic.readerIndex == 0)
        var compact = Hex.buffer("ff ff ff ff 07 00 00 00 01")
        #expect(throws: WireError.truncated("A")) { try compact.readKafkaArrayLength(compact: true, field: "A") }
        #expect(compact.readerIndex == 0)
        // Exactly as many elements as bytes is still allowed: the check is a bound, not a size.
        var fits = Hex.buffer("05 01 02 03 04")
        #expect(try fits.readKafkaArrayLength(compact: true, field: "A") == 4)
    }

    @Test("a generated decoder given a count of 2^31-1 array elements fails instead of allocating them")
    func hugeArrayCountInMessage() {
        // MetadataResponse v7: ThrottleTimeMs, then Brokers with count Int32.max and a few bytes.
        var classic = Hex.buffer("00 00 00 00 7f ff ff ff 00 00 00 01 00 01 61")
        #expect(throws: WireError.truncated("MetadataResponse.Brokers")) {
            try MetadataResponse(from: &classic, version: 7)
        }
        // v12 (flexible): the compact count 2^31-2 (N+1 = ff ff ff ff 07).
        var compact = Hex.buffer("00 00 00 00 ff ff ff ff 07 00 00 00 01 02 61 00")
        #expect(throws: WireError.truncated("MetadataResponse.Brokers")) {
            try MetadataResponse(from: &compact, version: 12)
        }
    }

    // MARK: Base64 and KafkaUUID text

    @Test(
        "Base64 matches the RFC 4648 section 10 test vectors",
        arguments: [
            ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ])
    func base64Vectors(plain: String, encodedText: String) {
        let bytes = Array(plain.utf8)
        #expect(Base64.encode(bytes) == encodedText)
        #expect(Base64.decode(encodedText) == bytes)
        let unpadded = String(encodedText.filter { $0 != "=" })
        #expect(Base64.encode(bytes, padding: false) == unpadded)
        #expect(Base64.decode(unpadded) == bytes)
    }

    @Test("the URL-safe alphabet uses - and _ where the standard one uses + and /")
    func base64Alphabets() {
        let bytes: [UInt8] = [0xfb, 0xff, 0xbf]
        #expect(Base64.encode(bytes) == "+/+/")
        #expect(Base64.encode(bytes, urlSafe: true) == "-_-_")
        #expect(Base64.decode("+/+/") == bytes)
        #expect(Base64.decode("-_-_", urlSafe: true) == bytes)
        #expect(Base64.decode("-_-_") == nil)
        #expect(Base64.decode("+/+/", urlSafe: true) == nil)
    }

    @Test("Base64 refuses text that is not base64", arguments: ["Zm9v!", "Z", "Zm9vY", "Zm 9v", "é"])
    func base64Invalid(text: String) {
        #expect(Base64.decode(text) == nil)
    }

    @Test(
        "KafkaUUID prints as 22 characters of URL-safe base64 without padding and parses back",
        arguments: [
            (KafkaUUID.zero, "AAAAAAAAAAAAAAAAAAAAAA"),
            (KafkaUUID(mostSignificantBits: 0, leastSignificantBits: 1), "AAAAAAAAAAAAAAAAAAAAAQ"),
            (KafkaUUID(mostSignificantBits: .max, leastSignificantBits: .max), "_____________________w"),
            (
                KafkaUUID(mostSignificantBits: 0xfbef_be00_0000_0000, leastSignificantBits: 0x0000_0000_0000_00ff),
                "----AAAAAAAAAAAAAAAA_w"
            ),
        ])
    func uuidText(uuid: KafkaUUID, text: String) {
        #expect(uuid.description == text)
        #expect(KafkaUUID(text) == uuid)
    }

    @Test("random KafkaUUIDs survive printing and parsing")
    func uuidRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let uuid = KafkaUUID(mostSignificantBits: generator.next(), leastSignificantBits: generator.next())
            #expect(uuid.description.utf8.count == 22)
            #expect(KafkaUUID(uuid.description) == uuid)
        }
    }

    @Test(
        "KafkaUUID refuses text that is not 22 URL-safe base64 characters",
        arguments: [
            "", "AAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAA", "+AAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAA==",
        ])
    func uuidInvalidText(text: String) {
        #expect(KafkaUUID(text) == nil)
    }
}
