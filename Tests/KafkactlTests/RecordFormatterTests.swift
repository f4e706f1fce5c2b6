import AdminCore
import Foundation
import NIOCore
import Testing

@testable import kafkactl

/// Kafka's DefaultMessageFormatter as `RecordFormatter` renders it (cli-parity §4.4): each `print.*` property alone
/// and together, in Kafka's field order, with custom separators and null literal; the Java deserializers with
/// Java's `toString` and Kafka's size errors; and the `--output json` envelope of `RecordJSON`.
@Suite struct RecordFormatterTests {
    /// A record with key `k1`, value `hello`, one header `h1=v1`, CreateTime 1717000000000, offset 42.
    static let sample = Record(
        offset: 42, timestamp: 1_717_000_000_000, key: ByteBuffer(string: "k1"), value: ByteBuffer(string: "hello"),
        headers: [RecordHeader(key: "h1", value: ByteBuffer(string: "v1"))])

    /// What `properties` make of `record` (partition 3 unless given), as text.
    static func format(_ record: Record, partition: Int32 = 3, _ properties: [String: String]) throws -> String {
        let formatter = try RecordFormatter(properties: properties)
        var output: [UInt8] = []
        try formatter.format(record, partition: partition, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// What `properties` make of `sample` in partition 3.
    static func format(_ properties: [String: String]) throws -> String {
        try format(sample, properties)
    }

    static func bytes(_ values: [UInt8]) -> ByteBuffer { ByteBuffer(bytes: values) }

    // MARK: - Fields and their order

    @Test func byDefaultOnlyTheValueAndANewlineArePrinted() throws {
        #expect(try Self.format([:]) == "hello\n")
    }

    @Test func theCliParityExampleIsReproducedExactly() throws {
        let text = try Self.format([
            "print.timestamp": "true", "print.partition": "true", "print.offset": "true", "print.headers": "true",
            "print.key": "true",
        ])
        #expect(text == "CreateTime:1717000000000\tPartition:3\tOffset:42\th1:v1\tk1\thello\n")
    }

    /// Each boolean property on its own (the value stays on: it defaults to true).
    @Test(arguments: [
        ("print.timestamp", "CreateTime:1717000000000\thello\n"),
        ("print.partition", "Partition:3\thello\n"),
        ("print.offset", "Offset:42\thello\n"),
        ("print.delivery", "Delivery:NOT_PRESENT\thello\n"),
        ("print.epoch", "Epoch:NOT_PRESENT\thello\n"),
        ("print.headers", "h1:v1\thello\n"),
        ("print.key", "k1\thello\n"),
    ])
    func eachPropertyAloneAddsItsFieldBeforeTheValue(property: String, expected: String) throws {
        #expect(try Self.format([property: "true"]) == expected)
    }

    @Test func everyFieldAtOnceComesInKafkasOrder() throws {
        let all = ["timestamp", "partition", "offset", "delivery", "epoch", "headers", "key", "value"]
        let text = try Self.format(Dictionary(uniqueKeysWithValues: all.map { ("print.\($0)", "true") }))
        #expect(text == "CreateTime:1717000000000\tPartition:3\tOffset:42\tDelivery:NOT_PRESENT\tEpoch:NOT_PRESENT\th1:v1\tk1\thello\n")
    }

    /// Every one of the 2^8 combinations of the eight properties (with custom separators): the printed fields are
    /// exactly the chosen ones, in Kafka's order, joined by `key.separator`, with none before `line.separator`.
    @Test func everyCombinationPrintsExactlyTheChosenFieldsInOrder() throws {
        let fields: [(String, String)] = [
            ("timestamp", "CreateTime:1717000000000"), ("partition", "Partition:3"), ("offset", "Offset:42"),
            ("delivery", "Delivery:NOT_PRESENT"), ("epoch", "Epoch:NOT_PRESENT"), ("headers", "h1:v1"), ("key", "k1"),
            ("value", "hello"),
        ]
        for mask in 0..<(1 << fields.count) {
            var properties = ["key.separator": " | ", "line.separator": "<EOL>"]
            var expected: [String] = []
            for (index, (name, text)) in fields.enumerated() {
                let on = mask & (1 << index) != 0
                properties["print.\(name)"] = on ? "true" : "false"
                if on { expected.append(text) }
            }
            #expect(try Self.format(properties) == expected.joined(separator: " | ") + "<EOL>",
                    "properties \(properties)")
        }
    }

    @Test func customKeyAndLineSeparatorsAreUsedVerbatim() throws {
        let text = try Self.format([
            "print.key": "true", "print.offset": "true", "key.separator": " => ", "line.separator": "|END|\n",
        ])
        #expect(text == "Offset:42 => k1 => hello|END|\n")
    }

    @Test func headersAreJoinedByTheHeadersSeparatorInRecordOrderWithDuplicatesKept() throws {
        var record = Self.sample
        record.headers = [
            RecordHeader(key: "b", value: ByteBuffer(string: "1")), RecordHeader(key: "a", value: ByteBuffer(string: "2")),
            RecordHeader(key: "b", value: ByteBuffer(string: "3")),
        ]
        #expect(try Self.format(record, ["print.headers": "true", "print.value": "false"]) == "b:1,a:2,b:3\n")
        #expect(try Self.format(record, ["print.headers": "true", "print.value": "false", "headers.separator": ";"])
            == "b:1;a:2;b:3\n")
    }

