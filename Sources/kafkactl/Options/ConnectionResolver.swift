import AdminCore

#if canImport(Glibc)
import Glibc
#endif

/// Where a command's connection comes from. Flags win over environment variables, which win over the contexts
/// file:
///
/// - bootstrap servers: `--bootstrap-server`, then `bootstrap.servers` in a properties file given by flag
///   (`--command-config`, `--producer.config`, `--consumer.config`) or a `--*-property`, then
///   `$KAFKACTL_BOOTSTRAP_SERVER`, then the context;
/// - every other property: the flags' properties files and properties, then the context;
/// - the context: `--context NAME`, then `$KAFKACTL_CONTEXT`, then the file's `current-context`. The
///   `current-context` applies only when nothing else names a cluster (no `--bootstrap-server`, no
///   `bootstrap.servers` from flags, no `$KAFKACTL_BOOTSTRAP_SERVER`), so a context's credentials are never sent
///   to a cluster it does not name unless the context was asked for by name.
struct ConnectionResolution: Sendable {
    var properties: [String: String]
    var bootstrap: String?
    /// The context used, if any (the shell shows it in its prompt).
    var contextName: String?
}

enum ConnectionResolver {
    static func resolve(
        flagBootstrap: String?, flagContext: String?, explicitProperties: [String: String],
        environment: (String) -> String?, loadFile: () throws -> ContextFile?
    ) throws -> ConnectionResolution {
        let envBootstrap = environment("KAFKACTL_BOOTSTRAP_SERVER").flatMap { $0.isEmpty ? nil : $0 }
        let envContext = environment("KAFKACTL_CONTEXT").flatMap { $0.isEmpty ? nil : $0 }
        var context: ConnectionContext?
        if let wanted = flagContext ?? envContext {
            guard let file = try loadFile() else {
                let path = ContextFile.defaultPath(environment: environment)
                let from = flagContext != nil ? "--context" : "KAFKACTL_CONTEXT"
                throw KafkactlUsageError("\(from) names context '\(wanted)', but there is no contexts file at '\(path)' (see kafkactl config --help)")
            }
            context = try file.context(named: wanted)
        } else if flagBootstrap == nil, envBootstrap == nil, explicitProperties["bootstrap.servers"] == nil,
            let file = try loadFile(), let current = file.currentContext
        {
            guard let found = file.contexts.first(where: { $0.name == current }) else {
                throw KafkactlUsageError("current-context '\(current)' in '\(file.path)' names no context; fix it with kafkactl config use-context NAME")
            }
            context = found
        }
        var properties = try context?.resolvedProperties(environment: environment) ?? [:]
        properties.merge(explicitProperties) { _, explicit in explicit }
        let bootstrap = flagBootstrap ?? explicitProperties["bootstrap.servers"] ?? envBootstrap ?? context?.bootstrapServers
            ?? context?.property("bootstrap.servers")
        return ConnectionResolution(properties: properties, bootstrap: bootstrap, contextName: context?.name)
    }

    /// The process environment.
    static let processEnvironment: @Sendable (String) -> String? = { name in getenv(name).map { String(cString: $0) } }

    /// The contexts file the environment points at, if it exists.
    static func loadDefaultFile() throws -> ContextFile? {
        try ContextFile.load(path: ContextFile.defaultPath(environment: processEnvironment))
    }
}
