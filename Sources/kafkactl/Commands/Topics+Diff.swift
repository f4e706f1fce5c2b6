import AdminCore
import ArgumentParser

/// `topics --diff` and `topics --verify` (kafkactl's own, issue #21): a topic's census, and two topics compared
/// record by record, on one cluster or two.
extension Topics {
    /// How records of the two topics are paired: partition by partition (a copy that kept partitions), or by key (a
    /// copy that re-partitioned by the key's murmur2 hash, so only each key's order is kept).
    enum PartitionMap: String, ExpressibleByArgument, CaseIterable {
        case same, hash
    }

    /// The flags that name the other side of a `--diff`.
    var targetFlags: [(String, Bool)] {
        [("to-topic", toTopic != nil), ("to-bootstrap-server", toBootstrapServer != nil),
         ("to-context", toContext != nil), ("to-command-config", toCommandConfig != nil),
         ("partition-map", partitionMap != nil)]
    }

    /// The rules of --diff and --verify that need no broker (called from `validate()`).
    func validateComparison(_ action: Action) throws {
        for (flag, set) in targetFlags where set && action != .diff {
            throw ValidationError("Option \"[\(flag)]\" can't be used with option \"[\(action.rawValue)]\"; it needs --diff")
        }
        if action == .diff && toTopic == nil {
            throw ValidationError("Missing required argument \"[to-topic]\": --diff compares --topic with --to-topic")
        }
        if [.diff, .verify].contains(action), let topic {
            // One topic on each side, by its name (not the regular expression other actions take).
            try TopicName.validate(topic)
            if let toTopic { try TopicName.validate(toTopic) }
        }
    }

    /// The target side's client configuration; nil when no --to-* flag names another cluster (same client).
    func targetConfiguration() throws -> ClientConfiguration? {
        guard toBootstrapServer != nil || toContext != nil || toCommandConfig != nil else { return nil }
        let properties = try toCommandConfig.map { try PropertiesFile.load(path: $0, flag: "--to-command-config") } ?? [:]
        // The source side's environment (KAFKACTL_BOOTSTRAP_SERVER, KAFKACTL_CONTEXT) does not name the target.
        let environment: (String) -> String? = { name in
            name.hasPrefix("KAFKACTL_BOOTSTRAP") || name == "KAFKACTL_CONTEXT" ? nil : ConnectionResolver.processEnvironment(name)
        }
        let resolution = try ConnectionResolver.resolve(
            flagBootstrap: toBootstrapServer, flagContext: toContext, explicitProperties: properties,
            environment: environment, loadFile: ConnectionResolver.loadDefaultFile)
        guard let bootstrap = resolution.bootstrap else {
            throw KafkactlUsageError("--to-bootstrap-server must be specified (or bootstrap.servers in --to-command-config, or a --to-context)")
        }
        var configuration = try ClientConfiguration(properties: resolution.properties, bootstrapOverride: bootstrap)
        if let timeoutMs {
            let timeout = Duration.milliseconds(timeoutMs)
            configuration.apiTimeout = min(configuration.apiTimeout, timeout)
            configuration.requestTimeout = min(configuration.requestTimeout, timeout)
            configuration.connectTimeout = min(configuration.connectTimeout, timeout)
        }
        return configuration
    }

    /// Refuses comparing a topic with itself: the same name on the same bootstrap servers.
    static func requireDistinct(_ source: (topic: String, bootstrap: String), _ target: (topic: String, bootstrap: String)) throws {
        func servers(_ list: String) -> Set<String> {
            Set(list.split(separator: ",").map { $0.trimmingCharacters(in: " ").lowercased() })
        }
        if source.topic == target.topic && servers(source.bootstrap) == servers(target.bootstrap) {
            throw KafkactlUsageError("--topic and --to-topic name the same topic '\(source.topic)' on the same cluster: give another --to-topic, or --to-bootstrap-server / --to-context")
        }
    }

    func verify(_ client: KafkaClient, context: CommandContext) async throws {
        let progress = CensusProgressLine(enabled: context.stderrIsTerminal && !output.isJSON, sink: context.stderr)
        let census = try await Self.namingMissingTopic(side: nil) {
            try await PartitionConsumer.censusReader(client: client).census(of: topic!, progress: progress.report)
        }
        progress.finish()
        let renderer = TopicCensusRenderer()
        if output.isJSON {
            try context.print(renderer.json(census).serialized())
        } else {
            for line in renderer.lines(census) { try context.print(line) }
        }
    }

    func diff(_ client: KafkaClient, target targetClient: KafkaClient, context: CommandContext) async throws {
        let source = PartitionConsumer.censusReader(client: client)
        let target = PartitionConsumer.censusReader(client: targetClient)
        // Both topics must exist before either is read: a missing one is bad input, said at once.
        _ = try await Self.namingMissingTopic(side: "--topic") { try await AdminClient(client: client).partitionsToConsume(topic: topic!) }
        _ = try await Self.namingMissingTopic(side: "--to-topic") { try await AdminClient(client: targetClient).partitionsToConsume(topic: toTopic!) }
        let progress = CensusProgressLine(enabled: context.stderrIsTerminal && !output.isJSON, sink: context.stderr)
        let renderer = TopicComparisonRenderer()
        // Either comparison renders the same way: a JSON document or lines, and a verdict when the topics differ.
        let rendered: (json: JSON, lines: [String], isEqual: Bool, verdict: String)
        switch partitionMap ?? .same {
        case .same:
            let comparison = try await TopicComparison.compare(topic!, on: source, with: toTopic!, on: target, progress: progress.report)
            rendered = (renderer.json(comparison), renderer.lines(comparison), comparison.isEqual, renderer.verdict(comparison))
        case .hash:
            let comparison = try await KeyOrderComparison.compare(topic!, on: source, with: toTopic!, on: target, progress: progress.report)
            rendered = (renderer.json(comparison), renderer.lines(comparison), comparison.isEqual, renderer.verdict(comparison))
        }
        progress.finish()
        if output.isJSON {
            try context.print(rendered.json.serialized())
        } else {
            for line in rendered.lines { try context.print(line) }
        }
        if !rendered.isEqual { throw KafkactlError(.partial, rendered.verdict) }
    }

    /// A topic that does not exist is bad input here (exit 64), not a failed comparison (exit 1, "not equal").
    private static func namingMissingTopic<T>(side: String?, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as KafkactlError where error.category == .notFound {
            throw KafkactlError(.usage, side.map { "\(error.message) (\($0))" } ?? error.message)
        }
    }
}
