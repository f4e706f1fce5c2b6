import NIOCore
import Testing

@testable import AdminCore

/// Frames of AlterPartitionReassignments (45) and ListPartitionReassignments (46) encoded by kafka-python 3.0.12
/// from Kafka's JSON definitions, not by kafkactl's encoder (FixtureCoverageTests lists them as gaps). Made as
/// AclGoldenTests' are: `pip install --target DIR kafka-python==3.0.12`, then per request
/// `with_header(correlation_id=N, client_id='kafkactl')` and `encode(version=V, header=True, framed=True)`; a
/// response is `encode(version=V)` after its header (correlation id, empty tag section). Both APIs are flexible
/// from v0 (Kafka 2.4); AlterPartitionReassignments v1 (Kafka 4.1) adds AllowReplicationFactorChange.
@Suite("Partition reassignment golden frames")
struct PartitionReassignmentGoldenTests {
    // "t1" 03 74 31 (compact); TimeoutMs 30000 is 00 00 75 30; null replicas 00; error 85 NO_REASSIGNMENT_IN_PROGRESS.
    static let alterV0Request = "00 00 00 32 00 2d 00 00 00 00 00 29 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 75 30 02 03 74 31 03 00 00 00 00 03 00 00 00 01 00 00 00 02 00 00 00 00 01 00 00 00 00"
    static let alterV1Request = "00 00 00 29 00 2d 00 01 00 00 00 2a 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 75 30 00 02 03 74 31 02 00 00 00 02 02 00 00 00 03 00 00 00"
    static let alterV0Response = "00 00 00 29 00 00 00 00 00 00 00 00 02 03 74 31 03 00 00 00 00 00 00 00 00 00 00 00 01 00 55 03 6e 6f 00 00 00"
    static let alterV1Response = "00 00 00 2a 00 00 00 00 00 00 00 00 00 02 03 74 31 02 00 00 00 02 00 00 00 00 00 00"
    static let listAllRequest = "00 00 00 19 00 2e 00 00 00 00 00 2b 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 75 30 00 00"
    static let listSomeRequest = "00 00 00 26 00 2e 00 00 00 00 00 2c 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 75 30 02 03 74 31 03 00 00 00 00 00 00 00 01 00 00"
    static let listResponse = "00 00 00 2b 00 00 00 00 00 00 00 00 02 03 74 31 02 00 00 00 00 04 00 00 00 01 00 00 00 02 00 00 00 03 02 00 00 00 03 02 00 00 00 01 00 00 00"

    @Test("AlterPartitionReassignments v0 (t1-0 to 1,2; t1-1 cancelled) and v1 (t1-2 to 3, no replication factor change)")
    func alterRequests() throws {
        try AclGoldenTests.expectRequest(
            AlterPartitionReassignmentsRequest(timeoutMs: 30_000, topics: [.init(name: "t1", partitions: [
                .init(partitionIndex: 0, replicas: [1, 2]), .init(partitionIndex: 1, replicas: nil)])]),
            version: 0, correlationId: 41, is: Self.alterV0Request)
        try AclGoldenTests.expectRequest(
            AlterPartitionReassignmentsRequest(timeoutMs: 30_000, allowReplicationFactorChange: false, topics: [
                .init(name: "t1", partitions: [.init(partitionIndex: 2, replicas: [3])])]),
            version: 1, correlationId: 42, is: Self.alterV1Request)
    }

    @Test("v0 has no AllowReplicationFactorChange: refusing a change cannot be encoded there")
    func disallowingNeedsV1() {
        #expect(throws: WireError.self) {
            try AlterPartitionReassignmentsRequest(allowReplicationFactorChange: false, topics: [])
                .encodeFrame(version: 0, correlationId: 1, clientId: "kafkactl")
        }
    }

    @Test("AlterPartitionReassignments answers: v0 one started and one with no reassignment to cancel, v1 one started")
    func alterResponses() throws {
        let v0 = try AclGoldenTests.decodeResponse(Self.alterV0Response, as: AlterPartitionReassignmentsRequest.self, version: 0)
        let partitions = try #require(v0.responses.first?.partitions)
        #expect(partitions.map(\.partitionIndex) == [0, 1] && partitions.map(\.errorCode) == [0, 85])
        #expect(partitions[1].errorMessage == "no" && ErrorCode(rawValue: partitions[1].errorCode) == .noReassignmentInProgress)
        let v1 = try AclGoldenTests.decodeResponse(Self.alterV1Response, as: AlterPartitionReassignmentsRequest.self, version: 1)
        #expect(v1.allowReplicationFactorChange == false && v1.responses.first?.partitions.map(\.partitionIndex) == [2])
    }

    @Test("ListPartitionReassignments v0: every reassignment (null topics) and t1-0,1; the answer t1-0 replicas 1,2,3 adding 3 removing 1")
    func list() throws {
        try AclGoldenTests.expectRequest(ListPartitionReassignmentsRequest(timeoutMs: 30_000, topics: nil),
                                         version: 0, correlationId: 43, is: Self.listAllRequest)
        try AclGoldenTests.expectRequest(ListPartitionReassignmentsRequest(timeoutMs: 30_000, topics: [.init(name: "t1", partitionIndexes: [0, 1])]),
                                         version: 0, correlationId: 44, is: Self.listSomeRequest)
        let response = try AclGoldenTests.decodeResponse(Self.listResponse, as: ListPartitionReassignmentsRequest.self, version: 0)
        let partition = try #require(response.topics.first?.partitions.first)
        #expect(response.topics.first?.name == "t1" && partition.partitionIndex == 0)
        #expect(partition.replicas == [1, 2, 3] && partition.addingReplicas == [3] && partition.removingReplicas == [1])
    }
}
