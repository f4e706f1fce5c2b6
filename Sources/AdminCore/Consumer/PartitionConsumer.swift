import NIOCore

/// Reads partitions from given positions without a group (console-consumer's fast path): one fetch loop per leader,
/// each sending its next Fetch as soon as a response's batch headers say where to continue, so that fetching
/// overlaps decoding and printing and a quiet leader holds back no other.
public struct PartitionConsumer: Sendable {
    public let client: KafkaClient
    public let configuration: ConsumerConfiguration

    public init(client: KafkaClient, configuration: ConsumerConfiguration) {
        self.client = client
        self.configuration = configuration
    }

    /// Where to start in each partition.
    public enum StartPosition: Sendable, Hashable {
        case earliest
        case latest
        case offset(Int64)
        /// The first record at or after this time (ms since the epoch).
        case timestamp(Int64)
        /// The last N records of each partition.
        case lastRecords(Int64)
    }

    /// Turns start positions into offsets (ListOffsets, by leader). An absolute offset is used as it is, as Kafka's
    /// consumer seeks: when it is out of range the first fetch says so and `auto.offset.reset` decides.
    public func resolve(_ starts: [TopicPartition: StartPosition]) async throws -> [TopicPartition: Int64] {
        var specs: [TopicPartition: OffsetSpec] = [:]
        var needsBounds: [TopicPartition] = []
        var resolved: [TopicPartition: Int64] = [:]
        for (partition, start) in starts {
            switch start {
            case .earliest: specs[partition] = .earliest
            case .latest: specs[partition] = .latest
            case .timestamp(let time): specs[partition] = .timestamp(time)
            case .offset(let offset): resolved[partition] = offset
            case .lastRecords: needsBounds.append(partition)
            }
        }
        let listed = try await client.listOffsets(specs, isolation: configuration.isolation)
        var timeMisses: [TopicPartition] = []
        for (partition, result) in listed {
            let offset = try result.get().offset
            if offset < 0 { timeMisses.append(partition) } else { resolved[partition] = offset }
        }
        needsBounds += timeMisses
        if !needsBounds.isEmpty {
            let earliest = try await client.listOffsets(Dictionary(uniqueKeysWithValues: needsBounds.map { ($0, .earliest) }))
            let latest = try await client.listOffsets(Dictionary(uniqueKeysWithValues: needsBounds.map { ($0, .latest) }),
                                                     isolation: configuration.isolation)
            for partition in needsBounds {
                let low = try earliest.answer(for: partition, "partition \(partition)").offset
                let high = try latest.answer(for: partition, "partition \(partition)").offset
                switch starts[partition]! {
                case .lastRecords(let count): resolved[partition] = max(high - count, low)
                default: resolved[partition] = high  // no record at or after the time: the end of the log
                }
            }
        }
        return resolved
    }

