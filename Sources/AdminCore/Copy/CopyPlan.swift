import NIOCore

/// Where a source partition's records go in the target topic.
public enum PartitionMap: String, Sendable, Hashable, CaseIterable {
    /// Partition p to partition p (the target needs at least as many partitions).
    case same
    /// The key's murmur2 partition, as Kafka's default partitioner places keyed records; keyless records are
    /// spread over the partitions in runs of `keylessRun` source offsets (see `targetPartition`).
    case hash
}

/// What one source partition contributes: the offsets `start..<end`, and the target partition it feeds (nil
/// under `hash`, where each record's key decides).
public struct CopyRange: Sendable, Hashable {
    public var partition: Int32
    public var start: Int64
    public var end: Int64
    public var target: Int32?

    public init(partition: Int32, start: Int64, end: Int64, target: Int32?) {
        self.partition = partition
        self.start = start
        self.end = end
        self.target = target
    }

    public var count: Int64 { max(end - start, 0) }
}

/// A copy fixed before anything is written: which offsets of which source partitions, and where they go. A copy
/// ends: `end` is the log end (or `--until`) as of the start, and a resumed copy keeps the same ends.
public struct CopyPlan: Sendable, Hashable {
    public var sourceTopic: String
    public var targetTopic: String
    public var partitionMap: PartitionMap
    public var targetPartitionCount: Int32
    /// By source partition, in partition order.
    public var ranges: [CopyRange]
    /// True when the target does not exist yet and will be created like the source.
    public var createsTarget: Bool

    public init(sourceTopic: String, targetTopic: String, partitionMap: PartitionMap, targetPartitionCount: Int32,
                ranges: [CopyRange], createsTarget: Bool = false) {
        self.sourceTopic = sourceTopic
        self.targetTopic = targetTopic
        self.partitionMap = partitionMap
        self.targetPartitionCount = targetPartitionCount
        self.ranges = ranges.sorted { $0.partition < $1.partition }
        self.createsTarget = createsTarget
    }

    public var totalRecords: Int64 { ranges.reduce(0) { $0 + $1.count } }

    /// Keyless records under `hash` change partition every this many source offsets: runs long enough to fill
    /// batches, as the sticky partitioner's do, yet a pure function of the record's place, so a resumed copy
    /// knows where an earlier run put each record.
    public static let keylessRun: Int64 = 1024

    /// The target partition of the record at `offset` of source `partition` with `key`.
    public func targetPartition(sourcePartition: Int32, offset: Int64, key: UnsafeRawBufferPointer?) -> Int32 {
        switch partitionMap {
        case .same:
            return sourcePartition
        case .hash:
            if let key { return Int32((Int(Murmur2.hash(key)) & 0x7fff_ffff) % Int(targetPartitionCount)) }
            return Int32((Int64(sourcePartition) + offset / Self.keylessRun) % Int64(targetPartitionCount))
        }
    }
}
