import AdminCore

/// `consumer-groups --describe` (offsets view) as text, Kafka's table (GROUP TOPIC PARTITION [LEADER-EPOCH]
/// CURRENT-OFFSET LOG-END-OFFSET LAG [TIME-LAG BEHIND-NEWEST] CONSUMER-ID HOST CLIENT-ID, after a blank line, and with
/// --time-lag one line per topic), or as one JSON object per group.
struct GroupOffsetsOutput {
    let rows: [GroupOffsetRow]
    let verbose: Bool
    let timeLag: Bool

    func lines() -> [String] {
        guard !rows.isEmpty else { return [] }
        let dash = { (value: String?) in value.map { $0.isEmpty ? "-" : $0 } ?? "-" }
        let groupWidth = TableFormatter.width(rows.map(\.group), header: "GROUP")
        let topicWidth = TableFormatter.width(rows.map(\.partition.topic), header: "TOPIC")
        let consumerWidth = TableFormatter.width(rows.map { dash($0.member?.memberId) }, header: "CONSUMER-ID")
        let hostWidth = TableFormatter.width(rows.map { dash($0.member?.host) }, header: "HOST")
        var header: [(String, Int?)] = [("GROUP", groupWidth), ("TOPIC", topicWidth), ("PARTITION", 10)]
        if verbose { header.append(("LEADER-EPOCH", 15)) }
        header += [("CURRENT-OFFSET", 15), ("LOG-END-OFFSET", 15), ("LAG", 15)]
        if timeLag { header += [("TIME-LAG", 12), ("BEHIND-NEWEST", 14)] }
        header += [("CONSUMER-ID", consumerWidth), ("HOST", hostWidth), ("CLIENT-ID", nil)]
        var lines = ["", TableFormatter.line(header)]
        for row in rows {
            var line: [(String, Int?)] = [(row.group, groupWidth), (row.partition.topic, topicWidth), (String(row.partition.partition), 10)]
            if verbose { line.append((row.leaderEpoch.map { $0 >= 0 ? String($0) : "-" } ?? "-", 15)) }
            line += [(row.current.map(String.init) ?? "-", 15), (row.logEnd.map(String.init) ?? "-", 15), (row.lag.map(String.init) ?? "-", 15)]
            if timeLag { line += [(row.timeLag.map(Self.duration) ?? "-", 12), (row.behindNewest.map(Self.duration) ?? "-", 14)] }
            line += [(dash(row.member?.memberId), consumerWidth), (dash(row.member?.host), hostWidth), (dash(row.member?.clientId), nil)]
            lines.append(TableFormatter.line(line))
        }
        if timeLag {
            lines.append("")
            for (topic, lag, behind) in topicTimeLags() {
                lines.append("Topic \(topic): \(lag.map { "up to \(Self.duration($0)) behind now" } ?? "caught up")\(behind.map { ", \(Self.duration($0)) behind the newest record" } ?? "")")
            }
        }
        return lines
    }

    func json(group: String, state: String) -> JSON {
        let optionalInt = { (value: Int64?) -> JSON in value.map { JSON.int($0) } ?? .null }
        let partitions: [JSON] = rows.map { row in
            var members: [(String, JSON)] = [
                ("topic", .string(row.partition.topic)), ("partition", .int(row.partition.partition)),
                ("currentOffset", optionalInt(row.current)), ("logEndOffset", optionalInt(row.logEnd)),
                ("lag", optionalInt(row.lag)), ("consumerId", .optional(row.member?.memberId)),
                ("host", .optional(row.member?.host)), ("clientId", .optional(row.member?.clientId)),
            ]
            if timeLag { members += [("timeLagMs", optionalInt(row.timeLag)), ("behindNewestMs", optionalInt(row.behindNewest))] }
            return .object(members)
        }
        var document: [(String, JSON)] = [("group", .string(group)), ("state", .string(state)), ("partitions", .array(partitions))]
        if timeLag {
            let topics: [JSON] = topicTimeLags().map { topic, lag, behind in
                .object([("topic", .string(topic)), ("timeLagMs", optionalInt(lag)), ("behindNewestMs", optionalInt(behind))])
            }
            document.append(("topics", .array(topics)))
        }
        return .object(document)
    }

    /// The worst time lag of each topic's partitions.
    private func topicTimeLags() -> [(String, Int64?, Int64?)] {
        Dictionary(grouping: rows, by: \.partition.topic).sorted { $0.key < $1.key }.map { topic, rows in
            (topic, rows.compactMap(\.timeLag).max(), rows.compactMap(\.behindNewest).max())
        }
    }

    /// `350ms`, `45s`, `12m05s`, `3h02m`, `2d04h`.
    static func duration(_ millis: Int64) -> String {
        if millis < 1000 { return "\(millis)ms" }
        let seconds = millis / 1000
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m\(two(seconds % 60))s" }
        if seconds < 86400 { return "\(seconds / 3600)h\(two(seconds % 3600 / 60))m" }
        return "\(seconds / 86400)d\(two(seconds % 86400 / 3600))h"
    }
}
