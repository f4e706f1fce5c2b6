extension AdminClient {
    /// Offsets of many partitions (see `KafkaClient.listOffsets`).
    public func listOffsets(
        _ specs: [TopicPartition: OffsetSpec], isolation: IsolationLevel = .readUncommitted
    ) async throws -> [TopicPartition: Result<ListedOffset, KafkactlError>] {
        try await client.listOffsets(specs, isolation: isolation)
    }
}
