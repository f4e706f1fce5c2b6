import AdminCore
import ArgumentParser
import NIOCore

/// `kafkactl console-producer`: kafka-console-producer.sh's flags and reader properties, at the broker's speed,
/// and nothing lost: every line is acknowledged or named on stderr with a non-zero exit.
struct ConsoleProducer: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "console-producer",
        abstract: "Read lines from standard input and produce them to a topic (kafka-console-producer.sh).",
        discussion: """
            Every input line is acknowledged by the broker or reported on stderr with its line number, and the exit
            code is then 1 (Kafka's tool logs failures and still exits 0). Defaults favour throughput: 1 MB
            batches, linger.ms=5, acks=all with idempotence; the Apache flags below set the same properties.

            Examples:
              seq 1 1000000 | kafkactl console-producer --bootstrap-server localhost:9092 --topic numbers
              kafkactl console-producer --bootstrap-server localhost:9092 --topic orders --property parse.key=true --property key.separator=:
              kafkactl console-producer --bootstrap-server localhost:9092 --topic t --compression-codec zstd --producer-property acks=1
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The topic to produce to.", completion: .custom(LiveNames.topics)) var topic: String
    @Option(help: "Produce every record to this partition instead of letting the partitioner choose.")
    var partition: Int32?
    @Flag(help: "Send each record and wait for its acknowledgement before reading the next line.")
    var sync = false
    @Option(help: ArgumentHelp("Compression: none, gzip, snappy, lz4 or zstd (compression.type).", valueName: "codec"))
    var compressionCodec: String?
    @Option(help: "batch.size in bytes.") var batchSize: Int?
    @Option(help: "batch.size in bytes (wins over --batch-size).") var maxPartitionMemoryBytes: Int?
    @Option(help: "retries.") var messageSendMaxRetries: Int?
    @Option(help: "retry.backoff.ms.") var retryBackoffMs: Int?
    @Option(help: ArgumentHelp("linger.ms: how long a batch may wait to fill (not an overall timeout).", valueName: "ms"))
    var timeout: Int?
    // Unconditional: `--request-required-acks -1` (Kafka's own spelling of all) must not read as a flag.
    @Option(parsing: .unconditional, help: ArgumentHelp("acks: all (-1), 1 or 0.", valueName: "acks"))
    var requestRequiredAcks: String?
    @Option(help: "request.timeout.ms.") var requestTimeoutMs: Int?
    @Option(help: "metadata.max.age.ms (accepted for compatibility).") var metadataExpiryMs: Int?
    @Option(help: "max.block.ms: how long to wait for the topic's metadata.") var maxBlockMs: Int?
    @Option(help: "buffer.memory: unacknowledged bytes before reading pauses.") var maxMemoryBytes: Int?
    @Option(help: "send.buffer.bytes (accepted for compatibility).") var socketBufferSize: Int?
    @Option(help: "Only Kafka's default reader is supported.") var lineReader: String?
    @Option(help: ArgumentHelp("text (Kafka's line reader) or json (the envelope console-consumer --output json writes).", valueName: "format"))
    var inputFormat: String = "text"
    @Option(help: ArgumentHelp("A line reader property (parse.key, key.separator, parse.headers, headers.delimiter, headers.separator, headers.key.separator, null.marker, ignore.error).", valueName: "key=value"))
    var property: [String] = []
    @Option(help: ArgumentHelp("A file of line reader properties.", valueName: "file")) var readerConfig: String?
    @Option(help: ArgumentHelp("A producer config property (repeatable); Kafka 4.2's name for it is --command-property.", valueName: "key=value"))
    var producerProperty: [String] = []
    @Option(help: ArgumentHelp("A producer config property (repeatable; Kafka 4.2's name for --producer-property).", valueName: "key=value"))
    var commandProperty: [String] = []
    @Option(help: ArgumentHelp("A line reader property (Kafka 4.2's name for --property).", valueName: "key=value"))
    var readerProperty: [String] = []
    @Option(name: .customLong("producer.config"), help: ArgumentHelp("A producer properties file.", valueName: "file"))
    var producerConfig: String?

    func validate() throws {
        // Kafka 4.2 keeps the old names beside the new ones, but not together.
        if producerConfig != nil && connection.commandConfig != nil {
            throw ValidationError("Options --command-config and --producer.config cannot be specified together.")
        }
        if !producerProperty.isEmpty && !commandProperty.isEmpty {
            throw ValidationError("Options --command-property and --producer-property cannot be specified together.")
        }
        if !property.isEmpty && !readerProperty.isEmpty {
            throw ValidationError("Options --reader-property and --property cannot be specified together.")
        }
        if let lineReader, lineReader != "org.apache.kafka.tools.LineMessageReader", lineReader != "kafka.tools.LineMessageReader" {
            throw ValidationError("The reader must implement org.apache.kafka.tools.api.RecordReader interface (kafkactl has only Kafka's default line reader)")
        }
        if let partition, partition < 0 { throw ValidationError("--partition must be 0 or more") }
        if !["text", "json"].contains(inputFormat) { throw ValidationError("--input-format must be text or json") }
        if let compressionCodec, CompressionCodec(name: compressionCodec) == nil {
            throw ValidationError("invalid --compression-codec '\(compressionCodec)': expected none, gzip, snappy, lz4 or zstd")
        }
    }

    /// Producer properties: the files, then `--producer-property`, then the named flags.
    func producerProperties() throws -> [String: String] {
        var properties = try connection.commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        if let producerConfig {
            properties.merge(try PropertiesFile.load(path: producerConfig, flag: "--producer.config")) { _, new in new }
        }
        let propertyFlag = commandProperty.isEmpty ? "--producer-property" : "--command-property"
        for pair in try PropertyList.parse(producerProperty + commandProperty, invalid: { KafkactlUsageError("invalid \(propertyFlag) '\($0)': expected key=value") }) {
            properties[pair.key] = pair.value
        }
        let flags: [(String, String?)] = [
            ("compression.type", compressionCodec), ("batch.size", (maxPartitionMemoryBytes ?? batchSize).map(String.init)),
            ("retries", messageSendMaxRetries.map(String.init)), ("retry.backoff.ms", retryBackoffMs.map(String.init)),
            ("linger.ms", timeout.map(String.init)), ("acks", requestRequiredAcks),
            ("request.timeout.ms", requestTimeoutMs.map(String.init)), ("max.block.ms", maxBlockMs.map(String.init)),
            ("buffer.memory", maxMemoryBytes.map(String.init)),
        ]
        for case let (key, value?) in flags { properties[key] = value }
        if properties["client.id"] == nil { properties["client.id"] = "console-producer" }
        return properties
    }

    func readerProperties() throws -> [String: String] {
        var properties = try readerConfig.map { try PropertiesFile.load(path: $0, flag: "--reader-config") } ?? [:]
        let readerFlag = readerProperty.isEmpty ? "--property" : "--reader-property"
        for pair in try PropertyList.parse(property + readerProperty, invalid: { KafkactlUsageError("invalid \(readerFlag) '\($0)': expected key=value") }) {
            properties[pair.key] = pair.value
        }
        return properties
    }

    func run(in context: CommandContext) async throws {
        try TopicName.validate(topic)
        let parser: any RecordParsing = inputFormat == "json"
            ? JSONRecordParser() : try LineRecordParser(properties: try readerProperties())
        let properties = try producerProperties()
        let producerConfiguration = try ProducerConfiguration(properties: properties)
        let clientConfiguration = try connection.clientConfiguration(extraProperties: properties)
        let maxBlock = try ClientConfiguration.milliseconds(properties, "max.block.ms") ?? .seconds(5)
        let signal = ShutdownSignal()

        try await context.withClient(clientConfiguration) { client in
            let producer = Producer(client: client, topic: topic, configuration: producerConfiguration)
            try await producer.start(maxBlock: maxBlock)
            async let sending: Void = producer.run()
            let outcome = await withTaskGroup(of: InputOutcome.self) { group in
                let (sync, partition) = (self.sync, self.partition)
                group.addTask {
                    await Self.produceInput(to: producer, parser: parser, sync: sync, partition: partition, context: context)
                }
                group.addTask {
                    await signal.wait()
                    return .interrupted
                }
                let first = await group.next()!
                group.cancelAll()
                return first
            }
            // The last `>` prompt must not stay in front of what comes next (the shell's prompt, the summary).
            if StdinReader.isTerminal() && context.stdoutIsTerminal { try? context.stdout.write("\n"); try? context.stdout.flush() }
            let summary = await producer.close()
            await sending
            try report(summary, outcome: outcome, context: context)
        }
    }

    enum InputOutcome: Sendable {
        case endOfInput(lines: Int)
        case interrupted
        case failed(KafkactlError, lines: Int)
    }

    /// Reads stdin to the end (or until cancelled), handing the producer one chunk's records at a time.
    private static func produceInput(
        to producer: Producer, parser: any RecordParsing, sync: Bool, partition: Int32?, context: CommandContext
    ) async -> InputOutcome {
        var splitter = LineSplitter()
        var progress = Progress(enabled: context.stderrIsTerminal && !sync && !StdinReader.isTerminal(), sink: context.stderr)
        let prompt = StdinReader.isTerminal() && context.stdoutIsTerminal
        var bytes = 0
        var records: [ProducerRecord] = []
        records.reserveCapacity(16 * 1024)
        func parse(_ number: Int, _ line: ByteBuffer) throws {
            do {
                records.append(try parser.record(line: line, number: number, partition: partition))
            } catch let error as RecordParseError {
                throw KafkactlError(.rejected, error.message)
            }
        }
        func hand(_ batch: [ProducerRecord]) async -> KafkactlError? {
            if sync {
                for record in batch {
                    await producer.send([record])
                    await producer.flush()
                    if let failure = await producer.deliverySummary.failures.first {
                        return KafkactlError(failure.error.category, "line \(failure.source): \(failure.error.message)", code: failure.error.code)
                    }
                }
                return nil
            }
            await producer.send(batch)
            return nil
        }
        do {
            if prompt { try context.stdout.write(">"); try context.stdout.flush() }
            for try await chunk in StdinReader() {
                if Task.isCancelled { return .interrupted }
                bytes += chunk.readableBytes
                do {
                    try splitter.lines(in: chunk, parse)
                } catch let error as KafkactlError {
                    // Lines before the bad one still go out.
                    _ = await hand(records)
                    return .failed(error, lines: splitter.lineCount)
                }
                if let failure = await hand(records) { return .failed(failure, lines: splitter.lineCount) }
                records.removeAll(keepingCapacity: true)
                progress.update(records: splitter.lineCount, bytes: bytes, verb: "sent")
                if prompt { try context.stdout.write(">"); try context.stdout.flush() }
            }
            if Task.isCancelled { return .interrupted }
            do {
                try splitter.finish(parse)
            } catch let error as KafkactlError {
                return .failed(error, lines: splitter.lineCount)
            }
            if let failure = await hand(records) { return .failed(failure, lines: splitter.lineCount) }
            progress.finish()
            return .endOfInput(lines: splitter.lineCount)
        } catch let error as KafkactlError {
            progress.finish()
            return .failed(error, lines: splitter.lineCount)
        } catch {
            progress.finish()
            return .failed(KafkactlError(.internal, "\(error)"), lines: splitter.lineCount)
        }
    }

    /// Exit 0 only when input ended and every record was acknowledged; otherwise name what was lost.
    private func report(_ summary: DeliverySummary, outcome: InputOutcome, context: CommandContext) throws {
        let total = summary.delivered + summary.failedCount
        if summary.failedCount > 0 {
            for failure in summary.failures.prefix(10) {
                context.printError("line \(failure.source): \(failure.error.message)")
            }
            if summary.failedCount > 10 { context.printError("... and \(summary.failedCount - 10) more") }
            let first = summary.failures[0]
            throw KafkactlError(
                first.error.category == .unreachable ? .unreachable : .partial,
                "\(summary.failedCount) of \(total) records were not delivered; first: line \(first.source): \(first.error.message)",
                code: first.error.code)
        }
        switch outcome {
        case .endOfInput:
            return
        case .interrupted:
            throw KafkactlError(.interrupted, "interrupted: \(summary.delivered) records read before the signal were delivered")
        case .failed(let error, _):
            throw error
        }
    }
}
