/// One partition's replica on one broker (Kafka's TopicPartitionReplica), written as Kafka writes it:
/// `topic-partition-broker`. Ordered as kafka-reassign-partitions.sh orders them: by broker, then partition.
public struct PartitionReplica: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var partition: TopicPartition
    public var broker: Int32

    public init(_ partition: TopicPartition, broker: Int32) {
        self.partition = partition
        self.broker = broker
    }

    public var description: String { "\(partition.topic)-\(partition.partition)-\(broker)" }

    public static func < (lhs: PartitionReplica, rhs: PartitionReplica) -> Bool {
        lhs.broker != rhs.broker ? lhs.broker < rhs.broker : lhs.partition < rhs.partition
    }
}

/// Where a replica asked to move to another log directory of its broker stands (DescribeLogDirs at that broker),
/// as kafka-reassign-partitions.sh tells the cases apart.
public enum LogDirMoveState: Sendable, Equatable {
    /// The broker holds the replica in no live directory (likely an offline one).
    case missingLogDir(target: String)
    /// A copy is being made, into `future` (the target, or another directory if someone else moved it since).
    case active(current: String, target: String, future: String)
    /// No copy is being made and the replica is not in the target directory.
    case cancelled(current: String, target: String)
    case completed(target: String)

    /// Nothing is moving any more (Apache's `done`): every state but an active copy.
    public var done: Bool {
        if case .active = self { return false }
        return true
    }
}

/// What `--execute` did about log directories: the moves the brokers accepted, in the order they did, those refused,
/// and those whose replica had not appeared on its broker when `--timeout` ran out.
public struct LogDirMoveExecution: Sendable, Equatable {
    public var started: [PartitionReplica]
    public var failures: [PartitionReplica: KafkactlError]
    public var timedOut: [PartitionReplica]
    /// Each replica's target directory.
    public var targets: [PartitionReplica: String]

    public init(started: [PartitionReplica] = [], failures: [PartitionReplica: KafkactlError] = [:],
                timedOut: [PartitionReplica] = [], targets: [PartitionReplica: String] = [:]) {
        self.started = started
        self.failures = failures
        self.timedOut = timedOut
        self.targets = targets
    }
}

