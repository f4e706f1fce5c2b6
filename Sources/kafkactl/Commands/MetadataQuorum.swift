import AdminCore
import ArgumentParser

/// `kafkactl metadata-quorum describe`: kafka-metadata-quorum.sh's describe command. Shows a KRaft cluster's
/// metadata quorum (DescribeQuorum, which any broker forwards to the active controller): its status or how far
/// each voter and observer has replicated the metadata log.
struct MetadataQuorum: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "metadata-quorum",
        abstract: "Describe the KRaft metadata quorum (kafka-metadata-quorum.sh).",
        discussion: """
            describe --status prints the quorum's leader, epoch, high watermark, how far the furthest-behind voter \
            trails the leader, and the voters and observers; describe --replication prints a row per replica \
            (--human-readable: fetch and caught-up times as "N ms ago"). KRaft clusters only (Kafka 3.3+). \
            add-controller and remove-controller are not supported.

            Examples:
              kafkactl metadata-quorum --bootstrap-server B describe --status
              kafkactl metadata-quorum --bootstrap-server B describe --replication \\
                  --human-readable
            """)

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: ArgumentHelp("The command: describe.", valueName: "command"), completion: .list(["describe"]))
    var command: String?
    @Flag(help: "A short summary of the quorum's status.") var status = false
    @Flag(help: "A row per replica: how far it has replicated the metadata log.") var replication = false
    @Flag(help: "With --replication: times as \"N ms ago\".") var humanReadable = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard let command else { throw ValidationError("Missing command: describe (with --status or --replication)") }
        guard command == "describe" else {
            throw ValidationError("'\(command)' is not a metadata-quorum command kafkactl has: use describe (add-controller and remove-controller are not supported)")
        }
        if status && replication {
            throw ValidationError("Only one of --status or --replication should be specified with describe sub-command")
        }
        if !status && !replication {
            throw ValidationError("One of --status or --replication must be specified with describe sub-command")
        }
        if humanReadable && status {
            throw ValidationError("The option --human-readable is only supported along with --replication")
        }
        if humanReadable && output.isJSON {
            throw ValidationError("--human-readable is for the text table; --output json gives the times as epoch milliseconds")
        }
    }

    func run(in context: CommandContext) async throws {
        try await context.withClient(try connection.clientConfiguration()) { client in
            if status {
                // As Apache's tool, the cluster id from metadata, then the quorum.
                let clusterId = try await client.metadata(topics: []).clusterId
                let quorum = try await AdminClient(client: client).describeQuorum()
                let view = try QuorumStatus(clusterId: clusterId, quorum: quorum)
                if output.isJSON {
                    try context.print(MetadataQuorumRenderer.statusJSON(view).serialized())
                } else {
                    for line in MetadataQuorumRenderer.statusLines(view) { try context.print(line) }
                }
            } else {
                let rows = try QuorumReplicationRow.rows(of: try await AdminClient(client: client).describeQuorum())
                if output.isJSON {
                    try context.print(MetadataQuorumRenderer.replicationJSON(rows).serialized())
                } else {
                    let now = humanReadable ? WallClock.millis() : nil
                    for line in try MetadataQuorumRenderer.replicationLines(rows, now: now) { try context.print(line) }
                }
            }
        }
    }
}
