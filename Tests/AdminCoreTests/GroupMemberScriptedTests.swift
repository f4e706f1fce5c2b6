@testable import AdminCore
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `GroupMember` against a scripted coordinator, for what the test broker will not do on demand: MEMBER_ID_REQUIRED
/// followed by a join with that id, the leader computing the assignment with the assignor the coordinator chose,
/// REBALANCE_IN_PROGRESS / UNKNOWN_MEMBER_ID / NOT_COORDINATOR on heartbeats and joins, commits under the member's
/// generation, and LeaveGroup.
@Suite struct GroupMemberScriptedTests {
    static let group = "scripted-group"
    static let versions: [Int16: ClosedRange<Int16>] = [
        18: 0...3, 3: 0...12, 10: 0...6, 11: 0...9, 14: 0...5, 12: 0...4, 13: 0...5, 8: 0...9, 9: 0...9,
    ]

    /// What the coordinator received, decoded.
    struct Log: Sendable {
        var findCoordinator = 0
        var joins: [JoinGroupRequest] = []
        var syncs: [SyncGroupRequest] = []
        var heartbeats: [HeartbeatRequest] = []
        var leaves: [LeaveGroupRequest] = []
        var commits: [OffsetCommitRequest] = []
        var metadataTopics: [[String]] = []
    }

    /// A broker (node 1) that is also the group coordinator, unless `coordinatorPort` sends FindCoordinator
    /// elsewhere. Its topics come from `partitions`. Each JoinGroup is answered by `join` (with the request and
    /// how many joins came before), each Heartbeat by `heartbeat` (with how many came before), SyncGroup by echoing
    /// the leader's entry for the member (or `followerAssignment` when the request carries none).
    final class Coordinator: Sendable {
        let scripted: ScriptedBroker
        private let box: LogBox
        var address: String { scripted.address }
        var port: Int { scripted.port }
        var received: Log { box.log.withLock { $0 } }

        final class LogBox: Sendable {
            let log = Mutex(Log())
        }

