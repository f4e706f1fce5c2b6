import NIOCore
import Testing

@testable import AdminCore

/// `cooperative-sticky` against what Java's CooperativeStickyAssignor guarantees: balanced plans, owned partitions
/// kept as far as balance allows, a moving partition given only in the rebalance after its owner released it,
/// Java's rules for owned claims (the newest generation wins, a partition two members claim in it is nobody's),
/// several topics and members with different subscriptions; and the strategy names the consumer property takes.
@Suite struct CooperativeStickyAssignorTests {
    static let assignor = CooperativeStickyAssignor()

    static func member(_ id: String, _ topics: [String], owns owned: [TopicPartition] = [], generation: Int32? = nil)
        -> GroupMemberSubscription
    {
        GroupMemberSubscription(memberId: id, groupInstanceId: nil, topics: topics, ownedPartitions: owned, generation: generation)
    }

    static func t(_ ids: Int32...) -> [TopicPartition] { ids.map { TopicPartition("t", $0) } }

    static func all(_ topic: String, _ count: Int) -> Set<TopicPartition> {
        Set((0..<count).map { TopicPartition(topic, Int32($0)) })
    }

    /// No partition twice, and none to a member that does not subscribe to its topic.
    static func expectSound(_ plan: [String: [TopicPartition]], _ members: [GroupMemberSubscription],
                            sourceLocation: SourceLocation = #_sourceLocation) {
        let given = plan.values.flatMap { $0 }
        #expect(given.count == Set(given).count, "a partition was given twice: \(plan)", sourceLocation: sourceLocation)
        for member in members {
            for partition in plan[member.memberId] ?? [] {
                #expect(member.topics.contains(partition.topic), "\(member.memberId) got \(partition)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The cooperative safety rule Java's leader checks (validateCooperativeAssignment): no member is given a
    /// partition that another member still owns.
    static func expectNoDirectTransfer(_ plan: [String: [TopicPartition]], _ members: [GroupMemberSubscription],
                                       sourceLocation: SourceLocation = #_sourceLocation) {
        for member in members {
            let added = Set(plan[member.memberId] ?? []).subtracting(member.ownedPartitions)
            for other in members where other.memberId != member.memberId {
                let stillOwned = Set(other.ownedPartitions)
                #expect(added.isDisjoint(with: stillOwned),
                        "\(member.memberId) was given \(added.intersection(stillOwned)) that \(other.memberId) owns",
                        sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: Balance

    @Test func aFreshGroupIsBalancedToWithinOne() {
        let members = ["a", "b", "c"].map { Self.member($0, ["t"]) }
        let plan = Self.assignor.assign(members: members, partitionCounts: ["t": 10])
        Self.expectSound(plan, members)
        #expect(plan.values.map(\.count).sorted() == [3, 3, 4])
        #expect(Set(plan.values.flatMap { $0 }) == Self.all("t", 10))
    }

    @Test func moreMembersThanPartitionsLeavesSomeWithNothing() {
        let members = ["a", "b", "c"].map { Self.member($0, ["t"]) }
        let plan = Self.assignor.assign(members: members, partitionCounts: ["t": 2])
        #expect(plan.values.map(\.count).sorted() == [0, 1, 1])
        #expect(plan.keys.sorted() == ["a", "b", "c"], "every member gets an entry, even an empty one")
    }

    // MARK: Stickiness and the two-phase move

    @Test func aJoiningMemberGetsMovedPartitionsOnlyInTheFollowUpRebalance() {
        // a read all four in generation 5; b joins.
        let first = [Self.member("a", ["t"], owns: Self.t(0, 1, 2, 3), generation: 5), Self.member("b", ["t"])]
        let plan1 = Self.assignor.assign(members: first, partitionCounts: ["t": 4])
        Self.expectSound(plan1, first)
        Self.expectNoDirectTransfer(plan1, first)
        // a keeps two of its own, gives up two; b gets nothing yet.
        let kept = try! #require(plan1["a"])
        #expect(kept.count == 2)
        #expect(Set(kept).isSubset(of: Self.t(0, 1, 2, 3)))
        #expect(plan1["b"] == [])

        // a revoked the other two and rejoined; both are members of generation 6 now.
        let second = [Self.member("a", ["t"], owns: kept, generation: 6), Self.member("b", ["t"], owns: [], generation: 6)]
        let plan2 = Self.assignor.assign(members: second, partitionCounts: ["t": 4])
        Self.expectNoDirectTransfer(plan2, second)
        #expect(plan2["a"] == kept, "a's partitions must not move again")
        #expect(Set(plan2["b"] ?? []) == Set(Self.t(0, 1, 2, 3)).subtracting(kept))
    }

    @Test func aStableGroupKeepsItsAssignment() {
        let members = [Self.member("a", ["t"], owns: Self.t(3, 0), generation: 9),
                       Self.member("b", ["t"], owns: Self.t(1, 2), generation: 9)]
        let plan = Self.assignor.assign(members: members, partitionCounts: ["t": 4])
        #expect(plan == ["a": Self.t(0, 3), "b": Self.t(1, 2)])
    }

    @Test func whenAMemberLeavesItsPartitionsGoToTheOthersAndNothingElseMoves() {
        // c left (it is not in the join); nobody owns its partitions now, so they are given at once.
        let members = [Self.member("a", ["t"], owns: Self.t(0, 1), generation: 4),
                       Self.member("b", ["t"], owns: Self.t(2, 3), generation: 4)]
        let plan = Self.assignor.assign(members: members, partitionCounts: ["t": 6])
        Self.expectSound(plan, members)
        #expect(Set(plan["a"]!).isSuperset(of: Self.t(0, 1)))
        #expect(Set(plan["b"]!).isSuperset(of: Self.t(2, 3)))
        #expect(plan["a"]!.count == 3 && plan["b"]!.count == 3)
    }

    @Test func onlyTheSurplusOfAnOverloadedMemberMoves() {
        // 9 partitions, 3 members: a holds 7, b 2, c joins. Quota 3 each: a gives up exactly 4, b gives up none.
        let members = [Self.member("a", ["t"], owns: Self.t(0, 1, 2, 3, 4, 5, 6), generation: 2),
                       Self.member("b", ["t"], owns: Self.t(7, 8), generation: 2), Self.member("c", ["t"])]
        let plan1 = Self.assignor.assign(members: members, partitionCounts: ["t": 9])
        Self.expectNoDirectTransfer(plan1, members)
        // Everything a gives up is still a's in this generation: b keeps its own two, c waits.
        #expect(plan1 == ["a": Self.t(0, 1, 2), "b": Self.t(7, 8), "c": []])
        // What a gave up reaches b and c one rebalance later; then everyone has 3.
        let second = [Self.member("a", ["t"], owns: plan1["a"]!, generation: 3), Self.member("b", ["t"], owns: plan1["b"]!, generation: 3),
                      Self.member("c", ["t"], owns: plan1["c"]!, generation: 3)]
        let plan2 = Self.assignor.assign(members: second, partitionCounts: ["t": 9])
        Self.expectNoDirectTransfer(plan2, second)
        #expect(plan2.values.map(\.count) == [3, 3, 3])
        #expect(plan2["a"] == plan1["a"])
        #expect(Set(plan2["b"]!).isSuperset(of: Self.t(7, 8)))
        #expect(Set(plan2.values.flatMap { $0 }) == Self.all("t", 9))
    }

    /// Members that follow the protocol (revoke what they lost, rejoin with what they kept) reach a balanced,
    /// complete plan in two rebalances after any change, and no partition ever has two owners.
    @Test(arguments: [(4, 2), (7, 3), (12, 5), (3, 4)])
    func repeatedRebalancesConvergeInTwoStepsWithoutDoubleOwnership(partitions: Int, members: Int) {
        var owned: [String: [TopicPartition]] = ["m0": Array(Self.all("t", partitions)).sorted()]
        for joining in 1..<members {
            owned["m\(joining)"] = []
            var rounds = 0
            var generation: Int32 = Int32(joining * 10)
            while true {
                rounds += 1
                let subscriptions = owned.keys.sorted().map { Self.member($0, ["t"], owns: owned[$0]!, generation: generation) }
                let plan = Self.assignor.assign(members: subscriptions, partitionCounts: ["t": partitions])
                Self.expectSound(plan, subscriptions)
                Self.expectNoDirectTransfer(plan, subscriptions)
                let revoked = owned.contains { Set($0.value).subtracting(plan[$0.key] ?? []).isEmpty == false }
                owned = plan
                generation += 1
                if !revoked { break }
                #expect(rounds < 3, "still moving after \(rounds) rebalances: \(plan)")
                if rounds >= 3 { break }
            }
            #expect(rounds <= 2)
            let counts = owned.values.map(\.count)
            #expect(counts.max()! - counts.min()! <= 1, "unbalanced: \(owned)")
            #expect(Set(owned.values.flatMap { $0 }) == Self.all("t", partitions))
        }
    }

    // MARK: Owned claims

    @Test func aPartitionTwoMembersClaimInTheSameGenerationGoesToNeitherThisTime() {
        let members = [Self.member("a", ["t"], owns: Self.t(0, 1), generation: 3),
                       Self.member("b", ["t"], owns: Self.t(1, 2, 3), generation: 3)]
        let plan = Self.assignor.assign(members: members, partitionCounts: ["t": 4])
        Self.expectSound(plan, members)
        #expect(plan == ["a": Self.t(0), "b": Self.t(2, 3)], "t-1 was claimed twice, so neither gets it now")
        // Both drop t-1 and rejoin without it: then it is given.
        let second = [Self.member("a", ["t"], owns: plan["a"]!, generation: 4), Self.member("b", ["t"], owns: plan["b"]!, generation: 4)]
        let plan2 = Self.assignor.assign(members: second, partitionCounts: ["t": 4])
        #expect(Set(plan2.values.flatMap { $0 }) == Self.all("t", 4))
        #expect(plan2.values.map(\.count) == [2, 2])
    }

    @Test func claimsOfAnOlderGenerationLoseToTheNewest() {
        // b missed a rebalance (generation 2): its claim on t-1 is stale, a's (generation 3) counts.
        let members = [Self.member("a", ["t"], owns: Self.t(0, 1), generation: 3),
                       Self.member("b", ["t"], owns: Self.t(1, 2), generation: 2)]
        let plan = Self.assignor.assign(members: members, partitionCounts: ["t": 4])
        Self.expectSound(plan, members)
        #expect(plan["a"] == Self.t(0, 1))
        #expect(Set(plan["b"]!) == Set(Self.t(2, 3)), "b's stale claims are not sticky, but its partitions are free: \(plan)")
    }

    @Test func aPartitionAMemberWithoutAGenerationClaimsIsNotGivenToAnotherMemberYet() {
        // b sends no generation (librdkafka's cooperative-sticky sends neither the v2 field nor UserData), so its
        // claims are not sticky next to a's generation 5; but b may still be reading t-2 and t-3: c must wait.
        let members = [Self.member("a", ["t"], owns: Self.t(0, 1), generation: 5), Self.member("b", ["t"], owns: Self.t(2, 3)),
                       Self.member("c", ["t"])]
        let plan = Self.assignor.assign(members: members, partitionCounts: ["t": 4])
        Self.expectSound(plan, members)
        Self.expectNoDirectTransfer(plan, members)
        #expect(plan["a"] == Self.t(0, 1))
        #expect(plan["c"] == [])
        #expect((plan["b"] ?? []).count == 1)
    }

    @Test func theGenerationIsReadFromJavasUserDataWhenTheSubscriptionHasNoField() {
        // A Java 2.4-3.3 member (Subscription v1) puts its generation in UserData as one int32.
        var userData = ByteBuffer()
        userData.writeInteger(Int32(8))
        let old = GroupMemberSubscription(memberId: "a", groupInstanceId: nil, topics: ["t"], ownedPartitions: Self.t(0, 1), userData: userData)
        #expect(old.ownedGeneration == 8)
        let stale = Self.member("b", ["t"], owns: Self.t(1), generation: 7)
        let plan = Self.assignor.assign(members: [old, stale], partitionCounts: ["t": 2])
        // a's claims (generation 8) win, so t-1 is a's until a releases it: b gets nothing yet. Were the UserData
        // not read, b's claim (generation 7) would win and b would keep t-1.
        #expect(plan == ["a": Self.t(0), "b": []])
        #expect(Self.assignor.subscriptionUserData(generation: 8) == userData)
    }

    @Test func claimsOnPartitionsThatNoLongerExistAreIgnored() {
        let members = [Self.member("a", ["t", "gone"], owns: Self.t(0, 7) + [TopicPartition("gone", 0)], generation: 1),
                       Self.member("b", ["t"], owns: Self.t(1), generation: 1)]
        let plan = Self.assignor.assign(members: members, partitionCounts: ["t": 2])
        #expect(plan == ["a": Self.t(0), "b": Self.t(1)])
    }

    // MARK: Several topics, different subscriptions

    @Test func severalTopicsAreBalancedAsOnePoolAndKeptWhereOwned() {
        let members = [Self.member("a", ["x", "y"], owns: [TopicPartition("x", 0), TopicPartition("y", 2)], generation: 1),
                       Self.member("b", ["x", "y"], owns: [TopicPartition("x", 1)], generation: 1),
                       Self.member("c", ["x", "y"])]
        let plan = Self.assignor.assign(members: members, partitionCounts: ["x": 3, "y": 3])
        Self.expectSound(plan, members)
        Self.expectNoDirectTransfer(plan, members)
        #expect(plan.values.map(\.count).sorted() == [2, 2, 2])
        #expect(Set(plan["a"]!) == [TopicPartition("x", 0), TopicPartition("y", 2)])
        #expect(plan["b"]!.contains(TopicPartition("x", 1)))
        #expect(Set(plan.values.flatMap { $0 }) == Self.all("x", 3).union(Self.all("y", 3)))
    }

    @Test func membersWithDifferentSubscriptionsGetOnlyTheirTopicsAndTheFewestChoicesGoFirst() {
        // b reads only x; a reads x and y. Balance gives a all of y and b all of x.
        let members = [Self.member("a", ["x", "y"]), Self.member("b", ["x"])]
        let plan = Self.assignor.assign(members: members, partitionCounts: ["x": 2, "y": 2])
        Self.expectSound(plan, members)
        #expect(plan == ["a": [TopicPartition("y", 0), TopicPartition("y", 1)], "b": [TopicPartition("x", 0), TopicPartition("x", 1)]])
    }

    @Test func aPartitionOfATopicItsOwnerDroppedWaitsForItsRelease() {
        // a still holds x-0 but no longer subscribes to x: b gets it, one rebalance later.
        let members = [Self.member("a", ["y"], owns: [TopicPartition("x", 0), TopicPartition("y", 0)], generation: 5),
                       Self.member("b", ["x"], owns: [], generation: 5)]
        let plan = Self.assignor.assign(members: members, partitionCounts: ["x": 1, "y": 1])
        #expect(plan == ["a": [TopicPartition("y", 0)], "b": []])
    }

    @Test func aTopicNobodySubscribesToIsNotAssigned() {
        let members = [Self.member("a", ["x"])]
        let plan = Self.assignor.assign(members: members, partitionCounts: ["x": 1, "other": 3])
        #expect(plan == ["a": [TopicPartition("x", 0)]])
    }

    // MARK: Names and protocols

    @Test func itNamesItselfAsJavaDoesAndSupportsBothProtocols() {
        #expect(Self.assignor.name == "cooperative-sticky")
        #expect(Self.assignor.supportedProtocols == [.eager, .cooperative])
        #expect(RangeAssignor().supportedProtocols == [.eager])
    }

    @Test(arguments: [
        ("cooperative-sticky", ["cooperative-sticky"], RebalanceProtocol.cooperative),
        ("org.apache.kafka.clients.consumer.CooperativeStickyAssignor", ["cooperative-sticky"], .cooperative),
        ("range, cooperative-sticky", ["range", "cooperative-sticky"], .eager),
        ("org.apache.kafka.clients.consumer.RangeAssignor,org.apache.kafka.clients.consumer.RoundRobinAssignor", ["range", "roundrobin"], .eager),
        ("roundrobin", ["roundrobin"], .eager),
    ])
    func theStrategyListPicksAssignorsAndTheCommonProtocol(list: String, names: [String], expected: RebalanceProtocol) throws {
        let configuration = try GroupMemberConfiguration(groupId: "g", properties: ["partition.assignment.strategy": list])
        #expect(configuration.assignors.map(\.name) == names)
        #expect(configuration.rebalanceProtocol == expected)
    }

    @Test(arguments: ["sticky", "org.apache.kafka.clients.consumer.StickyAssignor", "range,bogus", " , "])
    func anUnknownStrategyIsAUsageError(list: String) {
        do {
            _ = try GroupMemberConfiguration(groupId: "g", properties: ["partition.assignment.strategy": list])
            Issue.record("'\(list)' was accepted")
        } catch let error as KafkactlError {
            #expect(error.category == .usage)
            #expect(error.message.contains("range, roundrobin and cooperative-sticky"), "\(error.message)")
            #expect(!error.message.contains("\n"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func theDefaultListStaysEager() {
        #expect(GroupMemberConfiguration(groupId: "g").rebalanceProtocol == .eager)
    }
}
