@testable import AdminCore
import NIOCore
import TestSupport
import Testing

/// The census engine without a broker: the digest's framing against values computed independently (Python, from
/// the framing documented in RecordDigest.swift), a partition's figures and checkpoints, the record-by-record
/// comparer, and the key-order comparison.
@Suite struct CensusTests {
    static func record(_ key: String?, _ value: String?, headers: [(String, String?)] = [], timestamp: Int64 = 1000,
                       offset: Int64 = 0) -> Record {
        Record(offset: offset, timestamp: timestamp, key: key.map { ByteBuffer(string: $0) }, value: value.map { ByteBuffer(string: $0) },
               headers: headers.map { RecordHeader(key: $0.0, value: $0.1.map { ByteBuffer(string: $0) }) })
    }

    static func digest(_ records: [Record]) throws -> UInt64 {
        var digest = RecordDigest()
        for record in records { try RecordView.withView(of: record) { try digest.add($0) } }
        return digest.value
    }

    // Expected values: Python's FNV-1a 64 over the documented framing (lengths int32 big-endian, -1 for null,
    // header count, headers in order, timestamp int64 big-endian).
    static let first = record("k", "v", headers: [("h", "x"), ("h", nil)], timestamp: 1000)
    static let second = record(nil, "", timestamp: -1)
    static let third = record("", nil, timestamp: 1_700_000_000_000)

    @Test func theDigestFollowsTheDocumentedFraming() throws {
        #expect(try Self.digest([]) == 0xcbf2_9ce4_8422_2325)
        #expect(try Self.digest([Self.first]) == 0x8278_d24c_11d2_adbc)
        #expect(try Self.digest([Self.first, Self.second]) == 0x6888_8a20_b90b_9550)
        #expect(try Self.digest([Self.first, Self.second, Self.third]) == 0xb4d0_30aa_731a_a2c4)
        #expect(try Self.digest([Self.third]) == 0xd182_2757_db06_c4d5)
    }

