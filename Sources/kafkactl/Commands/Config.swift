import AdminCore
import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// `kafkactl config`: the named connection contexts (not to be confused with `configs`, which alters topic and
/// broker configs on a cluster).
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Named connection contexts: list them and pick the current one.",
        discussion: """
            Contexts live in $XDG_CONFIG_HOME/kafkactl/config.yaml (~/.config/kafkactl/config.yaml; \
            $KAFKACTL_CONFIG names another file). Each holds a cluster's bootstrap servers and its connection \
            properties (security.protocol, ssl.*, sasl.*, client.id, timeouts); passwords come from an environment variable (passwordEnv) or a file (passwordFile) and \
            fill in sasl.password (keyPasswordEnv and keyPasswordFile fill in ssl.key.password):

              current-context: prod
              contexts:
                - name: prod
                  bootstrap-servers: kafka-1.example.com:9093,kafka-2.example.com:9093
                  properties:
                    security.protocol: SASL_SSL
                    sasl.mechanism: SCRAM-SHA-512
                    sasl.username: alice
                    ssl.ca.location: /etc/kafka/ca.pem
                  passwordEnv: PROD_KAFKA_PASSWORD
                - name: local
                  bootstrap-servers: localhost:9092

            Every subcommand takes --context NAME. Precedence: flags (--bootstrap-server, then the properties \
            files and properties given by flags) over environment variables ($KAFKACTL_BOOTSTRAP_SERVER, \
            $KAFKACTL_CONTEXT) over the context. The current-context is used only when nothing else names a \
            cluster, so its credentials never go to a cluster it does not name.

            Examples:
              kafkactl config get-contexts
              kafkactl config use-context prod
              kafkactl topics --list --context local
            """,
        subcommands: [GetContexts.self, UseContext.self, CurrentContext.self])

    /// The contexts file, or a usage error saying where it was expected.
    static func requireFile() throws -> ContextFile {
        guard let file = try ConnectionResolver.loadDefaultFile() else {
            let path = ContextFile.defaultPath(environment: ConnectionResolver.processEnvironment)
            throw KafkactlUsageError("there is no contexts file at '\(path)' (see kafkactl config --help)")
        }
        return file
    }
}

extension Config {
    /// `kafkactl config get-contexts`: every context, secrets masked.
    struct GetContexts: KafkactlCommand {
        static let configuration = CommandConfiguration(
            commandName: "get-contexts",
            abstract: "List the contexts; * marks the current one. Passwords are never shown, only where they come from.")

        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) async throws {
            let path = ContextFile.defaultPath(environment: ConnectionResolver.processEnvironment)
            let file = try ContextFile.load(path: path) ?? ContextFile(path: path, currentContext: nil, contexts: [])
            if output.isJSON {
                try context.print(Self.json(file).serialized())
                return
            }
            if file.contexts.isEmpty {
                context.printError("No contexts in '\(path)' (see kafkactl config --help).")
                return
            }
            let rows = file.contexts.map { entry in
                [entry.name == file.currentContext ? "*" : "", entry.name, entry.bootstrapServers ?? entry.property("bootstrap.servers") ?? "-",
                 Self.security(entry), Self.user(entry), entry.passwordSource]
            }
            let headers = ["CURRENT", "NAME", "BOOTSTRAP-SERVERS", "SECURITY", "USER", "PASSWORD"]
            let widths = headers.indices.map { column in
                column == headers.count - 1 ? nil : max(headers[column].count, rows.map { $0[column].count }.max() ?? 0)
            }
            for row in [headers] + rows {
                let line = TableFormatter.line(Array(zip(row, widths)))
                try context.print(String(line.reversed().drop { $0 == " " }.reversed()))
            }
        }

        static func security(_ entry: ConnectionContext) -> String {
            let securityProtocol = (entry.property("security.protocol") ?? "PLAINTEXT").uppercased()
            guard securityProtocol.hasPrefix("SASL"), let mechanism = entry.property("sasl.mechanism") ?? entry.property("sasl.mechanisms")
            else { return securityProtocol }
            return "\(securityProtocol) \(mechanism)"
        }

        /// The SASL user name (not secret), from sasl.username or the JAAS options.
        static func user(_ entry: ConnectionContext) -> String {
            if let name = entry.property("sasl.username") { return name }
            if let jaas = entry.property("sasl.jaas.config"), let name = try? JAASConfig.parse(jaas).options["username"] { return name }
            return "-"
        }

        static func json(_ file: ContextFile) -> JSON {
            .object([
                ("path", .string(file.path)),
                ("currentContext", .optional(file.currentContext)),
                ("contexts", .array(file.contexts.map { entry in
                    .object([
                        ("name", .string(entry.name)),
                        ("current", .bool(entry.name == file.currentContext)),
                        ("bootstrapServers", .optional(entry.bootstrapServers)),
                        ("properties", .object(entry.properties.map { ($0.key, .string(SensitiveProperties.display($0.key, $0.value))) })),
                        ("passwordEnv", .optional(entry.passwordEnv)),
                        ("passwordFile", .optional(entry.passwordFile)),
                        ("keyPasswordEnv", .optional(entry.keyPasswordEnv)),
                        ("keyPasswordFile", .optional(entry.keyPasswordFile)),
                    ])
                })),
            ])
        }
    }

    /// `kafkactl config use-context NAME`: rewrites only the file's current-context line.
    struct UseContext: KafkactlCommand {
        static let configuration = CommandConfiguration(
            commandName: "use-context", abstract: "Make NAME the current context (only the current-context line changes).")

        @Argument(help: "A context in the contexts file.") var name: String

        func run(in context: CommandContext) async throws {
            let file = try Config.requireFile()
            _ = try file.context(named: name)
            guard let text = PropertiesFile.readFile(file.path) else {
                throw KafkactlUsageError("cannot read the contexts file '\(file.path)': \(String(cString: strerror(errno)))")
            }
            try Self.replace(file.path, with: ContextFile.settingCurrentContext(name, in: text))
            try context.print("Switched to context \"\(name)\".")
        }

        /// Writes a sibling file, then renames it over the original: a crash never leaves half a file.
        static func replace(_ path: String, with text: String) throws {
            let temporary = path + ".kafkactl-\(getpid())"
            var status = stat()
            let mode = stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0o600
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode)
            guard descriptor >= 0 else {
                throw KafkactlError(.rejected, "cannot write '\(temporary)': \(String(cString: strerror(errno)))")
            }
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            let failed = written != bytes.count || fsync(descriptor) != 0
            close(descriptor)
            if failed || rename(temporary, path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw KafkactlError(.rejected, "cannot write the contexts file '\(path)': \(reason)")
            }
        }
    }

    /// `kafkactl config current-context`.
    struct CurrentContext: KafkactlCommand {
        static let configuration = CommandConfiguration(
            commandName: "current-context", abstract: "Print the name of the current context.")

        func run(in context: CommandContext) async throws {
            let file = try Config.requireFile()
            guard let name = file.currentContext else {
                throw KafkactlError(.notFound, "current-context is not set in '\(file.path)'")
            }
            try context.print(name)
        }
    }
}
