/// The SCRAM mechanisms a user's credentials can be stored for, with the ids the protocol uses.
public enum ScramMechanism: Int8, Sendable, CaseIterable {
    case sha256 = 1
    case sha512 = 2

    /// `SCRAM-SHA-256` or `SCRAM-SHA-512`: the config key kafka-configs.sh uses and the SASL mechanism name.
    public var name: String { self == .sha256 ? "SCRAM-SHA-256" : "SCRAM-SHA-512" }

    public init?(name: String) {
        guard let mechanism = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = mechanism
    }

    /// Kafka's floor for both mechanisms (ScramMechanism.minIterations), also what RFC 7677 recommends.
    public static let minimumIterations = 4096
    /// What kafka-configs.sh uses when the spec gives no iteration count.
    public static let defaultIterations = 4096

    var hash: SCRAMClient.Hash { self == .sha256 ? .sha256 : .sha512 }
}

/// A user's credential for one mechanism, as the broker stores it: the password never leaves the client, only
/// a fresh random salt and the salted password derived from both.
public struct ScramCredentialUpsertion: Sendable {
    public var user: String
    public var mechanism: ScramMechanism
    public var iterations: Int
    public var salt: [UInt8]
    public var saltedPassword: [UInt8]

    /// - Parameter salt: nil for a random one (tests pass a fixed salt to get known bytes).
    public init(user: String, mechanism: ScramMechanism, iterations: Int, password: Secret, salt: [UInt8]? = nil) throws {
        self.user = user
        self.mechanism = mechanism
        self.iterations = iterations
        // The Java client's salt is random too; its length is not part of the protocol.
        let salt = salt ?? Self.randomSalt()
        self.salt = salt
        self.saltedPassword = try SCRAMClient.saltedPassword(password, salt: salt, iterations: iterations, hash: mechanism.hash)
    }

    static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}

/// The SCRAM credentials one user has, or why they could not be read.
public struct UserScramCredentials: Sendable, Equatable {
    public var user: String
    public var result: Result<[Credential], KafkactlError>

    public struct Credential: Sendable, Hashable {
        /// nil: an id this version of kafkactl does not know (a newer mechanism).
        public var mechanism: ScramMechanism?
        public var mechanismId: Int8
        public var iterations: Int
    }
}
