import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `kafkactl metadata-quorum` from the built binary. The test broker is no KRaft quorum and lacks DescribeQuorum, so
/// the command is proven on a scripted broker answering as a Kafka broker does (forwarded from the controller);
/// against the test broker only that kafkactl says in one line that the API is missing.
@Suite struct MetadataQuorumCommandTests {
    static let hint = "See 'kafkactl metadata-quorum --help' for usage."
    static let d1 = KafkaUUID(mostSignificantBits: 0x0102_0304_0506_0708, leastSignificantBits: 0x090a_0b0c_0d0e_0f10)
    static let d2 = KafkaUUID(mostSignificantBits: 0x1112_1314_1516_1718, leastSignificantBits: 0x191a_1b1c_1d1e_1f20)

    /// The versions of each DescribeQuorum the scripted broker was sent, and the partitions asked about.
    final class Asked: Sendable {
        let entries = Mutex<[(version: Int16, partitions: [String])]>([])
        var all: [(version: Int16, partitions: [String])] { entries.withLock { $0 } }
    }

    typealias State = DescribeQuorumResponse.ReplicaState

    /// Leader 1 (epoch 7, high watermark 99) at offset 100, voter 2 at 90, observer 3 at 95; timestamps as given.
    static func voters(fetch2: Int64 = 1_700_000_000_400, caughtUp1: Int64 = 1_700_000_000_500, caughtUp2: Int64 = 1_700_000_000_000,
                       fetch3: Int64 = 1_700_000_000_450) -> (voters: [State], observers: [State]) {
        ([State(replicaId: 1, replicaDirectoryId: d1, logEndOffset: 100, lastFetchTimestamp: -1, lastCaughtUpTimestamp: caughtUp1),
          State(replicaId: 2, replicaDirectoryId: d2, logEndOffset: 90, lastFetchTimestamp: fetch2, lastCaughtUpTimestamp: caughtUp2)],
         [State(replicaId: 3, replicaDirectoryId: .zero, logEndOffset: 95, lastFetchTimestamp: fetch3, lastCaughtUpTimestamp: -1)])
    }

