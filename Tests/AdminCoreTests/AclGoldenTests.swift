import NIOCore
import Testing

@testable import AdminCore

/// Frames of DescribeAcls (29), CreateAcls (30) and DeleteAcls (31) encoded by kafka-python 3.0.12, whose codec is
/// built from Kafka's JSON message definitions, not by kafkactl's encoder (no capture run has sent these APIs:
/// FixtureCoverageTests lists them as gaps). Produced with `.venv/bin/pip install kafka-python==3.0.12` and, per
/// frame, `DescribeAclsRequest(...)` with `with_header(correlation_id=N, client_id='kafkactl')` and
/// `encode(version=V, header=True, framed=True)` (responses: unframed, response header). v1 is Kafka 2.1's
/// highest and 4.x's lowest version (int16 strings, int32 array counts); v2 and v3 are flexible (compact strings
/// and arrays, tag sections, request header v2, response header v1).
@Suite("ACL golden frames")
struct AclGoldenTests {
    // "t1" 74 31, "User:a" 55 73 65 72 3a 61, "*" 2a, "h" 68, "g" 67; null strings ff ff (v1) or 00 (compact).
    static let describeV1Request = "00 00 00 1e 00 1d 00 01 00 00 00 07 00 08 6b 61 66 6b 61 63 74 6c 02 00 02 74 31 03 ff ff ff ff 01 01"
    static let describeV3Request = "00 00 00 22 00 1d 00 03 00 00 00 09 00 08 6b 61 66 6b 61 63 74 6c 00 01 00 02 07 55 73 65 72 3a 61 02 68 03 03 00"
    static let describeV1Response = "00 00 00 07 00 00 00 00 00 00 ff ff 00 00 00 01 02 00 02 74 31 03 00 00 00 02 00 06 55 73 65 72 3a 61 00 01 2a 03 03 00 06 55 73 65 72 3a 62 00 01 68 04 02"
    static let describeV2ErrorResponse = "00 00 00 08 00 00 00 00 05 00 1f 03 6e 6f 01 00"
    static let createV1Request = "00 00 00 29 00 1e 00 01 00 00 00 0b 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 01 02 00 02 74 31 04 00 06 55 73 65 72 3a 61 00 01 2a 03 03"
    static let createV2Request = "00 00 00 31 00 1e 00 02 00 00 00 0c 00 08 6b 61 66 6b 61 63 74 6c 00 02 04 0e 6b 61 66 6b 61 2d 63 6c 75 73 74 65 72 03 07 55 73 65 72 3a 61 02 2a 0c 03 00 00"
    static let createV1Response = "00 00 00 0b 00 00 00 00 00 00 00 02 00 00 ff ff 00 1f 00 06 64 65 6e 69 65 64"
    static let createV2Response = "00 00 00 0c 00 00 00 00 00 02 00 00 00 00 00"
    static let deleteV1Request = "00 00 00 28 00 1f 00 01 00 00 00 0d 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 01 02 00 02 74 31 03 00 06 55 73 65 72 3a 61 ff ff 01 01"
    static let deleteV3Request = "00 00 00 1e 00 1f 00 03 00 00 00 0e 00 08 6b 61 66 6b 61 63 74 6c 00 02 03 02 67 01 00 00 01 01 00 00"
    static let deleteV1Response = "00 00 00 0d 00 00 00 00 00 00 00 01 00 00 ff ff 00 00 00 01 00 00 ff ff 02 00 02 74 31 03 00 06 55 73 65 72 3a 61 00 01 2a 03 03"
    static let deleteV2Response = "00 00 00 0e 00 00 00 00 00 02 00 00 00 02 00 1f 02 78 03 02 67 04 07 55 73 65 72 3a 62 02 68 08 02 00 00 00"

