import Synchronization

/// The comparison of two topics partition by partition (`topics --diff`): each side's census, and for each
/// partition whose records differ, the first record that differs.
///
/// How the first difference is found: both censuses keep the running digest every
/// `PartitionCensus.checkpointInterval` records. The last checkpoint at which both digests agree bounds where the
/// records start to differ, so only the records from there on (at most one interval, plus one) are read again from
/// each side and compared one by one. A whole topic is thus read once per side at consume speed, the two sides
/// concurrently, and a difference costs one interval's re-read rather than a second full pass or the memory to hold
/// a partition.
public struct TopicComparison: Sendable {
    /// One record position at which the two sides differ; a nil record is one that side does not have (it ended).
    public struct FirstDifference: Sendable, Equatable {
        public var partition: Int32
        /// The record's index among its partition's records (0 for the first), the same on both sides.
        public var position: Int64
        public var source: Record?
        public var target: Record?

        public init(partition: Int32, position: Int64, source: Record?, target: Record?) {
            (self.partition, self.position, self.source, self.target) = (partition, position, source, target)
        }
    }

    public struct PartitionResult: Sendable, Equatable {
        public var partition: Int32
        /// nil when that side has no such partition.
        public var source: PartitionCensus?
        public var target: PartitionCensus?
        public var firstDifference: FirstDifference?

        public init(partition: Int32, source: PartitionCensus?, target: PartitionCensus?, firstDifference: FirstDifference? = nil) {
            (self.partition, self.source, self.target, self.firstDifference) = (partition, source, target, firstDifference)
        }

        public var isEqual: Bool {
            guard let source, let target else { return false }
            return source.holdsSameRecords(as: target)
        }
    }

    public var source: TopicCensus
    public var target: TopicCensus
    public var partitions: [PartitionResult]

    public var isEqual: Bool { partitions.allSatisfy(\.isEqual) }

    public init(source: TopicCensus, target: TopicCensus, partitions: [PartitionResult]) {
        (self.source, self.target, self.partitions) = (source, target, partitions)
    }

    /// Reads both topics (concurrently), then, for each partition that differs, the records around its first
    /// difference.
    public static func compare(
        _ sourceTopic: String, on source: PartitionConsumer, with targetTopic: String, on target: PartitionConsumer,
        progress: CensusProgress? = nil
    ) async throws -> TopicComparison {
        let counter = progress.map { CombinedProgress($0) }
        async let sourceCensus = source.census(of: sourceTopic, progress: counter?.side(0))
        let targetCensus = try await target.census(of: targetTopic, progress: counter?.side(1))
        let (a, b) = (try await sourceCensus, targetCensus)
        let byPartitionA = Dictionary(uniqueKeysWithValues: a.partitions.map { ($0.partition, $0) })
        let byPartitionB = Dictionary(uniqueKeysWithValues: b.partitions.map { ($0.partition, $0) })
        var results: [PartitionResult] = []
        for partition in Set(byPartitionA.keys).union(byPartitionB.keys).sorted() {
            var result = PartitionResult(partition: partition, source: byPartitionA[partition], target: byPartitionB[partition])
            if let censusA = result.source, let censusB = result.target, !result.isEqual {
                result.firstDifference = try await firstDifference(
                    censusA, TopicPartition(sourceTopic, partition), on: source,
                    censusB, TopicPartition(targetTopic, partition), on: target)
            }
            results.append(result)
        }
        return TopicComparison(source: a, target: b, partitions: results)
    }

    /// Re-reads both sides from their last common checkpoint and compares record by record.
    static func firstDifference(
        _ censusA: PartitionCensus, _ partitionA: TopicPartition, on consumerA: PartitionConsumer,
        _ censusB: PartitionCensus, _ partitionB: TopicPartition, on consumerB: PartitionConsumer
    ) async throws -> FirstDifference {
        let common = censusA.lastCommonCheckpoint(with: censusB)
        let position = common?.mine.position ?? 0
        let limit = PartitionCensus.checkpointInterval + 1
        async let recordsA = censusA.records == 0 ? [] : consumerA.records(
            of: partitionA, from: common?.mine.offset ?? censusA.firstOffset!, limit: limit)
        let recordsB = censusB.records == 0 ? [] : try await consumerB.records(
            of: partitionB, from: common?.theirs.offset ?? censusB.firstOffset!, limit: limit)
        let recordsOfA = try await recordsA
        let difference = RecordSequenceComparer.firstDifference(recordsOfA, recordsB)
        return FirstDifference(
            partition: partitionA.partition, position: position + Int64(difference),
            source: difference < recordsOfA.count ? recordsOfA[difference] : nil,
            target: difference < recordsB.count ? recordsB[difference] : nil)
    }
}

/// Compares two runs of records position by position, as a census digests them: key, value, headers and timestamp,
/// never the offset.
enum RecordSequenceComparer {
    /// The index of the first record that differs, or the shorter run's length when one run is a prefix of the other
    /// (the first record only one side has). Runs that are entirely the same give their common length.
    static func firstDifference(_ a: [Record], _ b: [Record]) -> Int {
        for index in 0..<min(a.count, b.count) where !sameContent(a[index], b[index]) { return index }
        return min(a.count, b.count)
    }

    static func sameContent(_ a: Record, _ b: Record) -> Bool {
        a.key == b.key && a.value == b.value && a.headers == b.headers && a.timestamp == b.timestamp
    }
}

/// Sums two sides' progress into one report.
final class CombinedProgress: Sendable {
    private let sink: CensusProgress
    private let counts = Mutex<[(records: Int, bytes: Int)]>([(0, 0), (0, 0)])

    init(_ sink: @escaping CensusProgress) {
        self.sink = sink
    }

    /// The progress callback of one side (0 or 1).
    func side(_ index: Int) -> CensusProgress {
        { [self] records, bytes in report(side: index, records, bytes) }
    }

    private func report(side: Int, _ records: Int, _ bytes: Int) {
        let total = counts.withLock { counts in
            counts[side] = (records, bytes)
            return (counts[0].records + counts[1].records, counts[0].bytes + counts[1].bytes)
        }
        sink(total.0, total.1)
    }
}
