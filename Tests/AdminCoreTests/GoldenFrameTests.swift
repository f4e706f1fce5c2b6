import NIOCore
import Testing

@testable import AdminCore

/// The hand-annotated frames of protocol.md section 1.6 (checked there against an independent encoder) and the
/// header-version rules of section 1.3.
@Suite("Golden frames")
struct GoldenFrameTests {
    static let apiVersionsV3Request = """
        00 00 00 23  00 12 00 03 00 00 00 01  00 08 6b 61 66 6b 61 63 74 6c  00
        09 6b 61 66 6b 61 63 74 6c  06 30 2e 31 2e 30  00
        """
    static let apiVersionsV0Request = "00 00 00 12 00 12 00 00 00 00 00 01 00 08 6b 61 66 6b 61 63 74 6c"
    static let apiVersionsV3Response = """
        00 00 00 24  00 00 00 01
        00 00
        03
        00 12 00 00 00 04 00
        00 03 00 00 00 0c 00
        00 00 00 00
        01 01 08 00 00 00 00 00 00 00 05
        """
    static let unsupportedVersionAnswer = "00 00 00 10 00 00 00 01 00 23 00 00 00 01 00 12 00 00 00 03"
    static let metadataV12OneTopic = """
        00 00 00 2f  00 03 00 0c 00 00 00 02  00 08 6b 61 66 6b 61 63 74 6c  00
        02
        00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        07 6f 72 64 65 72 73
        00
        00
        00
        00
        """
    static let metadataV12AllTopics =
        "00 00 00 17 00 03 00 0c 00 00 00 02 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 00 00"
    static let metadataV7OneTopic =
        "00 00 00 1f 00 03 00 07 00 00 00 02 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 01 00 06 6f 72 64 65 72 73 00"

    /// Splits a request frame into its header and body, checking the size prefix on the way.
    static func splitRequest<Request: KafkaRequest>(
        _ hex: String, as type: Request.Type
    ) throws -> (RequestHeader, Request) {
        var buffer = Hex.buffer(hex)
        let size = try buffer.readKafkaInteger(as: Int32.self, field: "Size")
        #expect(Int(size) == buffer.readableBytes)
        let header = try RequestHeader(from: &buffer) { _, version in Request.requestHeaderVersion(version) }
        let body = try Request(from: &buffer, version: header.apiVersion)
        #expect(buffer.readableBytes == 0, "the body left \(buffer.readableBytes) bytes unread")
        return (header, body)
    }

    // MARK: ApiVersions

