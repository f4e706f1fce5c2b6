import NIOCore

/// Kafka's `cooperative-sticky` assignor (KIP-429, Java's CooperativeStickyAssignor): a balanced plan that keeps
/// each member's previously owned partitions as far as balance allows, and never hands a partition straight from
/// one member to another. A partition that must move is left out of this plan: its owner gives it up and rejoins,
/// and the follow-up rebalance gives it to its new member, so no partition is ever read by two members at once.
public struct CooperativeStickyAssignor: PartitionAssignor {
    public init() {}
    public var name: String { "cooperative-sticky" }
    public var supportedProtocols: [RebalanceProtocol] { [.eager, .cooperative] }

    /// Java writes the generation of the owned partitions as UserData (an int32), for leaders older than
    /// Subscription v2, which carries it as a field.
    public func subscriptionUserData(generation: Int32) -> ByteBuffer? {
        var buffer = ByteBuffer()
        buffer.writeInteger(generation)
        return buffer
    }

    public func assign(members: [GroupMemberSubscription], partitionCounts: [String: Int]) -> [String: [TopicPartition]] {
        var plan = StickyPlan(members: members, partitionCounts: partitionCounts)
        plan.keepValidClaims()
        plan.placeUnassigned()
        plan.balance()
        return plan.withoutTransfers()
    }
}

/// The generation of a member's owned partitions: Subscription v2's field, else the UserData int32 Java's
/// assignor writes; a member that sends neither has no generation (-1), as in Java.
extension GroupMemberSubscription {
    var ownedGeneration: Int32 {
        if let generation { return generation }
        if let userData, userData.readableBytes >= 4, let value = userData.getInteger(at: userData.readerIndex, as: Int32.self) {
            return value
        }
        return -1
    }
}

/// One run of the sticky assignment: who may read what, who held what, and the plan being built.
struct StickyPlan {
    private let members: [GroupMemberSubscription]
    /// Member ids in Java's member order: the tie-break everywhere, so a plan is the same on every leader.
    private let order: [String: Int]
    private let subscribed: [String: Set<String>]
    private let partitions: [TopicPartition]
    /// The member each partition was validly owned by, and partitions two members claimed in the same generation.
    private let previousOwner: [TopicPartition: String]
    private let contested: Set<TopicPartition>
    /// Every member that says it reads each partition, valid claim or not: a member with a stale generation (or
    /// none, as librdkafka sends) may still be reading, so nobody else is given that partition until it lets go.
    private let claimants: [TopicPartition: Set<String>]
    private(set) var assigned: [String: Set<TopicPartition>]

