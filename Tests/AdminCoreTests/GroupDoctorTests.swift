import AdminCore
import Testing

/// The doctor's rules on observations made up for each cause: the cause is found, named first when it stops the
/// group, and not found where it is absent (a healthy group, a group caught up, a coordinator that reports no
/// assignments).
@Suite struct GroupDoctorTests {
    static let orders0 = TopicPartition("orders", 0)
    static let orders1 = TopicPartition("orders", 1)

    static func member(_ id: String, _ assignment: [TopicPartition] = []) -> GroupDescription.Member {
        GroupDescription.Member(memberId: id, groupInstanceId: nil, clientId: "c", host: "/127.0.0.1", assignment: assignment)
    }

    static func observation(
        at time: Int64 = 0, state: String = "Stable", members: [GroupDescription.Member] = [], protocolName: String = "range",
        committed: [TopicPartition: CommittedOffset] = [:], partitions: [TopicPartition: PartitionHealth] = [:],
        missing: Set<String> = [], groupEpoch: Int32? = nil
    ) -> GroupObservation {
        var description = GroupDescription(groupId: "g", state: state, protocolType: "consumer", protocolName: protocolName, members: members)
        description.groupEpoch = groupEpoch
        return GroupObservation(timeMs: time, description: description, committed: committed, partitions: partitions, missingTopics: missing)
    }

    static func healthy(start: Int64 = 0, end: Int64, stable: Int64? = nil, epoch: Int32 = 0) -> PartitionHealth {
        PartitionHealth(leader: 1, leaderEpoch: epoch, replicas: [1, 2], isr: [1, 2], logStart: start, highWatermark: end, lastStable: stable ?? end)
    }

    static func findings(_ first: GroupObservation, _ last: GroupObservation? = nil, looks: [GroupObservation] = [],
                         holds: [TransactionHold] = []) -> [GroupFinding] {
        var trail = GroupTrail()
        for look in [first] + looks + (last.map { [$0] } ?? []) { trail.add(look.description) }
        return GroupDoctor.findings(first: first, last: last ?? first, trail: trail, holds: holds)
    }

    @Test func noMembersWithRecordsWaitingComesFirst() {
        let observation = Self.observation(
            state: "Empty", committed: [Self.orders0: .init(offset: 5), Self.orders1: .init(offset: 50)],
            partitions: [Self.orders0: Self.healthy(end: 10), Self.orders1: Self.healthy(end: 50)])
        #expect(Self.findings(observation) == [.noMembers(lagging: [Self.orders0])])
    }

    @Test func aGroupWithoutMembersThatReadEverythingIsHealthy() {
        let observation = Self.observation(
            state: "Empty", committed: [Self.orders0: .init(offset: 10)], partitions: [Self.orders0: Self.healthy(end: 10)])
        #expect(Self.findings(observation).isEmpty)
    }

    @Test func aMovingGroupIsHealthy() {
        let member = Self.member("m1", [Self.orders0])
        let first = Self.observation(members: [member], committed: [Self.orders0: .init(offset: 5)], partitions: [Self.orders0: Self.healthy(end: 100)])
        let last = Self.observation(at: 2000, members: [member], committed: [Self.orders0: .init(offset: 60)], partitions: [Self.orders0: Self.healthy(end: 120)])
        #expect(Self.findings(first, last).isEmpty)
    }