    @Test("ApiVersions v3 request for kafkactl 0.1.0 is the 39-byte golden frame")
    func apiVersionsV3Request() throws {
        let request = ApiVersionsRequest(clientSoftwareName: "kafkactl", clientSoftwareVersion: "0.1.0")
        let frame = try request.encodeFrame(version: 3, correlationId: 1, clientId: "kafkactl")
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(Self.apiVersionsV3Request)))
        #expect(frame.readableBytes == 39)

        let (header, decoded) = try Self.splitRequest(Self.apiVersionsV3Request, as: ApiVersionsRequest.self)
        #expect(header == RequestHeader(apiKey: .apiVersions, apiVersion: 3, correlationId: 1, clientId: "kafkactl"))
        #expect(decoded == request)
    }

    @Test("ApiVersions v0 request is the 22-byte golden frame with an empty body")
    func apiVersionsV0Request() throws {
        let frame = try ApiVersionsRequest().encodeFrame(version: 0, correlationId: 1, clientId: "kafkactl")
        #expect(Array(frame.readableBytesView) == Hex.bytes(Self.apiVersionsV0Request))
        #expect(frame.readableBytes == 22)

        let (header, decoded) = try Self.splitRequest(Self.apiVersionsV0Request, as: ApiVersionsRequest.self)
        #expect(header.apiVersion == 0)
        #expect(decoded == ApiVersionsRequest())
    }

    /// The client software name and version only add information (Kafka marks them ignorable): before v3 they are
    /// left out and the frame is the empty body's.
    @Test("ApiVersions below v3 leaves the client software name out")
    func apiVersionsV2LeavesSoftwareNameOut() throws {
        let request = ApiVersionsRequest(clientSoftwareName: "kafkactl", clientSoftwareVersion: "0.1.0")
        let named = try request.encodeFrame(version: 2, correlationId: 1, clientId: "kafkactl")
        let plain = try ApiVersionsRequest().encodeFrame(version: 2, correlationId: 1, clientId: "kafkactl")
        #expect(Hex.string(named) == Hex.string(plain))
    }

    static let apiVersionsV3ResponseBody = ApiVersionsResponse(
        errorCode: 0,
        apiKeys: [
            .init(apiKey: 18, minVersion: 0, maxVersion: 4),
            .init(apiKey: 3, minVersion: 0, maxVersion: 12),
        ],
        throttleTimeMs: 0,
        finalizedFeaturesEpoch: 5)

    @Test("the 40-byte ApiVersions v3 response decodes with header v0, tag 1 as FinalizedFeaturesEpoch 5")
    func apiVersionsV3Response() throws {
        var buffer = Hex.buffer(Self.apiVersionsV3Response)
        #expect(try buffer.readKafkaInteger(as: Int32.self, field: "Size") == 36)
        #expect(buffer.readableBytes == 36)
        let headerVersion = ApiVersionsRequest.responseHeaderVersion(3)
        #expect(headerVersion == 0)
        let header = try ResponseHeader(from: &buffer, headerVersion: headerVersion)
        #expect(header.correlationId == 1)
        #expect(header.unknownTaggedFields.isEmpty)
        let body = try ApiVersionsResponse(from: &buffer, version: 3)
        #expect(buffer.readableBytes == 0)
        #expect(body == Self.apiVersionsV3ResponseBody)
        #expect(body.finalizedFeaturesEpoch == 5)
        #expect(body.unknownTaggedFields.isEmpty)
    }

    @Test("the ApiVersions v3 response re-encodes to the same 40 bytes")
    func apiVersionsV3ResponseEncodes() throws {
        var frame = ByteBuffer()
        frame.writeInteger(Int32(0))
        let headerVersion = ApiVersionsRequest.responseHeaderVersion(3)
        ResponseHeader(correlationId: 1).encode(into: &frame, headerVersion: headerVersion)
        try Self.apiVersionsV3ResponseBody.encode(into: &frame, version: 3)
        frame.setInteger(Int32(frame.readableBytes - 4), at: 0)
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(Self.apiVersionsV3Response)))
    }

    @Test("the UNSUPPORTED_VERSION answer decodes at version 0: error 35 and key 18 with range 0-3")
    func unsupportedVersionAnswer() throws {
        var buffer = Hex.buffer(Self.unsupportedVersionAnswer)
        #expect(try buffer.readKafkaInteger(as: Int32.self, field: "Size") == 16)
        let header = try ResponseHeader(from: &buffer, headerVersion: ApiVersionsRequest.responseHeaderVersion(3))
        #expect(header.correlationId == 1)
        // The error code comes first in every version, so a client can read it before choosing the layout.
        #expect(buffer.getInteger(at: buffer.readerIndex, as: Int16.self) == ErrorCode.unsupportedVersion.rawValue)
        let body = try ApiVersionsResponse(from: &buffer, version: 0)
        #expect(buffer.readableBytes == 0)
        #expect(body.errorCode == 35)
        #expect(body.apiKeys == [.init(apiKey: 18, minVersion: 0, maxVersion: 3)])

        var reencoded = ByteBuffer()
        try body.encode(into: &reencoded, version: 0)
        #expect(Array(reencoded.readableBytesView) == Array(Hex.bytes(Self.unsupportedVersionAnswer).dropFirst(8)))
    }

    // MARK: Metadata

    @Test("Metadata v12 for topic orders without auto-creation is the 51-byte golden frame")
    func metadataV12OneTopic() throws {
        let request = MetadataRequest(topics: [.init(topicId: .zero, name: "orders")], allowAutoTopicCreation: false)
        let frame = try request.encodeFrame(version: 12, correlationId: 2, clientId: "kafkactl")
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(Self.metadataV12OneTopic)))
        #expect(frame.readableBytes == 51)

        let (header, decoded) = try Self.splitRequest(Self.metadataV12OneTopic, as: MetadataRequest.self)
        #expect(header == RequestHeader(apiKey: .metadata, apiVersion: 12, correlationId: 2, clientId: "kafkactl"))
        #expect(decoded == request)
    }

    @Test("Metadata v12 for all topics sends Topics as compact null, 27 bytes")
    func metadataV12AllTopics() throws {
        let request = MetadataRequest(topics: nil, allowAutoTopicCreation: false)
        let frame = try request.encodeFrame(version: 12, correlationId: 2, clientId: "kafkactl")
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(Self.metadataV12AllTopics)))
        #expect(frame.readableBytes == 27)

        let (_, decoded) = try Self.splitRequest(Self.metadataV12AllTopics, as: MetadataRequest.self)
        #expect(decoded.topics == nil)
        #expect(decoded == request)
    }

    @Test("Metadata v12 for no topics sends an empty compact array, not null")
    func metadataV12NoTopics() throws {
        let frame = try MetadataRequest(topics: [], allowAutoTopicCreation: false)
            .encodeFrame(version: 12, correlationId: 2, clientId: "kafkactl")
        var expected = Hex.bytes(Self.metadataV12AllTopics)
        expected[23] = 0x01
        #expect(Array(frame.readableBytesView) == expected)
    }

    @Test("Metadata v7 (not flexible) for topic orders is the golden frame")
    func metadataV7OneTopic() throws {
        let request = MetadataRequest(topics: [.init(name: "orders")], allowAutoTopicCreation: false)
        let frame = try request.encodeFrame(version: 7, correlationId: 2, clientId: "kafkactl")
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(Self.metadataV7OneTopic)))

        let (header, decoded) = try Self.splitRequest(Self.metadataV7OneTopic, as: MetadataRequest.self)
        #expect(header.apiVersion == 7)
        #expect(decoded == request)
    }

    /// Issue 16: `console-consumer --group` against Kafka 2.1 (SyncGroup v0-2) failed with 'SyncGroupRequest.ProtocolType
    /// cannot be sent in version 2'. The field only adds information (Kafka marks it ignorable): at v2 it is left out,
    /// and the frame is the one without it.
    @Test("SyncGroup's ProtocolType and ProtocolName are left out before v5")
    func syncGroupProtocolFieldsAreLeftOutBeforeV5() throws {
        let plain = SyncGroupRequest(groupId: "g", generationId: 1, memberId: "m", assignments: [])
        var named = plain
        named.protocolType = "consumer"
        named.protocolName = "range"
        let withNames = try named.encodeFrame(version: 2, correlationId: 3, clientId: "kafkactl")
        let without = try plain.encodeFrame(version: 2, correlationId: 3, clientId: "kafkactl")
        #expect(Hex.string(withNames) == Hex.string(without))
        let v5Named = try named.encodeFrame(version: 5, correlationId: 3, clientId: "kafkactl")
        let v5Plain = try plain.encodeFrame(version: 5, correlationId: 3, clientId: "kafkactl")
        #expect(Hex.string(v5Named) != Hex.string(v5Plain), "v5 carries them")
    }

    /// DescribeTopicPartitions v0's body, derived by hand from Kafka's DescribeTopicPartitionsRequest.json: a nullable
    /// struct (the cursor) is an int8 marker, -1 for null and 1 before the struct's fields (Kafka's generated writer).
    @Test("DescribeTopicPartitions carries its cursor as a nullable struct")
    func describeTopicPartitionsCursorIsANullableStruct() throws {
        let first = DescribeTopicPartitionsRequest(topics: [.init(name: "t")], responsePartitionLimit: 2)
        var next = first
        next.cursor = .init(topicName: "t", partitionIndex: 3)
        func body(_ request: DescribeTopicPartitionsRequest) throws -> String {
            var buffer = ByteBuffer()
            try request.encode(into: &buffer, version: 0)
            return Hex.string(buffer)
        }
        // topics: compact array of 1 (02) { name "t" (02 74), no tags (00) }, limit 2, cursor, no tags.
        #expect(try body(first) == Hex.string(Hex.bytes("02 02 74 00 00000002 ff 00")))
        #expect(try body(next) == Hex.string(Hex.bytes("02 02 74 00 00000002 01 02 74 00000003 00 00")))
        var buffer = ByteBuffer(bytes: Hex.bytes("02 02 74 00 00000002 01 02 74 00000003 00 00"))
        #expect(try DescribeTopicPartitionsRequest(from: &buffer, version: 0) == next)
    }

    @Test("a Metadata topic id cannot be sent before v10")
    func metadataTopicIdNeedsV10() {
        let topicId = KafkaUUID(mostSignificantBits: 1, leastSignificantBits: 2)
        let request = MetadataRequest(topics: [.init(topicId: topicId)])
        #expect(throws: WireError(.unsupportedInVersion(9), field: "MetadataRequestTopic.TopicId")) {
            try request.encodeFrame(version: 9, correlationId: 2, clientId: "kafkactl")
        }
    }

    // MARK: Header rules (section 1.3)

    @Test(
        "request header v2 for flexible versions and v1 otherwise",
        arguments: [
            (ApiKey.apiVersions, Int16(0), Int16(1)), (.apiVersions, 2, 1), (.apiVersions, 3, 2),
            (.metadata, 7, 1), (.metadata, 8, 1), (.metadata, 9, 2), (.metadata, 12, 2),
            (.createTopics, 4, 1), (.createTopics, 5, 2), (.deleteTopics, 3, 1), (.deleteTopics, 4, 2),
            (.createPartitions, 1, 1), (.createPartitions, 2, 2), (.describeConfigs, 3, 1),
            (.describeConfigs, 4, 2), (.describeCluster, 0, 2),
        ])
    func requestHeaderVersion(api: ApiKey, version: Int16, expected: Int16) throws {
        let type = try #require(Self.requestTypes[api])
        #expect(type.requestHeaderVersion(version) == expected)
    }

    @Test(
        "response header v1 for flexible versions and v0 otherwise, but always v0 for ApiVersions",
        arguments: [
            (ApiKey.apiVersions, Int16(0), Int16(0)), (.apiVersions, 2, 0), (.apiVersions, 3, 0),
            (.metadata, 7, 0), (.metadata, 8, 0), (.metadata, 9, 1), (.metadata, 12, 1),
            (.createTopics, 4, 0), (.createTopics, 5, 1), (.deleteTopics, 3, 0), (.deleteTopics, 4, 1),
            (.createPartitions, 1, 0), (.createPartitions, 2, 1), (.describeConfigs, 3, 0),
            (.describeConfigs, 4, 1), (.describeCluster, 0, 1),
        ])
    func responseHeaderVersion(api: ApiKey, version: Int16, expected: Int16) throws {
        let type = try #require(Self.requestTypes[api])
        #expect(type.responseHeaderVersion(version) == expected)
    }

    static let requestTypes: [ApiKey: any KafkaRequest.Type] = Dictionary(
        uniqueKeysWithValues: FixtureRoundTripTests.requestTypes.values.map { ($0.apiKey, $0) })

    @Test("request header v1 is key, version, correlation id and an int16-length client id; null is ff ff")
    func requestHeaderV1() throws {
        let header = RequestHeader(apiKey: .metadata, apiVersion: 7, correlationId: 0x0102_0304, clientId: "ab")
        let bytes = encoded { header.encode(into: &$0, headerVersion: 1) }
        #expect(bytes == Hex.bytes("00 03 00 07 01 02 03 04 00 02 61 62"))
        let decoded = try decodedExactly(bytes) { try RequestHeader(from: &$0) { _, _ in 1 } }
        #expect(decoded == header)

        let anonymous = RequestHeader(apiKey: .metadata, apiVersion: 7, correlationId: 1, clientId: nil)
        let nullBytes = encoded { anonymous.encode(into: &$0, headerVersion: 1) }
        #expect(nullBytes == Hex.bytes("00 03 00 07 00 00 00 01 ff ff"))
        #expect(try decodedExactly(nullBytes) { try RequestHeader(from: &$0) { _, _ in 1 } } == anonymous)
    }

    @Test("request header v2 keeps the int16-length client id and adds a tag section")
    func requestHeaderV2() throws {
        let header = RequestHeader(apiKey: .metadata, apiVersion: 12, correlationId: 2, clientId: "ab")
        let bytes = encoded { header.encode(into: &$0, headerVersion: 2) }
        #expect(bytes == Hex.bytes("00 03 00 0c 00 00 00 02 00 02 61 62 00"))
        var seen: [(ApiKey, Int16)] = []
        let decoded = try decodedExactly(bytes) { buffer in
            try RequestHeader(from: &buffer) { key, version in
                seen.append((key, version))
                return MetadataRequest.requestHeaderVersion(version)
            }
        }
        #expect(decoded == header)
        #expect(seen.count == 1 && seen[0].0 == .metadata && seen[0].1 == 12)

        var tagged = header
        tagged.unknownTaggedFields = [TaggedField(tag: 0, value: ByteBuffer(bytes: [0x61]))]
        let taggedBytes = encoded { tagged.encode(into: &$0, headerVersion: 2) }
        #expect(taggedBytes == Hex.bytes("00 03 00 0c 00 00 00 02 00 02 61 62 01 00 01 61"))
        #expect(try decodedExactly(taggedBytes) { try RequestHeader(from: &$0) { _, _ in 2 } } == tagged)
    }

    @Test("response header v0 is the correlation id alone; v1 adds a tag section")
    func responseHeaders() throws {
        let header = ResponseHeader(correlationId: 7)
        let v0 = encoded { header.encode(into: &$0, headerVersion: 0) }
        #expect(v0 == Hex.bytes("00 00 00 07"))
        #expect(try decodedExactly(v0) { try ResponseHeader(from: &$0, headerVersion: 0) } == header)
        let v1 = encoded { header.encode(into: &$0, headerVersion: 1) }
        #expect(v1 == Hex.bytes("00 00 00 07 00"))
        #expect(try decodedExactly(v1) { try ResponseHeader(from: &$0, headerVersion: 1) } == header)

        let tagged = Hex.bytes("00 00 00 07 01 02 02 ab cd")
        let decoded = try decodedExactly(tagged) { try ResponseHeader(from: &$0, headerVersion: 1) }
        #expect(decoded.unknownTaggedFields == [TaggedField(tag: 2, value: ByteBuffer(bytes: [0xab, 0xcd]))])
        #expect(encoded { decoded.encode(into: &$0, headerVersion: 1) } == tagged)
    }

    @Test("the correlation id sits at byte 4 of an encoded request header")
    func correlationIdOffset() {
        let header = RequestHeader(apiKey: .metadata, apiVersion: 12, correlationId: 0x0a0b_0c0d, clientId: "x")
        var buffer = ByteBuffer()
        header.encode(into: &buffer, headerVersion: 2)
        #expect(buffer.getInteger(at: RequestHeader.correlationIdOffset, as: Int32.self) == 0x0a0b_0c0d)
    }
}
