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

/// Why a member's join (or heartbeat) must be repeated.
struct MemberRetry: Error {
    var reason: String
    /// The coordinator no longer counts the member: drop its id or epoch and its partitions before joining again.
    var resetMembership = false
    /// The coordinator moved (NOT_COORDINATOR and the like): find it again.
    var findCoordinator = false
    /// Wait under the backoff first; false for the immediate rejoins that are part of joining (MEMBER_ID_REQUIRED,
    /// a rebalance in progress).
    var backoff = true
}

/// The retry budget of one join, the same for both kinds of member: immediate rejoins are part of joining, not
/// failures, so only retries that back off count against the deadline (the rebalance timeout plus the API
/// timeout), and immediate ones are bounded in number.
struct JoinRetries {
    private var backoff: RetryBackoff
    private var immediateRetries = 0
    private let group: String

    init(_ client: KafkaClient, group: String, rebalanceTimeout: Duration) {
        backoff = RetryBackoff(client.configuration, deadline: .now + rebalanceTimeout + client.configuration.apiTimeout)
        self.group = group
    }

    var deadline: ContinuousClock.Instant { backoff.deadline }

    /// After an attempt that asked to be repeated: waits when it should, or throws when the join gives up.
    mutating func next(after retry: MemberRetry) async throws {
        immediateRetries = retry.backoff ? 0 : immediateRetries + 1
        guard immediateRetries <= 20, !retry.backoff || backoff.canRetry else {
            throw KafkactlError(.timeout, "could not join group '\(group)': \(retry.reason)")
        }
        if retry.backoff { try await backoff.wait() }
    }

    /// After the coordinator's connection was lost or refused: waits, or rethrows once the deadline is near.
    mutating func next(afterUnreachable error: KafkactlError) async throws {
        guard backoff.canRetry else { throw error }
        try await backoff.wait()
    }
}
