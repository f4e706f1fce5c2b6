/// Log end offsets that hold for the last batch of a partition too: ListOffsets(latest), then a fetch from there
/// to the high watermark. Kafka answers the log end offset either way; a broker that answers the last batch's base
/// offset + 1 (seen with the test broker) would otherwise make a copy stop short, or a resume miss records.
extension PartitionConsumer {
    func logEnds(_ partitions: [TopicPartition]) async throws -> [TopicPartition: Int64] {
        guard !partitions.isEmpty else { return [:] }
        let listed = try await client.listOffsets(Dictionary(uniqueKeysWithValues: partitions.map { ($0, OffsetSpec.latest) }))
        var ends: [TopicPartition: Int64] = [:]
        for (partition, result) in listed { ends[partition] = try result.get().offset }
        var seen = ends
        // What is there now, not what may come: at a partition's end a fetch would otherwise wait out
        // fetch.max.wait.ms (500 ms) for new records, once for the source's ends and once for the target's, which
        // was half a second of every copy. 10 ms, not 0: the test broker can answer a 0 ms, 0-byte fetch without the
        // partition, which would leave its end unknown.
        var quick = configuration
        quick.fetchMaxWait = min(quick.fetchMaxWait, .milliseconds(10))
        try await PartitionConsumer(client: client, configuration: quick).consume(from: ends, stopAtEnd: true) { chunk in
            seen[chunk.topicPartition] = max(seen[chunk.topicPartition] ?? 0, chunk.nextOffset, chunk.highWatermark)
            return .continue
        }
        return seen
    }

    func logStarts(_ partitions: [TopicPartition]) async throws -> [TopicPartition: Int64] {
        guard !partitions.isEmpty else { return [:] }
        let listed = try await client.listOffsets(Dictionary(uniqueKeysWithValues: partitions.map { ($0, OffsetSpec.earliest) }))
        return try listed.mapValues { try $0.get().offset }
    }
}
