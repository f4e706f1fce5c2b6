import AdminCore
import ArgumentParser

/// `kafkactl broker-api-versions`: kafka-broker-api-versions.sh's flags and output, for every broker of the cluster.
struct BrokerApiVersionsCommand: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "broker-api-versions",
        abstract: "Show the API versions every broker offers and the one kafkactl uses (kafka-broker-api-versions.sh).",
        discussion: """
            Every broker named by Metadata is asked, not only the bootstrap servers. Each API reads \
            Name(key): min to max [usable: V], V being the version kafkactl sends (the highest both speak); \
            [unusable: node too new] or [unusable: node too old] when the ranges do not meet, [unusable: kafkactl \
            does not speak it] for an API kafkactl has no codec for, UNSUPPORTED for one it speaks that the broker \
            does not offer. A broker that does not answer gets "-> ERROR: ..." and the exit code is 1.

            Examples:
              kafkactl broker-api-versions --bootstrap-server localhost:9092
              kafkactl broker-api-versions --bootstrap-server B --output json
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run(in context: CommandContext) async throws {
        let brokers = try await context.withClient(try connection.clientConfiguration()) { client in
            try await AdminClient(client: client).brokerApiVersions()
        }
        if output.isJSON {
            try context.print(BrokerApiVersionsFormatter.json(brokers).serialized())
        } else {
            try context.stdout.write(BrokerApiVersionsFormatter.text(brokers))
        }
        let failed = brokers.filter { if case .failure = $0.result { return true } else { return false } }.count
        if failed > 0 {
            throw KafkactlError(.partial, "\(failed) of \(brokers.count) brokers did not answer ApiVersions (see above)")
        }
    }
}
