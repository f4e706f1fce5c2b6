import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `kafkactl configs` refusing bad input (cli-parity §6.2) and reporting a broker's refusal: one `Error:` line and a
/// non-zero exit each. Usage errors exit 64, everything else 1. Brokers that say no on demand, or that lack both
/// config-changing APIs, are scripted (the test broker accepts anything and has IncrementalAlterConfigs).
@Suite struct ConfigsErrorTests {
    static let hint = "See 'kafkactl configs --help' for usage."

    static func configs(_ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["configs", "--bootstrap-server", try await brokerAddress()] + arguments)
    }

    /// A rule broken on the command line: Kafka's message, then the usage hint, exit 64.
    static func expectRuleError(_ result: ProcessResult, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.exitCode == 64, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderrLines == ["Error: \(message)", hint], sourceLocation: sourceLocation)
    }

    // MARK: against the test broker

    @Test func describingAnUnknownTopicFailsWithOneLine() async throws {
        let topic = BrokerHarness.uniqueName("cfg-missing")
        let result = try await Self.configs(["--entity-type", "topics", "--entity-name", topic, "--describe"])
        expectFailure(result, exitCode: 1, containing: ["'\(topic)'", "does not exist", "[UNKNOWN_TOPIC_OR_PARTITION]"])
    }

    @Test func alteringAnUnknownTopicFailsWithOneLineAndDoesNotCreateIt() async throws {
        let topic = BrokerHarness.uniqueName("cfg-missing")
        let result = try await Self.configs(["--topic", topic, "--alter", "--add-config", "retention.ms=1000"])
        expectFailure(result, exitCode: 1, containing: ["'\(topic)'", "does not exist", "[UNKNOWN_TOPIC_OR_PARTITION]"])
        let list = try await topics(["--list", "--topic", topic])
        #expect(list.exitCode == 0)
        #expect(!list.stdout.contains(topic), "the topic must not have been created: \(list.stdout)")
    }

    @Test func aBadValueFailsTheWholeAlterAndChangesNothing() async throws {
        let topic = BrokerHarness.uniqueName("cfg-atomic")
        try await createTopic(topic)
        try await withTopics(topic) {
            let first = try await Self.configs(["--topic", topic, "--alter", "--add-config", "min.insync.replicas=2"])
            #expect(first.exitCode == 0, "stderr: \(first.stderr)")

            let bad = try await Self.configs(["--topic", topic, "--alter", "--add-config", "min.insync.replicas=3,segment.bytes=-5"])
            expectFailure(bad, exitCode: 64, containing: ["segment.bytes"])

            let described = try await Self.configs(["--topic", topic, "--describe", "--all"])
            #expect(described.exitCode == 0, "stderr: \(described.stderr)")
            #expect(described.stdout.contains("\n  min.insync.replicas=2 "), "stdout: \(described.stdout)")
            #expect(!described.stdout.contains("min.insync.replicas=3"))
            #expect(!described.stdout.contains("segment.bytes"))
        }
    }

    // MARK: refused before anything is sent

    @Test func anUnknownEntityTypeIsRefusedWithKafkasMessage() async throws {
        let result = try await Self.configs(["--entity-type", "foo", "--entity-name", "x", "--describe"])
        Self.expectRuleError(result, "Invalid entity type foo, the entity type must be one of topics, clients, users, brokers, ips, client-metrics, groups, broker-loggers with a --bootstrap-server or --bootstrap-controller argument")
    }

    @Test func anAddConfigWithoutEqualsIsRefusedWithKafkasMessage() async throws {
        let result = try await Self.configs(["--topic", "orders", "--alter", "--add-config", "foo"])
        expectFailure(result, exitCode: 64, containing: [
            "Invalid entity config: all configs to be added must be in the format \"key=val\"",
            "\"key=[val1,val2]\" to group values which contain commas.",
        ])
    }

    @Test func aValueOfTheWrongTypeNamesTheKeyAndTheExpectedType() async throws {
        let result = try await Self.configs(["--topic", "orders", "--alter", "--add-config", "min.insync.replicas=abc"])
        expectFailure(result, exitCode: 64,
                      message: "invalid value 'abc' for topic config min.insync.replicas: expected an integer of at least 1")
    }

    @Test func aNegativeSizeNamesTheKeyAndTheMinimum() async throws {
        let result = try await Self.configs(["--topic", "orders", "--alter", "--add-config", "segment.bytes=-5"])
        expectFailure(result, exitCode: 64,
                      message: "invalid value '-5' for topic config segment.bytes: expected an integer of at least 14")
    }

    @Test func anUnknownTopicConfigNameIsNamed() async throws {
        let result = try await Self.configs(["--topic", "orders", "--alter", "--add-config", "retention.msec=1000"])
        expectFailure(result, exitCode: 64, message: "Unknown topic config name: retention.msec")
    }

    @Test func deletingAnUnknownTopicConfigNameIsNamed() async throws {
        let result = try await Self.configs(["--topic", "orders", "--alter", "--delete-config", "retention.msec"])
        expectFailure(result, exitCode: 64, message: "Unknown topic config name: retention.msec")
    }

    @Test func noActionIsRefused() async throws {
        let result = try await Self.configs(["--topic", "orders"])
        Self.expectRuleError(result, "Command must include exactly one action: --describe, --alter")
    }

    @Test func bothActionsAreRefused() async throws {
        let result = try await Self.configs(["--topic", "orders", "--describe", "--alter", "--add-config", "a=b"])
        Self.expectRuleError(result, "Command must include exactly one action: --describe, --alter")
    }

    @Test func describeWithAddConfigIsRefused() async throws {
        let result = try await Self.configs(["--topic", "orders", "--describe", "--add-config", "retention.ms=1"])
        Self.expectRuleError(result, "Option \"[describe]\" can't be used with option \"[add-config]\"")
    }

    @Test func alterWithoutAChangeIsRefused() async throws {
        let result = try await Self.configs(["--topic", "orders", "--alter"])
        Self.expectRuleError(result, "At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter")
    }

    @Test func aBrokerIdThatIsNotANumberIsRefused() async throws {
        let result = try await Self.configs(["--entity-type", "brokers", "--entity-name", "x", "--describe"])
        expectFailure(result, exitCode: 64, message: "The entity name for brokers must be a valid integer broker id, but it is: x")
        let shorthand = try await Self.configs(["--broker", "abc", "--alter", "--add-config", "log.cleaner.threads=2"])
        expectFailure(shorthand, exitCode: 64, message: "The entity name for brokers must be a valid integer broker id, but it is: abc")
    }

    // MARK: scripted brokers

    /// The API of every request a scripted broker received, in order.
    final class Seen: Sendable {
        private let keys = Mutex<[ApiKey]>([])
        func append(_ key: ApiKey) { keys.withLock { $0.append(key) } }
        var all: [ApiKey] { keys.withLock { $0 } }
    }

    /// A broker that knows topic `orders`, describes no configs, and answers IncrementalAlterConfigs and
    /// AlterConfigs with `error` and `message`; records the API of every request.
    static func scriptedBroker(
        versions: [Int16: ClosedRange<Int16>], error: ErrorCode = .none, message: String? = nil, seen: Seen
    ) throws -> ScriptedBroker {
        try ScriptedBroker(apiVersions: versions) { header, body in
            seen.append(header.apiKey)
            switch header.apiKey {
            case .metadata:
                let topic = MetadataResponse.MetadataResponseTopic(
                    name: "orders", partitions: [.init(partitionIndex: 0, leaderId: 1, replicaNodes: [1], isrNodes: [1])])
                return ScriptedBroker.reply(MetadataResponse(brokers: [], clusterId: "c", controllerId: -1, topics: [topic]),
                                            to: MetadataRequest.self, version: header.apiVersion)
            case .incrementalAlterConfigs:
                let response = IncrementalAlterConfigsResponse(responses: [.init(
                    errorCode: error.rawValue, errorMessage: message, resourceType: 2, resourceName: "orders")])
                return ScriptedBroker.reply(response, to: IncrementalAlterConfigsRequest.self, version: header.apiVersion)
            case .alterConfigs:
                let response = AlterConfigsResponse(responses: [.init(
                    errorCode: error.rawValue, errorMessage: message, resourceType: 2, resourceName: "orders")])
                return ScriptedBroker.reply(response, to: AlterConfigsRequest.self, version: header.apiVersion)
            case .describeConfigs:
                let response = DescribeConfigsResponse(results: [.init(resourceType: 2, resourceName: "orders")])
                return ScriptedBroker.reply(response, to: DescribeConfigsRequest.self, version: header.apiVersion)
            default:
                return .silence
            }
        }
    }

    static let withIncremental: [Int16: ClosedRange<Int16>] = [18: 0...3, 3: 0...12, 32: 0...4, 44: 0...1]

    @Test(arguments: [(ErrorCode.invalidConfig, "INVALID_CONFIG"), (.policyViolation, "POLICY_VIOLATION")])
    func aBrokersRefusalIsShownWithItsMessageAndCode(code: ErrorCode, name: String) async throws {
        let seen = Seen()
        let broker = try Self.scriptedBroker(versions: Self.withIncremental, error: code,
                                             message: "Invalid value 5 for configuration min.insync.replicas", seen: seen)
        defer { broker.stop() }
        let result = try await kafkactl(["configs", "--bootstrap-server", broker.address, "--topic", "orders", "--alter",
                                         "--add-config", "min.insync.replicas=5"], timeout: .seconds(20))
        expectFailure(result, exitCode: 1,
                      message: "cannot alter configs of topic orders: Invalid value 5 for configuration min.insync.replicas [\(name)]")
        #expect(seen.all.filter { $0 == .incrementalAlterConfigs }.count == 1, "sent once, never retried")
    }

    @Test func aRefusalThroughTheAlterConfigsFallbackIsShownTheSameWay() async throws {
        let seen = Seen()
        let broker = try Self.scriptedBroker(versions: [18: 0...3, 3: 0...12, 32: 0...4, 33: 0...2], error: .policyViolation,
                                             message: "retention below 1 day is not allowed", seen: seen)
        defer { broker.stop() }
        let result = try await kafkactl(["configs", "--bootstrap-server", broker.address, "--topic", "orders", "--alter",
                                         "--add-config", "retention.ms=1000"], timeout: .seconds(20))
        expectFailure(result, exitCode: 1,
                      message: "cannot alter configs of topic orders: retention below 1 day is not allowed [POLICY_VIOLATION]")
        let configApis = seen.all.filter { [.describeConfigs, .alterConfigs, .incrementalAlterConfigs].contains($0) }
        #expect(configApis == [.describeConfigs, .alterConfigs])
    }

    @Test func aBrokerWithNeitherConfigApiGetsOneClearLineAndNoConfigRequest() async throws {
        let seen = Seen()
        let broker = try Self.scriptedBroker(versions: [18: 0...3, 3: 0...12, 32: 0...4], seen: seen)
        defer { broker.stop() }
        let result = try await kafkactl(["configs", "--bootstrap-server", broker.address, "--topic", "orders", "--alter",
                                         "--add-config", "retention.ms=1000"], timeout: .seconds(20))
        expectFailure(result, exitCode: 1, message: "the broker at \(broker.address) does not support changing configs (neither IncrementalAlterConfigs nor AlterConfigs)")
        // Only the connection's ApiVersions and the topic's Metadata: no config API was tried.
        #expect(Set(seen.all).isSubset(of: [.apiVersions, .metadata]), "requests: \(seen.all)")
    }
}