        init(
            partitions: [String: Int] = ["orders": 4],
            coordinatorPort: (@Sendable (_ ownPort: Int, _ lookup: Int) -> Int)? = nil,
            followerAssignment: [TopicPartition] = [],
            join: @escaping @Sendable (JoinGroupRequest, Int) -> JoinGroupResponse = Coordinator.memberIdRequiredThenAlone,
            heartbeat: @escaping @Sendable (HeartbeatRequest, Int) -> ErrorCode = { _, _ in .none },
            commit: @escaping @Sendable (OffsetCommitRequest) -> ErrorCode = { _ in .none }
        ) throws {
            let ownPort = Atomic<Int>(0)
            let box = LogBox()
            self.box = box
            scripted = try ScriptedBroker(apiVersions: GroupMemberScriptedTests.versions) { header, body in
                var body = body
                let version = header.apiVersion
                switch header.apiKey {
                case .metadata:
                    guard let request = try? MetadataRequest(from: &body, version: version) else { return .close }
                    let names = request.topics?.compactMap(\.name) ?? Array(partitions.keys)
                    box.log.withLock { $0.metadataTopics.append(names.sorted()) }
                    return ScriptedBroker.oneNodeMetadataReply(
                        port: Int(ownPort.load(ordering: .relaxed)), topics: partitions.filter { names.contains($0.key) },
                        version: version)
                case .findCoordinator:
                    let lookup = box.log.withLock { log in
                        log.findCoordinator += 1
                        return log.findCoordinator - 1
                    }
                    let own = ownPort.load(ordering: .relaxed)
                    let port = Int32(coordinatorPort?(own, lookup) ?? own)
                    let response = version >= 4
                        ? FindCoordinatorResponse(coordinators: [.init(key: GroupMemberScriptedTests.group, nodeId: 1, host: "127.0.0.1", port: port)])
                        : FindCoordinatorResponse(nodeId: 1, host: "127.0.0.1", port: port)
                    return ScriptedBroker.reply(response, to: FindCoordinatorRequest.self, version: version)
                case .joinGroup:
                    guard let request = try? JoinGroupRequest(from: &body, version: version) else { return .close }
                    let index = box.log.withLock { log in
                        log.joins.append(request)
                        return log.joins.count - 1
                    }
                    return ScriptedBroker.reply(join(request, index), to: JoinGroupRequest.self, version: version)
                case .syncGroup:
                    guard let request = try? SyncGroupRequest(from: &body, version: version) else { return .close }
                    box.log.withLock { $0.syncs.append(request) }
                    let mine = request.assignments.first { $0.memberId == request.memberId }?.assignment
                        ?? ConsumerProtocol.encode(ConsumerProtocol.Assignment(partitions: followerAssignment))
                    return ScriptedBroker.reply(
                        SyncGroupResponse(protocolType: "consumer", protocolName: request.protocolName, assignment: mine),
                        to: SyncGroupRequest.self, version: version)
                case .heartbeat:
                    guard let request = try? HeartbeatRequest(from: &body, version: version) else { return .close }
                    let index = box.log.withLock { log in
                        log.heartbeats.append(request)
                        return log.heartbeats.count - 1
                    }
                    return ScriptedBroker.reply(
                        HeartbeatResponse(errorCode: heartbeat(request, index).rawValue), to: HeartbeatRequest.self, version: version)
                case .leaveGroup:
                    guard let request = try? LeaveGroupRequest(from: &body, version: version) else { return .close }
                    box.log.withLock { $0.leaves.append(request) }
                    return ScriptedBroker.reply(
                        LeaveGroupResponse(members: request.members.map { .init(memberId: $0.memberId, groupInstanceId: $0.groupInstanceId) }),
                        to: LeaveGroupRequest.self, version: version)
                case .offsetCommit:
                    guard let request = try? OffsetCommitRequest(from: &body, version: version) else { return .close }
                    box.log.withLock { $0.commits.append(request) }
                    let code = commit(request).rawValue
                    return ScriptedBroker.reply(
                        OffsetCommitResponse(topics: request.topics.map { topic in
                            .init(name: topic.name, partitions: topic.partitions.map { .init(partitionIndex: $0.partitionIndex, errorCode: code) })
                        }),
                        to: OffsetCommitRequest.self, version: version)
                default:
                    return .silence
                }
            }
            ownPort.store(scripted.port, ordering: .relaxed)
        }

        func stop() { scripted.stop() }

        /// Kafka's KIP-394 flow for a lone member: the first join (no member id) is answered MEMBER_ID_REQUIRED with
        /// the id `m-1`; a join carrying an id makes it the leader of generation (joins so far) with its own
        /// subscription, choosing the member's first assignor.
        static func memberIdRequiredThenAlone(_ request: JoinGroupRequest, _ index: Int) -> JoinGroupResponse {
            if request.memberId.isEmpty {
                return JoinGroupResponse(errorCode: ErrorCode.memberIdRequired.rawValue, memberId: "m-1")
            }
            return JoinGroupResponse(
                generationId: Int32(index), protocolType: "consumer", protocolName: request.protocols.first?.name,
                leader: request.memberId, memberId: request.memberId,
                members: [.init(memberId: request.memberId, metadata: request.protocols.first?.metadata ?? ByteBuffer())])
        }
    }

    static func configuration(heartbeat: Duration = .milliseconds(50)) -> GroupMemberConfiguration {
        var configuration = GroupMemberConfiguration(groupId: group)
        configuration.sessionTimeout = .seconds(6)
        configuration.rebalanceTimeout = .seconds(5)
        configuration.heartbeatInterval = heartbeat
        return configuration
    }

    static func withMember<T: Sendable>(
        _ coordinator: Coordinator, topics: [String] = ["orders"],
        configuration: GroupMemberConfiguration = configuration(),
        _ body: (GroupMember) async throws -> T
    ) async throws -> T {
        var clientConfiguration = ClientConfiguration(bootstrapServers: [BrokerAddress(coordinator.address)!])
        // Generous: nothing here waits for a timeout, and the whole suite shares two cores with hundreds of tests,
        // which has held this process's threads for over 15 s (a join then gave up on NOT_COORDINATOR).
        clientConfiguration.apiTimeout = .seconds(60)
        clientConfiguration.requestTimeout = .seconds(30)
        clientConfiguration.connectTimeout = .seconds(10)
        clientConfiguration.retryBackoff = .milliseconds(20)
        let client = KafkaClient(configuration: clientConfiguration)
        let member = GroupMember(client: client, topics: topics, configuration: configuration)
        do {
            let result = try await body(member)
            await client.shutdown()
            coordinator.stop()
            return result
        } catch {
            await client.shutdown()
            coordinator.stop()
            throw error
        }
    }

