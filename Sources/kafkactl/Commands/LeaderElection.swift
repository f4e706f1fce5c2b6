import AdminCore
import ArgumentParser

/// `kafkactl leader-election`: kafka-leader-election.sh. Asks the controller to elect the preferred (or, unclean,
/// any live) replica as leader of the partitions named, of one partition, or of every partition.
struct LeaderElection: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "leader-election",
        abstract: "Elect partition leaders (kafka-leader-election.sh).",
        discussion: """
            --election-type preferred moves leadership back to each partition's preferred replica where it is not the leader; unclean elects any live replica of a partition that has no in-sync one left, and may lose records. One of --topic with --partition, --all-topic-partitions or --path-to-json-file names the partitions. The file:
              {"partitions": [{"topic": "foo", "partition": 1},
                              {"topic": "foobar", "partition": 2}]}

            Examples:
              kafkactl leader-election --bootstrap-server B --election-type preferred \\
                  --all-topic-partitions
              kafkactl leader-election --bootstrap-server B --election-type unclean \\
                  --topic orders --partition 3
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(help: ArgumentHelp("preferred or unclean (required).", valueName: "type"), completion: .list(["preferred", "unclean"]))
    var electionType: String?
    @Option(help: ArgumentHelp("The topic of the partition to elect for (with --partition).", valueName: "topic"),
            completion: .custom(LiveNames.topics))
    var topic: String?
    @Option(help: ArgumentHelp("The partition of --topic to elect for.", valueName: "n"))
    var partition: Int32?
    @Flag(help: "Elect for every partition that needs it.") var allTopicPartitions = false
    @Option(help: ArgumentHelp("A JSON file with the partitions to elect for.", valueName: "file"), completion: .file())
    var pathToJsonFile: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard let electionType else { throw ValidationError("Missing required option(s): --election-type") }
        _ = try Self.electionType(electionType)
        let named = [topic != nil, allTopicPartitions, pathToJsonFile != nil].filter { $0 }.count
        guard named == 1 else {
            throw ValidationError("One and only one of the following options is required: --topic, --all-topic-partitions, --path-to-json-file")
        }
        if topic != nil && partition == nil { throw ValidationError("Missing required option(s): --partition") }
        if topic == nil && partition != nil { throw ValidationError("Option --partition is only allowed if --topic is used") }
        if let partition, partition < 0 { throw ValidationError("--partition must be a partition number (0 or more), not \(partition)") }
        if let topic, topic.isEmpty { throw ValidationError("--topic needs a topic name") }
    }

    /// Kafka's ElectionType names in either case (PREFERRED, preferred).
    static func electionType(_ text: String) throws -> ElectionType {
        guard let type = ElectionType.allCases.first(where: { $0.name == text.uppercased() }) else {
            throw ValidationError("--election-type '\(text)' is not an election type: use preferred or unclean")
        }
        return type
    }

    /// Reads kafka-leader-election.sh's file: `partitions`, each a topic and partition, none twice. Every fault is
    /// one line naming what is wrong.
    static func parsePartitionFile(_ text: String, path: String) throws -> [TopicPartition] {
        let json: JSON
        do { json = try JSONParser.parse(text) } catch {
            throw KafkactlUsageError("--path-to-json-file '\(path)': The input string is not a valid JSON (\(error))")
        }
        guard case .object(let members) = json else {
            throw KafkactlUsageError("--path-to-json-file '\(path)': expected a JSON object with \"partitions\"")
        }
        guard case .array(let entries)? = Dictionary(members, uniquingKeysWith: { _, last in last })["partitions"] else {
            throw KafkactlUsageError("--path-to-json-file '\(path)': Replica election data is missing \"partitions\" field")
        }
        guard !entries.isEmpty else { throw KafkactlUsageError("--path-to-json-file '\(path)' names no partitions") }
        var partitions: [TopicPartition] = []
        for (index, entry) in entries.enumerated() {
            let bad = { (why: String) in KafkactlUsageError("--path-to-json-file '\(path)': partitions entry \(index + 1) \(why)") }
            guard case .object(let pairs) = entry else { throw bad("is not an object") }
            let fields = Dictionary(pairs, uniquingKeysWith: { _, last in last })
            guard case .string(let topic)? = fields["topic"], !topic.isEmpty else { throw bad("needs \"topic\", a topic name") }
            guard case .integer(let number)? = fields["partition"], let partition = Int32(exactly: number), partition >= 0 else {
                throw bad("needs \"partition\", a partition number")
            }
            partitions.append(TopicPartition(topic, partition))
        }
        let duplicates = Dictionary(grouping: partitions, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        if !duplicates.isEmpty {
            throw KafkactlUsageError("Replica election data contains duplicate partitions: \(duplicates.map(\.description).joined(separator: ","))")
        }
        return partitions
    }

    func run(in context: CommandContext) async throws {
        let type = try Self.electionType(electionType!)
        // Read and check the file before connecting: a bad file is the user's to fix, whatever the cluster says.
        var partitions: [TopicPartition]?
        if let pathToJsonFile {
            guard let text = PropertiesFile.readFile(pathToJsonFile) else {
                throw KafkactlUsageError("cannot read --path-to-json-file '\(pathToJsonFile)'")
            }
            partitions = try Self.parsePartitionFile(text, path: pathToJsonFile)
        } else if let topic, let partition {
            partitions = [TopicPartition(topic, partition)]
        }
        let properties = try connection.commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        let configuration = try connection.clientConfiguration(extraProperties: properties)
        try await context.withClient(configuration) { client in
            let outcomes = try await AdminClient(client: client).electLeaders(type, partitions: partitions)
            try LeaderElectionRenderer(json: output.isJSON).render(type, outcomes, on: context)
            let failed = outcomes.values.filter { if case .failed = $0 { return true } else { return false } }.count
            if failed > 0 { throw KafkactlError(.partial, "\(failed) replica(s) could not be elected") }
        }
    }
}
