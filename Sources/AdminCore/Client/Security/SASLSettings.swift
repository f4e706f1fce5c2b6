/// The SASL mechanisms kafkactl speaks.
public enum SASLMechanism: String, Sendable, CaseIterable {
    case plain = "PLAIN"
    case scramSHA256 = "SCRAM-SHA-256"
    case scramSHA512 = "SCRAM-SHA-512"

    public init?(name: String) {
        guard let value = SASLMechanism(rawValue: name.trimmingCharacters(in: " ").uppercased()) else { return nil }
        self = value
    }

    static var supportedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Who to authenticate as, and how: from `sasl.mechanism` and the `username`/`password` of `sasl.jaas.config`
/// (PlainLoginModule or ScramLoginModule), or librdkafka's `sasl.username`/`sasl.password`, which win when set.
public struct SASLSettings: Sendable, Hashable {
    public var mechanism: SASLMechanism
    public var username: String
    public var password: Secret
    /// ScramLoginModule's `tokenauth=true`: the credentials are a delegation token.
    public var tokenAuthentication: Bool

    public init(mechanism: SASLMechanism, username: String, password: Secret, tokenAuthentication: Bool = false) {
        self.mechanism = mechanism
        self.username = username
        self.password = password
        self.tokenAuthentication = tokenAuthentication
    }

    public init(properties: [String: String]) throws {
        let jaas = try properties["sasl.jaas.config"].map(JAASConfig.parse)
        if let jaas, jaas.moduleName != "PlainLoginModule", jaas.moduleName != "ScramLoginModule" {
            throw KafkactlError(
                .usage,
                "sasl.jaas.config uses \(jaas.loginModule), which kafkactl does not support: use PlainLoginModule or ScramLoginModule (SASL \(SASLMechanism.supportedList))")
        }
        // PlainLoginModule can only mean PLAIN; SCRAM needs the hash named, as Kafka's clients do.
        let inferred = jaas?.moduleName == "PlainLoginModule" ? "PLAIN" : nil
        guard let name = properties["sasl.mechanism"] ?? properties["sasl.mechanisms"] ?? inferred else {
            throw KafkactlError(
                .usage,
                "security.protocol is SASL but sasl.mechanism is not set: set it to one of \(SASLMechanism.supportedList) (Kafka's default, GSSAPI, is not supported)")
        }
        guard let mechanism = SASLMechanism(name: name) else {
            throw KafkactlError(
                .usage, "unsupported sasl.mechanism '\(name)': kafkactl supports \(SASLMechanism.supportedList)")
        }
        let username = properties["sasl.username"].flatMap { $0.isEmpty ? nil : $0 } ?? jaas?.options["username"]
        let password = properties["sasl.password"] ?? jaas?.options["password"]
        guard let username, !username.isEmpty, let password else {
            let missing = username?.isEmpty == false ? "a password" : password == nil ? "a username and a password" : "a username"
            throw KafkactlError(
                .usage,
                "SASL \(mechanism.rawValue) needs \(missing): set sasl.jaas.config (\(mechanism == .plain ? "PlainLoginModule" : "ScramLoginModule") required username=\"...\" password=\"...\";) or sasl.username and sasl.password")
        }
        self.init(
            mechanism: mechanism, username: username, password: Secret(password),
            tokenAuthentication: jaas?.options["tokenauth"]?.lowercased() == "true")
    }
}
