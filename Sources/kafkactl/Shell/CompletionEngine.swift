import AdminCore
import ArgumentParser

/// What Tab offers in the shell: builtins and subcommands first, then the current subcommand's flags (read from
/// its help, so they never drift from the command definitions), property and config names after the flags that
/// take them, and live topic and group names after `--topic` and `--group`.
struct CompletionEngine: Sendable {
    let names: NameCache

    static let builtins = ["connect", "exit", "quit", "help"]

    /// The candidates for the word being typed at the end of `line`.
    func candidates(for line: String) -> [String] {
        var (words, endsInWord) = ShellTokenizer.partial(line)
        if words.first == "kafkactl" { words.removeFirst() }
        let current = endsInWord ? (words.popLast() ?? "") : ""
        guard let subcommand = words.first else {
            return filter(Self.builtins + Self.subcommandNames, prefix: current)
        }
        let previous = words.count > 1 ? words.last : nil
        if let previous, let values = values(after: previous, subcommand: subcommand) {
            return filter(values, prefix: current)
        }
        guard let type = Self.subcommand(named: subcommand) else { return [] }
        // transactions takes its command as the first word after it: offer those until one is given.
        if subcommand == "transactions", !current.hasPrefix("-"),
           !words.dropFirst().contains(where: { Transactions.Command(rawValue: $0) != nil }) {
            return filter(Transactions.Command.allCases.filter { $0 != .forceTerminateTransaction }.map(\.rawValue), prefix: current)
        }
        return filter(Self.flags(of: type), prefix: current)
    }

    private func values(after flag: String, subcommand: String) -> [String]? {
        switch flag {
        case "--topic", "--include", "--from-topic", "--to-topic": return names.topics
        case "--group": return names.groups
        case "--config", "--add-config": return TopicConfigCatalog.names.map { $0 + "=" }
        case "--delete-config": return TopicConfigCatalog.names
        case "--entity-type": return ["topics", "brokers", "broker-loggers", "groups"]
        case "--output": return subcommand == "log-dirs" ? LogDirs.Format.allCases.map(\.rawValue) : ["text", "json"]
        case "--election-type": return ElectionType.allCases.map { $0.name.lowercased() }
        case "--resource-pattern-type": return ["literal", "prefixed", "match", "any"]
        case "--operation": return AclOperation.allCases.filter { $0 != .any }.map(\.operationName)
        case "--sort" where subcommand == "top": return TopView.Column.allCases.map(\.rawValue)
        case "--isolation-level": return ["read_uncommitted", "read_committed"]
        case "--partition-map": return Topics.PartitionMap.allCases.map(\.rawValue)
        case "--formatter": return MessageFormatter.classNames
        case "--compression-codec": return ["none", "gzip", "snappy", "lz4", "zstd"]
        case "--producer-property": return Self.producerProperties.map { $0 + "=" }
        case "--consumer-property": return Self.consumerProperties.map { $0 + "=" }
        case "--command-property" where subcommand == "consumer-perf-test": return Self.consumerProperties.map { $0 + "=" }
        case "--metadata", "--release-version" where subcommand == "features":
            return MetadataVersions.names.filter { $0.key >= MetadataVersions.minimumLevel }.map(\.value)
        case "--feature" where subcommand == "features": return Self.featureNames
        case "--property":
            return (subcommand == "console-producer" ? Self.readerProperties : Self.formatterProperties).map { $0 + "=" }
        case "--time": return ["latest", "earliest", "max-timestamp", "-1h", "now"]
        case "--partition-map": return PartitionMap.allCases.map(\.rawValue)
        case "--rate": return ["1000/s", "10MB/s"]
        default: return nil
        }
    }

    /// Kafka 4.x's production features (server-common's Feature.PRODUCTION_FEATURES) and metadata.version.
    static let featureNames = ["metadata.version", "kraft.version", "transaction.version", "group.version",
                               "eligible.leader.replicas.version", "share.version", "streams.version"]

    private func filter(_ values: [String], prefix: String) -> [String] {
        values.filter { $0.hasPrefix(prefix) }.sorted()
    }

    static var subcommandNames: [String] {
        Kafkactl.configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
            .filter { $0 != "shell" }
    }

    static func subcommand(named name: String) -> ParsableCommand.Type? {
        Kafkactl.configuration.subcommands.first { $0._commandName == name }
    }

    /// Long flags as the command's help lists them (`  --bootstrap-server <host:port>` ...).
    static func flags(of command: ParsableCommand.Type) -> [String] {
        var flags: [String] = []
        for line in Kafkactl.helpMessage(for: command, columns: 200).split(separator: "\n") {
            var rest = line.drop(while: { $0 == " " })
            while rest.hasPrefix("--") {
                let flag = rest.prefix(while: { !$0.isWhitespace && $0 != "," && $0 != "=" })
                if flag != "--help" { flags.append(String(flag)) }
                rest = rest.dropFirst(flag.count).drop(while: { $0 == "," || $0 == " " || $0 == "|" })
                if rest.hasPrefix("<") { break }
            }
        }
        return Array(Set(flags))
    }

    static let readerProperties = ["parse.key", "key.separator", "parse.headers", "headers.delimiter", "headers.separator",
                                   "headers.key.separator", "null.marker", "ignore.error"]
    static let formatterProperties = ["print.key", "print.value", "print.timestamp", "print.partition", "print.offset",
                                      "print.headers", "key.separator", "line.separator", "headers.separator", "null.literal",
                                      "key.deserializer", "value.deserializer"]
    static let producerProperties = ["acks", "enable.idempotence", "compression.type", "batch.size", "linger.ms",
                                     "max.in.flight.requests.per.connection", "buffer.memory", "max.request.size",
                                     "delivery.timeout.ms", "retries", "request.timeout.ms", "client.id"]
    static let consumerProperties = ["fetch.max.bytes", "max.partition.fetch.bytes", "fetch.min.bytes", "fetch.max.wait.ms",
                                     "isolation.level", "auto.offset.reset", "check.crcs", "group.id", "group.instance.id",
                                     "group.protocol", "group.remote.assignor",
                                     "session.timeout.ms", "heartbeat.interval.ms", "max.poll.interval.ms",
                                     "enable.auto.commit", "auto.commit.interval.ms", "partition.assignment.strategy", "client.id"]
}
