/// What `--execute` did: the assignment before it (to save for a rollback), the throttles it set, and which
/// partitions the controller started moving or refused.
public struct ReassignmentExecution: Sendable, Equatable {
    public var previous: [TopicPartition: [Int32]]
    /// The inter-broker rate set on every reassigning broker, in bytes/s.
    public var interBrokerThrottle: Int64?
    /// The log-dir rate, in bytes/s (set on no broker while no replica moves between log dirs).
    public var logDirThrottle: Int64?
    public var started: [TopicPartition]
    public var failures: [TopicPartition: KafkactlError]
    /// The replicas moved between their brokers' log directories (none when the file names no log dir).
    public var logDirMoves: LogDirMoveExecution

    public init(previous: [TopicPartition: [Int32]], interBrokerThrottle: Int64?, logDirThrottle: Int64?,
                started: [TopicPartition], failures: [TopicPartition: KafkactlError],
                logDirMoves: LogDirMoveExecution = LogDirMoveExecution()) {
        self.previous = previous
        self.interBrokerThrottle = interBrokerThrottle
        self.logDirThrottle = logDirThrottle
        self.started = started
        self.failures = failures
        self.logDirMoves = logDirMoves
    }
}

/// Where one partition is, set against where it was asked to go.
public struct PartitionReassignmentState: Sendable, Equatable {
    public var currentReplicas: [Int32]
    public var targetReplicas: [Int32]
    /// No reassignment of the partition is in progress (whether or not it reached its target).
    public var done: Bool

    public init(currentReplicas: [Int32], targetReplicas: [Int32], done: Bool) {
        self.currentReplicas = currentReplicas
        self.targetReplicas = targetReplicas
        self.done = done
    }
}

/// The throttles cleared once every reassignment was done.
public struct ClearedThrottles: Sendable, Equatable {
    public var brokers: [Int32]
    public var topics: [String]

    public init(brokers: [Int32], topics: [String]) {
        self.brokers = brokers
        self.topics = topics
    }
}

/// What `--verify` found, and the throttles it cleared (none while any reassignment is in progress, or when kept).
public struct ReassignmentVerification: Sendable, Equatable {
    public var states: [TopicPartition: PartitionReassignmentState]
    /// Any reassignment in the cluster is still in progress (Apache's test: not only those of the file).
    public var inProgress: Bool
    /// Each replica of the file with a log dir: where its move between directories stands.
    public var moves: [PartitionReplica: LogDirMoveState]
    public var cleared: ClearedThrottles?

    public init(states: [TopicPartition: PartitionReassignmentState], inProgress: Bool,
                moves: [PartitionReplica: LogDirMoveState] = [:], cleared: ClearedThrottles?) {
        self.states = states
        self.inProgress = inProgress
        self.moves = moves
        self.cleared = cleared
    }

    /// Some replica is still being copied to another log directory.
    public var movesInProgress: Bool { moves.values.contains { !$0.done } }
}

/// What `--cancel` did.
public struct ReassignmentCancellation: Sendable, Equatable {
    public var cancelled: [TopicPartition]
    public var failures: [TopicPartition: KafkactlError]
    /// The replicas whose copy to another log directory was stopped by moving them back to their current one.
    public var logDirMoves: LogDirMoveExecution
    public var cleared: ClearedThrottles?

    public init(cancelled: [TopicPartition], failures: [TopicPartition: KafkactlError],
                logDirMoves: LogDirMoveExecution = LogDirMoveExecution(), cleared: ClearedThrottles?) {
        self.cancelled = cancelled
        self.failures = failures
        self.logDirMoves = logDirMoves
        self.cleared = cleared
    }
}

/// `--generate`'s answer: where the topics' partitions are, and where the placement would put them.
public struct ReassignmentProposal: Sendable, Equatable {
    public var current: [TopicPartition: [Int32]]
    public var proposed: [TopicPartition: [Int32]]

    public init(current: [TopicPartition: [Int32]], proposed: [TopicPartition: [Int32]]) {
        self.current = current
        self.proposed = proposed
    }
}

