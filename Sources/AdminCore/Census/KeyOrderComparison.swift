import NIOCore

/// Each key's records of one topic, as `--partition-map hash` compares them: a copy that re-partitioned by key keeps
/// each key's records in their relative order, but not their partitions or offsets.
///
/// Per key: the count and an order-sensitive digest of its records (each record's `RecordDigest`, chained). A key
/// whose records lie in several partitions of one side (a topic not partitioned by key) has one chain per
/// partition, summed, since no order holds between partitions. Records with a null key are not placed by key, so
/// they are compared as a multiset: their count and the sum of their digests. Keys are held by their digest; only
/// the first sight of a key copies its bytes (to name it), so memory grows with the number of keys, not records.
public struct KeyOrderCensus: Sendable {
    public struct KeySequence: Sendable, Equatable {
        public var key: ByteBuffer?
        public var records: Int64
        public var digest: UInt64
        /// Where the key was first seen: the partition and offset of its first record.
        public var firstPartition: Int32
        public var firstOffset: Int64

        public init(key: ByteBuffer?, records: Int64, digest: UInt64, firstPartition: Int32, firstOffset: Int64) {
            (self.key, self.records, self.digest, self.firstPartition, self.firstOffset) = (key, records, digest, firstPartition, firstOffset)
        }
    }

    private struct Chain {
        var key: ByteBuffer?
        var records: Int64 = 0
        var digest = RecordDigest()
        var firstPartition: Int32
        var firstOffset: Int64
    }

    private struct ChainKey: Hashable {
        var key: UInt64
        var partition: Int32
    }

    public let topic: String
    private var chains: [ChainKey: Chain] = [:]
    private var nullKeyed = Chain(key: nil, firstPartition: -1, firstOffset: -1)
    private var nullKeyedSum: UInt64 = 0
    public private(set) var records: Int64 = 0

    public init(topic: String) {
        self.topic = topic
    }

    public mutating func add(_ record: RecordView, partition: Int32) throws {
        records += 1
        let recordDigest = try RecordDigest.of(record)
        guard let key = record.key else {
            nullKeyed.records += 1
            nullKeyedSum &+= recordDigest
            if nullKeyed.firstPartition < 0 { (nullKeyed.firstPartition, nullKeyed.firstOffset) = (partition, record.offset) }
            return
        }
        let chainKey = ChainKey(key: RecordDigest.ofKey(key), partition: partition)
        if chains[chainKey] == nil {
            chains[chainKey] = Chain(key: ByteBuffer(bytes: key), firstPartition: partition, firstOffset: record.offset)
        }
        chains[chainKey]!.records += 1
        chains[chainKey]!.digest.chain(recordDigest)
    }

    /// Every key's sequence, keyed by the key's digest; the null key (if any record has one) under `nullKeyDigest`.
    public func sequences() -> [UInt64: KeySequence] {
        var byKey: [UInt64: KeySequence] = [:]
        for (chainKey, chain) in chains {
            if var sequence = byKey[chainKey.key] {
                sequence.records += chain.records
                sequence.digest &+= chain.digest.value
                if (chain.firstPartition, chain.firstOffset) < (sequence.firstPartition, sequence.firstOffset) {
                    (sequence.firstPartition, sequence.firstOffset) = (chain.firstPartition, chain.firstOffset)
                }
                byKey[chainKey.key] = sequence
            } else {
                byKey[chainKey.key] = KeySequence(key: chain.key, records: chain.records, digest: chain.digest.value,
                                                  firstPartition: chain.firstPartition, firstOffset: chain.firstOffset)
            }
        }
        if nullKeyed.records > 0 {
            byKey[Self.nullKeyDigest] = KeySequence(key: nil, records: nullKeyed.records, digest: nullKeyedSum,
                                                    firstPartition: nullKeyed.firstPartition, firstOffset: nullKeyed.firstOffset)
        }
        return byKey
    }

    public static let nullKeyDigest = RecordDigest.ofKey(nil)
}

