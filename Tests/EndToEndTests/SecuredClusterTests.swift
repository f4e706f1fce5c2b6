import Foundation
import TestSupport
import Testing

/// Every subcommand that talks to a cluster, run from the built binary through (a) TLS, (b) SASL/SCRAM-SHA-512 over
/// TLS and (c) SASL/PLAIN, configured (1) by properties files (--command-config, --producer.config,
/// --consumer.config) and (2) by named contexts (--context, KAFKACTL_CONTEXT, current-context). The listeners are the
/// harness's real TLS terminator (stunnel) and SASL server (Tests/Support/sasl_proxy.py) in front of real brokers.
@Suite struct SecuredClusterTests {
    enum Source: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case propertiesFiles, contexts
        var testDescription: String { rawValue }
    }

    /// The arguments and environment that point one subcommand at the cluster.
    struct Connection {
        var arguments: [String]
        var environment: [String: String]
    }

    @Test("topics, configs, console-producer, get-offsets, console-consumer (direct and in a group) and consumer-groups",
          arguments: Secured.Mode.allCases, Source.allCases)
    func everySubcommand(mode: Secured.Mode, source: Source) async throws {
        let cluster = try await Secured.cluster()
        try await Secured.withDirectory { directory in
            let topic = BrokerHarness.uniqueName("secured-\(mode.rawValue)-\(source.rawValue)")
            let group = BrokerHarness.uniqueName("secured-group-\(mode.rawValue)-\(source.rawValue)")
            let connect = try Self.connections(mode: mode, source: source, cluster: cluster, directory: directory)
            func run(_ command: String, _ arguments: [String], stdin: String? = nil, timeout: Duration = .seconds(60)) async throws -> ProcessResult {
                let connection = connect(command)
                return try await Secured.run([command] + connection.arguments + arguments, stdin: stdin, environment: connection.environment, timeout: timeout)
            }

            let created = try await run("topics", ["--create", "--topic", topic, "--partitions", "2", "--replication-factor", "1"])
            try #require(created.exitCode == 0, "stderr: \(created.stderr)")
            #expect(created.stdout == "Created topic \(topic).\n")

            let listed = try await run("topics", ["--list"])
            #expect(listed.exitCode == 0, "stderr: \(listed.stderr)")
            #expect(listed.stdout.split(separator: "\n").contains { $0 == topic })

            let described = try await run("topics", ["--describe", "--topic", topic])
            #expect(described.exitCode == 0, "stderr: \(described.stderr)")
            #expect(described.stdout.contains("Topic: \(topic)"))

            let altered = try await run("configs", ["--alter", "--entity-type", "topics", "--entity-name", topic, "--add-config", "retention.ms=86400000"])
            #expect(altered.exitCode == 0, "stderr: \(altered.stderr)")
            var configs = try await run("configs", ["--describe", "--all", "--entity-type", "topics", "--entity-name", topic])
            _ = try await eventually {
                configs = try await run("configs", ["--describe", "--all", "--entity-type", "topics", "--entity-name", topic])
                return configs.stdout.contains("  retention.ms=86400000 ")
            }
            #expect(configs.exitCode == 0, "stderr: \(configs.stderr)")
            #expect(configs.stdout.contains("  retention.ms=86400000 "), "\(configs.stdout)")

            let produced = try await run("console-producer", ["--topic", topic, "--sync"], stdin: "r1\nr2\nr3\n")
            #expect(produced.exitCode == 0, "stderr: \(produced.stderr)")

            let offsets = try await run("get-offsets", ["--topic", topic])
            #expect(offsets.exitCode == 0, "stderr: \(offsets.stderr)")
            let ends = offsets.stdout.split(separator: "\n").compactMap { line in line.split(separator: ":").last.flatMap { Int($0) } }
            #expect(ends.count == 2 && ends.reduce(0, +) == 3, "\(offsets.stdout)")

            let consumed = try await run("console-consumer", ["--topic", topic, "--from-beginning", "--max-messages", "3"])
            #expect(consumed.exitCode == 0, "stderr: \(consumed.stderr)")
            #expect(consumed.stdout.split(separator: "\n").sorted() == ["r1", "r2", "r3"])

            let inGroup = try await run(
                "console-consumer",
                ["--topic", topic, "--group", group, "--from-beginning", "--max-messages", "3"] + GroupTestSupport.fastGroupProperties,
                timeout: .seconds(90))
            #expect(inGroup.exitCode == 0, "stderr: \(inGroup.stderr)")
            #expect(inGroup.stdout.split(separator: "\n").sorted() == ["r1", "r2", "r3"])

            let groups = try await run("consumer-groups", ["--list"])
            #expect(groups.exitCode == 0, "stderr: \(groups.stderr)")
            #expect(groups.stdout.split(separator: "\n").contains { $0 == group })
            let groupDescribed = try await run("consumer-groups", ["--describe", "--group", group, "--output", "json"])
            #expect(groupDescribed.exitCode == 0, "stderr: \(groupDescribed.stderr)")
            let document = try groupDescribed.jsonObject()
            let partitions = ((document["groups"] as? [[String: Any]])?.first?["partitions"] as? [[String: Any]]) ?? []
            #expect(partitions.compactMap { $0["currentOffset"] as? Int }.reduce(0, +) == 3, "\(groupDescribed.stdout)")

            let deleted = try await run("topics", ["--delete", "--topic", topic])
            #expect(deleted.exitCode == 0, "stderr: \(deleted.stderr)")
        }
    }

    /// Per subcommand: properties files by the flag Kafka's tool takes, or contexts by each way of naming one.
    static func connections(mode: Secured.Mode, source: Source, cluster: SecuredCluster, directory: URL) throws -> (String) -> Connection {
        let bootstrap = mode.bootstrap(cluster)
        switch source {
        case .propertiesFiles:
            let file = try Secured.writeProperties(
                mode.properties(cluster), to: directory.appendingPathComponent("client.properties"))
            let withServers = try Secured.writeProperties(
                [("bootstrap.servers", bootstrap)] + mode.properties(cluster), to: directory.appendingPathComponent("consumer.properties"))
            return { command in
                switch command {
                case "console-producer": Connection(arguments: ["--bootstrap-server", bootstrap, "--producer.config", file], environment: [:])
                case "console-consumer": Connection(arguments: ["--consumer.config", withServers], environment: [:])
                default: Connection(arguments: ["--bootstrap-server", bootstrap, "--command-config", file], environment: [:])
                }
            }
        case .contexts:
            let passwordFile = directory.appendingPathComponent("bob.password")
            try "\(Secured.bob.password)\n".write(to: passwordFile, atomically: true, encoding: .utf8)
            let name = "secure-\(mode.rawValue)"
            let contexts = mode.contextYAML(cluster, name: name, passwordFile: passwordFile.path)
                + "  - name: decoy\n    bootstrap-servers: 127.0.0.1:1\n"
            // The decoy is current where the context is named (--context, KAFKACTL_CONTEXT), which must win over it.
            let named = directory.appendingPathComponent("named.yaml")
            try "current-context: decoy\ncontexts:\n\(contexts)".write(to: named, atomically: true, encoding: .utf8)
            let current = directory.appendingPathComponent("current.yaml")
            try "current-context: \(name)\ncontexts:\n\(contexts)".write(to: current, atomically: true, encoding: .utf8)
            let secrets = ["KAFKACTL_TEST_SASL_PASSWORD": Secured.alice.password]
            return { command in
                switch command {
                case "topics", "configs":
                    Connection(arguments: ["--context", name], environment: secrets.merging(["KAFKACTL_CONFIG": named.path]) { $1 })
                case "console-producer", "console-consumer":
                    Connection(arguments: [], environment: secrets.merging(["KAFKACTL_CONFIG": named.path, "KAFKACTL_CONTEXT": name]) { $1 })
                default:
                    Connection(arguments: [], environment: secrets.merging(["KAFKACTL_CONFIG": current.path]) { $1 })
                }
            }
        }
    }
}
