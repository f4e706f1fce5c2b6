extension PartitionConsumer {
    /// Lag in time for a group's offsets view (`--time-lag`): for each row with a committed offset, how old the next
    /// unconsumed record is (read with one small fetch per leader) and how much older it is than the partition's
    /// newest record (ListOffsets max-timestamp; before Kafka 3.0, the last record read). A caught-up partition lags 0.
    public static func addTimeLags(_ rows: inout [GroupOffsetRow], client: KafkaClient) async throws {
        let behind = rows.filter { row in row.current != nil && (row.lag ?? 0) > 0 }
        let next = try await recordTimestamps(at: Dictionary(behind.map { ($0.partition, $0.current!) }, uniquingKeysWith: { a, _ in a }), client: client)
        var newestTimes: [TopicPartition: Int64] = [:]
        if let newest = try? await client.listOffsets(Dictionary(behind.map { ($0.partition, OffsetSpec.maxTimestamp) }, uniquingKeysWith: { a, _ in a })) {
            newestTimes = newest.compactMapValues { try? $0.get().timestamp }.filter { $0.value >= 0 }
        } else {
            // Brokers before Kafka 3.0 (ListOffsets v7) cannot look up the largest timestamp: read the last record.
            let lastOffsets = Dictionary(behind.compactMap { row in row.logEnd.map { (row.partition, max($0 - 1, 0)) } }, uniquingKeysWith: { a, _ in a })
            newestTimes = (try? await recordTimestamps(at: lastOffsets, client: client)) ?? [:]
        }
        let now = WallClock.millis()
        for index in rows.indices {
            guard rows[index].current != nil else { continue }
            if (rows[index].lag ?? 0) == 0 {
                rows[index].timeLag = 0
                rows[index].behindNewest = 0
                continue
            }
            guard let timestamp = next[rows[index].partition], timestamp >= 0 else { continue }
            rows[index].timeLag = max(now - timestamp, 0)
            if let newestTime = newestTimes[rows[index].partition] {
                rows[index].behindNewest = max(newestTime - timestamp, 0)
            }
        }
    }
}
