/// Who a client quota applies to: a user, a client id, a user's client id, or an IP address, each part named or
/// the default entity of its kind (Kafka's ClientQuotaEntity).
public struct ClientQuotaEntity: Sendable, Hashable, CustomStringConvertible {
    /// The kinds of entity a quota can name, as the protocol spells them.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case user = "user"
        case clientId = "client-id"
        case ip = "ip"
    }

    public struct Part: Sendable, Hashable {
        public var kind: Kind
        /// nil: the default entity of the kind.
        public var name: String?

        public init(_ kind: Kind, _ name: String?) {
            self.kind = kind
            self.name = name
        }
    }

    /// At most one part per kind; the order given is kept.
    public var parts: [Part]

    public init(_ parts: [Part]) {
        self.parts = parts
    }

    public var description: String {
        parts.map { "\($0.kind.rawValue) \($0.name.map { "'\($0)'" } ?? "(default)")" }.joined(separator: ", ")
    }
}

/// Which entities a quota description covers: per kind, one name, the default entity, or any entity of the kind.
public struct ClientQuotaFilter: Sendable, Hashable {
    public enum Match: Sendable, Hashable {
        case name(String)
        case defaultEntity
        case any
    }

    public struct Component: Sendable, Hashable {
        public var kind: ClientQuotaEntity.Kind
        public var match: Match

        public init(_ kind: ClientQuotaEntity.Kind, _ match: Match) {
            self.kind = kind
            self.match = match
        }
    }

    public var components: [Component]
    /// Only entities made of exactly these kinds: a user's own quotas, not those of the user's client ids.
    public var strict: Bool

    public init(_ components: [Component], strict: Bool) {
        self.components = components
        self.strict = strict
    }
}

/// The quotas set on one entity, in the order the broker listed them.
public struct ClientQuotas: Sendable, Hashable {
    public var entity: ClientQuotaEntity
    public var values: [(key: String, value: Double)]

    public init(entity: ClientQuotaEntity, values: [(key: String, value: Double)]) {
        self.entity = entity
        self.values = values
    }

    public static func == (lhs: ClientQuotas, rhs: ClientQuotas) -> Bool {
        lhs.entity == rhs.entity && lhs.values.elementsEqual(rhs.values) { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entity)
        for (key, value) in values { hasher.combine(key); hasher.combine(value) }
    }
}

/// One change to an entity's quotas.
public enum ClientQuotaChange: Sendable, Hashable {
    case set(String, Double)
    case remove(String)

    public var key: String {
        switch self {
        case .set(let key, _), .remove(let key): return key
        }
    }
}

/// The quota keys Kafka's brokers know, by the entity kinds they apply to (Kafka's QuotaConfig).
public enum ClientQuotaKeys {
    /// For users, client ids and users' client ids.
    public static let client = ["producer_byte_rate", "consumer_byte_rate", "request_percentage", "controller_mutation_rate"]
    /// For IP addresses.
    public static let ip = ["connection_creation_rate"]
}
