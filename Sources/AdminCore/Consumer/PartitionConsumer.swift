import NIOCore

/// Reads partitions from given positions without a group (console-consumer's fast path): one fetch round to
/// every leader at a time, the next round sent as soon as a response's batch headers say where to continue, so
/// that fetching overlaps decoding and printing.
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
                let low = try earliest[partition]!.get().offset
                let high = try latest[partition]!.get().offset
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

    private struct Round: Sendable {
        var responses: [(leader: Int32, response: FetchResponse)]
        var failures: [(leader: Int32, partitions: [TopicPartition], error: KafkactlError)]
    }

    private func fetchLoop(
        _ start: [TopicPartition: Int64], stopAtEnd: Bool, stopOffsets: [TopicPartition: Int64],
        channel: BoundedChannel<ConsumedRecords>
    ) async throws {
        // A partition already at its stop offset has nothing to read.
        var positions = start.filter { partition, position in stopOffsets[partition].map { position < $0 } ?? true }
        guard !positions.isEmpty else { return }
        var ends: [TopicPartition: Int64] = stopOffsets
        var leaders = try await leaderMap(for: Set(positions.keys.map(\.topic)), fresh: false)
        var lastProgress = ContinuousClock.now
        var backoff = RetryBackoff(client.configuration)
        try await withThrowingTaskGroup(of: Round.self) { group in
            group.addTask { [positions, leaders] in await self.fetchRound(positions, leaders: leaders) }
            while let round = try await group.next() {
                try Task.checkCancellation()
                var refresh = false
                var chunks: [ConsumedRecords] = []
                var nextPositions = positions
                var resets: [TopicPartition] = []
                for (leader, partitions, error) in round.failures {
                    _ = leader
                    _ = partitions
                    refresh = true
                    if ContinuousClock.now - lastProgress > client.configuration.apiTimeout { throw error }
                }
                for (_, response) in round.responses {
                    if response.errorCode != 0 {
                        refresh = true
                        continue
                    }
                    for topic in response.responses {
                        for data in topic.partitions {
                            let partition = TopicPartition(topic.topic, data.partitionIndex)
                            guard let position = positions[partition] else { continue }
                            let code = ErrorCode(rawValue: data.errorCode)
                            if code == .offsetOutOfRange {
                                resets.append(partition)
                                continue
                            }
                            if code != .none {
                                if code.isRetriable || code == .notLeaderOrFollower {
                                    refresh = true
                                    continue
                                }
                                throw KafkactlError.broker(code, "cannot fetch \(partition)")
                            }
                            lastProgress = ContinuousClock.now
                            let end = configuration.isolation == .readCommitted && data.lastStableOffset >= 0
                                ? data.lastStableOffset : data.highWatermark
                            if stopAtEnd { ends[partition] = min(ends[partition] ?? end, end) }
                            var next = position
                            if let records = data.records {
                                let scan = RecordBatchReader.scan(records, from: position, before: stopOffsets[partition])
                                if let after = scan.nextOffset { next = max(position, after) }
                                if scan.hasRecordsInRange || (stopAtEnd && scan.nextOffset != nil) {
                                    chunks.append(ConsumedRecords(
                                        topicPartition: partition, blob: records, position: position,
                                        stopOffset: stopOffsets[partition], highWatermark: data.highWatermark, nextOffset: next,
                                        aborted: data.abortedTransactions,
                                        filterAborted: configuration.isolation == .readCommitted,
                                        verifyChecksums: configuration.checkCRCs))
                                }
                            }
                            nextPositions[partition] = next
                            if let end = ends[partition], next >= end { nextPositions[partition] = nil }
                        }
                    }
                }
                for partition in resets {
                    switch configuration.autoOffsetReset {
                    case .none:
                        throw KafkactlError(.rejected, "offset \(positions[partition]!) is out of range for \(partition) and auto.offset.reset is none [OFFSET_OUT_OF_RANGE]", code: .offsetOutOfRange)
                    case .earliest, .latest:
                        let spec: OffsetSpec = configuration.autoOffsetReset == .earliest ? .earliest : .latest
                        let offset = try await client.listOffsets([partition: spec], isolation: configuration.isolation)[partition]!.get().offset
                        nextPositions[partition] = offset
                    }
                }
                // A round that answered none of the partitions asked for (an odd broker, or a fetch session it
                // invented) must not turn into a busy loop: wait as after an error.
                let answered = round.responses.contains { !$0.response.responses.flatMap(\.partitions).isEmpty }
                if !answered && round.failures.isEmpty { refresh = true }
                positions = nextPositions
                if refresh {
                    try await backoff.wait()
                    leaders = try await leaderMap(for: Set(positions.keys.map(\.topic)), fresh: true)
                } else {
                    backoff.reset()
                }
                if !positions.isEmpty {
                    // The next round goes out before this one's records are handed over.
                    group.addTask { [positions, leaders] in await self.fetchRound(positions, leaders: leaders) }
                }
                for chunk in chunks {
                    await channel.send(chunk, weight: chunk.byteCount)
                }
                if positions.isEmpty { return }
            }
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

    /// One Fetch to each leader, concurrently; a leader that cannot be reached is reported, not thrown, so the
    /// others' records still arrive.
    private func fetchRound(_ positions: [TopicPartition: Int64], leaders: [TopicPartition: Int32]) async -> Round {
        var byLeader: [Int32: [TopicPartition]] = [:]
        for partition in positions.keys { byLeader[leaders[partition] ?? -1, default: []].append(partition) }
        return await withTaskGroup(of: Round.self) { group in
            for (leader, partitions) in byLeader {
                group.addTask {
                    do {
                        guard leader >= 0 else {
                            throw KafkactlError(.rejected, "no leader for \(partitions.map(\.description).joined(separator: ", "))")
                        }
                        let request = FetchRequest(
                            replicaId: -1, maxWaitMs: Int32(clamping: configuration.fetchMaxWait.milliseconds),
                            minBytes: configuration.fetchMinBytes, maxBytes: configuration.fetchMaxBytes,
                            isolationLevel: configuration.isolation.rawValue, sessionId: 0, sessionEpoch: -1,
                            topics: Dictionary(grouping: partitions, by: \.topic).map { topic, partitions in
                                .init(topic: topic, partitions: partitions.sorted().map {
                                    .init(partition: $0.partition, fetchOffset: positions[$0]!,
                                          partitionMaxBytes: configuration.maxPartitionFetchBytes)
                                })
                            })
                        let connection = try await client.leaderConnection(leader, lane: .fetch)
                        let response = try await connection.send(request)
                        return Round(responses: [(leader, response)], failures: [])
                    } catch let error as KafkactlError {
                        return Round(responses: [], failures: [(leader, partitions, error)])
                    } catch {
                        return Round(responses: [], failures: [(leader, partitions, KafkactlError(.internal, "\(error)"))])
                    }
                }
            }
            var merged = Round(responses: [], failures: [])
            for await round in group {
                merged.responses += round.responses
                merged.failures += round.failures
            }
            return merged
        }
    }
}
