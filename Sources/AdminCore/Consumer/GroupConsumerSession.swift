/// A console consumer in a group: join, read the assigned partitions from their committed positions, and on a
/// rebalance commit what was printed and join again; at the end commit and leave. Positions advance only past
/// printed records, so a commit never skips a record (at-least-once).
public final class GroupConsumerSession: Sendable {
    let client: KafkaClient
    let consumer: PartitionConsumer
    let member: any ConsumerGroupMembership
    let autoCommit: Bool
    let autoCommitInterval: Duration
    let stopAtEnd: Bool
    let stopOffsets: [TopicPartition: Int64]
    let positions = Positions()

    /// The next offset to read per partition, as far as records were printed.
    actor Positions {
        var values: [TopicPartition: Int64] = [:]
        var committed: [TopicPartition: Int64] = [:]
        func reset(_ start: [TopicPartition: Int64]) { values = start; committed = start }
        func advance(_ partition: TopicPartition, to offset: Int64) { values[partition] = max(values[partition] ?? offset, offset) }
        /// The positions not committed yet.
        func pending() -> [TopicPartition: Int64] { values.filter { committed[$0.key] != $0.value } }
        func markCommitted(_ done: [TopicPartition: Int64]) { committed.merge(done) { _, new in new } }
        /// Adds newly assigned partitions at their start positions (which are what the group has committed).
        func add(_ start: [TopicPartition: Int64]) {
            values.merge(start) { _, new in new }
            committed.merge(start) { _, new in new }
        }
        /// Forgets partitions that are no longer this member's.
        func remove(_ partitions: Set<TopicPartition>) {
            for partition in partitions {
                values[partition] = nil
                committed[partition] = nil
            }
        }
        func current(_ partitions: Set<TopicPartition>) -> [TopicPartition: Int64] { values.filter { partitions.contains($0.key) } }
    }

    public init(client: KafkaClient, consumer: PartitionConsumer, member: any ConsumerGroupMembership, autoCommit: Bool,
         autoCommitInterval: Duration, stopAtEnd: Bool, stopOffsets: [TopicPartition: Int64] = [:]) {
        self.stopOffsets = stopOffsets
        self.client = client
        self.consumer = consumer
        self.member = member
        self.autoCommit = autoCommit
        self.autoCommitInterval = autoCommitInterval
        self.stopAtEnd = stopAtEnd
    }

    enum Stop: Sendable {
        case done, rebalance
        case failed(Error)
    }

    /// Consumes until `print` says stop, the end is reached (with --exit-at-end), or the task is cancelled.
    public func run(_ print: @escaping @Sendable (ConsumedRecords) async throws -> ChunkProgress) async throws {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await self.member.heartbeatLoop()
                return false
            }
            if self.autoCommit {
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: self.autoCommitInterval)
                        await self.commit()
                    }
                    return false
                }
            }
            group.addTask {
                if self.member.rebalanceProtocol == .cooperative {
                    await self.consumeCooperatively(print)
                } else {
                    try? await self.consumeRounds(print)
                }
                return true
            }
            // When consuming ends, the heartbeats and periodic commits end too.
            while let consumingEnded = await group.next() {
                if consumingEnded { group.cancelAll() }
            }
        }
        try Task.checkCancellation()
        if let failure = await failureBox.value { throw failure }
    }

    let failureBox = FailureBox()
    actor FailureBox {
        var value: Error?
        func set(_ error: Error) { if value == nil { value = error } }
    }

    private func consumeRounds(_ print: @escaping @Sendable (ConsumedRecords) async throws -> ChunkProgress) async throws {
        while !Task.isCancelled {
            let assigned: [TopicPartition]
            do {
                assigned = try await member.join()
            } catch {
                await failureBox.set(error)
                return
            }
            let stop: Stop
            do {
                let start = try await startPositions(assigned)
                await positions.reset(start)
                stop = await withTaskGroup(of: Stop.self) { round in
                    round.addTask {
                        do {
                            if start.isEmpty && !self.stopAtEnd && self.stopOffsets.isEmpty {
                                // More members than partitions: this one waits for the next rebalance.
                                await self.member.waitForRebalance()
                                return .rebalance
                            }
                            return try await self.consume(from: start, print)
                        } catch {
                            return Task.isCancelled ? .done : .failed(error)
                        }
                    }
                    round.addTask {
                        await self.member.waitForRebalance()
                        return Task.isCancelled ? .done : .rebalance
                    }
                    let first = await round.next()!
                    round.cancelAll()
                    return first
                }
            } catch {
                await failureBox.set(error)
                return
            }
            await commit()
            switch stop {
            case .rebalance: continue
            case .done: return
            case .failed(let error):
                await failureBox.set(error)
                return
            }
        }
    }

    /// Reads `start`'s partitions, printing each chunk and moving the positions past what was printed. A chunk is
    /// printed and its position moved in one go, so stopping (a rebalance) never leaves printed records uncounted.
    func consume(from start: [TopicPartition: Int64],
                 _ print: @escaping @Sendable (ConsumedRecords) async throws -> ChunkProgress) async throws -> Stop {
        var finished = false
        try await consumer.consume(from: start, stopAtEnd: stopAtEnd, stopOffsets: stopOffsets) { chunk in
            let printed = try await print(chunk)
            finished = printed.reachedLimit
            // At the limit, the position is after the last record printed; otherwise the whole chunk was handled
            // (control batches and skipped records included).
            let printedUpTo = finished ? printed.nextUnprinted ?? chunk.nextOffset : chunk.nextOffset
            await self.positions.advance(chunk.topicPartition, to: printedUpTo)
            if !self.autoCommit { await self.commit() }
            return finished ? .stop : .continue
        }
        return .done
    }

    /// Committed positions where there are, `auto.offset.reset` elsewhere.
    func startPositions(_ assigned: [TopicPartition]) async throws -> [TopicPartition: Int64] {
        guard !assigned.isEmpty else { return [:] }
        let committed = try await member.committed(assigned)
        let reset: PartitionConsumer.StartPosition = consumer.configuration.autoOffsetReset == .earliest ? .earliest : .latest
        if consumer.configuration.autoOffsetReset == .none, let missing = assigned.first(where: { committed[$0] == nil }) {
            throw KafkactlError(.rejected, "no committed offset for \(missing) and auto.offset.reset is none")
        }
        var starts: [TopicPartition: PartitionConsumer.StartPosition] = [:]
        for partition in assigned { starts[partition] = committed[partition].map { .offset($0) } ?? reset }
        return try await consumer.resolve(starts)
    }

    /// Commits the printed positions not committed yet (of `partitions` only, when given).
    func commit(only partitions: Set<TopicPartition>? = nil) async {
        var pending = await positions.pending()
        if let partitions { pending = pending.filter { partitions.contains($0.key) } }
        guard !pending.isEmpty else { return }
        if (try? await member.commit(pending)) != nil { await positions.markCommitted(pending) }
    }

    /// The final commit and LeaveGroup (Ctrl-C, end of input, --max-messages).
    public func close() async {
        await commit()
        await member.leave()
    }
}

/// How far the session's caller got with a chunk: a console consumer prints records and may stop at a limit, and the
/// group's positions move only past what it printed.
public struct ChunkProgress: Sendable {
    /// The caller's limit (--max-messages) was reached: stop consuming.
    public var reachedLimit: Bool
    /// The offset after the last record printed, if any was.
    public var nextUnprinted: Int64?

    public init(reachedLimit: Bool, nextUnprinted: Int64?) {
        self.reachedLimit = reachedLimit
        self.nextUnprinted = nextUnprinted
    }
}
