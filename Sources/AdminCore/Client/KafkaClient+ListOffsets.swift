/// Which offset ListOffsets should find.
public enum OffsetSpec: Sendable, Hashable {
    case earliest
    case latest
    case maxTimestamp
    /// The first offset still on the broker's local disk (tiered storage); -2 without tiering.
    case earliestLocal
    /// The highest offset copied to tiered storage.
    case latestTiered
    /// The first offset whose record timestamp is at or after this time (ms since the epoch).
    case timestamp(Int64)

    var wireValue: Int64 {
        switch self {
        case .earliest: return -2
        case .latest: return -1
        case .maxTimestamp: return -3
        case .earliestLocal: return -4
        case .latestTiered: return -5
        case .timestamp(let value): return value
        }
    }
}

/// An offset ListOffsets found; `offset` -1 means no record matches (for a time lookup: the end of the log).
public struct ListedOffset: Sendable, Hashable {
    public var offset: Int64
    public var timestamp: Int64
    public var leaderEpoch: Int32
}

public enum IsolationLevel: Int8, Sendable {
    case readUncommitted = 0
    case readCommitted = 1

    /// Kafka's names, `read_uncommitted` and `read_committed`.
    public init?(name: String) {
        switch name.lowercased() {
        case "read_uncommitted": self = .readUncommitted
        case "read_committed": self = .readCommitted
        default: return nil
        }
    }
}

extension KafkaClient {
    /// Offsets of many partitions, one ListOffsets per leader, sent concurrently. Leader changes and brief
    /// OFFSET_NOT_AVAILABLE answers are retried within the API timeout. In the client layer, not Admin: the
    /// consumer resolves its start positions with it too.
    public func listOffsets(
        _ specs: [TopicPartition: OffsetSpec], isolation: IsolationLevel = .readUncommitted
    ) async throws -> [TopicPartition: Result<ListedOffset, KafkactlError>] {
        let timeoutMs = Int32(clamping: configuration.requestTimeout.milliseconds)
        return try await onLeaders(
            specs.keys, what: { "ListOffsets for \($0)" }, retries: \.isRetriable,
            build: { version, partitions in
                ListOffsetsRequest(
                    replicaId: -1, isolationLevel: isolation.rawValue,
                    topics: Dictionary(grouping: partitions, by: \.topic).map { topic, partitions in
                        .init(name: topic, partitions: partitions.map {
                            .init(partitionIndex: $0.partition, currentLeaderEpoch: -1, timestamp: specs[$0]!.wireValue)
                        })
                    },
                    // Only v10+ carries a timeout (for tiered-storage lookups).
                    timeoutMs: version >= 10 ? timeoutMs : 0)
            },
            answers: { response in
                response.topics.flatMap { topic in
                    topic.partitions.map {
                        (TopicPartition(topic.name, $0.partitionIndex), ErrorCode(rawValue: $0.errorCode),
                         ListedOffset(offset: $0.offset, timestamp: $0.timestamp, leaderEpoch: $0.leaderEpoch))
                    }
                }
            })
    }
}
