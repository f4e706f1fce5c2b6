import AdminCore
import Testing

@testable import kafkactl

/// metadata-quorum's computations and layout as MetadataQuorumCommand makes them; the whole output from the binary
/// is proven in MetadataQuorumCommandTests.
@Suite struct MetadataQuorumOutputTests {
    static func replica(_ id: Int32, _ offset: Int64, caughtUp: Int64? = nil) -> QuorumInfo.Replica {
        QuorumInfo.Replica(id: id, directoryId: .zero, logEndOffset: offset, lastFetchTimestamp: nil, lastCaughtUpTimestamp: caughtUp)
    }

    static func quorum(leader: Int32, voters: [QuorumInfo.Replica], observers: [QuorumInfo.Replica] = []) -> QuorumInfo {
        QuorumInfo(leaderId: leader, leaderEpoch: 3, highWatermark: 10, voters: voters, observers: observers, endpoints: [:])
    }

    @Test func theLagIsToTheFurthestBehindVoterAndItsTimeToTheLeadersCatchUp() throws {
        let status = try QuorumStatus(clusterId: "c", quorum: Self.quorum(
            leader: 2, voters: [Self.replica(1, 80, caughtUp: 1_000), Self.replica(2, 100, caughtUp: 5_000), Self.replica(3, 70, caughtUp: 2_500)]))
        #expect(status.maxFollowerLag == 30 && status.maxFollowerLagTimeMs == 2_500)
    }

    @Test func aTieWithTheLeaderCountsAsTheLeaderOnlyWhenItIsListedFirst() throws {
        // Java's Stream.min keeps the first of equals: leader first gives 0 ms; another voter first, its time.
        let leaderFirst = try QuorumStatus(clusterId: nil, quorum: Self.quorum(
            leader: 1, voters: [Self.replica(1, 100, caughtUp: 5_000), Self.replica(2, 100, caughtUp: 4_000)]))
        #expect(leaderFirst.maxFollowerLag == 0 && leaderFirst.maxFollowerLagTimeMs == 0)
        let followerFirst = try QuorumStatus(clusterId: nil, quorum: Self.quorum(
            leader: 1, voters: [Self.replica(2, 100, caughtUp: 4_000), Self.replica(1, 100, caughtUp: 5_000)]))
        #expect(followerFirst.maxFollowerLag == 0 && followerFirst.maxFollowerLagTimeMs == 1_000)
        #expect(MetadataQuorumRenderer.statusLines(followerFirst).first == "ClusterId:              null")
    }

    @Test func rowsAreTheLeaderThenTheOtherVotersThenTheObserversWithTheirLag() throws {
        let rows = try QuorumReplicationRow.rows(of: Self.quorum(
            leader: 2, voters: [Self.replica(1, 90), Self.replica(2, 100), Self.replica(3, 95)], observers: [Self.replica(7, 40)]))
        #expect(rows.map(\.replica.id) == [2, 1, 3, 7])
        #expect(rows.map(\.lag) == [0, 10, 5, 60])
        #expect(rows.map(\.status) == [.leader, .follower, .follower, .observer])
        #expect(throws: KafkactlError.self) { try QuorumReplicationRow.rows(of: Self.quorum(leader: 9, voters: [Self.replica(1, 1)])) }
    }

    @Test func anAgeNeedsATimestampAfterTheEpochAndNotAfterNow() throws {
        #expect(try QuorumReplicationRow.millisecondsAgo(1_000, now: 1_000, what: "x") == 0)
        #expect(try QuorumReplicationRow.millisecondsAgo(1, now: 1_000, what: "x") == 999)
        #expect(throws: KafkactlError.self) { try QuorumReplicationRow.millisecondsAgo(1_001, now: 1_000, what: "x") }
        #expect(throws: KafkactlError.self) { try QuorumReplicationRow.millisecondsAgo(0, now: 1_000, what: "x") }
    }

    @Test func aReplicaListNamesDirectoryAndEndpointsOnlyWhenKnown() {
        var quorum = Self.quorum(leader: 1, voters: [Self.replica(1, 1), Self.replica(2, 1)])
        quorum.voters[1].directoryId = KafkaUUID(mostSignificantBits: 0, leastSignificantBits: 1)
        quorum.endpoints[1] = [.init(listener: "C", host: "h", port: 1), .init(listener: "D", host: "fe80::1", port: 2)]
        #expect(MetadataQuorumRenderer.replicaList(quorum.voters, quorum)
                == #"[{"id": 1, "endpoints": ["C://h:1", "D://[fe80::1]:2"]}, {"id": 2, "directoryId": "AAAAAAAAAAAAAAAAAAAAAQ"}]"#)
        #expect(MetadataQuorumRenderer.replicaList([], quorum) == "[]")
    }

    @Test func aToolsTablePadsEachCellToItsColumnAndEndsEveryCellWithATab() {
        #expect(ToolsTable.lines(headers: ["A", "Bb"], rows: [["xyz", "1"]]) == ["A  \tBb\t", "xyz\t1 \t"])
    }
}