    @Test func theDigestTellsNullFromEmptyAndOrderAndDuplicates() throws {
        let base = try Self.digest([Self.record("k", "v")])
        #expect(try Self.digest([Self.record("k", "")]) != Self.digest([Self.record("k", nil)]))
        #expect(try Self.digest([Self.record("", "v")]) != Self.digest([Self.record(nil, "v")]))
        #expect(try Self.digest([Self.record("k", "v", headers: [("h", "")])]) != Self.digest([Self.record("k", "v", headers: [("h", nil)])]))
        #expect(try Self.digest([Self.record("k", "v", headers: [("a", "1"), ("b", "2")])])
                != Self.digest([Self.record("k", "v", headers: [("b", "2"), ("a", "1")])]))
        #expect(try Self.digest([Self.record("k", "v", headers: [("a", "1")])])
                != Self.digest([Self.record("k", "v", headers: [("a", "1"), ("a", "1")])]))
        #expect(try Self.digest([Self.record("k", "v", timestamp: 1)]) != base)
        #expect(try Self.digest([Self.first, Self.second]) != Self.digest([Self.second, Self.first]))
        // The offset is not part of it: a copy may start elsewhere.
        #expect(try Self.digest([Self.record("k", "v", offset: 42)]) == base)
    }

    @Test func aPartitionCensusCountsAndKeepsCheckpoints() throws {
        var census = PartitionCensus(partition: 2)
        let count = PartitionCensus.checkpointInterval * 2 + 5
        for index in 0..<count {
            let record = Self.record("k\(index % 7)", index % 10 == 0 ? nil : "v\(index)", timestamp: 5_000 + index, offset: 100 + index)
            try RecordView.withView(of: record) { try census.add($0) }
        }
        #expect(census.records == count)
        #expect(census.tombstones == (count + 9) / 10)
        #expect(census.firstOffset == 100 && census.lastOffset == 100 + count - 1)
        #expect(census.firstTimestamp == 5_000 && census.lastTimestamp == 5_000 + count - 1)
        #expect(census.checkpoints.map(\.position) == [0, PartitionCensus.checkpointInterval, PartitionCensus.checkpointInterval * 2])
        #expect(census.checkpoints.map(\.offset) == [100, 100 + PartitionCensus.checkpointInterval, 100 + PartitionCensus.checkpointInterval * 2])
        #expect(census.checkpoints[0].digestBefore == RecordDigest.offsetBasis)
    }

    @Test func theLastCommonCheckpointBoundsTheFirstDifference() throws {
        func census(changingAt changed: Int64?, records: Int64) throws -> PartitionCensus {
            var census = PartitionCensus(partition: 0)
            for index in 0..<records {
                let record = Self.record("k", index == changed ? "changed" : "v\(index)", offset: index)
                try RecordView.withView(of: record) { try census.add($0) }
            }
            return census
        }
        let interval = PartitionCensus.checkpointInterval
        let original = try census(changingAt: nil, records: interval * 3)
        let changed = try census(changingAt: interval + 17, records: interval * 3)
        #expect(!original.holdsSameRecords(as: changed))
        #expect(original.lastCommonCheckpoint(with: changed)?.mine.position == interval)
        let shorter = try census(changingAt: nil, records: interval * 2 + 1)
        #expect(original.lastCommonCheckpoint(with: shorter)?.mine.position == interval * 2)
        let atStart = try census(changingAt: 0, records: 3)
        #expect(original.lastCommonCheckpoint(with: atStart)?.mine.position == 0)  // the search starts at the beginning
        #expect(original.lastCommonCheckpoint(with: PartitionCensus(partition: 0)) == nil)
    }

    @Test func theSequenceComparerFindsTheFirstDifferentRecordIgnoringOffsets() {
        let a = (0..<5).map { Self.record("k", "v\($0)", offset: Int64($0)) }
        var b = (0..<5).map { Self.record("k", "v\($0)", offset: Int64($0) + 1000) }
        #expect(RecordSequenceComparer.firstDifference(a, b) == 5)
        b[3] = Self.record("k", "other", offset: 1003)
        #expect(RecordSequenceComparer.firstDifference(a, b) == 3)
        #expect(RecordSequenceComparer.firstDifference(a, Array(a.prefix(2))) == 2)
        #expect(RecordSequenceComparer.firstDifference(a, a + [Self.record("k", "extra")]) == 5)
    }

    static func keyCensus(_ topic: String, _ placed: [(partition: Int32, record: Record)]) throws -> KeyOrderCensus {
        var census = KeyOrderCensus(topic: topic)
        for (partition, record) in placed { try RecordView.withView(of: record) { try census.add($0, partition: partition) } }
        return census
    }

    @Test func keysComparedByTheirOrderNotTheirPartitions() throws {
        let records = (0..<30).map { Self.record("key\($0 % 6)", "value\($0)", offset: Int64($0)) }
        let threePartitions = try Self.keyCensus("a", records.map { (Int32($0.key!.readableBytes % 3), $0) })
        let fivePartitions = try Self.keyCensus("b", records.map { ((Int32(String(buffer: $0.key!).last!.asciiValue!) % 5), $0) })
        let same = KeyOrderComparison.compare(threePartitions, fivePartitions)
        #expect(same.isEqual && same.differingKeys == 0 && same.sourceKeys == 6 && same.targetKeys == 6)

        // Two records of key4 swapped on the target side.
        var swapped = records
        swapped.swapAt(4, 10)
        let reordered = KeyOrderComparison.compare(threePartitions, try Self.keyCensus("b", swapped.map { (0, $0) }))
        #expect(!reordered.isEqual && reordered.differingKeys == 1)
        #expect(reordered.firstDifference?.key == ByteBuffer(string: "key4"))
        #expect(reordered.firstDifference?.source?.records == 5 && reordered.firstDifference?.target?.records == 5)

        // A record only the target has, under a key the source lacks.
        let extra = KeyOrderComparison.compare(threePartitions, try Self.keyCensus("b", (records + [Self.record("new", "x")]).map { (0, $0) }))
        #expect(extra.differingKeys == 1 && extra.firstDifference?.source == nil && extra.firstDifference?.key == ByteBuffer(string: "new"))
    }

    @Test func nullKeyedRecordsAreAMultiset() throws {
        let records = (0..<6).map { Self.record(nil, "v\($0)") }
        let a = try Self.keyCensus("a", records.enumerated().map { (Int32($0.offset % 2), $0.element) })
        let b = try Self.keyCensus("b", records.reversed().map { (0, $0) })
        #expect(KeyOrderComparison.compare(a, b).isEqual)
        let fewer = try Self.keyCensus("b", records.dropLast().map { (0, $0) })
        let comparison = KeyOrderComparison.compare(a, fewer)
        #expect(!comparison.isEqual && comparison.firstDifference?.key == nil)
    }

    /// A census reads as read_committed: the aborted transaction's records and both control batches are not counted,
    /// and what is left digests as the same records written without a transaction.
    @Test(.timeLimit(.minutes(1)))
    func aCensusLeavesOutControlBatchesAndAbortedTransactions() async throws {
        typealias Scripted = PartitionConsumerScriptedTests
        let broker = try Scripted.Broker(logs: [try Scripted.transactionalLog()])
        let census = try await Scripted.withConsumer(broker) { consumer in
            try await PartitionConsumer.censusReader(client: consumer.client).census(of: Scripted.topic)
        }
        let partition = try #require(census.partitions.first)
        #expect(partition.records == 2 && partition.firstOffset == 3 && partition.lastOffset == 4)
        let plain = try Scripted.batch(3, ["plain"]) + Scripted.batch(4, ["committed"])
        let expected = try ConsumedRecords(topicPartition: TopicPartition(Scripted.topic, 0), blob: ByteBuffer(bytes: plain), position: 0,
                                           stopOffset: nil, highWatermark: 5, nextOffset: 5, aborted: nil, filterAborted: false,
                                           verifyChecksums: true).records()
        #expect(partition.digest.value == (try Self.digest(expected)))
    }
}
