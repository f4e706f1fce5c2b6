/// What `consumer-groups --doctor` sees of one group at one moment: its description, its committed offsets, and for
/// each partition it committed or was assigned, the leader and the log's bounds (start, high watermark, last stable
/// offset).
public struct GroupObservation: Sendable {
    /// Wall-clock milliseconds when the observation was taken.
    public var timeMs: Int64
    public var description: GroupDescription
    public var committed: [TopicPartition: CommittedOffset]
    /// Every partition the group committed or a member holds, of the topics that exist.
    public var partitions: [TopicPartition: PartitionHealth]
    /// Topics the group committed offsets for that the cluster no longer has.
    public var missingTopics: Set<String>

    public init(timeMs: Int64, description: GroupDescription, committed: [TopicPartition: CommittedOffset],
                partitions: [TopicPartition: PartitionHealth], missingTopics: Set<String> = []) {
        self.timeMs = timeMs
        self.description = description
        self.committed = committed
        self.partitions = partitions
        self.missingTopics = missingTopics
    }

    /// Records between the committed offset and the high watermark, over every partition both are known for (a
    /// committed offset past the high watermark counts as none waiting).
    public var lag: Int64 {
        committed.keys.reduce(0) { $0 + waiting(on: $1) }
    }

    /// The committed partitions with records waiting, in order.
    public var lagging: [TopicPartition] {
        committed.keys.filter { waiting(on: $0) > 0 }.sorted()
    }

    /// Records waiting on one partition: 0 when unknown or when the committed offset is past the high watermark.
    public func waiting(on partition: TopicPartition) -> Int64 {
        max(0, groupLag(committed: committed[partition]?.offset, logEnd: partitions[partition]?.highWatermark) ?? 0)
    }
}

/// One partition's leader and log bounds, as the metadata and ListOffsets report them. A bound is nil when the
/// partition has no leader to ask or its leader did not answer.
public struct PartitionHealth: Sendable, Hashable {
    /// -1: no leader.
    public var leader: Int32
    public var leaderEpoch: Int32
    public var replicas: [Int32]
    public var isr: [Int32]
    /// Replicas the controller reports offline (their log directory failed).
    public var offlineReplicas: [Int32]
    public var logStart: Int64?
    public var highWatermark: Int64?
    /// The last stable offset: below it every transaction has ended (ListOffsets latest at read_committed).
    public var lastStable: Int64?

    public init(leader: Int32, leaderEpoch: Int32 = -1, replicas: [Int32] = [], isr: [Int32] = [], offlineReplicas: [Int32] = [],
                logStart: Int64? = nil, highWatermark: Int64? = nil, lastStable: Int64? = nil) {
        self.leader = leader
        self.leaderEpoch = leaderEpoch
        self.replicas = replicas
        self.isr = isr
        self.offlineReplicas = offlineReplicas
        self.logStart = logStart
        self.highWatermark = highWatermark
        self.lastStable = lastStable
    }

    public var hasLeader: Bool { leader >= 0 }
}

extension AdminClient {
    /// One observation of `group`: DescribeGroups, OffsetFetch, one Metadata for the topics involved, and three
    /// ListOffsets rounds (earliest, latest, latest at read_committed) at the partitions' leaders. Partitions without
    /// a leader are not asked (a leaderless partition would hold the whole call until the API timeout).
    public func observeGroup(_ group: String) async throws -> GroupObservation {
        async let describedTask = describeGroups([group])
        async let committedTask = committedOffsets(group: group)
        let (described, committed) = try await (describedTask, committedTask)
        guard let outcome = described[group] else { throw KafkactlError(.internal, "the broker did not describe group '\(group)'") }
        let description = try outcome.get()
        let assigned = description.members.flatMap(\.assignment)
        let topics = Set(committed.keys.map(\.topic)).union(assigned.map(\.topic))
        var partitions: [TopicPartition: PartitionHealth] = [:]
        var missing: Set<String> = []
        if !topics.isEmpty {
            let metadata = try await client.metadata(topics: topics.sorted())
            for topic in topics {
                guard let described = metadata.topics[topic], described.error == .none else {
                    if metadata.topics[topic]?.error ?? .unknownTopicOrPartition == .unknownTopicOrPartition { missing.insert(topic) }
                    continue
                }
                for info in described.partitions {
                    // A leader the metadata names but does not list among the live brokers is as good as none.
                    let leader = info.leader >= 0 && metadata.brokers[info.leader] != nil ? info.leader : -1
                    partitions[TopicPartition(topic, info.partition)] = PartitionHealth(
                        leader: leader, leaderEpoch: info.leaderEpoch, replicas: info.replicas, isr: info.isr,
                        offlineReplicas: info.offlineReplicas)
                }
            }
            // Only the partitions the group is concerned with: the committed and the assigned ones.
            let concerned = Set(committed.keys).union(assigned)
            partitions = partitions.filter { concerned.contains($0.key) }
            let led = partitions.filter(\.value.hasLeader).map(\.key)
            if !led.isEmpty {
                async let startsTask = client.listOffsets(Dictionary(uniqueKeysWithValues: led.map { ($0, OffsetSpec.earliest) }))
                async let endsTask = client.listOffsets(Dictionary(uniqueKeysWithValues: led.map { ($0, OffsetSpec.latest) }))
                async let stableTask = client.listOffsets(
                    Dictionary(uniqueKeysWithValues: led.map { ($0, OffsetSpec.latest) }), isolation: .readCommitted)
                let (starts, ends, stable) = try await (startsTask, endsTask, stableTask)
                for partition in led {
                    partitions[partition]?.logStart = try? starts[partition]?.get().offset
                    partitions[partition]?.highWatermark = try? ends[partition]?.get().offset
                    partitions[partition]?.lastStable = try? stable[partition]?.get().offset
                }
            }
        }
        return GroupObservation(timeMs: WallClock.millis(), description: description, committed: committed,
                                partitions: partitions, missingTopics: missing)
    }
}
