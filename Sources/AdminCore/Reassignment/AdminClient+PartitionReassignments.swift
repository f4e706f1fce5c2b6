/// A reassignment the controller is carrying out: the partition's replica set while it moves (old and new
/// replicas together), the replicas being added and those being removed.
public struct PartitionReassignment: Sendable, Hashable {
    public var replicas: [Int32]
    public var addingReplicas: [Int32]
    public var removingReplicas: [Int32]

    public init(replicas: [Int32], addingReplicas: [Int32], removingReplicas: [Int32]) {
        self.replicas = replicas
        self.addingReplicas = addingReplicas
        self.removingReplicas = removingReplicas
    }
}

extension AdminClient {
    /// The reassignments in progress (ListPartitionReassignments, key 46, at the controller; Kafka 2.4+), of
    /// `partitions` or of every partition when nil.
    public func listPartitionReassignments(_ partitions: [TopicPartition]? = nil) async throws -> [TopicPartition: PartitionReassignment] {
        let request = ListPartitionReassignmentsRequest(
            timeoutMs: Int32(clamping: client.configuration.requestTimeout.milliseconds),
            topics: partitions.map { partitions in
                Dictionary(grouping: partitions, by: \.topic).sorted { $0.key < $1.key }.map { topic, partitions in
                    .init(name: topic, partitionIndexes: partitions.map(\.partition).sorted())
                }
            })
        let response = try await client.send(request, feature: "listing partition reassignments")
        let code = ErrorCode(rawValue: response.errorCode)
        guard code == .none else {
            throw KafkactlError.broker(code, "cannot list partition reassignments", brokerMessage: response.errorMessage)
        }
        var reassignments: [TopicPartition: PartitionReassignment] = [:]
        for topic in response.topics {
            for partition in topic.partitions {
                reassignments[TopicPartition(topic.name, partition.partitionIndex)] = PartitionReassignment(
                    replicas: partition.replicas, addingReplicas: partition.addingReplicas,
                    removingReplicas: partition.removingReplicas)
            }
        }
        return reassignments
    }

    /// Starts (a replica list) or cancels (nil) the reassignment of each partition (AlterPartitionReassignments,
    /// key 45, at the controller; Kafka 2.4+). Returns the partitions the controller refused, each with its reason;
    /// a request-level refusal throws. Refusing a replication factor change needs v1 (Kafka 4.1+): before it,
    /// one line and nothing sent.
    public func alterPartitionReassignments(
        _ targets: [TopicPartition: [Int32]?], allowReplicationFactorChange: Bool = true
    ) async throws -> [TopicPartition: KafkactlError] {
        let request = AlterPartitionReassignmentsRequest(
            timeoutMs: Int32(clamping: client.configuration.requestTimeout.milliseconds),
            allowReplicationFactorChange: allowReplicationFactorChange,
            topics: Dictionary(grouping: targets, by: { $0.key.topic }).sorted { $0.key < $1.key }.map { topic, entries in
                .init(name: topic, partitions: entries.sorted { $0.key < $1.key }.map {
                    .init(partitionIndex: $0.key.partition, replicas: $0.value)
                })
            })
        let response = try await client.send(feature: "reassigning partitions") { (version: Int16) -> AlterPartitionReassignmentsRequest in
            if !allowReplicationFactorChange && version == 0 {
                throw KafkactlError(.unsupported, "the controller cannot refuse a replication factor change: it offers only AlterPartitionReassignments v0 (before Kafka 4.1); leave out --disallow-replication-factor-change")
            }
            return request
        }
        let code = ErrorCode(rawValue: response.errorCode)
        guard code == .none else {
            throw KafkactlError.broker(code, "cannot reassign partitions", brokerMessage: response.errorMessage)
        }
        var failures: [TopicPartition: KafkactlError] = [:]
        var answered: Set<TopicPartition> = []
        for topic in response.responses {
            for partition in topic.partitions {
                let part = TopicPartition(topic.name, partition.partitionIndex)
                answered.insert(part)
                let code = ErrorCode(rawValue: partition.errorCode)
                guard code != .none else { continue }
                let detail = partition.errorMessage?.isEmpty == false ? partition.errorMessage! : code.message
                failures[part] = KafkactlError(KafkactlError.category(for: code), "\(detail) [\(code.name)]", code: code)
            }
        }
        for part in targets.keys where !answered.contains(part) {
            failures[part] = KafkactlError(.internal, "the controller did not answer for this partition")
        }
        return failures
    }
}
