import AdminCore

/// `configs --describe` of DescribeConfigs resources: kafka-configs.sh's heading and `name=value sensitive=…
/// synonyms={…}` lines per resource, or JSON.
struct ConfigDescriptionOutput {
    struct Described {
        let resource: ConfigResource
        let entries: [ConfigEntry]
    }

    let resources: [Described]
    /// `--all`: the heading says "All" rather than "Dynamic" or "Default".
    let all: Bool

    func lines() -> [String] {
        resources.flatMap { described in
            [heading(described.resource)] + described.entries.map(Self.entryLine)
        }
    }

    private func heading(_ resource: ConfigResource) -> String {
        if resource.name.isEmpty { return "\(all ? "All" : "Default") configs for brokers in the cluster are:" }
        return "\(all ? "All" : "Dynamic") configs for \(resource.type.singular) \(resource.name) are:"
    }

    /// Kafka prints a sensitive value, and a missing one, as `null`.
    static func entryLine(_ entry: ConfigEntry) -> String {
        let synonyms = entry.synonyms.map { "\($0.source.name):\($0.name)=\($0.value ?? "null")" }.joined(separator: ", ")
        return "  \(entry.name)=\(entry.isSensitive ? "null" : (entry.value ?? "null")) sensitive=\(entry.isSensitive) synonyms={\(synonyms)}"
    }

    func json() -> JSON {
        .object([("resources", .array(resources.map { described in
            .object([
                ("entityType", .string(described.resource.type.singular + "s")), ("entityName", .string(described.resource.name)),
                ("configs", .array(described.entries.map { entry in
                    .object([("name", .string(entry.name)), ("value", entry.isSensitive ? .null : .optional(entry.value)),
                             ("source", .string(entry.source.name)), ("sensitive", .bool(entry.isSensitive)),
                             ("readOnly", .bool(entry.isReadOnly)),
                             ("synonyms", .array(entry.synonyms.map {
                                 .object([("name", .string($0.name)), ("value", .optional($0.value)), ("source", .string($0.source.name))])
                             }))])
                })),
            ])
        }))])
    }
}

/// What `configs --alter` changed, said on stderr (stdout keeps exactly what Kafka's tool prints, for scripts):
/// each key's value and source before and after.
struct ConfigChangeOutput {
    let changes: [ConfigChange]
    /// The entity's configs before and after; nil when they could not be read.
    let before: [ConfigEntry]?
    let after: [ConfigEntry]?

    func lines() -> [String] {
        changes.map { "  \($0.name): \(Self.state(of: $0.name, in: before)) -> \(Self.state(of: $0.name, in: after))" }
    }

    /// `value (SOURCE)` of a key, `(default)` when the broker lists nothing for it, `?` when nothing was read.
    static func state(of name: String, in entries: [ConfigEntry]?) -> String {
        guard let entries else { return "?" }
        guard let entry = entries.first(where: { $0.name == name }) else { return "(default)" }
        return "\(entry.isSensitive ? "(sensitive)" : (entry.value ?? "null")) (\(entry.source.name))"
    }
}
