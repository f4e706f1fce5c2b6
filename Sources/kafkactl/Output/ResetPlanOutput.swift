import AdminCore

/// How `consumer-groups --reset-offsets` shows its plan: Kafka's table (GROUP TOPIC PARTITION NEW-OFFSET, one header
/// for all groups, after a blank line), the CSV `--export` writes and `--from-file` reads back (with the group in
/// front when several groups are reset), or one JSON document for all groups.
struct ResetPlanOutput {
    enum Format { case table, csv, json }

    let groupCount: Int
    let format: Format
    let executed: Bool
    private var headerPrinted = false
    private var documents: [JSON] = []

    init(groupCount: Int, format: Format, executed: Bool) {
        self.groupCount = groupCount
        self.format = format
        self.executed = executed
    }

    /// The lines for one group's plan (none for JSON, which is one document at the end).
    mutating func lines(group: String, plan: OffsetResetPlan) -> [String] {
        switch format {
        case .json:
            documents.append(.object([("group", .string(group)), ("executed", .bool(executed)),
                                      ("partitions", .array(plan.entries.map {
                                          .object([("topic", .string($0.partition.topic)), ("partition", .int($0.partition.partition)),
                                                   ("newOffset", .int($0.newOffset))])
                                      }))]))
            return []
        case .csv:
            let prefix = groupCount == 1 ? "" : "\(group),"
            return plan.entries.map { "\(prefix)\($0.partition.topic),\($0.partition.partition),\($0.newOffset)" }
        case .table:
            var lines: [String] = []
            if !headerPrinted {
                lines += ["", TableFormatter.line([("GROUP", 30), ("TOPIC", 30), ("PARTITION", 10), ("NEW-OFFSET", 15)])]
                headerPrinted = true
            }
            return lines + plan.entries.map {
                TableFormatter.line([(group, 30), ($0.partition.topic, 30), (String($0.partition.partition), 10), (String($0.newOffset), 15)])
            }
        }
    }

    /// What follows the last group: the JSON document.
    func finish() -> [String] {
        format == .json ? [JSON.object([("groups", .array(documents))]).serialized()] : []
    }
}

/// The backup `--reset-offsets --execute` writes first: the group's committed offsets of the partitions the reset
/// moves, as `group,topic,partition,offset` lines that `--from-file` reads back to undo it, after a comment naming
/// the partitions that had none.
struct ResetBackupOutput {
    let group: String
    let committed: [TopicPartition: CommittedOffset]
    let plan: OffsetResetPlan

    func lines() -> [String] {
        let moved = plan.entries.map(\.partition)
        var lines = moved.compactMap { partition in committed[partition].map { "\(group),\(partition.topic),\(partition.partition),\($0.offset)" } }
        let uncommitted = moved.filter { committed[$0] == nil }
        if !uncommitted.isEmpty {
            lines.insert("# no offset was committed before for: \(uncommitted.map(\.description).joined(separator: " "))", at: 0)
        }
        return lines
    }
}
