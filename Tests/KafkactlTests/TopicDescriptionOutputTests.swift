import AdminCore
import Testing

@testable import kafkactl

/// `topics --describe` and `--list`, rendered without a broker or the binary; and which partitions the health
/// reports keep.
@Suite struct TopicDescriptionOutputTests {
    /// Partition 0 is healthy (3 replicas in sync), 1 has one replica out of the ISR, 2 has no leader.
    static let orders = TopicDescription(
        name: "orders", topicId: KafkaUUID(mostSignificantBits: 1, leastSignificantBits: 2), isInternal: false,
        partitions: [.init(partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3]),
                     .init(partition: 1, leader: 2, replicas: [2, 3, 1], isr: [2, 3]),
                     .init(partition: 2, leader: nil, replicas: [3, 1, 2], isr: [], offlineReplicas: [3], elr: [1], lastKnownElr: [])],
        configs: [ConfigEntry(name: "retention.ms", value: "1000", source: .topicConfig)], minInsyncReplicas: 2)
    static let plain = TopicDescription(
        name: "plain", topicId: .zero, isInternal: false, partitions: [.init(partition: 0, leader: 1, replicas: [1], isr: [1])],
        configs: [], minInsyncReplicas: 1)

    static func shown(_ topic: TopicDescription, _ report: PartitionReport = []) -> TopicDescriptionOutput.Shown {
        .init(topic: topic, partitions: topic.partitions(in: report, liveBrokers: [1, 2, 3]))
    }

    @Test func fullLayoutIsKafkasSummaryThenTabLedPartitionLines() {
        let lines = TopicDescriptionOutput(topics: [Self.shown(Self.orders), Self.shown(Self.plain)], layout: .full).lines()
        #expect(lines == [
            "Topic: orders\tTopicId: AAAAAAAAAAEAAAAAAAAAAg\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: retention.ms=1000",
            "\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\tElr: N/A\tLastKnownElr: N/A",
            "\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3\tElr: N/A\tLastKnownElr: N/A",
            "\tTopic: orders\tPartition: 2\tLeader: none\tReplicas: 3,1,2\tIsr: \tOffline: 3\tElr: 1\tLastKnownElr: ",
            "Topic: plain\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: ",
            "\tTopic: plain\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: N/A\tLastKnownElr: N/A",
        ])
    }

    @Test func reportsLeaveTheSummaryOutAndOverridesLeaveThePartitionsOut() {
        let report = TopicDescriptionOutput(topics: [Self.shown(Self.orders, .underReplicated)], layout: .partitionsOnly).lines()
        #expect(report.count == 2 && report.allSatisfy { $0.hasPrefix("\tTopic: orders\tPartition: ") })
        let overrides = TopicDescriptionOutput(topics: [Self.shown(Self.orders)], layout: .summaryOnly)
        #expect(overrides.lines().count == 1 && overrides.lines()[0].hasPrefix("Topic: orders\t"))
        #expect(overrides.json().serialized().contains(#""partitions":[]"#))
    }

    @Test func jsonHasEveryTopicWithItsShownPartitions() {
        let json = TopicDescriptionOutput(topics: [Self.shown(Self.plain)], layout: .full).json().serialized()
        #expect(json == #"{"topics":[{"name":"plain","topicId":null,"internal":false,"partitionCount":1,"replicationFactor":1,"configs":{},"partitions":[{"partition":0,"leader":1,"replicas":[1],"isr":[1],"offlineReplicas":[]}]}]}"#)
    }

    @Test func healthReportsKeepThePartitionsMatchingAnyCondition() {
        let partitions = { (report: PartitionReport, live: Set<Int32>) in
            Self.orders.partitions(in: report, liveBrokers: live).map(\.partition)
        }
        #expect(partitions([], [1, 2, 3]) == [0, 1, 2])
        #expect(partitions(.underReplicated, [1, 2, 3]) == [1, 2])
        #expect(partitions(.underMinIsr, [1, 2, 3]) == [2], "min.insync.replicas is 2: partition 1 has 2 in sync, 2 has no leader")
        #expect(partitions(.atMinIsr, [1, 2, 3]) == [1])
        #expect(partitions(.unavailable, [1, 3]) == [1, 2], "leader 2 is not live, partition 2 has none")
        #expect(partitions([.atMinIsr, .unavailable], [1, 2, 3]) == [1, 2])
    }

    @Test func listIsANamePerLineAnEmptyLineForNoneOrJSON() {
        let topics = TopicListOutput([.init(name: "__consumer_offsets", isInternal: true), .init(name: "orders", isInternal: false)])
        #expect(topics.lines() == ["__consumer_offsets", "orders"])
        #expect(TopicListOutput([TopicListOutput.Listed]()).lines() == [""])
        #expect(topics.json().serialized() == #"{"topics":[{"name":"__consumer_offsets","internal":true},{"name":"orders","internal":false}]}"#)
    }
}
