/// What the two kinds of group member (`GroupMember`, classic; `ConsumerProtocolMember`, KIP-848) share.

/// The tasks waiting in a member's `waitForRebalance`, resumed together when the coordinator asks for a rebalance
/// or the wait is cancelled.
struct RebalanceWaiters {
    private var waiters: [CheckedContinuation<Void, Never>] = []

    mutating func add(_ waiter: CheckedContinuation<Void, Never>) {
        waiters.append(waiter)
    }

    mutating func resumeAll() {
        let resumed = waiters
        waiters.removeAll()
        for waiter in resumed { waiter.resume() }
    }
}

extension OffsetCommitRequest {
    /// A member's commit of its positions (the next offset to read): under its generation (classic) or member epoch
    /// (consumer protocol: OffsetCommit v9+ reads the same field as the epoch), topics and partitions in order.
    static func memberCommit(
        group: String, generationOrEpoch: Int32, memberId: String, groupInstanceId: String?, positions: [TopicPartition: Int64]
    ) -> OffsetCommitRequest {
        let byTopic = Dictionary(grouping: positions.keys, by: \.topic)
        return OffsetCommitRequest(
            groupId: group, generationIdOrMemberEpoch: generationOrEpoch, memberId: memberId, groupInstanceId: groupInstanceId,
            topics: byTopic.keys.sorted().map { topic in
                .init(name: topic, partitions: byTopic[topic]!.sorted().map {
                    .init(partitionIndex: $0.partition, committedOffset: positions[$0]!, committedLeaderEpoch: -1, committedMetadata: "")
                })
            })
    }
}