    init(members: [GroupMemberSubscription], partitionCounts: [String: Int]) {
        let ordered = members.sorted(by: GroupMemberSubscription.javaOrder)
        self.members = ordered
        order = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.memberId, $0) })
        subscribed = Dictionary(uniqueKeysWithValues: ordered.map { ($0.memberId, Set($0.topics)) })
        let topics = Set(ordered.flatMap(\.topics)).sorted()
        partitions = topics.flatMap { topic in (0..<(partitionCounts[topic] ?? 0)).map { TopicPartition(topic, Int32($0)) } }
        (previousOwner, contested) = Self.validatedClaims(ordered, existing: Set(partitions))
        var claimants: [TopicPartition: Set<String>] = [:]
        for member in ordered {
            for partition in member.ownedPartitions { claimants[partition, default: []].insert(member.memberId) }
        }
        self.claimants = claimants
        assigned = Dictionary(uniqueKeysWithValues: ordered.map { ($0.memberId, []) })
    }

    /// Java's rules for owned partitions: only claims of the highest generation count (a member with an older
    /// generation missed a rebalance, and its partitions may already be someone else's); a partition claimed by
    /// two members of that generation belongs to neither; claims on partitions that no longer exist are dropped.
    static func validatedClaims(_ members: [GroupMemberSubscription], existing: Set<TopicPartition>)
        -> (owners: [TopicPartition: String], contested: Set<TopicPartition>)
    {
        let newest = members.map(\.ownedGeneration).max() ?? -1
        var owners: [TopicPartition: String] = [:]
        var contested: Set<TopicPartition> = []
        for member in members where member.ownedGeneration == newest {
            for partition in member.ownedPartitions where existing.contains(partition) {
                if let other = owners[partition], other != member.memberId { contested.insert(partition) }
                owners[partition] = member.memberId
            }
        }
        for partition in contested { owners[partition] = nil }
        return (owners, contested)
    }

    private func mayRead(_ member: String, _ partition: TopicPartition) -> Bool {
        subscribed[member]?.contains(partition.topic) ?? false
    }

    private func count(_ member: String) -> Int { assigned[member]?.count ?? 0 }

    /// Fewest partitions first, then Java's member order.
    private func lighter(_ lhs: String, _ rhs: String) -> Bool {
        (count(lhs), order[lhs]!) < (count(rhs), order[rhs]!)
    }

    /// Each member starts with what it validly owned and still subscribes to.
    mutating func keepValidClaims() {
        for (partition, owner) in previousOwner where mayRead(owner, partition) {
            assigned[owner]!.insert(partition)
        }
    }

    /// The remaining partitions go, one at a time, to the least loaded member that may read them; partitions
    /// fewer members may read are placed first, while those members still have room.
    mutating func placeUnassigned() {
        let taken = Set(assigned.values.flatMap { $0 })
        let readers = Dictionary(uniqueKeysWithValues: partitions.map { partition in
            (partition, members.map(\.memberId).filter { mayRead($0, partition) })
        })
        let free = partitions.filter { !taken.contains($0) && !readers[$0]!.isEmpty }
            .sorted { (readers[$0]!.count, $0) < (readers[$1]!.count, $1) }
        for partition in free {
            let member = readers[partition]!.min(by: lighter)!
            assigned[member]!.insert(partition)
        }
    }

    /// Moves one partition at a time from the most loaded member to a member with at least two fewer that may
    /// read it, until no such move is left. Every move lowers the spread, so this ends; members with the same
    /// subscription end at most one apart. Partitions placed in this run move before ones a member already owned,
    /// so as few owned partitions as possible change hands.
    mutating func balance() {
        while let (partition, from, to) = nextMove() {
            assigned[from]!.remove(partition)
            assigned[to]!.insert(partition)
        }
    }

    private func nextMove() -> (TopicPartition, String, String)? {
        let donors = members.map(\.memberId).sorted { lighter($1, $0) }
        for donor in donors {
            let receivers = members.map(\.memberId).filter { count(donor) - count($0) >= 2 }.sorted(by: lighter)
            for receiver in receivers {
                let movable = assigned[donor]!.filter { mayRead(receiver, $0) }
                let fresh = movable.filter { previousOwner[$0] != donor }
                if let partition = fresh.max() ?? movable.max() { return (partition, donor, receiver) }
            }
        }
        return nil
    }

    /// The cooperative rule: a partition another member still owns (or that two members claimed) is left out of
    /// this plan; it is given in the rebalance that follows its release. Together with the valid owners, every
    /// claim counts here, so the plan passes Java's leader check (validateCooperativeAssignment): no member is
    /// given a partition that another member still holds.
    func withoutTransfers() -> [String: [TopicPartition]] {
        var result: [String: [TopicPartition]] = [:]
        for (member, partitions) in assigned {
            result[member] = partitions.filter { mayKeep($0, member) }.sorted()
        }
        return result
    }

    private func mayKeep(_ partition: TopicPartition, _ member: String) -> Bool {
        if contested.contains(partition) { return false }
        if let owner = previousOwner[partition], owner != member { return false }
        let others = claimants[partition, default: []].subtracting([member])
        return others.isEmpty || claimants[partition]!.contains(member)
    }
}
