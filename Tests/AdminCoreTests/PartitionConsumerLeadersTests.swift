@testable import AdminCore
import NIOCore
import Synchronization
import TestSupport
import Testing

/// Issue 17: the consumer fetches from each leader in a loop of its own, so a leader with nothing to send (its Fetch
/// held for fetch.max.wait.ms, here for ever) holds back no other. When the consumer fetched in rounds across every
/// leader, each round waited for the slowest leader: the busy leader's second record came after the quiet leader's
/// Fetch timed out (30 s here).
@Suite struct PartitionConsumerLeadersTests {
    static let topic = "two-leaders"

    /// Node 1 leads partition 0 and answers each Fetch with the one record at the offset asked; node 2 leads partition
    /// 1 and never answers a Fetch.
    final class TwoLeaders: Sendable {
        let busy: ScriptedBroker
        let quiet: ScriptedBroker
        var quietFetches: Int { quietCounter.count.withLock { $0 } }

        init() throws {
            let ports = Mutex<(Int, Int)>((0, 0))
            @Sendable func metadata(_ version: Int16) -> ScriptedBroker.Reply {
                let (busyPort, quietPort) = ports.withLock { $0 }
                let response = MetadataResponse(
                    brokers: [.init(nodeId: 1, host: "127.0.0.1", port: Int32(busyPort)),
                              .init(nodeId: 2, host: "127.0.0.1", port: Int32(quietPort))],
                    clusterId: "scripted", controllerId: 1,
                    topics: [.init(name: TwoLeaders.topicName, partitions: [
                        .init(partitionIndex: 0, leaderId: 1, leaderEpoch: 0, replicaNodes: [1], isrNodes: [1]),
                        .init(partitionIndex: 1, leaderId: 2, leaderEpoch: 0, replicaNodes: [2], isrNodes: [2]),
                    ])])
                return ScriptedBroker.reply(response, to: MetadataRequest.self, version: version)
            }
            let versions: [Int16: ClosedRange<Int16>] = [18: 0...3, 3: 0...12, 1: 10...12, 2: 4...10]
            busy = try ScriptedBroker(apiVersions: versions) { header, body in
                var body = body
                switch header.apiKey {
                case .metadata: return metadata(header.apiVersion)
                case .fetch:
                    guard let request = try? FetchRequest(from: &body, version: header.apiVersion) else { return .close }
                    let response = FetchResponse(responses: request.topics.map { topic in
                        .init(topic: topic.topic, partitions: topic.partitions.map { partition in
                            let records = (try? PartitionConsumerScriptedTests.batch(partition.fetchOffset, ["r\(partition.fetchOffset)"])) ?? []
                            return .init(partitionIndex: partition.partition, highWatermark: 1_000, lastStableOffset: 1_000,
                                         records: ByteBuffer(bytes: records))
                        })
                    })
                    return ScriptedBroker.reply(response, to: FetchRequest.self, version: header.apiVersion)
                default: return .silence
                }
            }
            let counter = Counter()
            quiet = try ScriptedBroker(apiVersions: versions) { header, _ in
                switch header.apiKey {
                case .metadata: return metadata(header.apiVersion)
                case .fetch:
                    counter.count.withLock { $0 += 1 }
                    return .silence
                default: return .silence
                }
            }
            quietCounter = counter
            let (busyPort, quietPort) = (busy.port, quiet.port)
            ports.withLock { $0 = (busyPort, quietPort) }
        }

        final class Counter: Sendable { let count = Mutex<Int>(0) }
        private let quietCounter: Counter

        static let topicName = PartitionConsumerLeadersTests.topic
    }

    @Test(.timeLimit(.minutes(1)))
    func aQuietLeaderDoesNotHoldBackABusyOne() async throws {
        let leaders = try TwoLeaders()
        defer {
            leaders.busy.stop()
            leaders.quiet.stop()
        }
        var configuration = ClientConfiguration(bootstrapServers: [BrokerAddress(leaders.busy.address)!])
        configuration.requestTimeout = .seconds(30)
        configuration.apiTimeout = .seconds(60)
        var consumerConfiguration = ConsumerConfiguration()
        consumerConfiguration.fetchMaxWait = .milliseconds(500)
        let received = Mutex<[String]>([])
        let started = ContinuousClock.now
        try await KafkaClient.withClient(configuration) { [consumerConfiguration] client in
            let consumer = PartitionConsumer(client: client, configuration: consumerConfiguration)
            let positions = [TopicPartition(Self.topic, 0): Int64(0), TopicPartition(Self.topic, 1): Int64(0)]
            try await consumer.consume(from: positions, stopAtEnd: false) { chunk in
                let values = try chunk.records().compactMap { $0.value.map { String(buffer: $0) } }
                let count = received.withLock { $0 += values; return $0.count }
                return count >= 20 ? .stop : .continue
            }
        }
        let elapsed = ContinuousClock.now - started
        #expect(received.withLock { Array($0.prefix(20)) } == (0..<20).map { "r\($0)" })
        #expect(leaders.quietFetches >= 1, "the quiet leader was asked at the same time")
        // Twenty Fetches to the busy leader, each answered at once; rounds would have waited 30 s for the second.
        #expect(elapsed < .seconds(15), "20 records from the busy leader took \(elapsed)")
    }
}
