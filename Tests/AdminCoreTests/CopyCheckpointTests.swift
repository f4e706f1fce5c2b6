import Foundation
import Testing

@testable import AdminCore

/// The copy's checkpoint (text, checksum, atomic file) and the cut `CopyTracker` derives from acknowledgements.
@Suite struct CopyCheckpointTests {
    static let sample = CopyCheckpoint(
        sourceTopic: "orders.dlq", targetTopic: "orders", partitionMap: .same, targetPartitionCount: 3,
        sources: [.init(partition: 1, next: 10, end: 20), .init(partition: 0, next: 5, end: 5)],
        targetEnds: [0: 100, 1: 7, 2: 0])

    @Test func roundTripsThroughItsText() throws {
        let text = Self.sample.encoded()
        #expect(text.hasPrefix("kafkactl copy checkpoint 1\nsource-topic orders.dlq\ntarget-topic orders\npartition-map same\ntarget-partitions 3\nsource 0 5 5\nsource 1 10 20\ntarget 0 100\ntarget 1 7\ntarget 2 0\nchecksum "))
        #expect(try CopyCheckpoint.decode(text) == Self.sample)
        #expect(Self.sample.remainingPlan.totalRecords == 10)
        #expect(Self.sample.remainingPlan.ranges.map(\.target) == [0, 1])
    }

    @Test func aWhereExpressionTravelsWholeOnItsOwnLine() throws {
        var filtered = Self.sample
        filtered.filterExpression = #"key == "a b" and value.order.total > 40"#
        let text = filtered.encoded()
        #expect(text.contains("\ntarget-partitions 3\nwhere key == \"a b\" and value.order.total > 40\nsource 0 5 5\n"))
        #expect(try CopyCheckpoint.decode(text) == filtered)
        #expect(try CopyCheckpoint.decode(Self.sample.encoded()).filterExpression == nil)
    }

    @Test func refusesATornOrEditedText() {
        let text = Self.sample.encoded()
        let cases = [
            String(text.dropLast(20)),  // torn
            text.replacingOccurrences(of: "source 1 10 20", with: "source 1 11 20"),  // edited
            "",
            "kafkactl copy checkpoint 1\nchecksum 00000000\n",
        ]
        for bad in cases {
            #expect(throws: (any Error).self) { try CopyCheckpoint.decode(bad) }
        }
    }

    @Test func theFileIsReplacedWholeAndACorruptOneIsNamed() throws {
        let path = NSTemporaryDirectory() + "/copy-checkpoint-\(UUID().uuidString)"
        defer { unlink(path) }
        let file = CheckpointFile(path: path)
        #expect(try file.load() == nil)
        try file.save(Self.sample)
        var later = Self.sample
        later.sources[0].next = 5
        try file.save(later)
        #expect(try file.load() == later)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
        try "garbage".write(toFile: path, atomically: false, encoding: .utf8)
        #expect { try file.load() } throws: { error in
            (error as? KafkactlError)?.message.contains("checkpoint '\(path)' is corrupt") == true
        }
    }

    @Test func theCutIsTheLongestAcknowledgedPrefix() {
        var tracker = CopyTracker(sourceStarts: [0: 100, 1: 0], targetEnds: [0: 50, 1: 0])
        // Sent in this order: p0@100 -> t0, p1@0 -> t1, p0@101 -> t0, p1@1 -> t1.
        let numbers = [tracker.register(source: 0, offset: 100, target: 0, size: 10),
                       tracker.register(source: 1, offset: 0, target: 1, size: 10),
                       tracker.register(source: 0, offset: 101, target: 0, size: 10),
                       tracker.register(source: 1, offset: 1, target: 1, size: 10)]
        // The engine moves each source partition on once per fetched chunk.
        tracker.advance(source: 0, to: 102)
        tracker.advance(source: 1, to: 2)
        #expect(numbers == [0, 1, 2, 3])
        var cut = tracker.cut()
        #expect(cut.sources == [0: 100, 1: 0])
        #expect(cut.targets == [0: 50, 1: 0])
        // t1's records acknowledged first: the cut waits for p0@100.
        tracker.acknowledge([1, 3])
        cut = tracker.cut()
        #expect(cut.sources == [0: 100, 1: 0])
        #expect(cut.targets == [0: 50, 1: 0])
        tracker.acknowledge([0])
        cut = tracker.cut()
        #expect(cut.sources == [0: 101, 1: 1])
        #expect(cut.targets == [0: 51, 1: 1])
        #expect(tracker.outstanding == 2)
        tracker.acknowledge([2])
        cut = tracker.cut()
        #expect(cut.sources == [0: 102, 1: 2])
        #expect(cut.targets == [0: 52, 1: 2])
        #expect(tracker.acknowledgedRecords == 4)
        #expect(tracker.acknowledgedBytes == 40)
    }

    @Test func hashPlacementIsAPureFunctionOfKeyAndPlace() {
        let plan = CopyPlan(sourceTopic: "a", targetTopic: "b", partitionMap: .hash, targetPartitionCount: 6, ranges: [])
        let key: [UInt8] = Array("key-1".utf8)
        let placed = key.withUnsafeBytes { plan.targetPartition(sourcePartition: 3, offset: 0, key: $0) }
        #expect(placed == Int32((Int(Murmur2.hash(key)) & 0x7fff_ffff) % 6))
        #expect(plan.targetPartition(sourcePartition: 0, offset: 0, key: nil) == 0)
        #expect(plan.targetPartition(sourcePartition: 0, offset: 1023, key: nil) == 0)
        #expect(plan.targetPartition(sourcePartition: 0, offset: 1024, key: nil) == 1)
        #expect(plan.targetPartition(sourcePartition: 5, offset: 1024, key: nil) == 0)
    }
}
