/// A producer a partition replica keeps state for (DescribeProducers): what kafka-transactions.sh's
/// describe-producers prints, and what find-hanging and abort read.
public struct ProducerState: Sendable, Hashable {
    public var producerId: Int64
    public var producerEpoch: Int32
    public var lastSequence: Int32
    /// The time of the producer's last write, in epoch milliseconds.
    public var lastTimestamp: Int64
    /// The epoch of the transaction coordinator that last wrote a marker for it; nil before its first marker.
    public var coordinatorEpoch: Int32?
    /// The offset of its open transaction's first record in this partition; nil when no transaction is open.
    public var currentTransactionStartOffset: Int64?

    public init(producerId: Int64, producerEpoch: Int32, lastSequence: Int32, lastTimestamp: Int64,
                coordinatorEpoch: Int32?, currentTransactionStartOffset: Int64?) {
        self.producerId = producerId
        self.producerEpoch = producerEpoch
        self.lastSequence = lastSequence
        self.lastTimestamp = lastTimestamp
        self.coordinatorEpoch = coordinatorEpoch
        self.currentTransactionStartOffset = currentTransactionStartOffset
    }

    init(_ wire: DescribeProducersResponse.ProducerState) {
        self.init(producerId: wire.producerId, producerEpoch: wire.producerEpoch, lastSequence: wire.lastSequence,
                  lastTimestamp: wire.lastTimestamp, coordinatorEpoch: wire.coordinatorEpoch >= 0 ? wire.coordinatorEpoch : nil,
                  currentTransactionStartOffset: wire.currentTxnStartOffset >= 0 ? wire.currentTxnStartOffset : nil)
    }
}

/// One transaction a coordinator lists (ListTransactions).
public struct TransactionListing: Sendable, Hashable {
    public var transactionalId: String
    public var producerId: Int64
    /// Kafka's name for the state: Empty, Ongoing, PrepareCommit, PrepareAbort, CompleteCommit, CompleteAbort, ...
    public var state: String

    public init(transactionalId: String, producerId: Int64, state: String) {
        self.transactionalId = transactionalId
        self.producerId = producerId
        self.state = state
    }
}

/// What ListTransactions filters by. Kafka's coordinators filter; kafkactl sends these as given.
public struct TransactionListFilter: Sendable, Hashable {
    public var states: [String] = []
    public var producerIds: [Int64] = []
    /// Only transactions running longer than this many milliseconds (ListTransactions v1+, Kafka 3.8+); nil: any.
    public var minimumDurationMs: Int64?
    /// A regular expression transactional ids must match (v2+, Kafka 4.1+); nil: any.
    public var transactionalIdPattern: String?

    public init(states: [String] = [], producerIds: [Int64] = [], minimumDurationMs: Int64? = nil, transactionalIdPattern: String? = nil) {
        self.states = states
        self.producerIds = producerIds
        self.minimumDurationMs = minimumDurationMs
        self.transactionalIdPattern = transactionalIdPattern
    }
}

/// A transactional id's state at its coordinator (DescribeTransactions).
public struct TransactionDescription: Sendable, Hashable {
    public var coordinatorId: Int32
    public var transactionalId: String
    public var producerId: Int64
    public var producerEpoch: Int16
    public var state: String
    public var timeoutMs: Int32
    /// When the open transaction started (epoch milliseconds); nil when none is open.
    public var startTimeMs: Int64?
    /// The partitions in the transaction; once it prepares to end, those still without their marker.
    public var partitions: [TopicPartition]

    public init(coordinatorId: Int32, transactionalId: String, producerId: Int64, producerEpoch: Int16, state: String,
                timeoutMs: Int32, startTimeMs: Int64?, partitions: [TopicPartition]) {
        self.coordinatorId = coordinatorId
        self.transactionalId = transactionalId
        self.producerId = producerId
        self.producerEpoch = producerEpoch
        self.state = state
        self.timeoutMs = timeoutMs
        self.startTimeMs = startTimeMs
        self.partitions = partitions
    }
}

/// The transaction an abort writes the marker for: Kafka's AbortTransactionSpec.
public struct AbortTransactionSpec: Sendable, Hashable, CustomStringConvertible {
    public var partition: TopicPartition
    public var producerId: Int64
    public var producerEpoch: Int16
    public var coordinatorEpoch: Int32

    public init(partition: TopicPartition, producerId: Int64, producerEpoch: Int16, coordinatorEpoch: Int32) {
        self.partition = partition
        self.producerId = producerId
        self.producerEpoch = producerEpoch
        self.coordinatorEpoch = coordinatorEpoch
    }

    /// Kafka's own rendering, which its tool prints in "Failed to abort transaction ...".
    public var description: String {
        "AbortTransactionSpec(topicPartition=\(partition), producerId=\(producerId), producerEpoch=\(producerEpoch), coordinatorEpoch=\(coordinatorEpoch))"
    }
}

/// An open transaction in one partition whose producer the coordinator no longer has there: no marker will ever
/// end it, and it holds back every read_committed consumer of the partition (find-hanging).
public struct HangingTransaction: Sendable, Hashable {
    public var partition: TopicPartition
    public var producer: ProducerState

    public init(partition: TopicPartition, producer: ProducerState) {
        self.partition = partition
        self.producer = producer
    }
}
