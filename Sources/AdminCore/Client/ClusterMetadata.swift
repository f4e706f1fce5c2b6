/// What Metadata says about the cluster, in Swift terms.
public struct ClusterMetadata: Sendable, Hashable {
    public struct Broker: Sendable, Hashable {
        public var nodeId: Int32
        public var address: BrokerAddress
        public var rack: String?

        public init(nodeId: Int32, address: BrokerAddress, rack: String?) {
            self.nodeId = nodeId
            self.address = address
            self.rack = rack
        }
    }

    public struct Partition: Sendable, Hashable {
        public var partition: Int32
        /// -1 when the partition has no leader.
        public var leader: Int32
        public var leaderEpoch: Int32
        public var replicas: [Int32]
        public var isr: [Int32]
        public var offlineReplicas: [Int32]
        public var error: ErrorCode
    }

    public struct Topic: Sendable, Hashable {
        public var name: String
        public var topicId: KafkaUUID
        public var isInternal: Bool
        public var error: ErrorCode
        /// Sorted by partition number.
        public var partitions: [Partition]
    }

    public var clusterId: String?
    public var controllerId: Int32
    public var brokers: [Int32: Broker]
    public var topics: [String: Topic]

    init(_ response: MetadataResponse) {
        clusterId = response.clusterId
        controllerId = response.controllerId
        brokers = Dictionary(uniqueKeysWithValues: response.brokers.map {
            ($0.nodeId, Broker(nodeId: $0.nodeId, address: BrokerAddress(host: $0.host, port: Int($0.port)), rack: $0.rack))
        })
        var topics: [String: Topic] = [:]
        for topic in response.topics {
            guard let name = topic.name else { continue }
            let partitions = topic.partitions.map {
                Partition(partition: $0.partitionIndex, leader: $0.leaderId, leaderEpoch: $0.leaderEpoch,
                          replicas: $0.replicaNodes, isr: $0.isrNodes, offlineReplicas: $0.offlineReplicas,
                          error: ErrorCode(rawValue: $0.errorCode))
            }.sorted { $0.partition < $1.partition }
            topics[name] = Topic(name: name, topicId: topic.topicId, isInternal: topic.isInternal,
                                 error: ErrorCode(rawValue: topic.errorCode), partitions: partitions)
        }
        self.topics = topics
    }
}
