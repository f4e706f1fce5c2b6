import NIOCore
import Testing

@testable import AdminCore

/// Frames of AlterReplicaLogDirs (34) encoded by kafka-python 3.0.12 from Kafka's JSON definitions, not by kafkactl's
/// encoder (the test broker lacks the API, so no capture can hold it; FixtureCoverageTests lists it as a gap).
/// Requests as AclGoldenTests' are (`with_header(correlation_id=N, client_id='kafkactl')`,
/// `encode(version=V, header=True, framed=True)`); responses are kafka-python's `encode(version=V)` body after the
/// response header (correlation id 31 or 32; v2's header v1 adds an empty tag section). v1 is Kafka 2.1's highest and
/// 4.x's lowest version; v2 is flexible.
@Suite("AlterReplicaLogDirs golden frames")
struct AlterReplicaLogDirsGoldenTests {
    // "/d" 2f 64, "t1" 74 31.
    static let v1Request = "00 00 00 2e 00 22 00 01 00 00 00 1f 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 01 00 02 2f 64 00 00 00 01 00 02 74 31 00 00 00 02 00 00 00 00 00 00 00 02"
    static let v2Request = "00 00 00 27 00 22 00 02 00 00 00 20 00 08 6b 61 66 6b 61 63 74 6c 00 02 03 2f 64 02 03 74 31 03 00 00 00 00 00 00 00 02 00 00 00"
    static let v1Response = "00 00 00 1f 00 00 00 00 00 00 00 01 00 02 74 31 00 00 00 02 00 00 00 00 00 00 00 00 00 02 00 09"
    static let v2Response = "00 00 00 20 00 00 00 00 00 02 03 74 31 03 00 00 00 00 00 00 00 00 00 00 02 00 09 00 00 00"

    static let moveT1To_d = AlterReplicaLogDirsRequest(dirs: [.init(path: "/d", topics: [.init(name: "t1", partitions: [0, 2])])])

    @Test("AlterReplicaLogDirs v1 and v2 (flexible): t1's partitions 0 and 2 to /d")
    func requests() throws {
        try AclGoldenTests.expectRequest(Self.moveT1To_d, version: 1, correlationId: 31, is: Self.v1Request)
        try AclGoldenTests.expectRequest(Self.moveT1To_d, version: 2, correlationId: 32, is: Self.v2Request)
    }

    @Test("an AlterReplicaLogDirs answer at v1 and v2: t1-0 accepted, t1-2 REPLICA_NOT_AVAILABLE (9)")
    func responses() throws {
        for (golden, version) in [(Self.v1Response, Int16(1)), (Self.v2Response, Int16(2))] {
            let response = try AclGoldenTests.decodeResponse(golden, as: AlterReplicaLogDirsRequest.self, version: version)
            let topic = try #require(response.results.first)
            #expect(topic.topicName == "t1")
            #expect(topic.partitions.map(\.partitionIndex) == [0, 2])
            #expect(topic.partitions.map { ErrorCode(rawValue: $0.errorCode) } == [ErrorCode.none, .replicaNotAvailable])
        }
    }
}