    struct TimedOut: Error, CustomStringConvertible {
        var what: String
        var description: String { "timed out waiting for \(what)" }
    }

    /// `body`'s result, or `TimedOut` once `timeout` has passed.
    /// How long a test waits for something that should happen at once (a signal, a few 50 ms heartbeats). Long,
    /// because waits end as soon as it happens and the full suite shares two cores with hundreds of tests, which has
    /// held this process's threads for over 15 s; a wait that blocks for good still fails.
    static let patience: Duration = .seconds(30)

    static func within<T: Sendable>(_ timeout: Duration, _ what: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next()!
            group.cancelAll()
            guard let value = first else { throw TimedOut(what: what) }
            return value
        }
    }

    /// Polls `condition` until it holds or `timeout` passes; returns whether it held.
    static func eventually(within timeout: Duration = patience, _ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    /// Runs `body` while `member` sends heartbeats; the loop is stopped and awaited before this returns, so no
    /// request is in flight when the client shuts down.
    static func withHeartbeats<T: Sendable>(_ member: GroupMember, _ body: () async throws -> T) async throws -> T {
        let heartbeats = Task { await member.heartbeatLoop() }
        do {
            let result = try await body()
            heartbeats.cancel()
            await heartbeats.value
            return result
        } catch {
            heartbeats.cancel()
            await heartbeats.value
            throw error
        }
    }

    static func subscription(_ topics: [String]) -> ByteBuffer {
        ConsumerProtocol.encode(ConsumerProtocol.Subscription(topics: topics))
    }

    static func assignments(_ sync: SyncGroupRequest) throws -> [String: [TopicPartition]] {
        var result: [String: [TopicPartition]] = [:]
        for entry in sync.assignments {
            result[entry.memberId] = try ConsumerProtocol.decodeAssignment(entry.assignment).partitions
        }
        return result
    }

    static func orders(_ ids: Int32...) -> [TopicPartition] { ids.map { TopicPartition("orders", $0) } }

    // MARK: Joining

    @Test func memberIdRequiredIsAnsweredWithASecondJoinCarryingTheId() async throws {
        let coordinator = try Coordinator()
        let assigned = try await Self.withMember(coordinator) { member in
            let assigned = try await member.join()
            #expect(await member.memberId == "m-1")
            #expect(await member.generation == 1)
            return assigned
        }
        let joins = coordinator.received.joins
        #expect(joins.map(\.memberId) == ["", "m-1"])
        #expect(joins.allSatisfy { $0.groupId == Self.group && $0.protocolType == "consumer" && $0.groupInstanceId == nil })
        #expect(joins.allSatisfy { $0.sessionTimeoutMs == 6000 && $0.rebalanceTimeoutMs == 5000 })
        // The subscription is offered under every assignor kafkactl has, most preferred first.
        #expect(joins[1].protocols.map(\.name) == ["range", "roundrobin"])
        for offered in joins[1].protocols {
            #expect(try ConsumerProtocol.decodeSubscription(offered.metadata).topics == ["orders"])
        }
        // Alone in the group, the leader gives itself every partition.
        #expect(assigned == Self.orders(0, 1, 2, 3))
        let sync = try #require(coordinator.received.syncs.first)
        #expect(sync.memberId == "m-1")
        #expect(sync.generationId == 1)
        #expect(sync.protocolName == "range")
    }

    @Test func aStaticMemberSendsItsInstanceId() async throws {
        let coordinator = try Coordinator()
        var configuration = Self.configuration()
        configuration.groupInstanceId = "instance-7"
        _ = try await Self.withMember(coordinator, configuration: configuration) { try await $0.join() }
        #expect(coordinator.received.joins.map(\.groupInstanceId) == ["instance-7", "instance-7"])
        #expect(coordinator.received.syncs.first?.groupInstanceId == "instance-7")
    }

    @Test(arguments: [
        ("range", ["m-1": GroupMemberScriptedTests.orders(0, 1), "m-2": GroupMemberScriptedTests.orders(2, 3)]),
        ("roundrobin", ["m-1": GroupMemberScriptedTests.orders(0, 2), "m-2": GroupMemberScriptedTests.orders(1, 3)]),
    ])
    func theLeaderSyncsTheAssignmentOfTheAssignorTheCoordinatorChose(
        assignor: String, expected: [String: [TopicPartition]]
    ) async throws {
        let coordinator = try Coordinator(join: { request, _ in
            if request.memberId.isEmpty {
                return JoinGroupResponse(errorCode: ErrorCode.memberIdRequired.rawValue, memberId: "m-1")
            }
            // Listed out of order: the assignor orders members itself.
            return JoinGroupResponse(
                generationId: 3, protocolType: "consumer", protocolName: assignor, leader: "m-1", memberId: "m-1",
                members: [.init(memberId: "m-2", metadata: Self.subscription(["orders"])),
                          .init(memberId: "m-1", metadata: Self.subscription(["orders"]))])
        })
        let assigned = try await Self.withMember(coordinator) { try await $0.join() }
        let sync = try #require(coordinator.received.syncs.first)
        #expect(sync.protocolName == assignor)
        #expect(sync.generationId == 3)
        #expect(try Self.assignments(sync) == expected)
        #expect(assigned == expected["m-1"])
    }

    @Test func theLeaderAssignsTopicsOnlyOtherMembersSubscribeTo() async throws {
        // m-2 reads "audit", which this member does not: the leader must look it up to assign it.
        let coordinator = try Coordinator(partitions: ["orders": 2, "audit": 3], join: { request, _ in
            JoinGroupResponse(
                generationId: 1, protocolType: "consumer", protocolName: "range", leader: "m-1", memberId: "m-1",
                members: [.init(memberId: "m-1", metadata: Self.subscription(["orders"])),
                          .init(memberId: "m-2", metadata: Self.subscription(["audit", "orders"]))])
        })
        _ = try await Self.withMember(coordinator) { try await $0.join() }
        let sync = try #require(coordinator.received.syncs.first)
        #expect(try Self.assignments(sync) == [
            "m-1": Self.orders(0),
            "m-2": [TopicPartition("audit", 0), TopicPartition("audit", 1), TopicPartition("audit", 2), TopicPartition("orders", 1)],
        ])
        #expect(coordinator.received.metadataTopics.contains(["audit", "orders"]))
    }

    @Test func aFollowerSyncsNoAssignmentsAndTakesWhatTheCoordinatorHandsOut() async throws {
        let coordinator = try Coordinator(followerAssignment: Self.orders(3), join: { request, _ in
            JoinGroupResponse(generationId: 2, protocolType: "consumer", protocolName: "range", leader: "m-0",
                              memberId: request.memberId.isEmpty ? "m-5" : request.memberId)
        })
        let assigned = try await Self.withMember(coordinator) { try await $0.join() }
        let sync = try #require(coordinator.received.syncs.first)
        #expect(sync.assignments.isEmpty)
        #expect(sync.memberId == "m-5")
        #expect(assigned == Self.orders(3))
    }

    @Test func anAssignorTheMemberDoesNotHaveIsRefused() async throws {
        let coordinator = try Coordinator(join: { request, _ in
            JoinGroupResponse(generationId: 1, protocolType: "consumer", protocolName: "cooperative-sticky", leader: "m-1",
                              memberId: "m-1", members: [.init(memberId: "m-1", metadata: Self.subscription(["orders"]))])
        })
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withMember(coordinator) { try await $0.join() }
        }
        #expect(error?.message.contains("'cooperative-sticky'") == true)
        #expect(coordinator.received.syncs.isEmpty)
    }

    // MARK: Staying in the group

    @Test func rebalanceInProgressOnAHeartbeatMakesWaitForRebalanceReturn() async throws {
        let rebalance = Atomic<Bool>(false)
        let coordinator = try Coordinator(heartbeat: { _, _ in rebalance.load(ordering: .relaxed) ? .rebalanceInProgress : .none })
        try await Self.withMember(coordinator) { member in
            _ = try await member.join()
            try await Self.withHeartbeats(member) {
                let returned = Atomic<Bool>(false)
                let waiter = Task {
                    await member.waitForRebalance()
                    returned.store(true, ordering: .relaxed)
                }
                defer { waiter.cancel() }
                // Healthy heartbeats: no rebalance is signalled.
                #expect(try await Self.eventually { coordinator.received.heartbeats.count >= 3 })
                let returnedEarly = returned.load(ordering: .relaxed)
                #expect(!returnedEarly, "waitForRebalance returned while the heartbeats were answered OK")
                rebalance.store(true, ordering: .relaxed)
                try await Self.within(Self.patience, "waitForRebalance") { await waiter.value }
                let returnedAfterSignal = returned.load(ordering: .relaxed)
                #expect(returnedAfterSignal)
            }
        }
        let heartbeats = coordinator.received.heartbeats
        #expect(heartbeats.allSatisfy { $0.memberId == "m-1" && $0.generationId == 1 && $0.groupId == Self.group })
    }

    @Test func afterARebalanceTheMemberRejoinsWithItsMemberId() async throws {
        let coordinator = try Coordinator(heartbeat: { _, index in index == 0 ? .rebalanceInProgress : .none })
        try await Self.withMember(coordinator) { member in
            _ = try await member.join()
            try await Self.withHeartbeats(member) {
                try await Self.within(Self.patience, "waitForRebalance") { await member.waitForRebalance() }
            }
            _ = try await member.join()
            #expect(await member.generation == 2)
        }
        // "" -> MEMBER_ID_REQUIRED, then m-1 twice: the rejoin keeps the id (no second MEMBER_ID_REQUIRED round).
        #expect(coordinator.received.joins.map(\.memberId) == ["", "m-1", "m-1"])
    }

    @Test func unknownMemberIdOnAHeartbeatMakesTheMemberRejoinWithoutAnId() async throws {
        let coordinator = try Coordinator(heartbeat: { _, index in index == 0 ? .unknownMemberId : .none })
        try await Self.withMember(coordinator) { member in
            _ = try await member.join()
            try await Self.withHeartbeats(member) {
                try await Self.within(Self.patience, "waitForRebalance") { await member.waitForRebalance() }
            }
            #expect(await member.memberId == "")
            _ = try await member.join()
        }
        #expect(coordinator.received.joins.map(\.memberId) == ["", "m-1", "", "m-1"])
    }

    @Test func waitForRebalanceReturnsAtOnceWhenTheRebalanceWasAlreadySignalled() async throws {
        let coordinator = try Coordinator(heartbeat: { _, _ in .illegalGeneration })
        try await Self.withMember(coordinator) { member in
            _ = try await member.join()
            let heartbeats = Task { await member.heartbeatLoop() }
            #expect(try await Self.eventually { !coordinator.received.heartbeats.isEmpty })
            heartbeats.cancel()
            await heartbeats.value
            // The signal came before anyone waited: the wait must not block.
            try await Self.within(Self.patience, "waitForRebalance") { await member.waitForRebalance() }
        }
    }

    // MARK: A moved coordinator

    @Test func notCoordinatorOnJoinMakesTheMemberFindTheCoordinatorAgain() async throws {
        // The first FindCoordinator names a second broker that answers NOT_COORDINATOR; the second names this one.
        let stale = try Coordinator(join: { _, _ in JoinGroupResponse(errorCode: ErrorCode.notCoordinator.rawValue) })
        let coordinator = try Coordinator(coordinatorPort: { own, lookup in lookup == 0 ? stale.port : own })
        let assigned = try await Self.withMember(coordinator) { try await $0.join() }
        stale.stop()
        #expect(stale.received.joins.count == 1)
        #expect(coordinator.received.findCoordinator == 2)
        #expect(coordinator.received.joins.map(\.memberId) == ["", "m-1"])
        #expect(assigned == Self.orders(0, 1, 2, 3))
    }

    @Test func notCoordinatorOnAHeartbeatMakesTheNextJoinFindTheCoordinatorAgain() async throws {
        let coordinator = try Coordinator(heartbeat: { _, index in index == 0 ? .notCoordinator : .none })
        try await Self.withMember(coordinator) { member in
            _ = try await member.join()
            #expect(coordinator.received.findCoordinator == 1)
            try await Self.withHeartbeats(member) {
                try await Self.within(Self.patience, "waitForRebalance") { await member.waitForRebalance() }
            }
            _ = try await member.join()
        }
        #expect(coordinator.received.findCoordinator == 2)
        #expect(coordinator.received.joins.map(\.memberId) == ["", "m-1", "m-1"])
    }

    // MARK: Committing and leaving

    @Test func commitsCarryTheGenerationAndMemberId() async throws {
        let coordinator = try Coordinator()
        try await Self.withMember(coordinator) { member in
            _ = try await member.join()
            try await member.commit([TopicPartition("orders", 2): 17, TopicPartition("orders", 0): 5])
        }
        let commit = try #require(coordinator.received.commits.first)
        #expect(commit.groupId == Self.group)
        #expect(commit.generationIdOrMemberEpoch == 1)
        #expect(commit.memberId == "m-1")
        #expect(commit.topics.map(\.name) == ["orders"])
        #expect(commit.topics.first?.partitions.map(\.partitionIndex) == [0, 2])
        #expect(commit.topics.first?.partitions.map(\.committedOffset) == [5, 17])
    }

    @Test func aCommitRefusedForARebalanceIsReportedAndSignalsTheRebalance() async throws {
        let coordinator = try Coordinator(commit: { _ in .rebalanceInProgress })
        try await Self.withMember(coordinator) { member in
            _ = try await member.join()
            let error = await #expect(throws: KafkactlError.self) { try await member.commit([TopicPartition("orders", 0): 1]) }
            #expect(error?.code == .rebalanceInProgress)
            try await Self.within(Self.patience, "waitForRebalance") { await member.waitForRebalance() }
        }
    }

    @Test func leaveSendsLeaveGroupWithTheMemberId() async throws {
        let coordinator = try Coordinator()
        try await Self.withMember(coordinator) { member in
            _ = try await member.join()
            await member.leave()
            #expect(await member.memberId == "")
            #expect(await member.generation == -1)
        }
        let leave = try #require(coordinator.received.leaves.first)
        #expect(coordinator.received.leaves.count == 1)
        #expect(leave.groupId == Self.group)
        #expect(leave.members.map(\.memberId) == ["m-1"])
        #expect(leave.members.first?.groupInstanceId == nil)
    }

    @Test func leavingWithoutHavingJoinedSendsNothing() async throws {
        let coordinator = try Coordinator()
        try await Self.withMember(coordinator) { member in await member.leave() }
        #expect(coordinator.received.leaves.isEmpty)
        #expect(coordinator.received.joins.isEmpty)
    }
}

