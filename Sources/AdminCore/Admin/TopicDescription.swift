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
    }

    public var name: String
    /// nil for sensitive values (and values the broker does not reveal).
    public var value: String?
    public var source: Source
    public var isReadOnly: Bool
    public var isSensitive: Bool
    public var synonyms: [Synonym] = []
}
