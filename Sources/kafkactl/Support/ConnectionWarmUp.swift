import AdminCore

/// Opens the first broker connection on the machine's other core while the main thread parses the arguments.
///
/// A command that talks to a cluster spends its first milliseconds on two independent things: ArgumentParser
/// working out what was asked (about 2 ms for `topics`), and starting an event loop, connecting and negotiating
/// versions with ApiVersions (about 1.5 ms, most of it one-time set-up). The connection depends only on
/// `--bootstrap-server`, `--command-config`, `--context` and the environment, which can be read from the raw
/// arguments, so it starts at once; the command's client is the warmed one when its configuration turns out to be
/// the same, and its first request joins the connection under way (`BrokerPool` shares one seed search between
/// callers), so a broker that is down fails exactly as it would have, once.
///
/// What this costs when it is not used: help, `--version` and the commands that never connect start nothing; a usage
/// error found by the parser, or a command whose configuration differs (`--timeout-ms`, client properties given
/// to the producer or consumer), leaves a connection that the process's exit closes.
final class ConnectionWarmUp: Sendable {
    private let prepared: Task<(configuration: ClientConfiguration, client: KafkaClient)?, Never>

    private init(flags: ConnectionFlags) {
        prepared = Task.detached {
            // Any problem here (no bootstrap server, an unreadable properties file) is the command's to report.
            guard let configuration = try? flags.clientConfiguration() else { return nil }
            let client = KafkaClient(configuration: configuration)
            Task { _ = try? await client.connection(for: .any) }
            return (configuration, client)
        }
    }

    /// Subcommands whose run begins by connecting: each that has `ConnectionOptions` but the shell, which keeps a
    /// client of its own for the session (a test keeps this list honest).
    static let connectingSubcommands: Set<String> = [
        "topics", "console-producer", "console-consumer", "consumer-groups", "configs", "get-offsets", "cluster",
    ]

    /// Arguments that answer without connecting.
    private static let answeredWithoutBroker: Set<String> = [
        "-h", "--help", "--version", "--generate-completion-script", "--experimental-dump-help",
    ]

    /// A warm-up for `arguments` (the command line without the program name), or nil when they do not name a
    /// subcommand that connects, or ask for help.
    static func start(for arguments: [String]) -> ConnectionWarmUp? {
        guard let subcommand = arguments.first, connectingSubcommands.contains(subcommand),
            !arguments.contains(where: answeredWithoutBroker.contains)
        else { return nil }
        return ConnectionWarmUp(flags: .scanning(arguments))
    }

    /// The warmed client when it was made for exactly `configuration`; nil otherwise (the caller makes its own).
    func client(for configuration: ClientConfiguration) async -> KafkaClient? {
        guard let prepared = await prepared.value, prepared.configuration == configuration else { return nil }
        return prepared.client
    }
}