/// A `cooperative-sticky` member against the scripted coordinator: what it offers on each join (Subscription v2
/// with the partitions it keeps and their generation) and, as leader, a plan that withholds partitions another
/// member still owns.
@Suite struct CooperativeGroupMemberScriptedTests {
    typealias Scripted = GroupMemberScriptedTests

    static func cooperativeConfiguration() throws -> GroupMemberConfiguration {
        var configuration = Scripted.configuration()
        configuration.assignors = try GroupMemberConfiguration.assignors("cooperative-sticky")
        return configuration
    }

    @Test func aRejoinOffersThePartitionsItKeepsWithTheirGeneration() async throws {
        let coordinator = try Scripted.Coordinator()
        let configuration = try Self.cooperativeConfiguration()
        try await Scripted.withMember(coordinator, configuration: configuration) { member in
            #expect(try await member.join() == Scripted.orders(0, 1, 2, 3))
            _ = try await member.join()
        }
        let joins = coordinator.received.joins
        try #require(joins.count == 3, "MEMBER_ID_REQUIRED, the join, then the rejoin with the id")
        #expect(joins.allSatisfy { $0.protocols.map(\.name) == ["cooperative-sticky"] })
        let first = try ConsumerProtocol.decodeSubscription(joins[1].protocols[0].metadata)
        #expect(joins[1].protocols[0].metadata.getInteger(at: 0, as: Int16.self) == 2, "Subscription v2")
        #expect(first.ownedPartitions.isEmpty)
        #expect(first.generationId == -1)
        // The rejoin happens while the four partitions are still read: it says so, with generation 1.
        let rejoin = try ConsumerProtocol.decodeSubscription(joins[2].protocols[0].metadata)
        #expect(rejoin.ownedPartitions == Scripted.orders(0, 1, 2, 3))
        #expect(rejoin.generationId == 1)
        #expect(rejoin.userData == CooperativeStickyAssignor().subscriptionUserData(generation: 1))
    }

