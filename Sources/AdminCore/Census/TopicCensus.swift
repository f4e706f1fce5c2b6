/// A topic's census: every partition's figures, sorted by partition.
public struct TopicCensus: Sendable, Equatable {
    public var topic: String
    public var partitions: [PartitionCensus]

    public init(topic: String, partitions: [PartitionCensus]) {
        self.topic = topic
        self.partitions = partitions.sorted { $0.partition < $1.partition }
    }

    public var records: Int64 { partitions.reduce(0) { $0 + $1.records } }
}

/// How far a census or comparison has got, for a progress line: records read and bytes fetched so far.
public typealias CensusProgress = @Sendable (_ records: Int, _ bytes: Int) -> Void

extension PartitionConsumer {
    /// A consumer that reads as a census must: read_committed (aborted transactions left out), from the start.
    public static func censusReader(client: KafkaClient) -> PartitionConsumer {
        var configuration = ConsumerConfiguration()
        configuration.isolation = .readCommitted
        configuration.autoOffsetReset = .earliest
        // A census reads to the end: do not let an idle partition hold the next fetch.
        configuration.fetchMaxWait = .milliseconds(100)
        return PartitionConsumer(client: client, configuration: configuration)
    }

    /// Reads every partition of `topic` from its earliest offset to its end as of the first fetch, counting and
    /// digesting each record without copying it.
    public func census(of topic: String, progress: CensusProgress? = nil) async throws -> TopicCensus {
        let partitions = try await AdminClient(client: client).partitionsToConsume(topic: topic)
        let starts = try await resolve(Dictionary(uniqueKeysWithValues: partitions.map { ($0, .earliest) }))
        var censuses = Dictionary(uniqueKeysWithValues: partitions.map { ($0.partition, PartitionCensus(partition: $0.partition)) })
        var records = 0
        var bytes = 0
        try await consume(from: starts, stopAtEnd: true) { chunk in
            var census = censuses[chunk.topicPartition.partition]!
            censuses[chunk.topicPartition.partition] = nil  // keep the value uniquely referenced while it grows
            try chunk.forEachRecord { record in
                try census.add(record)
                records += 1
                return true
            }
            censuses[chunk.topicPartition.partition] = census
            bytes += chunk.byteCount
            progress?(records, bytes)
            return .continue
        }
        return TopicCensus(topic: topic, partitions: Array(censuses.values))
    }

    /// Up to `limit` records of one partition from `offset` on (owned copies, for showing a difference), stopping at
    /// the end of the partition.
    func records(of partition: TopicPartition, from offset: Int64, limit: Int64) async throws -> [Record] {
        var found: [Record] = []
        try await consume(from: [partition: offset], stopAtEnd: true) { chunk in
            try chunk.forEachRecord { record in
                found.append(record.record)
                return Int64(found.count) < limit
            }
            return Int64(found.count) < limit ? .continue : .stop
        }
        return found
    }
}
