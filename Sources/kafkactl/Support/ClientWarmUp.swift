import AdminCore

/// Prepares the command's client on the machine's other core while the main thread parses the arguments.
///
/// A command that talks to a cluster spends its first milliseconds on independent things: ArgumentParser working
/// out what was asked (about 2 ms for `topics`, mostly one-time work in Swift's runtime), and starting Swift
/// Concurrency and an event loop for the client (about 0.7 ms). The client depends only on `--bootstrap-server`,
/// `--command-config`, `--context` and the environment, which can be read from the raw arguments, so it is made
/// at once; the command gets it when its configuration turns out to be the same. (Running the subcommand's parse
/// here as well, to have its one-time work cached for the main thread, was measured and made things slower: the
/// two threads contend for the same runtime locks and page faults.)
///
/// Nothing reaches the broker before the command has checked its input: connecting is left to the command's first
/// request (input refused after parsing sends nothing, and `get-offsets` still names itself GetOffsetShell). Help,
/// `--version` and the commands that never connect prepare nothing; an unused client costs an idle thread until exit.
final class ClientWarmUp: Sendable {
    private let prepared: Task<(configuration: ClientConfiguration, client: KafkaClient)?, Never>

    private init(flags: ConnectionFlags) {
        prepared = Task.detached {
            // Any problem here (no bootstrap server, an unreadable properties file) is the command's to report.
            guard let configuration = try? flags.clientConfiguration() else { return nil }
            return (configuration, KafkaClient(configuration: configuration))
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
    static func start(for arguments: [String]) -> ClientWarmUp? {
        guard let subcommand = arguments.first, connectingSubcommands.contains(subcommand),
            !arguments.contains(where: answeredWithoutBroker.contains)
        else { return nil }
        return ClientWarmUp(flags: .scanning(arguments))
    }

    /// The warmed client when it was made for exactly `configuration`; nil otherwise (the caller makes its own).
    func client(for configuration: ClientConfiguration) async -> KafkaClient? {
        guard let prepared = await prepared.value, prepared.configuration == configuration else { return nil }
        return prepared.client
    }
}

