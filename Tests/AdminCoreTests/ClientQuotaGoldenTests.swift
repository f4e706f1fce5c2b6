import NIOCore
import Testing

@testable import AdminCore

/// Frames for the client-quota and SCRAM-describe APIs assembled by hand from Kafka's field tables
/// (DescribeClientQuotas*.json, AlterClientQuotas*.json, DescribeUserScramCredentialsResponse.json), byte by byte,
/// not produced by kafkactl's encoder: the encoder must write them and the decoder read them. No third-party client
/// in reach sends the quota APIs (librdkafka has no client-quota admin calls), and the test broker does not serve them.
@Suite("Client quota golden frames")
struct ClientQuotaGoldenTests {
    static func frame(_ lines: [String]) -> String { lines.joined(separator: " ") }

    // "user" 75 73 65 72, "alice" 61 6c 69 63 65, "client-id" 63 6c 69 65 6e 74 2d 69 64,
    // "producer_byte_rate" 70 72 6f 64 75 63 65 72 5f 62 79 74 65 5f 72 61 74 65,
    // "consumer_byte_rate" 63 6f 6e 73 75 6d 65 72 5f 62 79 74 65 5f 72 61 74 65, "kafkactl" 6b 61 66 6b 61 63 74 6c.

    static let describeAliceV1Request = frame([
        "00 00 00 23",                                   // size 35
        "00 30 00 01 00 00 00 07",                       // DescribeClientQuotas (48) v1, correlation id 7
        "00 08 6b 61 66 6b 61 63 74 6c 00",              // client id "kafkactl" (int16 length), header tags: none
        "02",                                            // Components: compact array of 1
        "05 75 73 65 72",                                //   EntityType "user" (compact: length + 1)
        "00",                                            //   MatchType 0: exact name
        "06 61 6c 69 63 65",                             //   Match "alice"
        "00",                                            //   component tags: none
        "01",                                            // Strict true
        "00",                                            // tags: none
    ])

    static let describeDefaultClientV0Request = frame([
        "00 00 00 25",                                   // size 37
        "00 30 00 00 00 00 00 08",                       // DescribeClientQuotas (48) v0, correlation id 8
        "00 08 6b 61 66 6b 61 63 74 6c",                 // client id "kafkactl"; v0 is not flexible: no tags
        "00 00 00 01",                                   // Components: int32 count 1
        "00 09 63 6c 69 65 6e 74 2d 69 64",              //   EntityType "client-id" (int16 length)
        "01",                                            //   MatchType 1: the default entity
        "ff ff",                                         //   Match null
        "01",                                            // Strict true
    ])

    static let describeV1Response = frame([
        "00 00 00 07 00",                                // correlation id 7, header tags: none
        "00 00 00 00",                                   // ThrottleTimeMs 0
        "00 00",                                         // ErrorCode 0
        "00",                                            // ErrorMessage null
        "03",                                            // Entries: compact array of 2
        "02 05 75 73 65 72 06 61 6c 69 63 65 00",        //   Entity [(user, "alice")], entity tags none
        "03",                                            //   Values: 2
        "13 70 72 6f 64 75 63 65 72 5f 62 79 74 65 5f 72 61 74 65", // Key producer_byte_rate
        "40 90 00 00 00 00 00 00 00",                    //     Value 1024.0 (float64), tags none
        "13 63 6f 6e 73 75 6d 65 72 5f 62 79 74 65 5f 72 61 74 65", // Key consumer_byte_rate
        "40 a0 00 00 00 00 00 00 00",                    //     Value 2048.0, tags none
        "00",                                            //   entry tags none
        "02 05 75 73 65 72 00 00",                       //   Entity [(user, null = the default user)]
        "02",                                            //   Values: 1
        "13 72 65 71 75 65 73 74 5f 70 65 72 63 65 6e 74 61 67 65", // Key request_percentage
        "40 49 40 00 00 00 00 00 00",                    //     Value 50.5, tags none
        "00",                                            //   entry tags none
        "00",                                            // tags none
    ])