    /// Encodes `request` as kafkactl does and checks it is the golden frame, then decodes the frame back to it.
    static func expectRequest<R: KafkaRequest & Equatable>(_ request: R, version: Int16, correlationId: Int32, is golden: String) throws {
        let frame = try request.encodeFrame(version: version, correlationId: correlationId, clientId: "kafkactl")
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(golden)))
        let (header, decoded) = try GoldenFrameTests.splitRequest(golden, as: R.self)
        #expect(header.apiKey == R.apiKey && header.apiVersion == version && header.correlationId == correlationId)
        #expect(decoded == request)
    }

    /// Decodes a golden response body (after its header) and checks kafkactl re-encodes the same bytes.
    static func decodeResponse<R: KafkaRequest>(_ golden: String, as type: R.Type, version: Int16) throws -> R.Response {
        var body = Hex.buffer(golden)
        _ = try ResponseHeader(from: &body, headerVersion: R.responseHeaderVersion(version))
        let expected = body
        let response = try R.Response(from: &body, version: version)
        #expect(body.readableBytes == 0)
        var again = ByteBuffer()
        try response.encode(into: &again, version: version)
        #expect(Hex.string(again) == Hex.string(expected))
        return response
    }

    @Test("DescribeAcls v1 (literal topic t1, any entry) and v3 (flexible: match any resource, User:a from h reading allowed)")
    func describeRequests() throws {
        try Self.expectRequest(DescribeAclsRequest(resourceTypeFilter: 2, resourceNameFilter: "t1", patternTypeFilter: 3,
                                                   principalFilter: nil, hostFilter: nil, operation: 1, permissionType: 1),
                               version: 1, correlationId: 7, is: Self.describeV1Request)
        try Self.expectRequest(DescribeAclsRequest(resourceTypeFilter: 1, resourceNameFilter: nil, patternTypeFilter: 2,
                                                   principalFilter: "User:a", hostFilter: "h", operation: 3, permissionType: 3),
                               version: 3, correlationId: 9, is: Self.describeV3Request)
    }

    @Test("a DescribeAcls v1 answer decodes to two bindings of topic t1, and a v2 answer carries its error")
    func describeResponses() throws {
        let response = try Self.decodeResponse(Self.describeV1Response, as: DescribeAclsRequest.self, version: 1)
        #expect(response.resources.count == 1)
        let resource = try #require(response.resources.first)
        #expect(try AdminClient.pattern(resource.resourceType, resource.resourceName, resource.patternType) == AclResourcePattern(.topic, "t1", .literal))
        let entries = try resource.acls.map { try AdminClient.entry($0.principal, $0.host, $0.operation, $0.permissionType) }
        #expect(entries.map(\.description) == ["(principal=User:a, host=*, operation=READ, permissionType=ALLOW)",
                                               "(principal=User:b, host=h, operation=WRITE, permissionType=DENY)"])
        let failed = try Self.decodeResponse(Self.describeV2ErrorResponse, as: DescribeAclsRequest.self, version: 2)
        #expect(failed.throttleTimeMs == 5 && ErrorCode(rawValue: failed.errorCode) == .clusterAuthorizationFailed && failed.errorMessage == "no")
    }

    @Test("CreateAcls v1 (prefixed topic t1, allow User:a to read) and v2 (flexible: IdempotentWrite on kafka-cluster)")
    func createRequests() throws {
        try Self.expectRequest(CreateAclsRequest(creations: [.init(resourceType: 2, resourceName: "t1", resourcePatternType: 4, principal: "User:a",
                                                                  host: "*", operation: 3, permissionType: 3)]),
                               version: 1, correlationId: 11, is: Self.createV1Request)
        try Self.expectRequest(CreateAclsRequest(creations: [.init(resourceType: 4, resourceName: "kafka-cluster", resourcePatternType: 3,
                                                                  principal: "User:a", host: "*", operation: 12, permissionType: 3)]),
                               version: 2, correlationId: 12, is: Self.createV2Request)
    }

    @Test("CreateAcls answers: v1 one created and one refused with its message, v2 one created")
    func createResponses() throws {
        let v1 = try Self.decodeResponse(Self.createV1Response, as: CreateAclsRequest.self, version: 1)
        #expect(v1.results.map(\.errorCode) == [0, 31] && v1.results.map(\.errorMessage) == [nil, "denied"])
        let v2 = try Self.decodeResponse(Self.createV2Response, as: CreateAclsRequest.self, version: 2)
        #expect(v2.results.map(\.errorCode) == [0])
    }

    @Test("DeleteAcls v1 (User:a's ACLs on literal topic t1) and v3 (flexible: every ACL of group g, any pattern)")
    func deleteRequests() throws {
        try Self.expectRequest(DeleteAclsRequest(filters: [.init(resourceTypeFilter: 2, resourceNameFilter: "t1", patternTypeFilter: 3,
                                                                principalFilter: "User:a", hostFilter: nil, operation: 1, permissionType: 1)]),
                               version: 1, correlationId: 13, is: Self.deleteV1Request)
        try Self.expectRequest(DeleteAclsRequest(filters: [.init(resourceTypeFilter: 3, resourceNameFilter: "g", patternTypeFilter: 1,
                                                                principalFilter: nil, hostFilter: nil, operation: 1, permissionType: 1)]),
                               version: 3, correlationId: 14, is: Self.deleteV3Request)
    }

    @Test("DeleteAcls answers name each matching ACL: v1 one removed, v2 (flexible) one that could not be")
    func deleteResponses() throws {
        let v1 = try Self.decodeResponse(Self.deleteV1Response, as: DeleteAclsRequest.self, version: 1)
        let removed = try #require(v1.filterResults.first?.matchingAcls.first)
        #expect(removed.errorCode == 0 && removed.resourceName == "t1" && removed.principal == "User:a" && removed.operation == 3)
        let v2 = try Self.decodeResponse(Self.deleteV2Response, as: DeleteAclsRequest.self, version: 2)
        let refused = try #require(v2.filterResults.first?.matchingAcls.first)
        #expect(refused.errorCode == 31 && refused.errorMessage == "x" && refused.patternType == 4 && refused.operation == 8 && refused.permissionType == 2)
    }
}
