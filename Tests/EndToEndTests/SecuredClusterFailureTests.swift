import Foundation
import TestSupport
import Testing

/// Each way a secured connection fails is one line that says which, with a non-zero exit, and never a password.
@Suite struct SecuredClusterFailureTests {
    /// Runs `topics --list` against `bootstrap` with `properties` in a --command-config file.
    static func topicsList(
        _ bootstrap: String, _ properties: [(String, String)], command: [String] = ["topics", "--list"],
        stdin: String? = nil
    ) async throws -> ProcessResult {
        var result: ProcessResult?
        try await Secured.withDirectory { directory in
            let file = try Secured.writeProperties(properties, to: directory.appendingPathComponent("client.properties"))
            result = try await Secured.run(command + ["--bootstrap-server", bootstrap, "--command-config", file], stdin: stdin)
        }
        return try #require(result)
    }

    static func tls(_ cluster: SecuredCluster, ca: String = "ca.pem") -> [(String, String)] {
        [("security.protocol", "SSL"), ("ssl.ca.location", cluster.path(ca))]
    }

    static func scram(_ cluster: SecuredCluster, mechanism: String = "SCRAM-SHA-512", user: String, password: String) -> [(String, String)] {
        tls(cluster) + [
            ("security.protocol", "SASL_SSL"), ("sasl.mechanism", mechanism),
            ("sasl.jaas.config", #"org.apache.kafka.common.security.scram.ScramLoginModule required username="\#(user)" password="\#(password)";"#),
        ]
    }

    static func plain(user: String, password: String, mechanism: String = "PLAIN") -> [(String, String)] {
        [("security.protocol", "SASL_PLAINTEXT"), ("sasl.mechanism", mechanism), ("sasl.username", user), ("sasl.password", password)]
    }

    static let wrongPassword = "wrong-Pa55word"

    // MARK: TLS

    @Test func aCertificateFromAnotherCAIsAnUnknownCA() async throws {
        let cluster = try await Secured.cluster()
        let result = try await Self.topicsList(cluster.tls, Self.tls(cluster, ca: "other-ca.pem"))
        Secured.expectOneLineFailure(result, exitCode: 1, containing: [
            "TLS handshake with \(cluster.tls) failed: unknown CA: the broker's certificate (CN=localhost) is not signed by the CAs in ssl.ca.location '\(cluster.path("other-ca.pem"))'; it was issued by CN=kafkactl test ca",
        ])
    }

    @Test func withoutACALocationTheSystemStoreDoesNotTrustATestCA() async throws {
        let cluster = try await Secured.cluster()
        let result = try await Self.topicsList(cluster.tls, [("security.protocol", "SSL")])
        Secured.expectOneLineFailure(result, exitCode: 1, containing: ["unknown CA", "the system's trusted CAs", "set ssl.ca.location"])
    }

    @Test func anExpiredCertificateSaysWhenItExpired() async throws {
        let cluster = try await Secured.cluster()
        let result = try await Self.topicsList(cluster.expired, Self.tls(cluster))
        Secured.expectOneLineFailure(result, exitCode: 1, containing: [
            "TLS handshake with \(cluster.expired) failed: the broker's certificate (CN=localhost) expired on 2020-01-02 00:00:00 UTC",
        ])
    }

    @Test func aCertificateForAnotherHostIsAHostNameMismatch() async throws {
        let cluster = try await Secured.cluster()
        let result = try await Self.topicsList(cluster.wrongHost, Self.tls(cluster))
        Secured.expectOneLineFailure(result, exitCode: 1, containing: [
            "TLS handshake with \(cluster.wrongHost) failed: host name mismatch: the broker's certificate (CN=wrong-host.example.com) is for DNS:wrong-host.example.com, not '127.0.0.1'",
            "ssl.endpoint.identification.algorithm=",
        ])
    }

    @Test func anEmptyEndpointIdentificationAlgorithmSkipsOnlyTheHostNameCheck() async throws {
        let cluster = try await Secured.cluster()
        let skipped = try await Self.topicsList(cluster.wrongHost, Self.tls(cluster) + [("ssl.endpoint.identification.algorithm", "")])
        #expect(skipped.exitCode == 0, "stderr: \(skipped.stderr)")
        #expect(skipped.stderr.isEmpty)
        // The chain is still checked.
        let expired = try await Self.topicsList(cluster.expired, Self.tls(cluster) + [("ssl.endpoint.identification.algorithm", "")])
        Secured.expectOneLineFailure(expired, exitCode: 1, containing: ["expired on 2020-01-02"])
    }

    @Test func theServerCertificateIsValidForLocalhostByName() async throws {
        let cluster = try await Secured.cluster()
        let port = cluster.tls.split(separator: ":").last!
        let result = try await Self.topicsList("localhost:\(port)", Self.tls(cluster))
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
    }

    @Test func turningVerificationOffConnectsWithOneLoudWarning() async throws {
        let cluster = try await Secured.cluster()
        for bootstrap in [cluster.expired, cluster.wrongHost] {
            let result = try await Self.topicsList(bootstrap, [("security.protocol", "SSL"), ("enable.ssl.certificate.verification", "false")])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stderrLines == [
                "Warning: enable.ssl.certificate.verification=false: kafkactl does not check the broker's certificate or host name, so anyone on the network path can pose as the broker and read or change everything sent, credentials included; use it only with a test cluster",
            ])
        }
    }

