/// `security.protocol`: whether a connection is wrapped in TLS and whether it authenticates with SASL.
public enum SecurityProtocol: String, Sendable, CaseIterable {
    case plaintext = "PLAINTEXT"
    case ssl = "SSL"
    case saslPlaintext = "SASL_PLAINTEXT"
    case saslSSL = "SASL_SSL"

    public var usesTLS: Bool { self == .ssl || self == .saslSSL }
    public var usesSASL: Bool { self == .saslPlaintext || self == .saslSSL }

    /// Kafka's names, case-insensitively (librdkafka accepts `ssl` as well as `SSL`).
    public init?(name: String) {
        let normalized = name.trimmingCharacters(in: " ").uppercased()
        guard let value = SecurityProtocol(rawValue: normalized) else { return nil }
        self = value
    }
}

/// How connections are secured: TLS settings when `security.protocol` is SSL or SASL_SSL, SASL settings when it
/// is SASL_PLAINTEXT or SASL_SSL.
public struct SecurityConfiguration: Sendable, Hashable {
    public var securityProtocol: SecurityProtocol
    public var tls: TLSSettings?
    public var sasl: SASLSettings?

    public init(securityProtocol: SecurityProtocol = .plaintext, tls: TLSSettings? = nil, sasl: SASLSettings? = nil) {
        self.securityProtocol = securityProtocol
        self.tls = tls
        self.sasl = sasl
    }

    /// Reads Kafka's (and librdkafka's) client security properties. Errors are usage errors that name the
    /// property and never contain a secret.
    public init(properties: [String: String]) throws {
        let name = properties["security.protocol"] ?? "PLAINTEXT"
        guard let securityProtocol = SecurityProtocol(name: name) else {
            throw KafkactlError(
                .usage, "invalid value '\(name)' for security.protocol: expected PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL")
        }
        self.init(securityProtocol: securityProtocol)
        if securityProtocol.usesTLS { tls = try TLSSettings(properties: properties) }
        if securityProtocol.usesSASL { sasl = try SASLSettings(properties: properties) }
    }

    /// True when TLS is on but certificates are not checked (`enable.ssl.certificate.verification=false`): the
    /// CLI says so loudly.
    public var skipsCertificateVerification: Bool { tls.map { !$0.verifyCertificates } ?? false }
}

/// Property keys whose values are secrets: never printed, masked wherever properties are shown.
public enum SensitiveProperties {
    public static func isSensitive(_ key: String) -> Bool {
        let key = key.lowercased()
        return key.contains("password") || key.contains("secret") || key.contains("jaas") || key.contains("token")
            || key == "ssl.keystore.key" || key.hasSuffix(".key.pem") || key.contains("credentials")
    }

    /// The value to show for `key`: the mask for a sensitive key, the value itself otherwise.
    public static func display(_ key: String, _ value: String) -> String {
        isSensitive(key) ? Secret.mask : value
    }
}
