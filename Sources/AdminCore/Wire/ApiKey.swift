/// A Kafka API key (the first field of every request header).
public struct ApiKey: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int16
    public init(rawValue: Int16) { self.rawValue = rawValue }

    public static let produce = ApiKey(rawValue: 0)
    public static let fetch = ApiKey(rawValue: 1)
    public static let listOffsets = ApiKey(rawValue: 2)
    public static let metadata = ApiKey(rawValue: 3)
    public static let offsetCommit = ApiKey(rawValue: 8)
    public static let offsetFetch = ApiKey(rawValue: 9)
    public static let findCoordinator = ApiKey(rawValue: 10)
    public static let joinGroup = ApiKey(rawValue: 11)
    public static let heartbeat = ApiKey(rawValue: 12)
    public static let leaveGroup = ApiKey(rawValue: 13)
    public static let syncGroup = ApiKey(rawValue: 14)
    public static let describeGroups = ApiKey(rawValue: 15)
    public static let listGroups = ApiKey(rawValue: 16)
    public static let saslHandshake = ApiKey(rawValue: 17)
    public static let apiVersions = ApiKey(rawValue: 18)
    public static let createTopics = ApiKey(rawValue: 19)
    public static let deleteTopics = ApiKey(rawValue: 20)
    public static let deleteRecords = ApiKey(rawValue: 21)
    public static let initProducerId = ApiKey(rawValue: 22)
    public static let writeTxnMarkers = ApiKey(rawValue: 27)
    public static let describeAcls = ApiKey(rawValue: 29)
    public static let createAcls = ApiKey(rawValue: 30)
    public static let deleteAcls = ApiKey(rawValue: 31)
    public static let describeConfigs = ApiKey(rawValue: 32)
    public static let alterConfigs = ApiKey(rawValue: 33)
    public static let alterReplicaLogDirs = ApiKey(rawValue: 34)
    public static let describeLogDirs = ApiKey(rawValue: 35)
    public static let saslAuthenticate = ApiKey(rawValue: 36)
    public static let createPartitions = ApiKey(rawValue: 37)
    public static let deleteGroups = ApiKey(rawValue: 42)
    public static let electLeaders = ApiKey(rawValue: 43)
    public static let describeQuorum = ApiKey(rawValue: 55)
    public static let updateFeatures = ApiKey(rawValue: 57)
    public static let incrementalAlterConfigs = ApiKey(rawValue: 44)
    public static let alterPartitionReassignments = ApiKey(rawValue: 45)
    public static let listPartitionReassignments = ApiKey(rawValue: 46)
    public static let offsetDelete = ApiKey(rawValue: 47)
    public static let describeClientQuotas = ApiKey(rawValue: 48)
    public static let alterClientQuotas = ApiKey(rawValue: 49)
    public static let describeUserScramCredentials = ApiKey(rawValue: 50)
    public static let alterUserScramCredentials = ApiKey(rawValue: 51)
    public static let describeCluster = ApiKey(rawValue: 60)
    public static let describeProducers = ApiKey(rawValue: 61)
    public static let describeTransactions = ApiKey(rawValue: 65)
    public static let listTransactions = ApiKey(rawValue: 66)
    public static let consumerGroupHeartbeat = ApiKey(rawValue: 68)
    public static let consumerGroupDescribe = ApiKey(rawValue: 69)
    public static let describeTopicPartitions = ApiKey(rawValue: 75)

    /// Kafka's name of every API key from 0 to 94, as facts taken from Kafka's message definitions
    /// (clients/src/main/resources/common/message/*Request.json: "apiKey" and "name" without its "Request" suffix),
    /// so that kafkactl names the APIs it does not speak as well (broker-api-versions lists every key a broker offers).
    /// Key 74 carries its current name, ListConfigResources (ListClientMetricsResources before Kafka 4.1).
    private static let names: [Int16: String] = [
        0: "Produce", 1: "Fetch", 2: "ListOffsets", 3: "Metadata", 4: "LeaderAndIsr", 5: "StopReplica",
        6: "UpdateMetadata", 7: "ControlledShutdown", 8: "OffsetCommit", 9: "OffsetFetch", 10: "FindCoordinator",
        11: "JoinGroup", 12: "Heartbeat", 13: "LeaveGroup", 14: "SyncGroup", 15: "DescribeGroups", 16: "ListGroups",
        17: "SaslHandshake", 18: "ApiVersions", 19: "CreateTopics", 20: "DeleteTopics", 21: "DeleteRecords",
        22: "InitProducerId", 23: "OffsetForLeaderEpoch", 24: "AddPartitionsToTxn", 25: "AddOffsetsToTxn",
        26: "EndTxn", 27: "WriteTxnMarkers", 28: "TxnOffsetCommit", 29: "DescribeAcls", 30: "CreateAcls",
        31: "DeleteAcls", 32: "DescribeConfigs", 33: "AlterConfigs", 34: "AlterReplicaLogDirs",
        35: "DescribeLogDirs", 36: "SaslAuthenticate", 37: "CreatePartitions", 38: "CreateDelegationToken",
        39: "RenewDelegationToken", 40: "ExpireDelegationToken", 41: "DescribeDelegationToken", 42: "DeleteGroups",
        43: "ElectLeaders", 44: "IncrementalAlterConfigs", 45: "AlterPartitionReassignments",
        46: "ListPartitionReassignments", 47: "OffsetDelete", 48: "DescribeClientQuotas", 49: "AlterClientQuotas",
        50: "DescribeUserScramCredentials", 51: "AlterUserScramCredentials", 52: "Vote", 53: "BeginQuorumEpoch",
        54: "EndQuorumEpoch", 55: "DescribeQuorum", 56: "AlterPartition", 57: "UpdateFeatures", 58: "Envelope",
        59: "FetchSnapshot", 60: "DescribeCluster", 61: "DescribeProducers", 62: "BrokerRegistration",
        63: "BrokerHeartbeat", 64: "UnregisterBroker", 65: "DescribeTransactions", 66: "ListTransactions",
        67: "AllocateProducerIds", 68: "ConsumerGroupHeartbeat", 69: "ConsumerGroupDescribe",
        70: "ControllerRegistration", 71: "GetTelemetrySubscriptions", 72: "PushTelemetry",
        73: "AssignReplicasToDirs", 74: "ListConfigResources", 75: "DescribeTopicPartitions",
        76: "ShareGroupHeartbeat", 77: "ShareGroupDescribe", 78: "ShareFetch", 79: "ShareAcknowledge",
        80: "AddRaftVoter", 81: "RemoveRaftVoter", 82: "UpdateRaftVoter", 83: "InitializeShareGroupState",
        84: "ReadShareGroupState", 85: "WriteShareGroupState", 86: "DeleteShareGroupState",
        87: "ReadShareGroupStateSummary", 88: "StreamsGroupHeartbeat", 89: "StreamsGroupDescribe",
        90: "DescribeShareGroupOffsets", 91: "AlterShareGroupOffsets", 92: "DeleteShareGroupOffsets",
        93: "StreamsGroupTopologyDescriptionUpdate", 94: "UnregisterController",
    ]

    /// Kafka's name for the API, e.g. "CreatePartitions".
    public var name: String { knownName ?? "ApiKey\(rawValue)" }

    /// Kafka's name for the API, or nil for a key newer than the table above.
    public var knownName: String? { Self.names[rawValue] }
    public var description: String { name }
}
