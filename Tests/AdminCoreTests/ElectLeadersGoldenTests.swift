import NIOCore
import Testing

@testable import AdminCore

/// Frames of ElectLeaders (43) encoded by kafka-python 3.0.12 from Kafka's JSON definitions, not by kafkactl's
/// encoder (the test broker lacks the API, so no capture can hold it; FixtureCoverageTests lists it as a gap). Made
/// as AclGoldenTests' are. v0 is Kafka 2.2-2.3's ElectPreferredLeaders (no ElectionType, no top-level ErrorCode);
/// v1 adds both; v2 (Kafka 2.4+'s highest) is flexible.
@Suite("ElectLeaders golden frames")
struct ElectLeadersGoldenTests {
    // "t1" 74 31; TimeoutMs 30000 is 00 00 75 30; error 84 ELECTION_NOT_NEEDED, 83 ELIGIBLE_LEADERS_NOT_AVAILABLE.
    static let v0Request = "00 00 00 2a 00 2b 00 00 00 00 00 1f 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 01 00 02 74 31 00 00 00 02 00 00 00 00 00 00 00 01 00 00 75 30"
    static let v1RequestAll = "00 00 00 1b 00 2b 00 01 00 00 00 20 00 08 6b 61 66 6b 61 63 74 6c 01 ff ff ff ff 00 00 75 30"
    static let v2Request = "00 00 00 23 00 2b 00 02 00 00 00 21 00 08 6b 61 66 6b 61 63 74 6c 00 00 02 03 74 31 02 00 00 00 02 00 00 00 75 30 00"
    static let v0Response = "00 00 00 1f 00 00 00 00 00 00 00 01 00 02 74 31 00 00 00 02 00 00 00 00 00 00 ff ff 00 00 00 01 00 54 00 02 6e 6f"
    static let v2Response = "00 00 00 21 00 00 00 00 00 00 00 02 03 74 31 02 00 00 00 02 00 53 02 78 00 00 00"

    @Test("ElectLeaders v0 (preferred, t1-0 and t1-1), v1 (unclean, every partition) and v2 (flexible, preferred, t1-2)")
    func requests() throws {
        try AclGoldenTests.expectRequest(ElectLeadersRequest(topicPartitions: [.init(topic: "t1", partitions: [0, 1])], timeoutMs: 30_000),
                                         version: 0, correlationId: 31, is: Self.v0Request)
        try AclGoldenTests.expectRequest(ElectLeadersRequest(electionType: 1, topicPartitions: nil, timeoutMs: 30_000),
                                         version: 1, correlationId: 32, is: Self.v1RequestAll)
        try AclGoldenTests.expectRequest(ElectLeadersRequest(electionType: 0, topicPartitions: [.init(topic: "t1", partitions: [2])], timeoutMs: 30_000),
                                         version: 2, correlationId: 33, is: Self.v2Request)
    }

    @Test("v0 has no ElectionType: an unclean election cannot be encoded there")
    func uncleanNeedsV1() {
        #expect(throws: WireError.self) {
            try ElectLeadersRequest(electionType: 1, topicPartitions: nil, timeoutMs: 30_000).encodeFrame(version: 0, correlationId: 1, clientId: "kafkactl")
        }
    }

    @Test("ElectLeaders answers: v0 one elected and one not needed, v2 (flexible) one with no eligible leader")
    func responses() throws {
        let v0 = try AclGoldenTests.decodeResponse(Self.v0Response, as: ElectLeadersRequest.self, version: 0)
        let results = try #require(v0.replicaElectionResults.first?.partitionResult)
        #expect(results.map(\.partitionId) == [0, 1] && results.map(\.errorCode) == [0, 84] && results[1].errorMessage == "no")
        let v2 = try AclGoldenTests.decodeResponse(Self.v2Response, as: ElectLeadersRequest.self, version: 2)
        #expect(v2.errorCode == 0)
        let result = try #require(v2.replicaElectionResults.first?.partitionResult.first)
        #expect(result.partitionId == 2 && ErrorCode(rawValue: result.errorCode) == .eligibleLeadersNotAvailable && result.errorMessage == "x")
    }
}
