import AdminCore
import ArgumentParser

/// `--bootstrap-server` and `--command-config`, shared by every subcommand that talks to a cluster.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("bootstrap-server"), help: ArgumentHelp(
        "The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.",
        valueName: "host:port"))
    var bootstrapServer: String?

    @Option(name: .customLong("command-config"), help: ArgumentHelp(
        "A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, ...).", valueName: "file"))
    var commandConfig: String?

    /// The client configuration: the properties file, then the flag, which always wins.
    func clientConfiguration(timeout: Duration? = nil, extraProperties: [String: String] = [:]) throws -> ClientConfiguration {
        var properties = try commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        properties.merge(extraProperties) { _, new in new }
        guard bootstrapServer != nil || properties["bootstrap.servers"] != nil else {
            throw KafkactlUsageError("--bootstrap-server must be specified (or bootstrap.servers in --command-config)")
        }
        var configuration = try ClientConfiguration(properties: properties, bootstrapOverride: bootstrapServer)
        if let timeout {
            configuration.apiTimeout = min(configuration.apiTimeout, timeout)
            configuration.requestTimeout = min(configuration.requestTimeout, timeout)
            configuration.connectTimeout = min(configuration.connectTimeout, timeout)
        }
        return configuration
    }
}

/// `--output text|json`.
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text (Kafka's layout) or json (one stable document).")
    var output: Format = .text

    var isJSON: Bool { output == .json }
}

/// A usage error found while running (after parsing): printed as one line, exit code 64.
func KafkactlUsageError(_ message: String) -> KafkactlError {
    KafkactlError(.usage, message)
}
