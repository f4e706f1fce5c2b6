/// A group consumer session's settings, read from consumer properties as Kafka's consumer reads them, so that a bad
/// one is refused before anything connects: `group.protocol` picks the member (classic JoinGroup/SyncGroup, or
/// KIP-848's heartbeat), `enable.auto.commit` and `auto.commit.interval.ms` the commits.
public struct GroupConsumerSettings: Sendable {
    let groupProtocol: GroupProtocol
    let classicMember: GroupMemberConfiguration
    let consumerMember: ConsumerProtocolConfiguration
    let autoCommit: Bool
    let autoCommitInterval: Duration

    public init(groupId: String, properties: [String: String]) throws {
        groupProtocol = try GroupProtocol(properties: properties)
        classicMember = try GroupMemberConfiguration(groupId: groupId, properties: properties)
        consumerMember = try ConsumerProtocolConfiguration(groupId: groupId, properties: properties)
        autoCommit = properties["enable.auto.commit"].map { $0.lowercased() != "false" } ?? true
        autoCommitInterval = try ClientConfiguration.milliseconds(properties, "auto.commit.interval.ms") ?? .seconds(5)
    }
}

extension GroupConsumerSettings {
    /// The member `group.protocol` picks, subscribed to `partitions`' topics.
    public func member(client: KafkaClient, partitions: [TopicPartition]) -> any ConsumerGroupMembership {
        let topics = Array(Set(partitions.map(\.topic))).sorted()
        return groupProtocol == .consumer
            ? ConsumerProtocolMember(client: client, topics: topics, configuration: consumerMember)
            : GroupMember(client: client, topics: topics, configuration: classicMember)
    }
}

extension GroupConsumerSession {
    /// A session reading `partitions`' topics in the group `settings` name, as the member `group.protocol` picks.
    public convenience init(client: KafkaClient, settings: GroupConsumerSettings, partitions: [TopicPartition],
                            consumer: ConsumerConfiguration, stopAtEnd: Bool, stopOffsets: [TopicPartition: Int64]) {
        self.init(client: client, consumer: PartitionConsumer(client: client, configuration: consumer),
                  member: settings.member(client: client, partitions: partitions),
                  autoCommit: settings.autoCommit, autoCommitInterval: settings.autoCommitInterval, stopAtEnd: stopAtEnd,
                  stopOffsets: stopOffsets)
    }
}