    @Test func aRecordWithoutHeadersPrintsNoHeaders() throws {
        var record = Self.sample
        record.headers = []
        #expect(try Self.format(record, ["print.headers": "true"]) == "NO_HEADERS\thello\n")
    }

    @Test func aRecordWithoutATimestampPrintsNoTimestamp() throws {
        var record = Self.sample
        record.timestamp = -1
        #expect(try Self.format(record, ["print.timestamp": "true"]) == "NO_TIMESTAMP\thello\n")
    }

    @Test func aLogAppendTimeRecordSaysSo() throws {
        var record = Self.sample
        record.isLogAppendTime = true
        #expect(try Self.format(record, ["print.timestamp": "true"]) == "LogAppendTime:1717000000000\thello\n")
    }

    @Test func nullKeyValueAndHeaderValuePrintTheNullLiteral() throws {
        let record = Record(offset: 0, timestamp: 5, key: nil, value: nil, headers: [RecordHeader(key: "h", value: nil)])
        let properties = ["print.key": "true", "print.headers": "true"]
        #expect(try Self.format(record, properties) == "h:null\tnull\tnull\n")
        #expect(try Self.format(record, properties.merging(["null.literal": "<nil>"]) { $1 }) == "h:<nil>\t<nil>\t<nil>\n")
    }

    @Test func emptyIsNotNull() throws {
        let record = Record(offset: 0, timestamp: 5, key: ByteBuffer(), value: ByteBuffer())
        #expect(try Self.format(record, ["print.key": "true"]) == "\t\n")
    }

    @Test func nothingSelectedStillEndsTheRecordWithTheLineSeparator() throws {
        #expect(try Self.format(["print.value": "false"]) == "\n")
    }

    @Test(arguments: ["true", "TRUE", " True "])
    func booleanPropertiesAreTrueCaseInsensitivelyAndTrimmed(spelling: String) throws {
        #expect(try Self.format(["print.key": spelling]) == "k1\thello\n")
    }

    @Test(arguments: ["yes", "1", "on", ""])
    func anythingButTrueIsFalse(spelling: String) throws {
        #expect(try Self.format(["print.key": spelling]) == "hello\n")
        #expect(try Self.format(["print.value": spelling]) == "\n")
    }

    @Test func binaryBytesAreWrittenUnchanged() throws {
        let record = Record(offset: 0, timestamp: 0, key: nil, value: Self.bytes([0x00, 0xff, 0xfe, 0x0a]))
        let formatter = try RecordFormatter(properties: [:])
        var output: [UInt8] = []
        try formatter.format(record, partition: 0, into: &output)
        #expect(output == [0x00, 0xff, 0xfe, 0x0a, 0x0a])
    }

    // MARK: - Deserializers

    /// Renders `value` with the value deserializer `className`.
    static func deserialized(_ className: String, _ value: [UInt8]) throws -> String {
        let record = Record(offset: 0, timestamp: 0, key: nil, value: bytes(value))
        return try format(record, ["value.deserializer": className])
    }

    static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    @Test func longIntegerAndShortPrintJavasDecimal() throws {
        let prefix = "org.apache.kafka.common.serialization."
        #expect(try Self.deserialized(prefix + "LongDeserializer", Self.bigEndian(Int64(-9_007_199_254_740_993))) == "-9007199254740993\n")
        #expect(try Self.deserialized(prefix + "LongDeserializer", Self.bigEndian(Int64.max)) == "9223372036854775807\n")
        #expect(try Self.deserialized(prefix + "IntegerDeserializer", Self.bigEndian(Int32(-2))) == "-2\n")
        #expect(try Self.deserialized(prefix + "IntegerDeserializer", Self.bigEndian(Int32.min)) == "-2147483648\n")
        #expect(try Self.deserialized(prefix + "ShortDeserializer", Self.bigEndian(Int16(12345))) == "12345\n")
        #expect(try Self.deserialized(prefix + "ShortDeserializer", [0xff, 0xff]) == "-1\n")
    }

