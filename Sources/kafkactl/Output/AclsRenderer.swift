import AdminCore

/// acls' output: kafka-acls.sh's lines (resources sorted, where Apache's order is a hash map's), or one JSON
/// document: `{"acls": [...]}` for --list, `{"added": [...], "existing": [...]}` for --add, `{"removed": [...]}`
/// for --remove, each ACL an object of resource_type, resource_name, pattern_type, principal, host, operation and
/// permission_type, by Kafka's enum names.
struct AclsRenderer {
    var json: Bool

    func list(_ bindings: [AclBinding], principals: [String], on context: CommandContext) throws {
        if json {
            let kept = principals.isEmpty ? bindings : bindings.filter { principals.contains($0.entry.principal ?? "") }
            try context.print(JSON.object([("acls", Self.array(kept))]).serialized())
            return
        }
        guard !principals.isEmpty else { return try printResources(bindings, on: context) }
        for principal in principals {
            try context.print("ACLs for principal `\(principal)`")
            try printResources(bindings.filter { $0.entry.principal == principal }, on: context)
        }
    }

    /// `Current ACLs for resource `ResourcePattern(...)`:` then each entry after a tab, then a blank line.
    private func printResources(_ bindings: [AclBinding], on context: CommandContext) throws {
        for (resource, entries) in Dictionary(grouping: bindings, by: \.pattern).sorted(by: { $0.key < $1.key }) {
            try context.print("Current ACLs for resource `\(resource)`:\n\(Set(entries.map(\.entry)).sorted().map { "\t\($0)" }.joined(separator: "\n"))\n")
        }
    }

    /// kafka-acls.sh's lines for --add: `Acl ... already exists.` for each present one, then per resource
    /// `Adding ACLs for resource `...`: ` and the entries, the first after " \t" and the rest after "\t".
    func added(_ bindings: [AclBinding], existing: [AclBinding], on context: CommandContext) throws {
        if json {
            try context.print(JSON.object([("added", Self.array(bindings)), ("existing", Self.array(existing))]).serialized())
            return
        }
        for binding in existing { try context.print("Acl \(binding) already exists.") }
        for (resource, entries) in Dictionary(grouping: bindings, by: \.pattern).sorted(by: { $0.key < $1.key }) {
            try context.print("Adding ACLs for resource `\(resource)`: \n \(entries.map { "\t\($0.entry)" }.joined(separator: "\n"))\n")
        }
    }

    /// kafka-acls.sh prints nothing once ACLs are removed; JSON names what went.
    func removed(_ bindings: [AclBinding], on context: CommandContext) throws {
        guard json else { return }
        try context.print(JSON.object([("removed", Self.array(bindings.sorted()))]).serialized())
    }

    static func array(_ bindings: [AclBinding]) -> JSON {
        .array(bindings.map { binding in
            .object([
                ("resource_type", .string(binding.pattern.resourceType.name)),
                ("resource_name", .string(binding.pattern.name ?? "")),
                ("pattern_type", .string(binding.pattern.patternType.name)),
                ("principal", .string(binding.entry.principal ?? "")),
                ("host", .string(binding.entry.host ?? "")),
                ("operation", .string(binding.entry.operation.name)),
                ("permission_type", .string(binding.entry.permission.name)),
            ])
        })
    }
}
