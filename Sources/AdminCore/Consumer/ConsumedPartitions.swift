/// What a console consumer reads without a group: which partitions, and where each stops.
extension AdminClient {
    /// The partitions of `topic`, or only `partition` of it. A missing topic or partition is an error; a topic whose
    /// leaders are still being elected is read all the same.
    public func partitionsToConsume(topic: String, partition: Int32? = nil) async throws -> [TopicPartition] {
        let metadata = try await client.metadata(covering: [topic])
        guard let found = metadata.topics[topic], found.error != .unknownTopicOrPartition else {
            throw KafkactlError(.notFound, "Topic '\(topic)' does not exist [UNKNOWN_TOPIC_OR_PARTITION]", code: .unknownTopicOrPartition)
        }
        if found.error.isError && found.error != .leaderNotAvailable { throw KafkactlError.broker(found.error, "Topic '\(topic)'") }
        if let partition {
            guard found.partitions.contains(where: { $0.partition == partition }) else {
                throw KafkactlError(.notFound, "partition \(partition) of topic '\(topic)' does not exist: it has \(found.partitions.count) partitions")
            }
            return [TopicPartition(found.name, partition)]
        }
        return found.partitions.map { TopicPartition(found.name, $0.partition) }
    }

    /// Every partition of the topics (internal ones left out) whose names `matches` accepts, by topic name; nil
    /// when no topic matches.
    public func partitionsToConsume(matching matches: (String) -> Bool) async throws -> [TopicPartition]? {
        let metadata = try await client.metadata(covering: nil)
        let topics = metadata.topics.values.filter { matches($0.name) && !$0.isInternal }.sorted { $0.name < $1.name }
        if topics.isEmpty { return nil }
        return topics.flatMap { topic in topic.partitions.map { TopicPartition(topic.name, $0.partition) } }
    }

    /// The offset each partition stops before: `stop` itself, or the first offset at or after its time (the
    /// partition's end when no record is that new).
    public func stopOffsets(_ stop: ConsumerStop, for partitions: [TopicPartition]) async throws -> [TopicPartition: Int64] {
        switch stop {
        case .offset(let offset):
            return Dictionary(uniqueKeysWithValues: partitions.map { ($0, offset) })
        case .timestamp(let time):
            let byTime = try await listOffsets(Dictionary(uniqueKeysWithValues: partitions.map { ($0, .timestamp(time)) }))
            let latest = try await listOffsets(Dictionary(uniqueKeysWithValues: partitions.map { ($0, .latest) }))
            var stops: [TopicPartition: Int64] = [:]
            for partition in partitions {
                let found = try byTime.answer(for: partition, "partition \(partition)").offset
                stops[partition] = found >= 0 ? found : try latest.answer(for: partition, "partition \(partition)").offset
            }
            return stops
        }
    }
}

/// Where a console consumer stops reading a partition (`--until`).
public enum ConsumerStop: Sendable, Hashable {
    /// Before this offset.
    case offset(Int64)
    /// Before the first record at or after this time (milliseconds since the epoch).
    case timestamp(Int64)
}
