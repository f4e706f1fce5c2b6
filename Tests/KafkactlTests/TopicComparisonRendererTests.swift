import AdminCore
import NIOCore
import Testing

@testable import kafkactl

/// `topics --verify` and `--diff` output without a broker: the tables, the difference lines with both records as
/// console-consumer's JSON envelope, the verdicts and the JSON documents.
@Suite struct TopicComparisonRendererTests {
    static func census(_ partition: Int32, _ values: [String?], firstOffset: Int64 = 0) throws -> PartitionCensus {
        var census = PartitionCensus(partition: partition)
        for (index, value) in values.enumerated() {
            let record = Record(offset: firstOffset + Int64(index), timestamp: 1000 + Int64(index), key: ByteBuffer(string: "k"),
                                value: value.map { ByteBuffer(string: $0) })
            try RecordView.withView(of: record) { try census.add($0) }
        }
        return census
    }

    @Test func verifyPrintsOneRowPerPartitionAndASummary() throws {
        let census = TopicCensus(topic: "orders", partitions: [try Self.census(1, []), try Self.census(0, ["a", nil, "b"])])
        let lines = TopicCensusRenderer().lines(census)
        let digest = TopicCensusRenderer.hex(census.partitions[0].digest.value)
        #expect(lines == [
            "PARTITION RECORDS TOMBSTONES FIRST-OFFSET LAST-OFFSET FIRST-TIMESTAMP LAST-TIMESTAMP DIGEST",
            "0         3       1          0            2           1000            1002           \(digest)",
            "1         0       0          -            -           -               -              cbf29ce484222325",
            "Topic: orders\tPartitions: 2\tRecords: 3\tTombstones: 1",
        ])
        #expect(TopicCensusRenderer().json(census).serialized() == """
            {"topic":"orders","records":3,"partitions":[{"partition":0,"records":3,"tombstones":1,"firstOffset":0,"lastOffset":2,\
            "firstTimestamp":1000,"lastTimestamp":1002,"digest":"\(digest)"},{"partition":1,"records":0,"tombstones":0,\
            "firstOffset":null,"lastOffset":null,"firstTimestamp":null,"lastTimestamp":null,"digest":"cbf29ce484222325"}]}
            """)
    }

    @Test func aDifferenceShowsBothRecordsAndTheVerdictNamesThePartitions() throws {
        let source = try Self.census(0, ["a", "b"])
        let target = try Self.census(0, ["a", "c"], firstOffset: 10)
        let changed = Record(offset: 11, timestamp: 1001, key: ByteBuffer(string: "k"), value: ByteBuffer(string: "c"))
        let original = Record(offset: 1, timestamp: 1001, key: ByteBuffer(string: "k"), value: ByteBuffer(string: "b"))
        let comparison = TopicComparison(
            source: TopicCensus(topic: "a", partitions: [source]), target: TopicCensus(topic: "b", partitions: [target]),
            partitions: [.init(partition: 0, source: source, target: target,
                               firstDifference: .init(partition: 0, position: 1, source: original, target: changed))])
        let renderer = TopicComparisonRenderer()
        let lines = renderer.lines(comparison)
        #expect(lines[1].hasPrefix("0         2              2              0-1            10-11"))
        #expect(lines[1].hasSuffix(" differs"))
        #expect(Array(lines.suffix(3)) == [
            "Partition 0 differs first at record 1 (offset 1 in 'a', offset 11 in 'b'):",
            "  source: {\"topic\":\"a\",\"partition\":0,\"offset\":1,\"timestamp\":1001,\"timestampType\":\"CreateTime\",\"key\":\"k\",\"value\":\"b\",\"headers\":[]}",
            "  target: {\"topic\":\"b\",\"partition\":0,\"offset\":11,\"timestamp\":1001,\"timestampType\":\"CreateTime\",\"key\":\"k\",\"value\":\"c\",\"headers\":[]}",
        ])
        #expect(renderer.verdict(comparison) == "topics 'a' and 'b' differ in 1 of 1 partitions: 0")
        let json = renderer.json(comparison).serialized()
        #expect(json.hasPrefix("{\"source\":{\"topic\":\"a\",\"records\":2},\"target\":{\"topic\":\"b\",\"records\":2},\"partitionMap\":\"same\",\"equal\":false,"))
        #expect(json.contains("\"firstDifference\":{\"position\":1,\"source\":{\"topic\":\"a\""))
    }

    @Test func aMissingRecordAndAMissingPartitionAreSaid() throws {
        let source = try Self.census(0, ["a", "b"])
        let shorter = try Self.census(0, ["a"])
        let extra = try Self.census(1, ["x"])
        let comparison = TopicComparison(
            source: TopicCensus(topic: "a", partitions: [source]), target: TopicCensus(topic: "b", partitions: [shorter, extra]),
            partitions: [.init(partition: 0, source: source, target: shorter,
                               firstDifference: .init(partition: 0, position: 1, source: Record(offset: 1, timestamp: 1001, key: nil, value: nil), target: nil)),
                         .init(partition: 1, source: nil, target: extra)])
        let lines = TopicComparisonRenderer().lines(comparison)
        #expect(lines.contains("Partition 0 differs first at record 1 (offset 1 in 'a', 'b' has no record there):"))
        #expect(lines.contains("  target: (none: the partition ends before it)"))
        #expect(lines.contains("Partition 1 exists only in 'b'"))
        #expect(TopicComparisonRenderer().verdict(comparison) == "topics 'a' and 'b' differ in 2 of 2 partitions: 0, 1")
    }

    @Test func equalTopicsSaySo() throws {
        let census = try Self.census(0, ["a"])
        let comparison = TopicComparison(source: TopicCensus(topic: "a", partitions: [census]), target: TopicCensus(topic: "b", partitions: [census]),
                                         partitions: [.init(partition: 0, source: census, target: census)])
        #expect(TopicComparisonRenderer().lines(comparison).last == "Topics 'a' and 'b' hold the same records (1 in 1 partitions).")
        #expect(TopicComparisonRenderer().lines(comparison)[1].hasSuffix(" same"))
    }

    @Test func byKeyNamesTheFirstDifferingKey() {
        let sequence = KeyOrderCensus.KeySequence(key: ByteBuffer(string: "k5"), records: 3, digest: 1, firstPartition: 1, firstOffset: 4)
        var other = sequence
        other.digest = 2
        other.firstPartition = 3
        let comparison = KeyOrderComparison(sourceTopic: "a", targetTopic: "b", sourceRecords: 10, targetRecords: 10, sourceKeys: 4,
                                            targetKeys: 4, differingKeys: 1, firstDifference: .init(source: sequence, target: other))
        let renderer = TopicComparisonRenderer()
        #expect(renderer.lines(comparison) == [
            "SIDE   TOPIC RECORDS KEYS",
            "source a     10      4",
            "target b     10      4",
            "Key \"k5\" differs (1 keys differ): 3 records in 'a' from partition 1 offset 4; 3 records in 'b' from partition 3 offset 4",
        ])
        #expect(renderer.verdict(comparison) == "topics 'a' and 'b' differ in 1 keys, first key \"k5\"")
        #expect(renderer.json(comparison).serialized().contains("\"firstDifference\":{\"key\":\"k5\",\"source\":{\"records\":3,\"digest\":\"0000000000000001\""))
    }
}
