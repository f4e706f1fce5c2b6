import Testing

@testable import AdminCore

/// The pieces of kafka-reassign-partitions.sh's planning that need no broker: the throttles it computes from the
/// moves, and the striped replica placement --generate proposes with.
@Suite struct ReassignmentPlanningTests {
    let t0 = TopicPartition("t", 0), t1 = TopicPartition("t", 1), t10 = TopicPartition("t", 10)

    @Test func throttlesAreTheSourcesAndTheNewReplicasAsSortedStrings() {
        let moves = ReassignmentThrottles.moves(ongoing: [:], proposed: [t0: [2, 3], t10: [4, 1]], current: [t0: [1, 2], t10: [1, 2]])
        #expect(moves[t0] == PartitionMove(sources: [1, 2], destinations: [3]))
        #expect(ReassignmentThrottles.leaderThrottles(moves) == ["t": "0:1,0:2,10:1,10:2"])
        #expect(ReassignmentThrottles.followerThrottles(moves) == ["t": "0:3,10:4"])
        #expect(ReassignmentThrottles.reassigningBrokers(moves) == [1, 2, 3, 4])
    }

    @Test func anOngoingReassignmentKeepsItsSourcesAndIsThrottledToo() {
        let ongoing = [t0: PartitionReassignment(replicas: [3, 1, 2], addingReplicas: [3], removingReplicas: [1]),
                       t1: PartitionReassignment(replicas: [5, 4], addingReplicas: [5], removingReplicas: [])]
        // t0 is proposed again elsewhere: its sources are still 1 and 2, not its current replica list.
        let moves = ReassignmentThrottles.moves(ongoing: ongoing, proposed: [t0: [4, 2]], current: [t0: [3, 1, 2]])
        #expect(moves[t0] == PartitionMove(sources: [1, 2], destinations: [4]))
        #expect(moves[t1] == PartitionMove(sources: [4], destinations: [5]))
        #expect(ReassignmentThrottles.leaderThrottles(moves) == ["t": "0:1,0:2,1:4"])
        #expect(ReassignmentThrottles.followerThrottles(moves) == ["t": "0:4,1:5"])
    }

    static func brokers(_ racks: [Int32: String?]) -> [UsableBroker] {
        racks.keys.sorted().map { UsableBroker(id: $0, rack: racks[$0]!) }
    }

    @Test func theSameSeedGivesTheSamePlacementAndEveryBrokerLeadsEquallyOften() throws {
        let brokers = Self.brokers([1: nil, 2: nil, 3: nil, 4: nil])
        var first = StripedReplicaPlacer(brokers: brokers, random: SeededRandom(seed: 7))
        var second = StripedReplicaPlacer(brokers: brokers, random: SeededRandom(seed: 7))
        let placed = try first.place(partitions: 8, replicationFactor: 3)
        #expect(placed == (try second.place(partitions: 8, replicationFactor: 3)))
        for replicas in placed { #expect(Set(replicas).count == 3, "\(replicas) repeats a broker") }
        let leaders = Dictionary(grouping: placed.map { $0[0] }, by: { $0 }).mapValues(\.count)
        #expect(leaders == [1: 2, 2: 2, 3: 2, 4: 2], "each round of four partitions has each broker lead once: \(placed)")
    }

    @Test func replicasSpreadOverRacksBeforeARackHoldsTwo() throws {
        let brokers = Self.brokers([1: "a", 2: "a", 3: "b", 4: "b", 5: "c", 6: "c"])
        let rack: [Int32: String] = [1: "a", 2: "a", 3: "b", 4: "b", 5: "c", 6: "c"]
        for seed in UInt64(0)..<20 {
            var placer = StripedReplicaPlacer(brokers: brokers, random: SeededRandom(seed: seed))
            for replicas in try placer.place(partitions: 12, replicationFactor: 3) {
                #expect(Set(replicas.map { rack[$0]! }).count == 3, "seed \(seed): \(replicas) is not on three racks")
            }
        }
    }

    @Test func aReplicationFactorAboveTheBrokerCountIsRefused() {
        var placer = StripedReplicaPlacer(brokers: Self.brokers([1: nil, 2: nil]), random: SeededRandom(seed: 1))
        #expect(throws: KafkactlError.self) { try placer.place(partitions: 1, replicationFactor: 3) }
    }
}
