import AdminCore
import ArgumentParser

/// `kafkactl console-consumer`: kafka-console-consumer.sh's flags and formatter properties; reads at the
/// broker's speed and exits quietly when its reader goes away (`| head`).
struct ConsoleConsumer: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "console-consumer",
        abstract: "Print the records of a topic (kafka-console-consumer.sh).",
        discussion: """
            Without --group, kafkactl reads every partition directly (no group, nothing committed) from the end, or
            from the start with --from-beginning. --offset also takes a time: ISO-8601 (2026-11-23T10:00:00Z),
            a relative time (-15m, -2h, -1d) or `now`; and -N for the last N records of each partition.
            --exit-at-end stops once every partition has reached the end it had when the command started.
            With --group, `--consumer-property partition.assignment.strategy=cooperative-sticky` rebalances
            incrementally (KIP-429): the partitions a member keeps are read on while the group rebalances.
            Strategies: range, roundrobin, cooperative-sticky or Java class names, a comma list in order of preference.
            `--consumer-property group.protocol=consumer` joins with Kafka 4's consumer group protocol (KIP-848,
            ConsumerGroupHeartbeat): the coordinator assigns, `group.remote.assignor` picks its assignor.

            Examples:
              kafkactl console-consumer --bootstrap-server localhost:9092 --topic orders --from-beginning --max-messages 10
              kafkactl console-consumer --bootstrap-server localhost:9092 --topic orders --partition 0 --offset 42 --property print.key=true
              kafkactl console-consumer --bootstrap-server localhost:9092 --topic orders --offset -1h --exit-at-end --output json
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The topic to consume.", completion: .custom(LiveNames.topics)) var topic: String?
    @Option(help: ArgumentHelp("Consume every topic whose name matches this regular expression.", valueName: "regex"))
    var include: String?
    @Option(help: "Consume only this partition of --topic.") var partition: Int32?
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Where to start: earliest, latest, an offset, -N (the last N records), or a time.", valueName: "position"))
    var offset: String?
    @Flag(help: "Start at the earliest offset.") var fromBeginning = false
    @Option(help: "Consume as a member of this consumer group (committing its position).", completion: .custom(LiveNames.groups))
    var group: String?
    @Option(help: "Exit after this many records.") var maxMessages: Int?
    @Option(help: ArgumentHelp("Exit when no record arrives for this long.", valueName: "ms")) var timeoutMs: Int64?
    @Flag(help: "Exit once every partition has reached the end offset it had at start.") var exitAtEnd = false
    @Option(parsing: .unconditional, help: ArgumentHelp("Stop each partition before this offset, or before the first record at or after this time (ISO-8601, -15m, now); exits when all are done.", valueName: "position"))
    var until: String?
    @Option(help: ArgumentHelp("Kafka's DefaultMessageFormatter (the default), or OffsetsMessageFormatter or GroupMetadataMessageFormatter to read __consumer_offsets (4.x or 2.x/3.x class name; both print Kafka 4.x's JSON).", valueName: "class"),
            completion: .list(MessageFormatter.classNames))
    var formatter: String?
    @Option(help: ArgumentHelp("A formatter property: print.key, print.value, print.timestamp, print.partition, print.offset, print.headers, key.separator, line.separator, headers.separator, null.literal, key.deserializer, value.deserializer.", valueName: "key=value"))
    var property: [String] = []
    @Option(help: ArgumentHelp("A file of formatter properties.", valueName: "file")) var formatterConfig: String?
    @Option(help: ArgumentHelp("key.deserializer for printing keys.", valueName: "class")) var keyDeserializer: String?
    @Option(help: ArgumentHelp("value.deserializer for printing values.", valueName: "class")) var valueDeserializer: String?
    @Option(help: ArgumentHelp("A consumer config property (repeatable); Kafka 4.2's name for it is --command-property.", valueName: "key=value"))
    var consumerProperty: [String] = []
    @Option(help: ArgumentHelp("A consumer config property (repeatable; Kafka 4.2's name for --consumer-property).", valueName: "key=value"))
    var commandProperty: [String] = []
    @Option(help: ArgumentHelp("A formatter property (Kafka 4.2's name for --property).", valueName: "key=value"))
    var formatterProperty: [String] = []
    @Flag(help: "Print shutdown_complete on stdout when the consumer has shut down (Kafka's system-test event).")
    var enableSystestEvents = false
    @Option(name: .customLong("consumer.config"), help: ArgumentHelp("A consumer properties file.", valueName: "file"))
    var consumerConfig: String?
    @Option(help: ArgumentHelp("read_uncommitted or read_committed.", valueName: "level")) var isolationLevel: String?
    @Flag(help: "Skip a record the formatter cannot render instead of stopping.") var skipMessageOnError = false
    @Option(name: .customLong("where"), help: ArgumentHelp("Print only records for which this is true, e.g. 'key == \"K\"', 'value.order.total > 100 and timestamp > -1h' (see the README's --where section); keys, partitions and bounds are pushed down so less is read.", valueName: "expression"))
    var whereExpression: String?
    @Option(help: ArgumentHelp("How the topic's producers placed keys, for --where 'key == ...': murmur2 (Java, franz-go, kafkactl), consistent (librdkafka, kcat), fnv1a (Sarama), or none to read every partition.", valueName: "name"),
            completion: .list(KeyPartitioner.allCases.map(\.rawValue) + ["none"]))
    var partitioner: String = "murmur2"
    @Flag(help: "With --where, print on stderr at the end what was scanned and matched, the partitions read and the bytes fetched.")
    var stats = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        // Kafka 4.2 keeps the old names beside the new ones, but not together.
        if !consumerProperty.isEmpty && !commandProperty.isEmpty {
            throw ValidationError("Options --consumer-property and --command-property cannot be specified together.")
        }
        if consumerConfig != nil && connection.commandConfig != nil {
            throw ValidationError("Options --consumer.config and --command-config cannot be specified together.")
        }
        if !property.isEmpty && !formatterProperty.isEmpty {
            throw ValidationError("Options --property and --formatter-property cannot be specified together.")
        }
        if (topic == nil) == (include == nil) { throw ValidationError("Exactly one of --include/--topic is required.") }
        if partition != nil && topic == nil { throw ValidationError("The topic is required when partition is specified.") }
        if let partition, partition < 0 { throw ValidationError("--partition must be 0 or more") }
        if partition != nil && fromBeginning && offset != nil {
            throw ValidationError("Options from-beginning and offset cannot be specified together.")
        }
        if let offset, Self.startPosition(offset) == nil {
            throw ValidationError("The provided offset value '\(offset)' is incorrect. Valid values are 'earliest', 'latest', a non-negative long, -N for the last N records, or a time (ISO-8601, -15m, -2h, now).")
        }
        if let until, Int64(until).map({ $0 < 0 }) ?? (TimeExpression.parse(until) == nil) {
            throw ValidationError("The provided --until value '\(until)' is incorrect: use a non-negative offset or a time (ISO-8601, -15m, -2h, now).")
        }
        if let isolationLevel, IsolationLevel(name: isolationLevel) == nil {
            throw ValidationError("--isolation-level must be read_committed or read_uncommitted")
        }
        if let whereExpression {
            try RecordPredicate.validate(whereExpression)
        }
        if partitioner != "none" && KeyPartitioner(rawValue: partitioner) == nil {
            throw ValidationError("--partitioner must be murmur2, consistent, fnv1a or none, not '\(partitioner)'")
        }
        if stats && whereExpression == nil { throw ValidationError("--stats goes with --where") }
        if let formatter, !MessageFormatter.isKnown(formatter) {
            throw ValidationError("unsupported --formatter '\(formatter)': kafkactl has Kafka's DefaultMessageFormatter, OffsetsMessageFormatter and GroupMetadataMessageFormatter (and --output json)")
        }
    }

    static func startPosition(_ text: String) -> PartitionConsumer.StartPosition? {
        switch text {
        case "earliest": return .earliest
        case "latest": return .latest
        default: break
        }
        if let offset = Int64(text) { return offset >= 0 ? .offset(offset) : .lastRecords(-offset) }
        if let time = TimeExpression.parse(text) { return .timestamp(time) }
        return nil
    }

    /// Kafka's reading of `--max-messages`: -1 (or none) is no limit; 0 and other negatives consume nothing.
    var messageLimit: Int? {
        guard let maxMessages, maxMessages != -1 else { return nil }
        return max(0, maxMessages)
    }

    /// Kafka's reading of `--timeout-ms`: a negative value is no timeout.
    var idleTimeout: Int64? { timeoutMs.flatMap { $0 >= 0 ? $0 : nil } }

    func run(in context: CommandContext) async throws {
        var properties = try connection.commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        if let consumerConfig { properties.merge(try PropertiesFile.load(path: consumerConfig, flag: "--consumer.config")) { _, new in new } }
        let propertyFlag = commandProperty.isEmpty ? "--consumer-property" : "--command-property"
        for pair in try PropertyList.parse(consumerProperty + commandProperty, invalid: { KafkactlUsageError("invalid \(propertyFlag) '\($0)': expected key=value") }) {
            properties[pair.key] = pair.value
        }
        let groupIds = Set([group, properties["group.id"]].compactMap { $0 })
        if groupIds.count > 1 {
            throw KafkactlUsageError("The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer.config') do not match. Detected group ids: \(groupIds.sorted().map { "'\($0)'" }.joined(separator: ", "))")
        }
        let groupId = groupIds.first
        // group.protocol picks the member: classic (JoinGroup/SyncGroup) or consumer (KIP-848's heartbeat); a bad
        // value is refused even without a group, as Kafka's consumer refuses its configuration.
        _ = try GroupProtocol(properties: properties)
        if groupId != nil && partition != nil {
            throw KafkactlUsageError("Options group and partition cannot be specified together.")
        }
        if groupId != nil && offset != nil {
            throw KafkactlUsageError("--offset cannot be used with --group: a group starts from its committed offsets (reset them with consumer-groups --reset-offsets)")
        }
        if fromBeginning, let reset = properties["auto.offset.reset"], reset != "earliest" {
            throw KafkactlUsageError("Can't simultaneously specify --from-beginning and 'auto.offset.reset=\(reset)', please remove one option")
        }
        if properties["auto.offset.reset"] == nil { properties["auto.offset.reset"] = fromBeginning ? "earliest" : "latest" }
        if let isolationLevel { properties["isolation.level"] = isolationLevel }
        if properties["client.id"] == nil { properties["client.id"] = "console-consumer" }
        var formatterProperties = try formatterConfig.map { try PropertiesFile.load(path: $0, flag: "--formatter-config") } ?? [:]
        let formatterFlag = formatterProperty.isEmpty ? "--property" : "--formatter-property"
        for pair in try PropertyList.parse(property + formatterProperty, invalid: { KafkactlUsageError("invalid \(formatterFlag) '\($0)': expected key=value") }) {
            formatterProperties[pair.key] = pair.value
        }
        if let keyDeserializer { formatterProperties["key.deserializer"] = keyDeserializer }
        if let valueDeserializer { formatterProperties["value.deserializer"] = valueDeserializer }
        let formatter = try MessageFormatter(className: self.formatter, properties: formatterProperties)
        let consumerConfiguration = try ConsumerConfiguration(properties: properties)
        let clientConfiguration = try connection.clientConfiguration(extraProperties: properties)
        let filter = try include.map(TopicFilter.init)
        let start: PartitionConsumer.StartPosition = offset.flatMap(Self.startPosition)
            ?? (fromBeginning || consumerConfiguration.autoOffsetReset == .earliest ? .earliest : .latest)
        let signal = ShutdownSignal()
        let lifecycle = ConsumeLifecycle(context: context, signal: signal, idleTimeoutMs: idleTimeout, systestEvents: enableSystestEvents)
        if messageLimit == 0 {
            // Kafka's loop runs while fewer than the limit were read: with none to read, it reads nothing.
            context.printError("Processed a total of 0 messages")
            lifecycle.reportShutdown()
            return
        }
        // Compiled now, so that its relative times (-1h, now) are read from when the command runs.
        let recordFilter = try whereExpression.map { RecordFilter(predicate: try RecordPredicate($0)) }
        let writer = ConsumedChunkWriter(formatter: formatter, json: output.isJSON, skipErrors: skipMessageOnError, maxMessages: messageLimit,
                                         filter: recordFilter)

        if let groupId {
            let settings = try GroupConsumerSettings(groupId: groupId, properties: properties)
            try await context.withClient(clientConfiguration) { client in
                let admin = AdminClient(client: client)
                let partitions = try await assignedPartitions(admin, filter: filter)
                let session = GroupConsumerSession(
                    client: client, settings: settings, partitions: partitions, consumer: consumerConfiguration,
                    stopAtEnd: exitAtEnd, stopOffsets: try await stopOffsets(for: partitions, admin: admin))
                try await lifecycle.run { printed, lastActivity in
                    try await session.run { chunk in
                        lastActivity.set(WallClock.millis())
                        return try writer.write(chunk, printed: printed, context: context)
                    }
                } finally: {
                    await session.close()
                    reportStats(recordFilter, partitionsRead: partitions.count, of: partitions.count, context: context)
                }
            }
            return
        }

        try await context.withClient(clientConfiguration) { client in
            let admin = AdminClient(client: client)
            let assignment = try await assignedPartitions(admin, filter: filter)
            let consumer = PartitionConsumer(client: client, configuration: consumerConfiguration)
            var read = NarrowedRead(
                positions: try await consumer.resolve(Dictionary(uniqueKeysWithValues: assignment.map { ($0, start) })),
                stops: try await stopOffsets(for: assignment, admin: admin), partitionsRead: assignment.count, partitionsNamed: assignment.count)
            if let recordFilter {
                read = try await WherePlan(recordFilter.predicate).narrow(
                    assignment, start: start, startGiven: offset != nil || fromBeginning, stops: read.stops,
                    partitioner: KeyPartitioner(rawValue: partitioner), consumer: consumer, admin: admin)
            }
            let (positions, stops) = (read.positions, read.stops)
            // A narrowed read stops where its bounds say, like --until: every partition read has a stop.
            let stopAtEnd = exitAtEnd
            try await lifecycle.run { printed, lastActivity in
                guard !positions.isEmpty else { return }
                try await consumer.consume(from: positions, stopAtEnd: stopAtEnd, stopOffsets: stops) { chunk in
                    lastActivity.set(WallClock.millis())
                    return try writer.write(chunk, printed: printed, context: context).reachedLimit ? .stop : .continue
                }
            } finally: {
                reportStats(recordFilter, partitionsRead: read.partitionsRead, of: read.partitionsNamed, context: context)
            }
        }
    }

    /// `--stats`: what --where scanned and matched, on stderr.
    private func reportStats(_ filter: RecordFilter?, partitionsRead: Int, of named: Int, context: CommandContext) {
        guard stats, let filter else { return }
        let totals = filter.stats.totals
        context.printError("Scanned \(totals.scanned) records, matched \(totals.matched); read \(partitionsRead) of \(named) partitions, fetched \(totals.bytes) bytes")
    }

    /// `--until` as a stop, the time read now (`-15m` is before now, not before the command was parsed).
    private var stop: ConsumerStop? {
        guard let until else { return nil }
        if let offset = Int64(until) { return .offset(offset) }
        return .timestamp(TimeExpression.parse(until)!)
    }

    private func stopOffsets(for partitions: [TopicPartition], admin: AdminClient) async throws -> [TopicPartition: Int64] {
        guard let stop else { return [:] }
        return try await admin.stopOffsets(stop, for: partitions)
    }

    /// The partitions to read: one (--partition), all of --topic, or all of every topic --include matches.
    private func assignedPartitions(_ admin: AdminClient, filter: TopicFilter?) async throws -> [TopicPartition] {
        if let topic { return try await admin.partitionsToConsume(topic: topic, partition: partition) }
        guard let partitions = try await admin.partitionsToConsume(matching: { filter!.matches($0) }) else {
            throw KafkactlError(.notFound, "no topic matches --include '\(include!)'")
        }
        return partitions
    }
}
