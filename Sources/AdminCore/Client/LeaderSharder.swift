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
    ///
    /// - Parameter feature: what the user asked for, named when a leader lacks the API.
    public func sendToLeaders<R: PartitionLeaderRequest>(
        _ byLeader: [Int32: [TopicPartition]], feature: String? = nil,
        build: @escaping @Sendable (_ version: Int16, _ partitions: [TopicPartition]) -> R
    ) async throws -> [LeaderShard<R.Response>] {
        try await withThrowingTaskGroup(of: LeaderShard<R.Response>.self) { group in
            for (leader, partitions) in byLeader {
                group.addTask {
                    let destination: Destination = leader >= 0 ? .node(leader) : .any
                    let response = try await self.sendRouted(to: destination, feature: feature) { (version: Int16) in build(version, partitions) }
                    return LeaderShard(leader: leader, partitions: partitions, response: response)
                }
            }
            var shards: [LeaderShard<R.Response>] = []
            for try await shard in group { shards.append(shard) }
            return shards
        }
    }

    /// A per-partition operation at the leaders, to completion: split by leader, one request per leader, and each
    /// partition's answer read back with `answers`. A partition whose code `retries` accepts is asked again (with
    /// fresh metadata, after the one backoff) within the API timeout; an unknown topic or partition is named without
    /// being sent; anything else is that partition's failure, `what(partition)` saying what was asked.
    public func onLeaders<R: PartitionLeaderRequest, Value: Sendable>(
        _ partitions: some Collection<TopicPartition>,
        what: (TopicPartition) -> String,
        retries: (ErrorCode) -> Bool,
        feature: String? = nil,
        build: @escaping @Sendable (_ version: Int16, _ partitions: [TopicPartition]) -> R,
        answers: (R.Response) -> [(partition: TopicPartition, code: ErrorCode, value: Value)]
    ) async throws -> [TopicPartition: Result<Value, KafkactlError>] {
        var results: [TopicPartition: Result<Value, KafkactlError>] = [:]
        var remaining = Set(partitions)
        var backoff = RetryBackoff(configuration)
        var firstRound = true
        while !remaining.isEmpty {
            // A retry follows a moved leader or a missing partition: it needs fresh metadata, the first round not.
            let plan = try await partitionsByLeader(remaining, fresh: !firstRound)
            firstRound = false
            for (partition, error) in plan.unknown {
                results[partition] = .failure(error)
                remaining.remove(partition)
            }
            var retry = false
            for shard in try await sendToLeaders(plan.byLeader, feature: feature, build: build) {
                for answer in answers(shard.response) where remaining.contains(answer.partition) {
                    if answer.code == .none {
                        results[answer.partition] = .success(answer.value)
                        remaining.remove(answer.partition)
                    } else if retries(answer.code) && backoff.canRetry {
                        retry = true
                    } else {
                        results[answer.partition] = .failure(.broker(answer.code, what(answer.partition)))
                        remaining.remove(answer.partition)
                    }
                }
            }
            if !remaining.isEmpty {
                if !retry {
                    // A leader that answered without naming a partition it was asked about.
                    for partition in remaining {
                        results[partition] = .failure(KafkactlError(.internal, "the broker did not answer \(R.apiKey.name) for \(partition)"))
                    }
                    break
                }
                try await backoff.wait()
            }
        }
        return results
    }
}