    @Test func rebalancesBegunTwiceInTheWindowAreALoop() throws {
        let committed: [TopicPartition: CommittedOffset] = [Self.orders0: .init(offset: 5)]
        let partitions = [Self.orders0: Self.healthy(end: 100)]
        let first = Self.observation(members: [Self.member("a", [Self.orders0])], committed: committed, partitions: partitions)
        let looks = [
            Self.observation(state: "PreparingRebalance", members: [Self.member("a")]),
            Self.observation(state: "CompletingRebalance", members: [Self.member("b")]),
            Self.observation(state: "Stable", members: [Self.member("b", [Self.orders0])]),
            Self.observation(state: "PreparingRebalance", members: [Self.member("b")]),
        ]
        let last = Self.observation(at: 2000, state: "CompletingRebalance", members: [Self.member("c")], committed: committed, partitions: partitions)
        let found = Self.findings(first, last, looks: looks)
        guard case .rebalancing(let rebalances) = try #require(found.first) else {
            Issue.record("first finding: \(found)")
            return
        }
        #expect(rebalances.loop && rebalances.count == 2 && rebalances.departedMembers == 2)
        #expect(found.first?.cause == "rebalance-loop")
        // Nothing else is blamed while the group rebalances.
        #expect(found.count == 1, "\(found)")
    }

    @Test func aClimbingGroupEpochIsALoopForAKIP848Group() {
        let first = Self.observation(state: "Reconciling", members: [Self.member("a")], groupEpoch: 10)
        let last = Self.observation(at: 2000, state: "Reconciling", members: [Self.member("a")], groupEpoch: 13)
        #expect(Self.findings(first, last).first?.cause == "rebalance-loop")
    }

    @Test func oneRebalanceThatEndsIsNoFinding() {
        let member = Self.member("a", [Self.orders0])
        let first = Self.observation(state: "PreparingRebalance", members: [member])
        let last = Self.observation(at: 2000, members: [member])
        #expect(Self.findings(first, last).isEmpty)
    }

    @Test func aLeaderlessPartitionIsNamedWithItsReplicas() {
        let observation = Self.observation(
            members: [Self.member("a", [Self.orders0, Self.orders1])],
            committed: [Self.orders0: .init(offset: 5), Self.orders1: .init(offset: 5)],
            partitions: [Self.orders0: PartitionHealth(leader: -1, replicas: [2, 3], isr: [3]), Self.orders1: Self.healthy(end: 5)])
        #expect(Self.findings(observation) == [.noLeader([Self.orders0])])
    }

    @Test func aDeletedTopicsOffsetsAreNamed() {
        let observation = Self.observation(
            state: "Empty", committed: [TopicPartition("gone", 0): .init(offset: 5), TopicPartition("gone", 1): .init(offset: 7)],
            missing: ["gone"])
        #expect(Self.findings(observation) == [.topicDeleted(topics: ["gone"], partitions: [TopicPartition("gone", 0), TopicPartition("gone", 1)])])
    }

    @Test func aCommittedLeaderEpochNewerThanThePartitionsIsARecreatedTopic() {
        let observation = Self.observation(
            state: "Empty", committed: [Self.orders0: .init(offset: 900, leaderEpoch: 7), Self.orders1: .init(offset: 3, leaderEpoch: 0)],
            partitions: [Self.orders0: Self.healthy(end: 20, epoch: 0), Self.orders1: Self.healthy(end: 3, epoch: 0)])
        // Beyond the log end as well, but the epoch says why: one finding for the partition, not two.
        #expect(Self.findings(observation) == [.topicRecreated([Self.orders0])])
    }

    @Test func offsetsOutsideTheLogAreNamedBySide() {
        let observation = Self.observation(
            state: "Empty", committed: [Self.orders0: .init(offset: 900), Self.orders1: .init(offset: 3)],
            partitions: [Self.orders0: Self.healthy(end: 20), Self.orders1: Self.healthy(start: 10, end: 30)])
        let found = Self.findings(observation)
        // orders-1 has 27 records waiting and no members; no-members leads, then the two offsets.
        #expect(found == [.noMembers(lagging: [Self.orders1]), .offsetBeyondEnd([Self.orders0]), .offsetBelowStart([Self.orders1])])
    }

    @Test func aLastStableOffsetThatDoesNotMoveWhereTheGroupWaitsIsATransactionCandidate() {
        let member = Self.member("a", [Self.orders0, Self.orders1])
        let first = Self.observation(
            members: [member], committed: [Self.orders0: .init(offset: 40), Self.orders1: .init(offset: 10)],
            partitions: [Self.orders0: Self.healthy(end: 60, stable: 40), Self.orders1: Self.healthy(end: 30, stable: 20)])
        var last = first
        last.timeMs = 2000
        // orders-1: the group has stable records left to read (10 < 20), so a transaction is not what stops it.
        #expect(GroupDoctor.transactionCandidates(first: first, last: last) == [Self.orders0])
        last.partitions[Self.orders0]?.lastStable = 45
        #expect(GroupDoctor.transactionCandidates(first: first, last: last).isEmpty, "a last stable offset that moved")
    }

    @Test func recordsPastAHeldLastStableOffsetAreTheTransactionsNotAMissingMembers() {
        let observation = Self.observation(
            state: "Empty", committed: [Self.orders0: .init(offset: 40)], partitions: [Self.orders0: Self.healthy(end: 60, stable: 40)])
        let hold = TransactionHold(partition: Self.orders0, lastStable: 40, highWatermark: 60, producerUnknownReason: "not described")
        #expect(Self.findings(observation, holds: [hold]) == [.openTransaction([hold])])
    }

    @Test func aHoldIsHangingWhenNoCoordinatorWillEndIt() {
        let producer = ProducerState(producerId: 7, producerEpoch: 1, lastSequence: 0, lastTimestamp: 0, coordinatorEpoch: nil, currentTransactionStartOffset: 40)
        var hold = TransactionHold(partition: Self.orders0, lastStable: 40, highWatermark: 60, producer: producer, ageMs: 3_600_000)
        #expect(hold.hanging, "no coordinator lists it")
        hold.transaction = TransactionDescription(
            coordinatorId: 1, transactionalId: "t", producerId: 7, producerEpoch: 1, state: "Ongoing", timeoutMs: 60_000,
            startTimeMs: 0, partitions: [Self.orders0])
        #expect(hold.hanging, "older than its timeout")
        hold.ageMs = 10_000
        #expect(!hold.hanging, "its coordinator will end it")
        hold.transaction?.partitions = []
        #expect(hold.hanging, "its transaction no longer includes the partition")
        hold.producer = nil
        #expect(!hold.hanging, "unknown without the producer")
    }

    @Test func partitionsNoMemberHoldsAreUnassignedUnlessTheCoordinatorReportsNoAssignments() {
        let committed: [TopicPartition: CommittedOffset] = [Self.orders0: .init(offset: 5), Self.orders1: .init(offset: 5)]
        let partitions = [Self.orders0: Self.healthy(end: 50), Self.orders1: Self.healthy(end: 50)]
        let first = Self.observation(members: [Self.member("a", [Self.orders0])], committed: committed, partitions: partitions)
        var moved = committed
        moved[Self.orders0] = .init(offset: 40)
        let last = Self.observation(at: 2000, members: [Self.member("a", [Self.orders0])], committed: moved, partitions: partitions)
        #expect(Self.findings(first, last) == [.unassignedPartitions([Self.orders1])])
        // No protocol name and no member holding anything: ownership unknown, so only what did not move is said.
        let blindFirst = Self.observation(members: [Self.member("a")], protocolName: "", committed: committed, partitions: partitions)
        let blindLast = Self.observation(at: 2000, members: [Self.member("a")], protocolName: "", committed: moved, partitions: partitions)
        #expect(Self.findings(blindFirst, blindLast) == [.notCommitting([Self.orders1])])
    }

    @Test func membersThatCommitNothingWhileRecordsWaitAreNotCommitting() {
        let member = Self.member("a", [Self.orders0])
        let first = Self.observation(members: [member], committed: [Self.orders0: .init(offset: 5)], partitions: [Self.orders0: Self.healthy(end: 50)])
        var last = first
        last.timeMs = 2000
        #expect(Self.findings(first, last) == [.notCommitting([Self.orders0])])
        // One look cannot tell.
        #expect(Self.findings(first).isEmpty)
    }
}
