import NIOCore

/// A record to produce, with where it came from so a failure can be named (`line 17: ...`).
public struct ProducerRecord: Sendable {
    public var key: ByteBuffer?
    public var value: ByteBuffer?
    public var headers: [RecordHeader]
    /// nil: now.
    public var timestamp: Int64?
    /// nil: the partitioner decides.
    public var partition: Int32?
    /// The input line (or other position) the record came from; reported on failure.
    public var source: Int

    public init(key: ByteBuffer?, value: ByteBuffer?, headers: [RecordHeader] = [], timestamp: Int64? = nil,
                partition: Int32? = nil, source: Int) {
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
        self.partition = partition
        self.source = source
    }
}

/// The outcome of everything sent: how many were acknowledged and which failed.
public struct DeliverySummary: Sendable {
    public struct Failure: Sendable {
        public var source: Int
        public var error: KafkactlError
    }

    public var delivered = 0
    public var failedCount = 0
    /// The first failures, in input order (kept bounded so a million failures cost no memory).
    public var failures: [Failure] = []

    public var allDelivered: Bool { failedCount == 0 }

    mutating func recordFailures(_ sources: [Int], error: KafkactlError) {
        failedCount += sources.count
        for source in sources.prefix(max(0, 100 - failures.count)) {
            failures.append(Failure(source: source, error: error))
        }
    }
}

/// Where keyless records go: one partition per batch, switching when its batch is sealed (KIP-480's sticky
/// partitioner); keyed records go where Java's murmur2 partitioner puts them.
struct StickyPartitioner {
    private var sticky: Int32?
    private var generator = SystemRandomNumberGenerator()

    mutating func partition(for key: ByteBuffer?, partitionCount: Int) -> Int32 {
        if let key {
            return key.withUnsafeReadableBytes { Int32((Int(Murmur2.hash($0)) & 0x7fff_ffff) % partitionCount) }
        }
        if let sticky, sticky < partitionCount { return sticky }
        let chosen = Int32(Int.random(in: 0..<partitionCount, using: &generator))
        sticky = chosen
        return chosen
    }

    /// A batch of `partition` was sealed: keyless records move on to another partition.
    mutating func sealed(_ partition: Int32, partitionCount: Int) {
        guard sticky == partition, partitionCount > 1 else { return }
        var next = Int32(Int.random(in: 0..<(partitionCount - 1), using: &generator))
        if next >= partition { next += 1 }
        sticky = next
    }
}
