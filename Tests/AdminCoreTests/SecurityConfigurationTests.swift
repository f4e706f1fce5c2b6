@testable import AdminCore
import Foundation
import Testing

/// `security.protocol`, `ssl.*` and `sasl.*` as Kafka's and librdkafka's clients read them; every refusal is one
/// line that names the property and never contains a secret.
@Suite struct SecurityConfigurationTests {
    static let plainJAAS = #"org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="s3cret-pw";"#
    static let scramJAAS = #"org.apache.kafka.common.security.scram.ScramLoginModule required username="bob" password="p@ss \"quoted\" word";"#

    func usageError(_ properties: [String: String]) -> KafkactlError? {
        do {
            _ = try SecurityConfiguration(properties: properties)
            return nil
        } catch let error as KafkactlError {
            return error
        } catch {
            return KafkactlError(.internal, "\(error)")
        }
    }

    /// A directory with a PEM CA file and some non-PEM stores, removed afterwards.
    func withFiles(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kafkactl-security-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".write(
            to: directory.appendingPathComponent("ca.pem"), atomically: true, encoding: .utf8)
        try Data([0xFE, 0xED, 0xFE, 0xED, 0, 0, 0, 2]).write(to: directory.appendingPathComponent("truststore.jks"))
        try Data([0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x03]).write(to: directory.appendingPathComponent("keystore.p12"))
        try Data([0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x03]).write(to: directory.appendingPathComponent("ca.der"))
        try body(directory)
    }

    @Test func plaintextByDefault() throws {
        let security = try SecurityConfiguration(properties: [:])
        #expect(security.securityProtocol == .plaintext)
        #expect(security.tls == nil && security.sasl == nil)
    }

    @Test("every security.protocol, in any case", arguments: [
        ("PLAINTEXT", SecurityProtocol.plaintext), ("ssl", .ssl), ("SASL_PLAINTEXT", .saslPlaintext), ("sasl_ssl", .saslSSL),
    ])
    func protocols(name: String, expected: SecurityProtocol) throws {
        var properties = ["security.protocol": name]
        if expected.usesSASL { properties["sasl.jaas.config"] = Self.plainJAAS }
        let security = try SecurityConfiguration(properties: properties)
        #expect(security.securityProtocol == expected)
        #expect((security.tls != nil) == expected.usesTLS)
        #expect((security.sasl != nil) == expected.usesSASL)
    }

    @Test func anUnknownProtocolIsRefused() {
        #expect(usageError(["security.protocol": "TLS"])?.message
            == "invalid value 'TLS' for security.protocol: expected PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL")
    }

    @Test func tlsDefaultsToTheSystemStoreWithFullVerification() throws {
        let tls = try #require(try SecurityConfiguration(properties: ["security.protocol": "SSL"]).tls)
        #expect(tls.trustRoots == .system)
        #expect(tls.verifyCertificates && tls.verifyHostname)
        #expect(tls.clientIdentity == nil)
    }

    @Test("ssl.endpoint.identification.algorithm: https checks host names, empty or none does not", arguments: [
        ("https", true), ("HTTPS", true), ("", false), ("none", false),
    ])
    func hostnameVerification(value: String, verifies: Bool) throws {
        let tls = try #require(try SecurityConfiguration(properties: [
            "security.protocol": "SSL", "ssl.endpoint.identification.algorithm": value,
        ]).tls)
        #expect(tls.verifyHostname == verifies)
        #expect(tls.verifyCertificates)
    }

    @Test func certificateVerificationCanBeTurnedOffExplicitly() throws {
        let security = try SecurityConfiguration(properties: ["security.protocol": "SSL", "enable.ssl.certificate.verification": "false"])
        #expect(security.skipsCertificateVerification)
        #expect(usageError(["security.protocol": "SSL", "enable.ssl.certificate.verification": "nope"])?.message
            == "invalid value 'nope' for enable.ssl.certificate.verification: expected true or false")
        #expect(usageError(["security.protocol": "SSL", "ssl.endpoint.identification.algorithm": "ldap"])?.category == .usage)
    }

    @Test func pemTrustStores() throws {
        try withFiles { directory in
            let ca = directory.appendingPathComponent("ca.pem").path
            let viaCA = try SecurityConfiguration(properties: ["security.protocol": "SSL", "ssl.ca.location": ca])
            #expect(viaCA.tls?.trustRoots == .pemFile(ca))
            let viaTruststore = try SecurityConfiguration(properties: [
                "security.protocol": "SSL", "ssl.truststore.location": ca, "ssl.truststore.type": "PEM",
            ])
            #expect(viaTruststore.tls?.trustRoots == .pemFile(ca))
            let inline = try SecurityConfiguration(properties: ["security.protocol": "SSL", "ssl.truststore.certificates": "-----BEGIN CERTIFICATE-----"])
            #expect(inline.tls?.trustRoots == .pem("-----BEGIN CERTIFICATE-----"))
        }
    }

    @Test func javaStoresAreRefusedWithTheCommandThatConvertsThem() throws {
        try withFiles { directory in
            let jks = directory.appendingPathComponent("truststore.jks").path
            let jksError = try #require(usageError(["security.protocol": "SSL", "ssl.truststore.location": jks]))
            #expect(jksError.category == .usage)
            #expect(jksError.message == "ssl.truststore.location '\(jks)' is a JKS keystore, which kafkactl cannot read: convert it to PEM with `keytool -exportcert -rfc -keystore \(jks) -alias <alias> -file ca.pem` (`keytool -list -keystore \(jks)` shows the aliases) and set ssl.ca.location=ca.pem")
            let p12 = directory.appendingPathComponent("keystore.p12").path
            let trustP12 = try #require(usageError(["security.protocol": "SSL", "ssl.truststore.location": p12, "ssl.truststore.type": "PKCS12"]))
            #expect(trustP12.message.contains("is a PKCS12 store") && trustP12.message.contains("`openssl pkcs12 -in \(p12) -nokeys -out ca.pem`"))
            let keystore = try #require(usageError(["security.protocol": "SSL", "ssl.keystore.location": p12]))
            #expect(keystore.message == "ssl.keystore.location '\(p12)' is a PKCS12 store, which kafkactl cannot read: convert it to PEM with `openssl pkcs12 -in \(p12) -nodes -out client.pem` and set ssl.certificate.location and ssl.key.location to client.pem")
            let der = directory.appendingPathComponent("ca.der").path
            #expect(usageError(["security.protocol": "SSL", "ssl.ca.location": der])?.message.contains("openssl x509 -inform der") == true)
            #expect(!jksError.message.contains("\n") && !keystore.message.contains("\n"))
        }
    }

    @Test func unreadableFilesNameTheProperty() {
        #expect(usageError(["security.protocol": "SSL", "ssl.ca.location": "/nonexistent/ca.pem"])?.message
            == "cannot read ssl.ca.location '/nonexistent/ca.pem': No such file or directory")
    }

    @Test func aClientCertificateNeedsItsKeyAndViceVersa() throws {
        try withFiles { directory in
            let pem = directory.appendingPathComponent("ca.pem").path
            let both = try SecurityConfiguration(properties: [
                "security.protocol": "SSL", "ssl.certificate.location": pem, "ssl.key.location": pem, "ssl.key.password": "kp",
            ])
            #expect(both.tls?.clientIdentity == .pemFiles(certificate: pem, key: pem))
            #expect(both.tls?.keyPassword == Secret("kp"))
            #expect(usageError(["security.protocol": "SSL", "ssl.certificate.location": pem])?.message
                == "ssl.certificate.location is set but ssl.key.location is not: a client certificate needs its private key")
            #expect(usageError(["security.protocol": "SSL", "ssl.key.location": pem])?.category == .usage)
            let keystore = try SecurityConfiguration(properties: ["security.protocol": "SSL", "ssl.keystore.location": pem, "ssl.keystore.type": "PEM"])
            #expect(keystore.tls?.clientIdentity == .pemFiles(certificate: pem, key: pem))
        }
    }

    @Test func saslFromPlainLoginModule() throws {
        let sasl = try #require(try SecurityConfiguration(properties: [
            "security.protocol": "SASL_SSL", "sasl.mechanism": "PLAIN", "sasl.jaas.config": Self.plainJAAS,
        ]).sasl)
        #expect(sasl == SASLSettings(mechanism: .plain, username: "alice", password: Secret("s3cret-pw")))
    }

    @Test func plainLoginModuleImpliesPlain() throws {
        let sasl = try SecurityConfiguration(properties: ["security.protocol": "SASL_PLAINTEXT", "sasl.jaas.config": Self.plainJAAS]).sasl
        #expect(sasl?.mechanism == .plain)
    }

    @Test func saslFromScramLoginModule() throws {
        for (name, mechanism) in [("SCRAM-SHA-256", SASLMechanism.scramSHA256), ("scram-sha-512", .scramSHA512)] {
            let sasl = try #require(try SecurityConfiguration(properties: [
                "security.protocol": "SASL_SSL", "sasl.mechanism": name, "sasl.jaas.config": Self.scramJAAS,
            ]).sasl)
            #expect(sasl.mechanism == mechanism)
            #expect(sasl.username == "bob")
            #expect(sasl.password.revealed == #"p@ss "quoted" word"#)
        }
    }

    @Test func librdkafkaNamesWinOverTheJAASConfig() throws {
        let sasl = try #require(try SecurityConfiguration(properties: [
            "security.protocol": "SASL_SSL", "sasl.mechanisms": "SCRAM-SHA-512", "sasl.jaas.config": Self.scramJAAS,
            "sasl.username": "carol", "sasl.password": "from-env",
        ]).sasl)
        #expect(sasl.username == "carol" && sasl.password.revealed == "from-env" && sasl.mechanism == .scramSHA512)
        let withoutJAAS = try #require(try SecurityConfiguration(properties: [
            "security.protocol": "SASL_PLAINTEXT", "sasl.mechanism": "PLAIN", "sasl.username": "u", "sasl.password": "p",
        ]).sasl)
        #expect(withoutJAAS == SASLSettings(mechanism: .plain, username: "u", password: Secret("p")))
    }

    @Test func saslRefusals() {
        #expect(usageError(["security.protocol": "SASL_SSL", "sasl.jaas.config": Self.scramJAAS])?.message
            == "security.protocol is SASL but sasl.mechanism is not set: set it to one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 (Kafka's default, GSSAPI, is not supported)")
        #expect(usageError(["security.protocol": "SASL_SSL", "sasl.mechanism": "GSSAPI", "sasl.jaas.config": Self.scramJAAS])?.message
            == "unsupported sasl.mechanism 'GSSAPI': kafkactl supports PLAIN, SCRAM-SHA-256, SCRAM-SHA-512")
        #expect(usageError(["security.protocol": "SASL_SSL", "sasl.mechanism": "PLAIN"])?.message
            == #"SASL PLAIN needs a username and a password: set sasl.jaas.config (PlainLoginModule required username="..." password="...";) or sasl.username and sasl.password"#)
        #expect(usageError(["security.protocol": "SASL_SSL", "sasl.mechanism": "SCRAM-SHA-256", "sasl.username": "u"])?.message.hasPrefix("SASL SCRAM-SHA-256 needs a password") == true)
        let oauth = usageError([
            "security.protocol": "SASL_SSL", "sasl.mechanism": "PLAIN",
            "sasl.jaas.config": "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;",
        ])
        #expect(oauth?.message.hasPrefix("sasl.jaas.config uses org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule, which kafkactl does not support") == true)
    }

    @Test func secretsNeverPrint() throws {
        let security = try SecurityConfiguration(properties: [
            "security.protocol": "SASL_PLAINTEXT", "sasl.jaas.config": Self.plainJAAS,
        ])
        for text in ["\(security)", String(describing: security), String(reflecting: security), "\(String(describing: security.sasl))"] {
            #expect(!text.contains("s3cret-pw"), "\(text)")
        }
        #expect("\(Secret("hunter2"))" == "********")
        #expect(Secret("hunter2").redacting("bad password hunter2 for alice") == "bad password ******** for alice")
    }

    @Test("sensitive property keys are masked", arguments: [
        ("sasl.jaas.config", true), ("sasl.password", true), ("ssl.key.password", true), ("ssl.keystore.password", true),
        ("ssl.keystore.key", true), ("bootstrap.servers", false), ("sasl.username", false), ("ssl.ca.location", false),
    ])
    func sensitiveKeys(key: String, sensitive: Bool) {
        #expect(SensitiveProperties.isSensitive(key) == sensitive)
        #expect(SensitiveProperties.display(key, "v") == (sensitive ? "********" : "v"))
    }
}
