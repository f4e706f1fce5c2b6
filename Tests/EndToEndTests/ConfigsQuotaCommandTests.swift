import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `kafkactl configs` for users, clients, ips and client-metrics, run as a process. The test broker serves neither
/// DescribeClientQuotas nor AlterClientQuotas, and its DescribeUserScramCredentials answer is malformed
/// (Fixtures/README.md), so the success paths run against a scripted broker that keeps quotas and credentials the
/// way Kafka does and checks each request field by field with the generated codecs. Against the test broker: the
/// one-line refusal for every quota entity type, SCRAM changes (it serves AlterUserScramCredentials) and
/// client-metrics.
@Suite struct ConfigsQuotaCommandTests {
    // MARK: A scripted broker with quotas and SCRAM credentials

    /// What the scripted broker received and what it holds: quotas per entity, credentials per user.
    final class QuotaBroker: Sendable {
        struct State {
            var requests: [(RequestHeader, ByteBuffer)] = []
            /// Entities as sorted "kind=name" parts ("user=alice", "client-id=<default>"), with their quotas.
            var quotas: [[String]: [(key: String, value: Double)]] = [:]
            var credentials: [String: [(mechanism: Int8, iterations: Int32)]] = [:]
        }

        let state = Mutex(State())
        let alterQuotasError: ErrorCode
        let alterScramError: ErrorCode
        /// Answered for every user a DescribeUserScramCredentials names, when set.
        let describeScramError: ErrorCode?

        static let allApis: [Int16: ClosedRange<Int16>] = [18: 0...3, 3: 0...12, 32: 0...4, 44: 0...1, 48: 0...1, 49: 0...1, 50: 0...0, 51: 0...0]

        init(alterQuotasError: ErrorCode = .none, alterScramError: ErrorCode = .none, describeScramError: ErrorCode? = nil) {
            self.alterQuotasError = alterQuotasError
            self.alterScramError = alterScramError
            self.describeScramError = describeScramError
        }

        /// Starts answering on a free port; the caller stops it.
        func start(versions: [Int16: ClosedRange<Int16>] = QuotaBroker.allApis) throws -> ScriptedBroker {
            try ScriptedBroker(apiVersions: versions) { header, body in
                self.state.withLock { $0.requests.append((header, body)) }
                return self.answer(header, body)
            }
        }

        var apiKeys: [ApiKey] { state.withLock { $0.requests.map(\.0.apiKey) } }

        /// Every request of type `R`, decoded at the version it was sent with; each must use all its bytes.
        func all<R: KafkaRequest>(_ type: R.Type) throws -> [R] {
            try state.withLock { $0.requests }.filter { $0.0.apiKey == R.apiKey }.map { header, body in
                var copy = body
                let request = try R(from: &copy, version: header.apiVersion)
                #expect(copy.readableBytes == 0, "\(R.self) left \(copy.readableBytes) bytes")
                return request
            }
        }

        static func key(_ parts: [(String, String?)]) -> [String] {
            parts.map { "\($0.0)=\($0.1 ?? "<default>")" }.sorted()
        }

