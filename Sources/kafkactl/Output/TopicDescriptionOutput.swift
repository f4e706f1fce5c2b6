import AdminCore

/// `topics --describe` as kafka-topics.sh prints it (a summary line per topic, a TAB-led line per partition) or as
/// JSON, from the described topics and the partitions chosen to show of each.
struct TopicDescriptionOutput {
    struct Shown {
        let topic: TopicDescription
        let partitions: [TopicDescription.Partition]
    }

    enum Layout {
        /// Summary and partition lines.
        case full
        /// A partition report (`--under-replicated-partitions` and its kin): Kafka's tool leaves the summary out.
        case partitionsOnly
        /// `--topics-with-overrides`: the summary alone, partitions left out of the JSON too.
        case summaryOnly
    }

    let topics: [Shown]
    let layout: Layout

    func lines() -> [String] {
        topics.flatMap { shown -> [String] in
            switch layout {
            case .full: return [Self.summaryLine(shown.topic)] + shown.partitions.map { Self.partitionLine(shown.topic, $0) }
            case .partitionsOnly: return shown.partitions.map { Self.partitionLine(shown.topic, $0) }
            case .summaryOnly: return [Self.summaryLine(shown.topic)]
            }
        }
    }

    func json() -> JSON {
        .object([("topics", .array(topics.map { Self.json($0.topic, partitions: layout == .summaryOnly ? [] : $0.partitions) }))])
    }

    static func summaryLine(_ topic: TopicDescription) -> String {
        var fields = ["Topic: \(topic.name)"]
        if !topic.topicId.isZero { fields.append("TopicId: \(topic.topicId)") }
        fields.append("PartitionCount: \(topic.partitions.count)")
        fields.append("ReplicationFactor: \(topic.replicationFactor)")
        fields.append("Configs: " + topic.configs.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: ","))
        return fields.joined(separator: "\t")
    }

    /// The partition line. Without ELR data (described through Metadata) Kafka's tool prints `N/A`.
    static func partitionLine(_ topic: TopicDescription, _ partition: TopicDescription.Partition) -> String {
        let ids = { (list: [Int32]) in list.map(String.init).joined(separator: ",") }
        var fields = [
            "", "Topic: \(topic.name)", "Partition: \(partition.partition)",
            "Leader: \(partition.leader.map(String.init) ?? "none")", "Replicas: \(ids(partition.replicas))",
            "Isr: \(ids(partition.isr))",
        ]
        if !partition.offlineReplicas.isEmpty { fields.append("Offline: \(ids(partition.offlineReplicas))") }
        fields.append("Elr: \(partition.elr.map(ids) ?? "N/A")")
        fields.append("LastKnownElr: \(partition.lastKnownElr.map(ids) ?? "N/A")")
        return fields.joined(separator: "\t")
    }

    static func json(_ topic: TopicDescription, partitions: [TopicDescription.Partition]) -> JSON {
        .object([
            ("name", .string(topic.name)),
            ("topicId", topic.topicId.isZero ? .null : .string(topic.topicId.description)),
            ("internal", .bool(topic.isInternal)),
            ("partitionCount", .int(topic.partitions.count)),
            ("replicationFactor", .int(topic.replicationFactor)),
            ("configs", .object(topic.configs.map { ($0.name, JSON.optional($0.value)) })),
            ("partitions", .array(partitions.map { partition in
                .object([
                    ("partition", .int(partition.partition)),
                    ("leader", partition.leader.map { JSON.int($0) } ?? .null),
                    ("replicas", .array(partition.replicas.map { JSON.int($0) })),
                    ("isr", .array(partition.isr.map { JSON.int($0) })),
                    ("offlineReplicas", .array(partition.offlineReplicas.map { JSON.int($0) })),
                ])
            })),
        ])
    }
}
