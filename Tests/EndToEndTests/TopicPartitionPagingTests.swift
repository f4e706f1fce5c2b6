import AdminCore
import Foundation
import NIOCore
import TestSupport
import Testing

/// Issue 18, item 9: `topics --describe --partition-size-limit-per-response N` pages through DescribeTopicPartitions
/// (Kafka 3.8+, KIP-966) as kafka-topics.sh does: at most N partitions per answer, each next request carrying the
/// cursor the last answer gave, and the eligible leader replicas shown.
@Suite struct TopicPartitionPagingTests {
    /// A broker with topic `orders` of 5 partitions that answers DescribeTopicPartitions a page at a time, as Kafka
    /// does (a cursor while partitions are left), and logs each request's limit and cursor. With `stuck`, it
    /// answers every page with the same cursor.
    final class PagingBroker: Sendable {
        let scripted: ScriptedBroker
        private let log = BeyondRecorded<String>()
        var pages: [String] { log.all }

        init(stuck: Bool = false) throws {
            let log = self.log
            scripted = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 32: 0...4, 75: 0...0]) { header, body in
                var body = body
                switch header.apiKey {
                case .apiVersions:
                    return .silence  // answered by the scripted broker from `apiVersions`
                case .metadata:
                    // Selecting topics by name lists them first.
                    let topic = MetadataResponse.MetadataResponseTopic(
                        name: "orders", partitions: (0..<5).map { .init(partitionIndex: $0, leaderId: 1, replicaNodes: [1, 2, 3], isrNodes: [1, 2]) })
                    return ScriptedBroker.reply(MetadataResponse(brokers: [], clusterId: "c", controllerId: -1, topics: [topic]),
                                                to: MetadataRequest.self, version: header.apiVersion)
                case .describeConfigs:
                    let response = DescribeConfigsResponse(results: [.init(resourceType: 2, resourceName: "orders", configs: [])])
                    return ScriptedBroker.reply(response, to: DescribeConfigsRequest.self, version: header.apiVersion)
                case .describeTopicPartitions:
                    guard let request = try? DescribeTopicPartitionsRequest(from: &body, version: header.apiVersion) else { return .close }
                    let start = request.cursor.map { Int($0.partitionIndex) } ?? 0
                    log.append("limit \(request.responsePartitionLimit) cursor \(request.cursor.map { "\($0.topicName)-\($0.partitionIndex)" } ?? "null")")
                    let end = min(5, start + Int(request.responsePartitionLimit))
                    let partitions = (start..<end).map { index in
                        DescribeTopicPartitionsResponse.DescribeTopicPartitionsResponsePartition(
                            partitionIndex: Int32(index), leaderId: 1, replicaNodes: [1, 2, 3], isrNodes: [1, 2],
                            eligibleLeaderReplicas: [3], lastKnownElr: [], offlineReplicas: [])
                    }
                    let next: DescribeTopicPartitionsResponse.Cursor? = stuck
                        ? .init(topicName: "orders", partitionIndex: 1)
                        : (end < 5 ? .init(topicName: "orders", partitionIndex: Int32(end)) : nil)
                    let response = DescribeTopicPartitionsResponse(
                        topics: [.init(name: "orders", topicId: KafkaUUID(mostSignificantBits: 7, leastSignificantBits: 9), partitions: partitions)],
                        nextCursor: next)
                    return ScriptedBroker.reply(response, to: DescribeTopicPartitionsRequest.self, version: header.apiVersion)
                default:
                    return .close
                }
            }
        }
    }

    @Test func twoPartitionsPerAnswerTakeThreeRequestsWithTheCursorsTheBrokerGave() async throws {
        let broker = try PagingBroker()
        defer { broker.scripted.stop() }
        let result = try await kafkactl(["topics", "--bootstrap-server", broker.scripted.address, "--describe", "--topic", "orders",
                                         "--partition-size-limit-per-response", "2"], timeout: .seconds(20))
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(broker.pages == ["limit 2 cursor null", "limit 2 cursor orders-2", "limit 2 cursor orders-4"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines.first?.hasPrefix("Topic: orders\tTopicId: ") == true && lines.first?.contains("\tPartitionCount: 5\tReplicationFactor: 3\t") == true)
        #expect(Array(lines.dropFirst()) == (0..<5).map { "\tTopic: orders\tPartition: \($0)\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2\tElr: 3\tLastKnownElr: " })
    }

    @Test func aCursorThatDoesNotMoveOnIsReportedNotFollowedForEver() async throws {
        let broker = try PagingBroker(stuck: true)
        defer { broker.scripted.stop() }
        let result = try await kafkactl(["topics", "--bootstrap-server", broker.scripted.address, "--describe", "--topic", "orders",
                                         "--partition-size-limit-per-response", "2"], timeout: .seconds(20))
        expectFailure(result, exitCode: 1, message: "the broker's DescribeTopicPartitions paging did not move on (cursor orders-1 twice)")
        #expect(broker.pages.count == 2)
    }

    @Test func theTestBrokerAnswersThePagesWithTheSamePartitionsAsMetadata() async throws {
        let topic = BrokerHarness.uniqueName("e2e-paging")
        try await createTopic(topic, partitions: 5)
        try await withTopics(topic) {
            let bootstrap = try BrokerHarness.bootstrap()
            let paged = try await kafkactl(["topics", "--bootstrap-server", bootstrap, "--describe", "--topic", topic, "--partition-size-limit-per-response", "2"])
            let plain = try await kafkactl(["topics", "--bootstrap-server", bootstrap, "--describe", "--topic", topic])
            #expect(paged.exitCode == 0, "stderr: \(paged.stderr)")
            // The same table; only the ELR columns differ, which Metadata cannot fill (N/A).
            let strip = { (text: String) in text.replacingOccurrences(of: "\tElr: N/A\tLastKnownElr: N/A", with: "").replacingOccurrences(of: "\tElr: \tLastKnownElr: ", with: "") }
            #expect(strip(paged.stdout) == strip(plain.stdout))
            #expect(paged.stdout.split(separator: "\n").count == 6)
            let refused = try await kafkactl(["topics", "--bootstrap-server", bootstrap, "--list", "--partition-size-limit-per-response", "2"])
            expectFailure(refused, exitCode: 64, message: "Option \"[partition-size-limit-per-response]\" can't be used with option \"[list]\"", usageHint: true)
        }
    }
}
