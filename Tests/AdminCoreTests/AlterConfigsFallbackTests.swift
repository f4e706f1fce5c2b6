@testable import AdminCore
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `AdminClient.alterConfigs` against scripted brokers, because no real broker offers AlterConfigs without
/// IncrementalAlterConfigs (Kafka 2.1-2.2 did; the test broker has only IncrementalAlterConfigs): the incremental
/// path, the read-merge-write fallback (protocol.md §3.8), a broker with neither, and the broker's refusals.
@Suite struct AlterConfigsFallbackTests {
    /// What a scripted broker received: each request's header and body, in order.
    final class Received: Sendable {
        let requests = Mutex<[(RequestHeader, ByteBuffer)]>([])

        func record(_ header: RequestHeader, _ body: ByteBuffer) { requests.withLock { $0.append((header, body)) } }

        var apiKeys: [ApiKey] { requests.withLock { $0.map(\.0.apiKey) } }

        /// The one request of type `R` received, decoded at the version it was sent with.
        func only<R: KafkaRequest>(_ type: R.Type, sourceLocation: SourceLocation = #_sourceLocation) throws -> R {
            let matching = requests.withLock { $0.filter { $0.0.apiKey == R.apiKey } }
            try #require(matching.count == 1, "expected one \(R.self), got \(matching.count)", sourceLocation: sourceLocation)
            var body = matching[0].1
            let request = try R(from: &body, version: matching[0].0.apiVersion)
            #expect(body.readableBytes == 0, "\(R.self) has \(body.readableBytes) bytes left over", sourceLocation: sourceLocation)
            return request
        }
    }

    /// A broker of the Kafka 2.1-2.2 kind: DescribeConfigs and AlterConfigs, no IncrementalAlterConfigs.
    static let legacyVersions: [Int16: ClosedRange<Int16>] = [18: 0...3, 3: 0...12, 32: 0...4, 33: 0...2]
    /// A current broker: IncrementalAlterConfigs as well.
    static let modernVersions: [Int16: ClosedRange<Int16>] = [18: 0...3, 3: 0...12, 32: 0...4, 33: 0...2, 44: 0...1]
    /// A broker that can describe configs but change none.
    static let readOnlyVersions: [Int16: ClosedRange<Int16>] = [18: 0...3, 3: 0...12, 32: 0...4]

    typealias Config = DescribeConfigsResponse.DescribeConfigsResourceResult

    static func config(_ name: String, _ value: String?, source: ConfigEntry.Source, readOnly: Bool = false,
                       sensitive: Bool = false) -> Config {
        Config(name: name, value: value, readOnly: readOnly, configSource: source.rawValue, isSensitive: sensitive)
    }

    /// Answers DescribeConfigs with `configs` for whatever resource was asked about, AlterConfigs and
    /// IncrementalAlterConfigs with `alterError` (0: success), and records every request.
    static func broker(
        versions: [Int16: ClosedRange<Int16>], configs: [Config] = [], alterError: ErrorCode = .none,
        alterMessage: String? = nil, received: Received
    ) throws -> ScriptedBroker {
        try ScriptedBroker(apiVersions: versions) { header, body in
            received.record(header, body)
            switch header.apiKey {
            case .describeConfigs:
                var copy = body
                guard let request = try? DescribeConfigsRequest(from: &copy, version: header.apiVersion) else { return .close }
                let results = request.resources.map {
                    DescribeConfigsResponse.DescribeConfigsResult(
                        resourceType: $0.resourceType, resourceName: $0.resourceName, configs: configs)
                }
                return ScriptedBroker.reply(DescribeConfigsResponse(results: results), to: DescribeConfigsRequest.self,
                                            version: header.apiVersion)
            case .alterConfigs:
                var copy = body
                guard let request = try? AlterConfigsRequest(from: &copy, version: header.apiVersion) else { return .close }
                let responses = request.resources.map {
                    AlterConfigsResponse.AlterConfigsResourceResponse(
                        errorCode: alterError.rawValue, errorMessage: alterMessage,
                        resourceType: $0.resourceType, resourceName: $0.resourceName)
                }
                return ScriptedBroker.reply(AlterConfigsResponse(responses: responses), to: AlterConfigsRequest.self,
                                            version: header.apiVersion)
            case .incrementalAlterConfigs:
                var copy = body
                guard let request = try? IncrementalAlterConfigsRequest(from: &copy, version: header.apiVersion) else {
                    return .close
                }
                let responses = request.resources.map {
                    IncrementalAlterConfigsResponse.AlterConfigsResourceResponse(
                        errorCode: alterError.rawValue, errorMessage: alterMessage,
                        resourceType: $0.resourceType, resourceName: $0.resourceName)
                }
                return ScriptedBroker.reply(IncrementalAlterConfigsResponse(responses: responses),
                                            to: IncrementalAlterConfigsRequest.self, version: header.apiVersion)
            default:
                return .silence
            }
        }
    }

