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

extension AdminClient {
    /// Offsets of many partitions, one ListOffsets per leader, sent concurrently. Leader changes and brief
    /// OFFSET_NOT_AVAILABLE answers are retried within the API timeout.
    public func listOffsets(
        _ specs: [TopicPartition: OffsetSpec], isolation: IsolationLevel = .readUncommitted
    ) async throws -> [TopicPartition: Result<ListedOffset, KafkactlError>] {
        var results: [TopicPartition: Result<ListedOffset, KafkactlError>] = [:]
        var remaining = specs
        var backoff = RetryBackoff(client.configuration)
        var firstRound = true
        while !remaining.isEmpty {
            let topics = Array(Set(remaining.keys.map(\.topic)))
            // A retry follows a leader change or a missing partition: it needs fresh metadata, the first round not.
            let metadata = firstRound ? try await client.metadata(covering: topics) : try await client.metadata(topics: topics)
            firstRound = false
            var byLeader: [Int32: [TopicPartition]] = [:]
            for partition in remaining.keys {
                guard let topic = metadata.topics[partition.topic], topic.error == .none else {
                    let code = metadata.topics[partition.topic]?.error ?? .unknownTopicOrPartition
                    results[partition] = .failure(KafkactlError(.notFound, "Topic '\(partition.topic)' does not exist [\(code.name)]", code: code))
                    remaining[partition] = nil
                    continue
                }
                guard let info = topic.partitions.first(where: { $0.partition == partition.partition }) else {
                    results[partition] = .failure(KafkactlError(.notFound, "partition \(partition.partition) of topic '\(partition.topic)' does not exist: it has \(topic.partitions.count) partitions"))
                    remaining[partition] = nil
                    continue
                }
                byLeader[info.leader, default: []].append(partition)
            }
            let requests = remaining
            let answers = try await withThrowingTaskGroup(of: [(TopicPartition, ErrorCode, ListedOffset)].self) { group in
                for (leader, partitions) in byLeader {
                    group.addTask {
                        let grouped = Dictionary(grouping: partitions, by: \.topic)
                        let timeoutMs = Int32(clamping: client.configuration.requestTimeout.milliseconds)
                        let destination: KafkaClient.Destination = leader >= 0 ? .node(leader) : .any
                        let response = try await client.send(to: destination) { (version: Int16) in
                            ListOffsetsRequest(
                                replicaId: -1, isolationLevel: isolation.rawValue,
                                topics: grouped.map { topic, partitions in
                                    .init(name: topic, partitions: partitions.map {
                                        .init(partitionIndex: $0.partition, currentLeaderEpoch: -1, timestamp: requests[$0]!.wireValue)
                                    })
                                },
                                // Only v10+ carries a timeout (for tiered-storage lookups).
                                timeoutMs: version >= 10 ? timeoutMs : 0)
                        }
                        return response.topics.flatMap { topic in
                            topic.partitions.map {
                                (TopicPartition(topic.name, $0.partitionIndex), ErrorCode(rawValue: $0.errorCode),
                                 ListedOffset(offset: $0.offset, timestamp: $0.timestamp, leaderEpoch: $0.leaderEpoch))
                            }
                        }
                    }
                }
                var all: [(TopicPartition, ErrorCode, ListedOffset)] = []
                for try await answer in group { all.append(contentsOf: answer) }
                return all
            }
            var retry = false
            for (partition, code, offset) in answers where remaining[partition] != nil {
                if code == .none {
                    results[partition] = .success(offset)
                    remaining[partition] = nil
                } else if code.isRetriable && backoff.canRetry {
                    retry = true
                } else {
                    results[partition] = .failure(.broker(code, "ListOffsets for \(partition)"))
                    remaining[partition] = nil
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
