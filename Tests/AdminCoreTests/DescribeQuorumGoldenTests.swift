import NIOCore
import Testing

@testable import AdminCore

/// Frames of DescribeQuorum (55) encoded by kafka-python 3.0.12 from Kafka's JSON definitions, not by kafkactl's
/// encoder (the test broker lacks the API, so no capture can hold it; FixtureCoverageTests lists it as a gap).
/// Requests as AclGoldenTests' are. Responses: kafka-python 3.0.12 fails to attach a response header when the
/// version is given at encode time, so each is `encode(version=V, header=False)` after the flexible response header
/// written out (correlation id, then an empty tag section 00). Every version is flexible; v1 adds the replicas'
/// fetch and caught-up timestamps; v2 (Kafka 3.9+) the error messages, directory ids and the nodes' listeners.
@Suite("DescribeQuorum golden frames")
struct DescribeQuorumGoldenTests {
    // "__cluster_metadata" 5f 5f 63 6c 75 73 74 65 72 5f 6d 65 74 61 64 61 74 61; 1700000000500 is 00 00 01 8b cf e5 69 f4.
    static let v0Request = "00 00 00 2f 00 37 00 00 00 00 00 1f 00 08 6b 61 66 6b 61 63 74 6c 00 02 13 5f 5f 63 6c 75 73 74 65 72 5f 6d 65 74 61 64 61 74 61 02 00 00 00 00 00 00 00"
    static let v2Request = "00 00 00 2f 00 37 00 02 00 00 00 20 00 08 6b 61 66 6b 61 63 74 6c 00 02 13 5f 5f 63 6c 75 73 74 65 72 5f 6d 65 74 61 64 61 74 61 02 00 00 00 00 00 00 00"
    /// Leader 1 (epoch 7, high watermark 99) at offset 100, voter 2 at 90, observer 3 at 95.
    static let v1Response = "00 00 00 1f 00 00 00 02 13 5f 5f 63 6c 75 73 74 65 72 5f 6d 65 74 61 64 61 74 61 02 00 00 00 00 00 00 00 00 00 01 00 00 00 07 00 00 00 00 00 00 00 63 03 00 00 00 01 00 00 00 00 00 00 00 64 ff ff ff ff ff ff ff ff 00 00 01 8b cf e5 69 f4 00 00 00 00 02 00 00 00 00 00 00 00 5a 00 00 01 8b cf e5 69 90 00 00 01 8b cf e5 68 00 00 02 00 00 00 03 00 00 00 00 00 00 00 5f 00 00 01 8b cf e5 69 c2 ff ff ff ff ff ff ff ff 00 00 00 00"
    /// The same quorum at v2: voters' directory ids 01..10 and 11..20, the observer's zero, and nodes 1 and 2's
    /// CONTROLLER listeners (c1:9093, ::1:9094).
    static let v2Response = "00 00 00 20 00 00 00 01 02 13 5f 5f 63 6c 75 73 74 65 72 5f 6d 65 74 61 64 61 74 61 02 00 00 00 00 00 00 01 00 00 00 01 00 00 00 07 00 00 00 00 00 00 00 63 03 00 00 00 01 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 00 00 00 00 00 00 00 64 ff ff ff ff ff ff ff ff 00 00 01 8b cf e5 69 f4 00 00 00 00 02 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f 20 00 00 00 00 00 00 00 5a 00 00 01 8b cf e5 69 90 00 00 01 8b cf e5 68 00 00 02 00 00 00 03 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 5f 00 00 01 8b cf e5 69 c2 ff ff ff ff ff ff ff ff 00 00 00 03 00 00 00 01 02 0b 43 4f 4e 54 52 4f 4c 4c 45 52 03 63 31 23 85 00 00 00 00 00 02 02 0b 43 4f 4e 54 52 4f 4c 4c 45 52 04 3a 3a 31 23 86 00 00 00"
    /// The partition refused with NOT_LEADER_OR_FOLLOWER (6) and "no leader".
    static let v2ErrorResponse = "00 00 00 21 00 00 00 01 02 13 5f 5f 63 6c 75 73 74 65 72 5f 6d 65 74 61 64 61 74 61 02 00 00 00 00 00 06 0a 6e 6f 20 6c 65 61 64 65 72 ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff 01 01 00 00 01 00"

    static let request = DescribeQuorumRequest(topics: [.init(topicName: "__cluster_metadata", partitions: [.init(partitionIndex: 0)])])

    @Test("DescribeQuorum v0 and v2 for __cluster_metadata-0 (the same bytes but the version)")
    func requests() throws {
        try AclGoldenTests.expectRequest(Self.request, version: 0, correlationId: 31, is: Self.v0Request)
        try AclGoldenTests.expectRequest(Self.request, version: 2, correlationId: 32, is: Self.v2Request)
    }

    @Test("a DescribeQuorum v1 answer: leader, epoch, high watermark, voters and an observer with their timestamps")
    func v1Response() throws {
        let response = try AclGoldenTests.decodeResponse(Self.v1Response, as: DescribeQuorumRequest.self, version: 1)
        let partition = try #require(response.topics.first?.partitions.first)
        #expect(response.topics[0].topicName == "__cluster_metadata" && partition.partitionIndex == 0)
        #expect(partition.leaderId == 1 && partition.leaderEpoch == 7 && partition.highWatermark == 99)
        #expect(partition.currentVoters.map(\.replicaId) == [1, 2] && partition.currentVoters.map(\.logEndOffset) == [100, 90])
        #expect(partition.currentVoters[0].lastFetchTimestamp == -1 && partition.currentVoters[0].lastCaughtUpTimestamp == 1_700_000_000_500)
        #expect(partition.observers.map(\.replicaId) == [3] && partition.observers[0].lastCaughtUpTimestamp == -1)
        #expect(partition.currentVoters[0].replicaDirectoryId.isZero, "v1 has no directory ids")
    }

    @Test("a DescribeQuorum v2 answer carries directory ids and each node's listeners")
    func v2Response() throws {
        let response = try AclGoldenTests.decodeResponse(Self.v2Response, as: DescribeQuorumRequest.self, version: 2)
        let partition = try #require(response.topics.first?.partitions.first)
        #expect(partition.currentVoters[1].replicaDirectoryId.bytes == Array(17...32))
        #expect(partition.observers[0].replicaDirectoryId.isZero)
        #expect(response.nodes.map(\.nodeId) == [1, 2])
        #expect(response.nodes[1].listeners.map { "\($0.name) \($0.host) \($0.port)" } == ["CONTROLLER ::1 9094"])
    }

    @Test("a DescribeQuorum v2 answer refusing the partition carries its code and message")
    func v2ErrorResponse() throws {
        let response = try AclGoldenTests.decodeResponse(Self.v2ErrorResponse, as: DescribeQuorumRequest.self, version: 2)
        let partition = try #require(response.topics.first?.partitions.first)
        #expect(ErrorCode(rawValue: partition.errorCode) == .notLeaderOrFollower && partition.errorMessage == "no leader")
        // kafka-python left the top-level message at its default, the empty string (01), not null (00).
        #expect(response.errorMessage == "" && response.nodes.isEmpty)
    }
}
