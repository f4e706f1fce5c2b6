import AdminCore

#if canImport(Glibc)
import Glibc
#endif

/// `kafkactl configs` for users, clients and ips: their client quotas (DescribeClientQuotas, AlterClientQuotas),
/// and users' SCRAM credentials (DescribeUserScramCredentials, AlterUserScramCredentials), as kafka-configs.sh
/// describes and alters them (cli-parity §6).
extension Configs {
    func runClientQuotaCommand(_ entities: ConfigEntityList, in context: CommandContext) async throws {
        let target = try QuotaTarget(entities)
        if alter {
            let edit = try QuotaEdit(target: target, edits: try requestedEdits())
            let configuration = try connection.clientConfiguration()
            try await context.withClient(configuration) { client in
                try await apply(edit, target: target, admin: AdminClient(client: client), context: context)
            }
            // Kafka's wording: the first type without its plural `s`, and the first name.
            let (type, name) = (entities.types[0], entities.names[0])
            try context.print(name.isEmpty ? "Completed updating default config for \(type) in the cluster."
                                           : "Completed updating config for \(type.dropLast()) \(name).")
            return
        }
        let configuration = try connection.clientConfiguration()
        try await context.withClient(configuration) { client in
            try await describeQuotas(target, admin: AdminClient(client: client), context: context)
        }
    }

    private func apply(_ edit: QuotaEdit, target: QuotaTarget, admin: AdminClient, context: CommandContext) async throws {
        switch edit {
        case .quotas(let changes):
            // nil: the quotas could not be read (the diff shows `?`); no entity: none are set.
            let before = try? await admin.describeClientQuotas(target.filter).first?.values ?? []
            try await admin.alterClientQuotas(target.entity, changes: changes)
            let after = try? await admin.describeClientQuotas(target.filter).first?.values ?? []
            // The change as the broker reports it, on stderr: stdout keeps exactly what Kafka's tool prints.
            for change in changes {
                context.printError("  \(change.key): \(Self.render(before, change.key)) -> \(Self.render(after, change.key))")
            }
        case .scram(let deletions, let upsertions):
            try await admin.alterUserScramCredentials(deletions: deletions, upsertions: upsertions)
        }
    }

    /// A quota's value in the diff: `(none)` when the entity has no such quota, `?` when it could not be read.
    static func render(_ values: [(key: String, value: Double)]?, _ key: String) -> String {
        guard let values else { return "?" }
        guard let value = values.first(where: { $0.key == key })?.value else { return "(none)" }
        return JavaText.double(value)
    }

    private func describeQuotas(_ target: QuotaTarget, admin: AdminClient, context: CommandContext) async throws {
        let quotas = try await admin.describeClientQuotas(target.filter)
        // Kafka's tool shows SCRAM credentials for users alone (no client id) and never for the default user.
        var credentials: [UserScramCredentials]?
        if target.parts.map(\.kind) == [.user] && target.parts[0].name != "" {
            // A user without credentials is not listed at all: Kafka's admin client leaves RESOURCE_NOT_FOUND
            // users out of DescribeUserScramCredentialsResult.users().
            credentials = try await admin.describeUserScramCredentials(target.parts[0].name.map { [$0] } ?? [])
                .filter { if case .failure(let error) = $0.result { error.code != .resourceNotFound } else { true } }
        }
        if output.isJSON {
            var document: [(String, JSON)] = [("quotas", .array(quotas.map(Self.json)))]
            if let credentials { document.append(("scramCredentials", .array(credentials.map(Self.json)))) }
            try context.print(JSON.object(document).serialized())
            return
        }
        for quota in quotas {
            let values = JavaText.hashMapOrder(quota.values).map { "\($0.key)=\(JavaText.double($0.value))" }
            try context.print("Quota configs for \(Self.text(quota.entity)) are \(values.joined(separator: ", "))")
        }
        for user in credentials ?? [] {
            switch user.result {
            case .success(let infos):
                let text = infos.map { "\($0.mechanism?.name ?? "UNKNOWN")=iterations=\($0.iterations)" }.joined(separator: ", ")
                try context.print("SCRAM credential configs for user-principal '\(user.user)' are \(text)")
            case .failure(let error):
                // On stdout, and the command goes on, as Kafka's tool does when one user cannot be described.
                try context.print("Error retrieving SCRAM credential configs for user-principal '\(user.user)': \(error.message)")
            }
        }
    }

