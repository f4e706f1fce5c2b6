import NIOCore
import Testing

@testable import AdminCore

/// The SCRAM credential frames librdkafka (confluent-kafka 2.16.1) exchanged with the test broker
/// (Fixtures/AlterUserScramCredentials, Fixtures/DescribeUserScramCredentials): kafkactl builds the same upsert
/// from the same inputs, salted password included, which librdkafka computed with its own PBKDF2.
@Suite struct ScramCredentialFixtureTests {
    static func fixture(_ path: String) throws -> Fixture {
        try #require(Fixture.all.first { $0.path == path }, "no fixture \(path)")
    }

    /// The request body after the header (v2: key, version, correlation id, client id, tags).
    static func requestBody(_ fixture: Fixture) throws -> ByteBuffer {
        var buffer = ByteBuffer(bytes: fixture.payload)
        _ = try RequestHeader(from: &buffer) { _, _ in 2 }
        return buffer
    }

    @Test("librdkafka's SCRAM-SHA-256 upsert (8192 iterations, fixed salt) is the request kafkactl builds from the same password and salt")
    func upsertMatchesLibrdkafkaByteForByte() throws {
        let captured = try Self.fixture("AlterUserScramCredentials/v0-scram-upsert-request.hex")
        // Inputs as scripts/capture-golden gives them (SCRAM_USER, SCRAM_PASSWORD, SCRAM_SALT).
        let upsertion = try ScramCredentialUpsertion(
            user: "golden-user", mechanism: .sha256, iterations: 8192, password: Secret("golden-secret"),
            salt: Array("golden-salt".utf8))
        let request = AlterUserScramCredentialsRequest(upsertions: [.init(
            name: upsertion.user, mechanism: upsertion.mechanism.rawValue, iterations: Int32(upsertion.iterations),
            salt: ByteBuffer(bytes: upsertion.salt), saltedPassword: ByteBuffer(bytes: upsertion.saltedPassword))])
        var ours = ByteBuffer()
        try request.encode(into: &ours, version: 0)
        #expect(Hex.string(ours) + " 00" == Hex.string(try Self.requestBody(captured)), "librdkafka's extra 00 aside")

        // The salted password on its own, where it sits in the frame: after Deletions (01, empty), the upsertion
        // count (02), the name (0c + 11 bytes), mechanism 01, iterations 00 00 20 00, salt (0c + 11 bytes), its length 21.
        #expect(upsertion.saltedPassword.count == 32)
        #expect(Hex.string(upsertion.saltedPassword) == Hex.string(captured.frame.dropLast(3).suffix(32)))
    }

    @Test("kafka-python's SCRAM-SHA-256 upsert from the same inputs is, to the byte, the body kafkactl builds")
    func upsertMatchesKafkaPythonByteForByte() throws {
        // kafka-python computed the salted password with its own PBKDF2 and sends no extra byte.
        let captured = try Self.fixture("AlterUserScramCredentials/v0-scram-upsert-kafka-python-3.2-request.hex")
        #expect(captured.source.hasPrefix("kafka-python"))
        let upsertion = try ScramCredentialUpsertion(
            user: "golden-user", mechanism: .sha256, iterations: 8192, password: Secret("golden-secret"),
            salt: Array("golden-salt".utf8))
        let request = AlterUserScramCredentialsRequest(upsertions: [.init(
            name: upsertion.user, mechanism: upsertion.mechanism.rawValue, iterations: Int32(upsertion.iterations),
            salt: ByteBuffer(bytes: upsertion.salt), saltedPassword: ByteBuffer(bytes: upsertion.saltedPassword))])
        var ours = ByteBuffer()
        try request.encode(into: &ours, version: 0)
        #expect(Hex.string(ours) == Hex.string(try Self.requestBody(captured)))
    }

    @Test("librdkafka ends both AlterUserScramCredentials requests with one 00 byte after the tag section, which a broker never reads")
    func librdkafkaTrailingByte() throws {
        for path in ["AlterUserScramCredentials/v0-scram-upsert-request.hex", "AlterUserScramCredentials/v0-scram-delete-request.hex"] {
            var body = try Self.requestBody(try Self.fixture(path))
            let request = try AlterUserScramCredentialsRequest(from: &body, version: 0)
            #expect(Array(body.readableBytesView) == [0x00], "\(path)")
            var ours = ByteBuffer()
            try request.encode(into: &ours, version: 0)
            #expect(Hex.string(ours) + " 00" == Hex.string(try Self.requestBody(try Self.fixture(path))), "\(path)")
        }
    }

    @Test("the delete request and the brokers' answers decode to what was asked and what was said")
    func deleteAndAnswersDecode() throws {
        var body = try Self.requestBody(try Self.fixture("AlterUserScramCredentials/v0-scram-delete-request.hex"))
        let delete = try AlterUserScramCredentialsRequest(from: &body, version: 0)
        #expect(delete.deletions.map { "\($0.name) \($0.mechanism)" } == ["golden-user 1"])
        #expect(delete.upsertions.isEmpty)

        for path in ["AlterUserScramCredentials/v0-scram-upsert-response.hex", "AlterUserScramCredentials/v0-scram-delete-response.hex"] {
            var buffer = ByteBuffer(bytes: try Self.fixture(path).payload)
            _ = try ResponseHeader(from: &buffer, headerVersion: 1)
            let response = try AlterUserScramCredentialsResponse(from: &buffer, version: 0)
            #expect(buffer.readableBytes == 0)
            #expect(response.results.map { "\($0.user) \($0.errorCode)" } == ["golden-user 0"], "\(path)")
        }
    }

    @Test("librdkafka's describe names the one user; kafkactl sends the same body for the same user")
    func describeRequestMatches() throws {
        let captured = try Self.fixture("DescribeUserScramCredentials/v0-scram-describe-request.hex")
        var ours = ByteBuffer()
        try DescribeUserScramCredentialsRequest(users: [.init(name: "golden-user")]).encode(into: &ours, version: 0)
        #expect(Hex.string(ours) == Hex.string(try Self.requestBody(captured)))
    }

    @Test("Tansu's describe answer has no response-header tag section and a null Results: kafkactl refuses it as malformed rather than guess")
    func tansuDescribeAnswerDeviates() throws {
        let fixture = try Self.fixture("DescribeUserScramCredentials/v0-scram-describe-response.hex")
        // correlation id | ThrottleTimeMs 0 | ErrorCode 0 | ErrorMessage null (00) | Results null (00) | no tags (00)
        #expect(Array(fixture.payload) == Hex.bytes("00 00 00 0d  00 00 00 00  00 00  00  00  00"))
        var asSent = ByteBuffer(bytes: fixture.payload)
        _ = try ResponseHeader(from: &asSent, headerVersion: 1)
        #expect(throws: (any Error).self) { try DescribeUserScramCredentialsResponse(from: &asSent, version: 0) }
    }
}
