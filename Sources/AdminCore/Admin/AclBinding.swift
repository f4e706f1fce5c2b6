/// Kafka's ACL vocabulary (org.apache.kafka.common.acl and .resource): the wire codes and Apache's names, which
/// kafka-acls.sh prints (`ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`).

/// What kind of resource an ACL guards. `any` only appears in filters.
public enum AclResourceType: Int8, Sendable, Hashable, CaseIterable, Comparable {
    case any = 1, topic = 2, group = 3, cluster = 4, transactionalId = 5, delegationToken = 6, user = 7

    /// Apache's enum name, as kafka-acls.sh prints it.
    public var name: String {
        switch self {
        case .any: return "ANY"
        case .topic: return "TOPIC"
        case .group: return "GROUP"
        case .cluster: return "CLUSTER"
        case .transactionalId: return "TRANSACTIONAL_ID"
        case .delegationToken: return "DELEGATION_TOKEN"
        case .user: return "USER"
        }
    }

    /// The operations an ACL on this resource can grant (Kafka's AclEntry.supportedOperations), ALL aside.
    public var supportedOperations: [AclOperation] {
        switch self {
        case .topic: return [.read, .write, .create, .delete, .alter, .describe, .describeConfigs, .alterConfigs]
        case .group: return [.read, .delete, .describe, .describeConfigs, .alterConfigs]
        case .cluster: return [.create, .alter, .describe, .clusterAction, .describeConfigs, .alterConfigs, .idempotentWrite]
        case .transactionalId: return [.write, .describe, .twoPhaseCommit]
        case .delegationToken: return [.describe]
        case .user: return [.createTokens, .describeTokens]
        case .any: return []
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a resource name is matched. `literal` and `prefixed` are patterns; `any` and `match` only filter.
public enum AclPatternType: Int8, Sendable, Hashable, CaseIterable, Comparable {
    case any = 1, match = 2, literal = 3, prefixed = 4

    public var name: String {
        switch self {
        case .any: return "ANY"
        case .match: return "MATCH"
        case .literal: return "LITERAL"
        case .prefixed: return "PREFIXED"
        }
    }

    /// A pattern a binding can have (Kafka's PatternType.isSpecific).
    public var isSpecific: Bool { self == .literal || self == .prefixed }

    /// Parses kafka-acls.sh's --resource-pattern-type value (Kafka's enum names, any case).
    public init?(name: String) {
        guard let found = Self.allCases.first(where: { $0.name == name.uppercased() }) else { return nil }
        self = found
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What an ACL allows or denies. `any` only appears in filters.
public enum AclOperation: Int8, Sendable, Hashable, CaseIterable, Comparable {
    case any = 1, all = 2, read = 3, write = 4, create = 5, delete = 6, alter = 7, describe = 8, clusterAction = 9
    case describeConfigs = 10, alterConfigs = 11, idempotentWrite = 12, createTokens = 13, describeTokens = 14
    case twoPhaseCommit = 15

    /// Apache's enum name (`IDEMPOTENT_WRITE`), as ACLs are printed.
    public var name: String {
        switch self {
        case .any: return "ANY"
        case .all: return "ALL"
        case .read: return "READ"
        case .write: return "WRITE"
        case .create: return "CREATE"
        case .delete: return "DELETE"
        case .alter: return "ALTER"
        case .describe: return "DESCRIBE"
        case .clusterAction: return "CLUSTER_ACTION"
        case .describeConfigs: return "DESCRIBE_CONFIGS"
        case .alterConfigs: return "ALTER_CONFIGS"
        case .idempotentWrite: return "IDEMPOTENT_WRITE"
        case .createTokens: return "CREATE_TOKENS"
        case .describeTokens: return "DESCRIBE_TOKENS"
        case .twoPhaseCommit: return "TWO_PHASE_COMMIT"
        }
    }

    /// The name kafka-acls.sh's --operation takes (`IdempotentWrite`, Kafka's SecurityUtils.operationName).
    public var operationName: String {
        name.split(separator: "_").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined()
    }

    /// Parses an --operation value as Kafka's SecurityUtils.operation does: the Pascal-case name, or the same
    /// upper-cased (`Read`, `READ`, `IdempotentWrite`, `IDEMPOTENTWRITE`). `ANY` is a filter, not an operation.
    public init?(operationName: String) {
        guard let found = Self.allCases.first(where: {
            $0 != .any && ($0.operationName == operationName || $0.operationName.uppercased() == operationName.uppercased())
        }) else { return nil }
        self = found
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Whether an ACL allows or denies. `any` only appears in filters.
public enum AclPermissionType: Int8, Sendable, Hashable, CaseIterable, Comparable {
    case any = 1, deny = 2, allow = 3

    public var name: String {
        switch self {
        case .any: return "ANY"
        case .deny: return "DENY"
        case .allow: return "ALLOW"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A resource an ACL is attached to (Kafka's ResourcePattern); as a filter, `name` nil matches any name.
public struct AclResourcePattern: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var resourceType: AclResourceType
    public var name: String?
    public var patternType: AclPatternType

    public init(_ resourceType: AclResourceType, _ name: String?, _ patternType: AclPatternType = .literal) {
        self.resourceType = resourceType
        self.name = name
        self.patternType = patternType
    }

    /// The cluster resource: Kafka names it `kafka-cluster`.
    public static let cluster = AclResourcePattern(.cluster, "kafka-cluster", .literal)

    /// Kafka's ResourcePattern(Filter).toString, which kafka-acls.sh prints.
    public var description: String {
        "ResourcePattern(resourceType=\(resourceType.name), name=\(name ?? "<any>"), patternType=\(patternType.name))"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.resourceType, lhs.name ?? "", lhs.patternType) < (rhs.resourceType, rhs.name ?? "", rhs.patternType)
    }
}

/// Who may (or may not) do what from where (Kafka's AccessControlEntry); as a filter, nil matches anything.
public struct AclEntry: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var principal: String?
    public var host: String?
    public var operation: AclOperation
    public var permission: AclPermissionType

    public init(principal: String?, host: String?, operation: AclOperation, permission: AclPermissionType) {
        self.principal = principal
        self.host = host
        self.operation = operation
        self.permission = permission
    }

    /// Matches every entry.
    public static let any = AclEntry(principal: nil, host: nil, operation: .any, permission: .any)

    /// Kafka's AccessControlEntryData.toString, which kafka-acls.sh prints.
    public var description: String {
        "(principal=\(principal ?? "<any>"), host=\(host ?? "<any>"), operation=\(operation.name), permissionType=\(permission.name))"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.principal ?? "", lhs.host ?? "", lhs.operation, lhs.permission)
            < (rhs.principal ?? "", rhs.host ?? "", rhs.operation, rhs.permission)
    }
}

/// One ACL: an entry on a resource pattern (Kafka's AclBinding); as a filter, its parts may match anything.
public struct AclBinding: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var pattern: AclResourcePattern
    public var entry: AclEntry

    public init(_ pattern: AclResourcePattern, _ entry: AclEntry) {
        self.pattern = pattern
        self.entry = entry
    }

    public var description: String { "(pattern=\(pattern), entry=\(entry))" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.pattern, lhs.entry) < (rhs.pattern, rhs.entry) }
}
