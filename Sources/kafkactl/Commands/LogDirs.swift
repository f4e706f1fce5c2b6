import AdminCore
import ArgumentParser

/// `kafkactl log-dirs`: kafka-log-dirs.sh. Asks each broker (DescribeLogDirs goes to every broker named: a broker
/// only knows its own disks) for its log directories and the size of each replica in them.
struct LogDirs: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "log-dirs",
        abstract: "Describe the log directories of brokers (kafka-log-dirs.sh).",
        discussion: """
            Prints Apache's two lines and then one JSON document, {"version":1,"brokers":[...]}: per broker its logDirs, each with logDir, error (null when healthy) and partitions, each with partition, size, offsetLag and isFuture. --output json prints the document alone; --output table (kafkactl) one row per replica, and one per directory without any.

            Examples:
              kafkactl log-dirs --bootstrap-server B --describe
              kafkactl log-dirs --bootstrap-server B --describe --broker-list 1,2 \\
                  --topic-list orders,payments
              kafkactl log-dirs --bootstrap-server B --describe --output table
            """)

    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Describe the log directories of the brokers (required).") var describe = false
    @Option(help: ArgumentHelp("The brokers to ask, as 0,1,2 (default: every broker).", valueName: "ids"))
    var brokerList: String = ""
    @Option(help: ArgumentHelp("Only these topics' replicas, as t1,t2 (default: every topic).", valueName: "topics"),
            completion: .custom(LiveNames.topics))
    var topicList: String = ""
    /// log-dirs' own formats: Apache's text, the JSON document alone, or kafkactl's table.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, table
    }

    @Option(help: "Output format: text (Kafka's lines and document), json (the document alone) or table (a row per replica).")
    var output: Format = .text

    func validate() throws {
        guard describe else { throw ValidationError("Missing required argument: --describe") }
        _ = try brokers()
    }

    /// --broker-list as Apache reads it: comma-separated ids, empty items skipped.
    func brokers() throws -> Set<Int32> {
        Set(try brokerList.split(separator: ",").map { item in
            guard let id = Int32(item.trimmingCharacters(in: " ")), id >= 0 else {
                throw ValidationError("--broker-list '\(brokerList)': '\(item)' is not a broker id (give ids like 0,1,2)")
            }
            return id
        })
    }

    var topics: Set<String> { Set(topicList.split(separator: ",").map(String.init)) }

    func run(in context: CommandContext) async throws {
        let asked = try brokers()
        let properties = try connection.commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        let configuration = try connection.clientConfiguration(extraProperties: properties)
        let renderer = LogDirsRenderer(format: output)
        try await context.withClient(configuration) { client in
            let admin = AdminClient(client: client)
            let cluster = Set(try await client.metadata(topics: []).brokers.keys)
            let missing = asked.subtracting(cluster)
            guard missing.isEmpty else {
                throw KafkactlError(.notFound, "The given brokers do not exist from --broker-list: \(Self.list(missing)). Current existent brokers: \(Self.list(cluster))")
            }
            let brokers = asked.isEmpty ? cluster : asked
            try renderer.querying(on: context)
            let described = try await admin.describeLogDirs(brokers: brokers.sorted())
            try renderer.described(described, topics: topics, on: context)
        }
    }

    static func list(_ ids: Set<Int32>) -> String { ids.sorted().map(String.init).joined(separator: ",") }
}