extension AdminClient {
    /// kafka-reassign-partitions.sh --execute: refuses while another reassignment runs (unless `additional`) or when
    /// a replica names an unknown broker or a partition does not exist; sets the throttles Apache sets; asks the
    /// controller to move every partition; then moves the replicas of `logDirs` to their directories, waiting up to
    /// `timeoutMs` for a replica the reassignment adds to appear on its broker.
    public func executeReassignment(
        _ proposed: [TopicPartition: [Int32]], logDirs: [PartitionReplica: String] = [:], additional: Bool,
        interBrokerThrottle: Int64?, logDirThrottle: Int64?, timeoutMs: Int64 = 10_000,
        allowReplicationFactorChange: Bool = true
    ) async throws -> ReassignmentExecution {
        let ongoing = try await listPartitionReassignments()
        if !additional && !ongoing.isEmpty {
            throw KafkactlError(.conflict, "Cannot execute because there is an existing partition assignment.  Use --additional to override this and create a new partition assignment in addition to the existing one. The --additional flag can also be used to change the throttle by resubmitting the current reassignment.")
        }
        let metadata = try await client.metadata(topics: Array(Set(proposed.keys.map(\.topic))).sorted())
        if let unknown = Set(proposed.values.joined()).sorted().first(where: { metadata.brokers[$0] == nil }) {
            throw KafkactlError(.usage, "Unknown broker id \(unknown)")
        }
        let previous = try currentReplicas(of: Set(proposed.keys), in: metadata)
        if let interBrokerThrottle {
            let moves = ReassignmentThrottles.moves(ongoing: ongoing, proposed: proposed, current: previous)
            try await setReplicationThrottles(moves, rate: interBrokerThrottle)
        }
        if let logDirThrottle {
            // Only the brokers with a replica to move between directories: a file without log dirs throttles none.
            try await setLogDirThrottle(brokers: Set(logDirs.keys.map(\.broker)).sorted(), rate: logDirThrottle)
        }
        let failures = try await alterPartitionReassignments(
            proposed.mapValues { Optional($0) }, allowReplicationFactorChange: allowReplicationFactorChange)
        // A replica of a partition the controller refused will not appear where it was asked to go: not moved.
        let moves = logDirs.filter { failures[$0.key.partition] == nil }
        let logDirMoves = moves.isEmpty ? LogDirMoveExecution() : try await moveReplicaLogDirs(moves, timeoutMs: timeoutMs)
        return ReassignmentExecution(
            previous: previous, interBrokerThrottle: interBrokerThrottle, logDirThrottle: logDirThrottle,
            started: proposed.keys.filter { failures[$0] == nil }.sorted(), failures: failures, logDirMoves: logDirMoves)
    }

    /// kafka-reassign-partitions.sh --verify: each partition's state, and, once no reassignment is in progress,
    /// where each move of `logDirs` between log directories stands, and, once no reassignment or move is in
    /// progress, the throttles cleared from every broker and from the file's topics (unless `preserveThrottles`).
    public func verifyReassignment(
        _ targets: [TopicPartition: [Int32]], logDirs: [PartitionReplica: String] = [:], preserveThrottles: Bool
    ) async throws -> ReassignmentVerification {
        let ongoing = try await listPartitionReassignments()
        var states: [TopicPartition: PartitionReassignmentState] = [:]
        let settled = targets.keys.filter { ongoing[$0] == nil }
        let metadata = try await client.metadata(topics: Array(Set(settled.map(\.topic))).sorted())
        for (partition, target) in targets {
            if let reassignment = ongoing[partition] {
                states[partition] = .init(currentReplicas: reassignment.replicas, targetReplicas: target, done: false)
            } else {
                // A partition that does not exist has no replicas: it is reported as not where it should be.
                let replicas = metadata.topics[partition.topic]?.partitions.first(where: { $0.partition == partition.partition })?.replicas ?? []
                states[partition] = .init(currentReplicas: replicas, targetReplicas: target, done: true)
            }
        }
        let moves = logDirs.isEmpty ? [:] : try await logDirMoveStates(logDirs)
        var cleared: ClearedThrottles?
        if ongoing.isEmpty && moves.values.allSatisfy(\.done) && !preserveThrottles {
            cleared = try await clearAllThrottles(targets, brokers: Array(metadata.brokers.keys))
        }
        return ReassignmentVerification(states: states, inProgress: !ongoing.isEmpty, moves: moves, cleared: cleared)
    }

