/// Records fetched from one partition, in offset order, already past the position asked for.
public struct ConsumedRecords: Sendable {
    public var topicPartition: TopicPartition
    public var records: [Record]
    /// The partition's high watermark when the records were fetched.
    public var highWatermark: Int64
    /// The position after these records: where consumption of the partition continues.
    public var nextOffset: Int64
}

/// What the caller of `PartitionConsumer.consume` wants next.
public enum ConsumeDecision: Sendable {
    case `continue`
    case stop
}
