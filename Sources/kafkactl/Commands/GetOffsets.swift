import AdminCore
import ArgumentParser

/// `kafkactl get-offsets`: kafka-get-offsets.sh's flags and `topic:partition:offset` output.
struct GetOffsets: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-offsets",
        abstract: "Print the earliest, latest or by-time offsets of partitions (kafka-get-offsets.sh).",
        discussion: """
            --time takes -1/latest, -2/earliest, -3/max-timestamp, -4/earliest-local, -5/latest-tiered, a
            timestamp in epoch milliseconds, or kafkactl's time grammar (2026-11-23T10:00:00Z, -2h, now).

            Examples:
              kafkactl get-offsets --bootstrap-server localhost:9092 --topic orders
              kafkactl get-offsets --bootstrap-server localhost:9092 --topic-partitions 'orders:0-2,payments' --time earliest
              kafkactl get-offsets --bootstrap-server localhost:9092 --topic orders --time -1h --output json
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(help: ArgumentHelp("A regular expression for the topics (default: all).", valueName: "regex"),
            completion: .custom(LiveNames.topics))
    var topic: String?
    @Option(help: ArgumentHelp("Partition ids, comma separated (default: all).", valueName: "0,1"))
    var partitions: String?
    @Option(help: ArgumentHelp("TOPIC_REGEX[:PARTITIONS], comma separated; PARTITIONS is N, N-M (M exclusive), N- or -M.", valueName: "t1:0-3,t2"))
    var topicPartitions: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Which offset: latest (-1), earliest (-2), max-timestamp (-3), earliest-local (-4), latest-tiered (-5) or a time.", valueName: "time"))
    var time: String = "latest"
    @Flag(help: "Leave out internal topics.") var excludeInternalTopics = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if topicPartitions != nil && (topic != nil || partitions != nil) {
            throw ValidationError("--topic-partitions cannot be used with --topic or --partitions")
        }
        if Self.offsetSpec(time) == nil {
            throw ValidationError("Malformed time argument \(time). Please use -1 or latest / -2 or earliest / -3 or max-timestamp / -4 or earliest-local / -5 or latest-tiered, or a specified long format timestamp")
        }
        if let partitions, Self.partitionIds(partitions) == nil {
            throw ValidationError("--partitions expects a comma separated list of numeric partition ids, but received: \(partitions)")
        }
        if let topicPartitions { _ = try Self.rules(topicPartitions) }
    }

    static func offsetSpec(_ text: String) -> OffsetSpec? {
        switch text {
        case "-1", "latest": return .latest
        case "-2", "earliest": return .earliest
        case "-3", "max-timestamp": return .maxTimestamp
        case "-4", "earliest-local": return .earliestLocal
        case "-5", "latest-tiered": return .latestTiered
        default: break
        }
        if let number = Int64(text) { return number >= 0 ? .timestamp(number) : nil }
        return TimeExpression.parse(text).map { .timestamp(max($0, 0)) }
    }

    static func partitionIds(_ text: String) -> [Int32]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int32($0.trimmingCharacters(in: " ")) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        return parts.map { $0! }
    }

    /// One `TOPIC_REGEX[:PART]` rule of `--topic-partitions`.
    struct Rule {
        var topic: TopicFilter?
        var partitions: ClosedRange<Int32>?

        func matches(_ partition: TopicPartition) -> Bool {
            (topic?.matches(partition.topic) ?? true) && (partitions?.contains(partition.partition) ?? true)
        }
    }

    static func rules(_ text: String) throws -> [Rule] {
        try text.split(separator: ",").map { entry in
            let invalid = ValidationError("Invalid rule specification: \(entry)")
            var topicText = String(entry)
            var range: ClosedRange<Int32>?
            if let colon = entry.lastIndex(of: ":") {
                topicText = String(entry[..<colon])
                let part = entry[entry.index(after: colon)...]
                if part.isEmpty {
                    range = nil  // `t:` is Kafka's grammar for every partition of t
                } else if let dash = part.firstIndex(of: "-") {
                    let low = part[..<dash].isEmpty ? 0 : Int32(part[..<dash])
                    let highText = part[part.index(after: dash)...]
                    let high = highText.isEmpty ? Int32.max : Int32(highText).map { $0 - 1 }
                    guard let low, let high, low >= 0, high >= low else { throw invalid }
                    range = low...high
                } else {
                    guard let single = Int32(part), single >= 0 else { throw invalid }
                    range = single...single
                }
            }
            let filter = topicText.isEmpty ? nil : try TopicFilter(topicText)
            return Rule(topic: filter, partitions: range)
        }
    }

    func run(in context: CommandContext) async throws {
        var properties = try connection.commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        properties["client.id"] = "GetOffsetShell"
        let configuration = try connection.clientConfiguration(extraProperties: properties)
        let spec = Self.offsetSpec(time)!
        let rules: [Rule]
        if let topicPartitions {
            rules = try Self.rules(topicPartitions)
        } else {
            let ids = partitions.flatMap(Self.partitionIds)
            let filter = try topic.map(TopicFilter.init)
            let ranges: [ClosedRange<Int32>?] = ids.map { $0.map { $0...$0 } } ?? [nil]
            rules = ranges.map { Rule(topic: filter, partitions: $0) }
        }
        try await context.withClient(configuration) { client in
            let metadata = try await client.metadata(topics: nil)
            let selected = metadata.topics.values
                .filter { !(excludeInternalTopics && ($0.isInternal || TopicName.isInternal($0.name))) }
                .flatMap { topic in topic.partitions.map { TopicPartition(topic.name, $0.partition) } }
                .filter { partition in rules.contains { $0.matches(partition) } }
            guard !selected.isEmpty else {
                throw KafkactlError(.notFound, "Could not match any topic-partitions with the specified filters")
            }
            let results = try await AdminClient(client: client).listOffsets(Dictionary(uniqueKeysWithValues: selected.map { ($0, spec) }))
            // Kafka's tool sorts by the string "topic-partition", so orders-10 comes before orders-2.
            var found: [(TopicPartition, ListedOffset)] = []
            for (partition, result) in results.sorted(by: { $0.key.description < $1.key.description }) {
                switch result {
                case .success(let offset) where offset.offset >= 0: found.append((partition, offset))
                case .success: continue
                case .failure(let error):
                    context.printError("Skip getting offsets for topic-partition \(partition) due to error: \(error.message)")
                }
            }
            if output.isJSON {
                try context.print(JSON.object([("offsets", .array(found.map { partition, offset in
                    .object([("topic", .string(partition.topic)), ("partition", .int(partition.partition)),
                             ("offset", .int(offset.offset)),
                             ("timestamp", offset.timestamp >= 0 ? .int(offset.timestamp) : .null)])
                }))]).serialized())
            } else {
                for (partition, offset) in found { try context.print("\(partition.topic):\(partition.partition):\(offset.offset)") }
            }
        }
    }
}