    @Test func aMemberTheCoordinatorForgotLosesItsPartitionsAndClaimsNoneOnItsNextJoin() async throws {
        // Java's onPartitionsLost: after UNKNOWN_MEMBER_ID the partitions may be someone else's already, so the
        // member drops them (the session stops reading them without a commit) and rejoins owning nothing.
        let coordinator = try Scripted.Coordinator(heartbeat: { _, index in index == 0 ? .unknownMemberId : .none })
        let configuration = try Self.cooperativeConfiguration()
        try await Scripted.withMember(coordinator, configuration: configuration) { member in
            _ = try await member.join()
            #expect(await member.takePartitionsLost() == false)
            try await Scripted.withHeartbeats(member) {
                try await Scripted.within(Scripted.patience, "the rebalance signal") { await member.waitForRebalance() }
            }
            #expect(await member.takePartitionsLost() == true)
            #expect(await member.takePartitionsLost() == false, "the mark is cleared once read")
            #expect(await member.assignment.isEmpty)
            _ = try await member.join()
        }
        let joins = coordinator.received.joins
        #expect(joins.map(\.memberId) == ["", "m-1", "", "m-1"])
        let rejoin = try ConsumerProtocol.decodeSubscription(joins[3].protocols[0].metadata)
        #expect(rejoin.ownedPartitions.isEmpty)
        #expect(rejoin.generationId == -1)
    }