    static func withAdmin<T: Sendable>(_ broker: ScriptedBroker, _ body: (AdminClient) async throws -> T) async throws -> T {
        var configuration = ClientConfiguration(bootstrapServers: [BrokerAddress(broker.address)!])
        configuration.requestTimeout = .seconds(5)
        configuration.connectTimeout = .seconds(2)
        defer { broker.stop() }
        return try await KafkaClient.withClient(configuration) { try await body(AdminClient(client: $0)) }
    }

    /// The configs of the one resource of an AlterConfigs request, as name -> value.
    static func written(_ request: AlterConfigsRequest, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: String?] {
        try #require(request.resources.count == 1, sourceLocation: sourceLocation)
        let configs = request.resources[0].configs
        #expect(Set(configs.map(\.name)).count == configs.count, "a key written twice: \(configs)", sourceLocation: sourceLocation)
        return Dictionary(configs.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: IncrementalAlterConfigs, where the broker has it

    @Test func aBrokerWithIncrementalAlterConfigsGetsOnlyTheChangesAsSetAndDeleteOperations() async throws {
        let received = Received()
        let broker = try Self.broker(versions: Self.modernVersions, received: received)
        try await Self.withAdmin(broker) { admin in
            try await admin.alterConfigs(ConfigResource(.topic, "orders"),
                                         changes: [.set("min.insync.replicas", "2"), .delete("retention.ms")])
        }
        #expect(received.apiKeys == [.apiVersions, .incrementalAlterConfigs])
        let request = try received.only(IncrementalAlterConfigsRequest.self)
        #expect(request.validateOnly == false)
        try #require(request.resources.count == 1)
        #expect(request.resources[0].resourceType == ConfigResourceType.topic.rawValue)
        #expect(request.resources[0].resourceName == "orders")
        let operations = request.resources[0].configs.map { "\($0.name) \($0.configOperation) \($0.value ?? "null")" }
        #expect(operations == ["min.insync.replicas 0 2", "retention.ms 1 null"])
    }

    // MARK: AlterConfigs read, merge, write

    @Test func aBrokerWithOnlyAlterConfigsGetsTheWholeMergedSetOfDynamicConfigs() async throws {
        let received = Received()
        let broker = try Self.broker(versions: Self.legacyVersions, configs: [
            Self.config("retention.ms", "1000", source: .topicConfig),
            Self.config("cleanup.policy", "compact", source: .topicConfig),
            Self.config("max.message.bytes", "5000", source: .topicConfig),
            // Not set on the topic: inherited, so never written back.
            Self.config("segment.bytes", "1073741824", source: .defaultConfig),
            Self.config("min.insync.replicas", "1", source: .staticBrokerConfig),
            Self.config("compression.type", "producer", source: .dynamicDefaultBrokerConfig),
        ], received: received)
        try await Self.withAdmin(broker) { admin in
            try await admin.alterConfigs(ConfigResource(.topic, "orders"), changes: [
                .set("retention.ms", "2000"), .delete("cleanup.policy"), .set("min.insync.replicas", "2"),
            ])
        }
        #expect(received.apiKeys == [.apiVersions, .describeConfigs, .alterConfigs])
        let describe = try received.only(DescribeConfigsRequest.self)
        #expect(describe.resources.map(\.resourceName) == ["orders"])
        #expect(describe.resources.map(\.resourceType) == [ConfigResourceType.topic.rawValue])
        #expect(describe.resources[0].configurationKeys == nil, "all keys must be read to write them all back")

        let alter = try received.only(AlterConfigsRequest.self)
        #expect(alter.validateOnly == false)
        #expect(alter.resources.map(\.resourceName) == ["orders"])
        #expect(alter.resources.map(\.resourceType) == [ConfigResourceType.topic.rawValue])
        // Kept, changed, added; the deleted key and the inherited ones are left out.
        #expect(try Self.written(alter) == [
            "max.message.bytes": "5000", "retention.ms": "2000", "min.insync.replicas": "2",
        ])
    }

