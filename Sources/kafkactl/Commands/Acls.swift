import AdminCore
import ArgumentParser

/// `kafkactl acls`: kafka-acls.sh. Lists, adds and removes ACL bindings with Apache's flags, rules and lines;
/// `--output json` prints one document instead.
struct Acls: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "acls",
        abstract: "List, add and remove ACLs (kafka-acls.sh).",
        discussion: """
            Exactly one of --list, --add or --remove. A resource is --topic, --group, --transactional-id, --delegation-token, --user-principal (each repeatable; '*' means all) or --cluster. An ACL is a principal (type:name, e.g. User:alice) allowed or denied operations from hosts (default '*').

            --producer grants Write, Describe and Create on the topics (and Write, Describe on --transactional-id); with --idempotent also IdempotentWrite on the cluster. --consumer grants Read and Describe on the topics and Read on the group.

            --remove asks before removing unless --force is given; without principals it removes every ACL of the resource.

            Examples:
              kafkactl acls --bootstrap-server B --list --topic orders
              kafkactl acls --bootstrap-server B --add \\
                  --allow-principal User:alice --operation Read --topic orders
              kafkactl acls --bootstrap-server B --add \\
                  --allow-principal User:app --producer --topic orders --idempotent
              kafkactl acls --bootstrap-server B --remove --force --topic orders
            """)

    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "List ACLs (of the resources given; of all without one).") var list = false
    @Flag(help: "Add ACLs.") var add = false
    @Flag(help: "Remove ACLs.") var remove = false
    @Option(help: ArgumentHelp("A topic the ACLs apply to ('*': every topic).", valueName: "topic"),
            completion: .custom(LiveNames.topics))
    var topic: [String] = []
    @Option(help: ArgumentHelp("A consumer group the ACLs apply to ('*': every group).", valueName: "group"),
            completion: .custom(LiveNames.groups))
    var group: [String] = []
    @Flag(help: "The ACLs apply to the cluster.") var cluster = false
    @Option(help: ArgumentHelp("A transactional id the ACLs apply to ('*': every one).", valueName: "id"))
    var transactionalId: [String] = []
    @Option(help: ArgumentHelp("A delegation token the ACLs apply to ('*': every one).", valueName: "token"))
    var delegationToken: [String] = []
    @Option(help: ArgumentHelp("A user principal the ACLs apply to, for CreateTokens or DescribeTokens (Kafka 3.3+).", valueName: "principal"))
    var userPrincipal: [String] = []
    @Option(help: ArgumentHelp("literal or prefixed (to add); also any or match (to list or remove).", valueName: "type"),
            completion: .list(["literal", "prefixed", "match", "any"]))
    var resourcePatternType: String = "literal"
    @Option(help: ArgumentHelp("An operation to allow or deny (repeatable; default All).", valueName: "operation"),
            completion: .list(AclOperation.allCases.filter { $0 != .any }.map(\.operationName)))
    var operation: [String] = []
    @Option(help: ArgumentHelp("A principal to allow, type:name (User:alice).", valueName: "principal"))
    var allowPrincipal: [String] = []
    @Option(help: ArgumentHelp("A principal to deny, type:name. Deny takes precedence over allow.", valueName: "principal"))
    var denyPrincipal: [String] = []
    @Option(help: ArgumentHelp("A host the allowed principals may connect from (default '*').", valueName: "host"))
    var allowHost: [String] = []
    @Option(help: ArgumentHelp("A host the denied principals are denied from (default '*').", valueName: "host"))
    var denyHost: [String] = []
    @Option(name: .customLong("principal"), help: ArgumentHelp("With --list: only the ACLs of this principal (repeatable).", valueName: "principal"))
    var listPrincipal: [String] = []
    @Flag(help: "The ACLs a producer needs on --topic (and --transactional-id).") var producer = false
    @Flag(help: "The ACLs a consumer needs on --topic and --group.") var consumer = false
    @Flag(help: "With --producer: also IdempotentWrite on the cluster.") var idempotent = false
    @Flag(help: "Remove without asking.") var force = false
    @OptionGroup var output: OutputOptions

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

    func run(in context: CommandContext) async throws {
        let plan = try plan()
        let properties = try connection.commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        let configuration = try connection.clientConfiguration(extraProperties: properties)
        let renderer = AclsRenderer(json: output.isJSON)
        try await context.withClient(configuration) { client in
            let admin = AdminClient(client: client)
            switch plan.action {
            case .list: try await list(plan, admin, renderer, context)
            case .add: try await addAcls(plan, admin, renderer, context)
            case .remove: try await removeAcls(plan, admin, renderer, context)
            }
        }
    }

    func list(_ plan: AclPlan, _ admin: AdminClient, _ renderer: AclsRenderer, _ context: CommandContext) async throws {
        let filters = plan.entries.keys.sorted()
        var bindings: [AclBinding] = []
        if filters.isEmpty {
            bindings = try await admin.describeAcls(AclBinding(AclResourcePattern(.any, nil, .any), .any))
        } else {
            for filter in filters { bindings += try await admin.describeAcls(AclBinding(filter, .any)) }
        }
        try renderer.list(bindings, principals: plan.listPrincipals, on: context)
    }

    /// Adds what is not there yet: each resource's ACLs are listed first and the ones present are said, not sent
    /// again (as kafka-acls.sh does), then the rest go in one CreateAcls request.
    func addAcls(_ plan: AclPlan, _ admin: AdminClient, _ renderer: AclsRenderer, _ context: CommandContext) async throws {
        var existing: [AclBinding] = []
        var toAdd: [AclResourcePattern: [AclEntry]] = [:]
        for (resource, entries) in plan.entries.sorted(by: { $0.key < $1.key }) {
            let present = Set(try await admin.describeAcls(AclBinding(resource, .any)))
            for entry in entries.sorted() {
                let binding = AclBinding(resource, entry)
                if present.contains(binding) { existing.append(binding) } else { toAdd[resource, default: []].append(entry) }
            }
        }
        let bindings = toAdd.sorted { $0.key < $1.key }.flatMap { resource, entries in entries.map { AclBinding(resource, $0) } }
        let results = bindings.isEmpty ? [] : try await admin.createAcls(bindings)
        try renderer.added(bindings, existing: existing, on: context)
        let failures = results.compactMap { if case .failure(let error) = $0 { return error } else { return nil } }
        try Self.raise(failures, of: bindings.count, verb: "added")
    }

    func removeAcls(_ plan: AclPlan, _ admin: AdminClient, _ renderer: AclsRenderer, _ context: CommandContext) async throws {
        var filters: [AclBinding] = []
        for (resource, entries) in plan.entries.sorted(by: { $0.key < $1.key }) {
            if !force, !(try confirm(removing: entries.sorted(), from: resource, on: context)) { continue }
            filters += entries.isEmpty ? [AclBinding(resource, .any)] : entries.sorted().map { AclBinding(resource, $0) }
        }
        guard !filters.isEmpty else { return }
        let deletions = try await admin.deleteAcls(filters)
        let removed = deletions.flatMap { $0.removed.compactMap { try? $0.get() } }
        let failures = deletions.flatMap { $0.removed.compactMap { if case .failure(let error) = $0 { return error } else { return nil } } }
        try renderer.removed(removed, on: context)
        try Self.raise(failures, of: removed.count + failures.count, verb: "removed")
    }

    /// kafka-acls.sh's question; only `y` (any case) goes on. No answer at all (stdin closed) is a usage error:
    /// a script must say --force.
    func confirm(removing entries: [AclEntry], from resource: AclResourcePattern, on context: CommandContext) throws -> Bool {
        if entries.isEmpty {
            try context.print("Are you sure you want to delete all ACLs for resource filter `\(resource)`? (y/n)")
        } else {
            try context.print("Are you sure you want to remove ACLs: \n \(entries.map { "\t\($0)" }.joined(separator: "\n"))\n from resource filter `\(resource)`? (y/n)")
        }
        try context.stdout.flush()
        guard let answer = readLine(strippingNewline: true) else {
            throw KafkactlUsageError("--remove asked for confirmation and standard input is closed: answer y, or add --force")
        }
        return answer.trimmingCharacters(in: " ").lowercased() == "y"
    }

    /// One failure is said as it is; several are counted and named on the one line.
    static func raise(_ failures: [KafkactlError], of total: Int, verb: String) throws {
        guard let first = failures.first else { return }
        if failures.count == 1 { throw first }
        throw KafkactlError(.partial, "\(failures.count) of \(total) ACLs were not \(verb): \(failures.map(\.message).joined(separator: "; "))")
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
