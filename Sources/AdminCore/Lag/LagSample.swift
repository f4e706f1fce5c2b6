/// One look at every consumer group's position (`kafkactl top`): for each group its state, member count and, per
/// partition it committed, the committed offset and the log end, all taken in one round of batched requests.
public struct LagSample: Sendable {
    /// Seconds on a monotonic clock (only differences between samples mean anything).
    public var time: Double
    public var groups: [GroupPosition]

    public init(time: Double, groups: [GroupPosition]) {
        self.time = time
        self.groups = groups
    }
}

/// Where one group stands in one sample.
public struct GroupPosition: Sendable {
    public var group: String
    public var state: String
    public var members: Int
    /// Committed offset and log end of each partition the group committed.
    public var partitions: [TopicPartition: PartitionPosition]
    /// Why the group could not be described or its offsets not fetched (its row shows the error, the rest go on).
    public var error: KafkactlError?

    public init(group: String, state: String, members: Int, partitions: [TopicPartition: PartitionPosition], error: KafkactlError? = nil) {
        self.group = group
        self.state = state
        self.members = members
        self.partitions = partitions
        self.error = error
    }
}

public struct PartitionPosition: Sendable, Hashable {
    public var committed: Int64
    /// Nil when ListOffsets failed for the partition (no leader, deleted topic).
    public var logEnd: Int64?

    public init(committed: Int64, logEnd: Int64?) {
        self.committed = committed
        self.logEnd = logEnd
    }

    public var lag: Int64? { groupLag(committed: committed, logEnd: logEnd) }
}

extension AdminClient {
    /// Takes one sample of the groups `includes` accepts. The requests are bounded by the cluster, not by the
    /// groups: ListGroups once per broker, DescribeGroups once per coordinator, OffsetFetch once per coordinator
    /// (v8+, Kafka 3.0+, names many groups; older coordinators get one per group), and ListOffsets (latest) once
    /// per leader for every partition any group committed.
    ///
    /// Groups whose protocol is not "consumer" (Connect workers, share groups) have no offsets to lag and are left
    /// out; a group with committed offsets but no members (protocol type empty) is kept.
    public func sampleLag(includes: (String) -> Bool = { _ in true }) async throws -> LagSample {
        let listed = try await listGroups().filter { ($0.protocolType.isEmpty || $0.protocolType == "consumer") && includes($0.groupId) }
        let names = listed.map(\.groupId)
        guard !names.isEmpty else { return LagSample(time: LagClock.seconds(), groups: []) }
        async let describedTask = describeGroups(names)
        async let committedTask = committedOffsets(groups: names)
        let (described, committed) = try await (describedTask, committedTask)
        var wanted: Set<TopicPartition> = []
        for case .success(let offsets)? in committed.values { wanted.formUnion(offsets.keys) }
        let ends = wanted.isEmpty ? [:] : try await listOffsets(Dictionary(uniqueKeysWithValues: wanted.map { ($0, OffsetSpec.latest) }))
        let time = LagClock.seconds()
        let positions = listed.map { listing -> GroupPosition in
            var position = GroupPosition(group: listing.groupId, state: listing.state, members: 0, partitions: [:])
            switch described[listing.groupId] {
            case .success(let description)?:
                position.state = description.state
                position.members = description.members.count
            case .failure(let error)?: position.error = error
            case nil: break
            }
            switch committed[listing.groupId] {
            case .success(let offsets)?:
                for (partition, offset) in offsets {
                    position.partitions[partition] = PartitionPosition(committed: offset.offset, logEnd: try? ends[partition]?.get().offset)
                }
            case .failure(let error)?: position.error = position.error ?? error
            case nil: break
            }
            return position
        }
        return LagSample(time: time, groups: positions)
    }
}

/// Monotonic seconds for samples: rates divide by the time between two samples, which a wall-clock step must not
/// distort.
public enum LagClock {
    private static let origin = ContinuousClock.now

    public static func seconds() -> Double {
        let elapsed = origin.duration(to: .now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }
}