    @Test func tlsToAPlaintextListenerSaysSo() async throws {
        let cluster = try await Secured.cluster()
        let result = try await Self.topicsList(cluster.plaintextBehindTLS, Self.tls(cluster) + [("socket.connection.setup.timeout.ms", "1500")])
        Secured.expectOneLineFailure(result, exitCode: 1, containing: [
            "TLS handshake with \(cluster.plaintextBehindTLS) failed: no TLS answer within 1500 ms", "is it a plaintext listener?",
            "security.protocol=PLAINTEXT",
        ])
    }

    @Test func plaintextToATLSListenerAsksAboutTLS() async throws {
        let cluster = try await Secured.cluster()
        let result = try await Self.topicsList(cluster.tls, [("socket.connection.setup.timeout.ms", "1500")])
        #expect(result.exitCode != 0)
        Secured.expectOneLineFailure(result, exitCode: result.exitCode, containing: ["does the listener need TLS (security.protocol=SSL or SASL_SSL)?"])
    }

    // MARK: mTLS

    @Test func aClientCertificateOpensABrokerThatRequiresOne() async throws {
        let cluster = try await Secured.cluster()
        let without = try await Self.topicsList(cluster.mtls, Self.tls(cluster))
        Secured.expectOneLineFailure(without, exitCode: 1, containing: [
            "TLS handshake with \(cluster.mtls) failed: the broker requires a client certificate: set ssl.certificate.location and ssl.key.location",
        ])
        let with = try await Self.topicsList(
            cluster.mtls, Self.tls(cluster) + [("ssl.certificate.location", cluster.path("client.pem")), ("ssl.key.location", cluster.path("client.key"))])
        #expect(with.exitCode == 0, "stderr: \(with.stderr)")
        let password = try String(contentsOf: cluster.directory.appendingPathComponent("client-key-password"), encoding: .utf8)
        let encrypted = try await Self.topicsList(cluster.mtls, Self.tls(cluster) + [
            ("ssl.certificate.location", cluster.path("client.pem")), ("ssl.key.location", cluster.path("client-encrypted.key")),
            ("ssl.key.password", password),
        ])
        #expect(encrypted.exitCode == 0, "stderr: \(encrypted.stderr)")
    }

    @Test func anEncryptedKeyNeedsTheRightPassword() async throws {
        let cluster = try await Secured.cluster()
        let key = cluster.path("client-encrypted.key")
        let wrong = try await Self.topicsList(cluster.mtls, Self.tls(cluster) + [
            ("ssl.certificate.location", cluster.path("client.pem")), ("ssl.key.location", key), ("ssl.key.password", Self.wrongPassword),
        ])
        Secured.expectOneLineFailure(wrong, exitCode: 64, containing: [
            "cannot read the private key in ssl.key.location '\(key)': it is not a PEM private key, or ssl.key.password does not decrypt it",
        ])
        let missing = try await Self.topicsList(cluster.mtls, Self.tls(cluster) + [
            ("ssl.certificate.location", cluster.path("client.pem")), ("ssl.key.location", key),
        ])
        Secured.expectOneLineFailure(missing, exitCode: 64, containing: ["or it is encrypted and ssl.key.password is not set"])
    }

    @Test func javaStoresGetTheCommandThatConvertsThem() async throws {
        let cluster = try await Secured.cluster()
        let jks = cluster.path("truststore.jks")
        let trust = try await Self.topicsList(cluster.tls, [("security.protocol", "SSL"), ("ssl.truststore.location", jks)])
        Secured.expectOneLineFailure(trust, exitCode: 64, containing: [
            "ssl.truststore.location '\(jks)' is a JKS keystore, which kafkactl cannot read: convert it to PEM with `keytool -exportcert -rfc -keystore \(jks) -alias <alias> -file ca.pem`",
        ])
        let p12 = cluster.path("truststore.p12")
        let keystore = try await Self.topicsList(cluster.mtls, Self.tls(cluster) + [("ssl.keystore.location", p12), ("ssl.keystore.type", "PKCS12")])
        Secured.expectOneLineFailure(keystore, exitCode: 64, containing: [
            "ssl.keystore.location '\(p12)' is a PKCS12 store, which kafkactl cannot read: convert it to PEM with `openssl pkcs12 -in \(p12) -nodes -out client.pem`",
        ])
    }

