import AdminCore

/// `consumer-groups --list`: a group id per line, or Kafka's GROUP table with TYPE and STATE columns when `--type`
/// or `--state` asked for them; or JSON.
struct GroupListOutput {
    let groups: [GroupListing]
    let showsType: Bool
    let showsState: Bool

    func lines() -> [String] {
        guard showsType || showsState else { return groups.map(\.groupId) }
        let width = max(15, groups.map(\.groupId.count).max() ?? 0) + 10
        var header: [(String, Int?)] = [("GROUP", width)]
        if showsType { header.append(("TYPE", 20)) }
        if showsState { header.append(("STATE", 20)) }
        return [TableFormatter.line(header)] + groups.map { listing in
            var row: [(String, Int?)] = [(listing.groupId, width)]
            if showsType { row.append((Self.typeName(listing.type), 20)) }
            if showsState { row.append((listing.state.isEmpty ? "-" : listing.state, 20)) }
            return TableFormatter.line(row)
        }
    }

    func json() -> JSON {
        .object([("groups", .array(groups.map {
            .object([("group", .string($0.groupId)), ("type", .string($0.type.isEmpty ? "classic" : $0.type)),
                     ("state", $0.state.isEmpty ? .null : .string($0.state)), ("protocolType", .string($0.protocolType))])
        }))])
    }

    /// Kafka 4.x's GroupType names. A broker before ListGroups v5 (Kafka 3.8) reports no type, which Kafka's tool
    /// shows as Unknown; such brokers only have classic groups, which is how `--type` filters them.
    static func typeName(_ type: String) -> String {
        switch type.lowercased() {
        case "classic": return "Classic"
        case "consumer": return "Consumer"
        case "share": return "Share"
        case "streams": return "Streams"
        default: return "Unknown"
        }
    }
}
