import AdminCore
import ArgumentParser

/// `kafkactl configs`: kafka-configs.sh's describe and alter for topics, brokers, broker loggers, groups and
/// client-metrics (DescribeConfigs resources), and for users, clients and ips (client quotas, and users' SCRAM
/// credentials; see Configs+ClientQuotas.swift).
struct Configs: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "configs",
        abstract: "Describe and alter configs of topics, brokers, broker loggers, groups, client-metrics, and the quotas and SCRAM credentials of users, clients and ips (kafka-configs.sh).",
        discussion: """
            Topic config names and values are checked before anything is sent. Changes go through
            IncrementalAlterConfigs, or, on brokers without it, AlterConfigs as read, merge, write.
            Quotas of users, clients and ips go through DescribeClientQuotas and AlterClientQuotas; users'
            SCRAM credentials through DescribeUserScramCredentials and AlterUserScramCredentials (the password
            is salted and hashed here and never sent).

            Examples:
              kafkactl configs --bootstrap-server localhost:9092 --entity-type topics --entity-name orders --alter --add-config min.insync.replicas=2
              kafkactl configs --bootstrap-server localhost:9092 --topic orders --describe
              kafkactl configs --bootstrap-server localhost:9092 --topic orders --alter --add-config 'cleanup.policy=[compact,delete],retention.ms=86400000'
              kafkactl configs --bootstrap-server localhost:9092 --topic orders --alter --delete-config retention.ms
              kafkactl configs --bootstrap-server localhost:9092 --user alice --client app --alter --add-config producer_byte_rate=1048576
              kafkactl configs --bootstrap-server localhost:9092 --entity-type users --entity-default --describe
              kafkactl configs --bootstrap-server localhost:9092 --user alice --alter --add-config 'SCRAM-SHA-256=[iterations=8192,password=alice-secret]'
              kafkactl configs --bootstrap-server localhost:9092 --ip 10.0.0.7 --alter --add-config connection_creation_rate=10
              kafkactl configs --bootstrap-server localhost:9092 --client-metrics basic --alter --add-config 'metrics=org.apache.kafka.producer.,interval.ms=60000'
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(help: ArgumentHelp("KRaft controllers (not supported: use --bootstrap-server).", valueName: "host:port"))
    var bootstrapController: String?
    @Flag(help: "Describe the configs of the entities.") var describe = false
    @Flag(help: "Alter the configs of the entity.") var alter = false
    @Flag(help: "With --describe: every config, defaults and static ones included.") var all = false
    @Option(help: ArgumentHelp("topics, brokers, broker-loggers, groups, client-metrics, users, clients or ips (users and clients may be given together, each with its --entity-name or --entity-default).", valueName: "type"))
    var entityType: [String] = []
    @Option(help: "The entity's name: a topic, a broker id, a group, a client-metrics resource, a user principal, a client id, an IP address. Names pair with the types in command-line order.")
    var entityName: [String] = []
    @Flag(help: "The default entity of users, clients, ips or brokers (brokers: the cluster-wide default).") var entityDefault = false
    @Option(help: "Shorthand for --entity-type topics --entity-name NAME.", completion: .custom(LiveNames.topics)) var topic: String?
    @Option(help: "Shorthand for --entity-type brokers --entity-name ID.") var broker: String?
    @Option(help: "Shorthand for --entity-type broker-loggers --entity-name ID.") var brokerLogger: String?
    @Option(help: "Shorthand for --entity-type groups --entity-name NAME.", completion: .custom(LiveNames.groups)) var group: String?
    @Option(help: "Shorthand for --entity-type client-metrics --entity-name NAME.") var clientMetrics: String?
    @Option(help: "Shorthand for --entity-type users --entity-name PRINCIPAL.") var user: String?
    @Option(help: "Shorthand for --entity-type clients --entity-name CLIENT-ID.") var client: String?
    @Option(help: "Shorthand for --entity-type ips --entity-name ADDRESS.") var ip: String?
    @Flag(help: "Shorthand for --entity-type brokers --entity-default.") var brokerDefaults = false
    @Flag(help: "Shorthand for --entity-type users --entity-default.") var userDefaults = false
    @Flag(help: "Shorthand for --entity-type clients --entity-default.") var clientDefaults = false
    @Flag(help: "Shorthand for --entity-type ips --entity-default.") var ipDefaults = false
    @Option(help: ArgumentHelp("Configs to set: k1=v1,k2=[v1,v2] (brackets group values that contain commas).", valueName: "k=v,..."))
    var addConfig: String?
    @Option(help: ArgumentHelp("A properties file of configs to set.", valueName: "file")) var addConfigFile: String?
    @Option(help: ArgumentHelp("Configs to remove (back to their defaults): k1,k2 (repeatable).", valueName: "k1,k2"))
    var deleteConfig: [String] = []
    @Flag(help: "Accepted for compatibility; has no effect.") var force = false
    @OptionGroup var output: OutputOptions

    private static let types = ["topics": ConfigResourceType.topic, "brokers": .broker, "broker-loggers": .brokerLogger,
                                "groups": .group, "client-metrics": .clientMetrics]
    private static let knownTypes = ["topics", "clients", "users", "brokers", "ips", "client-metrics", "groups", "broker-loggers"]

    func validate() throws {
        guard describe != alter else { throw ValidationError("Command must include exactly one action: --describe, --alter") }
        if describe {
            if addConfig != nil { throw ValidationError("Option \"[describe]\" can't be used with option \"[add-config]\"") }
            if addConfigFile != nil { throw ValidationError("Option \"[describe]\" can't be used with option \"[add-config-file]\"") }
            if !deleteConfig.isEmpty { throw ValidationError("Option \"[describe]\" can't be used with option \"[delete-config]\"") }
        }
        if alter && all { throw ValidationError("Option \"[all]\" can't be used with option \"[alter]\"") }
        if bootstrapController != nil && connection.bootstrapServer != nil {
            throw ValidationError("Only one of --bootstrap-server or --bootstrap-controller can be specified")
        }
        let entities = entityList
        if entities.usesShorthand && (!entityType.isEmpty || !entityName.isEmpty || entityDefault) {
            throw ValidationError("--entity-{type,name,default} should not be used in conjunction with specific entity flags")
        }
        let duplicates = Dictionary(grouping: entities.types, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        if !duplicates.isEmpty { throw ValidationError("Duplicate entity type(s) specified: \(duplicates.joined(separator: ","))") }
        for type in entities.types where !Self.knownTypes.contains(type) {
            throw ValidationError("Invalid entity type \(type), the entity type must be one of \(Self.knownTypes.joined(separator: ", ")) with a --bootstrap-server or --bootstrap-controller argument")
        }
        if entities.types.isEmpty { throw ValidationError("At least one entity type must be specified") }
        if entities.types.count > 1 && Set(entities.types) != ["users", "clients"] {
            throw ValidationError("Only 'users' and 'clients' entity types may be specified together")
        }
        if entities.names.count > entities.types.count {
            throw ValidationError("More entity names specified than entity types (--entity-default names the default entity: give one name or --entity-default per --entity-type)")
        }
        if alter {
            if addConfig == nil && addConfigFile == nil && deleteConfig.isEmpty {
                throw ValidationError("At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter")
            }
            if addConfig != nil && addConfigFile != nil {
                throw ValidationError("Only one of --add-config or --add-config-file must be specified")
            }
        }
        if output.isJSON && alter { throw ValidationError("--output json is available for --describe") }
    }

    /// The entity types and names the flags give, paired in Kafka's order (ConfigCommandOptions.entityTypes and
    /// entityNames): the generic flags first, then the shorthands.
    var entityList: ConfigEntityList {
        var list = ConfigEntityList(types: entityType, names: entityName)
        // Only when parsed without CommandRunner, which turns --entity-default into an empty --entity-name in place.
        if entityDefault { list.names.append("") }
        let named: [(String?, String)] = [(topic, "topics"), (client, "clients"), (user, "users"), (broker, "brokers"),
                                         (brokerLogger, "broker-loggers"), (ip, "ips"), (clientMetrics, "client-metrics"),
                                         (group, "groups")]
        for case (let name?, let type) in named { list.add(type: type, name: name) }
        for (flag, type) in [(clientDefaults, "clients"), (userDefaults, "users"), (brokerDefaults, "brokers"), (ipDefaults, "ips")]
            where flag { list.add(type: type, name: "") }
        return list
    }

    /// The DescribeConfigs entity the flags name: its type, and its name (nil: every entity of the type; "" for
    /// the broker default).
    private func resourceEntity(_ type: ConfigResourceType, typeName: String, name: String?) throws -> (ConfigResourceType, String?) {
        if name == "" && type != .broker {
            throw KafkactlUsageError("--entity-default must not be specified with --\(describe ? "describe" : "alter") of \(typeName)")
        }
        return (type, name)
    }

    func run(in context: CommandContext) async throws {
        if bootstrapController != nil {
            throw KafkactlError(.unsupported, "--bootstrap-controller is not supported: kafkactl talks to brokers; use --bootstrap-server")
        }
        let entities = entityList
        guard let resourceType = Self.types[entities.types[0]] else {
            try await runClientQuotaCommand(entities, in: context)
            return
        }
        let (type, name) = try resourceEntity(resourceType, typeName: entities.types[0], name: entities.names.first)
        if type == .broker, let name, !name.isEmpty, Int32(name) == nil {
            throw KafkactlUsageError("The entity name for brokers must be a valid integer broker id, but it is: \(name)")
        }
        let changes = alter ? try parsedChanges(type: type) : []
        if alter && name == nil { throw KafkactlUsageError("An entity name must be specified with --alter of \(type.singular)s") }
        if describe && type == .brokerLogger && name == nil {
            throw KafkactlUsageError("An entity name must be specified with --describe of broker-loggers")
        }
        let configuration = try connection.clientConfiguration()
        try await context.withClient(configuration) { client in
            let admin = AdminClient(client: client)
            if alter {
                let resource = ConfigResource(type, name!)
                if type == .topic { try await requireTopic(name!, admin) }
                try await admin.requireConfigChanges(on: resource)
                // Read before any alter request: a broker may apply even a validate-only one (issue 18, item 6).
                let before = try? await admin.describeConfigs([resource])[resource]?.get()
                // The broker checks the change first (validate-only): a refusal is one line and changes nothing.
                try await admin.alterConfigs(resource, changes: changes, validateOnly: true, current: before)
                if type == .topic {
                    for warning in try await admin.riskyValueWarnings(topic: name!, changes: changes) { context.printError(warning) }
                }
                try await admin.alterConfigs(resource, changes: changes, current: before)
                let after = try? await admin.describeConfigs([resource])[resource]?.get()
                for line in ConfigChangeOutput(changes: changes, before: before, after: after).lines() { context.printError(line) }
                try context.print(name!.isEmpty ? "Completed updating default config for brokers in the cluster."
                                                : "Completed updating config for \(type.singular) \(name!).")
                return
            }
            try await describe(type: type, name: name, admin: admin, context: context)
        }
    }

    private func requireTopic(_ name: String, _ admin: AdminClient) async throws {
        let metadata = try await admin.client.metadata(topics: [name])
        if metadata.topics[name].map({ $0.error == .unknownTopicOrPartition }) ?? true {
            throw KafkactlError(.notFound, "Topic '\(name)' does not exist [UNKNOWN_TOPIC_OR_PARTITION]", code: .unknownTopicOrPartition)
        }
    }

    private func describe(type: ConfigResourceType, name: String?, admin: AdminClient, context: CommandContext) async throws {
        var resources: [ConfigResource] = []
        if let name {
            if type == .topic { try await requireTopic(name, admin) }
            resources = [ConfigResource(type, name)]
        } else if type == .topic {
            resources = try await admin.listTopics().map { ConfigResource(.topic, $0.name) }
        } else if type == .broker {
            let metadata = try await admin.client.metadata(topics: [])
            resources = metadata.brokers.keys.sorted().map { ConfigResource(.broker, String($0)) } + [ConfigResource(.broker, "")]
        } else if type == .group {
            throw KafkactlUsageError("an entity name must be given to describe group configs (--group NAME)")
        } else if type == .clientMetrics {
            // Listing them needs ListClientMetricsResources (Kafka 3.7+), which kafkactl does not speak yet.
            throw KafkactlUsageError("an entity name must be given to describe client-metrics configs (--client-metrics NAME)")
        }
        let results = try await admin.describeConfigs(resources)
        var described: [ConfigDescriptionOutput.Described] = []
        for resource in resources {
            guard let result = results[resource] else { continue }
            // A resource the broker failed on ends the command; the text of those before it is already out.
            let entries = try result.get().filter { all || type == .brokerLogger || $0.source == resource.ownConfigSource }
            described.append(.init(resource: resource, entries: entries.sorted { $0.name < $1.name }))
            if !output.isJSON {
                for line in ConfigDescriptionOutput(resources: [described.last!], all: all).lines() { try context.print(line) }
            }
        }
        if output.isJSON { try context.print(ConfigDescriptionOutput(resources: described, all: all).json().serialized()) }
    }

    /// `--add-config`, `--add-config-file` and `--delete-config` as changes, checked before anything is sent.
    private func parsedChanges(type: ConfigResourceType) throws -> [ConfigChange] {
        let (sets, deletes) = try requestedEdits()
        if type == .topic {
            for (key, value) in sets { try TopicConfigCatalog.validate(name: key, value: value) }
            for key in deletes where TopicConfigCatalog.entries[key] == nil {
                throw KafkactlUsageError("Unknown topic config name: \(key)")
            }
        }
        if type == .clientMetrics {
            for (key, value) in sets { try ClientMetricsConfig.validate(name: key, value: value) }
            for key in deletes { try ClientMetricsConfig.validate(name: key, value: nil) }
        }
        return sets.map { ConfigChange.set($0.0, $0.1) } + deletes.map(ConfigChange.delete)
    }

    /// The keys and values to set and the keys to delete, whatever the entity type: keys checked for Kafka's
    /// characters, and none both set and deleted.
    func requestedEdits() throws -> (sets: [(String, String)], deletes: [String]) {
        var sets: [(String, String)] = []
        if let addConfig { sets = try AddConfigList.parse(addConfig) }
        if let addConfigFile {
            sets = try PropertiesFile.load(path: addConfigFile, flag: "--add-config-file").sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        let deletes = deleteConfig.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: " ") } }.filter { !$0.isEmpty }
        for key in sets.map(\.0) + deletes where !key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }) || key.isEmpty {
            throw KafkactlUsageError("Invalid character found for config key: \(key)")
        }
        if let both = Set(sets.map(\.0)).intersection(deletes).first {
            throw KafkactlUsageError("config \(both) is both added and deleted; give it to one of --add-config or --delete-config")
        }
        return (sets, deletes)
    }
}
