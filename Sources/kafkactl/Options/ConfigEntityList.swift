/// `kafkactl configs`' entity types and names as kafka-configs.sh pairs them: the n-th name belongs to the n-th
/// type, and an empty name is the type's default entity (`--entity-default`, `--user-defaults`, ...).
struct ConfigEntityList: Equatable {
    var types: [String]
    var names: [String]
    /// True when a shorthand (`--topic`, `--user-defaults`, ...) added an entity.
    private(set) var usesShorthand = false

    init(types: [String], names: [String]) {
        self.types = types
        self.names = names
    }

    mutating func add(type: String, name: String) {
        types.append(type)
        names.append(name)
        usesShorthand = true
    }

    /// Each type with its name: nil when no name was given for it (describe every entity of the type).
    var pairs: [(type: String, name: String?)] {
        types.enumerated().map { index, type in (type, index < names.count ? names[index] : nil) }
    }

    /// kafka-configs.sh pairs `--entity-name` and `--entity-default` with the types in the order they were typed,
    /// but ArgumentParser keeps each option's values apart. An empty `--entity-name` means the default entity to
    /// Kafka's tool too, so `--entity-default` is rewritten into one where it stands, before parsing.
    static func orderPreserving(_ arguments: [String]) -> [String] {
        guard arguments.first == "configs" else { return arguments }
        return arguments.flatMap { $0 == "--entity-default" ? ["--entity-name", ""] : [$0] }
    }
}
