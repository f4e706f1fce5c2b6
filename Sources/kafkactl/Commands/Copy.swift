import AdminCore
import ArgumentParser
import Synchronization

/// `kafkactl copy`: copies a topic's records, exactly (keys, values, headers, timestamps, nulls), to another topic on
/// the same or another cluster, with a checkpoint that lets a run stopped at any moment resume without duplicates or
/// gaps. No Apache tool does this; flags follow console-consumer's (`--partition`, `--max-messages`, `--until`).
struct Copy: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a topic's records exactly to another topic or cluster, resumable without duplicates.",
        discussion: """
            Copies keys, values, headers (order and repeats), timestamps, and null apart from empty. A record with LogAppendTime is written with that time as its CreateTime. Reads from --from (default: the earliest offset) to --until (default: the end offsets at the start; a copy ends, it does not follow). --from and --until take an offset (a plain number) or a time (2026-11-23T10:00:00Z, -2h, now).

            The target is written with the idempotent producer (acks=all). After acknowledgements the position is saved to a checkpoint file (--checkpoint, default $XDG_STATE_HOME/kafkactl/copy/SOURCE--TARGET.checkpoint), or with --checkpoint-group G as group G's committed offsets on the source cluster (the rest of the checkpoint in their metadata), where consumer-groups --describe shows the copy's position and lag. After a crash, kill or Ctrl-C, run the same command with --resume: records the dead run wrote after its last checkpoint are found in the target and matched byte for byte, so every record lands exactly once; a record in the target that does not match stops the resume.

            The target cluster is the source cluster unless a --to- option names another.

            Examples:
              kafkactl copy --from-bootstrap-server A --from-topic orders.dlq --to-topic orders
              kafkactl copy --from-context prod --from-topic orders --to-context staging --to-topic orders --create-topic --rate 20MB/s
              kafkactl copy --from-context prod --from-topic orders --to-context staging --to-topic orders --resume
            """)

    @Option(help: ArgumentHelp("The topic to copy from.", valueName: "topic"), completion: .custom(LiveNames.topics))
    var fromTopic: String
    @Option(help: ArgumentHelp("The source cluster's broker(s), host:port[,host:port...].", valueName: "host:port"))
    var fromBootstrapServer: String?
    @Option(help: ArgumentHelp("A client properties file for the source cluster.", valueName: "file"), completion: .file())
    var fromCommandConfig: String?
    @Option(help: ArgumentHelp("A named connection from the contexts file for the source cluster.", valueName: "name"))
    var fromContext: String?
    @Option(help: ArgumentHelp("The topic to copy to.", valueName: "topic"))
    var toTopic: String
    @Option(help: ArgumentHelp("The target cluster's broker(s) (default: the source cluster).", valueName: "host:port"))
    var toBootstrapServer: String?
    @Option(help: ArgumentHelp("A client properties file for the target cluster.", valueName: "file"), completion: .file())
    var toCommandConfig: String?
    @Option(help: ArgumentHelp("A named connection from the contexts file for the target cluster.", valueName: "name"))
    var toContext: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Where to start each partition: an offset, or the first record at or after a time (default: the earliest).", valueName: "position"))
    var from: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Stop each partition before this offset, or before the first record at or after this time (default: its end offset at the start).", valueName: "position"))
    var until: String?
    @Option(help: ArgumentHelp("Copy only these source partitions (repeatable, or a comma-separated list).", valueName: "n[,n...]"))
    var partition: [String] = []
    @Option(help: ArgumentHelp("Copy at most this many records of each partition.", valueName: "n"))
    var maxMessages: Int64?
    @Option(help: ArgumentHelp("same: partition p to p (the default); hash: the key's murmur2 partition, as Kafka's producer places keyed records.", valueName: "same|hash"))
    var partitionMap: PartitionMap = .same
    @Option(name: .customLong("where"), help: ArgumentHelp("Copy only the records for which this is true (console-consumer's --where language, record by record); a resume must give the same expression.", valueName: "expression"))
    var whereExpression: String?
    @Option(help: ArgumentHelp("Copy at most this fast: records (5000/s) or bytes (10MB/s, 512KB/s).", valueName: "rate"))
    var rate: String?
    @Option(help: ArgumentHelp("The checkpoint file (default: under $XDG_STATE_HOME/kafkactl/copy, named after the topics).", valueName: "file"),
            completion: .file())
    var checkpoint: String?
    @Option(help: ArgumentHelp("Keep the checkpoint as this consumer group's committed offsets on the source cluster instead of a file (consumer-groups --describe then shows the copy's position and lag).", valueName: "group"),
            completion: .custom(LiveNames.groups))
    var checkpointGroup: String?
    @Flag(help: "Continue the copy the checkpoint describes.") var resume = false
    @Flag(help: "Create the target topic like the source (partitions, replication factor up to the target's brokers, topic configs) when it does not exist.")
    var createTopic = false
    @Flag(help: "Print what would be copied, per partition, and change nothing.") var dryRun = false
    @OptionGroup var output: OutputOptions

    var source: CopyEndpoint { CopyEndpoint(flagPrefix: "from", bootstrapServer: fromBootstrapServer, commandConfig: fromCommandConfig, context: fromContext) }
    var target: CopyEndpoint { CopyEndpoint(flagPrefix: "to", bootstrapServer: toBootstrapServer, commandConfig: toCommandConfig, context: toContext) }

    func validate() throws {
        try TopicName.validate(fromTopic)
        try TopicName.validate(toTopic)
        if let rate, CopyArguments.rate(rate) == nil {
            throw ValidationError("--rate '\(rate)' is not a rate: use records per second (5000/s) or bytes per second (10MB/s, 512KB/s)")
        }
        for (flag, value) in [("--from", from), ("--until", until)] {
            if let value, CopyArguments.bound(value) == nil {
                throw ValidationError("\(flag) '\(value)' is neither an offset nor a time (2026-11-23T10:00:00Z, -2h, now)")
            }
        }
        if CopyArguments.partitions(partition) == nil {
            throw ValidationError("--partition takes partition numbers (0 or more), repeated or comma-separated, not '\(partition.joined(separator: ","))'")
        }
        if let maxMessages, maxMessages <= 0 { throw ValidationError("--max-messages must be 1 or more, not \(maxMessages)") }
        if let whereExpression {
            // The checkpoint keeps the expression on one line.
            if whereExpression.contains("\n") { throw ValidationError("--where: the expression must be on one line") }
            try RecordPredicate.validate(whereExpression)
        }
        if checkpoint != nil && checkpointGroup != nil {
            throw ValidationError("--checkpoint and --checkpoint-group both name where the checkpoint is kept; give one")
        }
        if resume {
            let fixed = [("--from", from != nil), ("--until", until != nil), ("--partition", !partition.isEmpty),
                         ("--max-messages", maxMessages != nil), ("--create-topic", createTopic)]
            if let flag = fixed.first(where: \.1)?.0 {
                throw ValidationError("--resume continues the copy as the checkpoint describes it; \(flag) cannot be given with it")
            }
        }
    }

    func run(in context: CommandContext) async throws {
        let sourceConfiguration = try source.clientConfiguration()
        let targetConfiguration = target.isGiven ? try target.clientConfiguration() : sourceConfiguration
        if fromTopic == toTopic && CopyArguments.sameCluster(sourceConfiguration, targetConfiguration) {
            throw KafkactlUsageError("--from-topic and --to-topic name the same topic '\(fromTopic)' on the same cluster; copy to another topic or cluster")
        }
        let renderer = CopyRenderer(json: output.isJSON)
        let request = CopyRequest(
            sourceTopic: fromTopic, targetTopic: toTopic, partitions: partition.isEmpty ? nil : CopyArguments.partitions(partition),
            from: from.flatMap(CopyArguments.bound), until: until.flatMap(CopyArguments.bound), maxMessages: maxMessages,
            partitionMap: partitionMap, createTopic: createTopic)
        let rate = self.rate.flatMap(CopyArguments.rate)
        let dryRun = self.dryRun
        let signal = ShutdownSignal()
        let progress = SharedProgress(Progress(enabled: context.stderrIsTerminal && !output.isJSON, sink: context.stderr))
        try await context.withClient(sourceConfiguration) { sourceClient in
            try await context.withClient(targetConfiguration) { targetClient in
                let store: any CheckpointStore = checkpointGroup.map { CheckpointGroup(client: sourceClient, group: $0, sourceTopic: fromTopic) }
                    ?? CheckpointFile(path: checkpoint ?? CopyArguments.defaultCheckpoint(source: fromTopic, target: toTopic))
                let saved = try await savedCheckpoint(store)
                var engine = CopyEngine(source: sourceClient, target: targetClient, checkpointStore: store)
                engine.rate = rate
                if let whereExpression {
                    let predicate = try RecordPredicate(whereExpression)
                    engine.filter = CopyFilter(expression: whereExpression) { predicate.matches($0, partition: $1) }
                }
                let planner = CopyPlanner(source: sourceClient, target: targetClient)
                var start: CopyCheckpoint
                var reconciled = 0
                if let saved {
                    if dryRun { return try context.print(renderer.dryRun(saved.remainingPlan, resumed: true)) }
                    (start, reconciled) = try await engine.reconcile(saved)
                } else {
                    let plan = try await planner.plan(request)
                    if dryRun { return try context.print(renderer.dryRun(plan, resumed: false)) }
                    if plan.createsTarget { _ = try await planner.createTarget(plan) }
                    start = try await engine.initialCheckpoint(for: plan)
                }
                let summary = try await engine.run(start, reconciled: reconciled, stopRequested: { await signal.wait() }) { report in
                    progress.line.withLock { $0.show(CopyRenderer.progressLine(report)) }
                }
                progress.line.withLock { $0.finish() }
                try context.print(renderer.summary(summary, checkpoint: store.location))
                if summary.interrupted {
                    throw KafkactlError(.interrupted, "interrupted: \(summary.copied) records copied and checkpointed in '\(store.location)'; continue with --resume")
                }
            }
        }
    }

    /// The checkpoint to resume from: required with --resume (and of this copy), refused without it.
    private func savedCheckpoint(_ store: any CheckpointStore) async throws -> CopyCheckpoint? {
        guard resume else {
            if !dryRun, try await store.exists() {
                throw KafkactlUsageError("\(store.name) exists: add --resume to continue that copy, or delete it to copy from the start")
            }
            return nil
        }
        guard let found = try await store.load() else {
            throw KafkactlUsageError("--resume: there is no \(store.name); run without --resume to start the copy")
        }
        guard found.sourceTopic == fromTopic, found.targetTopic == toTopic, found.partitionMap == partitionMap else {
            throw KafkactlUsageError("--resume: \(store.name) is of a copy from '\(found.sourceTopic)' to '\(found.targetTopic)' with --partition-map \(found.partitionMap.rawValue), not this one")
        }
        guard found.filterExpression == whereExpression else {
            let was = found.filterExpression.map { "with --where '\($0)'" } ?? "without --where"
            throw KafkactlUsageError("--resume: \(store.name) is of a copy \(was); give the same --where to resume it")
        }
        return found
    }
}

/// The progress line, written from the copy's checkpoint task.
private final class SharedProgress: Sendable {
    let line: Mutex<Progress>

    init(_ progress: Progress) { line = Mutex(progress) }
}
