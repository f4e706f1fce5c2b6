import AdminCore
import ArgumentParser

/// `--bootstrap-server`, `--command-config` and `--context`, shared by every subcommand that talks to a cluster.
/// See `ConnectionResolver` for how they combine with the environment and the contexts file.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("bootstrap-server"), help: ArgumentHelp(
        "The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.",
        valueName: "host:port"))
    var bootstrapServer: String?

    @Option(name: .customLong("command-config"), help: ArgumentHelp(
        "A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).", valueName: "file"))
    var commandConfig: String?

    @Option(name: .customLong("context"), help: ArgumentHelp(
        "A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.",
        valueName: "name"))
    var contextName: String?

    /// The properties and bootstrap servers after flags, environment and contexts file are combined.
    func resolve(extraProperties: [String: String] = [:]) throws -> ConnectionResolution {
        var properties = try commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        properties.merge(extraProperties) { _, new in new }
        return try ConnectionResolver.resolve(
            flagBootstrap: bootstrapServer, flagContext: contextName, explicitProperties: properties,
            environment: ConnectionResolver.processEnvironment, loadFile: ConnectionResolver.loadDefaultFile)
    }

    /// The connection flags that make another kafkactl command reach the same cluster with the same settings: the
    /// context it resolved to and the flags given (a variable in the environment stays where it is).
    func sameClusterArguments() throws -> [String] {
        var arguments: [String] = []
        if let name = try resolve().contextName { arguments += ["--context", name] }
        if let commandConfig { arguments += ["--command-config", commandConfig] }
        if let bootstrapServer { arguments += ["--bootstrap-server", bootstrapServer] }
        return arguments
    }

    /// True when anything names a cluster: a flag, an environment variable or the contexts file's current-context.
    func namesACluster() throws -> Bool {
        try resolve().bootstrap != nil
    }

    /// The client configuration: the context, then the properties files, then the flag, which always wins.
    func clientConfiguration(timeout: Duration? = nil, extraProperties: [String: String] = [:]) throws -> ClientConfiguration {
        let resolution = try resolve(extraProperties: extraProperties)
        guard let bootstrap = resolution.bootstrap else {
            throw KafkactlUsageError("--bootstrap-server must be specified (or bootstrap.servers in --command-config)")
        }
        var configuration = try ClientConfiguration(properties: resolution.properties, bootstrapOverride: bootstrap)
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

/// `word` as a POSIX shell reads it back: as it is when safe, else in single quotes.
func shellQuoted(_ word: String) -> String {
    let safe = !word.isEmpty && word.utf8.allSatisfy { byte in
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || "-_./:,=@%+".utf8.contains(byte)
    }
    return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