    /// Fetches from `positions` and hands each partition's records to `handle` in order, until `handle` says
    /// stop, or (with `stopAtEnd`) every partition has reached the end it had when first fetched, or the task
    /// is cancelled.
    ///
    /// - Parameter stopOffsets: per partition, the offset to stop before (exclusive): records at or beyond it are
    ///   not handed over, and the partition is done once it is reached.
    public func consume(
        from positions: [TopicPartition: Int64], stopAtEnd: Bool, stopOffsets: [TopicPartition: Int64] = [:],
        _ handle: (ConsumedRecords) async throws -> ConsumeDecision
    ) async throws {
        // Four chunks, and no more than 8 MiB of fetched bytes waiting beyond the first: enough to keep the printer busy
        // while the next fetch is out, and a bound on memory however fast the broker answers.
        let channel = BoundedChannel<ConsumedRecords>(capacity: 4, maximumWeight: 8 << 20)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await self.fetchLoop(positions, stopAtEnd: stopAtEnd, stopOffsets: stopOffsets, channel: channel)
                    await channel.finish()
                } catch {
                    await channel.finish(throwing: error)
                }
            }
            defer { group.cancelAll() }
            while let chunk = try await channel.receive() {
                if try await handle(chunk) == .stop { break }
            }
            await channel.finish()
        }
    }

    /// Where one partition's reading stands: the next offset to fetch, and the offset to stop before (the caller's
    /// stop offset, lowered to the end of the log when reading to the end), if any.
    private struct PartitionState: Sendable {
        var position: Int64
        var end: Int64?
    }

    /// What a leader's fetch loop gives back: the partitions it still had when it had to stop (a moved leader, a lost
    /// connection, an answer without them), why, and when it last made progress. Empty when its partitions are done.
    private struct Handback: Sendable {
        var partitions: [TopicPartition: PartitionState]
        var error: KafkactlError?
        var lastProgress: ContinuousClock.Instant
    }

    /// One fetch loop per leader, each sending its next Fetch as soon as the last answer's batch headers say where to
    /// continue: a leader with nothing new (its Fetch waits up to fetch.max.wait.ms) does not hold back the others, as
    /// one round across every leader would. Partitions a loop gives back are routed again with fresh metadata after
    /// the one backoff; a partition with no progress for the API timeout fails the read.
    private func fetchLoop(
        _ start: [TopicPartition: Int64], stopAtEnd: Bool, stopOffsets: [TopicPartition: Int64],
        channel: BoundedChannel<ConsumedRecords>
    ) async throws {
        // A partition already at its stop offset has nothing to read.
        var unrouted: [TopicPartition: PartitionState] = [:]
        for (partition, position) in start where stopOffsets[partition].map({ position < $0 }) ?? true {
            unrouted[partition] = PartitionState(position: position, end: stopOffsets[partition])
        }
        guard !unrouted.isEmpty else { return }
        var backoff = RetryBackoff(client.configuration)
        var fresh = false
        var since = ContinuousClock.now
        var lastHandback = ContinuousClock.now
        try await withThrowingTaskGroup(of: Handback.self) { group in
            while true {
                if !unrouted.isEmpty {
                    let leaders = try await leaderMap(for: Set(unrouted.keys.map(\.topic)), fresh: fresh)
                    let byLeader = Dictionary(grouping: unrouted, by: { leaders[$0.key] ?? -1 })
                    for (leader, entries) in byLeader {
                        let states = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
                        group.addTask { [since] in
                            try await self.leaderLoop(
                                leader, states, since: since, stopAtEnd: stopAtEnd, stopOffsets: stopOffsets, channel: channel)
                        }
                    }
                    unrouted = [:]
                }
                guard let handback = try await group.next() else { return }
                guard !handback.partitions.isEmpty else { continue }
                if let error = handback.error, ContinuousClock.now - handback.lastProgress > client.configuration.apiTimeout {
                    throw error
                }
                // Progress since the last give-back starts the backoff over.
                if handback.lastProgress > lastHandback { backoff.reset() }
                lastHandback = ContinuousClock.now
                try await backoff.wait()
                unrouted = handback.partitions
                since = handback.lastProgress
                fresh = true
            }
        }
    }

    /// Fetches `states` from one leader until they are done or must be routed again (see `fetchLoop`).
    private func leaderLoop(
        _ leader: Int32, _ start: [TopicPartition: PartitionState], since: ContinuousClock.Instant, stopAtEnd: Bool,
        stopOffsets: [TopicPartition: Int64], channel: BoundedChannel<ConsumedRecords>
    ) async throws -> Handback {
        var states = start
        var lastProgress = since
        guard leader >= 0 else {
            let names = states.keys.sorted().map(\.description).joined(separator: ", ")
            return Handback(partitions: states, error: KafkactlError(.rejected, "no leader for \(names)"), lastProgress: lastProgress)
        }
        return try await withThrowingTaskGroup(of: Result<FetchResponse, KafkactlError>.self) { group in
            group.addTask { [states] in await self.fetch(states, from: leader) }
            while let outcome = try await group.next() {
                try Task.checkCancellation()
                let response: FetchResponse
                switch outcome {
                case .failure(let error): return Handback(partitions: states, error: error, lastProgress: lastProgress)
                case .success(let answer): response = answer
                }
                if response.errorCode != 0 {
                    let code = ErrorCode(rawValue: response.errorCode)
                    return Handback(partitions: states, error: .broker(code, "cannot fetch from broker \(leader)"), lastProgress: lastProgress)
                }
                // An answer naming none of the partitions asked for (an odd broker, or a fetch session it invented)
                // must not turn into a busy loop: give them back, to be asked again after the backoff.
                guard response.responses.contains(where: { !$0.partitions.isEmpty }) else {
                    return Handback(partitions: states, error: nil, lastProgress: lastProgress)
                }
                var chunks: [ConsumedRecords] = []
                var moved: [TopicPartition: PartitionState] = [:]
                var resets: [TopicPartition] = []
                for topic in response.responses {
                    for data in topic.partitions {
                        let partition = TopicPartition(topic.topic, data.partitionIndex)
                        guard var state = states[partition] else { continue }
                        let code = ErrorCode(rawValue: data.errorCode)
                        if code == .offsetOutOfRange {
                            resets.append(partition)
                            continue
                        }
                        if code != .none {
                            guard code.isRetriable || code == .notLeaderOrFollower else {
                                throw KafkactlError.broker(code, "cannot fetch \(partition)")
                            }
                            moved[partition] = state
                            states[partition] = nil
                            continue
                        }
                        lastProgress = ContinuousClock.now
                        let logEnd = configuration.isolation == .readCommitted && data.lastStableOffset >= 0
                            ? data.lastStableOffset : data.highWatermark
                        if stopAtEnd { state.end = min(state.end ?? logEnd, logEnd) }
                        var next = state.position
                        if let records = data.records {
                            let scan = RecordBatchReader.scan(records, from: state.position, before: stopOffsets[partition])
                            if let after = scan.nextOffset { next = max(state.position, after) }
                            if scan.hasRecordsInRange || (stopAtEnd && scan.nextOffset != nil) {
                                chunks.append(ConsumedRecords(
                                    topicPartition: partition, blob: records, position: state.position,
                                    stopOffset: stopOffsets[partition], highWatermark: data.highWatermark, nextOffset: next,
                                    aborted: data.abortedTransactions,
                                    filterAborted: configuration.isolation == .readCommitted,
                                    verifyChecksums: configuration.checkCRCs))
                            }
                        }
                        state.position = next
                        states[partition] = state.end.map { next >= $0 } == true ? nil : state
                    }
                }
                for partition in resets {
                    guard let position = states[partition]?.position else { continue }
                    states[partition]?.position = try await resetPosition(partition, from: position)
                }
                // The next Fetch goes out before this answer's records are handed over.
                if moved.isEmpty && !states.isEmpty {
                    group.addTask { [states] in await self.fetch(states, from: leader) }
                }
                for chunk in chunks {
                    await channel.send(chunk, weight: chunk.byteCount)
                }
                if !moved.isEmpty {
                    return Handback(partitions: states.merging(moved) { current, _ in current }, error: nil, lastProgress: lastProgress)
                }
                if states.isEmpty { break }
            }
            return Handback(partitions: [:], error: nil, lastProgress: lastProgress)
        }
    }

    /// Where to continue after OFFSET_OUT_OF_RANGE, as `auto.offset.reset` says.
    private func resetPosition(_ partition: TopicPartition, from position: Int64) async throws -> Int64 {
        switch configuration.autoOffsetReset {
        case .none:
            throw KafkactlError(.rejected, "offset \(position) is out of range for \(partition) and auto.offset.reset is none [OFFSET_OUT_OF_RANGE]", code: .offsetOutOfRange)
        case .earliest, .latest:
            let spec: OffsetSpec = configuration.autoOffsetReset == .earliest ? .earliest : .latest
            return try await client.listOffsets([partition: spec], isolation: configuration.isolation)
                .answer(for: partition, "partition \(partition)").offset
        }
    }

    /// Each partition's leader: from the metadata the command already holds at the start, fresh after a round that
    /// found a leader moved.
    private func leaderMap(for topics: Set<String>, fresh: Bool) async throws -> [TopicPartition: Int32] {
        let metadata = fresh ? try await client.metadata(topics: Array(topics)) : try await client.metadata(covering: Array(topics))
        var leaders: [TopicPartition: Int32] = [:]
        for name in topics {
            guard let topic = metadata.topics[name], topic.error == .none || topic.error == .leaderNotAvailable else {
                let code = metadata.topics[name]?.error ?? .unknownTopicOrPartition
                throw KafkactlError(.notFound, "Topic '\(name)' does not exist [\(code.name)]", code: code)
            }
            for partition in topic.partitions { leaders[TopicPartition(name, partition.partition)] = partition.leader }
        }
        return leaders
    }

    /// One Fetch of `states` from `leader`; a failure to reach it is the answer, not thrown, so that the loop can give
    /// the partitions back to be routed again.
    private func fetch(_ states: [TopicPartition: PartitionState], from leader: Int32) async -> Result<FetchResponse, KafkactlError> {
        do {
            let request = FetchRequest(
                replicaId: -1, maxWaitMs: Int32(clamping: configuration.fetchMaxWait.milliseconds),
                minBytes: configuration.fetchMinBytes, maxBytes: configuration.fetchMaxBytes,
                isolationLevel: configuration.isolation.rawValue, sessionId: 0, sessionEpoch: -1,
                topics: Dictionary(grouping: states.keys, by: \.topic).map { topic, partitions in
                    .init(topic: topic, partitions: partitions.sorted().map {
                        .init(partition: $0.partition, fetchOffset: states[$0]!.position,
                              partitionMaxBytes: configuration.maxPartitionFetchBytes)
                    })
                })
            let connection = try await client.leaderConnection(leader, lane: .fetch)
            return .success(try await connection.send(request))
        } catch let error as KafkactlError {
            return .failure(error)
        } catch {
            return .failure(KafkactlError(.internal, "\(error)"))
        }
    }
}
