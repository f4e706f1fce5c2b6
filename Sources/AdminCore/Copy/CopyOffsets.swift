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
        try await consume(from: ends, stopAtEnd: true) { chunk in
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
