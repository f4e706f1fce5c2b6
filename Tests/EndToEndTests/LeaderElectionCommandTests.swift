import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `kafkactl leader-election` from the built binary. The test broker lacks ElectLeaders, so the command is proven on
/// a scripted controller that answers per partition as Kafka's does; against the test broker only that kafkactl
/// says in one line that the API is missing.
@Suite struct LeaderElectionCommandTests {
    static let hint = "See 'kafkactl leader-election --help' for usage."

    /// What the scripted controller was sent: each ElectLeaders' version, election type and partitions (nil: all).
    final class Asked: Sendable {
        let entries = Mutex<[(version: Int16, type: Int8, partitions: [String]?)]>([])
        var all: [(version: Int16, type: Int8, partitions: [String]?)] { entries.withLock { $0 } }
    }

    /// A one-node cluster (node 1, the controller) with topic `orders` (4 partitions), answering ElectLeaders with
    /// `answer(partition)` for each partition asked, or for all four when the request names none; `topError` is the
    /// top-level error code (v1+).
    static func controller(
        versions: ClosedRange<Int16> = 0...2, asked: Asked, topError: ErrorCode = .none,
        answer: @escaping @Sendable (Int32) -> (ErrorCode, String?)
    ) throws -> ScriptedBroker {
        let port = Mutex(0)
        let broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 43: versions]) { header, body in
            var copy = body
            switch header.apiKey {
            case .metadata:
                return ScriptedBroker.oneNodeMetadataReply(port: port.withLock { $0 }, topics: ["orders": 4], version: header.apiVersion)
            case .electLeaders:
                guard let request = try? ElectLeadersRequest(from: &copy, version: header.apiVersion) else { return .close }
                let named = request.topicPartitions.map { $0.flatMap { topic in topic.partitions.map { "\(topic.topic)-\($0)" } } }
                asked.entries.withLock { $0.append((header.apiVersion, request.electionType, named)) }
                let partitions = request.topicPartitions?.first?.partitions ?? [0, 1, 2, 3]
                let response = ElectLeadersResponse(errorCode: topError.rawValue, replicaElectionResults: [.init(topic: "orders", partitionResult: partitions.map {
                    let (code, message) = answer($0)
                    return .init(partitionId: $0, errorCode: code.rawValue, errorMessage: message)
                })])
                return ScriptedBroker.reply(response, to: ElectLeadersRequest.self, version: header.apiVersion)
            default:
                return .silence
            }
        }
        port.withLock { $0 = broker.port }
        return broker
    }

    static func run(_ broker: ScriptedBroker, _ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["leader-election", "--bootstrap-server", broker.address] + arguments, timeout: .seconds(20))
    }

    static func file(_ json: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(BrokerHarness.uniqueName("le") + ".json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test(arguments: [0...0, 0...2] as [ClosedRange<Int16>])
    func everyPartitionIsAskedForAndApachesLinesSayWhatHappened(versions: ClosedRange<Int16>) async throws {
        // 0...0 is Kafka 2.2-2.3's ElectPreferredLeaders; 0...2 is 2.4+'s range, where kafkactl sends v2 (flexible).
        let asked = Asked()
        let broker = try Self.controller(versions: versions, asked: asked) { $0 == 1 || $0 == 3 ? (.electionNotNeeded, nil) : (.none, nil) }
        defer { broker.stop() }
        let result = try await Self.run(broker, ["--election-type", "PREFERRED", "--all-topic-partitions"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == """
            Successfully completed leader election (PREFERRED) for partitions orders-0, orders-2
            Valid replica already elected for partitions orders-1, orders-3

            """)
        #expect(asked.all.count == 1 && asked.all.first?.version == versions.upperBound && asked.all.first?.type == 0)
        #expect(asked.all.first?.partitions == nil, "--all-topic-partitions sends no partitions (null: all)")
    }

    @Test func aFileNamesThePartitionsAndAFailedOneIsSaidThenExitsOne() async throws {
        let asked = Asked()
        let broker = try Self.controller(asked: asked) { $0 == 2 ? (.eligibleLeadersNotAvailable, "no replica of orders-2 is in sync") : (.none, nil) }
        defer { broker.stop() }
        let file = try Self.file(#"{"partitions": [{"topic": "orders", "partition": 2}, {"topic": "orders", "partition": 0}]}"#)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await Self.run(broker, ["--election-type", "unclean", "--path-to-json-file", file.path])
        #expect(result.exitCode == 1)
        #expect(result.stdout == """
            Successfully completed leader election (UNCLEAN) for partitions orders-0
            Error completing leader election (UNCLEAN) for partition: orders-2: no replica of orders-2 is in sync [ELIGIBLE_LEADERS_NOT_AVAILABLE]

            """)
        #expect(result.stderrLines == ["Error: 1 replica(s) could not be elected"])
        #expect(asked.all.first?.type == 1 && asked.all.first?.partitions == ["orders-0", "orders-2"])

        let json = try await Self.run(broker, ["--election-type", "preferred", "--topic", "orders", "--partition", "2", "--output", "json"])
        #expect(json.exitCode == 1)
        #expect(json.stdout == #"{"election_type":"PREFERRED","partitions":[{"topic":"orders","partition":2,"result":"failed","error":"no replica of orders-2 is in sync [ELIGIBLE_LEADERS_NOT_AVAILABLE]"}]}"# + "\n")
        #expect(asked.all.last?.partitions == ["orders-2"])
    }

    @Test func anUncleanElectionOnAControllerWithOnlyV0IsRefusedInOneLineAndNothingIsSent() async throws {
        let asked = Asked()
        let broker = try Self.controller(versions: 0...0, asked: asked) { _ in (.none, nil) }
        defer { broker.stop() }
        expectFailure(try await Self.run(broker, ["--election-type", "unclean", "--topic", "orders", "--partition", "1"]), exitCode: 1,
                      containing: ["the controller does not support unclean leader election", "use --election-type preferred"])
        #expect(asked.all.isEmpty)
    }

    @Test func aRefusalOfTheWholeRequestIsOneLine() async throws {
        let broker = try Self.controller(versions: 1...2, asked: Asked(), topError: .clusterAuthorizationFailed) { _ in (.none, nil) }
        defer { broker.stop() }
        expectFailure(try await Self.run(broker, ["--election-type", "preferred", "--all-topic-partitions"]), exitCode: 1,
                      containing: ["cannot elect leaders: ", "[CLUSTER_AUTHORIZATION_FAILED]"])
    }

    @Test func theTestBrokerLacksElectLeadersWhichIsOneLine() async throws {
        let result = try await kafkactl(["leader-election", "--bootstrap-server", try await brokerAddress(), "--election-type", "preferred", "--all-topic-partitions"])
        expectFailure(result, exitCode: 1, containing: ["does not support electing leaders (ElectLeaders)", "it does not offer ElectLeaders"])
    }

    @Test(arguments: [
        ([], "Missing required option(s): --election-type"),
        (["--election-type", "random", "--all-topic-partitions"], "--election-type 'random' is not an election type: use preferred or unclean"),
        (["--election-type", "preferred"], "One and only one of the following options is required: --topic, --all-topic-partitions, --path-to-json-file"),
        (["--election-type", "preferred", "--all-topic-partitions", "--topic", "t", "--partition", "0"], "One and only one of the following options is required: --topic, --all-topic-partitions, --path-to-json-file"),
        (["--election-type", "preferred", "--topic", "t"], "Missing required option(s): --partition"),
        (["--election-type", "preferred", "--all-topic-partitions", "--partition", "1"], "Option --partition is only allowed if --topic is used"),
        (["--election-type", "preferred", "--topic", "t", "--partition", "-1"], "--partition must be a partition number (0 or more), not -1"),
    ])
    func aRuleBrokenOnTheCommandLineIsOneLineAndTheHint(arguments: [String], message: String) async throws {
        let result = try await kafkactl(["leader-election", "--bootstrap-server", "127.0.0.1:1"] + arguments)
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["Error: \(message)", Self.hint])
    }

    @Test(arguments: [
        ("{\"partitions\": [", "The input string is not a valid JSON"),
        ("[1]", "expected a JSON object with \"partitions\""),
        ("{}", "Replica election data is missing \"partitions\" field"),
        ("{\"partitions\": []}", "names no partitions"),
        ("{\"partitions\": [{\"partition\": 0}]}", "partitions entry 1 needs \"topic\", a topic name"),
        ("{\"partitions\": [{\"topic\": \"t\", \"partition\": -3}]}", "partitions entry 1 needs \"partition\", a partition number"),
        ("{\"partitions\": [{\"topic\": \"t\", \"partition\": 0}, {\"topic\": \"t\", \"partition\": 0}]}", "Replica election data contains duplicate partitions: t-0"),
    ])
    func aBadFileIsOneLineBeforeAnythingIsSent(json: String, message: String) async throws {
        let file = try Self.file(json)
        defer { try? FileManager.default.removeItem(at: file) }
        expectFailure(try await kafkactl(["leader-election", "--bootstrap-server", "127.0.0.1:1", "--election-type", "preferred",
                                          "--path-to-json-file", file.path]), exitCode: 64, containing: [message])
    }

    @Test func aMissingFileIsOneLine() async throws {
        let path = "/nonexistent/\(BrokerHarness.uniqueName("le")).json"
        expectFailure(try await kafkactl(["leader-election", "--bootstrap-server", "127.0.0.1:1", "--election-type", "preferred",
                                          "--path-to-json-file", path]), exitCode: 64, message: "cannot read --path-to-json-file '\(path)'")
    }
}