    @Test func anEagerListOffersNoOwnedPartitionsEvenWithTheStickyAssignorInIt() async throws {
        let coordinator = try Scripted.Coordinator()
        var configuration = Scripted.configuration()
        configuration.assignors = try GroupMemberConfiguration.assignors("range,cooperative-sticky")
        try await Scripted.withMember(coordinator, configuration: configuration) { member in
            _ = try await member.join()
            _ = try await member.join()
        }
        let rejoin = try ConsumerProtocol.decodeSubscription(try #require(coordinator.received.joins.last).protocols[1].metadata)
        #expect(rejoin.ownedPartitions.isEmpty, "eager members give everything up before they rejoin")
        #expect(rejoin.generationId == 1)
    }

    @Test func asLeaderItWithholdsAPartitionAnotherMemberStillOwns() async throws {
        // m-2 owns all four in generation 6; the leader m-1 is new. Balanced is 2 + 2, but m-1 may only get its two
        // once m-2 has released them: now m-1 gets nothing and m-2 keeps two.
        var owner = ConsumerProtocol.Subscription(topics: ["orders"], ownedPartitions: Scripted.orders(0, 1, 2, 3), generationId: 6)
        owner.userData = CooperativeStickyAssignor().subscriptionUserData(generation: 6)
        let ownerMetadata = ConsumerProtocol.encode(owner, version: 2)
        let coordinator = try Scripted.Coordinator(join: { request, _ in
            JoinGroupResponse(
                generationId: 7, protocolType: "consumer", protocolName: "cooperative-sticky", leader: "m-1", memberId: "m-1",
                members: [.init(memberId: "m-2", metadata: ownerMetadata),
                          .init(memberId: "m-1", metadata: request.protocols[0].metadata)])
        })
        let assigned = try await Scripted.withMember(coordinator, configuration: try Self.cooperativeConfiguration()) { try await $0.join() }
        let plan = try Scripted.assignments(try #require(coordinator.received.syncs.first))
        #expect(assigned == [])
        #expect(plan["m-1"] == [])
        #expect(plan["m-2"]?.count == 2)
        #expect(Set(plan["m-2"] ?? []).isSubset(of: Scripted.orders(0, 1, 2, 3)))
    }
}
