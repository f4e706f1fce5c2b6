import AdminCore
import NIOCore
import Testing

@testable import kafkactl

/// `--where`: the language's errors (one line, pointing at the column), each test over records as the consumer
/// reads them in place (built with the producer's batch builder), the JSON path scanner, and the planner's push-down.
@Suite struct WhereTests {
    /// A record to test: nil key or value means null.
    struct Sample {
        var key: String?
        var value: String?
        var headers: [(String, String?)] = []
        var timestamp: Int64 = 1_700_000_000_000
    }

    /// The indices of `samples` that match `expression`, read through a real v2 batch (offsets from 0, partition 3).
    static func matching(_ expression: String, _ samples: [Sample], now: Int64 = 1_700_000_000_000) throws -> [Int] {
        let predicate = try RecordPredicate(expression, now: now)
        var builder = RecordBatchBuilder()
        for sample in samples {
            builder.append(
                key: sample.key.map { ByteBuffer(string: $0) }, value: sample.value.map { ByteBuffer(string: $0) },
                headers: sample.headers.map { RecordHeader(key: $0.0, value: $0.1.map { ByteBuffer(string: $0) }) },
                timestamp: sample.timestamp)
        }
        let chunk = ConsumedRecords(
            topicPartition: TopicPartition("t", 3), blob: try builder.build(), position: 0, stopOffset: nil, highWatermark: 100,
            nextOffset: 100, aborted: nil, filterAborted: false, verifyChecksums: true)
        var matched: [Int] = []
        try chunk.forEachRecord { record in
            if predicate.matches(record, partition: 3) { matched.append(Int(record.offset)) }
            return true
        }
        return matched
    }

    static func error(_ expression: String) -> WhereError? {
        do {
            _ = try RecordPredicate(expression)
            return nil
        } catch let error as WhereError {
            return error
        } catch {
            return WhereError(column: -1, message: "\(error)")
        }
    }

