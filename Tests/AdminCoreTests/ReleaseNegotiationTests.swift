import AdminCore
import TestSupport
import Testing

/// kafkactl's one version set against the ApiVersions answer of every Apache Kafka release from 2.1 to 4.x (issue
/// 16's release tables): what each release lets kafkactl do, decided by the same negotiation a connection runs.
@Suite struct ReleaseNegotiationTests {
    /// The requests every subcommand's everyday work needs; each must find a version on every release.
    static let everyday: [(String, ApiKey, ClosedRange<Int16>)] = [
        ("Produce", ProduceRequest.apiKey, ProduceRequest.versions),
        ("Fetch", FetchRequest.apiKey, FetchRequest.versions),
        ("ListOffsets", ListOffsetsRequest.apiKey, ListOffsetsRequest.versions),
        ("Metadata", MetadataRequest.apiKey, MetadataRequest.versions),
        ("OffsetCommit", OffsetCommitRequest.apiKey, OffsetCommitRequest.versions),
        ("OffsetFetch", OffsetFetchRequest.apiKey, OffsetFetchRequest.versions),
        ("FindCoordinator", FindCoordinatorRequest.apiKey, FindCoordinatorRequest.versions),
        ("JoinGroup", JoinGroupRequest.apiKey, JoinGroupRequest.versions),
        ("Heartbeat", HeartbeatRequest.apiKey, HeartbeatRequest.versions),
        ("LeaveGroup", LeaveGroupRequest.apiKey, LeaveGroupRequest.versions),
        ("SyncGroup", SyncGroupRequest.apiKey, SyncGroupRequest.versions),
        ("DescribeGroups", DescribeGroupsRequest.apiKey, DescribeGroupsRequest.versions),
        ("ListGroups", ListGroupsRequest.apiKey, ListGroupsRequest.versions),
        ("ApiVersions", ApiVersionsRequest.apiKey, ApiVersionsRequest.versions),
        ("CreateTopics", CreateTopicsRequest.apiKey, CreateTopicsRequest.versions),
        ("DeleteTopics", DeleteTopicsRequest.apiKey, DeleteTopicsRequest.versions),
        ("InitProducerId", InitProducerIdRequest.apiKey, InitProducerIdRequest.versions),
        // The transactional producer's (producer-perf-test --transactional-id), in every release since 0.11.
        ("AddPartitionsToTxn", AddPartitionsToTxnRequest.apiKey, AddPartitionsToTxnRequest.versions),
        ("EndTxn", EndTxnRequest.apiKey, EndTxnRequest.versions),
        ("DescribeConfigs", DescribeConfigsRequest.apiKey, DescribeConfigsRequest.versions),
        ("CreatePartitions", CreatePartitionsRequest.apiKey, CreatePartitionsRequest.versions),
        ("DeleteGroups", DeleteGroupsRequest.apiKey, DeleteGroupsRequest.versions),
        ("DeleteRecords", DeleteRecordsRequest.apiKey, DeleteRecordsRequest.versions),
        ("DescribeAcls", DescribeAclsRequest.apiKey, DescribeAclsRequest.versions),
        ("CreateAcls", CreateAclsRequest.apiKey, CreateAclsRequest.versions),
        ("DeleteAcls", DeleteAclsRequest.apiKey, DeleteAclsRequest.versions),
        ("DescribeLogDirs", DescribeLogDirsRequest.apiKey, DescribeLogDirsRequest.versions),
        ("AlterReplicaLogDirs", AlterReplicaLogDirsRequest.apiKey, AlterReplicaLogDirsRequest.versions),
        ("SaslHandshake", SaslHandshakeRequest.apiKey, SaslHandshakeRequest.versions),
        ("SaslAuthenticate", SaslAuthenticateRequest.apiKey, SaslAuthenticateRequest.versions),
    ]

