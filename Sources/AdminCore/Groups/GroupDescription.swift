/// A consumer group as DescribeGroups (classic groups) or ConsumerGroupDescribe (consumer-protocol groups, KIP-848)
/// reports it.
public struct GroupDescription: Sendable, Hashable {
    /// Which group protocol the group runs: Kafka 4.x's GroupType.
    public enum GroupType: String, Sendable, Hashable {
        /// JoinGroup/SyncGroup, members assign (every Kafka).
        case classic
        /// ConsumerGroupHeartbeat, the coordinator assigns (KIP-848, Kafka 4.0+).
        case consumer
    }

    public struct Member: Sendable, Hashable {
        public var memberId: String
        public var groupInstanceId: String?
        public var clientId: String
        public var host: String
        /// What the member was assigned, when the broker reports it (only in state Stable, and not every broker).
        public var assignment: [TopicPartition]
        /// Consumer-protocol groups only: the member's epoch.
        public var memberEpoch: Int32? = nil
        /// Consumer-protocol groups only: what the coordinator is moving the member to.
        public var targetAssignment: [TopicPartition]? = nil
        /// Consumer-protocol groups only, from ConsumerGroupDescribe v1: true for a member that joined with the
        /// consumer protocol, false for a classic member of a group being upgraded; nil when the broker does not say.
        public var upgraded: Bool? = nil

        public init(memberId: String, groupInstanceId: String?, clientId: String, host: String, assignment: [TopicPartition],
                    memberEpoch: Int32? = nil, targetAssignment: [TopicPartition]? = nil, upgraded: Bool? = nil) {
            self.memberId = memberId
            self.groupInstanceId = groupInstanceId
            self.clientId = clientId
            self.host = host
            self.assignment = assignment
            self.memberEpoch = memberEpoch
            self.targetAssignment = targetAssignment
            self.upgraded = upgraded
        }
    }

    public var groupId: String
    /// Empty, PreparingRebalance, CompletingRebalance, Stable or Dead (classic groups).
    public var state: String
    public var protocolType: String
    /// The assignor the group uses (when Stable).
    public var protocolName: String
    public var members: [Member]
    public var coordinator: BrokerAddress?
    /// The coordinator's node id, when the cluster's metadata names it.
    public var coordinatorId: Int32? = nil
    public var type: GroupType = .classic
    /// Consumer-protocol groups only: the group's epoch and the epoch of its target assignment.
    public var groupEpoch: Int32? = nil
    public var assignmentEpoch: Int32? = nil

    public init(groupId: String, state: String, protocolType: String, protocolName: String, members: [Member],
                coordinator: BrokerAddress? = nil, coordinatorId: Int32? = nil, type: GroupType = .classic,
                groupEpoch: Int32? = nil, assignmentEpoch: Int32? = nil) {
        self.groupId = groupId
        self.state = state
        self.protocolType = protocolType
        self.protocolName = protocolName
        self.members = members
        self.coordinator = coordinator
        self.coordinatorId = coordinatorId
        self.type = type
        self.groupEpoch = groupEpoch
        self.assignmentEpoch = assignmentEpoch
    }

    /// Offsets may only be reset, and a group deleted, while nobody is in it.
    public var isInactive: Bool { state == "Empty" || state == "Dead" }
}

/// A group as ListGroups reports it.
public struct GroupListing: Sendable, Hashable {
    public var groupId: String
    public var protocolType: String
    /// Empty when the broker does not report states (ListGroups before v4).
    public var state: String
    /// "classic", "consumer" or "share"; empty before ListGroups v5.
    public var type: String

    public init(groupId: String, protocolType: String, state: String, type: String) {
        self.groupId = groupId
        self.protocolType = protocolType
        self.state = state
        self.type = type
    }
}

/// A committed position.
public struct CommittedOffset: Sendable, Hashable {
    public var offset: Int64
    public var metadata: String?
    public var leaderEpoch: Int32

    public init(offset: Int64, metadata: String? = nil, leaderEpoch: Int32 = -1) {
        self.offset = offset
        self.metadata = metadata
        self.leaderEpoch = leaderEpoch
    }
}
