/// What a console consumer needs of its group membership, whichever group protocol runs it: the classic protocol
/// (`GroupMember`: JoinGroup/SyncGroup/Heartbeat) or the consumer protocol (`ConsumerProtocolMember`: KIP-848).
public protocol ConsumerGroupMembership: Sendable {
    /// How the session handles a change of assignment: eager (give everything up, rejoin) or cooperative (keep
    /// reading what stays, hand over only what moves).
    var rebalanceProtocol: RebalanceProtocol { get }
    /// Joins, or after `waitForRebalance()` returned, takes the new assignment; returns this member's partitions.
    func join() async throws -> [TopicPartition]
    /// Keeps the membership alive until cancelled.
    func heartbeatLoop() async
    /// Returns when the assignment is to change (or the membership was lost), or when cancelled.
    func waitForRebalance() async
    /// Whether the partitions were lost (the coordinator fenced the member) since last asked; clears the mark.
    func takePartitionsLost() async -> Bool
    func commit(_ positions: [TopicPartition: Int64]) async throws
    func committed(_ partitions: [TopicPartition]) async throws -> [TopicPartition: Int64]
    func leave() async
}

extension GroupMember: ConsumerGroupMembership {
    public nonisolated var rebalanceProtocol: RebalanceProtocol { configuration.rebalanceProtocol }
}

/// `group.protocol`: which protocol a consumer joins its group with (Kafka 4.0 made `consumer` generally available;
/// `classic` stays the default, as in Kafka's consumer).
public enum GroupProtocol: String, Sendable {
    case classic, consumer

    /// Reads `group.protocol` from consumer properties (Kafka accepts either case), and refuses, as Kafka's
    /// ConsumerConfig does, settings the chosen protocol has no use for: the classic member's session, heartbeat
    /// and assignors under `consumer` (the coordinator owns them), the coordinator's assignor under `classic`.
    public init(properties: [String: String]) throws {
        var value = GroupProtocol.classic
        if let text = properties["group.protocol"] {
            guard let parsed = GroupProtocol(rawValue: text.trimmingCharacters(in: " ").lowercased()) else {
                throw KafkactlError(.usage, "invalid group.protocol '\(text)': expected classic or consumer")
            }
            value = parsed
        }
        let unsupported = value == .consumer
            ? ["partition.assignment.strategy", "heartbeat.interval.ms", "session.timeout.ms"]
            : ["group.remote.assignor"]
        let set = unsupported.filter { !(properties[$0] ?? "").trimmingCharacters(in: " ").isEmpty }
        if !set.isEmpty {
            throw KafkactlError(.usage, "\(set.joined(separator: ", ")) cannot be set when group.protocol=\(value.rawValue.uppercased())")
        }
        self = value
    }
}

/// Settings of a consumer-protocol member, under Kafka's property names.
public struct ConsumerProtocolConfiguration: Sendable {
    public var groupId: String
    /// `group.instance.id`: a static member.
    public var groupInstanceId: String?
    /// `group.remote.assignor`: the coordinator's assignor to use (`uniform`, `range`); nil lets the coordinator choose.
    public var remoteAssignor: String?
    /// `max.poll.interval.ms`, sent as the rebalance timeout: how long the coordinator waits for a revocation.
    public var rebalanceTimeout: Duration = .seconds(300)
    /// `client.rack`
    public var rack: String?

    public init(groupId: String, properties: [String: String] = [:]) throws {
        self.groupId = groupId
        if let id = properties["group.instance.id"], !id.isEmpty { groupInstanceId = id }
        if let assignor = properties["group.remote.assignor"]?.trimmingCharacters(in: " "), !assignor.isEmpty { remoteAssignor = assignor }
        if let rack = properties["client.rack"], !rack.isEmpty { self.rack = rack }
        if let value = try ClientConfiguration.milliseconds(properties, "max.poll.interval.ms") { rebalanceTimeout = value }
    }
}

