import AdminCore
import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// The REPL: one warm client for every command, Kafka's subcommands without the `kafkactl` prefix and without
/// repeating `--bootstrap-server`, libedit line editing and history, Tab completion of live names. A failing
/// command prints its line and the shell goes on; from a script (stdin not a terminal) it echoes nothing and
/// exits non-zero when any command failed.
final class ShellSession {
    private let context: CommandContext
    private var configuration: ClientConfiguration?
    private var client: KafkaClient?
    private let names = NameCache()
    private var refreshing: Task<Void, Never>?
    private var failures = 0
    /// The connection context the shell was started with (shown in the prompt), if any.
    private var contextName: String?
    /// What every command gets when it names no cluster itself (`--context NAME`, `--command-config FILE`...), so
    /// that security settings reach each command and not just the bootstrap servers; empty: `--bootstrap-server`.
    private var connectionArguments: [String]

    init(configuration: ClientConfiguration?, context: CommandContext, contextName: String? = nil, connectionArguments: [String] = []) {
        self.configuration = configuration
        self.context = context
        self.contextName = contextName
        self.connectionArguments = connectionArguments
    }

    private var prompt: String {
        guard let configuration else { return "kafkactl (not connected)> " }
        let servers = configuration.bootstrapServers.map(\.description).joined(separator: ",")
        return contextName.map { "kafkactl [\($0)] \(servers)> " } ?? "kafkactl \(servers)> "
    }

    /// Runs until end of input or `exit`; returns the process exit code.
    func run() async -> Int32 {
        // Ctrl-C at the prompt must not end the shell; a running command gets it through its own ShutdownSignal.
        ShutdownSignal.keepProcessOnRepeat = true
        let interactive = isatty(0) == 1
        let editor = interactive ? LineEditor(historyPath: LineEditor.defaultHistoryPath(), completion: CompletionEngine(names: names)) : nil
        if let configuration { await connect(configuration) }
        while true {
            // The interrupt lives for this line only: once the line is done, Ctrl-C at the next prompt reaches no
            // listener and is ignored.
            let entry: (text: String, interrupt: ShutdownSignal)?
            if let editor {
                entry = await editor.readLine(prompt: prompt)
            } else {
                entry = Swift.readLine(strippingNewline: true).map { ($0, ShutdownSignal()) }
            }
            guard let entry else { break }
            let trimmed = entry.text.trimmingCharacters(in: " ")
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            editor?.remember(trimmed)
            if await !execute(trimmed, interrupt: entry.interrupt) { break }
        }
        if interactive { try? context.stdout.write("\n"); try? context.stdout.flush() }
        // Not awaited: against an unreachable broker it waits for a refresh's timeouts; the process ends anyway.
        retireClient()
        return interactive || failures == 0 ? 0 : 1
    }

    /// Runs one line; false when the shell should end.
    private func execute(_ line: String, interrupt: ShutdownSignal) async -> Bool {
        var words: [String]
        do {
            words = try ShellTokenizer.words(line)
        } catch {
            fail("Error: \(error)")
            return true
        }
        if words.first == "kafkactl" { words.removeFirst() }
        guard let first = words.first else { return true }
        switch first {
        case "exit", "quit":
            return false
        case "help":
            try? context.print(Kafkactl.helpMessage() + "\n\nShell commands: connect HOST:PORT[,HOST:PORT...], help, exit (or Ctrl-D).")
            try? context.stdout.flush()
            return true
        case "connect":
            guard words.count == 2 else {
                fail("Error: usage: connect HOST:PORT[,HOST:PORT...]")
                return true
            }
            do {
                await connect(try ClientConfiguration(properties: [:], bootstrapOverride: words[1]))
                contextName = nil
                connectionArguments = []
            } catch let error as KafkactlError {
                fail("Error: \(error.message)")
            } catch {
                fail("Error: \(error)")
            }
            return true
        case "shell":
            fail("Error: already in the shell")
            return true
        default:
            // One line, not the parser's "Unexpected argument" and a usage hint naming `kafkactl`.
            if !first.hasPrefix("-"), CompletionEngine.subcommand(named: first) == nil {
                fail("Error: unknown command '\(first)' (type help for the list)")
                return true
            }
        }
        if let configuration, Self.takesBootstrapServer(first), !words.contains(where: { $0 == "--bootstrap-server" || $0.hasPrefix("--bootstrap-server=") || $0 == "--command-config" || $0 == "--context" || $0.hasPrefix("--context=") }) {
            words += connectionArguments.isEmpty
                ? ["--bootstrap-server", configuration.bootstrapServers.map(\.description).joined(separator: ",")] : connectionArguments
        }
        let shared = client
        let commandContext = CommandContext(
            stdout: context.stdout, stderr: context.stderr, stdoutIsTerminal: context.stdoutIsTerminal,
            stderrIsTerminal: context.stderrIsTerminal,
            clientProvider: { wanted in
                // The shell's connection serves every command aimed at the same brokers with the same settings; a
                // command with timeouts of its own gets a client of its own, for that command.
                if let shared, wanted.behavesLike(shared.configuration) {
                    await shared.markMetadataStale()
                    return shared
                }
                return KafkaClient(configuration: wanted)
            },
            clientRelease: { used in
                if used !== shared { await used.shutdown() }
            })
        let command = words
        let code = await Self.interruptible(by: interrupt) { await CommandRunner.run(command, context: commandContext) }
        if code != 0 { failures += 1 }
        refreshNames()
        return true
    }

