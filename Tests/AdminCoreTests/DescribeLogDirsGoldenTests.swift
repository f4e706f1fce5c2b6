import NIOCore
import Testing

@testable import AdminCore

/// Frames of DescribeLogDirs (35) encoded by kafka-python 3.0.12 from Kafka's JSON definitions, not by kafkactl's
/// encoder (the test broker lacks the API, so no capture can hold it; FixtureCoverageTests lists it as a gap).
/// Made as AclGoldenTests' are (`with_header(correlation_id=N, client_id='kafkactl')`, `encode(...)`). v1 is Kafka
/// 2.1's highest and 4.x's lowest version; v2 is flexible; v4 adds each directory's TotalBytes and UsableBytes.
@Suite("DescribeLogDirs golden frames")
struct DescribeLogDirsGoldenTests {
    // "/d" 2f 64, "/e" 2f 65, "t1" 74 31.
    static let v1RequestAll = "00 00 00 16 00 23 00 01 00 00 00 15 00 08 6b 61 66 6b 61 63 74 6c ff ff ff ff"
    static let v2Request = "00 00 00 22 00 23 00 02 00 00 00 16 00 08 6b 61 66 6b 61 63 74 6c 00 02 03 74 31 03 00 00 00 00 00 00 00 02 00 00"
    static let v1Response = "00 00 00 15 00 00 00 00 00 00 00 02 00 00 00 02 2f 64 00 00 00 01 00 02 74 31 00 00 00 01 00 00 00 00 00 00 00 00 00 00 04 00 00 00 00 00 00 00 00 00 00 00 38 00 02 2f 65 00 00 00 00"
    static let v4Response = "00 00 00 16 00 00 00 00 00 00 00 02 00 00 03 2f 64 02 03 74 31 02 00 00 00 02 00 00 00 00 00 00 00 05 00 00 00 00 00 00 00 03 01 00 00 00 00 00 00 00 00 03 e8 00 00 00 00 00 00 01 90 00 00"

    @Test("DescribeLogDirs v1 for every partition (Topics null) and v2 (flexible) for t1's partitions 0 and 2")
    func requests() throws {
        try AclGoldenTests.expectRequest(DescribeLogDirsRequest(topics: nil), version: 1, correlationId: 21, is: Self.v1RequestAll)
        try AclGoldenTests.expectRequest(DescribeLogDirsRequest(topics: [.init(topic: "t1", partitions: [0, 2])]),
                                         version: 2, correlationId: 22, is: Self.v2Request)
    }

    @Test("a DescribeLogDirs v1 answer: a healthy directory with t1-0 of 1024 bytes and an offline one (KAFKA_STORAGE_ERROR)")
    func v1Response() throws {
        let response = try AclGoldenTests.decodeResponse(Self.v1Response, as: DescribeLogDirsRequest.self, version: 1)
        #expect(response.results.map(\.logDir) == ["/d", "/e"])
        #expect(ErrorCode(rawValue: response.results[1].errorCode) == .kafkaStorageError)
        let partition = try #require(response.results[0].topics.first?.partitions.first)
        #expect(response.results[0].topics[0].name == "t1" && partition.partitionSize == 1024 && !partition.isFutureKey)
        #expect(response.results[0].totalBytes == -1, "before v4 the volume's size is unknown (-1)")
    }

    @Test("a DescribeLogDirs v4 answer (flexible) carries a future replica's lag and the volume's total and usable bytes")
    func v4Response() throws {
        let response = try AclGoldenTests.decodeResponse(Self.v4Response, as: DescribeLogDirsRequest.self, version: 4)
        let result = try #require(response.results.first)
        #expect(result.totalBytes == 1000 && result.usableBytes == 400)
        let partition = try #require(result.topics.first?.partitions.first)
        #expect(partition.partitionIndex == 2 && partition.partitionSize == 5 && partition.offsetLag == 3 && partition.isFutureKey)
    }
}
