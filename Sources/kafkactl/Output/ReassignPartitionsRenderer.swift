import AdminCore

/// reassign-partitions' output: kafka-reassign-partitions.sh's lines (partitions sorted by topic and partition,
/// where Apache's sets are unordered), or one JSON document per action. Reassignment plans are Apache's JSON,
/// `{"version":1,"partitions":[{"topic","partition","replicas","log_dirs"}]}`, in either format.
struct ReassignPartitionsRenderer {
    var json: Bool

    /// A plan as Apache writes it: compact, partitions sorted, every log dir "any".
    static func plan(_ assignment: [TopicPartition: [Int32]]) -> JSON {
        .object([("version", .int(1)), ("partitions", .array(assignment.sorted { $0.key < $1.key }.map { partition, replicas in
            .object([("topic", .string(partition.topic)), ("partition", .int(partition.partition)),
                     ("replicas", .array(replicas.map { .int($0) })), ("log_dirs", .array(replicas.map { _ in .string("any") }))])
        }))])
    }

    static func ids(_ brokers: [Int32]) -> String { brokers.map(String.init).joined(separator: ",") }

    static func partitionJSON(_ partition: TopicPartition, _ more: [(String, JSON)] = []) -> JSON {
        .object([("topic", .string(partition.topic)), ("partition", .int(partition.partition))] + more)
    }

    static func failuresJSON(_ failures: [TopicPartition: KafkactlError]) -> JSON {
        .array(failures.sorted { $0.key < $1.key }.map { partitionJSON($0.key, [("error", .string($0.value.message))]) })
    }

    static func replicaJSON(_ replica: PartitionReplica, _ more: [(String, JSON)] = []) -> JSON {
        partitionJSON(replica.partition, [("broker", .int(replica.broker))] + more)
    }

    static func movesJSON(_ moves: LogDirMoveExecution) -> JSON {
        .object([
            ("started", .array(moves.started.map { replicaJSON($0, [("log_dir", .string(moves.targets[$0] ?? ""))]) })),
            ("failed", .array(moves.failures.sorted { $0.key < $1.key }.map { replicaJSON($0.key, [("error", .string($0.value.message))]) })),
            ("timed_out", .array(moves.timedOut.map { replicaJSON($0, [("log_dir", .string(moves.targets[$0] ?? ""))]) })),
        ])
    }

    /// A move's state in JSON: its name, and the directories Apache's line names.
    static func moveStateJSON(_ replica: PartitionReplica, _ state: LogDirMoveState) -> JSON {
        switch state {
        case .missingLogDir(let target):
            return replicaJSON(replica, [("state", .string("missing")), ("target_dir", .string(target))])
        case .active(let current, let target, let future):
            return replicaJSON(replica, [("state", .string(future == target ? "in_progress" : "moving_elsewhere")),
                                         ("current_dir", .string(current)), ("target_dir", .string(target)), ("future_dir", .string(future))])
        case .cancelled(let current, let target):
            return replicaJSON(replica, [("state", .string("not_moving")), ("current_dir", .string(current)), ("target_dir", .string(target))])
        case .completed(let target):
            return replicaJSON(replica, [("state", .string("complete")), ("target_dir", .string(target))])
        }
    }

    /// Apache's line for a move between log directories.
    static func moveStateLine(_ replica: PartitionReplica, _ state: LogDirMoveState) -> String {
        let partition = replica.partition
        switch state {
        case .missingLogDir:
            return "Partition \(partition) is not found in any live log dir on broker \(replica.broker). There is likely an offline log directory on the broker."
        case .active(_, let target, let future) where future == target:
            return "Reassignment of replica \(replica) is still in progress."
        case .active(_, let target, let future):
            return "Partition \(partition) on broker \(replica.broker) is being moved to log dir \(future) instead of \(target)."
        case .cancelled(let current, let target):
            return "Partition \(partition) on broker \(replica.broker) is not being moved from log dir \(current) to \(target)."
        case .completed:
            return "Reassignment of replica \(replica) completed successfully."
        }
    }