    /// Runs one command so that Ctrl-C stops it and gives the prompt back. A command that listens for the signal
    /// itself (the producer flushes, the consumer commits, a question is cancelled) hears it first, as the newest
    /// listener; any other command is cancelled, which ends its wait for a broker at once ("Interrupted.", 130).
    /// Without this the shell, which ignores Ctrl-C at its prompt, ignored it during such a command too, until the
    /// command's own timeout.
    static func interruptible(by signal: ShutdownSignal = ShutdownSignal(), _ command: @escaping @Sendable () async -> Int32) async -> Int32 {
        await withTaskGroup(of: Int32?.self) { group in
            group.addTask { await command() }
            group.addTask {
                await signal.wait()
                return nil
            }
            var code: Int32 = 130
            while let outcome = await group.next() {
                // The first to end cancels the other: a finished command stops the wait for a signal, a signal
                // cancels the command, whose outcome is then awaited (it unwinds at its next suspension).
                if let outcome { code = outcome }
                group.cancelAll()
            }
            return code
        }
    }

    private func connect(_ configuration: ClientConfiguration) async {
        retireClient()
        let client = KafkaClient(configuration: configuration)
        self.client = client
        self.configuration = configuration
        refreshNames()
    }

    /// Refreshes the names for completion in the background: against an unreachable broker a refresh takes the
    /// client's whole retry time, which must not hold the prompt (where Ctrl-C is ignored).
    private func refreshNames() {
        guard let client else { return }
        let previous = refreshing
        refreshing = Task { [names] in
            await previous?.value  // one at a time, so that awaiting the last one awaits them all
            if !Task.isCancelled { await names.refresh(using: client) }
        }
    }

    /// Shuts the client down once the refreshes using it are over (a client shut down under a connect in flight
    /// crashes), in the background: leaving an unreachable broker must not wait for its timeouts.
    private func retireClient() {
        guard let client else { return }
        let pending = refreshing
        pending?.cancel()
        refreshing = nil
        self.client = nil
        Task {
            await pending?.value
            await client.shutdown()
        }
    }

    private func fail(_ message: String) {
        failures += 1
        context.printError(message)
    }

    static func takesBootstrapServer(_ subcommand: String) -> Bool {
        guard let type = CompletionEngine.subcommand(named: subcommand) else { return false }
        return CompletionEngine.flags(of: type).contains("--bootstrap-server")
    }
}

/// `kafkactl shell` (and bare `kafkactl` on a terminal).
struct Shell: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "An interactive shell with one warm connection, history and Tab completion of live names.",
        discussion: """
            Inside, run any subcommand without the `kafkactl` prefix and without --bootstrap-server; `connect
            HOST:PORT` switches clusters; Ctrl-C stops the running command; Ctrl-D or `exit` leaves. History is kept
            in $XDG_STATE_HOME/kafkactl/history (~/.local/state/kafkactl/history). With standard input not a
            terminal, commands are read line by line and the exit code is 1 if any failed.

            Example:
              kafkactl shell --bootstrap-server localhost:9092
            """)

    @OptionGroup var connection: ConnectionOptions

    func run(in context: CommandContext) async throws {
        let code = await (try Self.session(connection, context: context)).run()
        // Each failure already printed its line; the exit code is all that is left to say.
        if code != 0 { throw KafkactlError(.partial, "") }
    }
}

extension Shell {
    /// A session for these options: connected when a flag, an environment variable or the contexts file names a
    /// cluster (the prompt then shows the context), not connected otherwise.
    static func session(_ connection: ConnectionOptions, context: CommandContext) throws -> ShellSession {
        let resolution = try connection.resolve()
        guard resolution.bootstrap != nil else { return ShellSession(configuration: nil, context: context) }
        return ShellSession(
            configuration: try connection.clientConfiguration(), context: context, contextName: resolution.contextName,
            connectionArguments: try connection.sameClusterArguments())
    }
}
