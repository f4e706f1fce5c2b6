import AdminCore

/// delete-records' output: kafka-delete-records.sh's lines (`partition: t-0\tlow_watermark: 5`), sorted by topic
/// and partition (Apache's order is a hash map's), or one JSON document.
struct DeleteRecordsRenderer {
    var json: Bool

    func completed(_ results: [TopicPartition: Result<Int64, KafkactlError>], on context: CommandContext) throws {
        let sorted = results.sorted { $0.key < $1.key }
        if json {
            try context.print(JSON.object([("dry_run", .bool(false)), ("partitions", .array(sorted.map { partition, result in
                var fields: [(String, JSON)] = [("topic", .string(partition.topic)), ("partition", .int(partition.partition))]
                switch result {
                case .success(let low): fields.append(("low_watermark", .int(low)))
                case .failure(let error): fields.append(("error", .string(error.message)))
                }
                return .object(fields)
            }))]).serialized())
            return
        }
        try context.print("Records delete operation completed:")
        for (partition, result) in sorted {
            switch result {
            case .success(let low): try context.print("partition: \(partition)\tlow_watermark: \(low)")
            case .failure(let error): try context.print("partition: \(partition)\terror: \(error.message)")
            }
        }
    }

    /// What `--topic ... ` without `--execute` would delete: nothing is sent but the lookups.
    func dryRun(_ cuts: [TopicPartition: RecordsCut], _ failed: [TopicPartition: KafkactlError], on context: CommandContext) throws {
        var rows: [(TopicPartition, Result<RecordsCut, KafkactlError>)] = cuts.map { ($0.key, .success($0.value)) }
        rows += failed.map { ($0.key, .failure($0.value)) }
        rows.sort { $0.0 < $1.0 }
        if json {
            try context.print(JSON.object([("dry_run", .bool(true)), ("partitions", .array(rows.map { partition, row in
                var fields: [(String, JSON)] = [("topic", .string(partition.topic)), ("partition", .int(partition.partition))]
                switch row {
                case .success(.beforeOffset(let offset)): fields.append(("before_offset", .int(offset)))
                case .success(.highWatermark): fields.append(("before_offset", .int(-1)))
                case .failure(let error): fields.append(("error", .string(error.message)))
                }
                return .object(fields)
            }))]).serialized())
            return
        }
        try context.print("Dry run: nothing deleted (add --execute to delete the records before these offsets):")
        for (partition, row) in rows {
            switch row {
            case .success(.beforeOffset(let offset)): try context.print("partition: \(partition)\tbefore_offset: \(offset)")
            case .success(.highWatermark): try context.print("partition: \(partition)\tbefore_offset: high_watermark")
            case .failure(let error): try context.print("partition: \(partition)\terror: \(error.message)")
            }
        }
    }
}