    static func clearedJSON(_ cleared: ClearedThrottles?) -> JSON {
        guard let cleared else { return .null }
        return .object([("brokers", .array(cleared.brokers.map { .int($0) })), ("topics", .array(cleared.topics.map(JSON.string)))])
    }

    /// `--list`.
    func render(_ reassignments: [TopicPartition: PartitionReassignment], on context: CommandContext) throws {
        let sorted = reassignments.sorted { $0.key < $1.key }
        if json {
            try context.print(JSON.object([("reassignments", .array(sorted.map { partition, reassignment in
                Self.partitionJSON(partition, [
                    ("replicas", .array(reassignment.replicas.map { .int($0) })),
                    ("adding_replicas", .array(reassignment.addingReplicas.map { .int($0) })),
                    ("removing_replicas", .array(reassignment.removingReplicas.map { .int($0) })),
                ])
            }))]).serialized())
            return
        }
        guard !sorted.isEmpty else { return try context.print("No partition reassignments found.") }
        try context.print("Current partition reassignments:")
        for (partition, reassignment) in sorted {
            var line = "\(partition): replicas: \(Self.ids(reassignment.replicas))."
            if !reassignment.addingReplicas.isEmpty { line += " adding: \(Self.ids(reassignment.addingReplicas))." }
            if !reassignment.removingReplicas.isEmpty { line += " removing: \(Self.ids(reassignment.removingReplicas))." }
            try context.print(line)
        }
    }

    /// `--generate`.
    func render(_ proposal: ReassignmentProposal, on context: CommandContext) throws {
        if json {
            try context.print(JSON.object([("current", Self.plan(proposal.current)), ("proposed", Self.plan(proposal.proposed))]).serialized())
            return
        }
        try context.print("Current partition replica assignment\n\(Self.plan(proposal.current).serialized())\n")
        try context.print("Proposed partition reassignment configuration\n\(Self.plan(proposal.proposed).serialized())")
    }

    /// `--execute`: the plan to roll back to, the throttles, then what started; each refused partition on stderr.
    func render(_ execution: ReassignmentExecution, on context: CommandContext) throws {
        if json {
            try context.print(JSON.object([
                ("previous", Self.plan(execution.previous)),
                ("inter_broker_throttle", execution.interBrokerThrottle.map { JSON.int($0) } ?? .null),
                ("log_dir_throttle", execution.logDirThrottle.map { JSON.int($0) } ?? .null),
                ("started", .array(execution.started.map { Self.partitionJSON($0) })),
                ("failed", Self.failuresJSON(execution.failures)),
                ("log_dir_moves", Self.movesJSON(execution.logDirMoves)),
            ]).serialized())
            return
        }
        try context.print("Current partition replica assignment\n\n\(Self.plan(execution.previous).serialized())\n")
        try context.print("Save this to use as the --reassignment-json-file option during rollback")
        if execution.interBrokerThrottle != nil || execution.logDirThrottle != nil {
            try context.print("Warning: You must run --verify periodically, until the reassignment completes, to ensure the throttle is removed.")
        }
        if let rate = execution.interBrokerThrottle { try context.print("The inter-broker throttle limit was set to \(rate) B/s") }
        if let rate = execution.logDirThrottle { try context.print("The replica-alter-dir throttle limit was set to \(rate) B/s") }
        for (partition, error) in execution.failures.sorted(by: { $0.key < $1.key }) {
            context.printError("Error reassigning partition \(partition): \(error.message)")
        }
        if !execution.started.isEmpty {
            try context.print("Successfully started partition reassignment\(execution.started.count == 1 ? "" : "s") for \(execution.started.map(\.description).joined(separator: ","))")
        }
        try printMoves(execution.logDirMoves, on: context)
    }

    /// Apache's line per log directory move started (with its space before the line's end); each refused or
    /// timed-out one on stderr.
    private func printMoves(_ moves: LogDirMoveExecution, on context: CommandContext) throws {
        for replica in moves.started {
            try context.print("Successfully started moving log directory to \(moves.targets[replica] ?? "") for replica \(replica.partition.topic)-\(replica.partition.partition) with broker \(replica.broker) ")
        }
        for (replica, error) in moves.failures.sorted(by: { $0.key < $1.key }) {
            context.printError(error.message.hasPrefix("Failed to alter dir for") ? error.message : "Failed to alter dir for \(replica): \(error.message)")
        }
        if !moves.timedOut.isEmpty {
            context.printError("Timed out before log directory move\(moves.timedOut.count == 1 ? "" : "s") could be started for: \(moves.timedOut.map(\.description).joined(separator: ","))")
        }
    }

