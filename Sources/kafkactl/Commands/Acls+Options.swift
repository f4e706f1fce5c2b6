import AdminCore
import ArgumentParser

/// What acls' flags mean: kafka-acls.sh's option rules, with its messages, turned into a plan before anything is
/// sent, and the entries each resource gets.
extension Acls {
    func validate() throws {
        _ = try plan()
    }

    /// The parsed command line: what to do, to which resources, with which entries. Every rule of kafka-acls.sh's
    /// option checks is applied here, before anything is sent, each as one line naming the flag.
    func plan() throws -> AclPlan {
        let actions = [(list, AclPlan.Action.list), (add, .add), (remove, .remove)].filter(\.0)
        guard actions.count == 1 else {
            throw ValidationError("Command must include exactly one action: --list, --add, --remove")
        }
        let action = actions[0].1
        guard let patternType = AclPatternType(name: resourcePatternType) else {
            throw ValidationError("Unknown resource-pattern-type: \(resourcePatternType) (use literal, prefixed, match or any)")
        }
        try checkCombinations(action)
        let resources = resources(patternType)
        if action == .list {
            let principals = try listPrincipal.map { try Self.principal($0, flag: "--principal") }
            return AclPlan(action: action, entries: Dictionary(uniqueKeysWithValues: resources.map { ($0, []) }), listPrincipals: principals)
        }
        if resources.isEmpty {
            throw ValidationError("You must provide at least one resource: --topic <topic> or --cluster or --group <group> or --transactional-id <id> or --delegation-token <Delegation Token ID> or --user-principal <principal>")
        }
        if action == .add && !patternType.isSpecific {
            throw ValidationError("A '--resource-pattern-type' value of '\(patternType.name)' is not valid when adding acls (use literal or prefixed).")
        }
        let entries = try entries(on: resources)
        if action == .add && entries.values.contains(where: \.isEmpty) {
            throw ValidationError("You must specify one of: --allow-principal, --deny-principal when trying to add ACLs.")
        }
        return AclPlan(action: action, entries: entries, listPrincipals: [])
    }

    /// kafka-acls.sh's rules on which flags go together (and kafkactl's few more, where Kafka's tool would do more
    /// than was asked).
    func checkCombinations(_ action: AclPlan.Action) throws {
        if action == .list {
            let entryFlags = [(producer, "--producer"), (consumer, "--consumer"), (!allowPrincipal.isEmpty, "--allow-principal"),
                              (!denyPrincipal.isEmpty, "--deny-principal"), (!allowHost.isEmpty, "--allow-host"),
                              (!denyHost.isEmpty, "--deny-host"), (!operation.isEmpty, "--operation"), (force, "--force")]
            if let used = entryFlags.first(where: \.0) {
                let hint = used.1.hasSuffix("-principal") ? " (use --principal to list one principal's ACLs)" : ""
                throw ValidationError("--list cannot be used with \(used.1)\(hint)")
            }
        } else if !listPrincipal.isEmpty {
            throw ValidationError("The --principal option is only available if --list is set")
        }
        for (role, used) in [("--producer", producer), ("--consumer", consumer)] where used {
            let inferred = [(!operation.isEmpty, "--operation"), (!denyPrincipal.isEmpty, "--deny-principal"), (!denyHost.isEmpty, "--deny-host")]
            if let clash = inferred.first(where: \.0) {
                throw ValidationError("\(role) cannot be used with \(clash.1): it decides the operations and only allows")
            }
        }
        if producer && topic.isEmpty { throw ValidationError("With --producer you must specify a --topic") }
        if idempotent && !producer { throw ValidationError("The --idempotent option is only available if --producer is set") }
        if consumer && (topic.isEmpty || group.isEmpty || (!producer && (cluster || !transactionalId.isEmpty))) {
            throw ValidationError("With --consumer you must specify a --topic and a --group and no --cluster or --transactional-id option should be specified.")
        }
        // Without a principal kafka-acls.sh --remove ignores --operation and removes every ACL of the resource;
        // kafkactl refuses rather than remove more than was named.
        if action == .remove && !operation.isEmpty && allowPrincipal.isEmpty && denyPrincipal.isEmpty {
            throw ValidationError("--operation needs --allow-principal or --deny-principal (without one, --remove removes every ACL of the resource)")
        }
        if !allowHost.isEmpty && allowPrincipal.isEmpty { throw ValidationError("--allow-host needs --allow-principal") }
        if !denyHost.isEmpty && denyPrincipal.isEmpty { throw ValidationError("--deny-host needs --deny-principal") }
        for (flag, values) in [("--topic", topic), ("--group", group), ("--transactional-id", transactionalId),
                               ("--delegation-token", delegationToken), ("--user-principal", userPrincipal), ("--allow-host", allowHost),
                               ("--deny-host", denyHost)] {
            if values.contains(where: { $0.trimmingCharacters(in: " ").isEmpty }) {
                throw ValidationError("\(flag) needs a value (a name, or '*' for all)")
            }
        }
        if action == .remove && output.isJSON && !force {
            throw ValidationError("--remove with --output json needs --force (the question would not be JSON)")
        }
    }