        func answer(_ header: RequestHeader, _ body: ByteBuffer) -> ScriptedBroker.Reply {
            var copy = body
            let version = header.apiVersion
            switch header.apiKey {
            case .describeClientQuotas:
                guard let request = try? DescribeClientQuotasRequest(from: &copy, version: version) else { return .close }
                let entries = state.withLock { $0.quotas }.filter { entity, values in
                    !values.isEmpty && Self.matches(entity, request)
                }.sorted { $0.key.joined() < $1.key.joined() }.map { entity, values in
                    DescribeClientQuotasResponse.EntryData(
                        entity: entity.map {
                            let (kind, name) = ($0.split(separator: "=", maxSplits: 1).map(String.init)[0], String($0.split(separator: "=", maxSplits: 1)[1]))
                            return .init(entityType: kind, entityName: name == "<default>" ? nil : name)
                        },
                        values: values.map { .init(key: $0.key, value: $0.value) })
                }
                return ScriptedBroker.reply(DescribeClientQuotasResponse(entries: entries), to: DescribeClientQuotasRequest.self, version: version)
            case .alterClientQuotas:
                guard let request = try? AlterClientQuotasRequest(from: &copy, version: version) else { return .close }
                if alterQuotasError == .none && !request.validateOnly {
                    state.withLock { state in
                        for entry in request.entries {
                            let key = Self.key(entry.entity.map { ($0.entityType, $0.entityName) })
                            var values = state.quotas[key] ?? []
                            for op in entry.ops {
                                values.removeAll { $0.key == op.key }
                                if !op.remove { values.append((op.key, op.value)) }
                            }
                            state.quotas[key] = values
                        }
                    }
                }
                let entries = request.entries.map {
                    AlterClientQuotasResponse.EntryData(
                        errorCode: alterQuotasError.rawValue, errorMessage: alterQuotasError == .none ? nil : "quota refused by policy",
                        entity: $0.entity.map { .init(entityType: $0.entityType, entityName: $0.entityName) })
                }
                return ScriptedBroker.reply(AlterClientQuotasResponse(entries: entries), to: AlterClientQuotasRequest.self, version: version)
            case .describeUserScramCredentials:
                guard let request = try? DescribeUserScramCredentialsRequest(from: &copy, version: version) else { return .close }
                let credentials = state.withLock { $0.credentials }
                let users = (request.users ?? []).isEmpty ? credentials.keys.sorted() : request.users!.map(\.name)
                let results = users.map { user in
                    if let error = describeScramError {
                        return DescribeUserScramCredentialsResponse.DescribeUserScramCredentialsResult(
                            user: user, errorCode: error.rawValue, errorMessage: "not for you")
                    }
                    guard let infos = credentials[user], !infos.isEmpty else {
                        return DescribeUserScramCredentialsResponse.DescribeUserScramCredentialsResult(
                            user: user, errorCode: ErrorCode.resourceNotFound.rawValue, errorMessage: "Attempt to describe a user credential that does not exist")
                    }
                    return .init(user: user, credentialInfos: infos.map { .init(mechanism: $0.mechanism, iterations: $0.iterations) })
                }
                return ScriptedBroker.reply(DescribeUserScramCredentialsResponse(results: results),
                                            to: DescribeUserScramCredentialsRequest.self, version: version)
            case .alterUserScramCredentials:
                guard let request = try? AlterUserScramCredentialsRequest(from: &copy, version: version) else { return .close }
                if alterScramError == .none {
                    state.withLock { state in
                        for deletion in request.deletions { state.credentials[deletion.name]?.removeAll { $0.mechanism == deletion.mechanism } }
                        for upsertion in request.upsertions {
                            state.credentials[upsertion.name, default: []].removeAll { $0.mechanism == upsertion.mechanism }
                            state.credentials[upsertion.name, default: []].append((upsertion.mechanism, upsertion.iterations))
                        }
                    }
                }
                let users = Set(request.deletions.map(\.name) + request.upsertions.map(\.name)).sorted()
                let results = users.map {
                    AlterUserScramCredentialsResponse.AlterUserScramCredentialsResult(
                        user: $0, errorCode: alterScramError.rawValue,
                        errorMessage: alterScramError == .none ? nil : "Iterations must be at most 16384")
                }
                return ScriptedBroker.reply(AlterUserScramCredentialsResponse(results: results), to: AlterUserScramCredentialsRequest.self, version: version)
            default:
                return .silence
            }
        }

        /// Kafka's strict filter: an entity matches when it has exactly the filter's kinds and each part matches.
        static func matches(_ entity: [String], _ request: DescribeClientQuotasRequest) -> Bool {
            guard entity.count == request.components.count else { return false }
            return request.components.allSatisfy { component in
                entity.contains { part in
                    let kind = String(part.split(separator: "=", maxSplits: 1)[0])
                    let name = String(part.split(separator: "=", maxSplits: 1)[1])
                    guard kind == component.entityType else { return false }
                    switch component.matchType {
                    case 0: return name == component.match
                    case 1: return name == "<default>"
                    default: return true   // any entity of the kind, the default one included
                    }
                }
            }
        }
    }

