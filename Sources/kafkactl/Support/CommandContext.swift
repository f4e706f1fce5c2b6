import AdminCore
import NIOCore
import Synchronization

/// What a command needs from the world: where to print, whether that is a terminal, and a Kafka client.
/// A CLI run gets a fresh client; the shell hands every command the same connected one; tests capture output.
final class CommandContext: Sendable {
    let stdout: any OutputSink
    let stderr: any OutputSink
    let stdoutIsTerminal: Bool
    let stderrIsTerminal: Bool
    private let clientProvider: @Sendable (ClientConfiguration) async throws -> KafkaClient
    private let clientRelease: @Sendable (KafkaClient) async -> Void

    init(
        stdout: any OutputSink, stderr: any OutputSink, stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false,
        clientProvider: @escaping @Sendable (ClientConfiguration) async throws -> KafkaClient = { KafkaClient(configuration: $0) },
        clientRelease: @escaping @Sendable (KafkaClient) async -> Void = { await $0.shutdown() }
    ) {
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.clientProvider = clientProvider
        self.clientRelease = clientRelease
    }

    /// The context of a process run: stdout and stderr, a fresh client per command.
    static func standard(eventLoop: (any EventLoop)? = nil) -> CommandContext {
        let out = FileOutput(descriptor: 1)
        let err = FileOutput(descriptor: 2)
        // The process exits as soon as the command returns, and the kernel closes its sockets: tearing the
        // connections and the event loop down first would only add to every command's wall time.
        return CommandContext(
            stdout: out, stderr: err, stdoutIsTerminal: out.isTerminal, stderrIsTerminal: err.isTerminal,
            clientProvider: { configuration in
                if let eventLoop { return KafkaClient(configuration: configuration, eventLoop: eventLoop) }
                return KafkaClient(configuration: configuration)
            },
            clientRelease: { _ in })
    }

    /// Runs `body` with a client for `configuration` and releases the client afterwards, whatever happens.
    func withClient<T: Sendable>(
        _ configuration: ClientConfiguration, _ body: (KafkaClient) async throws -> T
    ) async throws -> T {
        if configuration.security.skipsCertificateVerification { InsecureTLSWarning.print(on: self) }
        UnknownConfigWarning.print(configuration.unknownKeys, on: self)
        let client = try await clientProvider(configuration)
        do {
            let result = try await body(client)
            await clientRelease(client)
            return result
        } catch {
            await clientRelease(client)
            throw error
        }
    }

    func print(_ line: String) throws {
        try stdout.write(line)
        try stdout.write("\n")
    }

    func printError(_ line: String) {
        try? stderr.write(line)
        try? stderr.write("\n")
        try? stderr.flush()
    }
}

/// `enable.ssl.certificate.verification=false` turns off what TLS is for: said once per process, on stderr.
enum InsecureTLSWarning {
    static let text = "Warning: enable.ssl.certificate.verification=false: kafkactl does not check the broker's certificate or host name, so anyone on the network path can pose as the broker and read or change everything sent, credentials included; use it only with a test cluster"

    private static let printed = Atomic<Bool>(false)

    static func print(on context: CommandContext) {
        guard !printed.exchange(true, ordering: .relaxed) else { return }
        context.printError(text)
    }
}

/// Kafka's warning for a supplied configuration no client uses (a typo is otherwise silently ignored): once per key
/// and process, so the shell does not repeat it for every command.
enum UnknownConfigWarning {
    private static let printed = Mutex<Set<String>>([])

    static func print(_ keys: [String], on context: CommandContext) {
        for key in keys where printed.withLock({ $0.insert(key).inserted }) {
            context.printError("Warning: The configuration '\(key)' was supplied but isn't a known config.")
        }
    }
}
