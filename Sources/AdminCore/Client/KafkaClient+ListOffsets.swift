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
        var results: [TopicPartition: Result<ListedOffset, KafkactlError>] = [:]
        var remaining = specs
        var backoff = RetryBackoff(configuration)
        var firstRound = true
        while !remaining.isEmpty {
            // A retry follows a leader change or a missing partition: it needs fresh metadata, the first round not.
            let plan = try await partitionsByLeader(remaining.keys, fresh: !firstRound)
            firstRound = false
            for (partition, error) in plan.unknown {
                results[partition] = .failure(error)
                remaining[partition] = nil
            }
            let requests = remaining
            let timeoutMs = Int32(clamping: configuration.requestTimeout.milliseconds)
            let shards = try await sendToLeaders(plan.byLeader) { version, partitions in
                ListOffsetsRequest(
                    replicaId: -1, isolationLevel: isolation.rawValue,
                    topics: Dictionary(grouping: partitions, by: \.topic).map { topic, partitions in
                        .init(name: topic, partitions: partitions.map {
                            .init(partitionIndex: $0.partition, currentLeaderEpoch: -1, timestamp: requests[$0]!.wireValue)
                        })
                    },
                    // Only v10+ carries a timeout (for tiered-storage lookups).
                    timeoutMs: version >= 10 ? timeoutMs : 0)
            }
            var retry = false
            for shard in shards {
                for topic in shard.response.topics {
                    for answer in topic.partitions {
                        let partition = TopicPartition(topic.name, answer.partitionIndex)
                        guard remaining[partition] != nil else { continue }
                        let code = ErrorCode(rawValue: answer.errorCode)
                        if code == .none {
                            results[partition] = .success(ListedOffset(offset: answer.offset, timestamp: answer.timestamp, leaderEpoch: answer.leaderEpoch))
                            remaining[partition] = nil
                        } else if code.isRetriable && backoff.canRetry {
                            retry = true
                        } else {
                            results[partition] = .failure(.broker(code, "ListOffsets for \(partition)"))
                            remaining[partition] = nil
                        }
                    }
                }
            }
            if !remaining.isEmpty {
                if !retry {
                    for partition in remaining.keys {
                        results[partition] = .failure(KafkactlError(.internal, "the broker did not answer ListOffsets for \(partition)"))
                    }
                    break
                }
                try await backoff.wait()
            }
        }
        return results
    }
}
