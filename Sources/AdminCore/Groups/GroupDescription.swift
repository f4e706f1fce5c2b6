/// A consumer group as DescribeGroups reports it.
public struct GroupDescription: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var memberId: String
        public var groupInstanceId: String?
        public var clientId: String
        public var host: String
        /// What the member was assigned, when the broker reports it (only in state Stable, and not every broker).
        public var assignment: [TopicPartition]
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
}

/// A committed position.
public struct CommittedOffset: Sendable, Hashable {
    public var offset: Int64
    public var metadata: String?
    public var leaderEpoch: Int32
}
