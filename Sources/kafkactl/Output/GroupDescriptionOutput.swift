import AdminCore

/// `consumer-groups --describe --members` and `--state` as text (Kafka's tables; Kafka 4.x's for consumer-protocol
/// groups) or JSON, from a described group.
struct GroupDescriptionOutput {
    let description: GroupDescription
    let verbose: Bool

    /// What Kafka's tool says on stderr before describing an empty or a rebalancing group.
    func stateNotice() -> String? {
        if description.state == "Empty" { return "\nConsumer group '\(description.groupId)' has no active members." }
        if ["PreparingRebalance", "CompletingRebalance", "Assigning", "Reconciling"].contains(description.state) {
            return "\nWarning: Consumer group '\(description.groupId)' is rebalancing."
        }
        return nil
    }

    func membersLines() -> [String] {
        if description.type == .consumer { return consumerProtocolMembersLines() }
        var lines: [String] = []
        guard !description.members.isEmpty else { return [] }
        let dash = { (value: String) in value.isEmpty ? "-" : value }
        let members = description.members
        let groupWidth = TableFormatter.width([description.groupId], header: "GROUP")
        let consumerWidth = TableFormatter.width(members.map(\.memberId), header: "CONSUMER-ID")
        let hostWidth = TableFormatter.width(members.map { dash($0.host) }, header: "HOST")
        let clientWidth = TableFormatter.width(members.map { dash($0.clientId) }, header: "CLIENT-ID")
        let hasInstance = members.contains { $0.groupInstanceId != nil }
        let instanceWidth = TableFormatter.width(members.map { $0.groupInstanceId ?? "-" }, header: "GROUP-INSTANCE-ID", minimum: 17)
        var header: [(String, Int?)] = [("GROUP", groupWidth), ("CONSUMER-ID", consumerWidth)]
        if hasInstance { header.append(("GROUP-INSTANCE-ID", instanceWidth)) }
        header += [("HOST", hostWidth), ("CLIENT-ID", clientWidth), ("#PARTITIONS", 15)]
        if verbose { header.append(("ASSIGNMENT", nil)) } else { header.append(("", nil)) }
        lines.append("")
        lines.append(TableFormatter.line(header))
        for member in members {
            var row: [(String, Int?)] = [(description.groupId, groupWidth), (member.memberId, consumerWidth)]
            if hasInstance { row.append((member.groupInstanceId ?? "-", instanceWidth)) }
            row += [(dash(member.host), hostWidth), (dash(member.clientId), clientWidth), (String(member.assignment.count), 15)]
            row.append((verbose ? Self.assignmentText(member.assignment) : "", nil))
            lines.append(TableFormatter.line(row))
        }
        return lines
    }

    func membersJSON() -> JSON {
        if description.type == .consumer { return consumerProtocolMembersJSON() }
        return .object([
            ("group", .string(description.groupId)), ("state", .string(description.state)),
            ("members", .array(description.members.map { member in
                .object([("consumerId", .string(member.memberId)), ("groupInstanceId", .optional(member.groupInstanceId)),
                         ("host", .string(member.host)), ("clientId", .string(member.clientId)),
                         ("partitions", .array(member.assignment.sorted().map { .string($0.description) }))])
            })),
        ])
    }

    private func consumerProtocolMembersLines() -> [String] {
        var lines: [String] = []
        let members = description.members
        let epoch = { (value: Int32?) in value.map(String.init) ?? "-" }
        let dash = { (value: String) in value.isEmpty ? "-" : value }
        let groupWidth = TableFormatter.width([description.groupId], header: "GROUP")
        let consumerWidth = TableFormatter.width(members.map(\.memberId), header: "CONSUMER-ID")
        let hostWidth = TableFormatter.width(members.map { dash($0.host) }, header: "HOST")
        let clientWidth = TableFormatter.width(members.map { dash($0.clientId) }, header: "CLIENT-ID")
        let hasInstance = members.contains { !($0.groupInstanceId ?? "").isEmpty }
        let instanceWidth = TableFormatter.width(members.map { $0.groupInstanceId ?? "" }, header: "GROUP-INSTANCE-ID", minimum: 17)
        let current = members.map { Self.assignmentText($0.assignment) }
        let target = members.map { Self.assignmentText($0.targetAssignment ?? []) }
        let currentWidth = TableFormatter.width(current, header: "CURRENT-ASSIGNMENT", minimum: 20)
        let targetWidth = TableFormatter.width(target, header: "TARGET-ASSIGNMENT", minimum: 20)
        // Kafka shows UPGRADED only while the group mixes classic (not upgraded) and consumer (upgraded) members.
        let migrating = members.contains { $0.upgraded == true } && members.contains { $0.upgraded == false }
        var header: [(String, Int?)] = [("GROUP", groupWidth), ("CONSUMER-ID", consumerWidth)]
        if hasInstance { header.append(("GROUP-INSTANCE-ID", instanceWidth)) }
        header += [("HOST", hostWidth), ("CLIENT-ID", clientWidth), ("#PARTITIONS", 15)]
        if verbose {
            header += [("CURRENT-EPOCH", 15), ("CURRENT-ASSIGNMENT", currentWidth), ("TARGET-EPOCH", 15), ("TARGET-ASSIGNMENT", targetWidth)]
            if migrating { header.append(("UPGRADED", nil)) }
        } else {
            header.append(("", nil))
        }
        lines.append("")
        lines.append(TableFormatter.line(header))
        for (index, member) in members.enumerated() {
            var row: [(String, Int?)] = [(description.groupId, groupWidth), (member.memberId, consumerWidth)]
            if hasInstance { row.append((member.groupInstanceId ?? "", instanceWidth)) }
            row += [(dash(member.host), hostWidth), (dash(member.clientId), clientWidth), (String(member.assignment.count), 15)]
            if verbose {
                row += [(epoch(member.memberEpoch), 15), (current[index], currentWidth), (epoch(description.assignmentEpoch), 15),
                        (target[index], targetWidth)]
                if migrating { row.append((member.upgraded.map { String($0) } ?? "-", nil)) }
            } else {
                row.append(("", nil))
            }
            lines.append(TableFormatter.line(row))
        }
        return lines
    }