    /// A one-node cluster (id `scripted`) answering DescribeQuorum at the highest of `versions` with `replicas`
    /// (leader `leaderId`), its nodes 1 and 2 on CONTROLLER listeners, or refusing the partition with `partitionError`.
    static func broker(
        versions: ClosedRange<Int16> = 0...2, asked: Asked, leaderId: Int32 = 1,
        replicas: (voters: [State], observers: [State]) = voters(), partitionError: (ErrorCode, String?)? = nil
    ) throws -> ScriptedBroker {
        let port = Mutex(0)
        let broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 55: versions]) { header, body in
            var copy = body
            switch header.apiKey {
            case .metadata:
                return ScriptedBroker.oneNodeMetadataReply(port: port.withLock { $0 }, version: header.apiVersion)
            case .describeQuorum:
                guard let request = try? DescribeQuorumRequest(from: &copy, version: header.apiVersion) else { return .close }
                asked.entries.withLock {
                    $0.append((header.apiVersion, request.topics.flatMap { topic in topic.partitions.map { "\(topic.topicName)-\($0.partitionIndex)" } }))
                }
                var partition = DescribeQuorumResponse.PartitionData(
                    partitionIndex: 0, errorCode: 0, errorMessage: nil, leaderId: leaderId, leaderEpoch: 7, highWatermark: 99,
                    currentVoters: replicas.voters, observers: replicas.observers)
                if let (code, message) = partitionError {
                    partition.errorCode = code.rawValue
                    partition.errorMessage = message
                }
                var nodes: [DescribeQuorumResponse.Node] = [.init(nodeId: 1, listeners: [.init(name: "CONTROLLER", host: "c1", port: 9093)]),
                                                            .init(nodeId: 2, listeners: [.init(name: "CONTROLLER", host: "::1", port: 9094)])]
                if header.apiVersion < 2 {
                    // Before v2 (Kafka 3.3-3.8) a broker knows neither directory ids nor the nodes' listeners.
                    nodes = []
                    for index in partition.currentVoters.indices { partition.currentVoters[index].replicaDirectoryId = .zero }
                    for index in partition.observers.indices { partition.observers[index].replicaDirectoryId = .zero }
                }
                let response = DescribeQuorumResponse(
                    errorCode: 0, errorMessage: nil, topics: [.init(topicName: "__cluster_metadata", partitions: [partition])], nodes: nodes)
                return ScriptedBroker.reply(response, to: DescribeQuorumRequest.self, version: header.apiVersion)
            default:
                return .silence
            }
        }
        port.withLock { $0 = broker.port }
        return broker
    }

    static func run(_ broker: ScriptedBroker, _ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["metadata-quorum", "--bootstrap-server", broker.address] + arguments, timeout: .seconds(20))
    }

    @Test func theStatusIsApachesBlockWithVotersDirectoryIdsAndEndpoints() async throws {
        let asked = Asked()
        let broker = try Self.broker(asked: asked)
        defer { broker.stop() }
        let result = try await Self.run(broker, ["describe", "--status"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == """
            ClusterId:              scripted
            LeaderId:               1
            LeaderEpoch:            7
            HighWatermark:          99
            MaxFollowerLag:         10
            MaxFollowerLagTimeMs:   500
            CurrentVoters:          [{"id": 1, "directoryId": "AQIDBAUGBwgJCgsMDQ4PEA", "endpoints": ["CONTROLLER://c1:9093"]}, {"id": 2, "directoryId": "ERITFBUWFxgZGhscHR4fIA", "endpoints": ["CONTROLLER://[::1]:9094"]}]
            CurrentObservers:       [{"id": 3}]

            """)
        #expect(asked.all.map(\.version) == [2] && asked.all.first?.partitions == ["__cluster_metadata-0"])
    }

    @Test func atKafka33sV1TheVotersAreIdsAloneAndAnUnknownCatchUpTimeIsMinusOne() async throws {
        // v1 (Kafka 3.3-3.8) has neither directory ids nor nodes; the follower's caught-up time unknown gives -1.
        let asked = Asked()
        let broker = try Self.broker(versions: 0...1, asked: asked, replicas: Self.voters(caughtUp2: -1))
        defer { broker.stop() }
        let result = try await Self.run(broker, ["describe", "--status"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("MaxFollowerLagTimeMs:   -1\nCurrentVoters:          [{\"id\": 1}, {\"id\": 2}]\nCurrentObservers:       [{\"id\": 3}]\n"))
        #expect(asked.all.map(\.version) == [1])
    }

    @Test func theReplicationTableHasARowPerReplicaLeaderFirst() async throws {
        let broker = try Self.broker(asked: Asked())
        defer { broker.stop() }
        let result = try await Self.run(broker, ["describe", "--replication"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.split(separator: "\n", omittingEmptySubsequences: false) == [
            "NodeId\tDirectoryId           \tLogEndOffset\tLag\tLastFetchTimestamp\tLastCaughtUpTimestamp\tStatus  \t",
            "1     \tAQIDBAUGBwgJCgsMDQ4PEA\t100         \t0  \t-1                \t1700000000500        \tLeader  \t",
            "2     \tERITFBUWFxgZGhscHR4fIA\t90          \t10 \t1700000000400     \t1700000000000        \tFollower\t",
            "3     \tAAAAAAAAAAAAAAAAAAAAAA\t95          \t5  \t1700000000450     \t-1                   \tObserver\t",
            "",
        ])
    }

    @Test func humanReadableTimesAreMillisecondsAgoAndAFutureOneIsRefusedInOneLine() async throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let broker = try Self.broker(asked: Asked(), replicas: Self.voters(fetch2: now - 60_000, caughtUp1: now - 1_000, caughtUp2: now - 120_000, fetch3: now - 30_000))
        defer { broker.stop() }
        let result = try await Self.run(broker, ["describe", "--replication", "--human-readable"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) } }
        let ago = { (cell: String) -> Int64? in cell.hasSuffix(" ms ago") ? Int64(cell.dropLast(" ms ago".count)) : nil }
        // The run takes well under 20 s, so each age is its offset from `now` plus less than that.
        let within = { (cell: String, age: Int64) in ago(cell).map { $0 >= age && $0 < age + 20_000 } ?? false }
        #expect(rows.count == 4 && rows[1][4] == "-1" && within(rows[1][5], 1_000), "\(rows)")
        #expect(within(rows[2][4], 60_000) && within(rows[2][5], 120_000) && within(rows[3][4], 30_000) && rows[3][5] == "-1", "\(rows)")

        let future = try Self.broker(asked: Asked(), replicas: Self.voters(fetch2: now + 3_600_000))
        defer { future.stop() }
        expectFailure(try await Self.run(future, ["describe", "--replication", "--human-readable"]), exitCode: 1,
                      containing: ["Error while computing relative time, possible drift in system clock.", "last fetch timestamp is \(now + 3_600_000)"])
    }

    @Test func jsonGivesBothViewsAsOneDocument() async throws {
        let broker = try Self.broker(asked: Asked())
        defer { broker.stop() }
        let status = try await Self.run(broker, ["describe", "--status", "--output", "json"])
        #expect(status.exitCode == 0, "stderr: \(status.stderr)")
        #expect(status.stdout == #"{"clusterId":"scripted","leaderId":1,"leaderEpoch":7,"highWatermark":99,"maxFollowerLag":10,"maxFollowerLagTimeMs":500,"currentVoters":[{"id":1,"directoryId":"AQIDBAUGBwgJCgsMDQ4PEA","endpoints":["CONTROLLER://c1:9093"]},{"id":2,"directoryId":"ERITFBUWFxgZGhscHR4fIA","endpoints":["CONTROLLER://[::1]:9094"]}],"currentObservers":[{"id":3,"directoryId":null,"endpoints":[]}]}"# + "\n")
        let replication = try await Self.run(broker, ["describe", "--replication", "--output", "json"])
        #expect(replication.exitCode == 0, "stderr: \(replication.stderr)")
        #expect(replication.stdout == #"{"replicas":[{"nodeId":1,"directoryId":"AQIDBAUGBwgJCgsMDQ4PEA","logEndOffset":100,"lag":0,"lastFetchTimestamp":null,"lastCaughtUpTimestamp":1700000000500,"status":"Leader"},{"nodeId":2,"directoryId":"ERITFBUWFxgZGhscHR4fIA","logEndOffset":90,"lag":10,"lastFetchTimestamp":1700000000400,"lastCaughtUpTimestamp":1700000000000,"status":"Follower"},{"nodeId":3,"directoryId":null,"logEndOffset":95,"lag":5,"lastFetchTimestamp":1700000000450,"lastCaughtUpTimestamp":null,"status":"Observer"}]}"# + "\n")
    }

    @Test func aRefusedPartitionIsOneLineWithTheBrokersReason() async throws {
        let broker = try Self.broker(asked: Asked(), partitionError: (.notLeaderOrFollower, "no leader"))
        defer { broker.stop() }
        expectFailure(try await Self.run(broker, ["describe", "--status"]), exitCode: 1,
                      message: "cannot describe the metadata quorum: no leader [NOT_LEADER_OR_FOLLOWER]")
    }

    @Test func aQuorumWithoutALeaderIsOneLine() async throws {
        let broker = try Self.broker(asked: Asked(), leaderId: -1)
        defer { broker.stop() }
        for view in ["--status", "--replication"] {
            expectFailure(try await Self.run(broker, ["describe", view]), exitCode: 1,
                          containing: ["the metadata quorum has no leader among its voters (leader id -1, epoch 7)"])
        }
    }

    @Test func theTestBrokerLacksDescribeQuorumWhichIsOneLine() async throws {
        let result = try await kafkactl(["metadata-quorum", "--bootstrap-server", try await brokerAddress(), "describe", "--replication"])
        expectFailure(result, exitCode: 1, containing: ["does not support describing the metadata quorum (DescribeQuorum)", "it does not offer DescribeQuorum"])
    }

    @Test(arguments: [
        (["--status"], "Missing command: describe (with --status or --replication)"),
        (["add-controller"], "'add-controller' is not a metadata-quorum command kafkactl has: use describe (add-controller and remove-controller are not supported)"),
        (["describe"], "One of --status or --replication must be specified with describe sub-command"),
        (["describe", "--status", "--replication"], "Only one of --status or --replication should be specified with describe sub-command"),
        (["describe", "--status", "--human-readable"], "The option --human-readable is only supported along with --replication"),
        (["describe", "--replication", "--human-readable", "--output", "json"], "--human-readable is for the text table; --output json gives the times as epoch milliseconds"),
    ])
    func aRuleBrokenOnTheCommandLineIsOneLineAndTheHint(arguments: [String], message: String) async throws {
        let result = try await kafkactl(["metadata-quorum", "--bootstrap-server", "127.0.0.1:1"] + arguments)
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["Error: \(message)", Self.hint])
    }
}
