/// One partition's figures, read from its earliest offset to its end (as of the start of the read) with
/// read_committed semantics: control records and aborted transactional records are not counted.
public struct PartitionCensus: Sendable, Equatable {
    /// Where the digest stood before a record: the record's position (its index among the partition's records),
    /// its offset, and the digest of every record before it. Kept every `checkpointInterval` records, so that two
    /// censuses that differ say which range of positions holds the first difference (see `TopicComparison`).
    public struct Checkpoint: Sendable, Equatable {
        public var position: Int64
        public var offset: Int64
        public var digestBefore: UInt64
    }

    /// How many records lie between checkpoints: the most a difference search re-reads from each side, at 24 bytes
    /// kept per interval (about 2.4 KB per million records).
    public static let checkpointInterval: Int64 = 10_000

    public var partition: Int32
    public var records: Int64 = 0
    /// Records with a null value.
    public var tombstones: Int64 = 0
    public var firstOffset: Int64?
    public var lastOffset: Int64?
    public var firstTimestamp: Int64?
    public var lastTimestamp: Int64?
    /// The order-sensitive digest of every record (`RecordDigest`).
    public var digest = RecordDigest()
    public var checkpoints: [Checkpoint] = []

    public init(partition: Int32) {
        self.partition = partition
    }

    public mutating func add(_ record: RecordView) throws {
        if records % Self.checkpointInterval == 0 {
            checkpoints.append(Checkpoint(position: records, offset: record.offset, digestBefore: digest.value))
        }
        try digest.add(record)
        records += 1
        if record.value == nil { tombstones += 1 }
        if firstOffset == nil {
            firstOffset = record.offset
            firstTimestamp = record.timestamp
        }
        lastOffset = record.offset
        lastTimestamp = record.timestamp
    }

    /// Same records in the same order: counts and digests agree (offsets may differ).
    public func holdsSameRecords(as other: PartitionCensus) -> Bool {
        records == other.records && digest == other.digest
    }

    /// The last checkpoint both censuses share with the same digest: the first difference lies at or after it.
    /// nil when either side is empty (then the search starts at the beginning).
    func lastCommonCheckpoint(with other: PartitionCensus) -> (mine: Checkpoint, theirs: Checkpoint)? {
        var common: (Checkpoint, Checkpoint)?
        for (mine, theirs) in zip(checkpoints, other.checkpoints) {
            guard mine.digestBefore == theirs.digestBefore else { break }
            common = (mine, theirs)
        }
        return common
    }
}
