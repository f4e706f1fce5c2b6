/// A Kafka error code as brokers send it (int16). Unknown codes stay representable.
///
/// Covers every code from -1 through 133 (SHARE_SESSION_LIMIT_REACHED), the highest defined by
/// Apache Kafka 4.1 (`org.apache.kafka.common.protocol.Errors`). Names are Kafka's; `isRetriable`
/// follows the Java client (the code's exception class extends `RetriableException`); messages are
/// short paraphrases of Kafka's default messages. A code this table does not know keeps its raw
/// value and is named `UNKNOWN_ERROR_CODE_<n>`.
public struct ErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int16
    public init(rawValue: Int16) { self.rawValue = rawValue }

    public static let unknownServerError = ErrorCode(rawValue: -1)
    public static let none = ErrorCode(rawValue: 0)
    public static let offsetOutOfRange = ErrorCode(rawValue: 1)
    public static let corruptMessage = ErrorCode(rawValue: 2)
    public static let unknownTopicOrPartition = ErrorCode(rawValue: 3)
    public static let invalidFetchSize = ErrorCode(rawValue: 4)
    public static let leaderNotAvailable = ErrorCode(rawValue: 5)
    public static let notLeaderOrFollower = ErrorCode(rawValue: 6)
    public static let requestTimedOut = ErrorCode(rawValue: 7)
    public static let brokerNotAvailable = ErrorCode(rawValue: 8)
    public static let replicaNotAvailable = ErrorCode(rawValue: 9)
    public static let messageTooLarge = ErrorCode(rawValue: 10)
    public static let staleControllerEpoch = ErrorCode(rawValue: 11)
    public static let offsetMetadataTooLarge = ErrorCode(rawValue: 12)
    public static let networkException = ErrorCode(rawValue: 13)
    public static let coordinatorLoadInProgress = ErrorCode(rawValue: 14)
    public static let coordinatorNotAvailable = ErrorCode(rawValue: 15)
    public static let notCoordinator = ErrorCode(rawValue: 16)
    public static let invalidTopicException = ErrorCode(rawValue: 17)
    public static let recordListTooLarge = ErrorCode(rawValue: 18)
    public static let notEnoughReplicas = ErrorCode(rawValue: 19)
    public static let notEnoughReplicasAfterAppend = ErrorCode(rawValue: 20)
    public static let invalidRequiredAcks = ErrorCode(rawValue: 21)
    public static let illegalGeneration = ErrorCode(rawValue: 22)
    public static let inconsistentGroupProtocol = ErrorCode(rawValue: 23)
    public static let invalidGroupId = ErrorCode(rawValue: 24)
    public static let unknownMemberId = ErrorCode(rawValue: 25)
    public static let invalidSessionTimeout = ErrorCode(rawValue: 26)
    public static let rebalanceInProgress = ErrorCode(rawValue: 27)
    public static let invalidCommitOffsetSize = ErrorCode(rawValue: 28)
    public static let topicAuthorizationFailed = ErrorCode(rawValue: 29)
    public static let groupAuthorizationFailed = ErrorCode(rawValue: 30)
    public static let clusterAuthorizationFailed = ErrorCode(rawValue: 31)
    public static let invalidTimestamp = ErrorCode(rawValue: 32)
    public static let unsupportedSaslMechanism = ErrorCode(rawValue: 33)
    public static let illegalSaslState = ErrorCode(rawValue: 34)
    public static let unsupportedVersion = ErrorCode(rawValue: 35)
    public static let topicAlreadyExists = ErrorCode(rawValue: 36)
    public static let invalidPartitions = ErrorCode(rawValue: 37)
    public static let invalidReplicationFactor = ErrorCode(rawValue: 38)
    public static let invalidReplicaAssignment = ErrorCode(rawValue: 39)
    public static let invalidConfig = ErrorCode(rawValue: 40)
    public static let notController = ErrorCode(rawValue: 41)
    public static let invalidRequest = ErrorCode(rawValue: 42)
    public static let unsupportedForMessageFormat = ErrorCode(rawValue: 43)
    public static let policyViolation = ErrorCode(rawValue: 44)
    public static let outOfOrderSequenceNumber = ErrorCode(rawValue: 45)
    public static let duplicateSequenceNumber = ErrorCode(rawValue: 46)
    public static let invalidProducerEpoch = ErrorCode(rawValue: 47)
    public static let invalidTxnState = ErrorCode(rawValue: 48)
    public static let invalidProducerIdMapping = ErrorCode(rawValue: 49)
    public static let invalidTransactionTimeout = ErrorCode(rawValue: 50)
    public static let concurrentTransactions = ErrorCode(rawValue: 51)
    public static let transactionCoordinatorFenced = ErrorCode(rawValue: 52)
    public static let transactionalIdAuthorizationFailed = ErrorCode(rawValue: 53)
    public static let securityDisabled = ErrorCode(rawValue: 54)
    public static let operationNotAttempted = ErrorCode(rawValue: 55)
    public static let kafkaStorageError = ErrorCode(rawValue: 56)
    public static let logDirNotFound = ErrorCode(rawValue: 57)
    public static let saslAuthenticationFailed = ErrorCode(rawValue: 58)
    public static let unknownProducerId = ErrorCode(rawValue: 59)
    public static let reassignmentInProgress = ErrorCode(rawValue: 60)
    public static let delegationTokenAuthDisabled = ErrorCode(rawValue: 61)
    public static let delegationTokenNotFound = ErrorCode(rawValue: 62)
    public static let delegationTokenOwnerMismatch = ErrorCode(rawValue: 63)
    public static let delegationTokenRequestNotAllowed = ErrorCode(rawValue: 64)
    public static let delegationTokenAuthorizationFailed = ErrorCode(rawValue: 65)
    public static let delegationTokenExpired = ErrorCode(rawValue: 66)
    public static let invalidPrincipalType = ErrorCode(rawValue: 67)
    public static let nonEmptyGroup = ErrorCode(rawValue: 68)
    public static let groupIdNotFound = ErrorCode(rawValue: 69)
    public static let fetchSessionIdNotFound = ErrorCode(rawValue: 70)
    public static let invalidFetchSessionEpoch = ErrorCode(rawValue: 71)
    public static let listenerNotFound = ErrorCode(rawValue: 72)
    public static let topicDeletionDisabled = ErrorCode(rawValue: 73)
    public static let fencedLeaderEpoch = ErrorCode(rawValue: 74)
    public static let unknownLeaderEpoch = ErrorCode(rawValue: 75)
    public static let unsupportedCompressionType = ErrorCode(rawValue: 76)
    public static let staleBrokerEpoch = ErrorCode(rawValue: 77)
    public static let offsetNotAvailable = ErrorCode(rawValue: 78)
    public static let memberIdRequired = ErrorCode(rawValue: 79)
    public static let preferredLeaderNotAvailable = ErrorCode(rawValue: 80)
    public static let groupMaxSizeReached = ErrorCode(rawValue: 81)
    public static let fencedInstanceId = ErrorCode(rawValue: 82)
    public static let eligibleLeadersNotAvailable = ErrorCode(rawValue: 83)
    public static let electionNotNeeded = ErrorCode(rawValue: 84)
    public static let noReassignmentInProgress = ErrorCode(rawValue: 85)
    public static let groupSubscribedToTopic = ErrorCode(rawValue: 86)
    public static let invalidRecord = ErrorCode(rawValue: 87)
    public static let unstableOffsetCommit = ErrorCode(rawValue: 88)
    public static let throttlingQuotaExceeded = ErrorCode(rawValue: 89)
    public static let producerFenced = ErrorCode(rawValue: 90)
    public static let resourceNotFound = ErrorCode(rawValue: 91)
    public static let duplicateResource = ErrorCode(rawValue: 92)
    public static let unacceptableCredential = ErrorCode(rawValue: 93)
    public static let inconsistentVoterSet = ErrorCode(rawValue: 94)
    public static let invalidUpdateVersion = ErrorCode(rawValue: 95)
    public static let featureUpdateFailed = ErrorCode(rawValue: 96)
    public static let principalDeserializationFailure = ErrorCode(rawValue: 97)
    public static let snapshotNotFound = ErrorCode(rawValue: 98)
    public static let positionOutOfRange = ErrorCode(rawValue: 99)
    public static let unknownTopicId = ErrorCode(rawValue: 100)
    public static let duplicateBrokerRegistration = ErrorCode(rawValue: 101)
    public static let brokerIdNotRegistered = ErrorCode(rawValue: 102)
    public static let inconsistentTopicId = ErrorCode(rawValue: 103)
    public static let inconsistentClusterId = ErrorCode(rawValue: 104)
    public static let transactionalIdNotFound = ErrorCode(rawValue: 105)
    public static let fetchSessionTopicIdError = ErrorCode(rawValue: 106)
    public static let ineligibleReplica = ErrorCode(rawValue: 107)
    public static let newLeaderElected = ErrorCode(rawValue: 108)
    public static let offsetMovedToTieredStorage = ErrorCode(rawValue: 109)
    public static let fencedMemberEpoch = ErrorCode(rawValue: 110)
    public static let unreleasedInstanceId = ErrorCode(rawValue: 111)
    public static let unsupportedAssignor = ErrorCode(rawValue: 112)
    public static let staleMemberEpoch = ErrorCode(rawValue: 113)
    public static let mismatchedEndpointType = ErrorCode(rawValue: 114)
    public static let unsupportedEndpointType = ErrorCode(rawValue: 115)
    public static let unknownControllerId = ErrorCode(rawValue: 116)
    public static let unknownSubscriptionId = ErrorCode(rawValue: 117)
    public static let telemetryTooLarge = ErrorCode(rawValue: 118)
    public static let invalidRegistration = ErrorCode(rawValue: 119)
    public static let transactionAbortable = ErrorCode(rawValue: 120)
    public static let invalidRecordState = ErrorCode(rawValue: 121)
    public static let shareSessionNotFound = ErrorCode(rawValue: 122)
    public static let invalidShareSessionEpoch = ErrorCode(rawValue: 123)
    public static let fencedStateEpoch = ErrorCode(rawValue: 124)
    public static let invalidVoterKey = ErrorCode(rawValue: 125)
    public static let duplicateVoter = ErrorCode(rawValue: 126)
    public static let voterNotFound = ErrorCode(rawValue: 127)
    public static let invalidRegularExpression = ErrorCode(rawValue: 128)
    public static let rebootstrapRequired = ErrorCode(rawValue: 129)
    public static let streamsInvalidTopology = ErrorCode(rawValue: 130)
    public static let streamsInvalidTopologyEpoch = ErrorCode(rawValue: 131)
    public static let streamsTopologyFenced = ErrorCode(rawValue: 132)
    public static let shareSessionLimitReached = ErrorCode(rawValue: 133)

    /// Kafka's name for the code, e.g. "NOT_LEADER_OR_FOLLOWER"; "UNKNOWN_ERROR_CODE_<n>" for unknown codes.
    public var name: String { Self.entry(rawValue)?.name ?? "UNKNOWN_ERROR_CODE_\(rawValue)" }

    /// Whether the Java client classifies the error as retriable: the same request may succeed if
    /// sent again, usually after a metadata or coordinator refresh and a backoff. False for unknown codes.
    public var isRetriable: Bool { Self.entry(rawValue)?.retriable ?? false }

    /// One short human sentence describing the error.
    public var message: String {
        Self.entry(rawValue)?.message ?? "Unknown error code \(rawValue) (not defined by Kafka 4.1)."
    }

    /// True for every code but NONE (0).
    public var isError: Bool { rawValue != 0 }

    /// Whether the code is one Kafka defines (-1 through 133).
    public var isKnown: Bool { Self.entry(rawValue) != nil }

    public var description: String { name }

    /// Every code Kafka 4.1 defines, in ascending order (-1, 0, 1, ... 133).
    public static let allKnown: [ErrorCode] = entries.map { ErrorCode(rawValue: $0.code) }

    // MARK: - The table (single source of names, retriability and messages)

    private struct Entry: Sendable {
        let code: Int16
        let name: String
        let retriable: Bool
        let message: String
        init(_ code: Int16, _ name: String, _ retriable: Bool, _ message: String) {
            self.code = code
            self.name = name
            self.retriable = retriable
            self.message = message
        }
    }

    /// The codes are contiguous from -1, so entry `code` sits at index `code + 1`.
    private static func entry(_ code: Int16) -> Entry? {
        let index = Int(code) + 1
        guard entries.indices.contains(index) else { return nil }
        let entry = entries[index]
        return entry.code == code ? entry : nil
    }

    // code, Kafka name, retriable (Java client), short message
    private static let entries: [Entry] = [
        Entry(-1, "UNKNOWN_SERVER_ERROR", false,
              "The server hit an unexpected error while processing the request."),
        Entry(0, "NONE", false,
              "No error."),
        Entry(1, "OFFSET_OUT_OF_RANGE", false,
              "The requested offset is outside the range the server holds for the partition."),
        Entry(2, "CORRUPT_MESSAGE", true,
              "The message failed its CRC check, is too large, has a null key on a compacted topic, or is otherwise corrupt."),
        Entry(3, "UNKNOWN_TOPIC_OR_PARTITION", true,
              "This server does not host this topic-partition."),
        Entry(4, "INVALID_FETCH_SIZE", false,
              "The requested fetch size is invalid."),
        Entry(5, "LEADER_NOT_AVAILABLE", true,
              "The partition has no leader right now (a leader election is in progress)."),
        Entry(6, "NOT_LEADER_OR_FOLLOWER", true,
              "This broker is not the leader (or not a replica) for the partition."),
        Entry(7, "REQUEST_TIMED_OUT", true,
              "The request timed out."),
        Entry(8, "BROKER_NOT_AVAILABLE", false,
              "The broker is not available."),
        Entry(9, "REPLICA_NOT_AVAILABLE", true,
              "The replica is not available for the requested topic-partition."),
        Entry(10, "MESSAGE_TOO_LARGE", false,
              "The request included a message larger than the server accepts."),
        Entry(11, "STALE_CONTROLLER_EPOCH", false,
              "The controller moved to another broker."),
        Entry(12, "OFFSET_METADATA_TOO_LARGE", false,
              "The metadata field of the offset request was too large."),
        Entry(13, "NETWORK_EXCEPTION", true,
              "The server disconnected before a response was received."),
        Entry(14, "COORDINATOR_LOAD_IN_PROGRESS", true,
              "The coordinator is loading and cannot process requests yet."),
        Entry(15, "COORDINATOR_NOT_AVAILABLE", true,
              "The coordinator is not available."),
        Entry(16, "NOT_COORDINATOR", true,
              "This is not the correct coordinator."),
        Entry(17, "INVALID_TOPIC_EXCEPTION", false,
              "The request tried to operate on an invalid topic."),
        Entry(18, "RECORD_LIST_TOO_LARGE", false,
              "The request included a batch larger than the server's segment size."),
        Entry(19, "NOT_ENOUGH_REPLICAS", true,
              "Messages were rejected: fewer in-sync replicas than required."),
        Entry(20, "NOT_ENOUGH_REPLICAS_AFTER_APPEND", true,
              "Messages were written, but to fewer in-sync replicas than required."),
        Entry(21, "INVALID_REQUIRED_ACKS", false,
              "The produce request gave an invalid value for required acks."),
        Entry(22, "ILLEGAL_GENERATION", false,
              "The group generation id is not valid."),
        Entry(23, "INCONSISTENT_GROUP_PROTOCOL", false,
              "The member's protocols are incompatible with those of the group (or empty)."),
        Entry(24, "INVALID_GROUP_ID", false,
              "The group id is invalid."),
        Entry(25, "UNKNOWN_MEMBER_ID", false,
              "The coordinator is not aware of this member."),
        Entry(26, "INVALID_SESSION_TIMEOUT", false,
              "The session timeout is outside the range the broker allows."),
        Entry(27, "REBALANCE_IN_PROGRESS", false,
              "The group is rebalancing, so a rejoin is needed."),
        Entry(28, "INVALID_COMMIT_OFFSET_SIZE", false,
              "The size of the committed offset data is not valid."),
        Entry(29, "TOPIC_AUTHORIZATION_FAILED", false,
              "Topic authorization failed."),
        Entry(30, "GROUP_AUTHORIZATION_FAILED", false,
              "Group authorization failed."),
        Entry(31, "CLUSTER_AUTHORIZATION_FAILED", false,
              "Cluster authorization failed."),
        Entry(32, "INVALID_TIMESTAMP", false,
              "The timestamp of the message is out of the acceptable range."),
        Entry(33, "UNSUPPORTED_SASL_MECHANISM", false,
              "The broker does not support the requested SASL mechanism."),
        Entry(34, "ILLEGAL_SASL_STATE", false,
              "The request is not valid in the current SASL state."),
        Entry(35, "UNSUPPORTED_VERSION", false,
              "The API version is not supported."),
        Entry(36, "TOPIC_ALREADY_EXISTS", false,
              "A topic with this name already exists."),
        Entry(37, "INVALID_PARTITIONS", false,
              "The number of partitions is invalid."),
        Entry(38, "INVALID_REPLICATION_FACTOR", false,
              "The replication factor is below 1 or larger than the number of available brokers."),
        Entry(39, "INVALID_REPLICA_ASSIGNMENT", false,
              "The replica assignment is invalid."),
        Entry(40, "INVALID_CONFIG", false,
              "The configuration is invalid."),
        Entry(41, "NOT_CONTROLLER", true,
              "This is not the correct controller for this cluster."),
        Entry(42, "INVALID_REQUEST", false,
              "The request was malformed or sent to an incompatible broker."),
        Entry(43, "UNSUPPORTED_FOR_MESSAGE_FORMAT", false,
              "The broker's message format version does not support the request."),
        Entry(44, "POLICY_VIOLATION", false,
              "The request does not satisfy the configured policy."),
        Entry(45, "OUT_OF_ORDER_SEQUENCE_NUMBER", false,
              "The broker received an out-of-order sequence number."),
        Entry(46, "DUPLICATE_SEQUENCE_NUMBER", false,
              "The broker received a duplicate sequence number."),
        Entry(47, "INVALID_PRODUCER_EPOCH", false,
              "The producer tried to produce with an old epoch."),
        Entry(48, "INVALID_TXN_STATE", false,
              "The producer tried a transactional operation in an invalid state."),
        Entry(49, "INVALID_PRODUCER_ID_MAPPING", false,
              "The producer id is not currently assigned to its transactional id."),
        Entry(50, "INVALID_TRANSACTION_TIMEOUT", false,
              "The transaction timeout is larger than the broker's maximum."),
        Entry(51, "CONCURRENT_TRANSACTIONS", true,
              "Another operation on the same transaction is in progress."),
        Entry(52, "TRANSACTION_COORDINATOR_FENCED", false,
              "The transaction coordinator sending the marker is no longer current for the producer."),
        Entry(53, "TRANSACTIONAL_ID_AUTHORIZATION_FAILED", false,
              "Transactional id authorization failed."),
        Entry(54, "SECURITY_DISABLED", false,
              "Security features are disabled."),
        Entry(55, "OPERATION_NOT_ATTEMPTED", false,
              "The broker did not attempt this operation because others in the batch failed."),
        Entry(56, "KAFKA_STORAGE_ERROR", true,
              "Disk error while accessing a log file on the broker."),
        Entry(57, "LOG_DIR_NOT_FOUND", false,
              "The requested log directory is not in the broker's configuration."),
        Entry(58, "SASL_AUTHENTICATION_FAILED", false,
              "SASL authentication failed."),
        Entry(59, "UNKNOWN_PRODUCER_ID", false,
              "The broker has no metadata for this producer id (for example its records expired)."),
        Entry(60, "REASSIGNMENT_IN_PROGRESS", false,
              "A partition reassignment is in progress."),
        Entry(61, "DELEGATION_TOKEN_AUTH_DISABLED", false,
              "The delegation token feature is not enabled."),
        Entry(62, "DELEGATION_TOKEN_NOT_FOUND", false,
              "The delegation token was not found on the server."),
        Entry(63, "DELEGATION_TOKEN_OWNER_MISMATCH", false,
              "The principal is not a valid owner or renewer of the token."),
        Entry(64, "DELEGATION_TOKEN_REQUEST_NOT_ALLOWED", false,
              "Delegation token requests are not allowed on this channel."),
        Entry(65, "DELEGATION_TOKEN_AUTHORIZATION_FAILED", false,
              "Delegation token authorization failed."),
        Entry(66, "DELEGATION_TOKEN_EXPIRED", false,
              "The delegation token has expired."),
        Entry(67, "INVALID_PRINCIPAL_TYPE", false,
              "The principal type is not supported."),
        Entry(68, "NON_EMPTY_GROUP", false,
              "The group is not empty."),
        Entry(69, "GROUP_ID_NOT_FOUND", false,
              "The group id does not exist."),
        Entry(70, "FETCH_SESSION_ID_NOT_FOUND", true,
              "The fetch session id was not found."),
        Entry(71, "INVALID_FETCH_SESSION_EPOCH", true,
              "The fetch session epoch is invalid."),
        Entry(72, "LISTENER_NOT_FOUND", true,
              "The leader broker has no listener matching the one that served the metadata request."),
        Entry(73, "TOPIC_DELETION_DISABLED", false,
              "Topic deletion is disabled."),
        Entry(74, "FENCED_LEADER_EPOCH", true,
              "The leader epoch in the request is older than the broker's."),
        Entry(75, "UNKNOWN_LEADER_EPOCH", true,
              "The leader epoch in the request is newer than the broker's."),
        Entry(76, "UNSUPPORTED_COMPRESSION_TYPE", false,
              "The client does not support the partition's compression type."),
        Entry(77, "STALE_BROKER_EPOCH", false,
              "The broker epoch has changed."),
        Entry(78, "OFFSET_NOT_AVAILABLE", true,
              "The offset is not available yet after a recent leader election."),
        Entry(79, "MEMBER_ID_REQUIRED", false,
              "The member needs a member id (returned in the response) before joining the group."),
        Entry(80, "PREFERRED_LEADER_NOT_AVAILABLE", true,
              "The preferred leader was not available."),
        Entry(81, "GROUP_MAX_SIZE_REACHED", false,
              "The group has reached its maximum size."),
        Entry(82, "FENCED_INSTANCE_ID", false,
              "Another member with the same group.instance.id has registered."),
        Entry(83, "ELIGIBLE_LEADERS_NOT_AVAILABLE", true,
              "Eligible leaders for the topic-partition are not available."),
        Entry(84, "ELECTION_NOT_NEEDED", true,
              "Leader election is not needed for the topic-partition."),
        Entry(85, "NO_REASSIGNMENT_IN_PROGRESS", false,
              "No partition reassignment is in progress."),
        Entry(86, "GROUP_SUBSCRIBED_TO_TOPIC", false,
              "Cannot delete offsets of a topic the group is actively subscribed to."),
        Entry(87, "INVALID_RECORD", false,
              "The record failed validation on the broker and was rejected."),
        Entry(88, "UNSTABLE_OFFSET_COMMIT", true,
              "There are unstable offsets that need to be cleared."),
        Entry(89, "THROTTLING_QUOTA_EXCEEDED", true,
              "The throttling quota has been exceeded."),
        Entry(90, "PRODUCER_FENCED", false,
              "A newer producer with the same transactional id has fenced this one."),
        Entry(91, "RESOURCE_NOT_FOUND", false,
              "The request referred to a resource that does not exist."),
        Entry(92, "DUPLICATE_RESOURCE", false,
              "The request referred to the same resource twice."),
        Entry(93, "UNACCEPTABLE_CREDENTIAL", false,
              "The requested credential does not meet the acceptability criteria."),
        Entry(94, "INCONSISTENT_VOTER_SET", false,
              "The sender or recipient of a voter-only request is not an expected voter."),
        Entry(95, "INVALID_UPDATE_VERSION", false,
              "The given update version was invalid."),
        Entry(96, "FEATURE_UPDATE_FAILED", false,
              "Updating finalized features failed with an unexpected server error."),
        Entry(97, "PRINCIPAL_DESERIALIZATION_FAILURE", false,
              "Deserializing the request principal failed during forwarding."),
        Entry(98, "SNAPSHOT_NOT_FOUND", false,
              "The requested snapshot was not found."),
        Entry(99, "POSITION_OUT_OF_RANGE", false,
              "The requested snapshot position is out of range."),
        Entry(100, "UNKNOWN_TOPIC_ID", true,
              "This server does not host this topic id."),
        Entry(101, "DUPLICATE_BROKER_REGISTRATION", false,
              "This broker id is already in use."),
        Entry(102, "BROKER_ID_NOT_REGISTERED", false,
              "The given broker id was not registered."),
        Entry(103, "INCONSISTENT_TOPIC_ID", true,
              "The log's topic id does not match the topic id in the request."),
        Entry(104, "INCONSISTENT_CLUSTER_ID", false,
              "The cluster id in the request does not match the server's."),
        Entry(105, "TRANSACTIONAL_ID_NOT_FOUND", false,
              "The transactional id could not be found."),
        Entry(106, "FETCH_SESSION_TOPIC_ID_ERROR", true,
              "The fetch session encountered inconsistent topic id usage."),
        Entry(107, "INELIGIBLE_REPLICA", false,
              "The new ISR contains at least one ineligible replica."),
        Entry(108, "NEW_LEADER_ELECTED", false,
              "The partition state was updated but the leader has changed."),
        Entry(109, "OFFSET_MOVED_TO_TIERED_STORAGE", false,
              "The requested offset has moved to tiered storage."),
        Entry(110, "FENCED_MEMBER_EPOCH", false,
              "The member epoch is fenced; the member must give up its partitions and rejoin."),
        Entry(111, "UNRELEASED_INSTANCE_ID", false,
              "The instance id is still used by another member, which must leave first."),
        Entry(112, "UNSUPPORTED_ASSIGNOR", false,
              "The assignor or its version range is not supported by the group."),
        Entry(113, "STALE_MEMBER_EPOCH", false,
              "The member epoch is stale; retry with the updated epoch."),
        Entry(114, "MISMATCHED_ENDPOINT_TYPE", false,
              "The request was sent to an endpoint of the wrong type."),
        Entry(115, "UNSUPPORTED_ENDPOINT_TYPE", false,
              "This endpoint type is not supported yet."),
        Entry(116, "UNKNOWN_CONTROLLER_ID", false,
              "This controller id is not known."),
        Entry(117, "UNKNOWN_SUBSCRIPTION_ID", false,
              "The telemetry subscription id is invalid or outdated."),
        Entry(118, "TELEMETRY_TOO_LARGE", false,
              "The telemetry push is larger than the broker accepts."),
        Entry(119, "INVALID_REGISTRATION", false,
              "The controller considers the broker registration invalid."),
        Entry(120, "TRANSACTION_ABORTABLE", false,
              "The transaction hit an error; abort it to keep using the transactional id."),
        Entry(121, "INVALID_RECORD_STATE", false,
              "The record state is invalid; the delivery acknowledgement could not be completed."),
        Entry(122, "SHARE_SESSION_NOT_FOUND", true,
              "The share session was not found."),
        Entry(123, "INVALID_SHARE_SESSION_EPOCH", true,
              "The share session epoch is invalid."),
        Entry(124, "FENCED_STATE_EPOCH", false,
              "The share-group state epoch did not match."),
        Entry(125, "INVALID_VOTER_KEY", false,
              "The voter key does not match the receiving replica's key."),
        Entry(126, "DUPLICATE_VOTER", false,
              "The voter is already part of the set of voters."),
        Entry(127, "VOTER_NOT_FOUND", false,
              "The voter is not part of the set of voters."),
        Entry(128, "INVALID_REGULAR_EXPRESSION", false,
              "The regular expression is not valid."),
        Entry(129, "REBOOTSTRAP_REQUIRED", false,
              "Client metadata is stale; the client should rebootstrap."),
        Entry(130, "STREAMS_INVALID_TOPOLOGY", false,
              "The supplied topology is invalid."),
        Entry(131, "STREAMS_INVALID_TOPOLOGY_EPOCH", false,
              "The supplied topology epoch is invalid."),
        Entry(132, "STREAMS_TOPOLOGY_FENCED", false,
              "The supplied topology epoch is outdated."),
        Entry(133, "SHARE_SESSION_LIMIT_REACHED", true,
              "The limit of share sessions has been reached."),
    ]
}
