import AdminCore

/// metadata-quorum's output: kafka-metadata-quorum.sh's status block and replication table, or one JSON document.
/// Status JSON: `{"clusterId","leaderId","leaderEpoch","highWatermark","maxFollowerLag","maxFollowerLagTimeMs",
/// "currentVoters":[{"id","directoryId"(null: none),"endpoints":[...]}],"currentObservers":[...]}`. Replication
/// JSON: `{"replicas":[{"nodeId","directoryId","logEndOffset","lag","lastFetchTimestamp","lastCaughtUpTimestamp"
/// (epoch milliseconds, null: unknown),"status"}]}`.
enum MetadataQuorumRenderer {
    /// The status block (MetadataQuorumCommand.handleDescribeStatus): labels padded to 24 columns.
    static func statusLines(_ status: QuorumStatus) -> [String] {
        [
            "ClusterId:              \(status.clusterId ?? "null")",
            "LeaderId:               \(status.quorum.leaderId)",
            "LeaderEpoch:            \(status.quorum.leaderEpoch)",
            "HighWatermark:          \(status.quorum.highWatermark)",
            "MaxFollowerLag:         \(status.maxFollowerLag)",
            "MaxFollowerLagTimeMs:   \(status.maxFollowerLagTimeMs)",
            "CurrentVoters:          \(replicaList(status.quorum.voters, status.quorum))",
            "CurrentObservers:       \(replicaList(status.quorum.observers, status.quorum))",
        ]
    }

    /// Apache's `[{"id": 1, "directoryId": "…", "endpoints": ["CONTROLLER://host:9093"]}, …]`: the directory id left
    /// out when zero, the endpoints when the answer names none (before v2).
    static func replicaList(_ replicas: [QuorumInfo.Replica], _ quorum: QuorumInfo) -> String {
        "[" + replicas.map { replica in
            var text = "{\"id\": \(replica.id)"
            if !replica.directoryId.isZero { text += ", \"directoryId\": \"\(replica.directoryId)\"" }
            let endpoints = quorum.endpoints[replica.id] ?? []
            if !endpoints.isEmpty { text += ", \"endpoints\": [" + endpoints.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
            return text + "}"
        }.joined(separator: ", ") + "]"
    }

    /// The replication table; `now` (epoch milliseconds) turns timestamps into "N ms ago" when given
    /// (--human-readable).
    static func replicationLines(_ rows: [QuorumReplicationRow], now: Int64?) throws -> [String] {
        let timestamp = { (value: Int64?, what: String) throws -> String in
            guard let value else { return "-1" }
            guard let now else { return String(value) }
            return "\(try QuorumReplicationRow.millisecondsAgo(value, now: now, what: what)) ms ago"
        }
        let cells = try rows.map { row in
            [String(row.replica.id), row.replica.directoryId.description, String(row.replica.logEndOffset), String(row.lag),
             try timestamp(row.replica.lastFetchTimestamp, "last fetch"),
             try timestamp(row.replica.lastCaughtUpTimestamp, "last caught up"), row.status.rawValue]
        }
        return ToolsTable.lines(headers: ["NodeId", "DirectoryId", "LogEndOffset", "Lag", "LastFetchTimestamp", "LastCaughtUpTimestamp", "Status"],
                                rows: cells)
    }

    static func statusJSON(_ status: QuorumStatus) -> JSON {
        let replicas = { (replicas: [QuorumInfo.Replica]) in
            JSON.array(replicas.map { replica in
                .object([("id", .int(replica.id)), ("directoryId", replica.directoryId.isZero ? .null : .string(replica.directoryId.description)),
                         ("endpoints", .array((status.quorum.endpoints[replica.id] ?? []).map { .string($0.description) }))])
            })
        }
        return .object([
            ("clusterId", .optional(status.clusterId)), ("leaderId", .int(status.quorum.leaderId)),
            ("leaderEpoch", .int(status.quorum.leaderEpoch)), ("highWatermark", .int(status.quorum.highWatermark)),
            ("maxFollowerLag", .int(status.maxFollowerLag)), ("maxFollowerLagTimeMs", .int(status.maxFollowerLagTimeMs)),
            ("currentVoters", replicas(status.quorum.voters)), ("currentObservers", replicas(status.quorum.observers)),
        ])
    }

    static func replicationJSON(_ rows: [QuorumReplicationRow]) -> JSON {
        let timestamp = { (value: Int64?) in value.map { JSON.int($0) } ?? .null }
        return .object([("replicas", .array(rows.map { row in
            .object([
                ("nodeId", .int(row.replica.id)), ("directoryId", row.replica.directoryId.isZero ? .null : .string(row.replica.directoryId.description)),
                ("logEndOffset", .int(row.replica.logEndOffset)), ("lag", .int(row.lag)),
                ("lastFetchTimestamp", timestamp(row.replica.lastFetchTimestamp)),
                ("lastCaughtUpTimestamp", timestamp(row.replica.lastCaughtUpTimestamp)), ("status", .string(row.status.rawValue)),
            ])
        }))])
    }
}
