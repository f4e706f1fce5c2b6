/// A topic as `topics --describe` shows it.
public struct TopicDescription: Sendable, Hashable {
    public struct Partition: Sendable, Hashable {
        public var partition: Int32
        /// nil when the partition has no leader.
        public var leader: Int32?
        public var replicas: [Int32]
        public var isr: [Int32]
        public var offlineReplicas: [Int32]
        /// Eligible leader replicas (KIP-966); nil when the answer did not say (Metadata has no such field).
        public var elr: [Int32]? = nil
        public var lastKnownElr: [Int32]? = nil

        public init(partition: Int32, leader: Int32?, replicas: [Int32], isr: [Int32], offlineReplicas: [Int32] = [],
                    elr: [Int32]? = nil, lastKnownElr: [Int32]? = nil) {
            self.partition = partition
            self.leader = leader
            self.replicas = replicas
            self.isr = isr
            self.offlineReplicas = offlineReplicas
            self.elr = elr
            self.lastKnownElr = lastKnownElr
        }
    }

    public var name: String
    public var topicId: KafkaUUID
    public var isInternal: Bool
    public var partitions: [Partition]
    /// The topic's configs that are not defaults (what Kafka's tool prints after `Configs:`), in broker order.
    public var configs: [ConfigEntry]

    /// Kafka's tool reports the replica count of partition 0.
    public var replicationFactor: Int { partitions.first?.replicas.count ?? 0 }

    /// The `min.insync.replicas` in force for the topic (its own, the broker's, or Kafka's default of 1).
    public var minInsyncReplicas: Int

    public init(name: String, topicId: KafkaUUID, isInternal: Bool, partitions: [Partition], configs: [ConfigEntry],
                minInsyncReplicas: Int) {
        self.name = name
        self.topicId = topicId
        self.isInternal = isInternal
        self.partitions = partitions
        self.configs = configs
        self.minInsyncReplicas = minInsyncReplicas
    }

    /// The partitions a health report keeps (kafka-topics.sh's `--under-replicated-partitions` and its kin): those
    /// matching any of `report`'s conditions, or all of them when `report` is empty. `liveBrokers` decides which
    /// leaders are available.
    public func partitions(in report: PartitionReport, liveBrokers: Set<Int32>) -> [Partition] {
        guard !report.isEmpty else { return partitions }
        return partitions.filter { partition in
            (report.contains(.underReplicated) && partition.isr.count < partition.replicas.count)
                || (report.contains(.underMinIsr) && (partition.isr.count < minInsyncReplicas || partition.leader == nil))
                || (report.contains(.atMinIsr) && partition.isr.count == minInsyncReplicas)
                || (report.contains(.unavailable) && (partition.leader.map { !liveBrokers.contains($0) } ?? true))
        }
    }
}

/// The partition conditions `topics --describe` can report on.
public struct PartitionReport: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The ISR is smaller than the replica list.
    public static let underReplicated = PartitionReport(rawValue: 1 << 0)
    /// The ISR is smaller than `min.insync.replicas`, or there is no leader.
    public static let underMinIsr = PartitionReport(rawValue: 1 << 1)
    /// The ISR is exactly `min.insync.replicas`.
    public static let atMinIsr = PartitionReport(rawValue: 1 << 2)
    /// The leader is missing or not a live broker.
    public static let unavailable = PartitionReport(rawValue: 1 << 3)
}

/// One configuration entry as DescribeConfigs reports it.
public struct ConfigEntry: Sendable, Hashable {
    public enum Source: Int8, Sendable, Hashable {
        case unknown = 0, topicConfig = 1, dynamicBrokerConfig = 2, dynamicDefaultBrokerConfig = 3,
            staticBrokerConfig = 4, defaultConfig = 5, dynamicBrokerLoggerConfig = 6, clientMetricsConfig = 7,
            groupConfig = 8

        /// Kafka's name, as `kafka-configs.sh` prints it.
        public var name: String {
            switch self {
            case .unknown: return "UNKNOWN"
            case .topicConfig: return "DYNAMIC_TOPIC_CONFIG"
            case .dynamicBrokerConfig: return "DYNAMIC_BROKER_CONFIG"
            case .dynamicDefaultBrokerConfig: return "DYNAMIC_DEFAULT_BROKER_CONFIG"
            case .staticBrokerConfig: return "STATIC_BROKER_CONFIG"
            case .defaultConfig: return "DEFAULT_CONFIG"
            case .dynamicBrokerLoggerConfig: return "DYNAMIC_BROKER_LOGGER_CONFIG"
            case .clientMetricsConfig: return "DYNAMIC_CLIENT_METRICS_CONFIG"
            case .groupConfig: return "DYNAMIC_GROUP_CONFIG"
            }
        }
    }

    /// One link of the override chain (`DYNAMIC_TOPIC_CONFIG:retention.ms=1`, then the broker's, then the default).
    public struct Synonym: Sendable, Hashable {
        public var name: String
        public var value: String?
        public var source: Source

        public init(name: String, value: String?, source: Source) {
            self.name = name
            self.value = value
            self.source = source
        }
    }

    public var name: String
    /// nil for sensitive values (and values the broker does not reveal).
    public var value: String?
    public var source: Source
    public var isReadOnly: Bool
    public var isSensitive: Bool
    public var synonyms: [Synonym] = []

    public init(name: String, value: String?, source: Source, isReadOnly: Bool = false, isSensitive: Bool = false,
                synonyms: [Synonym] = []) {
        self.name = name
        self.value = value
        self.source = source
        self.isReadOnly = isReadOnly
        self.isSensitive = isSensitive
        self.synonyms = synonyms
    }
}
