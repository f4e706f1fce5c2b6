import NIOCore

/// The embedded consumer protocol (`ProtocolType` "consumer"): what members put in JoinGroup's metadata and the
/// leader hands out through SyncGroup. Never flexible: int16 strings and int32 arrays even inside flexible
/// requests. Each blob starts with an int16 version; readers take any version and read the fields they know.
public enum ConsumerProtocol {
    public struct Subscription: Sendable, Hashable {
        public var topics: [String]
        public var userData: ByteBuffer?
        /// Partitions held now (v1+), for cooperative assignors.
        public var ownedPartitions: [TopicPartition]
        /// The generation in which `ownedPartitions` were assigned (v2+); -1 when none (or not sent).
        public var generationId: Int32
        /// `client.rack` (v3+).
        public var rackId: String?

        public init(topics: [String], userData: ByteBuffer? = nil, ownedPartitions: [TopicPartition] = [],
                    generationId: Int32 = -1, rackId: String? = nil) {
            self.topics = topics
            self.userData = userData
            self.ownedPartitions = ownedPartitions
            self.generationId = generationId
            self.rackId = rackId
        }
    }

    public struct Assignment: Sendable, Hashable {
        public var partitions: [TopicPartition]
        public var userData: ByteBuffer?

        public init(partitions: [TopicPartition], userData: ByteBuffer? = nil) {
            self.partitions = partitions
            self.userData = userData
        }
    }

    /// Subscription v0 (topics sorted, as Java writes them); v1 adds owned partitions, v2 their generation, v3 the
    /// rack.
    public static func encode(_ subscription: Subscription, version: Int16 = 0) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(version)
        buffer.writeInteger(Int32(subscription.topics.count))
        for topic in subscription.topics.sorted() { buffer.writeKafkaString(topic, compact: false) }
        buffer.writeKafkaNullableBytes(subscription.userData, compact: false)
        if version >= 1 { writeTopicPartitions(subscription.ownedPartitions, into: &buffer) }
        if version >= 2 { buffer.writeInteger(subscription.generationId) }
        if version >= 3 { buffer.writeKafkaNullableString(subscription.rackId, compact: false) }
        return buffer
    }

    public static func decodeSubscription(_ bytes: ByteBuffer) throws -> Subscription {
        var buffer = bytes
        let version = try buffer.readKafkaInteger(as: Int16.self, field: "Subscription.Version")
        guard let count = try buffer.readKafkaArrayLength(compact: false, field: "Subscription.Topics") else {
            throw WireError.invalid("Subscription.Topics", "null")
        }
        var topics: [String] = []
        for _ in 0..<count { topics.append(try buffer.readKafkaString(compact: false, field: "Subscription.Topics")) }
        let userData = try buffer.readKafkaNullableBytes(compact: false, field: "Subscription.UserData")
        // A field a version has may still be missing at the end (older writers stopped early): defaults then.
        var owned: [TopicPartition] = []
        if version >= 1 && buffer.readableBytes > 0 { owned = try readTopicPartitions(&buffer, field: "Subscription.OwnedPartitions") }
        var generation: Int32 = -1
        if version >= 2 && buffer.readableBytes > 0 { generation = try buffer.readKafkaInteger(as: Int32.self, field: "Subscription.GenerationId") }
        var rack: String?
        if version >= 3 && buffer.readableBytes > 0 { rack = try buffer.readKafkaNullableString(compact: false, field: "Subscription.RackId") }
        return Subscription(topics: topics, userData: userData, ownedPartitions: owned, generationId: generation, rackId: rack)
    }

    public static func encode(_ assignment: Assignment) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(Int16(0))
        writeTopicPartitions(assignment.partitions, into: &buffer)
        buffer.writeKafkaNullableBytes(assignment.userData, compact: false)
        return buffer
    }

    /// An empty blob means "nothing assigned", as brokers send it to members of an empty assignment.
    public static func decodeAssignment(_ bytes: ByteBuffer) throws -> Assignment {
        var buffer = bytes
        guard buffer.readableBytes > 0 else { return Assignment(partitions: []) }
        _ = try buffer.readKafkaInteger(as: Int16.self, field: "Assignment.Version")
        let partitions = try readTopicPartitions(&buffer, field: "Assignment.AssignedPartitions")
        let userData = buffer.readableBytes > 0 ? try buffer.readKafkaNullableBytes(compact: false, field: "Assignment.UserData") : nil
        return Assignment(partitions: partitions, userData: userData)
    }

    private static func writeTopicPartitions(_ partitions: [TopicPartition], into buffer: inout ByteBuffer) {
        let grouped = Dictionary(grouping: partitions, by: \.topic)
        buffer.writeInteger(Int32(grouped.count))
        for topic in grouped.keys.sorted() {
            buffer.writeKafkaString(topic, compact: false)
            let ids = grouped[topic]!.map(\.partition).sorted()
            buffer.writeInteger(Int32(ids.count))
            for id in ids { buffer.writeInteger(id) }
        }
    }

    private static func readTopicPartitions(_ buffer: inout ByteBuffer, field: String) throws -> [TopicPartition] {
        guard let topics = try buffer.readKafkaArrayLength(compact: false, field: field) else { return [] }
        var result: [TopicPartition] = []
        for _ in 0..<topics {
            let topic = try buffer.readKafkaString(compact: false, field: field)
            guard let count = try buffer.readKafkaLength(compact: false, wide: true, minimumElementSize: 4, field: field) else { continue }
            for _ in 0..<count { result.append(TopicPartition(topic, try buffer.readKafkaInteger(as: Int32.self, field: field))) }
        }
        return result
    }
}

