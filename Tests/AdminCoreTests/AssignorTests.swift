import Testing

@testable import AdminCore

/// `range` and `roundrobin` against the behaviour Java's RangeAssignor and RoundRobinAssignor document (their
/// Javadoc examples), uneven splits, members subscribed to different topics, and Java's member order (static
/// members first by group.instance.id, then the rest by member id).
@Suite struct AssignorTests {
    static func member(_ id: String, _ topics: [String], instance: String? = nil) -> GroupMemberSubscription {
        GroupMemberSubscription(memberId: id, groupInstanceId: instance, topics: topics)
    }

    /// `t0p1`-style names, in the order assigned.
    static func names(_ partitions: [TopicPartition]?) -> [String] {
        (partitions ?? []).map { "\($0.topic)p\($0.partition)" }
    }

    static func names(_ plan: [String: [TopicPartition]]) -> [String: [String]] {
        plan.mapValues { names($0) }
    }

    /// Every subscribed partition goes to exactly one member that subscribes to its topic.
    static func expectComplete(_ plan: [String: [TopicPartition]], members: [GroupMemberSubscription], counts: [String: Int],
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let assigned = plan.values.flatMap { $0 }
        #expect(assigned.count == Set(assigned).count, "a partition was given twice", sourceLocation: sourceLocation)
        let subscribed = Set(members.flatMap(\.topics))
        let expected = Set(counts.filter { subscribed.contains($0.key) }.flatMap { topic, count in
            (0..<count).map { TopicPartition(topic, Int32($0)) }
        })
        #expect(Set(assigned) == expected, sourceLocation: sourceLocation)
        for member in members {
            for partition in plan[member.memberId] ?? [] {
                #expect(member.topics.contains(partition.topic), "\(member.memberId) got \(partition) without subscribing",
                        sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: range

    @Test func rangeNamesItselfRange() {
        #expect(RangeAssignor().name == "range")
        #expect(RoundRobinAssignor().name == "roundrobin")
    }

    @Test func rangeMatchesJavasDocumentedExample() {
        // RangeAssignor Javadoc: C0 and C1 subscribed to t0 and t1, 3 partitions each ->
        // C0: [t0p0, t0p1, t1p0, t1p1], C1: [t0p2, t1p2].
        let members = [Self.member("C1", ["t0", "t1"]), Self.member("C0", ["t0", "t1"])]
        let counts = ["t0": 3, "t1": 3]
        let plan = RangeAssignor().assign(members: members, partitionCounts: counts)
        #expect(Self.names(plan) == ["C0": ["t0p0", "t0p1", "t1p0", "t1p1"], "C1": ["t0p2", "t1p2"]])
        Self.expectComplete(plan, members: members, counts: counts)
    }

    @Test func rangeGivesTheFirstMembersOneMoreWhenTheSplitIsUneven() {
        // 7 partitions over 3 members: q = 2, r = 1 -> 3, 2, 2 consecutive partitions.
        let members = [Self.member("c", ["t"]), Self.member("a", ["t"]), Self.member("b", ["t"])]
        let plan = RangeAssignor().assign(members: members, partitionCounts: ["t": 7])
        #expect(Self.names(plan) == ["a": ["tp0", "tp1", "tp2"], "b": ["tp3", "tp4"], "c": ["tp5", "tp6"]])
    }

    @Test func rangeLeavesExtraMembersEmptyWhenThereAreFewerPartitions() {
        let members = [Self.member("m1", ["t"]), Self.member("m2", ["t"]), Self.member("m3", ["t"])]
        let plan = RangeAssignor().assign(members: members, partitionCounts: ["t": 2])
        #expect(Self.names(plan) == ["m1": ["tp0"], "m2": ["tp1"], "m3": []])
        #expect(plan.keys.sorted() == ["m1", "m2", "m3"], "every member gets an entry, even an empty one")
    }

    @Test func rangeSplitsEachTopicAmongItsOwnSubscribersOnly() {
        // a and b read t0 (4 partitions); only b and c read t1 (3 partitions).
        let members = [Self.member("a", ["t0"]), Self.member("b", ["t0", "t1"]), Self.member("c", ["t1"])]
        let counts = ["t0": 4, "t1": 3]
        let plan = RangeAssignor().assign(members: members, partitionCounts: counts)
        #expect(Self.names(plan) == ["a": ["t0p0", "t0p1"], "b": ["t0p2", "t0p3", "t1p0", "t1p1"], "c": ["t1p2"]])
        Self.expectComplete(plan, members: members, counts: counts)
    }

    @Test func rangeStacksTheRemainderOnTheSameMembersForEveryTopic() {
        // Range's known skew: with 3 partitions per topic and 2 members, the first member takes 2 of each.
        let members = [Self.member("m1", ["x", "y", "z"]), Self.member("m2", ["x", "y", "z"])]
        let plan = RangeAssignor().assign(members: members, partitionCounts: ["x": 3, "y": 3, "z": 3])
        #expect(plan["m1"]?.count == 6)
        #expect(plan["m2"]?.count == 3)
    }

    @Test func rangeOrdersStaticMembersFirstByInstanceIdThenDynamicOnesByMemberId() {
        // Member ids alone would put "a-dynamic" first; Java puts static members first, by group.instance.id.
        let members = [
            Self.member("a-dynamic", ["t"]),
            Self.member("z-static", ["t"], instance: "instance-1"),
            Self.member("b-static", ["t"], instance: "instance-2"),
            Self.member("0-dynamic", ["t"]),
        ]
        let plan = RangeAssignor().assign(members: members, partitionCounts: ["t": 6])
        #expect(Self.names(plan) == [
            "z-static": ["tp0", "tp1"], "b-static": ["tp2", "tp3"], "0-dynamic": ["tp4"], "a-dynamic": ["tp5"],
        ])
    }

    @Test func rangeIgnoresTopicsWithoutMetadata() {
        // A subscribed topic the leader found no partitions for (deleted, not created yet) is skipped.
        let members = [Self.member("m1", ["known", "missing"]), Self.member("m2", ["known"])]
        let plan = RangeAssignor().assign(members: members, partitionCounts: ["known": 2])
        #expect(Self.names(plan) == ["m1": ["knownp0"], "m2": ["knownp1"]])
    }

    @Test func rangeWithNoMembersAssignsNothing() {
        #expect(RangeAssignor().assign(members: [], partitionCounts: ["t": 3]).isEmpty)
    }

    // MARK: roundrobin

    @Test func roundRobinMatchesJavasDocumentedExampleForEqualSubscriptions() {
        // RoundRobinAssignor Javadoc: C0 and C1, t0 and t1 with 3 partitions each ->
        // C0: [t0p0, t0p2, t1p1], C1: [t0p1, t1p0, t1p2].
        let members = [Self.member("C1", ["t1", "t0"]), Self.member("C0", ["t0", "t1"])]
        let counts = ["t0": 3, "t1": 3]
        let plan = RoundRobinAssignor().assign(members: members, partitionCounts: counts)
        #expect(Self.names(plan) == ["C0": ["t0p0", "t0p2", "t1p1"], "C1": ["t0p1", "t1p0", "t1p2"]])
        Self.expectComplete(plan, members: members, counts: counts)
    }

    @Test func roundRobinMatchesJavasDocumentedExampleForDifferentSubscriptions() {
        // RoundRobinAssignor Javadoc: t0, t1, t2 with 1, 2, 3 partitions; C0 reads t0, C1 reads t0 and t1,
        // C2 reads all three -> C0: [t0p0], C1: [t1p0], C2: [t1p1, t2p0, t2p1, t2p2].
        let members = [Self.member("C2", ["t0", "t1", "t2"]), Self.member("C0", ["t0"]), Self.member("C1", ["t0", "t1"])]
        let counts = ["t0": 1, "t1": 2, "t2": 3]
        let plan = RoundRobinAssignor().assign(members: members, partitionCounts: counts)
        #expect(Self.names(plan) == ["C0": ["t0p0"], "C1": ["t1p0"], "C2": ["t1p1", "t2p0", "t2p1", "t2p2"]])
        Self.expectComplete(plan, members: members, counts: counts)
    }

    @Test func roundRobinDealsUnevenCountsOneAtATime() {
        let members = [Self.member("b", ["t"]), Self.member("a", ["t"]), Self.member("c", ["t"])]
        let plan = RoundRobinAssignor().assign(members: members, partitionCounts: ["t": 7])
        #expect(Self.names(plan) == ["a": ["tp0", "tp3", "tp6"], "b": ["tp1", "tp4"], "c": ["tp2", "tp5"]])
    }

    @Test func roundRobinContinuesTheTurnAcrossTopics() {
        // The circular iterator is not reset per topic: after t0's 3 partitions the next turn is m2's.
        let members = [Self.member("m1", ["t0", "t1"]), Self.member("m2", ["t0", "t1"])]
        let plan = RoundRobinAssignor().assign(members: members, partitionCounts: ["t0": 3, "t1": 2])
        #expect(Self.names(plan) == ["m1": ["t0p0", "t0p2", "t1p1"], "m2": ["t0p1", "t1p0"]])
    }

    @Test func roundRobinOrdersStaticMembersFirst() {
        let members = [
            Self.member("a-dynamic", ["t"]),
            Self.member("x-static", ["t"], instance: "i-2"),
            Self.member("y-static", ["t"], instance: "i-1"),
        ]
        let plan = RoundRobinAssignor().assign(members: members, partitionCounts: ["t": 4])
        #expect(Self.names(plan) == ["y-static": ["tp0", "tp3"], "x-static": ["tp1"], "a-dynamic": ["tp2"]])
    }

    @Test func roundRobinGivesMoreMembersThanPartitionsEmptyEntries() {
        let members = [Self.member("m1", ["t"]), Self.member("m2", ["t"]), Self.member("m3", ["t"])]
        let plan = RoundRobinAssignor().assign(members: members, partitionCounts: ["t": 1])
        #expect(Self.names(plan) == ["m1": ["tp0"], "m2": [], "m3": []])
    }

    @Test(arguments: [1, 2, 3, 5, 8])
    func bothAssignorsCoverEveryPartitionExactlyOnce(memberCount: Int) {
        let topics = ["a", "b", "c"]
        let members = (0..<memberCount).map { index in
            // Different subscriptions: member i reads topics i % 3 and (i + 1) % 3.
            Self.member("member-\(index)", [topics[index % 3], topics[(index + 1) % 3]])
        }
        let counts = ["a": 5, "b": 1, "c": 12, "unsubscribed": 4]
        Self.expectComplete(RangeAssignor().assign(members: members, partitionCounts: counts), members: members, counts: counts)
        Self.expectComplete(RoundRobinAssignor().assign(members: members, partitionCounts: counts), members: members, counts: counts)
    }
}
