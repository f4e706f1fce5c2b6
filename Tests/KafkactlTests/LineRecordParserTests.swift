import AdminCore
import NIOCore
import Testing

@testable import kafkactl

/// `LineRecordParser` reads lines as Kafka's LineMessageReader does (`[<headers><headers.delimiter>][<key>
/// <key.separator>]<value>`), with its reader properties, its start-up checks and its error messages.
@Suite struct LineRecordParserTests {
    static func parser(_ properties: [String: String]) throws -> LineRecordParser {
        try LineRecordParser(properties: properties)
    }

    static func record(_ line: String, number: Int = 1, partition: Int32? = nil, _ properties: [String: String]) throws
        -> ProducerRecord
    {
        try parser(properties).record(line: ByteBuffer(string: line), number: number, partition: partition)
    }

    /// The parse error a line gives, or nil if it parses.
    static func parseError(_ line: String, number: Int = 1, _ properties: [String: String]) throws -> String? {
        do {
            _ = try record(line, number: number, properties)
            return nil
        } catch let error as RecordParseError {
            return error.message
        }
    }

    /// The start-up error some properties give, or nil if the parser is made.
    static func startUpError(_ properties: [String: String]) -> KafkactlError? {
        do {
            _ = try parser(properties)
            return nil
        } catch let error as KafkactlError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    static func text(_ buffer: ByteBuffer?) -> String? { buffer.map { String(buffer: $0) } }

    static func headers(_ record: ProducerRecord) -> [[String?]] {
        record.headers.map { [$0.key, text($0.value)] }
    }

    // MARK: Defaults

    @Test func byDefaultTheWholeLineIsTheValueWithNoKeyOrHeaders() throws {
        let record = try Self.record("k1\thello:world,h:v", [:])
        #expect(record.key == nil)
        #expect(Self.text(record.value) == "k1\thello:world,h:v")
        #expect(record.headers.isEmpty)
        #expect(record.timestamp == nil)
    }

    @Test func anEmptyLineIsAnEmptyNonNullValue() throws {
        let record = try Self.record("", [:])
        #expect(record.value != nil)
        #expect(record.value?.readableBytes == 0)
    }

    @Test func theLineNumberAndPartitionAreCarriedOnTheRecord() throws {
        let record = try Self.record("x", number: 42, partition: 2, [:])
        #expect(record.source == 42)
        #expect(record.partition == 2)
        #expect(try Self.record("x", [:]).partition == nil)
    }

    // MARK: parse.key and key.separator

    @Test func parseKeySplitsAtTheFirstTabByDefault() throws {
        let record = try Self.record("k1\thello\tworld", ["parse.key": "true"])
        #expect(Self.text(record.key) == "k1")
        #expect(Self.text(record.value) == "hello\tworld")
    }

    @Test func aCustomKeySeparatorSplitsAtItsFirstOccurrenceAndTheValueKeepsTheRest() throws {
        let record = try Self.record("user-1:{\"a\":1}", ["parse.key": "true", "key.separator": ":"])
        #expect(Self.text(record.key) == "user-1")
        #expect(Self.text(record.value) == "{\"a\":1}")
    }

    @Test func aMultiCharacterKeySeparatorIsMatchedWhole() throws {
        let record = try Self.record("a:b::c::d", ["parse.key": "true", "key.separator": "::"])
        #expect(Self.text(record.key) == "a:b")
        #expect(Self.text(record.value) == "c::d")
    }

    @Test func anEmptyKeyAndAnEmptyValueAreEmptyNotNull() throws {
        let record = try Self.record(":", ["parse.key": "true", "key.separator": ":"])
        #expect(record.key?.readableBytes == 0)
        #expect(record.value?.readableBytes == 0)
    }

    @Test(arguments: ["true", "TRUE", "True", " true "])
    func flagsAreTrueWhenTheyEqualTrueIgnoringCaseAndSpace(value: String) throws {
        let record = try Self.record("k:v", ["parse.key": value, "key.separator": ":"])
        #expect(Self.text(record.key) == "k")
    }

    @Test(arguments: ["false", "yes", "1", ""])
    func anyOtherFlagValueIsFalse(value: String) throws {
        let record = try Self.record("k:v", ["parse.key": value, "key.separator": ":"])
        #expect(record.key == nil)
        #expect(Self.text(record.value) == "k:v")
    }

    @Test func aMissingKeySeparatorNamesTheLineNumberAndTheLine() throws {
        let message = try Self.parseError("abc", number: 3, ["parse.key": "true"])
        #expect(message == "No key separator found on line number 3: 'abc'")
    }

    @Test func ignoreErrorMakesALineWithoutKeySeparatorAKeylessValue() throws {
        let record = try Self.record("abc", ["parse.key": "true", "key.separator": ":", "ignore.error": "true"])
        #expect(record.key == nil)
        #expect(Self.text(record.value) == "abc")
    }

    // MARK: parse.headers

    @Test func headersKeyAndValueAreSplitAsKafkaDocumentsIt() throws {
        let record = try Self.record("h1:v1,h2:v2\tk1\thello", ["parse.headers": "true", "parse.key": "true"])
        #expect(Self.headers(record) == [["h1", "v1"], ["h2", "v2"]])
        #expect(Self.text(record.key) == "k1")
        #expect(Self.text(record.value) == "hello")
    }

    @Test func repeatedHeaderKeysAreAllKeptInOrder() throws {
        let record = try Self.record("a:1,b:2,a:3\tv", ["parse.headers": "true"])
        #expect(Self.headers(record) == [["a", "1"], ["b", "2"], ["a", "3"]])
        #expect(Self.text(record.value) == "v")
    }

    @Test func aHeaderValueKeepsLaterHeaderKeySeparators() throws {
        let record = try Self.record("url:http://x:80\tv", ["parse.headers": "true"])
        #expect(Self.headers(record) == [["url", "http://x:80"]])
    }

    @Test func customHeaderDelimiterSeparatorAndKeySeparator() throws {
        let record = try Self.record(
            "a=1;b=2|key|value",
            ["parse.headers": "true", "parse.key": "true", "headers.delimiter": "|", "headers.separator": ";",
             "headers.key.separator": "=", "key.separator": "|"])
        #expect(Self.headers(record) == [["a", "1"], ["b", "2"]])
        #expect(Self.text(record.key) == "key")
        #expect(Self.text(record.value) == "value")
    }

    @Test func headersSeparatorIsARegularExpression() throws {
        let record = try Self.record("a:1;b:2,c:3\tv", ["parse.headers": "true", "headers.separator": "[;,]"])
        #expect(Self.headers(record) == [["a", "1"], ["b", "2"], ["c", "3"]])
    }

    @Test func aTrailingHeadersSeparatorAddsNoHeaderAsJavasSplitDropsTrailingEmptyPieces() throws {
        let record = try Self.record("a:1,\tv", ["parse.headers": "true"])
        #expect(Self.headers(record) == [["a", "1"]])
    }

    @Test func anEmptyHeaderPairInTheMiddleIsAnError() throws {
        let message = try Self.parseError("a:1,,b:2\tv", number: 5, ["parse.headers": "true"])
        #expect(message == "No header key separator found in pair '' on line number 5")
    }

    @Test func aMissingHeadersDelimiterNamesTheLine() throws {
        let message = try Self.parseError("h1:v1", number: 3, ["parse.headers": "true"])
        #expect(message == "No headers delimiter found on line number 3: 'h1:v1'")
    }

    @Test func aHeaderWithoutKeySeparatorNamesThePairAndTheLine() throws {
        let message = try Self.parseError("h1\tv", number: 3, ["parse.headers": "true"])
        #expect(message == "No header key separator found in pair 'h1' on line number 3")
    }

    @Test func ignoreErrorGivesAHeaderWithoutKeySeparatorANullValue() throws {
        let record = try Self.record("h1,h2:x\tv", ["parse.headers": "true", "ignore.error": "true"])
        #expect(Self.headers(record) == [["h1", nil], ["h2", "x"]])
    }

    @Test func ignoreErrorWithoutHeadersDelimiterStillParsesTheKey() throws {
        // Kafka: no headers, then the key is looked for from the start of the line.
        let record = try Self.record(
            "k:v", ["parse.headers": "true", "parse.key": "true", "key.separator": ":", "ignore.error": "true"])
        #expect(record.headers.isEmpty)
        #expect(Self.text(record.key) == "k")
        #expect(Self.text(record.value) == "v")
    }

    @Test func ignoreErrorWithNeitherSeparatorMakesTheWholeLineTheValue() throws {
        let record = try Self.record(
            "plain", ["parse.headers": "true", "parse.key": "true", "key.separator": ":", "ignore.error": "true"])
        #expect(record.headers.isEmpty)
        #expect(record.key == nil)
        #expect(Self.text(record.value) == "plain")
    }

    // MARK: null.marker

    @Test func theNullMarkerMakesKeyValueAndHeaderValueNull() throws {
        let properties = ["parse.headers": "true", "parse.key": "true", "key.separator": ":", "null.marker": "<null>"]
        let record = try Self.record("h:<null>,g:x\t<null>:<null>", properties)
        #expect(Self.headers(record) == [["h", nil], ["g", "x"]])
        #expect(record.key == nil)
        #expect(record.value == nil)
    }

    @Test func aHeaderBlockEqualToTheNullMarkerMeansNoHeaders() throws {
        let record = try Self.record("-\tv", ["parse.headers": "true", "null.marker": "-"])
        #expect(record.headers.isEmpty)
        #expect(Self.text(record.value) == "v")
    }

    @Test func onlyAnExactMatchIsNull() throws {
        let record = try Self.record("<null>x:x<null>", ["parse.key": "true", "key.separator": ":", "null.marker": "<null>"])
        #expect(Self.text(record.key) == "<null>x")
        #expect(Self.text(record.value) == "x<null>")
    }

    @Test func aHeaderKeyEqualToTheNullMarkerIsAnError() throws {
        let message = try Self.parseError("NULL:v\tx", ["parse.headers": "true", "null.marker": "NULL"])
        #expect(message == "Header keys should not be equal to the null marker 'NULL' as they can't be null")
    }

    @Test func withoutANullMarkerTheWordNullIsText() throws {
        let record = try Self.record("null", [:])
        #expect(Self.text(record.value) == "null")
    }

    // MARK: Start-up checks (Kafka's messages)

    @Test(arguments: [
        (["headers.delimiter": ",", "headers.separator": ","], "headers.delimiter and headers.separator may not be equal"),
        (["headers.delimiter": ":"], "headers.delimiter and headers.key.separator may not be equal"),
        (["headers.separator": ":"], "headers.separator and headers.key.separator may not be equal"),
        (["null.marker": "\t"], "null.marker and key.separator may not be equal"),
        (["null.marker": ":", "key.separator": ":"], "null.marker and key.separator may not be equal"),
        (["null.marker": ","], "null.marker and headers.separator may not be equal"),
        (["null.marker": "|", "headers.delimiter": "|"], "null.marker and headers.delimiter may not be equal"),
        (["null.marker": ":"], "null.marker and headers.key.separator may not be equal"),
    ])
    func equalSeparatorsAreRefusedAtStartUp(properties: [String: String], message: String) {
        for parseHeaders in ["true", "false"] {
            // Kafka checks these whether or not parse.headers is set.
            let error = Self.startUpError(properties.merging(["parse.headers": parseHeaders]) { old, _ in old })
            #expect(error?.message == message, "parse.headers=\(parseHeaders)")
            #expect(error?.category == .usage)
        }
    }

    @Test func theDefaultSeparatorsAreAccepted() {
        #expect(Self.startUpError(["parse.key": "true", "parse.headers": "true"]) == nil)
        // key.separator and headers.delimiter are both TAB by default: Kafka allows that.
        #expect(Self.startUpError(["key.separator": "\t", "headers.delimiter": "\t"]) == nil)
    }

    @Test func anInvalidHeadersSeparatorRegexIsAStartUpError() {
        let error = Self.startUpError(["parse.headers": "true", "headers.separator": "[a-"])
        #expect(error?.category == .usage)
        #expect(error?.message.contains("headers.separator") == true)
    }
}