    static let alterUserClientV1Request = frame([
        "00 00 00 6b",                                   // size 107
        "00 31 00 01 00 00 00 09",                       // AlterClientQuotas (49) v1, correlation id 9
        "00 08 6b 61 66 6b 61 63 74 6c 00",              // client id "kafkactl", header tags none
        "02",                                            // Entries: 1
        "03",                                            //   Entity: 2 parts
        "05 75 73 65 72 06 61 6c 69 63 65 00",           //     (user, "alice"), tags none
        "0a 63 6c 69 65 6e 74 2d 69 64 00 00",           //     (client-id, null = default), tags none
        "03",                                            //   Ops: 2
        "13 70 72 6f 64 75 63 65 72 5f 62 79 74 65 5f 72 61 74 65", // Key producer_byte_rate
        "41 30 00 00 00 00 00 00",                       //     Value 1048576.0
        "00 00",                                         //     Remove false, tags none
        "13 63 6f 6e 73 75 6d 65 72 5f 62 79 74 65 5f 72 61 74 65", // Key consumer_byte_rate
        "00 00 00 00 00 00 00 00",                       //     Value 0.0 (ignored)
        "01 00",                                         //     Remove true, tags none
        "00",                                            //   entry tags none
        "00",                                            // ValidateOnly false
        "00",                                            // tags none
    ])

    static let alterRefusedV0Response = frame([
        "00 00 00 09",                                   // correlation id 9 (v0: no header tags)
        "00 00 00 00",                                   // ThrottleTimeMs 0
        "00 00 00 01",                                   // Entries: int32 count 1
        "00 2a",                                         //   ErrorCode 42 INVALID_REQUEST
        "00 03 62 61 64",                                //   ErrorMessage "bad"
        "00 00 00 01",                                   //   Entity: 1 part
        "00 04 75 73 65 72 00 05 61 6c 69 63 65",        //     (user, "alice")
    ])

    static let describeScramV0Response = frame([
        "00 00 00 0b 00",                                // correlation id 11, header tags none (v0 is flexible)
        "00 00 00 00 00 00 00",                          // ThrottleTimeMs 0, ErrorCode 0, ErrorMessage null
        "03",                                            // Results: 2
        "06 61 6c 69 63 65 00 00 00",                    //   User "alice", ErrorCode 0, ErrorMessage null
        "03",                                            //   CredentialInfos: 2
        "01 00 00 20 00 00",                             //     SCRAM-SHA-256 (1), 8192 iterations, tags none
        "02 00 00 10 00 00",                             //     SCRAM-SHA-512 (2), 4096 iterations, tags none
        "00",                                            //   result tags none
        "04 62 6f 62 00 5b 05 6e 6f 6e 65",              //   User "bob", ErrorCode 91 RESOURCE_NOT_FOUND, "none"
        "01 00",                                         //   CredentialInfos: none, result tags none
        "00",                                            // tags none
    ])

    /// The body of a response frame after its correlation id and (flexible versions) header tags.
    static func responseBody(_ hex: String, flexibleHeader: Bool) throws -> ByteBuffer {
        var buffer = Hex.buffer(hex)
        _ = try ResponseHeader(from: &buffer, headerVersion: flexibleHeader ? 1 : 0)
        return buffer
    }

