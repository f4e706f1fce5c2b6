/// One leader's part of a request split by partition leader: the partitions it was asked about and its answer.
public struct LeaderShard<Response: Sendable>: Sendable {
    public var leader: Int32
    public var partitions: [TopicPartition]
    public var response: Response
}

extension KafkaClient {
    /// Each partition's leader, from metadata that covers their topics (`fresh`: asked anew, after a leader moved).
    /// A partition whose topic or partition number the cluster does not know comes back in `unknown`, with the
    /// line Kafka's tools give for it. A partition without a leader (-1) is grouped under -1, which
    /// `sendToLeaders` sends to any broker, to be answered with the error that says why.
    public func partitionsByLeader(
        _ partitions: some Collection<TopicPartition>, fresh: Bool
    ) async throws -> (byLeader: [Int32: [TopicPartition]], unknown: [TopicPartition: KafkactlError]) {
        let topics = Array(Set(partitions.map(\.topic)))
        let metadata = fresh ? try await metadata(topics: topics) : try await metadata(covering: topics)
        var byLeader: [Int32: [TopicPartition]] = [:]
        var unknown: [TopicPartition: KafkactlError] = [:]
        for partition in partitions {
            guard let topic = metadata.topics[partition.topic], topic.error == .none else {
                let code = metadata.topics[partition.topic]?.error ?? .unknownTopicOrPartition
                unknown[partition] = KafkactlError(.notFound, "Topic '\(partition.topic)' does not exist [\(code.name)]", code: code)
                continue
            }
            guard let info = topic.partitions.first(where: { $0.partition == partition.partition }) else {
                unknown[partition] = KafkactlError(.notFound, "partition \(partition.partition) of topic '\(partition.topic)' does not exist: it has \(topic.partitions.count) partitions")
                continue
            }
            byLeader[info.leader, default: []].append(partition)
        }
        return (byLeader, unknown)
    }

    /// Sends one request per leader, concurrently, each built for the version that leader's connection speaks.
    /// The first failure fails the whole call: an operation that lacks one leader's answer cannot complete.
    public func sendToLeaders<R: KafkaRequest>(
        _ byLeader: [Int32: [TopicPartition]], build: @escaping @Sendable (_ version: Int16, _ partitions: [TopicPartition]) -> R
    ) async throws -> [LeaderShard<R.Response>] {
        try await withThrowingTaskGroup(of: LeaderShard<R.Response>.self) { group in
            for (leader, partitions) in byLeader {
                group.addTask {
                    let destination: Destination = leader >= 0 ? .node(leader) : .any
                    let response = try await self.send(to: destination) { (version: Int16) in build(version, partitions) }
                    return LeaderShard(leader: leader, partitions: partitions, response: response)
                }
            }
            var shards: [LeaderShard<R.Response>] = []
            for try await shard in group { shards.append(shard) }
            return shards
        }
    }
}