    /// APIs that arrived after 2.1, with the first release that lists them; before it kafkactl says "does not support"
    /// (or, for IncrementalAlterConfigs, falls back to AlterConfigs). SCRAM's APIs reached KRaft brokers in 3.5.
    static let later: [(String, ApiKey, ClosedRange<Int16>, String)] = [
        // Kafka 2.2 offered key 43 as ElectPreferredLeaders v0, the layout of ElectLeaders v0 (preferred only).
        ("ElectLeaders", ElectLeadersRequest.apiKey, ElectLeadersRequest.versions, "2.2"),
        ("IncrementalAlterConfigs", IncrementalAlterConfigsRequest.apiKey, IncrementalAlterConfigsRequest.versions, "2.3"),
        ("OffsetDelete", OffsetDeleteRequest.apiKey, OffsetDeleteRequest.versions, "2.4"),
        ("AlterPartitionReassignments", AlterPartitionReassignmentsRequest.apiKey, AlterPartitionReassignmentsRequest.versions, "2.4"),
        ("ListPartitionReassignments", ListPartitionReassignmentsRequest.apiKey, ListPartitionReassignmentsRequest.versions, "2.4"),
        ("DescribeClientQuotas", DescribeClientQuotasRequest.apiKey, DescribeClientQuotasRequest.versions, "2.6"),
        ("AlterClientQuotas", AlterClientQuotasRequest.apiKey, AlterClientQuotasRequest.versions, "2.6"),
        ("DescribeUserScramCredentials", DescribeUserScramCredentialsRequest.apiKey, DescribeUserScramCredentialsRequest.versions, "2.7"),
        ("AlterUserScramCredentials", AlterUserScramCredentialsRequest.apiKey, AlterUserScramCredentialsRequest.versions, "2.7"),
        ("UpdateFeatures", UpdateFeaturesRequest.apiKey, UpdateFeaturesRequest.versions, "2.7"),
        ("DescribeCluster", DescribeClusterRequest.apiKey, DescribeClusterRequest.versions, "2.8"),
        ("DescribeProducers", DescribeProducersRequest.apiKey, DescribeProducersRequest.versions, "2.8"),
        // Kafka lists WriteTxnMarkers from 0.11, but v1 (flexible, the lowest 4.x answers) arrived in 2.8.
        ("WriteTxnMarkers", WriteTxnMarkersRequest.apiKey, WriteTxnMarkersRequest.versions, "2.8"),
        ("DescribeTransactions", DescribeTransactionsRequest.apiKey, DescribeTransactionsRequest.versions, "3.0"),
        ("ListTransactions", ListTransactionsRequest.apiKey, ListTransactionsRequest.versions, "3.0"),
    ]

    @Test func theTableCoversEveryReleaseFrom21To4() {
        let names = KafkaReleases.all.map(\.name)
        for wanted in ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.8", "3.0", "3.3", "3.5", "3.7", "3.9", "4.0", "4.1", "4.2", "4.3", "4.4"] {
            #expect(names.contains(wanted), "no release \(wanted) in the table: \(names)")
        }
    }

    @Test(arguments: KafkaReleases.all.map(\.name))
    func everydayRequestsFindAVersionOn(_ release: String) throws {
        let table = try #require(KafkaReleases.named(release)).table
        for (name, key, ours) in Self.everyday {
            #expect(table.version(for: key, supported: ours) != nil,
                    "\(name): kafkactl speaks \(ours), Kafka \(release) lists \(table.ranges[key.rawValue].map { "\($0)" } ?? "nothing")")
        }
    }

    @Test(arguments: KafkaReleases.all.map(\.name))
    func laterApisAreUsableFromTheReleaseThatBroughtThem(_ release: String) throws {
        let table = try #require(KafkaReleases.named(release)).table
        let number = { (name: String) in name.split(separator: "-")[0].split(separator: ".").map { Int($0)! } }
        for (name, key, ours, zooKeeperSince) in Self.later {
            let since = release.hasSuffix("-kraft") && name.hasSuffix("ScramCredentials") ? "3.5" : zooKeeperSince
            let expected = number(release).lexicographicallyPrecedes(number(since)) == false
            #expect((table.version(for: key, supported: ours) != nil) == expected,
                    "\(name) on Kafka \(release): kafkactl speaks \(ours), the release lists \(table.ranges[key.rawValue].map { "\($0)" } ?? "nothing")")
        }
    }

    /// DescribeQuorum exists only where the metadata quorum does: KRaft brokers from 3.3 (the table's `-kraft` rows
    /// and every 4.x). kafkactl speaks v1 there until 3.9 brings v2 (directory ids and the nodes' listeners).
    @Test(arguments: KafkaReleases.all.map(\.name))
    func describeQuorumIsOfferedByKRaftReleasesOnly(_ release: String) throws {
        let table = try #require(KafkaReleases.named(release)).table
        let major = Int(release.prefix(1))!
        let minor = Int(release.split(separator: "-")[0].split(separator: ".")[1])!
        let kraft = release.hasSuffix("-kraft") || major >= 4
        let version = table.version(for: DescribeQuorumRequest.apiKey, supported: DescribeQuorumRequest.versions)
        if !kraft {
            #expect(version == nil, "Kafka \(release) (ZooKeeper) has no metadata quorum to describe")
        } else {
            #expect(version == (major == 3 && minor < 9 ? 1 : 2), "Kafka \(release): DescribeQuorum v\(version.map(String.init) ?? "none")")
        }
    }
}