    @Test("DescribeClientQuotas v1 for user alice, strict, is the 39-byte frame")
    func describeAliceV1() throws {
        let request = DescribeClientQuotasRequest(components: [.init(entityType: "user", matchType: 0, match: "alice")], strict: true)
        let frame = try request.encodeFrame(version: 1, correlationId: 7, clientId: "kafkactl")
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(Self.describeAliceV1Request)))
        let (_, decoded) = try GoldenFrameTests.splitRequest(Self.describeAliceV1Request, as: DescribeClientQuotasRequest.self)
        #expect(decoded == request)
    }

    @Test("DescribeClientQuotas v0 for the default client id writes int16 strings, an int32 count and a null Match")
    func describeDefaultClientV0() throws {
        let request = DescribeClientQuotasRequest(components: [.init(entityType: "client-id", matchType: 1, match: nil)], strict: true)
        let frame = try request.encodeFrame(version: 0, correlationId: 8, clientId: "kafkactl")
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(Self.describeDefaultClientV0Request)))
    }

    @Test("a DescribeClientQuotas v1 answer decodes to alice's two byte rates and the default user's request percentage, and re-encodes the same")
    func describeV1ResponseDecodes() throws {
        var body = try Self.responseBody(Self.describeV1Response, flexibleHeader: true)
        let response = try DescribeClientQuotasResponse(from: &body, version: 1)
        #expect(body.readableBytes == 0)
        let entries = try #require(response.entries)
        #expect(entries.count == 2)
        #expect(entries[0].entity.map { "\($0.entityType)=\($0.entityName ?? "null")" } == ["user=alice"])
        #expect(entries[0].values.map { "\($0.key)=\($0.value)" } == ["producer_byte_rate=1024.0", "consumer_byte_rate=2048.0"])
        #expect(entries[1].entity.map { "\($0.entityType)=\($0.entityName ?? "null")" } == ["user=null"])
        #expect(entries[1].values.map { "\($0.key)=\($0.value)" } == ["request_percentage=50.5"])
        var again = ByteBuffer()
        try response.encode(into: &again, version: 1)
        #expect(Hex.string(again) == Hex.string(try Self.responseBody(Self.describeV1Response, flexibleHeader: true)))
    }

    @Test("AlterClientQuotas v1 for user alice with the default client id: a set and a removal, null naming the default")
    func alterUserClientV1() throws {
        let request = AlterClientQuotasRequest(entries: [.init(
            entity: [.init(entityType: "user", entityName: "alice"), .init(entityType: "client-id", entityName: nil)],
            ops: [.init(key: "producer_byte_rate", value: 1_048_576, remove: false),
                  .init(key: "consumer_byte_rate", value: 0, remove: true)])])
        let frame = try request.encodeFrame(version: 1, correlationId: 9, clientId: "kafkactl")
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(Self.alterUserClientV1Request)))
        let (_, decoded) = try GoldenFrameTests.splitRequest(Self.alterUserClientV1Request, as: AlterClientQuotasRequest.self)
        #expect(decoded == request)
    }

    @Test("an AlterClientQuotas v0 refusal decodes with its code, message and entity")
    func alterRefusedV0Decodes() throws {
        var body = try Self.responseBody(Self.alterRefusedV0Response, flexibleHeader: false)
        let response = try AlterClientQuotasResponse(from: &body, version: 0)
        #expect(body.readableBytes == 0)
        #expect(response.entries.map { "\($0.errorCode) \($0.errorMessage ?? "-") \($0.entity.map(\.entityType)) \($0.entity.map { $0.entityName ?? "null" })" }
                == ["42 bad [\"user\"] [\"alice\"]"])
    }

    @Test("a DescribeUserScramCredentials answer decodes per user: mechanisms and iterations, or the user's own error")
    func describeScramResponseDecodes() throws {
        var body = try Self.responseBody(Self.describeScramV0Response, flexibleHeader: true)
        let response = try DescribeUserScramCredentialsResponse(from: &body, version: 0)
        #expect(body.readableBytes == 0)
        #expect(response.results.map(\.user) == ["alice", "bob"])
        #expect(response.results[0].credentialInfos.map { "\($0.mechanism):\($0.iterations)" } == ["1:8192", "2:4096"])
        #expect(response.results[1].errorCode == ErrorCode.resourceNotFound.rawValue)
        #expect(response.results[1].errorMessage == "none")
        var again = ByteBuffer()
        try response.encode(into: &again, version: 0)
        #expect(Hex.string(again) == Hex.string(try Self.responseBody(Self.describeScramV0Response, flexibleHeader: true)))
    }

    @Test("a SCRAM credential keeps a given salt, makes a fresh 32-byte one otherwise, and its salted password is hash-sized")
    func credentialSaltAndSize() throws {
        // Its bytes are checked against librdkafka's in ScramCredentialFixtureTests.
        let salt = try #require(Base64.decode("W22ZaJ0SNY7soEsUEjb6gQ=="))
        let given = try ScramCredentialUpsertion(user: "user", mechanism: .sha256, iterations: 4096, password: Secret("pencil"), salt: salt)
        #expect(given.salt == salt)
        #expect(given.saltedPassword.count == 32)
        let first = try ScramCredentialUpsertion(user: "user", mechanism: .sha512, iterations: 4096, password: Secret("pencil"))
        let second = try ScramCredentialUpsertion(user: "user", mechanism: .sha512, iterations: 4096, password: Secret("pencil"))
        #expect(first.salt.count == 32)
        #expect(first.salt != second.salt)
        #expect(first.saltedPassword.count == 64)
        #expect(first.saltedPassword != second.saltedPassword)
    }
}