    /// A running quota broker: its state and its address, stopped when the test's value goes away.
    final class RunningBroker: Sendable {
        let quotas: QuotaBroker
        let scripted: ScriptedBroker

        init(versions: [Int16: ClosedRange<Int16>] = QuotaBroker.allApis, alterQuotasError: ErrorCode = .none,
             alterScramError: ErrorCode = .none, describeScramError: ErrorCode? = nil) throws {
            quotas = QuotaBroker(alterQuotasError: alterQuotasError, alterScramError: alterScramError,
                                 describeScramError: describeScramError)
            scripted = try quotas.start(versions: versions)
        }

        deinit { scripted.stop() }
        var address: String { scripted.address }
        var apiKeys: [ApiKey] { quotas.apiKeys }
        /// Every request body received, in order.
        var sentBodies: [[UInt8]] { quotas.state.withLock { $0.requests.map { Array($0.1.readableBytesView) } } }
        func all<R: KafkaRequest>(_ type: R.Type) throws -> [R] { try quotas.all(type) }
    }

    static func configs(_ broker: RunningBroker, _ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["configs", "--bootstrap-server", broker.address] + arguments, timeout: .seconds(20))
    }

    static func expectSuccess(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.exitCode == 0, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }

    // MARK: users and clients: quotas

    @Test func aUsersQuotasAreSetThenDescribedWithItsScramCredentialsInKafkasLayout() async throws {
        let broker = try RunningBroker()
        let set = try await Self.configs(broker, ["--entity-type", "users", "--entity-name", "alice", "--alter",
                                                   "--add-config", "consumer_byte_rate=2048,producer_byte_rate=1048576,request_percentage=200"])
        Self.expectSuccess(set)
        #expect(set.stdout == "Completed updating config for user alice.\n")
        // The change as the broker reports it, before and after, on stderr.
        #expect(set.stderrLines == ["  consumer_byte_rate: (none) -> 2048.0", "  producer_byte_rate: (none) -> 1048576.0",
                                    "  request_percentage: (none) -> 200.0"])
        let alter = try #require(try broker.all(AlterClientQuotasRequest.self).first)
        #expect(alter.validateOnly == false)
        #expect(alter.entries.count == 1)
        #expect(alter.entries[0].entity.map { "\($0.entityType)=\($0.entityName ?? "null")" } == ["user=alice"])
        #expect(alter.entries[0].ops.map { "\($0.key)=\($0.value) remove=\($0.remove)" }
                == ["consumer_byte_rate=2048.0 remove=false", "producer_byte_rate=1048576.0 remove=false", "request_percentage=200.0 remove=false"])

        _ = try await Self.configs(broker, ["--user", "alice", "--alter", "--add-config", "SCRAM-SHA-256=[iterations=8192,password=alice-secret]"])
        _ = try await Self.configs(broker, ["--user", "alice", "--alter", "--add-config", "SCRAM-SHA-512=[password=other-secret]"])

        let described = try await Self.configs(broker, ["--user", "alice", "--describe"])
        Self.expectSuccess(described)
        #expect(described.stdout == """
            Quota configs for user-principal 'alice' are consumer_byte_rate=2048.0, producer_byte_rate=1048576.0, request_percentage=200.0
            SCRAM credential configs for user-principal 'alice' are SCRAM-SHA-256=iterations=8192, SCRAM-SHA-512=iterations=4096

            """)
        let filter = try #require(try broker.all(DescribeClientQuotasRequest.self).last)
        #expect(filter.strict)
        #expect(filter.components.map { "\($0.entityType) \($0.matchType) \($0.match ?? "null")" } == ["user 0 alice"])
        let scram = try #require(try broker.all(DescribeUserScramCredentialsRequest.self).last)
        #expect(scram.users?.map(\.name) == ["alice"])
    }

    @Test func removingAQuotaSendsARemovalAndTheDiffShowsItGone() async throws {
        let broker = try RunningBroker()
        Self.expectSuccess(try await Self.configs(broker, ["--client", "app", "--alter", "--add-config", "producer_byte_rate=1024,consumer_byte_rate=1024"]))
        let removed = try await Self.configs(broker, ["--client", "app", "--alter", "--delete-config", "consumer_byte_rate"])
        Self.expectSuccess(removed)
        #expect(removed.stdout == "Completed updating config for client app.\n")
        #expect(removed.stderrLines == ["  consumer_byte_rate: 1024.0 -> (none)"])
        let last = try #require(try broker.all(AlterClientQuotasRequest.self).last)
        #expect(last.entries[0].entity.map { "\($0.entityType)=\($0.entityName ?? "null")" } == ["client-id=app"])
        #expect(last.entries[0].ops.map { "\($0.key) remove=\($0.remove)" } == ["consumer_byte_rate remove=true"])
        let described = try await Self.configs(broker, ["--client", "app", "--describe"])
        #expect(described.stdout == "Quota configs for client-id 'app' are producer_byte_rate=1024.0\n")
        // Clients have no SCRAM credentials: none are asked for.
        #expect(!broker.apiKeys.contains(.describeUserScramCredentials))
    }

    @Test func aUsersClientWithTheDefaultClientIdIsOneEntityOfTwoParts() async throws {
        let broker = try RunningBroker()
        let set = try await Self.configs(broker, ["--entity-type", "users", "--entity-name", "alice", "--entity-type", "clients",
                                                   "--entity-default", "--alter", "--add-config", "producer_byte_rate=10485760"])
        Self.expectSuccess(set)
        #expect(set.stdout == "Completed updating config for user alice.\n")
        let alter = try #require(try broker.all(AlterClientQuotasRequest.self).first)
        #expect(alter.entries[0].entity.map { "\($0.entityType)=\($0.entityName ?? "null")" } == ["user=alice", "client-id=null"])

        let described = try await Self.configs(broker, ["--entity-type", "users", "--entity-name", "alice", "--entity-type", "clients",
                                                         "--entity-default", "--describe"])
        Self.expectSuccess(described)
        #expect(described.stdout == "Quota configs for user-principal 'alice', the default client-id are producer_byte_rate=1.048576E7\n")
        let filter = try #require(try broker.all(DescribeClientQuotasRequest.self).last)
        #expect(filter.components.map { "\($0.entityType) \($0.matchType) \($0.match ?? "null")" } == ["user 0 alice", "client-id 1 null"])
        // A user's client: no SCRAM line.
        #expect(!broker.apiKeys.contains(.describeUserScramCredentials))
    }

    @Test func describingEveryUserListsEachQuotaEntityThenEachUsersCredentials() async throws {
        let broker = try RunningBroker()
        Self.expectSuccess(try await Self.configs(broker, ["--user", "alice", "--alter", "--add-config", "producer_byte_rate=100"]))
        Self.expectSuccess(try await Self.configs(broker, ["--user-defaults", "--alter", "--add-config", "consumer_byte_rate=50"]))
        Self.expectSuccess(try await Self.configs(broker, ["--user", "bob", "--alter", "--add-config", "SCRAM-SHA-512=[iterations=5000,password=b]"]))
        let described = try await Self.configs(broker, ["--entity-type", "users", "--describe"])
        Self.expectSuccess(described)
        #expect(described.stdout == """
            Quota configs for the default user-principal are consumer_byte_rate=50.0
            Quota configs for user-principal 'alice' are producer_byte_rate=100.0
            SCRAM credential configs for user-principal 'bob' are SCRAM-SHA-512=iterations=5000

            """)
        let filter = try #require(try broker.all(DescribeClientQuotasRequest.self).last)
        #expect(filter.components.map { "\($0.entityType) \($0.matchType) \($0.match ?? "null")" } == ["user 2 null"])
        #expect(try broker.all(DescribeUserScramCredentialsRequest.self).last?.users?.isEmpty == true)
    }

    @Test func aUserWithoutCredentialsOrQuotasIsNotListedAndTheCommandSucceeds() async throws {
        let broker = try RunningBroker()
        let described = try await Self.configs(broker, ["--user", "carol", "--describe"])
        Self.expectSuccess(described)
        // The broker answered RESOURCE_NOT_FOUND for carol; Kafka's admin client drops such users.
        #expect(described.stdout == "")
        #expect(try broker.all(DescribeUserScramCredentialsRequest.self).last?.users?.map(\.name) == ["carol"])
        let json = try await Self.configs(broker, ["--user", "carol", "--describe", "--output", "json"])
        #expect(json.stdout == #"{"quotas":[],"scramCredentials":[]}"# + "\n")
    }

    @Test func aUserWhoseCredentialsCannotBeReadGetsKafkasErrorLineOnStdoutAndTheCommandGoesOn() async throws {
        let broker = try RunningBroker(describeScramError: .clusterAuthorizationFailed)
        Self.expectSuccess(try await Self.configs(broker, ["--user", "dave", "--alter", "--add-config", "consumer_byte_rate=10"]))
        let described = try await Self.configs(broker, ["--user", "dave", "--describe"])
        Self.expectSuccess(described)
        #expect(described.stdout == """
            Quota configs for user-principal 'dave' are consumer_byte_rate=10.0
            Error retrieving SCRAM credential configs for user-principal 'dave': cannot describe the SCRAM credentials of user dave: not for you [CLUSTER_AUTHORIZATION_FAILED]

            """)
    }

    @Test func describeAsJSON() async throws {
        let broker = try RunningBroker()
        Self.expectSuccess(try await Self.configs(broker, ["--user", "alice", "--alter", "--add-config", "producer_byte_rate=1024"]))
        Self.expectSuccess(try await Self.configs(broker, ["--user", "alice", "--alter", "--add-config", "SCRAM-SHA-256=[password=x]"]))
        let described = try await Self.configs(broker, ["--user", "alice", "--describe", "--output", "json"])
        Self.expectSuccess(described)
        #expect(described.stdout == #"{"quotas":[{"entity":[{"type":"user","name":"alice"}],"configs":[{"name":"producer_byte_rate","value":1024.0}]}],"scramCredentials":[{"user":"alice","credentials":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}]}"# + "\n")
        let defaults = try await Self.configs(broker, ["--client-defaults", "--describe", "--output", "json"])
        #expect(defaults.stdout == #"{"quotas":[]}"# + "\n")
    }

    // MARK: ips

    @Test func ipQuotasForOneAddressAndTheDefault() async throws {
        let broker = try RunningBroker()
        let one = try await Self.configs(broker, ["--ip", "10.0.0.7", "--alter", "--add-config", "connection_creation_rate=10"])
        Self.expectSuccess(one)
        #expect(one.stdout == "Completed updating config for ip 10.0.0.7.\n")
        let all = try await Self.configs(broker, ["--entity-type", "ips", "--entity-default", "--alter", "--add-config", "connection_creation_rate=2.5"])
        Self.expectSuccess(all)
        #expect(all.stdout == "Completed updating default config for ips in the cluster.\n")
        #expect(try broker.all(AlterClientQuotasRequest.self).map { $0.entries[0].entity.map { "\($0.entityType)=\($0.entityName ?? "null")" } }
                == [["ip=10.0.0.7"], ["ip=null"]])
        let described = try await Self.configs(broker, ["--entity-type", "ips", "--describe"])
        #expect(described.stdout == """
            Quota configs for ip '10.0.0.7' are connection_creation_rate=10.0
            Quota configs for the default ip are connection_creation_rate=2.5

            """)
        let defaults = try await Self.configs(broker, ["--ip-defaults", "--describe"])
        #expect(defaults.stdout == "Quota configs for the default ip are connection_creation_rate=2.5\n")
    }

    // MARK: SCRAM credentials

    @Test func aScramCredentialIsSentSaltedAndNeverAsThePassword() async throws {
        let broker = try RunningBroker()
        let result = try await Self.configs(broker, ["--user", "alice", "--alter", "--add-config", "SCRAM-SHA-256=[iterations=8192,password=alice-secret]"])
        Self.expectSuccess(result)
        #expect(result.stdout == "Completed updating config for user alice.\n")
        #expect(!(result.stdout + result.stderr).contains("alice-secret"))
        let request = try #require(try broker.all(AlterUserScramCredentialsRequest.self).first)
        #expect(request.deletions.isEmpty)
        try #require(request.upsertions.count == 1)
        let upsertion = request.upsertions[0]
        #expect(upsertion.name == "alice")
        #expect(upsertion.mechanism == 1)
        #expect(upsertion.iterations == 8192)
        let salt = Array(upsertion.salt.readableBytesView)
        #expect(salt.count >= 16)
        let expected = try SCRAMClient.saltedPassword(Secret("alice-secret"), salt: salt, iterations: 8192, hash: .sha256)
        #expect(Array(upsertion.saltedPassword.readableBytesView) == expected)
        // The password's bytes appear nowhere in what was sent.
        for bytes in broker.sentBodies { #expect(!String(decoding: bytes, as: UTF8.self).contains("alice-secret")) }
        // Only the one request: SCRAM changes are not quota changes.
        #expect(!broker.apiKeys.contains(.alterClientQuotas))
    }

    @Test func deletingAScramCredentialNamesTheUserAndMechanism() async throws {
        let broker = try RunningBroker()
        Self.expectSuccess(try await Self.configs(broker, ["--user", "alice", "--alter", "--add-config", "SCRAM-SHA-512=[password=x]"]))
        let deleted = try await Self.configs(broker, ["--user", "alice", "--alter", "--delete-config", "SCRAM-SHA-512"])
        Self.expectSuccess(deleted)
        let request = try #require(try broker.all(AlterUserScramCredentialsRequest.self).last)
        #expect(request.deletions.map { "\($0.name) \($0.mechanism)" } == ["alice 2"])
        #expect(request.upsertions.isEmpty)
    }

    // MARK: Refusals

    @Test func aBrokersRefusalOfAQuotaIsOneLine() async throws {
        let broker = try RunningBroker(alterQuotasError: .invalidRequest)
        let result = try await Self.configs(broker, ["--user", "alice", "--alter", "--add-config", "producer_byte_rate=1"])
        expectFailure(result, exitCode: 1, message: "cannot alter the quotas of user 'alice': quota refused by policy [INVALID_REQUEST]")
    }

    @Test func aBrokersRefusalOfACredentialIsOneLineWithoutThePassword() async throws {
        let broker = try RunningBroker(alterScramError: .unacceptableCredential)
        let result = try await Self.configs(broker, ["--user", "alice", "--alter", "--add-config", "SCRAM-SHA-256=[iterations=20000,password=s3cret]"])
        expectFailure(result, exitCode: 1, message: "cannot alter the SCRAM credentials of user alice: Iterations must be at most 16384 [UNACCEPTABLE_CREDENTIAL]")
        #expect(!result.stderr.contains("s3cret"))
    }

    @Test func refusedInputSendsNothing() async throws {
        let broker = try RunningBroker()
        for (arguments, message) in [
            (["--user", "alice", "--alter", "--add-config", "producer_byte_rate=lots"], "Cannot parse quota configuration value for producer_byte_rate: lots"),
            (["--ip", "not-an-ip", "--describe"], "The entity name for ips must be a valid IP address, but it is: not-an-ip"),
            (["--user", "alice", "--alter", "--add-config", "SCRAM-SHA-256=[iterations=1024,password=x]"], "Iterations 1024 is less than the minimum 4096 required for SCRAM-SHA-256"),
        ] {
            let result = try await Self.configs(broker, arguments)
            expectFailure(result, exitCode: 64, message: message)
        }
        let mixed = try await Self.configs(broker, ["--entity-type", "users", "--entity-name", "alice", "--entity-default", "--describe"])
        #expect(mixed.exitCode == 64)
        #expect(mixed.stderrLines.count == 2 && mixed.stderrLines[0].hasPrefix("Error: More entity names specified than entity types"), "\(mixed.stderr)")
        #expect(mixed.stderrLines.last == "See 'kafkactl configs --help' for usage.")
        #expect(broker.apiKeys.isEmpty, "requests: \(broker.apiKeys)")
    }

    @Test func aBrokerWithoutTheQuotaApisGetsOneLinePerCommandAndNoQuotaRequest() async throws {
        let broker = try RunningBroker(versions: [18: 0...3, 3: 0...12, 32: 0...4, 44: 0...1])
        let describe = try await Self.configs(broker, ["--client", "app", "--describe"])
        expectFailure(describe, exitCode: 1, message: "the broker at \(broker.address) does not support describing client quotas (DescribeClientQuotas): it does not offer DescribeClientQuotas")
        let alter = try await Self.configs(broker, ["--ip", "10.0.0.1", "--alter", "--add-config", "connection_creation_rate=1"])
        expectFailure(alter, exitCode: 1, message: "the broker at \(broker.address) does not support changing client quotas (AlterClientQuotas): it does not offer AlterClientQuotas")
        let scram = try await Self.configs(broker, ["--user", "alice", "--alter", "--add-config", "SCRAM-SHA-256=[password=x]"])
        expectFailure(scram, exitCode: 1, message: "the broker at \(broker.address) does not support changing SCRAM credentials (AlterUserScramCredentials): it does not offer AlterUserScramCredentials")
        #expect(Set(broker.apiKeys).isSubset(of: [.apiVersions]), "requests: \(broker.apiKeys)")
    }

    // MARK: client-metrics (DescribeConfigs resource type 16)

    @Test func clientMetricsAreAlteredAndDescribedAsResourceType16() async throws {
        let seen = Mutex<[(RequestHeader, ByteBuffer)]>([])
        let scripted = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 32: 0...4, 44: 0...1]) { header, body in
            seen.withLock { $0.append((header, body)) }
            switch header.apiKey {
            case .describeConfigs:
                let entry = DescribeConfigsResponse.DescribeConfigsResourceResult(
                    name: "interval.ms", value: "60000", readOnly: false, configSource: 7, isSensitive: false,
                    synonyms: [.init(name: "interval.ms", value: "60000", source: 7)])
                let response = DescribeConfigsResponse(results: [.init(resourceType: 16, resourceName: "basic", configs: [entry])])
                return ScriptedBroker.reply(response, to: DescribeConfigsRequest.self, version: header.apiVersion)
            case .incrementalAlterConfigs:
                let response = IncrementalAlterConfigsResponse(responses: [.init(resourceType: 16, resourceName: "basic")])
                return ScriptedBroker.reply(response, to: IncrementalAlterConfigsRequest.self, version: header.apiVersion)
            default:
                return .silence
            }
        }
        defer { scripted.stop() }
        let alter = try await kafkactl(["configs", "--bootstrap-server", scripted.address, "--client-metrics", "basic", "--alter",
                                        "--add-config", "metrics=[org.apache.kafka.producer.,org.apache.kafka.consumer.],interval.ms=60000,match=[client_id=app-.*]"],
                                       timeout: .seconds(20))
        #expect(alter.exitCode == 0, "stderr: \(alter.stderr)")
        #expect(alter.stdout == "Completed updating config for client-metric basic.\n")
        let alters = seen.withLock { $0 }.filter { $0.0.apiKey == .incrementalAlterConfigs }.map { header, body in
            var copy = body
            return try! IncrementalAlterConfigsRequest(from: &copy, version: header.apiVersion)
        }
        // The validate-only check, then the change itself.
        #expect(alters.map(\.validateOnly) == [true, false])
        let resource = try #require(alters.last?.resources.first)
        #expect(resource.resourceType == 16)
        #expect(resource.resourceName == "basic")
        #expect(resource.configs.map { "\($0.name) \($0.configOperation) \($0.value ?? "null")" }
                == ["metrics 0 org.apache.kafka.producer.,org.apache.kafka.consumer.", "interval.ms 0 60000", "match 0 client_id=app-.*"])

        let described = try await kafkactl(["configs", "--bootstrap-server", scripted.address, "--entity-type", "client-metrics",
                                            "--entity-name", "basic", "--describe"], timeout: .seconds(20))
        #expect(described.exitCode == 0, "stderr: \(described.stderr)")
        #expect(described.stdout == """
            Dynamic configs for client-metric basic are:
              interval.ms=60000 sensitive=false synonyms={DYNAMIC_CLIENT_METRICS_CONFIG:interval.ms=60000}

            """)
        let bad = try await kafkactl(["configs", "--bootstrap-server", scripted.address, "--client-metrics", "basic", "--alter",
                                      "--add-config", "interval.ms=50"], timeout: .seconds(20))
        expectFailure(bad, exitCode: 64, message: "invalid value '50' for client-metrics config interval.ms: expected an integer from 100 to 3600000")
        let unknown = try await kafkactl(["configs", "--bootstrap-server", scripted.address, "--client-metrics", "basic", "--alter",
                                          "--delete-config", "retention.ms"], timeout: .seconds(20))
        expectFailure(unknown, exitCode: 64, message: "Unknown client-metrics config name: retention.ms (expected one of interval.ms, match, metrics)")
    }

    // MARK: Against the test broker

    static func onTestBroker(_ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["configs", "--bootstrap-server", try await brokerAddress()] + arguments)
    }

    @Test(arguments: [
        (["--user", "alice", "--describe"], "describing client quotas (DescribeClientQuotas): it does not offer DescribeClientQuotas"),
        (["--entity-type", "users", "--describe"], "describing client quotas (DescribeClientQuotas): it does not offer DescribeClientQuotas"),
        (["--client", "app", "--describe"], "describing client quotas (DescribeClientQuotas): it does not offer DescribeClientQuotas"),
        (["--user", "alice", "--client", "app", "--describe"], "describing client quotas (DescribeClientQuotas): it does not offer DescribeClientQuotas"),
        (["--ip", "127.0.0.1", "--describe"], "describing client quotas (DescribeClientQuotas): it does not offer DescribeClientQuotas"),
        (["--user", "alice", "--alter", "--add-config", "producer_byte_rate=1024"], "changing client quotas (AlterClientQuotas): it does not offer AlterClientQuotas"),
        (["--client-defaults", "--alter", "--add-config", "consumer_byte_rate=1024"], "changing client quotas (AlterClientQuotas): it does not offer AlterClientQuotas"),
        (["--ip-defaults", "--alter", "--add-config", "connection_creation_rate=10"], "changing client quotas (AlterClientQuotas): it does not offer AlterClientQuotas"),
    ])
    func theTestBrokerLacksTheQuotaApisAndSaysSoInOneLine(arguments: [String], what: String) async throws {
        let address = try await brokerAddress()
        let result = try await Self.onTestBroker(arguments)
        expectFailure(result, exitCode: 1, message: "the broker at \(address) does not support \(what)")
    }

    @Test func theTestBrokerTakesScramCredentialChanges() async throws {
        let user = BrokerHarness.uniqueName("scram-user")
        let added = try await Self.onTestBroker(["--user", user, "--alter", "--add-config", "SCRAM-SHA-512=[iterations=8192,password=tansu-secret]"])
        #expect(added.exitCode == 0, "stderr: \(added.stderr)")
        #expect(added.stdout == "Completed updating config for user \(user).\n")
        #expect(!(added.stdout + added.stderr).contains("tansu-secret"))
        let deleted = try await Self.onTestBroker(["--user", user, "--alter", "--delete-config", "SCRAM-SHA-512"])
        #expect(deleted.exitCode == 0, "stderr: \(deleted.stderr)")
        #expect(deleted.stdout == "Completed updating config for user \(user).\n")
    }

    @Test func theTestBrokerAcceptsClientMetricsConfigsButDescribesNone() async throws {
        let name = BrokerHarness.uniqueName("metrics")
        let altered = try await Self.onTestBroker(["--client-metrics", name, "--alter", "--add-config", "interval.ms=60000"])
        #expect(altered.exitCode == 0, "stderr: \(altered.stderr)")
        #expect(altered.stdout == "Completed updating config for client-metric \(name).\n")
        let described = try await Self.onTestBroker(["--client-metrics", name, "--describe"])
        #expect(described.exitCode == 0, "stderr: \(described.stderr)")
        // Tansu keeps no client-metrics configs (BROKER.md: DescribeConfigs lists only what it stores).
        #expect(described.stdout == "Dynamic configs for client-metric \(name) are:\n")
    }
}
