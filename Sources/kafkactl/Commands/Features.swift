import AdminCore
import ArgumentParser

/// `kafkactl features`: kafka-features.sh's describe, upgrade, downgrade and disable commands. describe reads each
/// feature flag from a broker's ApiVersions answer; the others ask the controller to change finalized levels
/// (UpdateFeatures).
struct Features: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Describe and change the cluster's feature flags (kafka-features.sh).",
        discussion: """
            describe prints, for each feature a broker supports (sorted), its supported levels, the level the \
            cluster has finalized (0: not enabled) and the epoch of the finalized levels; metadata.version's levels \
            are shown as release versions (3.9-IV0). --node-id asks that node; otherwise any broker. The broker \
            reports features from ApiVersions v3 (Kafka 2.4+).

            upgrade and downgrade set features to the levels given by --feature name=level (repeatable) and \
            --metadata (metadata.version as a release version, 3.7-IV2 or 3.7); downgrade --unsafe allows a \
            downgrade that may lose metadata. disable --feature name sets a feature to level 0. --dry-run asks the \
            controller to validate only (Kafka 3.3+). Each feature's outcome is printed; if any failed, the command \
            exits 1. --release-version sets metadata.version and every production feature to a release's defaults \
            (version-mapping shows them).

            version-mapping [--release-version V] prints metadata.version's level for a release (default: the \
            latest production one) and each feature's default level there; feature-dependencies --feature \
            name=level (repeatable) prints what each level needs. Both answer from Kafka's tables (as of Kafka 4.4) \
            without asking a broker.

            Examples:
              kafkactl features --bootstrap-server B describe
              kafkactl features --bootstrap-server B upgrade --metadata 3.9-IV0 --dry-run
              kafkactl features --bootstrap-server B downgrade --feature transaction.version=1 --unsafe
              kafkactl features --bootstrap-server B disable --feature group.version
              kafkactl features --bootstrap-server B upgrade --release-version 4.0
              kafkactl features version-mapping --release-version 3.9
              kafkactl features feature-dependencies --feature eligible.leader.replicas.version=1
            """)

    static let commands = ["describe", "upgrade", "downgrade", "disable", "version-mapping", "feature-dependencies"]

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: ArgumentHelp("The command: describe, upgrade, downgrade, disable, version-mapping or feature-dependencies.", valueName: "command"),
              completion: .list(commands))
    var command: String?
    @Option(help: ArgumentHelp("describe: the node to ask (default: any broker).", valueName: "id"))
    var nodeId: Int32?
    @Option(help: ArgumentHelp("upgrade/downgrade: metadata.version as a release version, e.g. 3.9-IV0 (deprecated in Kafka).", valueName: "version"))
    var metadata: String?
    @Option(help: ArgumentHelp("upgrade/downgrade: every feature at a release's defaults; version-mapping: the release (e.g. 3.9 or 3.9-IV0).", valueName: "version"))
    var releaseVersion: String?
    @Option(help: ArgumentHelp("upgrade/downgrade/feature-dependencies: name=level (repeatable); disable: a feature name (repeatable).", valueName: "feature"))
    var feature: [String] = []
    @Flag(help: "upgrade/downgrade/disable: validate the change, do not make it.") var dryRun = false
    @Flag(help: "downgrade/disable: allow a downgrade that may irreversibly lose metadata.") var unsafe = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        let names = "describe, upgrade, downgrade, disable, version-mapping or feature-dependencies"
        guard let command else { throw ValidationError("Missing command: use \(names)") }
        guard Self.commands.contains(command) else { throw ValidationError("'\(command)' is not a features command: use \(names)") }
        if command == "version-mapping" || command == "feature-dependencies" {
            // Each takes only its own option, as the tool's subparsers define them.
            let own = command == "version-mapping" ? "--release-version" : "--feature"
            let given = [(metadata != nil, "--metadata"), (releaseVersion != nil, "--release-version"), (!feature.isEmpty, "--feature"),
                         (dryRun, "--dry-run"), (unsafe, "--unsafe"), (nodeId != nil, "--node-id")]
            if let flag = given.first(where: { $0.0 && $0.1 != own })?.1 { throw ValidationError("\(flag) is not an option of \(command)") }
            if command == "feature-dependencies" && feature.isEmpty { throw ValidationError("argument --feature is required") }
            return
        }
        let changes = command != "describe"
        if let nodeId, nodeId < 0 { throw ValidationError("Invalid node id \(nodeId): must be non-negative.") }
        if nodeId != nil && changes { throw ValidationError("--node-id is a describe option, not one of \(command)") }
        if !changes, let flag = [(metadata != nil, "--metadata"), (releaseVersion != nil, "--release-version"),
                                 (!feature.isEmpty, "--feature"), (dryRun, "--dry-run"), (unsafe, "--unsafe")].first(where: { $0.0 })?.1 {
            throw ValidationError("\(flag) is not a describe option: use it with upgrade, downgrade or disable")
        }
        if command == "disable" && (metadata != nil || releaseVersion != nil) {
            throw ValidationError("disable takes only --feature name, --unsafe and --dry-run")
        }
        if command == "upgrade" && unsafe { throw ValidationError("--unsafe is a downgrade and disable option, not one of upgrade") }
        if releaseVersion != nil && (metadata != nil || !feature.isEmpty) {
            throw ValidationError("Can not specify `release-version` with other feature flags.")
        }
    }

    func run(in context: CommandContext) async throws {
        switch command {
        case "describe": return try await describe(in: context)
        case "version-mapping": return try versionMapping(in: context)
        case "feature-dependencies": return try featureDependencies(in: context)
        default: break
        }
        let operation = command!
        let updates = try Self.updates(operation: operation, metadata: metadata, releaseVersion: releaseVersion, features: feature, unsafe: unsafe)
        if metadata != nil { try context.print(" `metadata` flag is deprecated and may be removed in a future release.") }
        let properties = try connection.commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        try await context.withClient(try connection.clientConfiguration(extraProperties: properties)) { client in
            let outcomes = try await AdminClient(client: client).updateFeatures(updates, validateOnly: dryRun)
            let renderer = FeatureUpdateRenderer(operation: operation, dryRun: dryRun)
            if output.isJSON {
                try context.print(renderer.json(updates, outcomes).serialized())
            } else {
                for line in renderer.lines(updates, outcomes) { try context.print(line) }
            }
            let failed = outcomes.values.filter { $0 != nil }.count
            if failed > 0 { throw KafkactlError(.partial, FeatureUpdateRenderer.failureSummary(failed: failed, of: updates.count)) }
        }
    }

    private func describe(in context: CommandContext) async throws {
        try await context.withClient(try connection.clientConfiguration()) { client in
            let features = try await AdminClient(client: client).describeFeatures(node: nodeId)
            if output.isJSON {
                try context.print(FeaturesRenderer.json(features).serialized())
            } else {
                for line in FeaturesRenderer.lines(features) { try context.print(line) }
            }
        }
    }

    /// version-mapping: `metadata.version=N (V)` with V as given (default: the latest production version), then each
    /// production feature's default level at that metadata.version, as kafka-features.sh prints them.
    private func versionMapping(in context: CommandContext) throws {
        let release = releaseVersion ?? MetadataVersions.names[MetadataVersions.latestProductionLevel]!
        guard let level = MetadataVersions.level(of: release) else { throw KafkactlUsageError(MetadataVersions.unknownVersionMessage(release)) }
        let mapping = FeatureLevels.mapping(metadataLevel: level)
        if output.isJSON {
            try context.print(FeaturesRenderer.versionMappingJSON(release: release, metadataLevel: level, mapping).serialized())
        } else {
            for line in FeaturesRenderer.versionMappingLines(release: release, metadataLevel: level, mapping) { try context.print(line) }
        }
    }

    /// feature-dependencies: each --feature name=level's dependencies, or a one-line refusal of an unknown feature or
    /// level (before anything is printed).
    private func featureDependencies(in context: CommandContext) throws {
        var answers: [FeaturesRenderer.Dependencies] = []
        for text in feature {
            let (name, level) = try Self.parseNameAndLevel(text)
            if name == MetadataVersions.featureName {
                guard let version = MetadataVersions.names[level], level >= MetadataVersions.minimumLevel else {
                    throw KafkactlUsageError("Unknown metadata.version \(level)")
                }
                answers.append(.init(feature: name, level: level, version: version, requires: []))
                continue
            }
            guard let known = FeatureLevels.named(name) else { throw KafkactlUsageError("Unknown feature: \(name)") }
            guard let found = known.level(level) else { throw KafkactlUsageError("No feature:\(name) with feature level \(level)") }
            answers.append(.init(feature: name, level: level, version: nil, requires: found.dependencies))
        }
        if output.isJSON {
            try context.print(FeaturesRenderer.dependenciesJSON(answers).serialized())
        } else {
            for line in FeaturesRenderer.dependencyLines(answers) { try context.print(line) }
        }
    }

    /// The updates kafka-features.sh builds from the flags: --release-version as metadata.version's level and every
    /// production feature's default there (an upgrade leaves out features at 0), --metadata as metadata.version's
    /// level, each --feature as name=level (disable: a name at level 0), none named twice; a downgrade or disable is
    /// safe unless --unsafe.
    static func updates(operation: String, metadata: String?, releaseVersion: String? = nil, features: [String], unsafe: Bool) throws -> [String: FeatureUpdate] {
        let type: FeatureUpgradeType = operation == "upgrade" ? .upgrade : (unsafe ? .unsafeDowngrade : .safeDowngrade)
        var updates: [String: FeatureUpdate] = [:]
        if let releaseVersion {
            guard let level = MetadataVersions.level(of: releaseVersion) else {
                throw KafkactlUsageError(MetadataVersions.unknownVersionMessage(releaseVersion))
            }
            updates[MetadataVersions.featureName] = FeatureUpdate(maxVersionLevel: level, upgradeType: type)
            for (name, featureLevel) in FeatureLevels.mapping(metadataLevel: level) where type != .upgrade || featureLevel > 0 {
                updates[name] = FeatureUpdate(maxVersionLevel: featureLevel, upgradeType: type)
            }
        }
        if let metadata {
            guard let level = MetadataVersions.level(of: metadata) else {
                throw KafkactlUsageError(MetadataVersions.unknownVersionMessage(metadata))
            }
            updates[MetadataVersions.featureName] = FeatureUpdate(maxVersionLevel: level, upgradeType: type)
        }
        for text in features {
            let (name, level): (String, Int16) = try operation == "disable" ? (text, 0) : parseNameAndLevel(text)
            if name.allSatisfy({ $0 == " " }) { throw KafkactlUsageError("Provided feature can not be empty.") }
            if updates.updateValue(FeatureUpdate(maxVersionLevel: level, upgradeType: type), forKey: name) != nil {
                throw KafkactlUsageError("Feature \(name) was specified more than once.")
            }
        }
        if updates.isEmpty { throw KafkactlUsageError("You must specify at least one feature to \(operation)") }
        return updates
    }

    /// FeatureCommand.parseNameAndLevel: `name=level`, both trimmed, the level a short.
    static func parseNameAndLevel(_ text: String) throws -> (String, Int16) {
        guard let equals = text.firstIndex(of: "=") else {
            throw KafkactlUsageError("Can't parse feature=level string \(text): equals sign not found.")
        }
        let name = trimmed(text[..<equals])
        let levelText = trimmed(text[text.index(after: equals)...])
        guard let level = Int16(levelText) else {
            throw KafkactlUsageError("Can't parse feature=level string \(text): unable to parse \(levelText) as a short.")
        }
        return (name, level)
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
