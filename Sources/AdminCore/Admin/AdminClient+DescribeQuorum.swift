/// The KRaft metadata quorum as its leader reports it (Kafka's QuorumInfo): who leads, at which epoch, how far the
/// metadata log is committed, and how far each voter and observer has replicated it.
public struct QuorumInfo: Sendable, Equatable {
    /// One replica of the metadata log. A timestamp the leader does not know (-1 on the wire) is nil.
    public struct Replica: Sendable, Equatable {
        public var id: Int32
        /// The replica's metadata directory id (v2+, Kafka 3.9); zero when the answer has none.
        public var directoryId: KafkaUUID
        public var logEndOffset: Int64
        public var lastFetchTimestamp: Int64?
        public var lastCaughtUpTimestamp: Int64?

        public init(id: Int32, directoryId: KafkaUUID, logEndOffset: Int64, lastFetchTimestamp: Int64?, lastCaughtUpTimestamp: Int64?) {
            self.id = id
            self.directoryId = directoryId
            self.logEndOffset = logEndOffset
            self.lastFetchTimestamp = lastFetchTimestamp
            self.lastCaughtUpTimestamp = lastCaughtUpTimestamp
        }
    }

    /// A listener a quorum node is reached on (v2+), printed as Kafka's RaftVoterEndpoint: `NAME://host:port`.
    public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
        public var listener: String
        public var host: String
        public var port: UInt16
        public var description: String { "\(listener)://\(host.contains(":") ? "[\(host)]" : host):\(port)" }

        public init(listener: String, host: String, port: UInt16) {
            self.listener = listener
            self.host = host
            self.port = port
        }
    }

    public var leaderId: Int32
    public var leaderEpoch: Int32
    public var highWatermark: Int64
    public var voters: [Replica]
    public var observers: [Replica]
    /// Each node's listeners, by node id (v2+; empty before).
    public var endpoints: [Int32: [Endpoint]]

    public init(leaderId: Int32, leaderEpoch: Int32, highWatermark: Int64, voters: [Replica], observers: [Replica], endpoints: [Int32: [Endpoint]]) {
        self.leaderId = leaderId
        self.leaderEpoch = leaderEpoch
        self.highWatermark = highWatermark
        self.voters = voters
        self.observers = observers
        self.endpoints = endpoints
    }

    /// The voter that leads, when the leader is one of the voters the answer lists.
    public var leader: Replica? { voters.first { $0.id == leaderId } }
}

extension AdminClient {
    /// The metadata topic's one partition, which DescribeQuorum asks about.
    static let clusterMetadataTopic = "__cluster_metadata"

    /// Describes the metadata quorum (DescribeQuorum, key 55, any broker: it forwards to the active controller).
    /// KRaft clusters only (Kafka 3.3+); a ZooKeeper cluster's brokers do not offer the API.
    public func describeQuorum() async throws -> QuorumInfo {
        let request = DescribeQuorumRequest(topics: [.init(topicName: Self.clusterMetadataTopic, partitions: [.init(partitionIndex: 0)])])
        let response = try await client.send(request, feature: "describing the metadata quorum")
        let code = ErrorCode(rawValue: response.errorCode)
        guard code == .none else {
            throw KafkactlError.broker(code, "cannot describe the metadata quorum", brokerMessage: response.errorMessage)
        }
        // Kafka's admin client holds the answer to exactly the partition asked about; anything else is not trusted.
        guard response.topics.count == 1, let topic = response.topics.first, topic.topicName == Self.clusterMetadataTopic,
              topic.partitions.count == 1, let partition = topic.partitions.first, partition.partitionIndex == 0
        else {
            throw KafkactlError(.internal, "cannot describe the metadata quorum: the answer is not about \(Self.clusterMetadataTopic)-0 alone")
        }
        let partitionCode = ErrorCode(rawValue: partition.errorCode)
        guard partitionCode == .none else {
            throw KafkactlError.broker(partitionCode, "cannot describe the metadata quorum", brokerMessage: partition.errorMessage)
        }
        let replica = { (state: DescribeQuorumResponse.ReplicaState) in
            QuorumInfo.Replica(
                id: state.replicaId, directoryId: state.replicaDirectoryId, logEndOffset: state.logEndOffset,
                lastFetchTimestamp: state.lastFetchTimestamp == -1 ? nil : state.lastFetchTimestamp,
                lastCaughtUpTimestamp: state.lastCaughtUpTimestamp == -1 ? nil : state.lastCaughtUpTimestamp)
        }
        var endpoints: [Int32: [QuorumInfo.Endpoint]] = [:]
        for node in response.nodes {
            endpoints[node.nodeId] = node.listeners.map { .init(listener: $0.name, host: $0.host, port: $0.port) }
        }
        return QuorumInfo(
            leaderId: partition.leaderId, leaderEpoch: partition.leaderEpoch, highWatermark: partition.highWatermark,
            voters: partition.currentVoters.map(replica), observers: partition.observers.map(replica), endpoints: endpoints)
    }
}
