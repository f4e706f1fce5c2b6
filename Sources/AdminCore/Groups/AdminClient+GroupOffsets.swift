/// One partition of a group's offsets view (`consumer-groups --describe`): what is committed, where the log ends, and
/// who owns it.
public struct GroupOffsetRow: Sendable {
    public var group: String
    public var partition: TopicPartition
    public var current: Int64?
    public var logEnd: Int64?
    public var leaderEpoch: Int32?
    public var member: GroupDescription.Member?
    /// Milliseconds: the age of the next unconsumed record, and how much older it is than the newest record
    /// (filled by `PartitionConsumer.timeLags`, with `--time-lag`).
    public var timeLag: Int64?
    public var behindNewest: Int64?

    public var lag: Int64? { groupLag(committed: current, logEnd: logEnd) }

    public init(group: String, partition: TopicPartition, current: Int64?, logEnd: Int64?, leaderEpoch: Int32?,
                member: GroupDescription.Member?, timeLag: Int64? = nil, behindNewest: Int64? = nil) {
        self.group = group
        self.partition = partition
        self.current = current
        self.logEnd = logEnd
        self.leaderEpoch = leaderEpoch
        self.member = member
        self.timeLag = timeLag
        self.behindNewest = behindNewest
    }
}

extension AdminClient {
    /// The offsets view of one group (issue 17: the workflow lives in Groups): a row for every partition a member
    /// owns or the group committed, in Kafka's order (members with more partitions first, then the partitions without
    /// an owner), with each log end from ListOffsets.
    public func groupOffsets(_ description: GroupDescription, committed: [TopicPartition: CommittedOffset]) async throws -> [GroupOffsetRow] {
        var owner: [TopicPartition: GroupDescription.Member] = [:]
        for member in description.members { for partition in member.assignment { owner[partition] = member } }
        let partitions = Set(owner.keys).union(committed.keys)
        let ends = try await listOffsets(Dictionary(uniqueKeysWithValues: partitions.map { ($0, OffsetSpec.latest) }))
        func row(_ partition: TopicPartition, _ member: GroupDescription.Member?) -> GroupOffsetRow {
            GroupOffsetRow(group: description.groupId, partition: partition, current: committed[partition]?.offset,
                           logEnd: try? ends[partition]?.get().offset, leaderEpoch: committed[partition]?.leaderEpoch, member: member)
        }
        var rows: [GroupOffsetRow] = []
        for member in description.members.sorted(by: { $0.assignment.count > $1.assignment.count }) {
            rows += member.assignment.sorted().map { row($0, member) }
        }
        rows += partitions.filter { owner[$0] == nil }.sorted().map { row($0, nil) }
        return rows
    }
}
