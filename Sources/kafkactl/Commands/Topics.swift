import AdminCore
import ArgumentParser

/// `kafkactl topics`: kafka-topics.sh's flags, rules and output.
struct Topics: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Create, list, describe, alter and delete topics (kafka-topics.sh); verify a topic's records or diff two topics.",
        discussion: """
            Examples:
              kafkactl topics --bootstrap-server localhost:9092 --create --topic orders --partitions 3 --replication-factor 1
              kafkactl topics --bootstrap-server localhost:9092 --list
              kafkactl topics --bootstrap-server localhost:9092 --describe --topic 'orders|payments'
              kafkactl topics --bootstrap-server localhost:9092 --alter --topic orders --partitions 6
              kafkactl topics --bootstrap-server localhost:9092 --delete --topic orders
              kafkactl topics --bootstrap-server localhost:9092 --verify --topic orders
              kafkactl topics --context prod --diff --topic orders --to-context dr --to-topic orders
              kafkactl topics --bootstrap-server localhost:9092 --diff --topic orders --to-topic orders-by-key --partition-map hash
            """)

    enum Action: String, EnumerableFlag {
        case create, list, describe, alter, delete, verify, diff

        static func help(for value: Action) -> ArgumentHelp? {
            switch value {
            case .create: return "Create a new topic."
            case .list: return "List all available topics."
            case .describe: return "List details for the given topics."
            case .alter: return "Alter the number of partitions and replica assignment."
            case .delete: return "Delete a topic."
            case .verify: return "Count and digest every record of the topic, per partition (read_committed)."
            case .diff: return "Compare the topic's records with --to-topic's (on this or another cluster); exit 1 if they differ."
            }
        }
    }

    @OptionGroup var connection: ConnectionOptions
    @Flag(exclusivity: .exclusive) var action: Action?

    @Option(help: ArgumentHelp("The topic to create, or a regular expression (list, describe, alter, delete).", valueName: "topic"),
            completion: .custom(LiveNames.topics))
    var topic: String?
    @Option(help: ArgumentHelp("Describe: the topic with this id (Kafka's 22-character form); wins over --topic.", valueName: "topic-id"))
    var topicId: String?
    @Option(help: ArgumentHelp("No longer supported (deprecated since Kafka 4.0): use kafkactl configs --alter --delete-config.", valueName: "name"))
    var deleteConfig: [String] = []
    @Option(help: ArgumentHelp("Describe: page through DescribeTopicPartitions (Kafka 3.8+) with at most this many partitions per answer; shows eligible leader replicas.", valueName: "partitions"))
    var partitionSizeLimitPerResponse: Int32?
    @Option(help: "The number of partitions for the topic being created or altered.")
    var partitions: Int32?
    @Option(help: "The replication factor for each partition of the topic being created.")
    var replicationFactor: Int?
    @Option(help: ArgumentHelp("Manual replica placement: broker ids per partition, e.g. 1:2,2:3 (partitions by ',', replicas by ':').", valueName: "b1:b2,b3:b4"))
    var replicaAssignment: String?
    @Option(help: ArgumentHelp("A topic configuration override for the topic being created (repeatable).", valueName: "name=value"))
    var config: [String] = []
    @Flag(help: "With alter, delete or describe: do nothing if the topic does not exist.")
    var ifExists = false
    @Flag(help: "With create: do nothing if the topic already exists.")
    var ifNotExists = false
    @Flag(help: "Exclude internal topics when listing or describing.")
    var excludeInternal = false
    @Flag(help: "Describe: only partitions whose ISR is smaller than the replication factor.")
    var underReplicatedPartitions = false
    @Flag(help: "Describe: only partitions whose ISR is smaller than min.insync.replicas.")
    var underMinIsrPartitions = false
    @Flag(help: "Describe: only partitions whose ISR equals min.insync.replicas.")
    var atMinIsrPartitions = false
    @Flag(help: "Describe: only partitions whose leader is not available.")
    var unavailablePartitions = false
    @Flag(help: "Describe: only topics that override configs, summary lines only.")
    var topicsWithOverrides = false
    @Option(help: ArgumentHelp("Diff: the topic to compare --topic with.", valueName: "topic"), completion: .custom(LiveNames.topics))
    var toTopic: String?
    @Option(help: ArgumentHelp("Diff: the broker(s) holding --to-topic, if another cluster.", valueName: "host:port"))
    var toBootstrapServer: String?
    @Option(name: .customLong("to-context"), help: ArgumentHelp("Diff: the named connection (contexts file) holding --to-topic.", valueName: "name"))
    var toContext: String?
    @Option(help: ArgumentHelp("Diff: a client properties file for the cluster holding --to-topic.", valueName: "file"))
    var toCommandConfig: String?
    @Option(help: ArgumentHelp("Diff: pair records partition by partition (same, the default) or by key, for a copy re-partitioned by murmur2 (hash).", valueName: "same|hash"))
    var partitionMap: PartitionMap?
    @Option(help: ArgumentHelp("Fail if the command takes longer than this.", valueName: "ms"))
    var timeoutMs: Int64?
    @OptionGroup var output: OutputOptions

    func run(in context: CommandContext) async throws {
        if !deleteConfig.isEmpty {
            // Kafka 4.x's own words: the option is accepted and does nothing.
            context.printError("delete-config option is no longer supported and deprecated since version 4.0. The config will be fully removed in future releases.")
        }
        // Everything that can be checked without a broker is checked before connecting.
        let configs = try parsedConfigs()
        let assignment = try replicaAssignment.map(ReplicaAssignment.parse)
        if action == .create, let topic { try TopicName.validate(topic) }
        let clientConfiguration = try connection.clientConfiguration(timeout: timeoutMs.map { .milliseconds($0) })
        if action == .diff { return try await compare(clientConfiguration, context: context) }

        try await context.withClient(clientConfiguration) { client in
            let admin = AdminClient(client: client)
            switch action! {
            case .create: try await create(admin, configs: configs, assignment: assignment, context: context)
            case .list: try await list(admin, context: context)
            case .describe: try await describe(admin, context: context)
            case .alter: try await alter(admin, assignment: assignment, context: context)
            case .delete: try await delete(admin, context: context)
            case .verify: try await verify(client, context: context)
            case .diff: break  // above
            }
        }
    }

    /// --diff: one client per cluster, the same one when both topics are on one cluster.
    private func compare(_ sourceConfiguration: ClientConfiguration, context: CommandContext) async throws {
        let other = try targetConfiguration()
        try Self.requireDistinct((topic!, sourceConfiguration.bootstrapServers.map(\.description).joined(separator: ",")),
                                 (toTopic!, (other ?? sourceConfiguration).bootstrapServers.map(\.description).joined(separator: ",")))
        try await context.withClient(sourceConfiguration) { client in
            guard let other else { return try await diff(client, target: client, context: context) }
            try await context.withClient(other) { targetClient in
                try await diff(client, target: targetClient, context: context)
            }
        }
    }

    private func parsedConfigs() throws -> [ConfigSetting] {
        let pairs = try PropertyList.parse(config) { _ in
            KafkactlUsageError("Invalid topic config: all configs to be added must be in the format \"key=val\".")
        }
        for pair in pairs { try TopicConfigCatalog.validate(name: pair.key, value: pair.value) }
        return pairs.map { ConfigSetting(name: $0.key, value: $0.value) }
    }

    // MARK: Actions

    private func create(_ admin: AdminClient, configs: [ConfigSetting], assignment: [[Int32]]?, context: CommandContext) async throws {
        let name = topic!
        if let replicationFactor { try await admin.requireBrokers(forReplicationFactor: replicationFactor) }
        let newTopic = NewTopic(name: name, partitions: partitions, replicationFactor: replicationFactor.map { Int16($0) },
                                replicaAssignment: assignment, configs: configs)
        let result = try await admin.createTopics([newTopic])[0].result
        switch result {
        case .success:
            if TopicName.hasMetricCollisionRisk(name) {
                try context.print("WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.")
            }
            try context.print("Created topic \(name).")
        case .failure(let error) where error.code == .topicAlreadyExists && ifNotExists:
            return
        case .failure(let error):
            throw error
        }
    }

    private func list(_ admin: AdminClient, context: CommandContext) async throws {
        let filter = try topic.map(TopicFilter.init)
        let topics = try await admin.listTopics().filter { (filter?.matches($0.name) ?? true) && isShown($0) }
        let view = TopicListOutput(topics)
        if output.isJSON {
            try context.print(view.json().serialized())
        } else {
            for line in view.lines() { try context.print(line) }
        }
    }

    /// `--exclude-internal` hides the topics the broker flags internal and those Kafka names as internal.
    private func isShown(_ topic: ClusterMetadata.Topic) -> Bool {
        !(excludeInternal && (topic.isInternal || TopicName.isInternal(topic.name)))
    }

    /// The topics `--topic` selects among those that exist; an empty selection is an error unless `--if-exists`.
    private func selectTopics(_ admin: AdminClient, allowInternal: Bool = true) async throws -> [String] {
        let all = try await admin.listTopics()
        guard let topic else { return all.filter(isShown).map(\.name) }
        let filter = try TopicFilter(topic)
        let selected = all.filter { filter.matches($0.name) && isShown($0) }.map(\.name)
        if selected.isEmpty && !ifExists {
            throw KafkactlError(.notFound, "Topic '\(topic)' does not exist as expected")
        }
        return selected
    }

    /// `--topic-id` (a non-zero one wins over `--topic`, as in Kafka's tool), else `--topic`.
    private func selectTopicsToDescribe(_ admin: AdminClient, context: CommandContext) async throws -> [String] {
        guard let id = topicId.flatMap(KafkaUUID.init), id != .zero else { return try await selectTopics(admin) }
        if topic != nil && ifExists {
            // Kafka's tool says this on stdout; JSON output keeps stdout to the one document.
            let note = "Only topic id will be used when both --topic and --topic-id are specified and topicId is not Uuid.ZERO_UUID"
            if output.isJSON { context.printError(note) } else { try context.print(note) }
        }
        let found = try await admin.listTopics().filter { $0.topicId == id && !(excludeInternal && $0.isInternal) }.map(\.name)
        if found.isEmpty && !ifExists { throw KafkactlError(.notFound, "TopicId '\(id)' does not exist as expected") }
        return found
    }

    private func describe(_ admin: AdminClient, context: CommandContext) async throws {
        let names = try await selectTopicsToDescribe(admin, context: context)
        let descriptions = try await admin.describeTopics(names, partitionsPerAnswer: partitionSizeLimitPerResponse)
            .sorted { $0.name < $1.name }
        let liveBrokers = Set(try await admin.client.cachedMetadata().brokers.keys)
        let report = partitionReport
        let shown = descriptions.filter { !topicsWithOverrides || !$0.configs.isEmpty }.map {
            TopicDescriptionOutput.Shown(topic: $0, partitions: $0.partitions(in: report, liveBrokers: liveBrokers))
        }
        let view = TopicDescriptionOutput(topics: shown, layout: topicsWithOverrides ? .summaryOnly : report.isEmpty ? .full : .partitionsOnly)
        if output.isJSON {
            try context.print(view.json().serialized())
        } else {
            for line in view.lines() { try context.print(line) }
        }
    }

    private func alter(_ admin: AdminClient, assignment: [[Int32]]?, context: CommandContext) async throws {
        let names = try await selectTopics(admin)
        guard let partitions else { return }  // validate() requires it with --alter
        try reportFailures(try await admin.increasePartitions(of: names, to: partitions, assignment: assignment), context: context)
    }

    private func delete(_ admin: AdminClient, context: CommandContext) async throws {
        let names = try await selectTopics(admin)
        try reportFailures(try await admin.deleteTopicsExceptInternal(names), context: context)
    }

    /// One failure is thrown as it is; several are each printed, then summed up in one `partial` error.
    private func reportFailures(_ failures: [KafkactlError], context: CommandContext) throws {
        guard let first = failures.first else { return }
        if failures.count == 1 { throw first }
        for failure in failures { context.printError("Error: \(failure.message)") }
        throw KafkactlError(.partial, "\(failures.count) topics failed (see above)")
    }
}
