import AdminCore
import ArgumentParser

/// `kafkactl consumer-perf-test`: kafka-consumer-perf-test.sh's flags and lines, reading through the same consumer
/// as console-consumer, with each record's end-to-end latency (now minus its timestamp) in an HDR histogram.
struct ConsumerPerfTest: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "consumer-perf-test",
        abstract: "Measure consuming: throughput and end-to-end latency (kafka-consumer-perf-test.sh).",
        discussion: """
            Reads --num-records (or --messages) records of --topic or of every topic --include matches, from the
            earliest offset (--from-latest: the latest) when no position was committed, and prints Apache's summary
            line, or with --show-detailed-stats a line every --reporting-interval ms; then the records' end-to-end
            latency percentiles. With --group it reads as a member of that group (joining counts as rebalance time,
            positions are committed); without, it reads every partition directly (Apache always joins a group,
            named perf-consumer-N when not given). It stops after exactly the number asked for. When no record
            arrives for --timeout ms first, it prints Apache's warning and the summary, and exits 75.

            Examples:
              kafkactl consumer-perf-test --bootstrap-server localhost:9092 --topic perf --num-records 1000000
              kafkactl consumer-perf-test --bootstrap-server localhost:9092 --topic perf --messages 10000 --group perf --show-detailed-stats --reporting-interval 1000
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The topic to consume from.", completion: .custom(LiveNames.topics)) var topic: String?
    @Option(help: ArgumentHelp("Consume every topic whose name matches this regular expression.", valueName: "regex")) var include: String?
    @Option(help: ArgumentHelp("Consume as a member of this group (default: no group).", valueName: "gid"), completion: .custom(LiveNames.groups))
    var group: String?
    @Option(help: ArgumentHelp("The number of records to consume.", valueName: "count")) var numRecords: Int64?
    @Option(help: ArgumentHelp("The number of records to consume (Apache's deprecated name for --num-records).", valueName: "count"))
    var messages: Int64?
    @Flag(help: "Without a committed position, start at the latest record rather than the earliest.") var fromLatest = false
    @Option(help: ArgumentHelp("The most data to fetch from one partition per request (max.partition.fetch.bytes).", valueName: "size"))
    var fetchSize: Int32 = 1_048_576
    @Option(help: ArgumentHelp("The TCP receive buffer size (accepted; kafkactl leaves it to the kernel).", valueName: "size"))
    var socketBufferSize: Int32 = 2_097_152
    @Option(help: ArgumentHelp("A consumer config property (repeatable).", valueName: "key=value")) var commandProperty: [String] = []
    @Option(name: .customLong("consumer.config"), help: ArgumentHelp("A consumer properties file (Apache's deprecated name for --command-config).", valueName: "file"),
            completion: .file())
    var consumerConfig: String?
    @Flag(help: "Not supported: kafkactl keeps no Java client metrics.") var printMetrics = false
    @Flag(help: "Print a stats line every --reporting-interval instead of the summary.") var showDetailedStats = false
    @Option(help: ArgumentHelp("The longest wait for a record before giving up.", valueName: "ms")) var timeout: Int64 = 10_000
    @Option(help: ArgumentHelp("How often --show-detailed-stats prints.", valueName: "interval_ms")) var reportingInterval: String = "5000"
    @Option(help: ArgumentHelp("The time format (java.text.SimpleDateFormat letters y M d H h k K m s S a E z Z).", valueName: "date format"))
    var dateFormat: String = "yyyy-MM-dd HH:mm:ss:SSS"
    @Flag(help: "Do not print the header line.") var hideHeader = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if (topic == nil) == (include == nil) {
            throw ValidationError("Exactly one of the following arguments is required: [topic], [include]")
        }
        if (numRecords == nil) == (messages == nil) {
            throw ValidationError("Exactly one of the following arguments is required: [messages], [num-records]")
        }
        if let count = numRecords ?? messages, count < 0 { throw ValidationError("--num-records must be 0 or more, not \(count)") }
        if consumerConfig != nil && connection.commandConfig != nil {
            throw ValidationError("Option \"[consumer.config]\" can't be used with option \"[command-config]\"")
        }
        if printMetrics { throw ValidationError("--print-metrics is not supported: kafkactl keeps no Java client metrics") }
        _ = try reportingIntervalMs()
        if fetchSize <= 0 { throw ValidationError("--fetch-size must be above 0 bytes, not \(fetchSize)") }
        if socketBufferSize <= 0 { throw ValidationError("--socket-buffer-size must be above 0 bytes, not \(socketBufferSize)") }
        if timeout < 0 { throw ValidationError("--timeout must be 0 or more ms, not \(timeout)") }
        _ = try JavaDateFormat(dateFormat)
    }

    /// Apache's reading: digits only, then above 0.
    func reportingIntervalMs() throws -> Int64 {
        guard !reportingInterval.isEmpty, reportingInterval.allSatisfy(\.isASCII), reportingInterval.allSatisfy(\.isNumber),
              let value = Int64(reportingInterval) else {
            throw ValidationError("Value [\(reportingInterval)] did not match pattern [^\\d+$]")
        }
        guard value > 0 else { throw ValidationError("Reporting interval must be greater than 0.") }
        return value
    }

    /// Consumer properties as Apache's props(): the file, --command-property over it, then the flags' own settings.
    func consumerProperties() throws -> [String: String] {
        var properties = try connection.commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        if let consumerConfig { properties = try PropertiesFile.load(path: consumerConfig, flag: "--consumer.config") }
        for pair in try PropertyList.parse(commandProperty, invalid: { KafkactlUsageError("invalid --command-property '\($0)': expected key=value") }) {
            properties[pair.key] = pair.value
        }
        if let group { properties["group.id"] = group }
        properties["max.partition.fetch.bytes"] = String(fetchSize)
        properties["receive.buffer.bytes"] = String(socketBufferSize)
        properties["auto.offset.reset"] = fromLatest ? "latest" : "earliest"
        properties["check.crcs"] = "false"
        if properties["client.id"] == nil { properties["client.id"] = "perf-consumer-client" }
        return properties
    }

    func run(in context: CommandContext) async throws {
        let count = numRecords ?? messages!
        let properties = try consumerProperties()
        let consumerConfiguration = try ConsumerConfiguration(properties: properties)
        let groupSettings = try properties["group.id"].map { try GroupConsumerSettings(groupId: $0, properties: properties) }
        let clientConfiguration = try connection.clientConfiguration(extraProperties: properties)
        let filter = try include.map(TopicFilter.init)
        let renderer = ConsumerPerfTestRenderer(json: output.isJSON, dateFormat: try JavaDateFormat(dateFormat))
        // Apache's deprecation notes go to stdout; with --output json, stdout is the documents alone.
        let note = { (line: String) in
            if output.isJSON { context.printError(line) } else { try? context.print(line) }
        }
        if messages != nil { note("Warning: --messages is deprecated. Use --num-records instead.") }
        if consumerConfig != nil { note("Warning: --consumer.config is deprecated. Use --command-config instead.") }
        if !hideHeader && !output.isJSON { try context.print(ConsumerPerfTestRenderer.header(detailed: showDetailedStats)) }

        try await context.withClient(clientConfiguration) { client in
            let admin = AdminClient(client: client)
            let partitions: [TopicPartition]
            if let topic {
                partitions = try await admin.partitionsToConsume(topic: topic)
            } else if let found = try await admin.partitionsToConsume(matching: { filter!.matches($0) }) {
                partitions = found
            } else {
                throw KafkactlError(.notFound, "no topic matches --include '\(include!)'")
            }
            let source: ConsumerPerformance.Source
            if let groupSettings {
                source = .group(groupSettings, partitions: partitions)
            } else {
                let reader = PartitionConsumer(client: client, configuration: consumerConfiguration)
                let start: PartitionConsumer.StartPosition = fromLatest ? .latest : .earliest
                source = .partitions(try await reader.resolve(Dictionary(uniqueKeysWithValues: partitions.map { ($0, start) })))
            }
            let performance = ConsumerPerformance(client: client, consumer: consumerConfiguration, count: count,
                                                  timeoutMs: timeout, reportingIntervalMs: try reportingIntervalMs())
            let detailed = showDetailedStats
            let outcome = try await performance.run(source) { interval in
                guard detailed else { return }
                if renderer.json {
                    try? context.print(ConsumerPerfTestRenderer.intervalDocument(interval).serialized())
                } else {
                    try? context.print(renderer.intervalLine(interval))
                }
            }
            let summary = outcome.summary
            if renderer.json {
                try context.print(ConsumerPerfTestRenderer.summaryDocument(summary, timedOut: outcome.timedOut).serialized())
            } else {
                if outcome.timedOut { try context.print(ConsumerPerfTestRenderer.timeoutWarning(timeoutMs: timeout)) }
                if !detailed { try context.print(renderer.summaryLine(summary)) }
                if let latency = summary.latency { try context.print(ConsumerPerfTestRenderer.latencyLine(latency)) }
            }
            if outcome.timedOut {
                throw KafkactlError(.timeout, "read \(summary.records) of \(count) records: none arrived for --timeout \(timeout) ms")
            }
        }
    }
}
