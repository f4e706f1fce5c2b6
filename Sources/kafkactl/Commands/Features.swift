import AdminCore
import ArgumentParser

/// `kafkactl features describe`: kafka-features.sh's describe command. Each feature flag a broker supports, with the
/// level the cluster has finalized, from the broker's ApiVersions answer.
struct Features: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Describe the cluster's feature flags (kafka-features.sh describe).",
        discussion: """
            describe prints, for each feature a broker supports (sorted), its supported levels, the level the \
            cluster has finalized (0: not enabled) and the epoch of the finalized levels; metadata.version's levels \
            are shown as release versions (3.9-IV0). --node-id asks that node; otherwise any broker. The broker \
            reports features from ApiVersions v3 (Kafka 2.4+). upgrade, downgrade and disable are not supported.

            Example:
              kafkactl features --bootstrap-server B describe
            """)

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: ArgumentHelp("The command: describe.", valueName: "command"), completion: .list(["describe"]))
    var command: String?
    @Option(help: ArgumentHelp("The node to ask (default: any broker).", valueName: "id"))
    var nodeId: Int32?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard let command else { throw ValidationError("Missing command: describe") }
        guard command == "describe" else {
            throw ValidationError("'\(command)' is not a features command kafkactl has: use describe (upgrade, downgrade and disable are not supported)")
        }
        if let nodeId, nodeId < 0 { throw ValidationError("Invalid node id \(nodeId): must be non-negative.") }
    }

    func run(in context: CommandContext) async throws {
        try await context.withClient(try connection.clientConfiguration()) { client in
            let features = try await AdminClient(client: client).describeFeatures(node: nodeId)
            if output.isJSON {
                try context.print(FeaturesRenderer.json(features).serialized())
            } else {
                for line in FeaturesRenderer.lines(features) { try context.print(line) }
            }
        }
    }
}