    /// Java's Double.toString: plain between 10^-3 and 10^7, computerized scientific notation outside, always a
    /// digit after the point.
    @Test(arguments: [
        (1.0, "1.0"), (-2.5, "-2.5"), (0.1, "0.1"), (100.0, "100.0"), (0.001, "0.001"), (1234567.125, "1234567.125"),
        (9_999_999.0, "9999999.0"), (1.0e7, "1.0E7"), (12_345_678.9, "1.23456789E7"), (0.0001, "1.0E-4"),
        (1.5e-10, "1.5E-10"), (1.0e100, "1.0E100"), (0.0, "0.0"), (-0.0, "-0.0"), (Double.nan, "NaN"),
        (Double.infinity, "Infinity"), (-Double.infinity, "-Infinity"), (Double.pi, "3.141592653589793"),
    ])
    func doublePrintsLikeJava(value: Double, expected: String) throws {
        #expect(try Self.deserialized("DoubleDeserializer", Self.bigEndian(value.bitPattern)) == expected + "\n")
    }

    /// Java's Float.toString: the shortest digits that identify the float (0.1f is "0.1", not the double's digits).
    @Test(arguments: [
        (Float(0.1), "0.1"), (Float(1.0), "1.0"), (Float(-3.25), "-3.25"), (Float(1.0e7), "1.0E7"),
        (Float(3.4028235e38), "3.4028235E38"), (Float(0.0005), "5.0E-4"), (Float.nan, "NaN"),
    ])
    func floatPrintsLikeJava(value: Float, expected: String) throws {
        #expect(try Self.deserialized("FloatDeserializer", Self.bigEndian(value.bitPattern)) == expected + "\n")
    }

