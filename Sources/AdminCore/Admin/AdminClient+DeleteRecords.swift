/// Where a partition's records are to be deleted up to: the records before `offset` go, or, with `highWatermark`
/// (Kafka's -1), every record the partition holds.
public enum RecordsCut: Sendable, Hashable {
    case beforeOffset(Int64)
    case highWatermark

    var wireValue: Int64 {
        switch self {
        case .beforeOffset(let offset): return offset
        case .highWatermark: return -1
        }
    }
}

extension AdminClient {
    /// Deletes records (DeleteRecords, key 21) at each partition's leader, one request per leader, concurrently.
    /// Returns each partition's new low watermark, or why it failed: an unknown topic or partition is named without
    /// being sent; a moved leader (NOT_LEADER_OR_FOLLOWER and the other metadata codes) is retried against fresh
    /// metadata, and other retriable codes after a backoff, within the API timeout (the one retry policy).
    public func deleteRecords(
        _ cuts: [TopicPartition: RecordsCut]
    ) async throws -> [TopicPartition: Result<Int64, KafkactlError>] {
        // The broker waits up to this long for the followers to move their log start offsets too.
        let timeoutMs = Int32(clamping: client.configuration.requestTimeout.milliseconds)
        return try await client.onLeaders(
            cuts.keys, what: { "Deleting records of \($0)" },
            retries: { $0.retryAction != .fail && $0.retryAction != .findCoordinator },
            build: { _, partitions in
                DeleteRecordsRequest(
                    topics: Dictionary(grouping: partitions, by: \.topic).sorted { $0.key < $1.key }.map { topic, partitions in
                        .init(name: topic, partitions: partitions.sorted().map {
                            .init(partitionIndex: $0.partition, offset: cuts[$0]!.wireValue)
                        })
                    },
                    timeoutMs: timeoutMs)
            },
            answers: { response in
                response.topics.flatMap { topic in
                    topic.partitions.map {
                        (TopicPartition(topic.name, $0.partitionIndex), ErrorCode(rawValue: $0.errorCode), $0.lowWatermark)
                    }
                }
            })
    }
}
