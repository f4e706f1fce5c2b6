/// kafka-topics.sh's checks and changes beyond a single request: `--create`'s replication factor check, and
/// `--alter --partitions` and `--delete` over several topics, where each topic is tried and the failures come back
/// together, in topic order, for the caller to report.
extension AdminClient {
    /// Refuses, before any CreateTopics, a replication factor the registered brokers cannot hold, in Kafka's words.
    public func requireBrokers(forReplicationFactor factor: Int) async throws {
        let brokers = try await client.metadata(topics: []).brokers.count
        if factor > brokers {
            throw KafkactlError(.rejected, "Unable to replicate the partition \(factor) time(s): The target replication factor of \(factor) cannot be reached because only \(brokers) broker(s) are registered. [INVALID_REPLICATION_FACTOR]", code: .invalidReplicationFactor)
        }
    }

    /// Raises each topic's partition count to `target`. A topic already at it, or above it, is refused without
    /// asking the broker. `assignment` lists the replicas of every partition, old ones included; only the new
    /// ones' are sent.
    public func increasePartitions(of names: [String], to target: Int32, assignment: [[Int32]]?) async throws -> [KafkactlError] {
        var failures: [KafkactlError] = []
        for description in try await describeTopics(names).sorted(by: { $0.name < $1.name }) {
            let existing = Int32(description.partitions.count)
            if target == existing {
                failures.append(KafkactlError(.rejected, "Topic already has \(existing) partition(s). [INVALID_PARTITIONS]", code: .invalidPartitions))
                continue
            }
            if target < existing {
                failures.append(KafkactlError(.rejected, "The topic \(description.name) currently has \(existing) partition(s); \(target) would not be an increase. [INVALID_PARTITIONS]", code: .invalidPartitions))
                continue
            }
            let newAssignments = assignment.map { Array($0.dropFirst(Int(existing))) }
            if case .failure(let error) = try await createPartitions(description.name, totalCount: target, assignments: newAssignments).result {
                failures.append(error)
            }
        }
        return failures
    }

    /// Deletes the topics, refusing Kafka's internal ones (`__consumer_offsets`, `__transaction_state`) without
    /// asking the broker, as Kafka's tool does.
    public func deleteTopicsExceptInternal(_ names: [String]) async throws -> [KafkactlError] {
        var failures: [KafkactlError] = []
        var deletable: [String] = []
        for name in names {
            if TopicName.isInternal(name) {
                failures.append(KafkactlError(.rejected, "Topic \(name) is a kafka internal topic and is not allowed to be marked for deletion."))
            } else {
                deletable.append(name)
            }
        }
        for result in try await deleteTopics(deletable) {
            if case .failure(let error) = result.result { failures.append(error) }
        }
        return failures
    }
}