    @Test func theFallbackForTheClusterDefaultKeepsTheOtherClusterWideDefaults() async throws {
        // The cluster-wide broker default (resource name "") holds DYNAMIC_DEFAULT_BROKER_CONFIG entries.
        let received = Received()
        let broker = try Self.broker(versions: Self.legacyVersions, configs: [
            Self.config("log.retention.ms", "604800000", source: .dynamicDefaultBrokerConfig),
            Self.config("log.cleaner.threads", "2", source: .dynamicDefaultBrokerConfig),
            Self.config("num.io.threads", "8", source: .staticBrokerConfig),
            Self.config("message.max.bytes", "1048588", source: .defaultConfig),
        ], received: received)
        try await Self.withAdmin(broker) { admin in
            try await admin.alterConfigs(ConfigResource(.broker, ""), changes: [.set("log.cleaner.threads", "4")])
        }
        let alter = try received.only(AlterConfigsRequest.self)
        #expect(alter.resources.map(\.resourceName) == [""])
        #expect(alter.resources.map(\.resourceType) == [ConfigResourceType.broker.rawValue])
        #expect(try Self.written(alter) == ["log.retention.ms": "604800000", "log.cleaner.threads": "4"])
    }

    @Test func theFallbackRefusesToWriteBackASensitiveValueItCannotRead() async throws {
        // A sensitive dynamic config is described with a null value; writing the set back without it would erase
        // it. kafka-configs.sh 2.x refused too ("All sensitive broker config entries must be specified").
        let received = Received()
        let broker = try Self.broker(versions: Self.legacyVersions, configs: [
            Self.config("log.cleaner.threads", "2", source: .dynamicDefaultBrokerConfig),
            Self.config("listener.name.internal.ssl.key.password", nil, source: .dynamicDefaultBrokerConfig, sensitive: true),
        ], received: received)
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withAdmin(broker) { admin in
                try await admin.alterConfigs(ConfigResource(.broker, ""), changes: [.set("log.cleaner.threads", "4")])
            }
        }
        #expect(error?.message.contains("listener.name.internal.ssl.key.password") == true, "\(String(describing: error))")
        #expect(!received.apiKeys.contains(.alterConfigs), "nothing may be written")
    }

    @Test func aSensitiveValueGivenWithTheChangeIsWrittenBack() async throws {
        let received = Received()
        let broker = try Self.broker(versions: Self.legacyVersions, configs: [
            Self.config("log.cleaner.threads", "2", source: .dynamicDefaultBrokerConfig),
            Self.config("listener.name.internal.ssl.key.password", nil, source: .dynamicDefaultBrokerConfig, sensitive: true),
        ], received: received)
        try await Self.withAdmin(broker) { admin in
            try await admin.alterConfigs(ConfigResource(.broker, ""), changes: [
                .set("log.cleaner.threads", "4"), .set("listener.name.internal.ssl.key.password", "secret"),
            ])
        }
        #expect(try Self.written(try received.only(AlterConfigsRequest.self)) == [
            "log.cleaner.threads": "4", "listener.name.internal.ssl.key.password": "secret",
        ])
    }

    @Test func aDescribeAnswerWithoutTheResourceWritesNothing() async throws {
        // Writing only the changes would erase every other dynamic config of the resource.
        let received = Received()
        let broker = try ScriptedBroker(apiVersions: Self.legacyVersions) { header, body in
            received.record(header, body)
            guard header.apiKey == .describeConfigs else { return .silence }
            return ScriptedBroker.reply(DescribeConfigsResponse(results: []), to: DescribeConfigsRequest.self,
                                        version: header.apiVersion)
        }
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withAdmin(broker) { admin in
                try await admin.alterConfigs(ConfigResource(.topic, "orders"), changes: [.set("retention.ms", "1")])
            }
        }
        #expect(error?.message.contains("orders") == true, "\(String(describing: error))")
        #expect(received.apiKeys == [.apiVersions, .describeConfigs])
    }

    @Test func aFailedDescribeStopsTheFallbackBeforeAnythingIsWritten() async throws {
        let received = Received()
        let broker = try ScriptedBroker(apiVersions: Self.legacyVersions) { header, body in
            received.record(header, body)
            guard header.apiKey == .describeConfigs else { return .silence }
            let result = DescribeConfigsResponse.DescribeConfigsResult(
                errorCode: ErrorCode.unknownTopicOrPartition.rawValue, errorMessage: "no such topic",
                resourceType: ConfigResourceType.topic.rawValue, resourceName: "orders")
            return ScriptedBroker.reply(DescribeConfigsResponse(results: [result]), to: DescribeConfigsRequest.self,
                                        version: header.apiVersion)
        }
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withAdmin(broker) { admin in
                try await admin.alterConfigs(ConfigResource(.topic, "orders"), changes: [.set("retention.ms", "1")])
            }
        }
        #expect(error?.code == .unknownTopicOrPartition)
        #expect(received.apiKeys == [.apiVersions, .describeConfigs])
    }

    // MARK: neither API

    @Test func aBrokerWithNeitherApiIsAClearUnsupportedErrorAndNothingIsSent() async throws {
        let received = Received()
        let broker = try Self.broker(versions: Self.readOnlyVersions, received: received)
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withAdmin(broker) { admin in
                try await admin.alterConfigs(ConfigResource(.topic, "orders"), changes: [.set("retention.ms", "1")])
            }
        }
        #expect(error?.category == .unsupported)
        #expect(error?.message == "the broker at \(broker.address) does not support changing configs (neither IncrementalAlterConfigs nor AlterConfigs)")
        #expect(error?.message.contains("\n") == false)
        #expect(received.apiKeys == [.apiVersions])
    }

    // MARK: the broker says no

    @Test(arguments: [(ErrorCode.invalidConfig, "INVALID_CONFIG"), (.policyViolation, "POLICY_VIOLATION")])
    func anIncrementalRefusalCarriesTheBrokersMessageAndCode(code: ErrorCode, name: String) async throws {
        let received = Received()
        let broker = try Self.broker(versions: Self.modernVersions, alterError: code,
                                     alterMessage: "min.insync.replicas must be at most the replication factor",
                                     received: received)
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withAdmin(broker) { admin in
                try await admin.alterConfigs(ConfigResource(.topic, "orders"), changes: [.set("min.insync.replicas", "5")])
            }
        }
        #expect(error?.category == .rejected)
        #expect(error?.code == code)
        #expect(error?.message == "cannot alter configs of topic orders: min.insync.replicas must be at most the replication factor [\(name)]")
    }

    @Test func aFallbackRefusalCarriesTheBrokersMessageAndCode() async throws {
        let received = Received()
        let broker = try Self.broker(versions: Self.legacyVersions, alterError: .policyViolation,
                                     alterMessage: "retention below 1 day is not allowed", received: received)
        let error = await #expect(throws: KafkactlError.self) {
            try await Self.withAdmin(broker) { admin in
                try await admin.alterConfigs(ConfigResource(.topic, "orders"), changes: [.set("retention.ms", "1")])
            }
        }
        #expect(error?.code == .policyViolation)
        #expect(error?.message == "cannot alter configs of topic orders: retention below 1 day is not allowed [POLICY_VIOLATION]")
    }
}
