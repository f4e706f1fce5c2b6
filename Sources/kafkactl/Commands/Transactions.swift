import AdminCore
import ArgumentParser

/// `kafkactl transactions`: kafka-transactions.sh. Lists and describes transactions and the producers partitions
/// keep, finds hanging transactions (open in a partition, forgotten by their coordinator) and aborts one.
struct Transactions: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "transactions",
        abstract: "Inspect transactions and abort hanging ones (kafka-transactions.sh).",
        discussion: """
            Commands: list [--duration-filter ms] [--transactional-id-pattern regex]; describe --transactional-id id; \
            describe-producers --topic t --partition n [--broker-id n]; find-hanging (--broker-id n | --topic t \
            [--partition n]) [--max-transaction-timeout minutes, 15 by default]; abort --topic t --partition n \
            (--start-offset offset | --producer-id id --producer-epoch n --coordinator-epoch n). abort writes an ABORT \
            marker into the partition (WriteTxnMarkers) and needs cluster authorization. forceTerminateTransaction \
            --transactionalId id (Kafka 4.x's tool; works with any broker) fences the id's producers and aborts its \
            open transaction.

            Examples:
              kafkactl transactions --bootstrap-server B list
              kafkactl transactions --bootstrap-server B find-hanging --broker-id 1
              kafkactl transactions --bootstrap-server B abort --topic orders \\
                  --partition 3 --start-offset 1042
            """)

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: ArgumentHelp("The command: list, describe, describe-producers, abort, find-hanging or forceTerminateTransaction.", valueName: "command"),
              completion: .list(Command.allCases.map(\.rawValue)))
    var command: String?
    @Option(help: ArgumentHelp("list: only transactions running longer than this many milliseconds (< 0: all).", valueName: "ms"))
    var durationFilter: Int64?
    @Option(help: ArgumentHelp("list: only transactional ids matching this regular expression.", valueName: "regex"))
    var transactionalIdPattern: String?
    // forceTerminateTransaction spells it --transactionalId in Kafka's tool.
    @Option(name: [.customLong("transactional-id"), .customLong("transactionalId")],
            help: ArgumentHelp("describe, forceTerminateTransaction: the transactional id.", valueName: "id"))
    var transactionalId: String?
    @Option(help: ArgumentHelp("describe-producers: ask this replica, not the leader; find-hanging: search its partitions.", valueName: "id"))
    var brokerId: Int32?
    @Option(help: ArgumentHelp("The topic (describe-producers, abort; find-hanging: limit the search to it).", valueName: "topic"),
            completion: .custom(LiveNames.topics))
    var topic: String?
    @Option(help: ArgumentHelp("The partition of --topic.", valueName: "n"))
    var partition: Int32?
    @Option(help: ArgumentHelp("abort: the start offset of the transaction to abort (brokers on 3.0 and later).", valueName: "offset"))
    var startOffset: Int64?
    @Option(help: ArgumentHelp("abort: the producer id (with --producer-epoch and --coordinator-epoch; brokers before 3.0).", valueName: "id"))
    var producerId: Int64?
    @Option(help: ArgumentHelp("abort: the producer epoch.", valueName: "n"))
    var producerEpoch: Int16?
    @Option(help: ArgumentHelp("abort: the coordinator epoch (-1 is sent as 0).", valueName: "n"))
    var coordinatorEpoch: Int32?
    @Option(help: ArgumentHelp("find-hanging: the longest transaction timeout in minutes (default 15).", valueName: "minutes"))
    var maxTransactionTimeout: Int32?
    @OptionGroup var output: OutputOptions

    func run(in context: CommandContext) async throws {
        let command = try parsedCommand()
        let properties = try connection.commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        try await context.withClient(try connection.clientConfiguration(extraProperties: properties)) { client in
            let admin = AdminClient(client: client)
            switch command {
            case .list: try await list(admin, on: context)
            case .describe: try await describe(admin, on: context)
            case .describeProducers: try await describeProducers(admin, on: context)
            case .abort: try await abort(admin, on: context)
            case .findHanging: try await findHanging(admin, on: context)
            case .forceTerminateTransaction: try await forceTerminate(admin, on: context)
            }
        }
    }

    private func list(_ admin: AdminClient, on context: CommandContext) async throws {
        let filter = TransactionListFilter(minimumDurationMs: durationFilter, transactionalIdPattern: transactionalIdPattern)
        let listings = try await failing("Failed to list transactions") { try await admin.listTransactions(filter) }
        try emit(output.isJSON ? [TransactionsRenderer.listJSON(listings).serialized()] : TransactionsRenderer.listLines(listings), on: context)
    }

    private func describe(_ admin: AdminClient, on context: CommandContext) async throws {
        let id = transactionalId!
        let description = try await failing("Failed to describe transaction state of transactional-id `\(id)`") {
            guard let described = await admin.describeTransactions([id])[id] else {
                throw KafkactlError(.internal, "no answer for transactional id '\(id)'")
            }
            return try described.get()
        }
        let now = WallClock.millis()
        try emit(output.isJSON ? [TransactionsRenderer.describeJSON(description, nowMs: now).serialized()]
                               : TransactionsRenderer.describeLines(description, nowMs: now), on: context)
    }

    /// Kafka's tool prints nothing when it succeeds; `--output json` names the id's new producer id and epoch.
    private func forceTerminate(_ admin: AdminClient, on context: CommandContext) async throws {
        let id = transactionalId!
        let fenced = try await failing("Failed to force terminate transactionalId `\(id)`") { try await admin.forceTerminateTransaction(id) }
        if output.isJSON {
            try context.print(TransactionsRenderer.forceTerminateJSON(transactionalId: id, producerId: fenced.producerId,
                                                                      producerEpoch: fenced.producerEpoch).serialized())
        }
    }

    private func describeProducers(_ admin: AdminClient, on context: CommandContext) async throws {
        let partition = TopicPartition(topic!, self.partition!)
        let at = brokerId.map { "broker \($0)" } ?? "leader"
        let producers = try await failing("Failed to describe producers for partition \(partition) on \(at)") {
            try await admin.describeProducers([partition], broker: brokerId).answer(for: partition, "partition \(partition)")
        }
        try emit(output.isJSON ? [TransactionsRenderer.producersJSON(partition, producers).serialized()]
                               : TransactionsRenderer.producerLines(producers), on: context)
    }

    private func abort(_ admin: AdminClient, on context: CommandContext) async throws {
        let partition = TopicPartition(topic!, self.partition!)
        let spec: AbortTransactionSpec
        if let startOffset {
            spec = try await admin.abortSpec(partition: partition, startOffset: startOffset)
        } else {
            // A transaction that hung before its first marker shows coordinator epoch -1; 0 is no higher than any
            // epoch the leader has seen, as Apache's tool reasons.
            spec = AbortTransactionSpec(partition: partition, producerId: producerId!, producerEpoch: producerEpoch!,
                                        coordinatorEpoch: max(0, coordinatorEpoch!))
        }
        try await failing("Failed to abort transaction \(spec)") { try await admin.abortTransaction(spec) }
        if output.isJSON { try context.print(TransactionsRenderer.abortJSON(spec).serialized()) }
    }

    private func findHanging(_ admin: AdminClient, on context: CommandContext) async throws {
        let now = WallClock.millis()
        let hanging = try await failing("Failed to find hanging transactions") {
            try await admin.findHangingTransactions(
                topic: topic, partition: partition, broker: brokerId,
                maxTransactionTimeoutMs: Int64(maxTransactionTimeout ?? 15) * 60_000, nowMs: now)
        }
        try emit(output.isJSON ? [TransactionsRenderer.hangingJSON(hanging, nowMs: now).serialized()]
                               : TransactionsRenderer.hangingLines(hanging, nowMs: now), on: context)
    }

    private func emit(_ lines: [String], on context: CommandContext) throws {
        for line in lines { try context.print(line) }
    }
}
