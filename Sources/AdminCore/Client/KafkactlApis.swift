/// The APIs kafkactl speaks: one generated request type per API key, whose `versions` are the range kafkactl can
/// encode and decode. broker-api-versions sets a broker's ApiVersions answer against this list.
///
/// A new generated type belongs here too: `KafkactlApisTests` compares the list with Messages/Generated and fails
/// until it is added.
public enum KafkactlApis {
    public static let requestTypes: [any KafkaRequest.Type] = [
        ProduceRequest.self, FetchRequest.self, ListOffsetsRequest.self, MetadataRequest.self, DeleteRecordsRequest.self,
        OffsetCommitRequest.self, OffsetFetchRequest.self, FindCoordinatorRequest.self, JoinGroupRequest.self,
        HeartbeatRequest.self, LeaveGroupRequest.self, SyncGroupRequest.self, DescribeGroupsRequest.self,
        ListGroupsRequest.self, SaslHandshakeRequest.self, ApiVersionsRequest.self, CreateTopicsRequest.self,
        DeleteTopicsRequest.self, InitProducerIdRequest.self, AddPartitionsToTxnRequest.self, EndTxnRequest.self,
        DescribeConfigsRequest.self, AlterConfigsRequest.self,
        SaslAuthenticateRequest.self, CreatePartitionsRequest.self, DeleteGroupsRequest.self,
        IncrementalAlterConfigsRequest.self, OffsetDeleteRequest.self, DescribeClientQuotasRequest.self,
        AlterClientQuotasRequest.self, DescribeUserScramCredentialsRequest.self,
        AlterUserScramCredentialsRequest.self, DescribeClusterRequest.self, ConsumerGroupHeartbeatRequest.self,
        ConsumerGroupDescribeRequest.self, DescribeTopicPartitionsRequest.self, DescribeAclsRequest.self, CreateAclsRequest.self,
        DeleteAclsRequest.self, DescribeLogDirsRequest.self, ElectLeadersRequest.self, DescribeQuorumRequest.self,
        DescribeProducersRequest.self, DescribeTransactionsRequest.self, ListTransactionsRequest.self,
        WriteTxnMarkersRequest.self,
        AlterPartitionReassignmentsRequest.self, ListPartitionReassignmentsRequest.self,
        UpdateFeaturesRequest.self, AlterReplicaLogDirsRequest.self,
    ]

    /// The version range kafkactl speaks, by API key.
    public static let versions: [Int16: ClosedRange<Int16>] = Dictionary(
        uniqueKeysWithValues: requestTypes.map { ($0.apiKey.rawValue, $0.versions) })
}

/// One API of one broker's ApiVersions answer, set against what kafkactl speaks, as Kafka's NodeApiVersions
/// describes it (broker-api-versions).
public struct ApiVersionSupport: Sendable, Hashable {
    /// Whether kafkactl can use the API with this broker, and at which version.
    public enum Usability: Sendable, Hashable {
        /// The version kafkactl sends: the highest both sides speak.
        case usable(Int16)
        /// The broker's lowest version is above kafkactl's highest.
        case nodeTooNew
        /// The broker's highest version is below kafkactl's lowest.
        case nodeTooOld
        /// The broker offers it; kafkactl has no codec for it.
        case notSpoken
        /// kafkactl speaks it; the broker does not offer it.
        case unsupported
    }

    public var key: ApiKey
    /// What the broker offers; nil when it does not list the key.
    public var broker: ClosedRange<Int16>?
    /// What kafkactl speaks; nil when it has no codec for the key.
    public var kafkactl: ClosedRange<Int16>?

    public init(key: ApiKey, broker: ClosedRange<Int16>?, kafkactl: ClosedRange<Int16>?) {
        self.key = key
        self.broker = broker
        self.kafkactl = kafkactl
    }

    public var usability: Usability {
        guard let broker else { return .unsupported }
        guard let kafkactl else { return .notSpoken }
        if broker.lowerBound > kafkactl.upperBound { return .nodeTooNew }
        if broker.upperBound < kafkactl.lowerBound { return .nodeTooOld }
        return .usable(min(broker.upperBound, kafkactl.upperBound))
    }

    /// The version kafkactl sends, or nil when it cannot use the API with this broker.
    public var usableVersion: Int16? {
        if case .usable(let version) = usability { return version }
        return nil
    }

    /// Every key the broker lists and every key kafkactl speaks, in key order: the lines of Kafka's
    /// `NodeApiVersions.toString`, which also lists the client's APIs a broker lacks (as UNSUPPORTED).
    public static func rows(
        broker table: ApiVersionTable, kafkactl: [Int16: ClosedRange<Int16>] = KafkactlApis.versions
    ) -> [ApiVersionSupport] {
        Set(table.ranges.keys).union(kafkactl.keys).sorted().map {
            ApiVersionSupport(key: ApiKey(rawValue: $0), broker: table.ranges[$0], kafkactl: kafkactl[$0])
        }
    }
}

/// What one broker of the cluster answered in ApiVersions, or why it did not.
public struct BrokerApiVersions: Sendable, Equatable {
    public var broker: ClusterMetadata.Broker
    public var result: Result<[ApiVersionSupport], KafkactlError>

    public init(broker: ClusterMetadata.Broker, result: Result<[ApiVersionSupport], KafkactlError>) {
        self.broker = broker
        self.result = result
    }
}
