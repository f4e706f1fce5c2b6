import NIOCore

/// Settings of a classic consumer group member, under Kafka's property names.
public struct GroupMemberConfiguration: Sendable {
    public var groupId: String
    /// `group.instance.id`: a static member keeps its assignment across restarts within the session timeout.
    public var groupInstanceId: String?
    /// `session.timeout.ms` (Kafka's default 45 s).
    public var sessionTimeout: Duration = .seconds(45)
    /// `max.poll.interval.ms`, sent as the rebalance timeout.
    public var rebalanceTimeout: Duration = .seconds(300)
    /// `heartbeat.interval.ms`
    public var heartbeatInterval: Duration = .seconds(3)
    /// `partition.assignment.strategy`, most preferred first.
    public var assignors: [any PartitionAssignor] = [RangeAssignor(), RoundRobinAssignor()]

    public init(groupId: String) {
        self.groupId = groupId
    }

    public init(groupId: String, properties: [String: String]) throws {
        self.init(groupId: groupId)
        if let id = properties["group.instance.id"], !id.isEmpty { groupInstanceId = id }
        if let value = try ClientConfiguration.milliseconds(properties, "session.timeout.ms") { sessionTimeout = value }
        if let value = try ClientConfiguration.milliseconds(properties, "max.poll.interval.ms") { rebalanceTimeout = value }
        if let value = try ClientConfiguration.milliseconds(properties, "heartbeat.interval.ms") { heartbeatInterval = value }
        if let strategies = properties["partition.assignment.strategy"] {
            assignors = try Self.assignors(strategies)
        }
    }

    /// `partition.assignment.strategy`: a comma list, most preferred first, of short names or Java class names.
    static func assignors(_ list: String) throws -> [any PartitionAssignor] {
        let names = list.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw KafkactlError(.usage, "partition.assignment.strategy is empty: kafkactl offers range, roundrobin and cooperative-sticky")
        }
        return try names.map { name -> any PartitionAssignor in
            switch name.split(separator: ".").last.map(String.init) ?? "" {
            case "range", "RangeAssignor": return RangeAssignor()
            case "roundrobin", "RoundRobinAssignor": return RoundRobinAssignor()
            case "cooperative-sticky", "CooperativeStickyAssignor": return CooperativeStickyAssignor()
            default:
                throw KafkactlError(.usage, "unsupported partition.assignment.strategy '\(name)': kafkactl offers range, roundrobin and cooperative-sticky")
            }
        }
    }

    /// As Java's ConsumerCoordinator: the newest protocol every listed assignor supports. So `range,cooperative-sticky`
    /// (the upgrade step) stays eager, and only a list of cooperative assignors rebalances incrementally.
    public var rebalanceProtocol: RebalanceProtocol {
        let common = assignors.dropFirst().reduce(Set(assignors.first?.supportedProtocols ?? [.eager])) {
            $0.intersection($1.supportedProtocols)
        }
        return common.max() ?? .eager
    }
}

