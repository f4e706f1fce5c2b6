/// The reset-offsets workflow up to the commit (issue 17: workflows live in Groups, the command parses and prints):
/// refuse a group with members, find the partitions to move, look up their offsets, and compute the plan.
extension AdminClient {
    /// Which partitions a reset moves.
    public enum ResetSelection: Sendable {
        /// Every partition the group has committed offsets for (`--all-topics`).
        case everyCommitted
        /// Named topics, each with some partitions or all of them (`--topic t` or `--topic t:0,1`).
        case topics([(name: String, partitions: [Int32]?)])
        /// The partitions a `--from-file` plan names for this group.
        case given([TopicPartition])
    }

    /// A planned reset: the plan, and the offsets committed before it (what an undo restores).
    public struct PlannedReset: Sendable {
        public var plan: OffsetResetPlan
        public var committed: [TopicPartition: CommittedOffset]
    }

    /// Plans the reset of one group, described as `description`. Refused (nothing looked up or changed) while the
    /// group has members; a topic or partition the cluster lacks is one line; a partition the scenario cannot move
    /// fails the plan with the plan's own line.
    public func planOffsetReset(
        group: String, description: GroupDescription, selection: ResetSelection, scenario: OffsetResetPlan.Scenario
    ) async throws -> PlannedReset {
        guard description.isInactive else {
            throw KafkactlError(.conflict, "Assignments can only be reset if the group '\(group)' is inactive, but the current state is \(description.state). Stop the group's consumers first; nothing was changed.")
        }
        let committed = try await committedOffsets(group: group)
        let partitions = try await resetPartitions(selection, committed: committed)
        let bounds = try await resetBounds(partitions, scenario: scenario)
        let plan = OffsetResetPlan(scenario: scenario, partitions: partitions, committed: committed.mapValues(\.offset), bounds: bounds)
        if let failure = plan.failures.sorted(by: { $0.key < $1.key }).first {
            throw KafkactlError(.rejected, failure.value)
        }
        return PlannedReset(plan: plan, committed: committed)
    }

    /// The partitions a selection names, checked against Metadata.
    private func resetPartitions(_ selection: ResetSelection, committed: [TopicPartition: CommittedOffset]) async throws -> [TopicPartition] {
        switch selection {
        case .everyCommitted:
            return committed.keys.sorted()
        case .given(let partitions):
            let metadata = try await client.metadata(covering: Array(Set(partitions.map(\.topic))))
            for partition in partitions where !(metadata.topics[partition.topic]?.partitions.contains { $0.partition == partition.partition } ?? false) {
                throw KafkactlError(.notFound, "partition \(partition) from --from-file does not exist")
            }
            return partitions.sorted()
        case .topics(let specs):
            return try await partitions(of: specs)
        }
    }

    /// The partitions named by topic (all of a topic's, or the listed ones), in the order given, checked against
    /// Metadata: a topic or partition the cluster lacks is one line naming it.
    public func partitions(of specs: [(name: String, partitions: [Int32]?)]) async throws -> [TopicPartition] {
        let metadata = try await client.metadata(covering: Array(Set(specs.map(\.name))))
        var result: [TopicPartition] = []
        for (name, ids) in specs {
            guard let found = metadata.topics[name], found.error != .unknownTopicOrPartition else {
                throw KafkactlError(.notFound, "Topic '\(name)' does not exist [UNKNOWN_TOPIC_OR_PARTITION]", code: .unknownTopicOrPartition)
            }
            let existing = Set(found.partitions.map(\.partition))
            for id in ids ?? existing.sorted() {
                guard existing.contains(id) else {
                    throw KafkactlError(.notFound, "partition \(id) of topic '\(name)' does not exist: it has \(existing.count) partitions")
                }
                result.append(TopicPartition(name, id))
            }
        }
        return result
    }

    /// Each partition's earliest and latest offsets, and for a time scenario the first offset at or after it.
    private func resetBounds(_ partitions: [TopicPartition], scenario: OffsetResetPlan.Scenario) async throws -> [TopicPartition: OffsetResetPlan.Bounds] {
        let earliest = try await listOffsets(Dictionary(uniqueKeysWithValues: partitions.map { ($0, .earliest) }))
        let latest = try await listOffsets(Dictionary(uniqueKeysWithValues: partitions.map { ($0, .latest) }))
        var byTime: [TopicPartition: Result<ListedOffset, KafkactlError>] = [:]
        if case .timestamp(let time) = scenario {
            byTime = try await listOffsets(Dictionary(uniqueKeysWithValues: partitions.map { ($0, .timestamp(time)) }))
        }
        var bounds: [TopicPartition: OffsetResetPlan.Bounds] = [:]
        for partition in partitions {
            bounds[partition] = OffsetResetPlan.Bounds(
                earliest: try earliest.answer(for: partition, "partition \(partition)").offset,
                latest: try latest.answer(for: partition, "partition \(partition)").offset,
                byTime: try byTime[partition].map { try $0.get().offset })
        }
        return bounds
    }
}
