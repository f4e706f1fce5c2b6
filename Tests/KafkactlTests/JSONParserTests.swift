import AdminCore
import NIOCore
import Testing

@testable import kafkactl

/// `JSONParser` (the strict reader behind `console-producer --input-format json`) and `JSONRecordParser` (the record
/// envelope `console-consumer --output json` writes): valid documents, every escape, numbers, and errors that say
/// what is wrong and where.
@Suite struct JSONParserTests {
    static func parse(_ text: String) throws -> JSON { try JSONParser.parse(text) }

    /// The error text for `text`, or nil when it parses.
    static func failure(_ text: String) -> String? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    // MARK: valid documents

    @Test func scalarsAndContainersParse() throws {
        #expect(try Self.parse("null") == .null)
        #expect(try Self.parse("true") == .bool(true))
        #expect(try Self.parse(" false ") == .bool(false))
        #expect(try Self.parse(#""x""#) == .string("x"))
        #expect(try Self.parse("[]") == .array([]))
        #expect(try Self.parse("{}") == .object([]))
        #expect(try Self.parse("[1, [2, []], {\"a\": null}]") == .array([.integer(1), .array([.integer(2), .array([])]), .object([("a", .null)])]))
    }

    @Test func objectMembersKeepTheirOrderAndDuplicatesAreReadable() throws {
        let document = try Self.parse("{\"z\":1,\t\"a\" : \"b\",\n\"m\":[true,false]}\r\n")
        #expect(document.serialized() == #"{"z":1,"a":"b","m":[true,false]}"#)
        #expect(document["a"] == .string("b"))
        #expect(document["missing"] == nil)
        #expect(JSON.array([])["a"] == nil, "only objects have members")
    }

    @Test func numbersAreIntegersOrDoubles() throws {
        #expect(try Self.parse("0") == .integer(0))
        #expect(try Self.parse("-17") == .integer(-17))
        #expect(try Self.parse("9223372036854775807") == .integer(Int64.max))
        #expect(try Self.parse("-9223372036854775808") == .integer(Int64.min))
        #expect(try Self.parse("1.5") == .double(1.5))
        #expect(try Self.parse("-0.25") == .double(-0.25))
        #expect(try Self.parse("1e3") == .double(1000))
        #expect(try Self.parse("2.5E-1") == .double(0.25))
        #expect(try Self.parse("1E+2") == .double(100))
        // Beyond Int64: still a number, as a double.
        #expect(try Self.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
    }

    @Test(arguments: ["01", "+1", ".5", "1.", "-", "1e", "1e+", "--1", "0x10", "1.2.3", "Infinity", "NaN", "-01"])
    func numbersOutsideTheJSONGrammarAreRefused(text: String) {
        #expect(Self.failure(text) != nil, "'\(text)' is not a JSON number")
    }

    // MARK: strings and escapes

    @Test func everySimpleEscapeIsDecoded() throws {
        #expect(try Self.parse(#""a\"b\\c\/d\be\ff\ng\rh\ti""#) == .string("a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti"))
    }

    @Test func unicodeEscapesIncludingSurrogatePairs() throws {
        #expect(try Self.parse(#""\u0041\u00e9\u20AC""#) == .string("Aé€"))
        #expect(try Self.parse(#""\u0000""#) == .string("\u{0}"))
        #expect(try Self.parse(#""\ud83d\ude00!""#) == .string("😀!"))
        #expect(try Self.parse(#""\uD834\uDD1E""#) == .string("\u{1D11E}"))
        // Raw UTF-8 passes through untouched, next to escapes.
        #expect(try Self.parse("\"café \\u2603 😀\"") == .string("café ☃ 😀"))
    }

    @Test func whatTheSerializerWritesParsesBackToTheSameText() throws {
        let nasty = (0..<128).map { String(UnicodeScalar(UInt8($0))) }.joined() + "é\u{2028}\u{1F600}\u{FEFF}"
        let document = JSON.object([("value", .string(nasty)), ("list", .array([.string(nasty), .integer(-3), .null]))])
        #expect(try Self.parse(document.serialized()) == document)
        guard case .string(let back)? = try Self.parse(document.serialized())["value"] else {
            Issue.record("no string value")
            return
        }
        #expect(Array(back.unicodeScalars) == Array(nasty.unicodeScalars), "scalar for scalar, not just equal text")
    }