    private func consumerProtocolMembersJSON() -> JSON {
        let members = description.members
        return .object([
            ("group", .string(description.groupId)), ("type", .string(description.type.rawValue)),
            ("state", .string(description.state)),
            ("members", .array(members.map { member in
                .object([("consumerId", .string(member.memberId)), ("groupInstanceId", .optional(member.groupInstanceId)),
                         ("host", .string(member.host)), ("clientId", .string(member.clientId)),
                         ("partitions", .array(member.assignment.sorted().map { .string($0.description) })),
                         ("memberEpoch", member.memberEpoch.map { JSON.int(Int64($0)) } ?? .null),
                         ("targetEpoch", description.assignmentEpoch.map { JSON.int(Int64($0)) } ?? .null),
                         ("targetPartitions", .array((member.targetAssignment ?? []).sorted().map { .string($0.description) })),
                         ("upgraded", member.upgraded.map(JSON.bool) ?? .null)])
            })),
        ])
    }

    func stateLines() -> [String] {
        var lines: [String] = []
        let address = description.coordinator.map { "\($0.host):\($0.port)" } ?? "-"
        // Kafka's `host:port  (id)`, two spaces.
        let coordinator = address + (description.coordinatorId.map { "  (\($0))" } ?? "")
        let consumerProtocol = description.type == .consumer
        let epoch = { (value: Int32?) in value.map(String.init) ?? "-" }
        let groupWidth = TableFormatter.width([description.groupId], header: "GROUP")
        let coordinatorWidth = max(25, coordinator.count)
        if consumerProtocol && verbose {
            // Kafka 4.x's --state --verbose: the group's epoch and its target assignment's epoch.
            lines.append("")
            lines.append(TableFormatter.line([("GROUP", groupWidth), ("COORDINATOR (ID)", coordinatorWidth),
                                                   ("ASSIGNMENT-STRATEGY", 20), ("STATE", 20), ("GROUP-EPOCH", 15),
                                                   ("TARGET-ASSIGNMENT-EPOCH", 25), ("#MEMBERS", nil)]))
            lines.append(TableFormatter.line([
                (description.groupId, groupWidth), (coordinator, coordinatorWidth),
                (description.protocolName.isEmpty ? "-" : description.protocolName, 20), (description.state, 20),
                (epoch(description.groupEpoch), 15), (epoch(description.assignmentEpoch), 25),
                (String(description.members.count), nil),
            ]))
            return lines
        }
        lines.append("")
        lines.append(TableFormatter.line([("GROUP", groupWidth), ("COORDINATOR (ID)", coordinatorWidth),
                                               ("ASSIGNMENT-STRATEGY", 20), ("STATE", 20), ("#MEMBERS", nil)]))
        lines.append(TableFormatter.line([
            (description.groupId, groupWidth), (coordinator, coordinatorWidth),
            (description.protocolName.isEmpty ? "-" : description.protocolName, 20), (description.state, 20),
            (String(description.members.count), nil),
        ]))
        return lines
    }

    func stateJSON() -> JSON {
        let address = description.coordinator.map { "\($0.host):\($0.port)" } ?? "-"
        let consumerProtocol = description.type == .consumer
        var document: [(String, JSON)] = [
            ("group", .string(description.groupId)), ("coordinator", .string(address)),
            ("assignmentStrategy", .string(description.protocolName)), ("state", .string(description.state)),
            ("members", .int(description.members.count))]
        if consumerProtocol {
            document += [("type", .string(description.type.rawValue)),
                         ("groupEpoch", description.groupEpoch.map { JSON.int(Int64($0)) } ?? .null),
                         ("targetAssignmentEpoch", description.assignmentEpoch.map { JSON.int(Int64($0)) } ?? .null)]
        }
        return .object(document)
    }

    /// `topic:0,1;other:2`, Kafka's assignment column: topics sorted, each one's partitions sorted.
    static func assignmentText(_ partitions: [TopicPartition]) -> String {
        let byTopic = Dictionary(grouping: partitions, by: \.topic)
        let text = byTopic.keys.sorted().map { topic in
            topic + ":" + byTopic[topic]!.map(\.partition).sorted().map(String.init).joined(separator: ",")
        }.joined(separator: ";")
        return text.isEmpty ? "-" : text
    }
}