    /// `user-principal 'alice', client-id 'app'`, `the default ip`: Kafka's words, user first, then client id, then ip.
    static func text(_ entity: ClientQuotaEntity) -> String {
        ClientQuotaEntity.Kind.allCases.compactMap { kind in
            guard let part = entity.parts.first(where: { $0.kind == kind }) else { return nil }
            let word = kind == .user ? "user-principal" : kind.rawValue
            return part.name.map { "\(word) '\($0)'" } ?? "the default \(word)"
        }.joined(separator: ", ")
    }

    static func json(_ quotas: ClientQuotas) -> JSON {
        .object([
            ("entity", .array(quotas.entity.parts.map { .object([("type", .string($0.kind.rawValue)), ("name", .optional($0.name))]) })),
            ("configs", .array(quotas.values.map { .object([("name", .string($0.key)), ("value", .double($0.value))]) })),
        ])
    }

    static func json(_ user: UserScramCredentials) -> JSON {
        switch user.result {
        case .success(let infos):
            return .object([("user", .string(user.user)), ("credentials", .array(infos.map {
                .object([("mechanism", .string($0.mechanism?.name ?? "UNKNOWN")), ("iterations", .integer(Int64($0.iterations)))])
            }))])
        case .failure(let error):
            return .object([("user", .string(user.user)), ("error", .string(error.message))])
        }
    }
}

/// The quota entity the flags name: a user, a client id, a user's client id, or an IP address; each part named,
/// the default (""), or, for describe, not given (nil: every entity of the kind).
struct QuotaTarget {
    var parts: [(kind: ClientQuotaEntity.Kind, name: String?)]

    init(_ entities: ConfigEntityList) throws {
        let kinds: [String: ClientQuotaEntity.Kind] = ["users": .user, "clients": .clientId, "ips": .ip]
        parts = entities.pairs.map { (kinds[$0.type]!, $0.name) }
        for case (.ip, let name?) in parts where !name.isEmpty && !Self.isIPAddress(name) {
            // Kafka's tool also takes a host name and resolves it; a quota is kept per address, so ask for one.
            throw KafkactlUsageError("The entity name for ips must be a valid IP address, but it is: \(name)")
        }
    }

    /// Kafka's tool describes with a strict filter: a user's own quotas, not those of the user's client ids.
    var filter: ClientQuotaFilter {
        ClientQuotaFilter(parts.map { part in
            .init(part.kind, part.name.map { $0.isEmpty ? .defaultEntity : .name($0) } ?? .any)
        }, strict: true)
    }

    /// The entity to alter: every part must have a name or be the default.
    var entity: ClientQuotaEntity {
        ClientQuotaEntity(parts.map { .init($0.kind, $0.name.flatMap { $0.isEmpty ? nil : $0 }) })
    }

    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}

/// What `--alter` asks of a quota entity, checked as kafka-configs.sh checks it before anything is sent: quota
/// changes, or (for a user alone) SCRAM credential changes, never both.
enum QuotaEdit {
    case quotas([ClientQuotaChange])
    case scram(deletions: [(user: String, mechanism: ScramMechanism)], upsertions: [ScramCredentialUpsertion])