    // MARK: errors name what and where (1-based character)

    @Test func errorsSayWhatAndWhere() {
        #expect(Self.failure("") == "unexpected end at character 1")
        #expect(Self.failure("{\"a\" 1}") == "expected ':' at character 6")
        #expect(Self.failure("{\"a\":1 \"b\":2}") == "expected ',' or '}' at character 8")
        #expect(Self.failure("[1 2]") == "expected ',' or ']' at character 4")
        #expect(Self.failure("[1,]") == "unexpected character at character 4")
        #expect(Self.failure("{1:2}") == "expected a member name at character 2")
        #expect(Self.failure("tru") == "unexpected character at character 1")
        #expect(Self.failure("1 2") == "unexpected text after the JSON value at character 3")
        #expect(Self.failure("\"abc") == "unterminated string at character 5")
        #expect(Self.failure("\"a\nb\"") == "control character in a string at character 3")
        #expect(Self.failure(#""\x""#) == "invalid escape at character 4")
        #expect(Self.failure(#""\u12""#) == "invalid \u{5C}u escape at character 4")
        #expect(Self.failure(#""\u+041""#) == "invalid \u{5C}u escape at character 4")
        #expect(Self.failure(#""\ud800""#) == "unpaired surrogate at character 8")
        #expect(Self.failure(#""\ud800\u0041""#) == "unpaired surrogate at character 14")
        #expect(Self.failure("[") == "unexpected end at character 2")
        #expect(Self.failure("{\"a\":") == "unexpected end at character 6")
    }

    @Test func nestingIsBounded() {
        #expect(Self.failure(String(repeating: "[", count: 63) + String(repeating: "]", count: 63)) == nil)
        #expect(Self.failure(String(repeating: "[", count: 100) + String(repeating: "]", count: 100))?.hasPrefix("nesting too deep") == true)
    }
}

/// `JSONRecordParser`: one envelope line becomes one record, bytes exactly as written.
@Suite struct JSONRecordParserTests {
    static func record(_ line: String, number: Int = 1, partition: Int32? = nil) throws -> ProducerRecord {
        try JSONRecordParser().record(line: ByteBuffer(string: line), number: number, partition: partition)
    }

    static func failure(_ line: String, number: Int = 1) -> String? {
        do {
            _ = try record(line, number: number)
            return nil
        } catch let error as RecordParseError {
            return error.message
        } catch {
            return "unexpected error: \(error)"
        }
    }

    static func bytes(_ buffer: ByteBuffer?) -> [UInt8]? { buffer.map { Array($0.readableBytesView) } }

    @Test func aFullEnvelopeBecomesTheRecordItDescribes() throws {
        let line = #"{"topic":"t","partition":2,"offset":7,"timestamp":1700000000123,"timestampType":"CreateTime","key":"k","value":{"base64":"AP8Q"},"headers":[{"key":"h","value":"1"},{"key":"h","value":null},{"key":"b","value":{"base64":"gA=="}},{"key":"e","value":""}]}"#
        let record = try Self.record(line, number: 3)
        #expect(Self.bytes(record.key) == Array("k".utf8))
        #expect(Self.bytes(record.value) == [0x00, 0xFF, 0x10])
        #expect(record.timestamp == 1_700_000_000_123)
        #expect(record.partition == 2)
        #expect(record.source == 3)
        #expect(record.headers.map(\.key) == ["h", "h", "b", "e"], "order and duplicates kept")
        #expect(record.headers.map { Self.bytes($0.value) } == [Array("1".utf8), nil, [0x80], []])
    }

