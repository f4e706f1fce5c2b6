@testable import AdminCore
import NIOCore
import TestSupport
import Testing

/// `AdminClient`'s quota and SCRAM calls against scripted brokers, for answers the command tests do not reach:
/// request-wide errors, an entity kind kafkactl does not know, and a user's own error next to another's success.
@Suite struct ClientQuotaScriptedTests {
    static let versions: [Int16: ClosedRange<Int16>] = [18: 0...3, 3: 0...12, 48: 0...1, 49: 0...1, 50: 0...0, 51: 0...0]

    static func withAdmin<T: Sendable>(
        answering script: @escaping ScriptedBroker.Script, _ body: (AdminClient) async throws -> T
    ) async throws -> T {
        let broker = try ScriptedBroker(apiVersions: versions, script: script)
        defer { broker.stop() }
        var configuration = ClientConfiguration(bootstrapServers: [BrokerAddress(broker.address)!])
        configuration.requestTimeout = .seconds(5)
        configuration.connectTimeout = .seconds(2)
        return try await KafkaClient.withClient(configuration) { try await body(AdminClient(client: $0)) }
    }

    static func describeQuotasAnswer(_ response: DescribeClientQuotasResponse) -> ScriptedBroker.Script {
        { header, _ in
            header.apiKey == .describeClientQuotas
                ? ScriptedBroker.reply(response, to: DescribeClientQuotasRequest.self, version: header.apiVersion) : .silence
        }
    }

    @Test func aRequestWideQuotaErrorIsThrownWithTheBrokersMessageAndCode() async throws {
        let answer = DescribeClientQuotasResponse(errorCode: ErrorCode.clusterAuthorizationFailed.rawValue,
                                                  errorMessage: "not allowed here", entries: nil)
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withAdmin(answering: Self.describeQuotasAnswer(answer)) { admin in
                try await admin.describeClientQuotas(ClientQuotaFilter([.init(.user, .any)], strict: true))
            }
        }
        #expect(error?.message == "cannot describe client quotas: not allowed here [CLUSTER_AUTHORIZATION_FAILED]")
        #expect(error?.category == .rejected)
    }

    @Test func anEntityKindKafkactlDoesNotKnowIsSaidNotDropped() async throws {
        let answer = DescribeClientQuotasResponse(entries: [.init(
            entity: [.init(entityType: "tenant", entityName: "blue")], values: [.init(key: "producer_byte_rate", value: 1)])])
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withAdmin(answering: Self.describeQuotasAnswer(answer)) { admin in
                try await admin.describeClientQuotas(ClientQuotaFilter([.init(.user, .any)], strict: false))
            }
        }
        #expect(error?.message == "the broker described a quota of an unknown entity type 'tenant'")
    }

    @Test func scramDescriptionsKeepEachUsersOwnOutcome() async throws {
        let answer = DescribeUserScramCredentialsResponse(results: [
            .init(user: "alice", credentialInfos: [.init(mechanism: 1, iterations: 8192), .init(mechanism: 9, iterations: 4096)]),
            .init(user: "bob", errorCode: ErrorCode.resourceNotFound.rawValue, errorMessage: nil),
        ])
        let users = try await Self.withAdmin(answering: { header, _ in
            header.apiKey == .describeUserScramCredentials
                ? ScriptedBroker.reply(answer, to: DescribeUserScramCredentialsRequest.self, version: header.apiVersion) : .silence
        }) { admin in
            try await admin.describeUserScramCredentials(["alice", "bob"])
        }
        #expect(users.map(\.user) == ["alice", "bob"])
        let alice = try users[0].result.get()
        #expect(alice.map { "\($0.mechanism?.name ?? "?") \($0.mechanismId) \($0.iterations)" } == ["SCRAM-SHA-256 1 8192", "? 9 4096"])
        guard case .failure(let error) = users[1].result else {
            Issue.record("bob should have failed")
            return
        }
        #expect(error.code == .resourceNotFound)
        #expect(error.message.hasPrefix("cannot describe the SCRAM credentials of user bob: "))
    }

    @Test func aRequestWideScramErrorIsThrown() async throws {
        let answer = DescribeUserScramCredentialsResponse(errorCode: ErrorCode.clusterAuthorizationFailed.rawValue)
        await #expect(throws: KafkactlError.self) {
            try await Self.withAdmin(answering: { header, _ in
                header.apiKey == .describeUserScramCredentials
                    ? ScriptedBroker.reply(answer, to: DescribeUserScramCredentialsRequest.self, version: header.apiVersion) : .silence
            }) { admin in
                try await admin.describeUserScramCredentials([])
            }
        }
    }

    @Test func anAlterAnswerWithoutEntriesIsNotTakenForSuccess() async throws {
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withAdmin(answering: { header, _ in
                header.apiKey == .alterClientQuotas
                    ? ScriptedBroker.reply(AlterClientQuotasResponse(entries: []), to: AlterClientQuotasRequest.self, version: header.apiVersion)
                    : .silence
            }) { admin in
                try await admin.alterClientQuotas(ClientQuotaEntity([.init(.ip, nil)]), changes: [.set("connection_creation_rate", 5)])
            }
        }
        #expect(error?.category == .internal)
        #expect(error?.message == "the broker did not answer for the quotas of ip (default)")
    }
}
