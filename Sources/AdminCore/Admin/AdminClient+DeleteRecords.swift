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
        var results: [TopicPartition: Result<Int64, KafkactlError>] = [:]
        var remaining = cuts
        var backoff = RetryBackoff(client.configuration)
        var firstRound = true
        while !remaining.isEmpty {
            // A retry follows a moved leader or a missing partition: it needs fresh metadata, the first round not.
            let plan = try await client.partitionsByLeader(remaining.keys, fresh: !firstRound)
            firstRound = false
            for (partition, error) in plan.unknown {
                results[partition] = .failure(error)
                remaining[partition] = nil
            }
            let requests = remaining
            // The broker waits up to this long for the followers to move their log start offsets too.
            let timeoutMs = Int32(clamping: client.configuration.requestTimeout.milliseconds)
            let shards = try await client.sendToLeaders(plan.byLeader) { _, partitions in
                DeleteRecordsRequest(
                    topics: Dictionary(grouping: partitions, by: \.topic).sorted { $0.key < $1.key }.map { topic, partitions in
                        .init(name: topic, partitions: partitions.sorted().map {
                            .init(partitionIndex: $0.partition, offset: requests[$0]!.wireValue)
                        })
                    },
                    timeoutMs: timeoutMs)
            }
            var retry = false
            for shard in shards {
                for topic in shard.response.topics {
                    for answer in topic.partitions {
                        let partition = TopicPartition(topic.name, answer.partitionIndex)
                        guard remaining[partition] != nil else { continue }
                        let code = ErrorCode(rawValue: answer.errorCode)
                        if code == .none {
                            results[partition] = .success(answer.lowWatermark)
                            remaining[partition] = nil
                        } else if code.retryAction != .fail && code.retryAction != .findCoordinator && backoff.canRetry {
                            retry = true
                        } else {
                            results[partition] = .failure(.broker(code, "Deleting records of \(partition)"))
                            remaining[partition] = nil
                        }
                    }
                }
            }
            if !remaining.isEmpty {
                if !retry {
                    // A leader that answered without naming a partition it was asked about.
                    for partition in remaining.keys {
                        results[partition] = .failure(KafkactlError(.internal, "the broker did not answer DeleteRecords for \(partition)"))
                    }
                    break
                }
                try await backoff.wait()
            }
        }
        return results
    }
}