    /// `--verify`.
    func render(_ verification: ReassignmentVerification, on context: CommandContext) throws {
        let sorted = verification.states.sorted { $0.key < $1.key }
        if json {
            try context.print(JSON.object([
                ("partitions", .array(sorted.map { partition, state in
                    Self.partitionJSON(partition, [
                        ("state", .string(!state.done ? "in_progress" : state.currentReplicas == state.targetReplicas ? "complete" : "not_at_target")),
                        ("current_replicas", .array(state.currentReplicas.map { .int($0) })),
                        ("target_replicas", .array(state.targetReplicas.map { .int($0) })),
                    ])
                })),
                ("in_progress", .bool(verification.inProgress)),
                ("log_dir_moves", .array(verification.moves.sorted { $0.key < $1.key }.map { Self.moveStateJSON($0.key, $0.value) })),
                ("log_dir_moves_in_progress", .bool(verification.movesInProgress)),
                ("cleared_throttles", Self.clearedJSON(verification.cleared)),
            ]).serialized())
            return
        }
        try context.print("Status of partition reassignment:")
        for (partition, state) in sorted {
            if !state.done {
                try context.print("Reassignment of partition \(partition) is still in progress.")
            } else if state.currentReplicas == state.targetReplicas {
                try context.print("Reassignment of partition \(partition) is completed.")
            } else {
                try context.print("There is no active reassignment of partition \(partition), but replica set is \(Self.ids(state.currentReplicas)) rather than \(Self.ids(state.targetReplicas)).")
            }
        }
        // Apache prints the log-dir moves' status next: a line per replica, or a blank line when the file has none.
        let moves = verification.moves.sorted { $0.key < $1.key }.map { Self.moveStateLine($0.key, $0.value) }
        try context.print(moves.isEmpty ? "" : moves.joined(separator: "\n"))
        try printCleared(verification.cleared, on: context)
    }

    /// `--cancel`: what was cancelled; each refused partition on stderr.
    func render(_ cancellation: ReassignmentCancellation, on context: CommandContext) throws {
        if json {
            try context.print(JSON.object([
                ("cancelled", .array(cancellation.cancelled.map { Self.partitionJSON($0) })),
                ("failed", Self.failuresJSON(cancellation.failures)),
                ("log_dir_moves", Self.movesJSON(cancellation.logDirMoves)),
                ("cleared_throttles", Self.clearedJSON(cancellation.cleared)),
            ]).serialized())
            return
        }
        for (partition, error) in cancellation.failures.sorted(by: { $0.key < $1.key }) {
            context.printError("Error cancelling partition reassignment for \(partition): \(error.message)")
        }
        if !cancellation.cancelled.isEmpty {
            try context.print("Successfully cancelled partition reassignment\(cancellation.cancelled.count == 1 ? "" : "s") for: \(cancellation.cancelled.map(\.description).joined(separator: ","))")
        } else if cancellation.failures.isEmpty {
            try context.print("None of the specified partition reassignments are active.")
        }
        let moves = cancellation.logDirMoves
        if moves.targets.isEmpty {
            if cancellation.failures.isEmpty { try context.print("None of the specified partition moves are active.") }
        } else {
            try printMoves(moves, on: context)
        }
        try printCleared(cancellation.cleared, on: context)
    }

    private func printCleared(_ cleared: ClearedThrottles?, on context: CommandContext) throws {
        guard let cleared else { return }
        try context.print("Clearing broker-level throttles on broker\(cleared.brokers.count == 1 ? "" : "s") \(Self.ids(cleared.brokers))")
        try context.print("Clearing topic-level throttles on topic\(cleared.topics.count == 1 ? "" : "s") \(cleared.topics.joined(separator: ","))")
    }
}