/// How a group moves partitions between members (KIP-429). Eager: every member gives up everything before each
/// rebalance. Cooperative: members keep what stays theirs, and a partition that moves is first given up by its old
/// owner and handed to the new one in a follow-up rebalance.
public enum RebalanceProtocol: Int, Sendable, Comparable {
    case eager, cooperative

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A partition assignor the group leader runs: member subscriptions and partition counts in, assignments out.
public protocol PartitionAssignor: Sendable {
    /// The name members vote on in JoinGroup.
    var name: String { get }
    /// The rebalance protocols the assignor's plans are safe under.
    var supportedProtocols: [RebalanceProtocol] { get }
    /// What this assignor puts in the subscription's UserData.
    func subscriptionUserData(generation: Int32) -> ByteBuffer?
    func assign(members: [GroupMemberSubscription], partitionCounts: [String: Int]) -> [String: [TopicPartition]]
}

extension PartitionAssignor {
    public var supportedProtocols: [RebalanceProtocol] { [.eager] }
    public func subscriptionUserData(generation: Int32) -> ByteBuffer? { nil }
}

public struct GroupMemberSubscription: Sendable, Hashable {
    public var memberId: String
    public var groupInstanceId: String?
    public var topics: [String]
    /// The partitions the member says it holds (Subscription v1+).
    public var ownedPartitions: [TopicPartition]
    /// The generation of `ownedPartitions` (Subscription v2+), nil when not sent.
    public var generation: Int32?
    public var userData: ByteBuffer?

    public init(memberId: String, groupInstanceId: String?, topics: [String], ownedPartitions: [TopicPartition] = [],
                generation: Int32? = nil, userData: ByteBuffer? = nil) {
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
        self.topics = topics
        self.ownedPartitions = ownedPartitions
        self.generation = generation
        self.userData = userData
    }

    /// A member's subscription as the leader reads it from JoinGroup.
    public init(memberId: String, groupInstanceId: String?, subscription: ConsumerProtocol.Subscription) {
        self.init(memberId: memberId, groupInstanceId: groupInstanceId, topics: subscription.topics,
                  ownedPartitions: subscription.ownedPartitions,
                  generation: subscription.generationId >= 0 ? subscription.generationId : nil,
                  userData: subscription.userData)
    }

    /// Java orders members for assignment: static members first by instance id, then the rest by member id.
    static func javaOrder(_ lhs: GroupMemberSubscription, _ rhs: GroupMemberSubscription) -> Bool {
        switch (lhs.groupInstanceId, rhs.groupInstanceId) {
        case let (left?, right?): return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs.memberId < rhs.memberId
        }
    }
}

/// Kafka's `range` assignor: per topic, consecutive partition ranges, the first members getting one more.
public struct RangeAssignor: PartitionAssignor {
    public init() {}
    public var name: String { "range" }

    public func assign(members: [GroupMemberSubscription], partitionCounts: [String: Int]) -> [String: [TopicPartition]] {
        var result = Dictionary(uniqueKeysWithValues: members.map { ($0.memberId, [TopicPartition]()) })
        let topics = Set(members.flatMap(\.topics))
        for topic in topics.sorted() {
            guard let count = partitionCounts[topic] else { continue }
            let subscribers = members.filter { $0.topics.contains(topic) }.sorted(by: GroupMemberSubscription.javaOrder)
            guard !subscribers.isEmpty else { continue }
            let quota = count / subscribers.count
            let extra = count % subscribers.count
            var next = 0
            for (index, member) in subscribers.enumerated() {
                let share = quota + (index < extra ? 1 : 0)
                result[member.memberId, default: []] += (next..<next + share).map { TopicPartition(topic, Int32($0)) }
                next += share
            }
        }
        return result
    }
}

/// Kafka's `roundrobin` assignor: every subscribed partition, in topic and partition order, dealt to the members
/// in turn (skipping members not subscribed to the topic).
public struct RoundRobinAssignor: PartitionAssignor {
    public init() {}
    public var name: String { "roundrobin" }

    public func assign(members: [GroupMemberSubscription], partitionCounts: [String: Int]) -> [String: [TopicPartition]] {
        let ordered = members.sorted(by: GroupMemberSubscription.javaOrder)
        var result = Dictionary(uniqueKeysWithValues: members.map { ($0.memberId, [TopicPartition]()) })
        guard !ordered.isEmpty else { return result }
        var turn = 0
        for topic in Set(members.flatMap(\.topics)).sorted() {
            guard let count = partitionCounts[topic] else { continue }
            for partition in 0..<count {
                // Next member (circularly) that subscribes to the topic.
                for _ in 0..<ordered.count {
                    let member = ordered[turn % ordered.count]
                    turn += 1
                    if member.topics.contains(topic) {
                        result[member.memberId, default: []].append(TopicPartition(topic, Int32(partition)))
                        break
                    }
                }
            }
        }
        return result
    }
}
