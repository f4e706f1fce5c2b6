import AdminCore

/// log-dirs' output: kafka-log-dirs.sh's two lines and its JSON document (keys in the order Apache's Scala tool
/// wrote them; brokers, directories and partitions sorted), or, with --output json, the document alone.
struct LogDirsRenderer {
    var json: Bool

    func querying(on context: CommandContext) throws {
        guard !json else { return }
        try context.print("Querying brokers for log directories information")
        try context.stdout.flush()
    }

    func described(_ brokers: [Int32: [LogDirDescription]], topics: Set<String>, on context: CommandContext) throws {
        if !json { try context.print("Received log directory information from brokers \(LogDirs.list(Set(brokers.keys)))") }
        try context.print(Self.document(brokers, topics: topics).serialized())
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
