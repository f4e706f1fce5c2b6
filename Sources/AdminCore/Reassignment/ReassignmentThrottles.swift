/// Where a partition's data moves during a reassignment: the replicas it is copied from and those it is copied to.
public struct PartitionMove: Sendable, Hashable {
    public var sources: Set<Int32>
    public var destinations: Set<Int32>

    public init(sources: Set<Int32>, destinations: Set<Int32>) {
        self.sources = sources
        self.destinations = destinations
    }
}

/// The replication throttles kafka-reassign-partitions.sh sets, computed as it computes them: the topic configs
/// `leader.replication.throttled.replicas` (each moving partition's sources) and
/// `follower.replication.throttled.replicas` (its new destinations), and the broker rates on every broker that
/// sends or receives.
public enum ReassignmentThrottles {
    public static let leaderReplicas = "leader.replication.throttled.replicas"
    public static let followerReplicas = "follower.replication.throttled.replicas"
    public static let leaderRate = "leader.replication.throttled.rate"
    public static let followerRate = "follower.replication.throttled.rate"
    public static let logDirRate = "replica.alter.log.dirs.io.max.bytes.per.second"
    /// The broker configs cleared once reassignments are done.
    public static let brokerConfigs = [leaderRate, followerRate, logDirRate]
    /// The topic configs cleared once reassignments are done.
    public static let topicConfigs = [leaderReplicas, followerReplicas]

    /// Every move, ongoing and proposed: an ongoing reassignment's sources are its replicas less those being added,
    /// and a proposal for a partition already moving keeps those sources (its original replicas still hold the
    /// data); otherwise the sources are the partition's current replicas.
    public static func moves(
        ongoing: [TopicPartition: PartitionReassignment], proposed: [TopicPartition: [Int32]],
        current: [TopicPartition: [Int32]]
    ) -> [TopicPartition: PartitionMove] {
        var moves: [TopicPartition: PartitionMove] = [:]
        for (partition, reassignment) in ongoing {
            let adding = Set(reassignment.addingReplicas)
            moves[partition] = PartitionMove(sources: Set(reassignment.replicas).subtracting(adding), destinations: adding)
        }
        for (partition, replicas) in proposed {
            let sources = moves[partition]?.sources ?? Set(current[partition] ?? [])
            moves[partition] = PartitionMove(sources: sources, destinations: Set(replicas).subtracting(sources))
        }
        return moves
    }

    /// Each moving topic's `leader.replication.throttled.replicas`: `partition:broker` for every source, in the
    /// order of the strings (Apache collects them in a sorted set of strings, so "10:1" comes before "2:1").
    public static func leaderThrottles(_ moves: [TopicPartition: PartitionMove]) -> [String: String] {
        throttles(moves) { $0.sources }
    }

    /// Each moving topic's `follower.replication.throttled.replicas`: `partition:broker` for every new replica.
    public static func followerThrottles(_ moves: [TopicPartition: PartitionMove]) -> [String: String] {
        throttles(moves) { $0.destinations.subtracting($0.sources) }
    }

    /// The brokers that send or receive data, in order: the ones whose rates are set.
    public static func reassigningBrokers(_ moves: [TopicPartition: PartitionMove]) -> [Int32] {
        Set(moves.values.flatMap { $0.sources.union($0.destinations) }).sorted()
    }

    private static func throttles(_ moves: [TopicPartition: PartitionMove], _ brokers: (PartitionMove) -> Set<Int32>) -> [String: String] {
        var components: [String: Set<String>] = [:]
        for (partition, move) in moves {
            components[partition.topic, default: []].formUnion(brokers(move).map { "\(partition.partition):\($0)" })
        }
        return components.mapValues { $0.sorted().joined(separator: ",") }
    }
}

extension AdminClient {
    /// Sets the topic throttles and, on each reassigning broker, the leader and follower rates to `rate` bytes/s.
    func setReplicationThrottles(_ moves: [TopicPartition: PartitionMove], rate: Int64) async throws {
        let leader = ReassignmentThrottles.leaderThrottles(moves)
        let follower = ReassignmentThrottles.followerThrottles(moves)
        for topic in Set(leader.keys).union(follower.keys).sorted() {
            var changes: [ConfigChange] = []
            if let value = leader[topic] { changes.append(.set(ReassignmentThrottles.leaderReplicas, value)) }
            if let value = follower[topic] { changes.append(.set(ReassignmentThrottles.followerReplicas, value)) }
            try await alterConfigs(ConfigResource(.topic, topic), changes: changes)
        }
        for broker in ReassignmentThrottles.reassigningBrokers(moves) {
            try await alterConfigs(ConfigResource(.broker, String(broker)), changes: [
                .set(ReassignmentThrottles.leaderRate, String(rate)), .set(ReassignmentThrottles.followerRate, String(rate)),
            ])
        }
    }

    /// Removes every reassignment throttle from `brokers` and `topics`.
    func clearReplicationThrottles(brokers: [Int32], topics: [String]) async throws {
        for broker in brokers {
            try await alterConfigs(ConfigResource(.broker, String(broker)), changes: ReassignmentThrottles.brokerConfigs.map { .delete($0) })
        }
        for topic in topics {
            try await alterConfigs(ConfigResource(.topic, topic), changes: ReassignmentThrottles.topicConfigs.map { .delete($0) })
        }
    }
}