extension AdminClient {
    /// Asks each replica's broker to move it to its target directory (AlterReplicaLogDirs, one request per broker),
    /// again every 100 ms while a broker answers REPLICA_NOT_AVAILABLE (the replica a reassignment adds to it does
    /// not exist there yet), until `timeoutMs` has passed, as kafka-reassign-partitions.sh --execute does. Any
    /// other error is that replica's failure; the other replicas go on.
    public func moveReplicaLogDirs(_ targets: [PartitionReplica: String], timeoutMs: Int64) async throws -> LogDirMoveExecution {
        var execution = LogDirMoveExecution(targets: targets)
        var pending = targets
        // A poll, not a retry of a failure: Kafka's tool asks every 100 ms until the timeout, and so does kafkactl
        // (the client's doubling backoff would ask three times in 600 ms where Kafka asks six).
        let deadline = ContinuousClock.now + .milliseconds(timeoutMs)
        while !pending.isEmpty {
            let answers = try await alterReplicaLogDirs(pending)
            for (replica, code) in answers.sorted(by: { $0.key < $1.key }) {
                if code == .none {
                    execution.started.append(replica)
                    pending[replica] = nil
                } else if code != .replicaNotAvailable {
                    execution.failures[replica] = KafkactlError.broker(code, "Failed to alter dir for \(replica)")
                    pending[replica] = nil
                }
            }
            if pending.isEmpty { break }
            if ContinuousClock.now >= deadline {
                execution.timedOut = pending.keys.sorted()
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return execution
    }

    /// One AlterReplicaLogDirs per broker, concurrently: each replica's error code (a replica the broker's answer
    /// leaves out counts as UNKNOWN_SERVER_ERROR, as Kafka's admin client fails it).
    func alterReplicaLogDirs(_ targets: [PartitionReplica: String]) async throws -> [PartitionReplica: ErrorCode] {
        let byBroker = Dictionary(grouping: targets, by: { $0.key.broker })
        return try await withThrowingTaskGroup(of: [PartitionReplica: ErrorCode].self) { group in
            for (broker, moves) in byBroker {
                let request = Self.alterReplicaLogDirsRequest(moves.map { ($0.key.partition, $0.value) })
                group.addTask {
                    let response = try await self.client.send(request, to: broker, feature: "moving replicas between log directories")
                    var codes: [PartitionReplica: ErrorCode] = [:]
                    for topic in response.results {
                        for partition in topic.partitions {
                            codes[PartitionReplica(TopicPartition(topic.topicName, partition.partitionIndex), broker: broker)] =
                                ErrorCode(rawValue: partition.errorCode)
                        }
                    }
                    for move in moves where codes[move.key] == nil { codes[move.key] = .unknownServerError }
                    return codes.filter { targets[$0.key] != nil }
                }
            }
            var codes: [PartitionReplica: ErrorCode] = [:]
            for try await answer in group { codes.merge(answer) { _, last in last } }
            return codes
        }
    }

    /// The request for one broker: its partitions grouped by target directory, then by topic, in order.
    static func alterReplicaLogDirsRequest(_ moves: [(TopicPartition, String)]) -> AlterReplicaLogDirsRequest {
        let byDir = Dictionary(grouping: moves, by: { $0.1 })
        return AlterReplicaLogDirsRequest(dirs: byDir.keys.sorted().map { path in
            let byTopic = Dictionary(grouping: byDir[path]!.map(\.0), by: \.topic)
            return .init(path: path, topics: byTopic.keys.sorted().map { topic in
                .init(name: topic, partitions: byTopic[topic]!.map(\.partition).sorted())
            })
        })
    }

    /// Where each replica's move stands: DescribeLogDirs for the moving partitions at each of their brokers; the
    /// replica's current directory is where its live copy is, its future one where a copy is being made.
    /// Directories a broker reports offline (KAFKA_STORAGE_ERROR) are passed over, as Kafka's admin client does.
    public func logDirMoveStates(_ targets: [PartitionReplica: String]) async throws -> [PartitionReplica: LogDirMoveState] {
        let byBroker = Dictionary(grouping: targets.keys, by: \.broker)
        let found = try await withThrowingTaskGroup(of: [PartitionReplica: (current: String?, future: String?)].self) { group in
            for (broker, replicas) in byBroker {
                let byTopic = Dictionary(grouping: replicas.map(\.partition), by: \.topic)
                let request = DescribeLogDirsRequest(topics: byTopic.keys.sorted().map {
                    .init(topic: $0, partitions: byTopic[$0]!.map(\.partition).sorted())
                })
                group.addTask {
                    let response = try await self.client.send(request, to: broker, feature: "describing log directories")
                    let code = ErrorCode(rawValue: response.errorCode)
                    guard code == .none else {
                        throw KafkactlError.broker(code, "cannot describe the log directories of broker \(broker)")
                    }
                    var dirs: [PartitionReplica: (current: String?, future: String?)] = [:]
                    for result in response.results {
                        let dirCode = ErrorCode(rawValue: result.errorCode)
                        if dirCode == .kafkaStorageError { continue }
                        guard dirCode == .none else {
                            throw KafkactlError.broker(dirCode, "broker \(broker) reports log directory \(result.logDir)")
                        }
                        for topic in result.topics {
                            for partition in topic.partitions {
                                let replica = PartitionReplica(TopicPartition(topic.name, partition.partitionIndex), broker: broker)
                                if partition.isFutureKey { dirs[replica, default: (nil, nil)].future = result.logDir }
                                else { dirs[replica, default: (nil, nil)].current = result.logDir }
                            }
                        }
                    }
                    return dirs
                }
            }
            var all: [PartitionReplica: (current: String?, future: String?)] = [:]
            for try await dirs in group { all.merge(dirs) { _, last in last } }
            return all
        }
        var states: [PartitionReplica: LogDirMoveState] = [:]
        for (replica, target) in targets {
            guard let current = found[replica]?.current else {
                states[replica] = .missingLogDir(target: target)
                continue
            }
            if let future = found[replica]?.future {
                states[replica] = .active(current: current, target: target, future: future)
            } else {
                states[replica] = current == target ? .completed(target: target) : .cancelled(current: current, target: target)
            }
        }
        return states
    }

    /// Sets `replica.alter.log.dirs.io.max.bytes.per.second` on each broker with a move.
    func setLogDirThrottle(brokers: [Int32], rate: Int64) async throws {
        for broker in brokers {
            try await alterConfigs(ConfigResource(.broker, String(broker)), changes: [.set(ReassignmentThrottles.logDirRate, String(rate))])
        }
    }
}
