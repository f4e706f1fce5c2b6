import NIOCore
import Testing

@testable import AdminCore

/// Frames of DeleteRecords (21), assembled by hand from Kafka's DeleteRecordsRequest/Response.json, byte by byte,
/// not produced by kafkactl's encoder (no capture holds this API yet: FixtureCoverageTests lists it as a gap).
/// v0 and v1 share one layout (int16 strings, int32 array counts, request header v1, response header v0); v2 is
/// flexible (compact strings and arrays, tag sections, request header v2, response header v1).
@Suite("DeleteRecords golden frames")
struct DeleteRecordsGoldenTests {
    static func frame(_ lines: [String]) -> String { lines.joined(separator: " ") }

    // "t1" is 74 31, "kafkactl" 6b 61 66 6b 61 63 74 6c; TimeoutMs 30000 is 00 00 75 30.
    static let v0Request = frame([
        "00 00 00 2e",                                   // size 46
        "00 15 00 00 00 00 00 07",                       // DeleteRecords (21) v0, correlation id 7
        "00 08 6b 61 66 6b 61 63 74 6c",                 // client id "kafkactl" (int16 length), no header tags
        "00 00 00 01",                                   // Topics: 1
        "00 02 74 31",                                   //   Name "t1"
        "00 00 00 01",                                   //   Partitions: 1
        "00 00 00 00",                                   //     PartitionIndex 0
        "00 00 00 00 00 00 00 05",                       //     Offset 5
        "00 00 75 30",                                   // TimeoutMs 30000
    ])

    static let v2Request = frame([
        "00 00 00 2b",                                   // size 43
        "00 15 00 02 00 00 00 08",                       // DeleteRecords (21) v2, correlation id 8
        "00 08 6b 61 66 6b 61 63 74 6c 00",              // client id "kafkactl" (int16 length), header tags none
        "02",                                            // Topics: compact array of 1
        "03 74 31",                                      //   Name "t1" (compact)
        "02",                                            //   Partitions: 1
        "00 00 00 03",                                   //     PartitionIndex 3
        "ff ff ff ff ff ff ff ff",                       //     Offset -1: the high watermark
        "00",                                            //     partition tags none
        "00",                                            //   topic tags none
        "00 00 75 30",                                   // TimeoutMs 30000
        "00",                                            // tags none
    ])

    static let v1Response = frame([
        "00 00 00 07",                                   // correlation id 7 (response header v0)
        "00 00 00 0a",                                   // ThrottleTimeMs 10
        "00 00 00 01",                                   // Topics: 1
        "00 02 74 31",                                   //   Name "t1"
        "00 00 00 02",                                   //   Partitions: 2
        "00 00 00 00",                                   //     PartitionIndex 0
        "00 00 00 00 00 00 00 05",                       //     LowWatermark 5
        "00 00",                                         //     ErrorCode 0
        "00 00 00 01",                                   //     PartitionIndex 1
        "ff ff ff ff ff ff ff ff",                       //     LowWatermark -1
        "00 01",                                         //     ErrorCode 1 OFFSET_OUT_OF_RANGE
    ])

    static let v2Response = frame([
        "00 00 00 08 00",                                // correlation id 8, header tags none
        "00 00 00 00",                                   // ThrottleTimeMs 0
        "02",                                            // Topics: 1
        "03 74 31",                                      //   Name "t1"
        "02",                                            //   Partitions: 1
        "00 00 00 03",                                   //     PartitionIndex 3
        "00 00 00 00 00 00 01 2c",                       //     LowWatermark 300
        "00 00",                                         //     ErrorCode 0
        "00",                                            //     partition tags none
        "00",                                            //   topic tags none
        "00",                                            // tags none
    ])

    static func responseBody(_ hex: String, headerVersion: Int16) throws -> ByteBuffer {
        var buffer = Hex.buffer(hex)
        _ = try ResponseHeader(from: &buffer, headerVersion: headerVersion)
        return buffer
    }

    @Test("DeleteRecords v0 deleting t1-0 before offset 5 is the 50-byte frame, and v1 is the same body")
    func v0Request() throws {
        let request = DeleteRecordsRequest(
            topics: [.init(name: "t1", partitions: [.init(partitionIndex: 0, offset: 5)])], timeoutMs: 30_000)
        let frame = try request.encodeFrame(version: 0, correlationId: 7, clientId: "kafkactl")
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(Self.v0Request)))
        let (header, decoded) = try GoldenFrameTests.splitRequest(Self.v0Request, as: DeleteRecordsRequest.self)
        #expect(header.apiKey == .deleteRecords && header.apiVersion == 0)
        #expect(decoded == request)
        // v1 differs from v0 only in the version field of the header (Kafka: "Version 1 is the same as version 0").
        var v1 = Hex.bytes(Self.v0Request)
        v1[7] = 0x01
        let atV1 = try request.encodeFrame(version: 1, correlationId: 7, clientId: "kafkactl")
        #expect(Hex.string(atV1) == Hex.string(v1))
    }

    @Test("DeleteRecords v2 deleting t1-3 up to the high watermark (-1) is the flexible 47-byte frame")
    func v2Request() throws {
        let request = DeleteRecordsRequest(
            topics: [.init(name: "t1", partitions: [.init(partitionIndex: 3, offset: -1)])], timeoutMs: 30_000)
        let frame = try request.encodeFrame(version: 2, correlationId: 8, clientId: "kafkactl")
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(Self.v2Request)))
        let (header, decoded) = try GoldenFrameTests.splitRequest(Self.v2Request, as: DeleteRecordsRequest.self)
        #expect(header.apiVersion == 2)
        #expect(decoded == request)
    }

    @Test("a DeleteRecords v1 answer decodes each partition's low watermark and error code, and re-encodes the same")
    func v1Response() throws {
        var body = try Self.responseBody(Self.v1Response, headerVersion: 0)
        let response = try DeleteRecordsResponse(from: &body, version: 1)
        #expect(body.readableBytes == 0)
        #expect(response.throttleTimeMs == 10)
        #expect(response.topics.map(\.name) == ["t1"])
        #expect(response.topics[0].partitions.map { "\($0.partitionIndex) \($0.lowWatermark) \($0.errorCode)" } == ["0 5 0", "1 -1 1"])
        #expect(ErrorCode(rawValue: response.topics[0].partitions[1].errorCode) == .offsetOutOfRange)
        var again = ByteBuffer()
        try response.encode(into: &again, version: 1)
        #expect(Hex.string(again) == Hex.string(try Self.responseBody(Self.v1Response, headerVersion: 0)))
    }

    @Test("a DeleteRecords v2 answer (flexible, response header v1) decodes low watermark 300 and re-encodes the same")
    func v2Response() throws {
        #expect(DeleteRecordsRequest.responseHeaderVersion(2) == 1 && DeleteRecordsRequest.responseHeaderVersion(1) == 0)
        var body = try Self.responseBody(Self.v2Response, headerVersion: 1)
        let response = try DeleteRecordsResponse(from: &body, version: 2)
        #expect(body.readableBytes == 0)
        #expect(response.topics.first?.partitions.first?.lowWatermark == 300)
        #expect(response.topics.first?.partitions.first?.partitionIndex == 3)
        var again = ByteBuffer()
        try response.encode(into: &again, version: 2)
        #expect(Hex.string(again) == Hex.string(try Self.responseBody(Self.v2Response, headerVersion: 1)))
    }
}