    static let orders: [Sample] = [
        Sample(key: "k1", value: #"{"order": {"id": 1, "total": 250.5, "who": "ann", "paid": true}, "tags": ["a", "b"]}"#),
        Sample(key: "k2", value: #"{"order": {"id": 2, "total": 40, "who": "bob", "paid": false}, "tags": []}"#),
        Sample(key: nil, value: #"{"order": {"id": 3, "total": -7, "who": "c\"q\u00e9"}, "note": null}"#),
        Sample(key: "k1", value: nil),
        Sample(key: "", value: "", headers: [("h", "x"), ("h", "y"), ("n", nil)]),
        Sample(key: "42", value: "not json {", headers: [("trace", "abc-123")], timestamp: 1_700_000_100_000),
    ]

    @Test("each test finds exactly its records", arguments: [
        (#"key == "k1""#, [0, 3]),
        (#"key != "k1""#, [1, 4, 5]),  // a null key is not unequal to text: it is null
        (#"key is null"#, [2]),
        (#"value is null"#, [3]),
        (#"key is not null and value is not null"#, [0, 1, 4, 5]),
        (#"key == """#, [4]),
        (#"key > "k1""#, [1]),
        (#"key == 42"#, [5]),
        (#"key in ("k2", "42")"#, [1, 5]),
        (#"key not in ("k2", "42")"#, [0, 3, 4]),  // a null key is in nothing and not in nothing
        (#"value.order.id == 2"#, [1]),
        (#"value.order.total >= 40 and value.order.total < 300"#, [0, 1]),
        (#"value.order.total < 0"#, [2]),
        (#"value.order.who == "c\"qé""#, [2]),
        (#"value.order.who contains "q""#, [2]),
        (#"value.order.paid == true"#, [0]),
        (#"value.order.paid"#, [0]),
        (#"not value.order.paid"#, [1, 2, 3, 4, 5]),
        (#"value.order.paid is null"#, [2, 3, 4, 5]),
        (#"value.note is null and value.order.id == 3"#, [2]),
        (#"value.tags[1] == "b""#, [0]),
        (#"value["order"]["who"] matches "^b.b$""#, [1]),
        (#"value contains "bob""#, [1]),
        (#"value.tags contains "a""#, [0]),
        (#"headers["h"] == "y""#, [4]),  // the last header of a name, as Kafka's lastHeader
        (#"headers["n"] is null"#, [0, 1, 2, 3, 4, 5]),
        (#"headers["trace"] matches "[a-z]+-\\d+""#, [5]),
        (#"timestamp > 1700000000000"#, [5]),
        (#"timestamp >= "2023-11-14T22:13:20Z""#, [0, 1, 2, 3, 4, 5]),
        (#"timestamp > now"#, [5]),
        (#"timestamp < -10s"#, [0, 1, 2, 3, 4]),
        (#"offset >= 2 and offset <= 3"#, [2, 3]),
        (#"3 < offset"#, [4, 5]),
        (#"partition == 3 and (key == "k2" || key == "42")"#, [1, 5]),
        (#"partition != 3"#, []),
        (#"key == "k1" and not (value is null)"#, [0]),
    ] as [(String, [Int])])
    func findsItsRecords(expression: String, expected: [Int]) throws {
        // now: 50 s after the samples, so the last one (100 s after) is in the future.
        #expect(try Self.matching(expression, Self.orders, now: 1_700_000_050_000) == expected, "\(expression)")
    }

    @Test("each mistake is one line at its column", arguments: [
        ("", 1, "empty"),
        ("key = = 3", 7, "expected a field or a value"),
        ("foo == 3", 1, "unknown name 'foo'"),
        (#"offset > "abc""#, 10, "offset is an integer and cannot be compared with text"),
        ("offset == 1.5", 11, "is not one"),
        (#"timestamp > "yesterday""#, 13, "not a time"),
        (#"key matches "((""#, 13, "not a regular expression"),
        ("key", 1, "expected a test here"),
        (#"(key == "a""#, 12, "expected ')'"),
        (#"key == "a"#, 8, "not closed"),
        (#"key == "a" garbage"#, 12, "unexpected 'garbage'"),
        ("key == 12x", 8, "neither a number nor a duration"),
        ("key contains 3", 5, "contains takes a field"),
        (#"partition contains "1""#, 1, "partition is an integer"),
        ("timestamp is null", 11, "never null"),
        (#"key == value"#, 8, "not with another field"),
        (#"value.order.paid < true"#, 18, "only equal or not equal"),
        ("key $ 3", 5, "unexpected '$'"),
        (#"headers[1] == "x""#, 9, "quoted"),
    ] as [(String, Int, String)])
    func mistakesPointAtTheirColumn(expression: String, column: Int, message: String) {
        let error = Self.error(expression)
        #expect(error?.column == column, "\(expression): \(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(expression): \(String(describing: error))")
        #expect(error.map { !$0.line().contains("\n") } ?? false)
    }

    @Test func theScannerSkipsWhatIsOffThePath() {
        let document = #" { "a" : [ {"x": "}]"}, 2 ], "b\"c": {"d": [1, {"e": "f"}]}, "g": 1e3 } "#
        func find(_ path: [JSONPathStep]) -> String? {
            Array(document.utf8).withUnsafeBytes { bytes in
                switch JSONPathScanner.find(path, in: bytes) {
                case .string(let body, _)?: return "s:" + String(decoding: body, as: UTF8.self)
                case .number(let body)?: return "n:" + String(decoding: body, as: UTF8.self)
                case .bool(let value)?: return "b:\(value)"
                case .null?: return "null"
                case .composite(let body)?: return "c:" + String(decoding: body, as: UTF8.self)
                case nil: return nil
                }
            }
        }
        #expect(find([.member("a"), .index(0), .member("x")]) == "s:}]")
        #expect(find([.member("a"), .index(1)]) == "n:2")
        #expect(find([.member("a"), .index(2)]) == nil)
        #expect(find([.member("b\"c"), .member("d"), .index(1), .member("e")]) == "s:f")
        #expect(find([.member("g")]) == "n:1e3")
        #expect(find([.member("missing")]) == nil)
        #expect(find([.member("a"), .member("x")]) == nil)  // an array is not an object
        #expect(find([.member("b\"c"), .member("d")]) == "c:[1, {\"e\": \"f\"}]")
        for broken in [#"{"a": "#, #"{"a" 1}"#, "[", #"{"a": [1, 2"#, "tru"] {
            let found = Array(broken.utf8).withUnsafeBytes { JSONPathScanner.find([.member("a"), .index(5)], in: $0) }
            #expect(found == nil, "\(broken)")
        }
    }

    @Test func aKeyLookupReadsTheKeysPartitionUnderEachPartitioner() throws {
        let plan = WherePlan(try RecordPredicate(#"key == "order-17" and value.x == 1"#, now: 0))
        for partitioner in KeyPartitioner.allCases {
            let expected = Array("order-17".utf8).withUnsafeBytes { partitioner.partition(forKey: $0, partitionCount: 12) }
            #expect(plan.partitions(of: 12, partitioner: partitioner) == [expected])
        }
        // Java's partition for "order-17" over 12 partitions: 9, by kafka-python 3.0.12's murmur2 (a port of Java's).
        #expect(plan.partitions(of: 12, partitioner: .murmur2) == [9])
        #expect(plan.partitions(of: 12, partitioner: nil) == nil)
        let either = WherePlan(try RecordPredicate(#"key == "a" or key == "b""#, now: 0))
        #expect(either.keys?.count == 2)
        let notOnly = WherePlan(try RecordPredicate(#"key == "a" or value == "b""#, now: 0))
        #expect(notOnly.keys == nil)
        let negated = WherePlan(try RecordPredicate(#"not key == "a""#, now: 0))
        #expect(negated.keys == nil && !negated.narrows)
        let partitions = WherePlan(try RecordPredicate("partition in (1, 4) and partition != 4", now: 0))
        #expect(partitions.partitions == [1, 4])
    }

    @Test func boundsComeFromTheTopLevelConjunctsOnly() throws {
        let plan = WherePlan(try RecordPredicate("offset > 10 and offset <= 20 and timestamp >= 5000 and timestamp < -1s", now: 100_000))
        #expect(plan.firstOffset == 11 && plan.endOffset == 21)
        #expect(plan.firstTime == 5000 && plan.endTime == 99_000)
        let tighter = WherePlan(try RecordPredicate("offset >= 3 and offset >= 7 and 9 > offset", now: 0))
        #expect(tighter.firstOffset == 7 && tighter.endOffset == 9)
        let underOr = WherePlan(try RecordPredicate("offset > 10 or key == \"a\"", now: 0))
        #expect(underOr.firstOffset == nil && underOr.endOffset == nil)
        let exact = WherePlan(try RecordPredicate("timestamp == 7", now: 0))
        #expect(exact.firstTime == 7 && exact.endTime == 8)
    }

    @Test func keyPartitionersAgreeWithTheirClients() {
        // Values from outside kafkactl: murmur2 partitions from kafka-python 3.0.12 (a port of Java's), CRC-32 of
        // "hello" as Python's zlib.crc32 (librdkafka's rd_crc32 is the same CRC), 32-bit FNV-1a of "hello" as Go's
        // hash/fnv computes it (Sarama's hash).
        func partition(_ partitioner: KeyPartitioner, _ key: String, _ count: Int) -> Int32 {
            Array(key.utf8).withUnsafeBytes { partitioner.partition(forKey: $0, partitionCount: count) }
        }
        #expect(partition(.consistent, "hello", 1000) == Int32(UInt32(0x3610_A686) % 1000))
        #expect(partition(.fnv1a, "hello", 1000) == Int32(abs(Int64(Int32(bitPattern: 0x4F9F_2CAB)) % 1000)))
        #expect(partition(.murmur2, "order-17", 12) == 9)
        #expect(partition(.murmur2, "order-17", 6) == 3)
        #expect(partition(.murmur2, "k7", 6) == 4)
        #expect(partition(.murmur2, "hello", 12) == 9)
    }
}