/// `topics --diff --partition-map hash`: both topics' keys compared by their sequences.
public struct KeyOrderComparison: Sendable {
    /// A key whose records differ: its sequence on each side (nil when that side has none of its records).
    public struct KeyDifference: Sendable, Equatable {
        public var source: KeyOrderCensus.KeySequence?
        public var target: KeyOrderCensus.KeySequence?
        public var key: ByteBuffer? { source?.key ?? target?.key }

        public init(source: KeyOrderCensus.KeySequence?, target: KeyOrderCensus.KeySequence?) {
            (self.source, self.target) = (source, target)
        }
    }

    public var sourceTopic: String
    public var targetTopic: String
    public var sourceRecords: Int64
    public var targetRecords: Int64
    public var sourceKeys: Int
    public var targetKeys: Int
    /// How many keys differ.
    public var differingKeys: Int
    /// The differing key first seen on the source side (lowest partition, then offset), else on the target side.
    public var firstDifference: KeyDifference?

    public var isEqual: Bool { differingKeys == 0 && sourceRecords == targetRecords }

    public init(sourceTopic: String, targetTopic: String, sourceRecords: Int64, targetRecords: Int64, sourceKeys: Int, targetKeys: Int,
                differingKeys: Int, firstDifference: KeyDifference?) {
        (self.sourceTopic, self.targetTopic, self.sourceRecords, self.targetRecords) = (sourceTopic, targetTopic, sourceRecords, targetRecords)
        (self.sourceKeys, self.targetKeys, self.differingKeys, self.firstDifference) = (sourceKeys, targetKeys, differingKeys, firstDifference)
    }

    public static func compare(
        _ sourceTopic: String, on source: PartitionConsumer, with targetTopic: String, on target: PartitionConsumer,
        progress: CensusProgress? = nil
    ) async throws -> KeyOrderComparison {
        let counter = progress.map { CombinedProgress($0) }
        async let sourceCensus = source.keyOrderCensus(of: sourceTopic, progress: counter?.side(0))
        let targetCensus = try await target.keyOrderCensus(of: targetTopic, progress: counter?.side(1))
        let (a, b) = (try await sourceCensus, targetCensus)
        return compare(a, b)
    }

    static func compare(_ a: KeyOrderCensus, _ b: KeyOrderCensus) -> KeyOrderComparison {
        let keysA = a.sequences()
        let keysB = b.sequences()
        var differences: [KeyDifference] = []
        for (digest, sequence) in keysA {
            let other = keysB[digest]
            if other?.records != sequence.records || other?.digest != sequence.digest {
                differences.append(KeyDifference(source: sequence, target: other))
            }
        }
        for (digest, sequence) in keysB where keysA[digest] == nil {
            differences.append(KeyDifference(source: nil, target: sequence))
        }
        let first = differences.min { lhs, rhs in
            let left = lhs.source.map { (0, $0.firstPartition, $0.firstOffset) } ?? (1, lhs.target!.firstPartition, lhs.target!.firstOffset)
            let right = rhs.source.map { (0, $0.firstPartition, $0.firstOffset) } ?? (1, rhs.target!.firstPartition, rhs.target!.firstOffset)
            return left < right
        }
        return KeyOrderComparison(sourceTopic: a.topic, targetTopic: b.topic, sourceRecords: a.records, targetRecords: b.records,
                                  sourceKeys: keysA.count, targetKeys: keysB.count, differingKeys: differences.count,
                                  firstDifference: first)
    }
}

extension PartitionConsumer {
    /// Reads every partition of `topic` to its end as of the first fetch, keeping each key's sequence.
    public func keyOrderCensus(of topic: String, progress: CensusProgress? = nil) async throws -> KeyOrderCensus {
        let partitions = try await AdminClient(client: client).partitionsToConsume(topic: topic)
        let starts = try await resolve(Dictionary(uniqueKeysWithValues: partitions.map { ($0, .earliest) }))
        var census = KeyOrderCensus(topic: topic)
        var bytes = 0
        try await consume(from: starts, stopAtEnd: true) { chunk in
            let partition = chunk.topicPartition.partition
            try chunk.forEachRecord { record in
                try census.add(record, partition: partition)
                return true
            }
            bytes += chunk.byteCount
            progress?(Int(census.records), bytes)
            return .continue
        }
        return census
    }
}
