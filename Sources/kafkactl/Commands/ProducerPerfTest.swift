import AdminCore
import ArgumentParser
import NIOCore

/// `kafkactl producer-perf-test`: kafka-producer-perf-test.sh's flags and lines, through the same producer as
/// console-producer, with each record's latency from send to acknowledgement in an HDR histogram.
struct ProducerPerfTest: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "producer-perf-test",
        abstract: "Measure producing: throughput and latency percentiles (kafka-producer-perf-test.sh).",
        discussion: """
            Sends --num-records records of --record-size random bytes (or values from --payload-file) at up to
            --throughput records/sec (-1: as fast as possible), prints a progress line every 5 seconds and a summary
            with latency percentiles, each record's latency measured from send to acknowledgement. Producer
            properties as console-producer's defaults unless --producer-props or --producer.config set them.

            Examples:
              kafkactl producer-perf-test --bootstrap-server localhost:9092 --topic perf --num-records 1000000 --record-size 100 --throughput -1
              kafkactl producer-perf-test --bootstrap-server localhost:9092 --topic perf --num-records 10000 \\
                --payload-file payloads.txt --throughput 1000 --producer-props acks=1 linger.ms=0
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The topic to produce to.", completion: .custom(LiveNames.topics)) var topic: String
    @Option(help: ArgumentHelp("The number of records to produce.", valueName: "n")) var numRecords: Int
    @Option(help: ArgumentHelp("Each record's size in bytes (or --payload-file).", valueName: "bytes")) var recordSize: Int?
    @Option(help: ArgumentHelp("A file of record values, one chosen at random per record (or --record-size).", valueName: "file"),
            completion: .file())
    var payloadFile: String?
    @Option(help: ArgumentHelp("What separates the values in --payload-file (default: a newline).", valueName: "text"))
    var payloadDelimiter: String = "\n"
    // Unconditional: -1 (unthrottled) must not read as a flag.
    @Option(parsing: .unconditional, help: ArgumentHelp("At most this many records/sec; -1: unthrottled.", valueName: "records/sec"))
    var throughput: String
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Producer properties (Kafka 4.2's name for them is --command-property).", valueName: "key=value"))
    var producerProps: [String] = []
    @Option(help: ArgumentHelp("A producer property (repeatable).", valueName: "key=value")) var commandProperty: [String] = []
    @Option(name: .customLong("producer.config"), help: ArgumentHelp("A producer properties file.", valueName: "file"), completion: .file())
    var producerConfig: String?
    @Flag(help: "Not supported: kafkactl keeps no Java client metrics.") var printMetrics = false
    @Option(help: ArgumentHelp("Produce in transactions with this transactional id (or transactional.id in the properties; default with --transaction-duration-ms: performance-producer- and a random id).", valueName: "id"))
    var transactionalId: String?
    @Option(help: ArgumentHelp("Commit each transaction after this long (default 3000 when transactional).", valueName: "ms"))
    var transactionDurationMs: Int?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if numRecords < 0 { throw ValidationError("--num-records must be 0 or more, not \(numRecords)") }
        switch (recordSize, payloadFile) {
        case (nil, nil): throw ValidationError("Either --record-size or --payload-file must be specified but not both.")
        case (.some, .some): throw ValidationError("Either --record-size or --payload-file must be specified but not both.")
        case (let size?, nil) where size < 0: throw ValidationError("--record-size must be 0 or more bytes, not \(size)")
        default: break
        }
        if payloadDelimiter.isEmpty { throw ValidationError("--payload-delimiter must not be empty") }
        _ = try throttler()
        if producerConfig != nil && connection.commandConfig != nil {
            throw ValidationError("Options --command-config and --producer.config cannot be specified together.")
        }
        if !producerProps.isEmpty && !commandProperty.isEmpty {
            throw ValidationError("Options --command-property and --producer-props cannot be specified together.")
        }
        if printMetrics { throw ValidationError("--print-metrics is not supported: kafkactl keeps no Java client metrics") }
        if let transactionDurationMs, transactionDurationMs <= 0 {
            throw ValidationError("--transaction-duration-ms should be greater than zero.")
        }
        if let transactionalId, transactionalId.isEmpty { throw ValidationError("--transactional-id must not be empty") }
    }

    /// Apache's rule: transactions when any of --transactional-id, --transaction-duration-ms or a transactional.id
    /// property is given; the flag's id wins over the property's, and each transaction lasts 3 s unless told.
    static func transactionSettings(
        flagId: String?, durationMs: Int?, properties: inout [String: String]
    ) -> Duration? {
        guard flagId != nil || durationMs != nil || properties["transactional.id"] != nil else { return nil }
        properties["transactional.id"] = flagId ?? properties["transactional.id"] ?? "performance-producer-\(KafkaUUID.random())"
        return .milliseconds(durationMs ?? 3000)
    }

    func throttler() throws -> ThroughputThrottler {
        guard let rate = Double(throughput), rate.isFinite, rate > 0 || rate == -1 else {
            throw ValidationError("--throughput must be a number of records/sec above 0, or -1 for unthrottled, not '\(throughput)'")
        }
        return ThroughputThrottler(recordsPerSecond: rate == -1 ? nil : rate)
    }

    /// Producer properties: the file, then --producer-props or --command-property.
    func producerProperties() throws -> [String: String] {
        var properties = try connection.commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        if let producerConfig {
            properties.merge(try PropertiesFile.load(path: producerConfig, flag: "--producer.config")) { _, new in new }
        }
        let propertyFlag = commandProperty.isEmpty ? "--producer-props" : "--command-property"
        for pair in try PropertyList.parse(producerProps + commandProperty, invalid: { KafkactlUsageError("invalid \(propertyFlag) '\($0)': expected key=value") }) {
            properties[pair.key] = pair.value
        }
        if properties["client.id"] == nil { properties["client.id"] = "perf-producer-client" }
        return properties
    }

    /// The values of --payload-file split at --payload-delimiter, empty ones dropped as Apache drops them.
    static func payloads(file path: String, delimiter: String) throws -> [ByteBuffer] {
        guard let text = PropertiesFile.readFile(path) else { throw KafkactlUsageError("cannot read --payload-file '\(path)'") }
        let values = text.split(separator: delimiter, omittingEmptySubsequences: true).map { ByteBuffer(string: String($0)) }
        guard !values.isEmpty else { throw KafkactlUsageError("--payload-file '\(path)' has no payloads") }
        return values
    }

    func run(in context: CommandContext) async throws {
        try TopicName.validate(topic)
        var payload = PerformancePayload.fixedSize(recordSize ?? 0)
        if let payloadFile { payload = .choices(try Self.payloads(file: payloadFile, delimiter: payloadDelimiter)) }
        var properties = try producerProperties()
        let transactionDuration = Self.transactionSettings(flagId: transactionalId, durationMs: transactionDurationMs, properties: &properties)
        let producerConfiguration = try ProducerConfiguration(properties: properties)
        let clientConfiguration = try connection.clientConfiguration(extraProperties: properties)
        // max.block.ms bounds the wait for metadata, initTransactions and each commit, as in Kafka (whose default,
        // 60 s, kafkactl shortens as console-producer does: a missing topic should not hold a terminal for a minute).
        let maxBlock = try ClientConfiguration.milliseconds(properties, "max.block.ms") ?? .seconds(5)
        let performance = ProducerPerformance(count: numRecords, payload: payload, throttler: try throttler(),
                                              transactions: transactionDuration.map { ($0, maxBlock) })
        let renderer = ProducerPerfTestRenderer(json: output.isJSON)
        // Ctrl-C stops sending; what was sent is flushed (its transaction committed) and summed up, then exit 130.
        let signal = ShutdownSignal()

        try await context.withClient(clientConfiguration) { client in
            let producer = Producer(client: client, topic: topic, configuration: producerConfiguration)
            try await producer.start(maxBlock: maxBlock)
            async let sending: Void = producer.run()
            let outcome = await performance.run(producer, stopRequested: { signal.isRequested }) { renderer.progress($0, on: context) }
            await sending
            if let failure = outcome.transactionFailure { throw failure }
            try renderer.summary(outcome.summary, failed: outcome.delivery.failedCount,
                                 transactions: transactionDuration == nil ? nil : outcome.committedTransactions, on: context)
            try Self.checkDelivered(outcome.delivery)
            if outcome.interrupted {
                throw KafkactlError(.interrupted, "interrupted: \(outcome.summary.records) of \(numRecords) records sent and acknowledged (the summary above covers them)")
            }
        }
    }

    /// Apache prints each failed send's exception and exits 0; kafkactl names the first and exits non-zero, as
    /// console-producer does.
    static func checkDelivered(_ delivery: DeliverySummary) throws {
        guard let first = delivery.failures.first else { return }
        let total = delivery.delivered + delivery.failedCount
        throw KafkactlError(
            first.error.category == .unreachable ? .unreachable : .partial,
            "\(delivery.failedCount) of \(total) records were not delivered; first: record \(first.source): \(first.error.message)",
            code: first.error.code)
    }
}