    @Test func nullAndEmptyStayDistinct() throws {
        let tombstone = try Self.record(#"{"key":"k","value":null}"#)
        #expect(tombstone.value == nil)
        let empty = try Self.record(#"{"key":null,"value":""}"#)
        #expect(empty.key == nil)
        #expect(Self.bytes(empty.value) == [])
        let absent = try Self.record("{}")
        #expect(absent.key == nil && absent.value == nil && absent.headers.isEmpty && absent.timestamp == nil && absent.partition == nil)
        let emptyBase64 = try Self.record(#"{"value":{"base64":""}}"#)
        #expect(Self.bytes(emptyBase64.value) == [])
    }

    @Test func escapedTextBecomesItsUTF8Bytes() throws {
        let record = try Self.record(#"{"value":"\u00e9\ud83d\ude00\n"}"#)
        #expect(Self.bytes(record.value) == Array("é😀\n".utf8))
    }

    @Test func whatRecordJSONWritesIsReadBackExactly() throws {
        let headers = [RecordHeader(key: "dup", value: ByteBuffer(bytes: [0xC3, 0x28])), RecordHeader(key: "dup", value: nil),
                       RecordHeader(key: "t", value: ByteBuffer(string: "x\"y"))]
        let original = Record(offset: 5, timestamp: 1234, key: ByteBuffer(bytes: [0xDE, 0xAD, 0xBE, 0xEF]),
                              value: ByteBuffer(string: "{\"not\":\"an envelope\"}"), headers: headers)
        let line = RecordJSON.json(original, topic: "src", partition: 1).serialized()
        let back = try Self.record(line)
        #expect(Self.bytes(back.key) == [0xDE, 0xAD, 0xBE, 0xEF])
        #expect(Self.bytes(back.value) == Array("{\"not\":\"an envelope\"}".utf8))
        #expect(back.headers == headers)
        #expect(back.timestamp == 1234)
        #expect(back.partition == 1)
    }

    @Test func partitionFromTheCommandLineWins() throws {
        #expect(try Self.record(#"{"partition":4,"value":"v"}"#, partition: 1).partition == 1)
        #expect(try Self.record(#"{"value":"v"}"#, partition: 0).partition == 0)
        #expect(try Self.record(#"{"partition":4,"value":"v"}"#).partition == 4)
    }

    @Test func badBase64IsRefusedNamingTheLineAndTheField() {
        #expect(Self.failure(#"{"value":{"base64":"!!!"}}"#, number: 7) == "line 7: value has invalid base64")
        #expect(Self.failure(#"{"key":{"base64":"abcde"}}"#, number: 2) == "line 2: key has invalid base64")
        #expect(Self.failure(#"{"key":{"base64":5}}"#) == "line 1: key has invalid base64")
        #expect(Self.failure(#"{"headers":[{"key":"h","value":{"base64":"%%"}}]}"#) == "line 1: header h has invalid base64")
    }

    @Test func aHeaderWithoutAStringKeyIsRefused() {
        #expect(Self.failure(#"{"headers":[{"value":"v"}]}"#, number: 4) == "line 4: every header needs a string \"key\"")
        #expect(Self.failure(#"{"headers":[{"key":null,"value":"v"}]}"#) == "line 1: every header needs a string \"key\"")
        #expect(Self.failure(#"{"headers":{"key":"h"}}"#) == "line 1: \"headers\" must be an array")
    }

    @Test func otherShapesAreRefused() {
        #expect(Self.failure("[1]", number: 9) == "line 9 is not a JSON object")
        #expect(Self.failure("{\"value\":", number: 2) == "line 2 is not JSON: unexpected end at character 10")
        #expect(Self.failure(#"{"value":5}"#) == "line 1: value must be a string, {\"base64\": ...} or null")
        #expect(Self.failure(#"{"key":{"text":"x"}}"#) == "line 1: key must be a string, {\"base64\": ...} or null")
        #expect(Self.failure(#"{"partition":-1,"value":"v"}"#) == "line 1: partition -1 is not valid")
        #expect(Self.failure(#"{"partition":4294967296,"value":"v"}"#) == "line 1: partition 4294967296 is not valid")
    }
}
