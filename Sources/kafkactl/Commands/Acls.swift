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
            if !force, !(try await confirm(removing: entries.sorted(), from: resource, on: context)) { continue }
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
    func confirm(removing entries: [AclEntry], from resource: AclResourcePattern, on context: CommandContext) async throws -> Bool {
        if entries.isEmpty {
            try context.print("Are you sure you want to delete all ACLs for resource filter `\(resource)`? (y/n)")
        } else {
            try context.print("Are you sure you want to remove ACLs: \n \(entries.map { "\t\($0)" }.joined(separator: "\n"))\n from resource filter `\(resource)`? (y/n)")
        }
        try context.stdout.flush()
        guard let answer = try await AnswerPrompt.readAnswer() else {
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
