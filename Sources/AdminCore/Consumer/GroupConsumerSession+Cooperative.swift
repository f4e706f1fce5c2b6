/// The incremental rebalance (KIP-429), as Java's ConsumerCoordinator runs it with `cooperative-sticky`: the
/// member keeps reading its partitions while it rejoins; when the new assignment arrives it stops, commits and
/// forgets only the partitions it lost, starts the ones it gained from their committed positions, and rejoins at
/// once if it gave anything up, so that the follow-up rebalance can hand those partitions to their new member.
extension GroupConsumerSession {
    func consumeCooperatively(_ print: @escaping @Sendable (ConsumedRecords) async throws -> ChunkProgress) async {
        let reader = CooperativeReader()
        var owned: Set<TopicPartition> = []
        var rejoinNow = true
        while !Task.isCancelled {
            if !rejoinNow {
                switch await nextEvent(reader) {
                case .rebalance: break
                case .ended(.done), .ended(.rebalance): return await reader.stop()
                case .ended(.failed(let error)):
                    await failureBox.set(error)
                    return await reader.stop()
                }
            }
            // A member the coordinator forgot must not read on: its partitions may be someone else's already.
            if await member.takePartitionsLost() { owned = await dropAll(owned, reader) }
            let assigned: [TopicPartition]
            switch await joinWhileReading(reader) {
            case .joined(let partitions): assigned = partitions
            case .ended(.done), .ended(.rebalance): return await reader.stop()
            case .ended(.failed(let error)):
                await failureBox.set(error)
                return await reader.stop()
            }
            if await member.takePartitionsLost() { owned = await dropAll(owned, reader) }
            let now = Set(assigned)
            let revoked = owned.subtracting(now)
            if now != owned {
                do {
                    try await switchPartitions(from: owned, to: now, reader: reader, print)
                } catch {
                    await failureBox.set(error)
                    return await reader.stop()
                }
                owned = now
            }
            if now.isEmpty && (stopAtEnd || !stopOffsets.isEmpty) && revoked.isEmpty {
                // Nothing to read to an end: done, as in an eager group.
                return await reader.stop()
            }
            rejoinNow = !revoked.isEmpty
        }
        await reader.stop()
    }

    /// Stops reading, commits and forgets the revoked partitions, and reads on with the kept ones (from the
    /// positions printed so far, nothing read twice) and the new ones (from their committed positions).
    private func switchPartitions(
        from owned: Set<TopicPartition>, to now: Set<TopicPartition>, reader: CooperativeReader,
        _ print: @escaping @Sendable (ConsumedRecords) async throws -> ChunkProgress
    ) async throws {
        await reader.stop()
        let revoked = owned.subtracting(now)
        await commit(only: revoked)
        await positions.remove(revoked)
        let added = now.subtracting(owned)
        await positions.add(try await startPositions(added.sorted()))
        let start = await positions.current(now)
        guard !start.isEmpty else { return }
        await reader.start { [self] in
            do {
                return try await self.consume(from: start, print)
            } catch {
                return Task.isCancelled ? .done : .failed(error)
            }
        }
    }

    private func dropAll(_ owned: Set<TopicPartition>, _ reader: CooperativeReader) async -> Set<TopicPartition> {
        await reader.stop()
        await positions.remove(owned)
        return []
    }

    private enum Event: Sendable {
        case rebalance
        case ended(Stop)
    }

    /// The coordinator asking for a rebalance, or the reading ending (--max-messages, the end with --exit-at-end, an
    /// error), whichever comes first.
    private func nextEvent(_ reader: CooperativeReader) async -> Event {
        await withTaskGroup(of: Event?.self) { group in
            group.addTask {
                await self.member.waitForRebalance()
                return Task.isCancelled ? nil : .rebalance
            }
            group.addTask { await reader.waitForEnd().map { .ended($0) } }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .ended(.done)
        }
    }

    private enum JoinOutcome: Sendable {
        case joined([TopicPartition])
        case ended(Stop)
    }

    /// Joins while the owned partitions are still read; stops joining if the reading ends first.
    private func joinWhileReading(_ reader: CooperativeReader) async -> JoinOutcome {
        await withTaskGroup(of: JoinOutcome?.self) { group in
            group.addTask {
                do {
                    return .joined(try await self.member.join())
                } catch {
                    return Task.isCancelled ? nil : .ended(.failed(error))
                }
            }
            group.addTask { await reader.waitForEnd().map { .ended($0) } }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .ended(.done)
        }
    }
}

/// The reading of a cooperative member's partitions: a task that outlives each rebalance, stopped only when the
/// partitions change. Its end (records exhausted, an error) is reported to whoever waits for it.
actor CooperativeReader {
    private var task: Task<Void, Never>?
    /// Identifies the current reading, so that the end of a stopped one is not reported.
    private var run = 0
    private var ended: GroupConsumerSession.Stop?
    private var waiters: [Int: CheckedContinuation<GroupConsumerSession.Stop?, Never>] = [:]
    private var nextWaiter = 0

    func start(_ body: @escaping @Sendable () async -> GroupConsumerSession.Stop) {
        run += 1
        ended = nil
        let current = run
        task = Task {
            let stop = await body()
            self.finished(stop, run: current)
        }
    }

    /// Cancels the reading and returns once it has stopped, so that its last printed positions are final.
    func stop() async {
        guard let running = task else { return }
        task = nil
        run += 1
        ended = nil
        running.cancel()
        await running.value
    }

    private func finished(_ stop: GroupConsumerSession.Stop, run finishedRun: Int) {
        guard finishedRun == run else { return }
        task = nil
        ended = stop
        let waiting = waiters
        waiters.removeAll()
        for waiter in waiting.values { waiter.resume(returning: stop) }
    }

    /// How the reading ended; waits while it runs (or while nothing is read). Nil when the waiting task is cancelled.
    func waitForEnd() async -> GroupConsumerSession.Stop? {
        if let ended { return ended }
        let id = nextWaiter
        nextWaiter += 1
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(returning: nil)
                } else {
                    waiters[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume(returning: nil)
    }
}