    /// The entries for each resource (Kafka's getResourceFilterToAcls): the --operation ones, or the roles' own,
    /// each checked against what the resource type supports.
    func entries(on resources: [AclResourcePattern]) throws -> [AclResourcePattern: Set<AclEntry>] {
        var entries: [AclResourcePattern: Set<AclEntry>] = [:]
        if !producer && !consumer {
            let operations = try operation.isEmpty ? [.all] : operation.map { try Self.operation($0) }
            let acl = try entriesFor(Set(operations))
            for resource in resources { entries[resource] = acl }
        }
        if producer {
            for resource in resources where resource.resourceType == .topic { entries[resource] = try entriesFor([.write, .describe, .create]) }
            for resource in resources where resource.resourceType == .transactionalId { entries[resource] = try entriesFor([.write, .describe]) }
            if idempotent { entries[.cluster] = try entriesFor([.idempotentWrite]) }
        }
        if consumer {
            for resource in resources where resource.resourceType == .topic { entries[resource, default: []].formUnion(try entriesFor([.read, .describe])) }
            for resource in resources where resource.resourceType == .group { entries[resource, default: []].formUnion(try entriesFor([.read])) }
        }
        for (resource, acl) in entries {
            let supported = resource.resourceType.supportedOperations + [.all]
            if acl.contains(where: { !supported.contains($0.operation) }) {
                throw ValidationError("ResourceType \(resource.resourceType.name) only supports operations \(supported.map(\.operationName).joined(separator: ","))")
            }
        }
        return entries
    }

    /// The resource patterns the flags name (Kafka's getResourceFilter): the cluster only with a literal pattern,
    /// as Kafka has one cluster resource, named literally.
    func resources(_ patternType: AclPatternType) -> [AclResourcePattern] {
        var result: Set<AclResourcePattern> = []
        for name in topic { result.insert(.init(.topic, name.trimmingCharacters(in: " "), patternType)) }
        if patternType == .literal && (cluster || idempotent) { result.insert(.cluster) }
        for name in group { result.insert(.init(.group, name.trimmingCharacters(in: " "), patternType)) }
        for name in transactionalId { result.insert(.init(.transactionalId, name, patternType)) }
        for name in delegationToken { result.insert(.init(.delegationToken, name.trimmingCharacters(in: " "), patternType)) }
        for name in userPrincipal { result.insert(.init(.user, name.trimmingCharacters(in: " "), patternType)) }
        return result.sorted()
    }

    /// Each principal allowed (or denied) each operation from each host; hosts default to '*' (Kafka's getAcl).
    func entriesFor(_ operations: Set<AclOperation>) throws -> Set<AclEntry> {
        var result: Set<AclEntry> = []
        for (principals, hosts, permission, flag) in [(allowPrincipal, allowHost, AclPermissionType.allow, "--allow-principal"),
                                                      (denyPrincipal, denyHost, .deny, "--deny-principal")] {
            let hosts = hosts.isEmpty ? ["*"] : hosts.map { $0.trimmingCharacters(in: " ") }
            for principal in principals {
                let parsed = try Self.principal(principal, flag: flag)
                for operation in operations {
                    for host in hosts { result.insert(AclEntry(principal: parsed, host: host, operation: operation, permission: permission)) }
                }
            }
        }
        return result
    }

    /// A principal as Kafka's SecurityUtils.parseKafkaPrincipal reads it: `type:name`.
    static func principal(_ text: String, flag: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: " ")
        guard let colon = trimmed.firstIndex(of: ":"), colon != trimmed.startIndex else {
            throw ValidationError("\(flag) '\(text)': expected a string in format principalType:principalName (User:alice)")
        }
        return trimmed
    }

    static func operation(_ text: String) throws -> AclOperation {
        guard let operation = AclOperation(operationName: text.trimmingCharacters(in: " ")) else {
            let names = AclOperation.allCases.filter { $0 != .any }.map(\.operationName).joined(separator: ", ")
            throw ValidationError("--operation '\(text)' is not an ACL operation: use one of \(names)")
        }
        return operation
    }
}

/// What an acls command line asks for: the action and, per resource, the entries to add or remove (none: every
/// entry of the resource), or for --list the resources to list and the principals to keep.
struct AclPlan: Equatable {
    enum Action { case list, add, remove }
    var action: Action
    var entries: [AclResourcePattern: Set<AclEntry>]
    var listPrincipals: [String]
}