    // MARK: SASL

    @Test func aWrongSCRAMPasswordIsRefusedWithTheBrokersMessage() async throws {
        let cluster = try await Secured.cluster()
        let result = try await Self.topicsList(cluster.saslSSL, Self.scram(cluster, user: "alice", password: Self.wrongPassword))
        Secured.expectOneLineFailure(result, exitCode: 1, containing: [
            "SASL SCRAM-SHA-512 authentication as 'alice' to \(cluster.saslSSL) failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512 [SASL_AUTHENTICATION_FAILED]",
        ])
    }

    @Test func aWrongPlainPasswordIsRefusedWithTheBrokersMessage() async throws {
        let cluster = try await Secured.cluster()
        let result = try await Self.topicsList(cluster.saslPlaintext, Self.plain(user: "bob", password: Self.wrongPassword))
        Secured.expectOneLineFailure(result, exitCode: 1, containing: [
            "SASL PLAIN authentication as 'bob' to \(cluster.saslPlaintext) failed: Authentication failed: Invalid username or password [SASL_AUTHENTICATION_FAILED]",
        ])
    }

    @Test func scramSHA256AndAnUnknownUser() async throws {
        let cluster = try await Secured.cluster()
        let good = try await Self.topicsList(cluster.saslPlaintext, Self.plain(user: "alice", password: Secured.alice.password, mechanism: "SCRAM-SHA-256"))
        #expect(good.exitCode == 0, "stderr: \(good.stderr)")
        let unknown = try await Self.topicsList(cluster.saslPlaintext, Self.plain(user: "mallory", password: Self.wrongPassword, mechanism: "SCRAM-SHA-256"))
        Secured.expectOneLineFailure(unknown, exitCode: 1, containing: ["as 'mallory'", "[SASL_AUTHENTICATION_FAILED]"])
    }

    @Test func anUnknownMechanismListsTheBrokersMechanisms() async throws {
        let cluster = try await Secured.cluster()
        let result = try await Self.topicsList(cluster.limitedSASL, Self.plain(user: "alice", password: Secured.alice.password, mechanism: "SCRAM-SHA-256"))
        Secured.expectOneLineFailure(result, exitCode: 1, containing: [
            "the broker at \(cluster.limitedSASL) does not enable SASL mechanism SCRAM-SHA-256 (it offers: PLAIN, SCRAM-SHA-512): set sasl.mechanism to one of those [UNSUPPORTED_SASL_MECHANISM]",
        ])
        let local = try await Self.topicsList(cluster.limitedSASL, Self.plain(user: "alice", password: Secured.alice.password, mechanism: "GSSAPI"))
        Secured.expectOneLineFailure(local, exitCode: 64, containing: ["unsupported sasl.mechanism 'GSSAPI': kafkactl supports PLAIN, SCRAM-SHA-256, SCRAM-SHA-512"])
    }

    @Test("SASL against a broker without SASL, plaintext and behind TLS, says to check security.protocol")
    func saslAgainstABrokerWithoutSASL() async throws {
        let cluster = try await Secured.cluster()
        let plaintext = try await Self.topicsList(cluster.plaintextBehindSASL, Self.plain(user: "bob", password: Secured.bob.password))
        Secured.expectOneLineFailure(plaintext, exitCode: 1, containing: [
            "the broker at \(cluster.plaintextBehindSASL) refused SASL mechanism PLAIN", "check security.protocol", "[UNSUPPORTED_SASL_MECHANISM]",
        ])
        let overTLS = try await Self.topicsList(cluster.tls, Self.scram(cluster, user: "alice", password: Secured.alice.password))
        Secured.expectOneLineFailure(overTLS, exitCode: 1, containing: ["refused SASL mechanism SCRAM-SHA-512", "check security.protocol"])
    }

    @Test("a wrong password is one line and exit 1 from every subcommand", arguments: [
        ["topics", "--list"], ["topics", "--describe", "--topic", "t"], ["console-producer", "--topic", "t"],
        ["console-consumer", "--topic", "t", "--timeout-ms", "5000"], ["consumer-groups", "--list"],
        ["configs", "--describe", "--entity-type", "topics", "--entity-name", "t"], ["get-offsets", "--topic", "t"],
        ["topics", "--list", "--output", "json"],
    ])
    func everySubcommandReportsAFailedLogin(command: [String]) async throws {
        let cluster = try await Secured.cluster()
        let result = try await Self.topicsList(
            cluster.saslSSL, Self.scram(cluster, user: "alice", password: Self.wrongPassword), command: command, stdin: "x\n")
        Secured.expectOneLineFailure(result, exitCode: 1, containing: ["[SASL_AUTHENTICATION_FAILED]"])
    }
}