    /// kafka-reassign-partitions.sh --cancel: cancels the reassignments of `targets` that are still moving
    /// replicas, stops each copy of `logDirs` still in progress by moving the replica back to its current directory
    /// (as Apache does, waiting up to `timeoutMs`), then clears the throttles (unless `preserveThrottles`, or
    /// something failed).
    public func cancelReassignment(
        _ targets: [TopicPartition: [Int32]], logDirs: [PartitionReplica: String] = [:], preserveThrottles: Bool,
        timeoutMs: Int64 = 10_000
    ) async throws -> ReassignmentCancellation {
        let moving = try await listPartitionReassignments(Array(targets.keys))
            .filter { !$0.value.addingReplicas.isEmpty || !$0.value.removingReplicas.isEmpty }
        var failures: [TopicPartition: KafkactlError] = [:]
        if !moving.isEmpty {
            failures = try await alterPartitionReassignments(moving.mapValues { _ -> [Int32]? in nil })
        }
        var back: [PartitionReplica: String] = [:]
        if !logDirs.isEmpty {
            for (replica, state) in try await logDirMoveStates(logDirs) {
                if case .active(let current, _, _) = state { back[replica] = current }
            }
        }
        let logDirMoves = back.isEmpty ? LogDirMoveExecution() : try await moveReplicaLogDirs(back, timeoutMs: timeoutMs)
        var cleared: ClearedThrottles?
        if failures.isEmpty && logDirMoves.failures.isEmpty && logDirMoves.timedOut.isEmpty && !preserveThrottles {
            let brokers = try await client.metadata(topics: []).brokers.keys
            cleared = try await clearAllThrottles(targets, brokers: Array(brokers))
        }
        return ReassignmentCancellation(cancelled: moving.keys.filter { failures[$0] == nil }.sorted(), failures: failures,
                                        logDirMoves: logDirMoves, cleared: cleared)
    }

    /// kafka-reassign-partitions.sh --generate: the topics' current assignment and a proposal placing each topic's
    /// partitions (at its replication factor) on `brokers`, by rack unless `rackAware` is off.
    public func proposeReassignment<Random: RandomNumberGenerator>(
        topics: [String], brokers: [Int32], rackAware: Bool, random: Random
    ) async throws -> ReassignmentProposal {
        let metadata = try await client.metadata(topics: topics)
        var current: [TopicPartition: [Int32]] = [:]
        for name in topics {
            guard let topic = metadata.topics[name], topic.error != .unknownTopicOrPartition else {
                throw KafkactlError(.notFound, "Topic \(name) not found.")
            }
            for partition in topic.partitions { current[TopicPartition(name, partition.partition)] = partition.replicas }
        }
        if let unknown = brokers.first(where: { metadata.brokers[$0] == nil }) {
            throw KafkactlError(.usage, "Unknown broker id \(unknown) in the broker list: the cluster has brokers \(metadata.brokers.keys.sorted().map(String.init).joined(separator: ","))")
        }
        let usable = brokers.map { UsableBroker(id: $0, rack: rackAware ? metadata.brokers[$0]?.rack : nil) }
        let rackless = usable.filter { $0.rack == nil }.count
        if rackAware && rackless != 0 && rackless != usable.count {
            throw KafkactlError(.usage, "Not all brokers have rack information. Add --disable-rack-aware in command line to make replica assignment without rack information.")
        }
        var placer = StripedReplicaPlacer(brokers: usable, random: random)
        var proposed: [TopicPartition: [Int32]] = [:]
        for name in topics.sorted() {
            let partitions = metadata.topics[name]!.partitions
            let replicationFactor = partitions.min(by: { $0.partition < $1.partition })?.replicas.count ?? 0
            for (index, replicas) in try placer.place(partitions: partitions.count, replicationFactor: replicationFactor).enumerated() {
                proposed[TopicPartition(name, Int32(index))] = replicas
            }
        }
        return ReassignmentProposal(current: current, proposed: proposed)
    }

    /// The replicas of each partition, or Apache's "Unable to find partition" for any that does not exist.
    private func currentReplicas(of partitions: Set<TopicPartition>, in metadata: ClusterMetadata) throws -> [TopicPartition: [Int32]] {
        var replicas: [TopicPartition: [Int32]] = [:]
        for partition in partitions {
            if let found = metadata.topics[partition.topic]?.partitions.first(where: { $0.partition == partition.partition }) {
                replicas[partition] = found.replicas
            }
        }
        let missing = partitions.subtracting(replicas.keys).sorted()
        guard missing.isEmpty else {
            throw KafkactlError(.notFound, "Unable to find partition: \(missing.map(\.description).joined(separator: ", "))")
        }
        return replicas
    }

    /// Clears the throttles from every live broker and every broker of the file, and from the file's topics: which
    /// brokers earlier reassignments throttled is not known, so all are cleared, as Apache does.
    private func clearAllThrottles(_ targets: [TopicPartition: [Int32]], brokers live: [Int32]) async throws -> ClearedThrottles {
        let brokers = Set(live).union(targets.values.joined()).sorted()
        let topics = Set(targets.keys.map(\.topic)).sorted()
        try await clearReplicationThrottles(brokers: brokers, topics: topics)
        return ClearedThrottles(brokers: brokers, topics: topics)
    }
}
