/// One log directory of one broker (DescribeLogDirs): its replicas' sizes, or the broker's error for it.
public struct LogDirDescription: Sendable, Equatable {
    public struct Replica: Sendable, Equatable {
        public var partition: TopicPartition
        public var size: Int64
        /// How far a future replica (one being moved here) is behind the current one; 0 otherwise.
        public var offsetLag: Int64
        /// Whether this is the copy being moved into this directory (kafka-reassign-partitions' log dir moves).
        public var isFuture: Bool
    }

    public var path: String
    /// The error the broker reports for the directory (KAFKA_STORAGE_ERROR for an offline one); nil when healthy.
    public var error: ErrorCode?
    public var replicas: [Replica]
    /// The volume's size and free space (Kafka 3.3+, v4); nil when the broker does not say.
    public var totalBytes: Int64?
    public var usableBytes: Int64?
}

extension AdminClient {
    /// The log directories of each broker (DescribeLogDirs, sent to each one: a broker only knows its own disks),
    /// concurrently. Every partition the broker holds is asked for (Topics null), as Kafka's admin client does.
    public func describeLogDirs(brokers: [Int32]) async throws -> [Int32: [LogDirDescription]] {
        try await withThrowingTaskGroup(of: (Int32, [LogDirDescription]).self) { group in
            for broker in brokers {
                group.addTask {
                    let response = try await self.client.send(DescribeLogDirsRequest(topics: nil), to: broker,
                                                              feature: "describing log directories")
                    let code = ErrorCode(rawValue: response.errorCode)
                    guard code == .none else {
                        throw KafkactlError.broker(code, "cannot describe the log directories of broker \(broker)")
                    }
                    return (broker, response.results.map { result in
                        let code = ErrorCode(rawValue: result.errorCode)
                        return LogDirDescription(
                            path: result.logDir, error: code == .none ? nil : code,
                            replicas: result.topics.flatMap { topic in
                                topic.partitions.map {
                                    .init(partition: TopicPartition(topic.name, $0.partitionIndex), size: $0.partitionSize,
                                          offsetLag: $0.offsetLag, isFuture: $0.isFutureKey)
                                }
                            },
                            totalBytes: result.totalBytes >= 0 ? result.totalBytes : nil,
                            usableBytes: result.usableBytes >= 0 ? result.usableBytes : nil)
                    })
                }
            }
            var described: [Int32: [LogDirDescription]] = [:]
            for try await (broker, dirs) in group { described[broker] = dirs }
            return described
        }
    }
}
