import AdminCore
import ArgumentParser

/// `kafkactl delete-records`: kafka-delete-records.sh's `--offset-json-file` (deletes at once, as Apache's tool does),
/// plus kafkactl's `--topic [--partition] --before-offset N | --before TIME`, which is a dry run unless `--execute`
/// is given, as `consumer-groups --reset-offsets` is: deleting records cannot be undone.
struct DeleteRecords: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete-records",
        abstract: "Delete the records of partitions before an offset (kafka-delete-records.sh).",
        discussion: """
            --offset-json-file deletes at once, as kafka-delete-records.sh does. Offset -1 means the high watermark (every record of the partition). The file:
              {"partitions": [{"topic": "foo", "partition": 1, "offset": 1}], "version": 1}

            --topic with --before-offset or --before only prints what it would delete, unless --execute is given. --before takes kafkactl's time grammar (2026-11-23T10:00:00Z, -2h, epoch ms) and deletes the records before the first offset whose timestamp is at or after that time.

            Examples:
              kafkactl delete-records --bootstrap-server B --offset-json-file offsets.json
              kafkactl delete-records --bootstrap-server B --topic orders --before -7d
              kafkactl delete-records --bootstrap-server B --topic orders --partition 0 --before-offset 100 --execute
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(help: ArgumentHelp("The JSON file with an offset per partition (deletes at once).", valueName: "file"),
            completion: .file())
    var offsetJsonFile: String?
    @Option(help: ArgumentHelp("The topic whose records to delete (kafkactl).", valueName: "topic"),
            completion: .custom(LiveNames.topics))
    var topic: String?
    @Option(help: ArgumentHelp("One partition of --topic (default: every partition).", valueName: "n"))
    var partition: Int32?
    @Option(parsing: .unconditional, help: ArgumentHelp("Delete the records before this offset; -1: all (the high watermark).", valueName: "offset"))
    var beforeOffset: Int64?
    // Unconditional: a relative time (-7d) is this option's value, not a flag.
    @Option(parsing: .unconditional, help: ArgumentHelp("Delete the records before the first one at or after this time.", valueName: "time"))
    var before: String?
    @Flag(help: "With --topic: delete (without it, only print what would be deleted).") var execute = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if offsetJsonFile != nil {
            if topic != nil || partition != nil || beforeOffset != nil || before != nil {
                throw ValidationError("--offset-json-file cannot be used with --topic, --partition, --before-offset or --before")
            }
            return
        }
        guard topic != nil else {
            if partition != nil { throw ValidationError("--partition needs --topic") }
            throw ValidationError("Missing required argument: --offset-json-file, or --topic with --before-offset or --before")
        }
        if let partition, partition < 0 { throw ValidationError("--partition must be a partition number (0 or more), not \(partition)") }
        switch (beforeOffset, before) {
        case (nil, nil): throw ValidationError("--topic needs --before-offset or --before")
        case (.some, .some): throw ValidationError("--before-offset and --before cannot be used together")
        case (let offset?, nil) where offset < -1:
            throw ValidationError("--before-offset must be an offset (0 or more) or -1 (the high watermark), not \(offset)")
        case (nil, let time?) where TimeExpression.parse(time) == nil:
            throw ValidationError("Malformed time argument \(time). Use an ISO-8601 time (2026-11-23T10:00:00Z), epoch milliseconds, or a time relative to now (-2h, -7d)")
        default: break
        }
    }

    /// Reads kafka-delete-records.sh's offset file: version 1 (the default), `partitions` of topic, partition and
    /// offset, no partition twice, offsets of 0 or more or -1. Every fault is one line naming what is wrong.
    static func parseOffsetFile(_ text: String, path: String) throws -> [TopicPartition: RecordsCut] {
        let json: JSON
        do { json = try JSONParser.parse(text) } catch {
            throw KafkactlUsageError("--offset-json-file '\(path)': The input string is not a valid JSON (\(error))")
        }
        guard case .object(let members) = json else {
            throw KafkactlUsageError("--offset-json-file '\(path)': expected a JSON object with \"partitions\" and \"version\"")
        }
        let fields = Dictionary(members, uniquingKeysWith: { _, last in last })
        if let version = fields["version"] {
            guard case .integer(1) = version else {
                throw KafkactlUsageError("--offset-json-file '\(path)': Not supported version field value \(version.serialized())")
            }
        }
        guard let partitions = fields["partitions"] else {
            throw KafkactlUsageError("--offset-json-file '\(path)': Missing partitions field")
        }
        guard case .array(let entries) = partitions else {
            throw KafkactlUsageError("--offset-json-file '\(path)': \"partitions\" must be an array")
        }
        guard !entries.isEmpty else { throw KafkactlUsageError("--offset-json-file '\(path)' names no partitions") }
        var cuts: [TopicPartition: RecordsCut] = [:]
        var duplicates: [TopicPartition] = []
        for (index, entry) in entries.enumerated() {
            let bad = { (why: String) in KafkactlUsageError("--offset-json-file '\(path)': partitions entry \(index + 1) \(why)") }
            guard case .object(let pairs) = entry else { throw bad("is not an object") }
            let entryFields = Dictionary(pairs, uniquingKeysWith: { _, last in last })
            guard case .string(let topic)? = entryFields["topic"], !topic.isEmpty else { throw bad("needs \"topic\", a topic name") }
            guard case .integer(let number)? = entryFields["partition"], let partition = Int32(exactly: number), partition >= 0 else {
                throw bad("needs \"partition\", a partition number")
            }
            guard case .integer(let offset)? = entryFields["offset"] else { throw bad("needs \"offset\", a number") }
            guard offset >= -1 else {
                throw bad("has offset \(offset) for \(topic)-\(partition): an offset is 0 or more, or -1 for the high watermark")
            }
            let key = TopicPartition(topic, partition)
            if cuts[key] != nil { duplicates.append(key) }
            cuts[key] = offset == -1 ? .highWatermark : .beforeOffset(offset)
        }
        if !duplicates.isEmpty {
            throw KafkactlUsageError("Offset json file contains duplicate topic partitions: \(duplicates.map(\.description).joined(separator: ","))")
        }
        return cuts
    }

    func run(in context: CommandContext) async throws {
        // Read and check the file before connecting: a bad file is the user's to fix, whatever the cluster says.
        var fileCuts: [TopicPartition: RecordsCut]?
        if let offsetJsonFile {
            guard let text = PropertiesFile.readFile(offsetJsonFile) else {
                throw KafkactlUsageError("cannot read --offset-json-file '\(offsetJsonFile)'")
            }
            fileCuts = try Self.parseOffsetFile(text, path: offsetJsonFile)
        }
        let properties = try connection.commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        let configuration = try connection.clientConfiguration(extraProperties: properties)
        let renderer = DeleteRecordsRenderer(json: output.isJSON)
        try await context.withClient(configuration) { client in
            let admin = AdminClient(client: client)
            let cuts: [TopicPartition: RecordsCut]
            var unresolved: [TopicPartition: KafkactlError] = [:]
            if let fileCuts {
                cuts = fileCuts
            } else {
                (cuts, unresolved) = try await planFromFlags(admin)
                if !execute {
                    try renderer.dryRun(cuts, unresolved, on: context)
                    if !unresolved.isEmpty { throw Self.partial(unresolved.count, of: cuts.count + unresolved.count) }
                    return
                }
            }
            if !renderer.json { try context.print("Executing records delete operation") }
            var results = try await admin.deleteRecords(cuts)
            for (partition, error) in unresolved { results[partition] = .failure(error) }
            try renderer.completed(results, on: context)
            let failed = results.values.filter { if case .failure = $0 { return true } else { return false } }.count
            if failed > 0 { throw Self.partial(failed, of: results.count) }
        }
    }

    static func partial(_ failed: Int, of total: Int) -> KafkactlError {
        KafkactlError(.partial, "records of \(failed) of \(total) partitions were not deleted (see above)")
    }

    /// The cut of each partition `--topic [--partition]` names: `--before-offset` as given, or `--before TIME`
    /// resolved by ListOffsets to the first offset at or after TIME. A partition with no record that late loses
    /// every record up to the log end offset ListOffsets reports now (not -1, the high watermark at deletion time,
    /// which could take records written after TIME in between). A partition the lookup failed for is returned apart.
    func planFromFlags(_ admin: AdminClient) async throws -> ([TopicPartition: RecordsCut], [TopicPartition: KafkactlError]) {
        let topic = topic!
        let partitions: [TopicPartition]
        if let partition {
            partitions = [TopicPartition(topic, partition)]
        } else {
            let metadata = try await admin.client.metadata(covering: [topic])
            guard let described = metadata.topics[topic], described.error == .none else {
                let code = metadata.topics[topic]?.error ?? .unknownTopicOrPartition
                throw KafkactlError(.notFound, "Topic '\(topic)' does not exist [\(code.name)]", code: code)
            }
            partitions = described.partitions.map { TopicPartition(topic, $0.partition) }
        }
        if let beforeOffset {
            let cut: RecordsCut = beforeOffset == -1 ? .highWatermark : .beforeOffset(beforeOffset)
            return (Dictionary(uniqueKeysWithValues: partitions.map { ($0, cut) }), [:])
        }
        let time = TimeExpression.parse(before!)!
        var cuts: [TopicPartition: RecordsCut] = [:]
        var failed: [TopicPartition: KafkactlError] = [:]
        var pastTheEnd: [TopicPartition] = []
        let found = try await admin.listOffsets(Dictionary(uniqueKeysWithValues: partitions.map { ($0, OffsetSpec.timestamp(max(time, 0))) }))
        for (partition, result) in found {
            switch result {
            case .success(let listed) where listed.offset >= 0: cuts[partition] = .beforeOffset(listed.offset)
            case .success: pastTheEnd.append(partition)
            case .failure(let error): failed[partition] = error
            }
        }
        if !pastTheEnd.isEmpty {
            let ends = try await admin.listOffsets(Dictionary(uniqueKeysWithValues: pastTheEnd.map { ($0, OffsetSpec.latest) }))
            for (partition, result) in ends {
                switch result {
                case .success(let listed): cuts[partition] = .beforeOffset(max(listed.offset, 0))
                case .failure(let error): failed[partition] = error
                }
            }
        }
        return (cuts, failed)
    }
}
