/// Where a copy starts or stops in each source partition.
public enum CopyBound: Sendable, Hashable {
    case offset(Int64)
    /// The first record at or after this time (ms since the epoch).
    case timestamp(Int64)
}

/// What the user asked to copy.
public struct CopyRequest: Sendable, Hashable {
    public var sourceTopic: String
    public var targetTopic: String
    /// nil: every partition of the source.
    public var partitions: [Int32]?
    public var from: CopyBound?
    public var until: CopyBound?
    /// At most this many records of each source partition.
    public var maxMessages: Int64?
    public var partitionMap: PartitionMap
    public var createTopic: Bool

    public init(sourceTopic: String, targetTopic: String, partitions: [Int32]? = nil, from: CopyBound? = nil,
                until: CopyBound? = nil, maxMessages: Int64? = nil, partitionMap: PartitionMap = .same,
                createTopic: Bool = false) {
        self.sourceTopic = sourceTopic
        self.targetTopic = targetTopic
        self.partitions = partitions
        self.from = from
        self.until = until
        self.maxMessages = maxMessages
        self.partitionMap = partitionMap
        self.createTopic = createTopic
    }
}

/// Turns a `CopyRequest` into a `CopyPlan` (offsets fixed now) and creates the target topic when asked. Writes
/// nothing else.
public struct CopyPlanner: Sendable {
    public let source: AdminClient
    public let target: AdminClient

    public init(source: KafkaClient, target: KafkaClient) {
        self.source = AdminClient(client: source)
        self.target = AdminClient(client: target)
    }

    public func plan(_ request: CopyRequest) async throws -> CopyPlan {
        let all = try await source.partitionsToConsume(topic: request.sourceTopic)
        var partitions = all
        if let wanted = request.partitions {
            let known = Set(all.map(\.partition))
            if let missing = wanted.first(where: { !known.contains($0) }) {
                throw KafkactlError(.usage, "--partition \(missing): topic '\(request.sourceTopic)' has partitions 0-\(all.count - 1)")
            }
            partitions = all.filter { wanted.contains($0.partition) }
        }
        let targetCount = try await targetPartitionCount(request, sourceCount: all.count)
        if request.partitionMap == .same, let highest = partitions.map(\.partition).max(), highest >= targetCount.count {
            throw KafkactlError(.usage, "--partition-map same: target topic '\(request.targetTopic)' has \(targetCount.count) partitions, fewer than source partition \(highest) needs; use --partition-map hash or add partitions to the target")
        }
        let consumer = PartitionConsumer(client: source.client, configuration: ConsumerConfiguration())
        let lows = try await consumer.logStarts(partitions)
        let ends = try await consumer.logEnds(partitions)
        var starts = lows
        switch request.from {
        case nil: break
        case .offset(let offset)?:
            for partition in partitions { starts[partition] = min(max(offset, lows[partition]!), ends[partition]!) }
        case .timestamp(let time)?:
            let found = try await consumer.resolve(Dictionary(uniqueKeysWithValues: partitions.map { ($0, .timestamp(time)) }))
            for partition in partitions { starts[partition] = min(max(found[partition]!, lows[partition]!), ends[partition]!) }
        }
        var stops = ends
        if let until = request.until {
            let stop: ConsumerStop
            switch until {
            case .offset(let offset): stop = .offset(offset)
            case .timestamp(let time): stop = .timestamp(time)
            }
            for (partition, offset) in try await source.stopOffsets(stop, for: partitions) {
                stops[partition] = min(offset, ends[partition]!)
            }
        }
        let ranges = partitions.map { partition in
            let start = starts[partition]!
            var end = max(stops[partition]!, start)
            if let max = request.maxMessages { end = min(end, start + max) }
            return CopyRange(partition: partition.partition, start: start, end: end,
                             target: request.partitionMap == .same ? partition.partition : nil)
        }
        return CopyPlan(sourceTopic: request.sourceTopic, targetTopic: request.targetTopic, partitionMap: request.partitionMap,
                        targetPartitionCount: Int32(targetCount.count), ranges: ranges, createsTarget: targetCount.missing)
    }

    /// The target's partition count; for a missing target with `createTopic`, the source's (it will be created so).
    private func targetPartitionCount(_ request: CopyRequest, sourceCount: Int) async throws -> (count: Int, missing: Bool) {
        let metadata = try await target.client.metadata(topics: [request.targetTopic])
        if let found = metadata.topics[request.targetTopic], found.error != .unknownTopicOrPartition, !found.partitions.isEmpty {
            return (found.partitions.count, false)
        }
        guard request.createTopic else {
            throw KafkactlError(.notFound, "target topic '\(request.targetTopic)' does not exist; create it, or pass --create-topic to create it like '\(request.sourceTopic)' [UNKNOWN_TOPIC_OR_PARTITION]", code: .unknownTopicOrPartition)
        }
        return (sourceCount, true)
    }

    /// Creates the target like the source: as many partitions, its replication factor capped at the target's broker
    /// count, and the source's topic-level configs (those DescribeConfigs reports as set on the topic).
    public func createTarget(_ plan: CopyPlan) async throws -> NewTopic {
        let sourceMetadata = try await source.client.metadata(topics: [plan.sourceTopic])
        let replicas = sourceMetadata.topics[plan.sourceTopic]?.partitions.map(\.replicas.count).max() ?? 1
        let brokers = try await target.client.metadata(topics: []).brokers.count
        let configs = try await source.topicConfigs([plan.sourceTopic])[plan.sourceTopic] ?? []
        let topic = NewTopic(
            name: plan.targetTopic, partitions: plan.targetPartitionCount,
            replicationFactor: Int16(max(1, min(replicas, brokers))),
            configs: configs.filter { $0.source == .topicConfig && !$0.isSensitive && $0.value != nil }
                .map { ConfigSetting(name: $0.name, value: $0.value!) })
        let results = try await target.createTopics([topic])
        for result in results { if case .failure(let error) = result.result { throw error } }
        return topic
    }
}
