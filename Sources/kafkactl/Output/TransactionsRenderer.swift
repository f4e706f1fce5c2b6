import AdminCore

/// transactions' output: kafka-transactions.sh's tables (ToolsUtils.prettyPrintTable: each cell padded to its
/// column and followed by a tab), or one JSON document per command. Durations are measured from `nowMs`, which the
/// command reads once, so a test can fix it.
enum TransactionsRenderer {
    static let listHeaders = ["TransactionalId", "Coordinator", "ProducerId", "TransactionState"]
    static let describeHeaders = [
        "CoordinatorId", "TransactionalId", "ProducerId", "ProducerEpoch", "TransactionState", "TransactionTimeoutMs",
        "CurrentTransactionStartTimeMs", "TransactionDurationMs", "TopicPartitions",
    ]
    static let producerHeaders = [
        "ProducerId", "ProducerEpoch", "LatestCoordinatorEpoch", "LastSequence", "LastTimestamp", "CurrentTransactionStartOffset",
    ]
    static let hangingHeaders = [
        "Topic", "Partition", "ProducerId", "ProducerEpoch", "CoordinatorEpoch", "StartOffset", "LastTimestamp", "Duration(min)",
    ]

    // MARK: list

    /// Brokers in node order (Apache's is a hash map's, which for small ids is the same), each one's listings as it
    /// gave them.
    static func listLines(_ byBroker: [Int32: [TransactionListing]]) -> [String] {
        let rows = byBroker.sorted { $0.key < $1.key }.flatMap { broker, listings in
            listings.map { [$0.transactionalId, String(broker), String($0.producerId), $0.state] }
        }
        return ToolsTable.lines(headers: listHeaders, rows: rows)
    }

    static func listJSON(_ byBroker: [Int32: [TransactionListing]]) -> JSON {
        .object([("transactions", .array(byBroker.sorted { $0.key < $1.key }.flatMap { broker, listings in
            listings.map {
                JSON.object([("transactional_id", .string($0.transactionalId)), ("coordinator", .int(broker)),
                             ("producer_id", .int($0.producerId)), ("state", .string($0.state))])
            }
        }))])
    }

    // MARK: describe

    static func describeLines(_ description: TransactionDescription, nowMs: Int64) -> [String] {
        let start = description.startTimeMs
        return ToolsTable.lines(headers: describeHeaders, rows: [[
            String(description.coordinatorId), description.transactionalId, String(description.producerId),
            String(description.producerEpoch), description.state, String(description.timeoutMs),
            start.map(String.init) ?? "None", start.map { String(nowMs - $0) } ?? "None",
            description.partitions.map(\.description).joined(separator: ","),
        ]])
    }

    static func describeJSON(_ description: TransactionDescription, nowMs: Int64) -> JSON {
        .object([
            ("coordinator_id", .int(description.coordinatorId)), ("transactional_id", .string(description.transactionalId)),
            ("producer_id", .int(description.producerId)), ("producer_epoch", .int(description.producerEpoch)),
            ("state", .string(description.state)), ("timeout_ms", .int(description.timeoutMs)),
            ("start_time_ms", description.startTimeMs.map { .int($0) } ?? .null),
            ("duration_ms", description.startTimeMs.map { .int(nowMs - $0) } ?? .null),
            ("partitions", .array(description.partitions.map(partitionJSON))),
        ])
    }

    // MARK: describe-producers

    static func producerLines(_ producers: [ProducerState]) -> [String] {
        ToolsTable.lines(headers: producerHeaders, rows: producers.map {
            [String($0.producerId), String($0.producerEpoch), String($0.coordinatorEpoch ?? -1), String($0.lastSequence),
             String($0.lastTimestamp), $0.currentTransactionStartOffset.map(String.init) ?? "None"]
        })
    }

    static func producersJSON(_ partition: TopicPartition, _ producers: [ProducerState]) -> JSON {
        .object([("topic", .string(partition.topic)), ("partition", .int(partition.partition)),
                 ("producers", .array(producers.map(producerJSON)))])
    }

    static func producerJSON(_ producer: ProducerState) -> JSON {
        .object([
            ("producer_id", .int(producer.producerId)), ("producer_epoch", .int(producer.producerEpoch)),
            ("coordinator_epoch", producer.coordinatorEpoch.map { .int($0) } ?? .null),
            ("last_sequence", .int(producer.lastSequence)), ("last_timestamp", .int(producer.lastTimestamp)),
            ("current_transaction_start_offset", producer.currentTransactionStartOffset.map { .int($0) } ?? .null),
        ])
    }

    // MARK: find-hanging

    /// Duration in whole minutes since the producer's last write, as Apache's TimeUnit.toMinutes truncates.
    static func hangingLines(_ hanging: [HangingTransaction], nowMs: Int64) -> [String] {
        ToolsTable.lines(headers: hangingHeaders, rows: hanging.map {
            [$0.partition.topic, String($0.partition.partition), String($0.producer.producerId),
             String($0.producer.producerEpoch), String($0.producer.coordinatorEpoch ?? -1),
             String($0.producer.currentTransactionStartOffset ?? -1), String($0.producer.lastTimestamp),
             String((nowMs - $0.producer.lastTimestamp) / 60_000)]
        })
    }

    static func hangingJSON(_ hanging: [HangingTransaction], nowMs: Int64) -> JSON {
        .object([("hanging_transactions", .array(hanging.map {
            .object([("topic", .string($0.partition.topic)), ("partition", .int($0.partition.partition)),
                     ("producer", producerJSON($0.producer)), ("duration_ms", .int(nowMs - $0.producer.lastTimestamp))])
        }))])
    }

    // MARK: abort

    /// Apache's abort prints nothing on success; the JSON document names what was aborted.
    static func abortJSON(_ spec: AbortTransactionSpec) -> JSON {
        .object([("aborted", .object([
            ("topic", .string(spec.partition.topic)), ("partition", .int(spec.partition.partition)),
            ("producer_id", .int(spec.producerId)), ("producer_epoch", .int(spec.producerEpoch)),
            ("coordinator_epoch", .int(spec.coordinatorEpoch)),
        ]))])
    }

    static func forceTerminateJSON(transactionalId: String, producerId: Int64, producerEpoch: Int16) -> JSON {
        .object([("terminated", .object([
            ("transactional_id", .string(transactionalId)), ("producer_id", .int(producerId)), ("producer_epoch", .int(producerEpoch)),
        ]))])
    }

    private static func partitionJSON(_ partition: TopicPartition) -> JSON {
        .object([("topic", .string(partition.topic)), ("partition", .int(partition.partition))])
    }
}