    @Test func uuidIsPrintedInJavasLowercaseForm() throws {
        #expect(try Self.deserialized("UUIDDeserializer", Array("123E4567-E89B-12D3-A456-426614174000".utf8))
            == "123e4567-e89b-12d3-a456-426614174000\n")
    }

    @Test(arguments: ["StringDeserializer", "ByteArrayDeserializer", "org.apache.kafka.common.serialization.BytesDeserializer"])
    func byteDeserializersPrintTheBytes(className: String) throws {
        #expect(try Self.deserialized(className, Array("plain".utf8)) == "plain\n")
    }

    /// A value of the wrong size fails with the exact message Kafka's deserializer throws.
    @Test(arguments: [
        ("LongDeserializer", 4, "Size of data received by LongDeserializer is not 8"),
        ("IntegerDeserializer", 8, "Size of data received by IntegerDeserializer is not 4"),
        ("ShortDeserializer", 3, "Size of data received by ShortDeserializer is not 2"),
        ("DoubleDeserializer", 4, "Size of data received by Deserializer is not 8"),
        ("FloatDeserializer", 8, "Size of data received by Deserializer is not 4"),
    ])
    func aWrongSizeFailsWithKafkasMessage(className: String, size: Int, message: String) throws {
        let error = #expect(throws: RecordFormatter.FormatError.self) {
            try Self.deserialized(className, [UInt8](repeating: 1, count: size))
        }
        #expect(error?.message.hasSuffix(message) == true, "\(error?.message ?? "no error")")
        #expect(error?.message.contains("value") == true)
    }

    @Test(arguments: ["not-a-uuid", "123e4567-e89b-12d3-a456-42661417400g", "123e4567e89b12d3a456426614174000"])
    func aMalformedUUIDFailsWithKafkasMessage(text: String) throws {
        let error = #expect(throws: RecordFormatter.FormatError.self) {
            try Self.deserialized("UUIDDeserializer", Array(text.utf8))
        }
        #expect(error?.message.hasSuffix("Error parsing data into UUID") == true, "\(error?.message ?? "no error")")
    }

    @Test func theKeyAndHeaderValuesHaveTheirOwnDeserializers() throws {
        let record = Record(offset: 0, timestamp: 0, key: Self.bytes(Self.bigEndian(Int64(7))), value: ByteBuffer(string: "v"),
                            headers: [RecordHeader(key: "n", value: Self.bytes(Self.bigEndian(Int32(9))))])
        let text = try Self.format(record, [
            "print.key": "true", "print.headers": "true", "key.deserializer": "LongDeserializer",
            "headers.deserializer": "IntegerDeserializer",
        ])
        #expect(text == "n:9\t7\tv\n")
    }

    @Test func aWrongSizeKeyNamesTheKey() throws {
        let record = Record(offset: 0, timestamp: 0, key: ByteBuffer(string: "abc"), value: ByteBuffer(string: "v"))
        let error = #expect(throws: RecordFormatter.FormatError.self) {
            try Self.format(record, ["print.key": "true", "key.deserializer": "LongDeserializer"])
        }
        #expect(error?.message.contains("key") == true)
    }

    /// kafkactl prints the null literal for a null key even with a numeric deserializer; Kafka would feed the
    /// literal's bytes to the deserializer (and fail, or print 1853189228 for "null" as an int). A deliberate deviation.
    @Test func aNullKeyWithANumericDeserializerPrintsTheNullLiteral() throws {
        let record = Record(offset: 0, timestamp: 0, key: nil, value: ByteBuffer(string: "v"))
        #expect(try Self.format(record, ["print.key": "true", "key.deserializer": "LongDeserializer"]) == "null\tv\n")
    }

    @Test func anUnknownDeserializerIsAUsageError() {
        let error = #expect(throws: KafkactlError.self) {
            _ = try RecordFormatter(properties: ["value.deserializer": "com.example.AvroDeserializer"])
        }
        #expect(error?.exitCode == 64)
        #expect(error?.message.contains("com.example.AvroDeserializer") == true)
    }

    // MARK: - JSON envelope

    static func json(_ record: Record, topic: String = "orders", partition: Int32 = 2) throws -> [String: Any] {
        let text = RecordJSON.json(record, topic: topic, partition: partition).serialized()
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonCarriesTheRecordsCoordinatesAndTimestamp() throws {
        let text = RecordJSON.json(Self.sample, topic: "orders", partition: 2).serialized()
        #expect(text == #"{"topic":"orders","partition":2,"offset":42,"timestamp":1717000000000,"timestampType":"CreateTime","key":"k1","value":"hello","headers":[{"key":"h1","value":"v1"}]}"#)
    }

    @Test func jsonShowsUTF8AsAStringBinaryAsBase64AndNullAsNull() throws {
        let record = Record(offset: 0, timestamp: 1, key: nil, value: Self.bytes([0xff, 0x00, 0x80]),
                            headers: [RecordHeader(key: "text", value: ByteBuffer(string: "zürich ✓")),
                                      RecordHeader(key: "none", value: nil),
                                      RecordHeader(key: "empty", value: ByteBuffer())])
        let object = try Self.json(record)
        #expect(object["key"] is NSNull)
        #expect((object["value"] as? [String: Any])?["base64"] as? String == Data([0xff, 0x00, 0x80]).base64EncodedString())
        let headers = try #require(object["headers"] as? [[String: Any]])
        #expect(headers.map { $0["key"] as? String } == ["text", "none", "empty"])
        #expect(headers[0]["value"] as? String == "zürich ✓")
        #expect(headers[1]["value"] is NSNull)
        #expect(headers[2]["value"] as? String == "")
    }

    @Test func jsonKeepsHeaderOrderAndDuplicates() throws {
        var record = Self.sample
        record.headers = ["z", "a", "z"].enumerated().map { RecordHeader(key: $1, value: ByteBuffer(string: String($0))) }
        let headers = try #require(try Self.json(record)["headers"] as? [[String: Any]])
        #expect(headers.map { $0["key"] as? String } == ["z", "a", "z"])
        #expect(headers.map { $0["value"] as? String } == ["0", "1", "2"])
    }

    @Test func jsonEscapesControlCharactersAndQuotes() throws {
        let record = Record(offset: 0, timestamp: 1, key: ByteBuffer(string: "a\"b\\c"), value: ByteBuffer(string: "line1\nline2\t\u{01}"))
        let text = RecordJSON.json(record, topic: "t", partition: 0).serialized()
        #expect(!text.contains("\n"))
        let object = try Self.json(record)
        #expect(object["key"] as? String == "a\"b\\c")
        #expect(object["value"] as? String == "line1\nline2\t\u{01}")
    }

    @Test func jsonMarksLogAppendTime() throws {
        var record = Self.sample
        record.isLogAppendTime = true
        #expect(try Self.json(record)["timestampType"] as? String == "LogAppendTime")
    }
}