/// One member of a consumer-protocol group (KIP-848): the coordinator computes the assignment and hands it out in
/// ConsumerGroupHeartbeat answers, by topic id; the member joins with epoch 0, heartbeats at the interval the
/// coordinator names, reports the partitions it owns once it has let go of revoked ones, commits under its member
/// epoch and leaves with epoch -1 (-2 for a static member). The assignment changes incrementally, so the console
/// session runs it like a cooperative classic member.
public actor ConsumerProtocolMember: ConsumerGroupMembership {
    public nonisolated let configuration: ConsumerProtocolConfiguration
    public nonisolated var rebalanceProtocol: RebalanceProtocol { .cooperative }
    private let client: KafkaClient
    private let topics: [String]

    /// From ConsumerGroupHeartbeat v1 the member makes its own id, a random UUID in Kafka's text form, and keeps it
    /// for its whole life (also across a rejoin after being fenced).
    public private(set) var memberId: String
    public private(set) var memberEpoch: Int32 = 0
    /// The partitions `join()` last handed to the session.
    public private(set) var assignment: [TopicPartition] = []
    /// An assignment a heartbeat brought that the session has not taken yet.
    private var pending: [TopicPartition]?
    /// The coordinator's `HeartbeatIntervalMs`.
    private var heartbeatInterval: Duration = .seconds(3)
    private var lastHeartbeat = ContinuousClock.now
    private var joined = false
    private var partitionsLost = false
    private var rebalanceRequested = false
    private var rebalanceWaiters = RebalanceWaiters()
    /// Topic names by id, for the topics subscribed to.
    private var topicNames: [KafkaUUID: String] = [:]

    public init(client: KafkaClient, topics: [String], configuration: ConsumerProtocolConfiguration) {
        self.client = client
        self.topics = topics
        self.configuration = configuration
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        memberId = Base64.encode(bytes, urlSafe: true, padding: false)
    }

    private var groupId: String { configuration.groupId }

    // MARK: Joining

    /// The first call joins (epoch 0) and waits until the coordinator hands out an assignment. Later calls come after
    /// the session switched to what the previous call returned: they report that as owned (so the coordinator can
    /// hand revoked partitions on) and return the newest assignment.
    public func join() async throws -> [TopicPartition] {
        var retries = JoinRetries(client, group: groupId, rebalanceTimeout: configuration.rebalanceTimeout)
        let deadline = retries.deadline
        while true {
            try Task.checkCancellation()
            let joining = memberEpoch == 0
            do {
                let response = try await heartbeat(owned: joining ? [] : assignment, full: joining)
                var next = pending
                if let given = response.assignment { next = try await resolve(given) }
                if joining && next == nil {
                    // Joined, but the coordinator has not computed this member's assignment yet: ask again at the
                    // interval it named.
                    guard ContinuousClock.now + heartbeatInterval < deadline else {
                        throw KafkactlError(.timeout, "group '\(groupId)' gave kafkactl no assignment within the rebalance timeout")
                    }
                    try await Task.sleep(for: heartbeatInterval)
                    while next == nil, ContinuousClock.now < deadline {
                        let again = try await heartbeat(owned: nil, full: false)
                        if let given = again.assignment { next = try await resolve(given) }
                        if next == nil { try await Task.sleep(for: heartbeatInterval) }
                    }
                    guard next != nil else {
                        throw KafkactlError(.timeout, "group '\(groupId)' gave kafkactl no assignment within the rebalance timeout")
                    }
                }
                pending = nil
                assignment = next ?? assignment
                joined = true
                rebalanceRequested = false
                return assignment
            } catch let retry as MemberRetry {
                if retry.resetMembership { fence() }
                if retry.findCoordinator { await client.invalidateCoordinator(group: groupId) }
                try await retries.next(after: retry)
            } catch let error as KafkactlError where error.category == .unreachable {
                await client.invalidateCoordinator(group: groupId)
                try await retries.next(afterUnreachable: error)
            }
        }
    }

    /// The coordinator no longer counts this member (fenced, unknown): its partitions may be someone else's already,
    /// so they are dropped without a commit and the member joins again with epoch 0 under the same id.
    private func fence() {
        memberEpoch = 0
        pending = nil
        if !assignment.isEmpty { partitionsLost = true }
        assignment = []
    }

    public func takePartitionsLost() -> Bool {
        defer { partitionsLost = false }
        return partitionsLost
    }

    /// One ConsumerGroupHeartbeat. `full` sends the subscription and settings (a join); otherwise they are left null,
    /// "unchanged". `owned` nil also means unchanged. Throws `MemberRetry` for what a rejoin or a new coordinator fixes.
    private func heartbeat(owned: [TopicPartition]?, full: Bool) async throws -> ConsumerGroupHeartbeatResponse {
        let coordinator = try await client.versions(ofCoordinatorOf: groupId)
        guard coordinator.versions.version(for: ConsumerGroupHeartbeatRequest.self) != nil else {
            throw KafkactlError(.unsupported, "the broker at \(coordinator.address) does not support the consumer group protocol (ConsumerGroupHeartbeat); use group.protocol=classic")
        }
        var ownedIds: [ConsumerGroupHeartbeatRequest.TopicPartitions]?
        if let owned {
            let ids = Dictionary(uniqueKeysWithValues: topicNames.map { ($0.value, $0.key) })
            ownedIds = Dictionary(grouping: owned, by: \.topic).sorted { $0.key < $1.key }.compactMap { topic, partitions in
                ids[topic].map { .init(topicId: $0, partitions: partitions.map(\.partition).sorted()) }
            }
        }
        let request = ConsumerGroupHeartbeatRequest(
            groupId: groupId, memberId: memberId, memberEpoch: memberEpoch, instanceId: configuration.groupInstanceId,
            rackId: full ? configuration.rack : nil,
            rebalanceTimeoutMs: full ? Int32(clamping: configuration.rebalanceTimeout.milliseconds) : -1,
            subscribedTopicNames: full ? topics : nil, serverAssignor: full ? configuration.remoteAssignor : nil,
            topicPartitions: ownedIds)
        lastHeartbeat = .now
        let response = try await client.send(request, lane: .group)
        let code = ErrorCode(rawValue: response.errorCode)
        switch code {
        case .none:
            // At v0 the coordinator may hand out the member id.
            if let id = response.memberId, !id.isEmpty { memberId = id }
            memberEpoch = response.memberEpoch
            if response.heartbeatIntervalMs > 0 { heartbeatInterval = .milliseconds(Int64(response.heartbeatIntervalMs)) }
            return response
        case .fencedMemberEpoch, .unknownMemberId:
            throw MemberRetry(reason: code.name, resetMembership: true, backoff: false)
        case .notCoordinator, .coordinatorNotAvailable, .coordinatorLoadInProgress:
            throw MemberRetry(reason: code.name, findCoordinator: code != .coordinatorLoadInProgress)
        case .unsupportedVersion:
            // Kafka 3.7-3.9 offer the API but answer so while the consumer protocol is not enabled on the cluster.
            throw KafkactlError(.unsupported, "the broker at \(coordinator.address) does not support the consumer group protocol (ConsumerGroupHeartbeat answered UNSUPPORTED_VERSION); use group.protocol=classic", code: code)
        case .unsupportedAssignor:
            throw KafkactlError(.usage, "the coordinator of group '\(groupId)' has no assignor '\(configuration.remoteAssignor ?? "")' (group.remote.assignor) [UNSUPPORTED_ASSIGNOR]\(response.errorMessage.map { ": \($0)" } ?? "")", code: code)
        case .groupIdNotFound:
            // Kafka answers so when the group exists as a classic group with members.
            throw KafkactlError(.conflict, "group '\(groupId)' cannot be joined with group.protocol=consumer\(response.errorMessage.map { ": \($0)" } ?? "") [GROUP_ID_NOT_FOUND]", code: code)
        default:
            throw KafkactlError.broker(code, "cannot join group '\(groupId)'", brokerMessage: response.errorMessage)
        }
    }

    /// Topic ids to names through Metadata of the subscribed topics (asked again when an id is new); partitions of
    /// topics not subscribed to, or not known yet, are left out.
    private func resolve(_ assignment: ConsumerGroupHeartbeatResponse.Assignment) async throws -> [TopicPartition] {
        if assignment.topicPartitions.contains(where: { topicNames[$0.topicId] == nil }) {
            let metadata = try await client.metadata(topics: topics)
            for topic in metadata.topics.values where !topic.topicId.isZero { topicNames[topic.topicId] = topic.name }
        }
        return assignment.topicPartitions.flatMap { topic -> [TopicPartition] in
            guard let name = topicNames[topic.topicId] else { return [] }
            return topic.partitions.sorted().map { TopicPartition(name, $0) }
        }
    }

    // MARK: Staying in the group

    /// Heartbeats at the coordinator's interval while joined; a new assignment or a fenced membership is signalled to
    /// `waitForRebalance()`. Returns when cancelled.
    public func heartbeatLoop() async {
        while !Task.isCancelled {
            guard joined, !rebalanceRequested else {
                try? await Task.sleep(for: .milliseconds(50))
                continue
            }
            // The interval counts from the last heartbeat sent (a join or an acknowledgement too), and is the one
            // the coordinator named last.
            let due = lastHeartbeat + heartbeatInterval
            if ContinuousClock.now < due {
                try? await Task.sleep(until: due, clock: .continuous)
                continue
            }
            do {
                let response = try await heartbeat(owned: nil, full: false)
                if let given = response.assignment, let partitions = try? await resolve(given), partitions != assignment {
                    pending = partitions
                    requestRebalance()
                }
            } catch let retry as MemberRetry {
                if retry.resetMembership {
                    fence()
                    requestRebalance()
                } else if retry.findCoordinator {
                    await client.invalidateCoordinator(group: groupId)
                }
            } catch {
                await client.invalidateCoordinator(group: groupId)
            }
        }
    }

    private func requestRebalance() {
        rebalanceRequested = true
        joined = false
        rebalanceWaiters.resumeAll()
    }

    public func waitForRebalance() async {
        if rebalanceRequested { return }
        await withTaskCancellationHandler {
            await withCheckedContinuation { rebalanceWaiters.add($0) }
        } onCancel: {
            Task { await self.cancelWaiters() }
        }
    }

    private func cancelWaiters() {
        rebalanceWaiters.resumeAll()
    }

    // MARK: Committing and leaving

    /// Commits positions under this member's id and epoch (OffsetCommit v9+ reads the generation field as the member
    /// epoch for a consumer-protocol group).
    public func commit(_ positions: [TopicPartition: Int64]) async throws {
        guard !positions.isEmpty, memberEpoch > 0 else { return }
        let request = OffsetCommitRequest.memberCommit(
            group: groupId, generationOrEpoch: memberEpoch, memberId: memberId, groupInstanceId: configuration.groupInstanceId,
            positions: positions)
        let response = try await Self.send(request, client: client, group: groupId)
        for topic in response.topics {
            for partition in topic.partitions where partition.errorCode != 0 {
                let code = ErrorCode(rawValue: partition.errorCode)
                // A stale or fenced epoch: the assignment moved on; the next heartbeat brings the new one.
                throw KafkactlError.broker(code, "cannot commit the position of group '\(groupId)' in \(topic.name)-\(partition.partitionIndex)")
            }
        }
    }

    /// Sends the commit at the group's coordinator, finding it again when it moved.
    private nonisolated static func send(_ request: OffsetCommitRequest, client: KafkaClient, group: String) async throws -> OffsetCommitResponse {
        try await client.onCoordinator(of: group, build: { _ in request }, coordinatorError: OffsetCommitResponse.coordinatorError)
    }

    public func committed(_ partitions: [TopicPartition]) async throws -> [TopicPartition: Int64] {
        try await AdminClient(client: client).committedOffsets(group: groupId, partitions: partitions).mapValues(\.offset)
    }

    /// Leaves with epoch -1 (a static member with -2: it may come back under its instance id) so the coordinator
    /// reassigns at once rather than after the session timeout.
    public func leave() async {
        guard memberEpoch > 0 else { return }
        joined = false
        memberEpoch = configuration.groupInstanceId == nil ? -1 : -2
        let request = ConsumerGroupHeartbeatRequest(
            groupId: groupId, memberId: memberId, memberEpoch: memberEpoch, instanceId: configuration.groupInstanceId)
        _ = try? await client.send(request, lane: .group)
        memberEpoch = 0
        assignment = []
    }
}
