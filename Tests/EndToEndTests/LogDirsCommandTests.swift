import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `kafkactl log-dirs` from the built binary. The test broker lacks DescribeLogDirs, so the command is proven on a
/// scripted two-node cluster (each node answers for its own disks, as Kafka's brokers do); against the test broker
/// only that kafkactl says in one line that the API is missing.
@Suite struct LogDirsCommandTests {
    static let hint = "See 'kafkactl log-dirs --help' for usage."

    /// Two scripted brokers, nodes 1 and 2, each listing both in Metadata; node N answers DescribeLogDirs with
    /// `dirs(N, version)` and records which node was asked at which version.
    final class Asked: Sendable {
        let entries = Mutex<[(node: Int32, version: Int16, allTopics: Bool)]>([])
    }

    final class Cluster: Sendable {
        let nodes: [ScriptedBroker]
        let asked = Asked()

        init(versions: ClosedRange<Int16> = 1...5,
             dirs: @escaping @Sendable (Int32, Int16) -> DescribeLogDirsResponse) throws {
            let ports = Mutex<[Int32: Int]>([:])
            let asked = self.asked
            func node(_ id: Int32) throws -> ScriptedBroker {
                try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 35: versions]) { header, body in
                    var copy = body
                    switch header.apiKey {
                    case .metadata:
                        let known = ports.withLock { $0 }
                        let response = MetadataResponse(
                            brokers: known.keys.sorted().map { .init(nodeId: $0, host: "127.0.0.1", port: Int32(known[$0]!)) },
                            clusterId: "scripted", controllerId: 1,
                            topics: [])
                        return ScriptedBroker.reply(response, to: MetadataRequest.self, version: header.apiVersion)
                    case .describeLogDirs:
                        guard let request = try? DescribeLogDirsRequest(from: &copy, version: header.apiVersion) else { return .close }
                        asked.entries.withLock { $0.append((id, header.apiVersion, request.topics == nil)) }
                        return ScriptedBroker.reply(dirs(id, header.apiVersion), to: DescribeLogDirsRequest.self, version: header.apiVersion)
                    default:
                        return .silence
                    }
                }
            }
            nodes = [try node(1), try node(2)]
            ports.withLock { $0 = [1: nodes[0].port, 2: nodes[1].port] }
        }

        func stop() { nodes.forEach { $0.stop() } }
        var askedNodes: [Int32] { asked.entries.withLock { $0.map(\.node).sorted() } }
    }

    /// Node 1: /data/1 with orders-0 (100 bytes) and payments-1 (7 bytes) and a future copy of orders-2 moving in;
    /// node 2: /data/2 with orders-1, and /data/bad offline.
    static func dirs(_ node: Int32, _ version: Int16) -> DescribeLogDirsResponse {
        typealias Result = DescribeLogDirsResponse.DescribeLogDirsResult
        let partition = { (index: Int32, size: Int64, lag: Int64, future: Bool) in
            DescribeLogDirsResponse.DescribeLogDirsPartition(
                partitionIndex: index, partitionSize: size, offsetLag: lag, isFutureKey: future)
        }
        if node == 1 {
            return DescribeLogDirsResponse(results: [Result(errorCode: 0, logDir: "/data/1", topics: [
                .init(name: "payments", partitions: [partition(1, 7, 0, false)]),
                .init(name: "orders", partitions: [partition(2, 50, 25, true), partition(0, 100, 0, false)]),
            ])])
        }
        return DescribeLogDirsResponse(results: [
            Result(errorCode: ErrorCode.kafkaStorageError.rawValue, logDir: "/data/bad", topics: []),
            Result(errorCode: 0, logDir: "/data/2", topics: [.init(name: "orders", partitions: [partition(1, 3, 0, false)])]),
        ])
    }

    static func run(_ cluster: Cluster, _ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["log-dirs", "--bootstrap-server", cluster.nodes[0].address] + arguments, timeout: .seconds(20))
    }

    @Test(arguments: [1...1, 1...5] as [ClosedRange<Int16>])
    func everyBrokerIsAskedForItsOwnDirectoriesAndApachesLinesAndDocumentArePrinted(versions: ClosedRange<Int16>) async throws {
        // 1...1 is Kafka 2.1's range; 1...5 Kafka 4.3's, where kafkactl sends v5 (flexible).
        let cluster = try Cluster(versions: versions, dirs: Self.dirs)
        defer { cluster.stop() }
        let result = try await Self.run(cluster, ["--describe"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == """
            Querying brokers for log directories information
            Received log directory information from brokers 1,2
            {"version":1,"brokers":[{"broker":1,"logDirs":[{"logDir":"/data/1","error":null,"partitions":[\
            {"partition":"orders-0","size":100,"offsetLag":0,"isFuture":false},{"partition":"orders-2","size":50,"offsetLag":25,"isFuture":true},\
            {"partition":"payments-1","size":7,"offsetLag":0,"isFuture":false}]}]},{"broker":2,"logDirs":[{"logDir":"/data/2","error":null,\
            "partitions":[{"partition":"orders-1","size":3,"offsetLag":0,"isFuture":false}]},{"logDir":"/data/bad",\
            "error":"org.apache.kafka.common.errors.KafkaStorageException","partitions":[]}]}]}

            """)
        #expect(cluster.askedNodes == [1, 2], "each broker once, at its own address")
        #expect(cluster.asked.entries.withLock { $0.allSatisfy { $0.version == versions.upperBound && $0.allTopics } })
    }

    @Test func theBrokerAndTopicListsNarrowWhatIsAskedAndShownAndJSONIsTheDocumentAlone() async throws {
        let cluster = try Cluster(dirs: Self.dirs)
        defer { cluster.stop() }
        let result = try await Self.run(cluster, ["--describe", "--broker-list", "1", "--topic-list", "payments,,", "--output", "json"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == """
            {"version":1,"brokers":[{"broker":1,"logDirs":[{"logDir":"/data/1","error":null,"partitions":[{"partition":"payments-1","size":7,"offsetLag":0,"isFuture":false}]}]}]}\n
            """)
        #expect(cluster.askedNodes == [1], "only the broker named")
    }

    @Test func theTableHasARowPerReplicaAndOnePerDirectoryWithoutAny() async throws {
        let cluster = try Cluster(dirs: Self.dirs)
        defer { cluster.stop() }
        let result = try await Self.run(cluster, ["--describe", "--output", "table"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == """
            BROKER LOG-DIR   PARTITION  SIZE OFFSET-LAG FUTURE ERROR
            1      /data/1   orders-0   100  0          no     -
            1      /data/1   orders-2   50   25         yes    -
            1      /data/1   payments-1 7    0          no     -
            2      /data/2   orders-1   3    0          no     -
            2      /data/bad -          -    -          -      KAFKA_STORAGE_ERROR

            """)
        let narrowed = try await Self.run(cluster, ["--describe", "--output", "table", "--broker-list", "1", "--topic-list", "nothing"])
        #expect(narrowed.stdout == "BROKER LOG-DIR PARTITION SIZE OFFSET-LAG FUTURE ERROR\n1      /data/1 -         -    -          -      -\n",
                "stdout: \(narrowed.stdout)")
    }

    @Test func aBrokerNotInTheClusterIsNamedWithTheOnesThatAre() async throws {
        let cluster = try Cluster(dirs: Self.dirs)
        defer { cluster.stop() }
        expectFailure(try await Self.run(cluster, ["--describe", "--broker-list", "2,7,9"]), exitCode: 1,
                      message: "The given brokers do not exist from --broker-list: 7,9. Current existent brokers: 1,2")
        #expect(cluster.askedNodes.isEmpty, "nothing is asked when a broker is unknown")
    }

    @Test func aBrokerThatRefusesIsOneLine() async throws {
        let cluster = try Cluster(versions: 3...5) { node, _ in
            node == 2 ? DescribeLogDirsResponse(errorCode: ErrorCode.clusterAuthorizationFailed.rawValue, results: []) : Self.dirs(node, 3)
        }
        defer { cluster.stop() }
        let result = try await Self.run(cluster, ["--describe"])
        #expect(result.exitCode == 1)
        #expect(result.stdout == "Querying brokers for log directories information\n")
        #expect(result.stderrLines.count == 1 && result.stderrLines.first?.hasPrefix("Error: cannot describe the log directories of broker 2: ") == true
                && result.stderrLines.first?.hasSuffix("[CLUSTER_AUTHORIZATION_FAILED]") == true, "stderr: \(result.stderr)")
    }

    @Test func theTestBrokerLacksDescribeLogDirsWhichIsOneLine() async throws {
        let result = try await kafkactl(["log-dirs", "--bootstrap-server", try await brokerAddress(), "--describe", "--output", "json"])
        expectFailure(result, exitCode: 1, containing: ["does not support describing log directories (DescribeLogDirs)", "it does not offer DescribeLogDirs"])
    }

    @Test(arguments: [
        ([], "Missing required argument: --describe"),
        (["--describe", "--broker-list", "1,x"], "--broker-list '1,x': 'x' is not a broker id (give ids like 0,1,2)"),
        (["--describe", "--broker-list", "-1"], "--broker-list '-1': '-1' is not a broker id (give ids like 0,1,2)"),
        (["--describe", "--output", "yaml"], "The value 'yaml' is invalid for '--output <output>'. Please provide one of 'text', 'json' or 'table'."),
    ])
    func aRuleBrokenOnTheCommandLineIsOneLineAndTheHint(arguments: [String], message: String) async throws {
        let result = try await kafkactl(["log-dirs", "--bootstrap-server", "127.0.0.1:1"] + arguments)
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["Error: \(message)", Self.hint])
    }
}