    init(target: QuotaTarget, edits: (sets: [(String, String)], deletes: [String])) throws {
        let kinds = target.parts.map(\.kind)
        guard target.parts.allSatisfy({ $0.name != nil }) else {
            if target.parts.allSatisfy({ $0.name == nil }) {
                throw KafkactlUsageError("An entity-name or default entity must be specified with --alter of users, clients, brokers or ips")
            }
            throw KafkactlUsageError("Exactly one entity name must be specified for every entity type")
        }
        let quotaKeys = kinds == [.ip] ? ClientQuotaKeys.ip : ClientQuotaKeys.client
        let addedKeys = edits.sets.map(\.0)
        let unknownAdded = addedKeys.filter { !quotaKeys.contains($0) && ScramMechanism(name: $0) == nil }
        let unknownDeleted = edits.deletes.filter { !quotaKeys.contains($0) && ScramMechanism(name: $0) == nil }
        let scramAdded = edits.sets.filter { ScramMechanism(name: $0.0) != nil }
        let scramDeleted = edits.deletes.filter { ScramMechanism(name: $0) != nil }
        let hasQuotaEdits = addedKeys.contains(where: quotaKeys.contains) || edits.deletes.contains(where: quotaKeys.contains)

        switch kinds {
        case [.ip]:
            let unknown = (addedKeys + edits.deletes).filter { !quotaKeys.contains($0) }
            if !unknown.isEmpty {
                throw KafkactlUsageError("Only connection quota configs can be added for 'ips' using --bootstrap-server. Unexpected config names: \(unknown.joined(separator: ",")) (the one ip quota is connection_creation_rate)")
            }
        case [.user]:
            if !unknownAdded.isEmpty {
                throw KafkactlUsageError("Only quota and SCRAM credential configs can be added for 'users' using --bootstrap-server. Unexpected config names: \(unknownAdded.joined(separator: ",")) (quotas: \(quotaKeys.joined(separator: ", ")); SCRAM-SHA-256, SCRAM-SHA-512)")
            }
            if !unknownDeleted.isEmpty {
                throw KafkactlUsageError("Only quota and SCRAM credential configs can be deleted for 'users' using --bootstrap-server. Unexpected config names: \(unknownDeleted.joined(separator: ","))")
            }
            if !scramAdded.isEmpty || !scramDeleted.isEmpty {
                if target.parts[0].name == "" {
                    throw KafkactlUsageError("The use of --entity-default or --user-defaults is not allowed with User SCRAM Credentials using --bootstrap-server.")
                }
                if hasQuotaEdits {
                    throw KafkactlUsageError("Cannot alter both quota and SCRAM credential configs simultaneously for 'users' using --bootstrap-server.")
                }
                let user = target.parts[0].name!
                self = .scram(
                    deletions: scramDeleted.map { (user, ScramMechanism(name: $0)!) },
                    upsertions: try scramAdded.map { key, spec in
                        let mechanism = ScramMechanism(name: key)!
                        let (iterations, password) = try Self.scramSpec(spec, mechanism: mechanism)
                        return try ScramCredentialUpsertion(user: user, mechanism: mechanism, iterations: iterations, password: password)
                    })
                return
            }
        default:
            // clients, or a user's client id: quotas only.
            if !unknownAdded.isEmpty || !scramAdded.isEmpty {
                throw KafkactlUsageError("Only quota configs can be added for 'clients' using --bootstrap-server. Unexpected config names: \((unknownAdded + scramAdded.map(\.0)).joined(separator: ",")) (quotas: \(quotaKeys.joined(separator: ", ")))")
            }
            if !unknownDeleted.isEmpty || !scramDeleted.isEmpty {
                throw KafkactlUsageError("Only quota configs can be deleted for 'clients' using --bootstrap-server. Unexpected config names: \((unknownDeleted + scramDeleted).joined(separator: ","))")
            }
        }
        self = .quotas(try edits.sets.map { key, value in
            // Java's Double parsing takes surrounding spaces; NaN and infinities are no rate.
            guard let number = Double(value.trimmingCharacters(in: " ")), number.isFinite else {
                throw KafkactlUsageError("Cannot parse quota configuration value for \(key): \(value)")
            }
            return .set(key, number)
        } + edits.deletes.map(ClientQuotaChange.remove))
    }

    /// `[iterations=N,]password=TEXT` as Kafka's tool reads it (its regex `(?:iterations=(-?[0-9]*),)?password=(.*)`):
    /// the password is everything after `password=`, commas included; -1 or no count means 4096.
    /// Messages never repeat the spec: it holds the password.
    static func scramSpec(_ spec: String, mechanism: ScramMechanism) throws -> (Int, Secret) {
        let invalid = KafkactlUsageError("Invalid credential property \(mechanism.name): expected \(mechanism.name)=[iterations=N,password=PASSWORD] or \(mechanism.name)=[password=PASSWORD] (the value is not shown: it holds a password)")
        var iterations = ScramMechanism.defaultIterations
        var rest = Substring(spec)
        if rest.hasPrefix("iterations="), let comma = rest.firstIndex(of: ","),
           rest[rest.index(after: comma)...].hasPrefix("password=") {
            let count = rest[rest.index(rest.startIndex, offsetBy: "iterations=".count)..<comma]
            let digits = count.hasPrefix("-") ? count.dropFirst() : count
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let value = Int(count) else { throw invalid }
            if value != -1 { iterations = value }
            rest = rest[rest.index(after: comma)...]
        }
        guard rest.hasPrefix("password=") else { throw invalid }
        if iterations < ScramMechanism.minimumIterations {
            throw KafkactlUsageError("Iterations \(iterations) is less than the minimum \(ScramMechanism.minimumIterations) required for \(mechanism.name)")
        }
        return (iterations, Secret(String(rest.dropFirst("password=".count))))
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
