import AdminCore

/// log-dirs' output: kafka-log-dirs.sh's two lines and its JSON document (keys in the order Apache's Scala tool
/// wrote them; brokers, directories and partitions sorted), with --output json the document alone, or with
/// --output table kafkactl's table of replicas.
struct LogDirsRenderer {
    var format: LogDirs.Format

    func querying(on context: CommandContext) throws {
        guard format == .text else { return }
        try context.print("Querying brokers for log directories information")
        try context.stdout.flush()
    }

    func described(_ brokers: [Int32: [LogDirDescription]], topics: Set<String>, on context: CommandContext) throws {
        switch format {
        case .text:
            try context.print("Received log directory information from brokers \(LogDirs.list(Set(brokers.keys)))")
            try context.print(Self.document(brokers, topics: topics).serialized())
        case .json:
            try context.print(Self.document(brokers, topics: topics).serialized())
        case .table:
            for line in Self.table(brokers, topics: topics) { try context.print(line) }
        }
    }

    /// One row per replica (BROKER LOG-DIR PARTITION SIZE OFFSET-LAG FUTURE ERROR), sorted as the document is, and one
    /// row per directory that holds none of the replicas asked for, so an empty or offline directory still shows.
    /// Columns are aligned as Kafka's tools align theirs; `-` where there is nothing to say.
    static func table(_ brokers: [Int32: [LogDirDescription]], topics: Set<String>) -> [String] {
        let header = ["BROKER", "LOG-DIR", "PARTITION", "SIZE", "OFFSET-LAG", "FUTURE", "ERROR"]
        var rows: [[String]] = []
        for (broker, dirs) in brokers.sorted(by: { $0.key < $1.key }) {
            for dir in dirs.sorted(by: { $0.path < $1.path }) {
                let error = dir.error.map(\.name) ?? "-"
                let replicas = dir.replicas.filter { topics.isEmpty || topics.contains($0.partition.topic) }.sorted { $0.partition < $1.partition }
                if replicas.isEmpty { rows.append([String(broker), dir.path, "-", "-", "-", "-", error]) }
                for replica in replicas {
                    rows.append([String(broker), dir.path, replica.partition.description, String(replica.size), String(replica.offsetLag),
                                 replica.isFuture ? "yes" : "no", error])
                }
            }
        }
        let widths = header.indices.map { column in
            column == header.count - 1 ? nil : TableFormatter.width(rows.map { $0[column] }, header: header[column], minimum: 0)
        }
        return ([header] + rows).map { row in TableFormatter.line(Array(zip(row, widths))) }
    }

    static func document(_ brokers: [Int32: [LogDirDescription]], topics: Set<String>) -> JSON {
        .object([("version", .integer(1)), ("brokers", .array(brokers.sorted { $0.key < $1.key }.map { broker, dirs in
            .object([("broker", .integer(Int64(broker))), ("logDirs", .array(dirs.sorted { $0.path < $1.path }.map { dir in
                .object([
                    ("logDir", .string(dir.path)),
                    ("error", dir.error.map { .string(exceptionName($0)) } ?? .null),
                    ("partitions", .array(dir.replicas.filter { topics.isEmpty || topics.contains($0.partition.topic) }
                        .sorted { $0.partition < $1.partition }.map { replica in
                            .object([("partition", .string(replica.partition.description)), ("size", .integer(replica.size)),
                                     ("offsetLag", .integer(replica.offsetLag)), ("isFuture", .bool(replica.isFuture))])
                        })),
                ])
            }))])
        }))])
    }

    /// Apache prints the Java exception class of a directory's error. The errors a broker reports for a log
    /// directory get Kafka's class names; any other code (a newer Kafka's) is printed by its name.
    static func exceptionName(_ code: ErrorCode) -> String {
        switch code {
        case .kafkaStorageError: return "org.apache.kafka.common.errors.KafkaStorageException"
        case .unknownServerError: return "org.apache.kafka.common.errors.UnknownServerException"
        default: return code.name
        }
    }
}
