import Foundation
import TestSupport
import Testing

/// How the secured-cluster tests reach the cluster and check that no secret ever shows.
enum Secured {
    /// The harness's TLS terminator and SASL proxies in front of private brokers (started once per test process).
    static func cluster() async throws -> SecuredCluster {
        try await offThePool { try SecuredCluster.shared() }
    }

    static var alice: (name: String, password: String) { SecuredCluster.users[0] }
    static var bob: (name: String, password: String) { SecuredCluster.users[1] }

    /// The three ways in that every subcommand must work through.
    enum Mode: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// TLS (stunnel) only.
        case tls
        /// SASL/SCRAM-SHA-512 over TLS (stunnel, then the SASL proxy).
        case scramOverTLS
        /// SASL/PLAIN over plaintext (the SASL proxy).
        case plain

        var testDescription: String { rawValue }

        func bootstrap(_ cluster: SecuredCluster) -> String {
            switch self {
            case .tls: cluster.tls
            case .scramOverTLS: cluster.saslSSL
            case .plain: cluster.saslPlaintext
            }
        }

        /// The properties a Kafka user would write in client.properties for this listener.
        func properties(_ cluster: SecuredCluster) -> [(String, String)] {
            switch self {
            case .tls:
                [("security.protocol", "SSL"), ("ssl.ca.location", cluster.path("ca.pem"))]
            case .scramOverTLS:
                [("security.protocol", "SASL_SSL"), ("ssl.truststore.location", cluster.path("ca.pem")),
                 ("ssl.truststore.type", "PEM"), ("sasl.mechanism", "SCRAM-SHA-512"),
                 ("sasl.jaas.config", #"org.apache.kafka.common.security.scram.ScramLoginModule required username="\#(Secured.alice.name)" password="\#(Secured.alice.password)";"#)]
            case .plain:
                [("security.protocol", "SASL_PLAINTEXT"), ("sasl.mechanism", "PLAIN"),
                 ("sasl.jaas.config", #"org.apache.kafka.common.security.plain.PlainLoginModule required username="\#(Secured.bob.name)" password="\#(Secured.bob.password)";"#)]
            }
        }

        /// The same connection as a context: passwords from an environment variable or a file.
        func contextYAML(_ cluster: SecuredCluster, name: String, passwordFile: String) -> String {
            switch self {
            case .tls:
                return """
                      - name: \(name)
                        bootstrap-servers: \(bootstrap(cluster))
                        properties:
                          security.protocol: SSL
                          ssl.ca.location: \(cluster.path("ca.pem"))

                    """
            case .scramOverTLS:
                return """
                      - name: \(name)
                        bootstrap-servers: [\(bootstrap(cluster))]
                        properties:
                          security.protocol: SASL_SSL
                          ssl.ca.location: \(cluster.path("ca.pem"))
                          sasl.mechanism: SCRAM-SHA-512
                          sasl.username: \(Secured.alice.name)
                        passwordEnv: KAFKACTL_TEST_SASL_PASSWORD

                    """
            case .plain:
                return """
                      - name: \(name)
                        bootstrap-servers: \(bootstrap(cluster))
                        properties:
                          security.protocol: SASL_PLAINTEXT
                          sasl.mechanism: PLAIN
                          sasl.username: \(Secured.bob.name)
                        passwordFile: \(passwordFile)

                    """
            }
        }
    }

    /// A directory of this test's own, removed afterwards.
    static func withDirectory(_ body: (URL) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kafkactl-secured-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            try await body(directory)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes a Java properties file (values escaped as Java reads them).
    @discardableResult
    static func writeProperties(_ properties: [(String, String)], to url: URL) throws -> String {
        let text = properties.map { key, value in
            "\(key)=" + value.replacingOccurrences(of: "\\", with: "\\\\")
        }.joined(separator: "\n") + "\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Every password the harness knows: none may appear in anything kafkactl prints.
    static var secrets: [String] { SecuredCluster.users.map(\.password) + ["key-passphrase-1", "wrong-Pa55word"] }

    /// Runs kafkactl with a private, empty contexts location unless `environment` names one, and checks that no
    /// password appears on stdout or stderr.
    static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], timeout: Duration = .seconds(60),
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> ProcessResult {
        var environment = environment
        if environment["KAFKACTL_CONFIG"] == nil { environment["KAFKACTL_CONFIG"] = "/nonexistent/kafkactl-test-config.yaml" }
        let input = stdin.map { Data($0.utf8) }
        let finalEnvironment = environment
        let result = try await offThePool { try runKafkactl(arguments, stdin: input, timeout: timeout, environment: finalEnvironment) }
        for secret in secrets {
            #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret),
                    "a password appeared in the output of kafkactl \(arguments.joined(separator: " "))", sourceLocation: sourceLocation)
        }
        return result
    }

    /// One `Error: ` line on stderr, nothing on stdout, the exit code; `containing` pieces of the line.
    static func expectOneLineFailure(
        _ result: ProcessResult, exitCode: Int32, containing pieces: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.exitCode == exitCode, "exit \(result.exitCode), stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
        let lines = result.stderrLines
        #expect(lines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.hasPrefix("Error: ") == true, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        for piece in pieces {
            #expect(lines.first?.contains(piece) == true, "'\(lines.first ?? "")' should mention '\(piece)'", sourceLocation: sourceLocation)
        }
    }
}
