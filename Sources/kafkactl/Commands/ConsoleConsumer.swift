import AdminCore
import ArgumentParser
import Synchronization

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
        let groupProtocol = try GroupProtocol(properties: properties)
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
        if messageLimit == 0 {
            // Kafka's loop runs while fewer than the limit were read: with none to read, it reads nothing.
            context.printError("Processed a total of 0 messages")
            reportShutdown(context)
            return
        }

        if let groupId {
            let classicMember = try GroupMemberConfiguration(groupId: groupId, properties: properties)
            let consumerMember = try ConsumerProtocolConfiguration(groupId: groupId, properties: properties)
            let autoCommit = properties["enable.auto.commit"].map { $0.lowercased() != "false" } ?? true
            let interval = try ClientConfiguration.milliseconds(properties, "auto.commit.interval.ms") ?? .seconds(5)
            try await context.withClient(clientConfiguration) { client in
                let partitions = try await assignedPartitions(client, filter: filter)
                let topics = partitions.map(\.topic)
                let stops = try await stopOffsets(for: partitions, client: client)
                let session = GroupConsumerSession(
                    client: client, consumer: PartitionConsumer(client: client, configuration: consumerConfiguration),
                    member: groupProtocol == .consumer
                        ? ConsumerProtocolMember(client: client, topics: Array(Set(topics)).sorted(), configuration: consumerMember)
                        : GroupMember(client: client, topics: Array(Set(topics)).sorted(), configuration: classicMember),
                    autoCommit: autoCommit, autoCommitInterval: interval, stopAtEnd: exitAtEnd, stopOffsets: stops)
                try await runSession(context: context, signal: signal) { printed, lastActivity in
                    try await session.run { chunk in
                        lastActivity.set(TimeExpression.currentMillis())
                        return try Self.print(chunk, formatter: formatter, json: output.isJSON, skipErrors: skipMessageOnError,
                                              maxMessages: messageLimit, printed: printed, context: context)
                    }
                } finally: {
                    await session.close()
                }
            }
            return
        }

        try await context.withClient(clientConfiguration) { client in
            let assignment = try await assignedPartitions(client, filter: filter)
            let consumer = PartitionConsumer(client: client, configuration: consumerConfiguration)
            let positions = try await consumer.resolve(Dictionary(uniqueKeysWithValues: assignment.map { ($0, start) }))
            let stops = try await stopOffsets(for: assignment, client: client)
            try await runSession(context: context, signal: signal) { printed, lastActivity in
                try await consumer.consume(from: positions, stopAtEnd: exitAtEnd, stopOffsets: stops) { chunk in
                    lastActivity.set(TimeExpression.currentMillis())
                    let result = try Self.print(chunk, formatter: formatter, json: output.isJSON, skipErrors: skipMessageOnError,
                                                maxMessages: messageLimit, printed: printed, context: context)
                    return result.reachedLimit ? .stop : .continue
                }
            } finally: {}
        }
    }

    /// Runs the consuming `body` until it ends, a signal arrives or (with --timeout-ms) no record came for that
    /// long; then runs `finally` (commit and leave, in a group) and reports like Kafka's tool:
    /// "Processed a total of N messages" on stderr, exit 130 after a signal, 0 when the reader closed stdout.
    private func runSession(
        context: CommandContext, signal: ShutdownSignal,
        _ body: @escaping @Sendable (SharedCounter, SharedCounter) async throws -> Void,
        finally: () async -> Void
    ) async throws {
        let printed = SharedCounter(0)
        let lastActivity = SharedCounter(TimeExpression.currentMillis())
        let timeoutMs = idleTimeout
        let outcome: Outcome = await withTaskGroup(of: Outcome.self) { group in
            group.addTask {
                do {
                    try await body(printed, lastActivity)
                    return .finished
                } catch let error as KafkactlError {
                    return .failed(error)
                } catch is OutputClosed {
                    return .outputClosed
                } catch is CancellationError {
                    return .finished
                } catch {
                    return .failed(KafkactlError(.internal, "\(error)"))
                }
            }
            group.addTask {
                await signal.wait()
                return Task.isCancelled ? .finished : .interrupted
            }
            if let timeoutMs {
                group.addTask {
                    while !Task.isCancelled {
                        let idle = TimeExpression.currentMillis() - lastActivity.value
                        if idle >= timeoutMs { return .idle }
                        try? await Task.sleep(for: .milliseconds(min(100, max(1, timeoutMs - idle))))
                    }
                    return .finished
                }
            }
            let first = await group.next()!
            group.cancelAll()
            return first
        }
        try? context.stdout.flush()
        await finally()
        let total = printed.value
        switch outcome {
        case .outputClosed:
            return
        case .failed(let error):
            context.printError("Processed a total of \(total) messages")
            reportShutdown(context)
            throw error
        case .interrupted:
            context.printError("Processed a total of \(total) messages")
            reportShutdown(context)
            // Ctrl-C is how a tail ends: the total above says all there is, and the exit code says how.
            throw KafkactlError(.interrupted, "")
        case .finished, .idle:
            context.printError("Processed a total of \(total) messages")
            reportShutdown(context)
        }
    }

    /// Kafka's shutdown hook prints this last, after the total, for its system tests.
    private func reportShutdown(_ context: CommandContext) {
        guard enableSystestEvents else { return }
        try? context.print("shutdown_complete")
        try? context.stdout.flush()
    }

    enum Outcome: Sendable {
        case finished, idle, interrupted, outputClosed
        case failed(KafkactlError)
    }

    /// How far printing a chunk got.
    struct Printed {
        /// --max-messages was reached: stop consuming.
        var reachedLimit: Bool
        /// The offset after the last record printed, if any was.
        var nextUnprinted: Int64?
    }

    /// Formats a chunk into one buffer and writes it at once.
    private static func print(
        _ chunk: ConsumedRecords, formatter: MessageFormatter, json: Bool, skipErrors: Bool, maxMessages: Int?,
        printed: SharedCounter, context: CommandContext
    ) throws -> Printed {
        // Formatted records go out in pieces of about 256 KiB: large enough for few write(2) calls, small enough
        // that a chunk of many megabytes is never held twice (fetched and formatted) in memory.
        let piece = 256 * 1024
        var buffer: [UInt8] = []
        buffer.reserveCapacity(piece + 4096)
        var count = Int(printed.value)
        var result = Printed(reachedLimit: false, nextUnprinted: nil)
        let partition = chunk.topicPartition.partition
        try chunk.forEachRecord { record in
            if let maxMessages, count >= maxMessages {
                result.reachedLimit = true
                return false
            }
            if json {
                var line = RecordJSON.json(record.record, topic: chunk.topicPartition.topic, partition: partition).serialized()
                line.append("\n")
                buffer.append(contentsOf: line.utf8)
            } else {
                do {
                    try formatter.format(record, partition: partition, into: &buffer)
                } catch let error as RecordFormatter.FormatError {
                    let message = "\(chunk.topicPartition) offset \(record.offset): \(error.message)"
                    guard skipErrors else {
                        try buffer.withUnsafeBytes { try context.stdout.write(bytes: $0) }
                        printed.set(Int64(count))
                        throw KafkactlError(.rejected, message + " (--skip-message-on-error skips such records)")
                    }
                    context.printError("Error processing message, skipping this message: \(message)")
                    return true
                }
            }
            // A record the formatter printed nothing for (the offsets formatter given a group-metadata record)
            // still counts, toward --max-messages and the total, as in Kafka's loop.
            result.nextUnprinted = record.offset + 1
            count += 1
            if buffer.count >= piece {
                try buffer.withUnsafeBytes { try context.stdout.write(bytes: $0) }
                buffer.removeAll(keepingCapacity: true)
            }
            return true
        }
        try buffer.withUnsafeBytes { try context.stdout.write(bytes: $0) }
        // Flush every chunk, to a pipe too (`| grep`, `| head`): a tailing consumer must show records as they
        // arrive, as Kafka's tool does. A chunk is a whole fetch of one partition, so this stays one write(2) per
        // fetch, not per record.
        try context.stdout.flush()
        printed.set(Int64(count))
        if let maxMessages, count >= maxMessages { result.reachedLimit = true }
        return result
    }

    /// `--until` as an offset per partition: the offset itself, or the first offset at or after the time (the
    /// partition's end when no record is that new).
    private func stopOffsets(for partitions: [TopicPartition], client: KafkaClient) async throws -> [TopicPartition: Int64] {
        guard let until else { return [:] }
        if let offset = Int64(until) { return Dictionary(uniqueKeysWithValues: partitions.map { ($0, offset) }) }
        let time = TimeExpression.parse(until)!
        let admin = AdminClient(client: client)
        let byTime = try await admin.listOffsets(Dictionary(uniqueKeysWithValues: partitions.map { ($0, .timestamp(time)) }))
        let latest = try await admin.listOffsets(Dictionary(uniqueKeysWithValues: partitions.map { ($0, .latest) }))
        var stops: [TopicPartition: Int64] = [:]
        for partition in partitions {
            let found = try byTime[partition]!.get().offset
            stops[partition] = found >= 0 ? found : try latest[partition]!.get().offset
        }
        return stops
    }

    /// The partitions to read: one (--partition), all of --topic, or all of every topic --include matches.
    private func assignedPartitions(_ client: KafkaClient, filter: TopicFilter?) async throws -> [TopicPartition] {
        let metadata = try await client.metadata(covering: topic.map { [$0] })
        var topics: [ClusterMetadata.Topic] = []
        if let topic {
            guard let found = metadata.topics[topic], found.error != .unknownTopicOrPartition else {
                throw KafkactlError(.notFound, "Topic '\(topic)' does not exist [UNKNOWN_TOPIC_OR_PARTITION]", code: .unknownTopicOrPartition)
            }
            if found.error.isError && found.error != .leaderNotAvailable { throw KafkactlError.broker(found.error, "Topic '\(topic)'") }
            topics = [found]
        } else if let filter {
            topics = metadata.topics.values.filter { filter.matches($0.name) && !$0.isInternal }.sorted { $0.name < $1.name }
            if topics.isEmpty { throw KafkactlError(.notFound, "no topic matches --include '\(include!)'") }
        }
        if let partition {
            guard let found = topics.first, found.partitions.contains(where: { $0.partition == partition }) else {
                throw KafkactlError(.notFound, "partition \(partition) of topic '\(topic!)' does not exist: it has \(topics.first?.partitions.count ?? 0) partitions")
            }
            return [TopicPartition(found.name, partition)]
        }
        return topics.flatMap { topic in topic.partitions.map { TopicPartition(topic.name, $0.partition) } }
    }
}

/// An integer several tasks read and one writes (records printed, the time of the last record).
final class SharedCounter: Sendable {
    private let storage: Atomic<Int64>
    init(_ initial: Int64) { storage = Atomic(initial) }
    var value: Int64 { storage.load(ordering: .relaxed) }
    func set(_ newValue: Int64) { storage.store(newValue, ordering: .relaxed) }
}
