extension PartitionConsumer {
    /// The timestamp of the record at (or first after) each offset, read with one small Fetch per leader; a
    /// partition with no record there is left out. For lag in time: how old the next unconsumed record is.
    public static func recordTimestamps(at offsets: [TopicPartition: Int64], client: KafkaClient) async throws -> [TopicPartition: Int64] {
        guard !offsets.isEmpty else { return [:] }
        var configuration = ConsumerConfiguration()
        configuration.maxPartitionFetchBytes = 64 * 1024
        configuration.fetchMaxWait = .milliseconds(100)
        let consumer = PartitionConsumer(client: client, configuration: configuration)
        var found: [TopicPartition: Int64] = [:]
        // One record per partition is enough: stop each partition right after its first record.
        let stops = offsets.mapValues { $0 + 1 }
        try await consumer.consume(from: offsets, stopAtEnd: true, stopOffsets: stops) { chunk in
            try chunk.forEachRecord { first in
                found[chunk.topicPartition] = first.timestamp
                return false
            }
            return .continue
        }
        return found
    }
}