/// One member of a classic consumer group: joins (answering MEMBER_ID_REQUIRED), computes the assignment when it
/// is the leader, syncs, heartbeats, commits and leaves. The state is one actor's, so heartbeats, commits and
/// rejoins never interleave badly; a rebalance the coordinator asks for is signalled to the consumer, which
/// stops fetching, commits and calls `join()` again.
public actor GroupMember {
    public nonisolated let configuration: GroupMemberConfiguration
    private let client: KafkaClient
    private let topics: [String]

    public private(set) var memberId = ""
    public private(set) var generation: Int32 = -1
    public private(set) var assignment: [TopicPartition] = []
    /// Set when the coordinator forgot this member: its partitions may already be another member's, so they are
    /// dropped without a commit (Java's onPartitionsLost).
    private var partitionsLost = false
    private var joined = false
    private var rebalanceWaiters = RebalanceWaiters()
    private var rebalanceRequested = false

    public init(client: KafkaClient, topics: [String], configuration: GroupMemberConfiguration) {
        self.client = client
        self.topics = topics
        self.configuration = configuration
    }

    private var groupId: String { configuration.groupId }

    // MARK: Joining

    /// Joins (or rejoins) the group and returns this member's partitions.
    public func join() async throws -> [TopicPartition] {
        var retries = JoinRetries(client, group: groupId, rebalanceTimeout: configuration.rebalanceTimeout)
        joined = false
        while true {
            try Task.checkCancellation()
            do {
                let partitions = try await joinOnce()
                assignment = partitions
                joined = true
                rebalanceRequested = false
                return partitions
            } catch let retry as MemberRetry {
                if retry.resetMembership { loseMembership() }
                if retry.findCoordinator { await client.invalidateCoordinator(group: groupId) }
                try await retries.next(after: retry)
            } catch let error as KafkactlError where error.category == .unreachable {
                await client.invalidateCoordinator(group: groupId)
                try await retries.next(afterUnreachable: error)
            }
        }
    }

    /// Forgets the member id, and with it the generation and the partitions it owned.
    private func loseMembership() {
        memberId = ""
        generation = -1
        if !assignment.isEmpty { partitionsLost = true }
        assignment = []
    }

    /// Whether the partitions of the last assignment were lost since it was last asked; clears the mark.
    public func takePartitionsLost() -> Bool {
        defer { partitionsLost = false }
        return partitionsLost
    }

    /// The subscription offered under `assignor`. Cooperative members list what they keep reading during the
    /// rebalance; eager ones have given everything up. Subscription v2 (owned partitions and their generation) is
    /// sent when a cooperative-capable assignor is offered, v0 otherwise, as before.
    private func subscriptionMetadata(for assignor: any PartitionAssignor) -> ByteBuffer {
        let cooperative = configuration.rebalanceProtocol == .cooperative
        let offersSticky = configuration.assignors.contains { $0.supportedProtocols.contains(.cooperative) }
        let subscription = ConsumerProtocol.Subscription(
            topics: topics, userData: assignor.subscriptionUserData(generation: generation),
            ownedPartitions: cooperative ? assignment : [], generationId: generation)
        return ConsumerProtocol.encode(subscription, version: offersSticky ? 2 : 0)
    }

    private func joinOnce() async throws -> [TopicPartition] {
        let sessionMs = Int32(clamping: configuration.sessionTimeout.milliseconds)
        let rebalanceMs = Int32(clamping: configuration.rebalanceTimeout.milliseconds)
        // The coordinator holds a JoinGroup until every member has rejoined: wait up to the rebalance timeout.
        let joinTimeout = configuration.rebalanceTimeout + client.configuration.requestTimeout
        let protocols: [JoinGroupRequest.JoinGroupRequestProtocol] = configuration.assignors.map {
            .init(name: $0.name, metadata: subscriptionMetadata(for: $0))
        }
        // Static membership (group.instance.id) came with JoinGroup v5 and SyncGroup v3 (Kafka 2.3).
        let (group, joiningAs, instanceId) = (groupId, memberId, configuration.groupInstanceId)
        let join = try await client.send(coordinatorOf: group, feature: "consumer groups", lane: .group, timeout: joinTimeout) { version in
            JoinGroupRequest(
                groupId: group, sessionTimeoutMs: sessionMs, rebalanceTimeoutMs: rebalanceMs, memberId: joiningAs,
                groupInstanceId: version >= 5 ? instanceId : nil, protocolType: "consumer", protocols: protocols)
        }
        let code = ErrorCode(rawValue: join.errorCode)
        switch code {
        case .none: break
        case .memberIdRequired:
            // KIP-394: the coordinator hands out the id and expects the join again at once.
            memberId = join.memberId
            throw MemberRetry(reason: "MEMBER_ID_REQUIRED", backoff: false)
        case .unknownMemberId, .illegalGeneration:
            throw MemberRetry(reason: code.name, resetMembership: true, backoff: false)
        case .rebalanceInProgress:
            throw MemberRetry(reason: code.name, backoff: false)
        case .notCoordinator, .coordinatorNotAvailable, .coordinatorLoadInProgress:
            throw MemberRetry(reason: code.name, findCoordinator: code == .notCoordinator)
        case .fencedInstanceId:
            throw KafkactlError(.conflict, "another consumer uses group.instance.id '\(configuration.groupInstanceId ?? "")' in group '\(groupId)' [FENCED_INSTANCE_ID]", code: code)
        case .inconsistentGroupProtocol:
            let offered = configuration.assignors.map(\.name).joined(separator: ", ")
            throw KafkactlError(.conflict, "group '\(groupId)' has members that share no assignor with kafkactl (\(offered)) [INCONSISTENT_GROUP_PROTOCOL]", code: code)
        default:
            throw KafkactlError.broker(code, "cannot join group '\(groupId)'")
        }
        memberId = join.memberId
        generation = join.generationId

        var assignments: [SyncGroupRequest.SyncGroupRequestAssignment] = []
        if join.leader == join.memberId && !join.skipAssignment {
            assignments = try await leaderAssignments(join)
        }
        let (generation, member) = (generation, memberId)
        let sync = try await client.send(coordinatorOf: group, lane: .group, timeout: joinTimeout) { version in
            SyncGroupRequest(groupId: group, generationId: generation, memberId: member,
                             groupInstanceId: version >= 3 ? instanceId : nil,
                             protocolType: "consumer", protocolName: join.protocolName, assignments: assignments)
        }
        let syncCode = ErrorCode(rawValue: sync.errorCode)
        switch syncCode {
        case .none: break
        case .rebalanceInProgress: throw MemberRetry(reason: syncCode.name, backoff: false)
        case .unknownMemberId, .illegalGeneration: throw MemberRetry(reason: syncCode.name, resetMembership: true, backoff: false)
        case .notCoordinator, .coordinatorNotAvailable, .coordinatorLoadInProgress:
            throw MemberRetry(reason: syncCode.name, findCoordinator: syncCode == .notCoordinator)
        default: throw KafkactlError.broker(syncCode, "cannot sync with group '\(groupId)'")
        }
        do {
            return try ConsumerProtocol.decodeAssignment(sync.assignment).partitions.filter { topics.contains($0.topic) }
        } catch {
            throw KafkactlError(.internal, "the assignment for group '\(groupId)' cannot be read: \(error)")
        }
    }

    /// The leader runs the assignor the coordinator chose over every member's subscription.
    private func leaderAssignments(_ join: JoinGroupResponse) async throws -> [SyncGroupRequest.SyncGroupRequestAssignment] {
        let name = join.protocolName ?? configuration.assignors[0].name
        guard let assignor = configuration.assignors.first(where: { $0.name == name }) else {
            throw KafkactlError(.conflict, "group '\(groupId)' chose assignor '\(name)', which kafkactl does not have")
        }
        let subscriptions = try join.members.map { member in
            GroupMemberSubscription(memberId: member.memberId, groupInstanceId: member.groupInstanceId,
                                    subscription: try ConsumerProtocol.decodeSubscription(member.metadata))
        }
        let allTopics = Array(Set(subscriptions.flatMap(\.topics)))
        let metadata = try await client.metadata(covering: allTopics)
        let counts = metadata.topics.mapValues(\.partitions.count).filter { $0.value > 0 }
        let plan = assignor.assign(members: subscriptions, partitionCounts: counts)
        return subscriptions.map { member in
            .init(memberId: member.memberId,
                  assignment: ConsumerProtocol.encode(ConsumerProtocol.Assignment(partitions: plan[member.memberId] ?? [])))
        }
    }

    // MARK: Staying in the group

    /// Sends heartbeats while the member is joined; a rebalance, a lost membership or a moved coordinator is
    /// signalled to `waitForRebalance()`. Returns when cancelled.
    public func heartbeatLoop() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: configuration.heartbeatInterval)
            guard joined, !rebalanceRequested else { continue }
            do {
                let response = try await client.send(
                    HeartbeatRequest(groupId: groupId, generationId: generation, memberId: memberId,
                                     groupInstanceId: configuration.groupInstanceId))
                let code = ErrorCode(rawValue: response.errorCode)
                switch code {
                case .none: continue
                case .unknownMemberId:
                    loseMembership()
                    requestRebalance()
                case .rebalanceInProgress, .illegalGeneration: requestRebalance()
                case .notCoordinator, .coordinatorNotAvailable:
                    await client.invalidateCoordinator(group: groupId)
                    requestRebalance()
                default: continue
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

    /// Returns when the coordinator wants the member to rejoin (or at once if it already did), or when cancelled.
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

    /// Commits positions (the next offset to read) under this member's generation. A commit that lost the race
    /// with a rebalance is reported; its records may be read again, as at-least-once allows.
    public func commit(_ positions: [TopicPartition: Int64]) async throws {
        guard !positions.isEmpty, generation >= 0 else { return }
        let request = OffsetCommitRequest.memberCommit(
            group: groupId, generationOrEpoch: generation, memberId: memberId, groupInstanceId: configuration.groupInstanceId,
            positions: positions)
        // A coordinator that moved, is still loading the group, or dropped the connection is found again and asked
        // again within the API timeout, as Kafka's commitSync does: the final commit of a run must not be lost to a
        // coordinator move (committing the same positions twice is harmless).
        let response = try await client.onCoordinator(of: groupId, build: { _ in request }, coordinatorError: OffsetCommitResponse.coordinatorError)
        try check(response)
    }

    /// Throws the first partition's error (a lost membership also asks for a rebalance).
    private func check(_ response: OffsetCommitResponse) throws {
        for topic in response.topics {
            for partition in topic.partitions where partition.errorCode != 0 {
                let code = ErrorCode(rawValue: partition.errorCode)
                if code == .rebalanceInProgress || code == .illegalGeneration || code == .unknownMemberId { requestRebalance() }
                throw KafkactlError.broker(code, "cannot commit the position of group '\(groupId)' in \(topic.name)-\(partition.partitionIndex)")
            }
        }
    }

    /// The committed positions of this member's partitions.
    public func committed(_ partitions: [TopicPartition]) async throws -> [TopicPartition: Int64] {
        try await AdminClient(client: client).committedOffsets(group: groupId, partitions: partitions).mapValues(\.offset)
    }

    /// Leaves the group so the others rebalance at once rather than after the session timeout.
    public func leave() async {
        guard !memberId.isEmpty else { return }
        joined = false
        let (group, member, instanceId) = (groupId, memberId, configuration.groupInstanceId)
        _ = try? await client.send(coordinatorOf: group) { version in
            version >= 3
                ? LeaveGroupRequest(groupId: group, members: [.init(memberId: member, groupInstanceId: instanceId)])
                : LeaveGroupRequest(groupId: group, memberId: member)
        }
        memberId = ""
        generation = -1
    }
}
