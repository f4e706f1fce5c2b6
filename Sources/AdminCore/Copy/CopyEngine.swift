import NIOCore
import Synchronization

/// How far a copy has got: records and bytes the target has acknowledged behind the last cut, and each source
/// partition's position.
public struct CopyProgress: Sendable {
    public var copied: Int
    public var bytes: Int
    /// Records this run set out to copy.
    public var total: Int64
    /// Each source partition's first record not yet durably copied.
    public var positions: [Int32: Int64]
    public var elapsed: Duration
    /// Source records `--where` left out so far (they count towards `total` as done).
    public var skipped: Int

    public init(copied: Int, bytes: Int, total: Int64, positions: [Int32: Int64], elapsed: Duration, skipped: Int = 0) {
        self.skipped = skipped
        self.copied = copied
        self.bytes = bytes
        self.total = total
        self.positions = positions
        self.elapsed = elapsed
    }
}

/// What a run did.
public struct CopySummary: Sendable {
    /// What this run set out to copy (after a resume: what remained).
    public var plan: CopyPlan
    public var copied: Int
    public var bytes: Int
    /// Records an earlier run had written past its checkpoint, found in the target and matched on resume.
    public var reconciled: Int
    public var elapsed: Duration
    public var interrupted: Bool
    /// The cut written last.
    public var checkpoint: CopyCheckpoint
    /// Source records `--where` left out.
    public var skipped: Int

    public init(plan: CopyPlan, copied: Int, bytes: Int, reconciled: Int, elapsed: Duration, interrupted: Bool,
                checkpoint: CopyCheckpoint, skipped: Int = 0) {
        self.skipped = skipped
        self.plan = plan
        self.copied = copied
        self.bytes = bytes
        self.reconciled = reconciled
        self.elapsed = elapsed
        self.interrupted = interrupted
        self.checkpoint = checkpoint
    }
}

/// What the tasks of one run share: the tracker, and whether to stop or the reading is done.
private final class CopyRunState: Sendable {
    let tracker: Mutex<CopyTracker>
    let stopping = Atomic<Bool>(false)
    let finished = Atomic<Bool>(false)

    init(_ tracker: CopyTracker) { self.tracker = Mutex(tracker) }
}

/// Copies records from a source topic to a target topic as bytes: key, value, headers (order and repeats kept) and
/// timestamp, null apart from empty. Reads with the partition consumer, writes with the idempotent producer
/// (acks=all), and after acknowledgements writes the consistent cut `CopyTracker` keeps to a `CheckpointStore`, so a
/// run stopped at any moment — killed, interrupted, cut off — resumes without gaps or duplicates.
public struct CopyEngine: Sendable {
    public let source: KafkaClient
    public let target: KafkaClient
    public let checkpointStore: any CheckpointStore
    public var producerConfiguration: ProducerConfiguration
    public var consumerConfiguration = ConsumerConfiguration()
    public var rate: CopyRate?
    /// `--where`: only the source records it matches are copied; nil copies every record.
    public var filter: CopyFilter?
    /// Records handed to the producer and not yet behind the cut: past it the copy waits for acknowledgements, which
    /// bounds memory and the records a resume has to reconcile.
    public var maxOutstanding = 200_000
    public var checkpointInterval: Duration = .milliseconds(500)

    public init(source: KafkaClient, target: KafkaClient, checkpointStore: any CheckpointStore,
                producerConfiguration: ProducerConfiguration = ProducerConfiguration()) {
        self.source = source
        self.target = target
        self.checkpointStore = checkpointStore
        var configuration = producerConfiguration
        // Exactly once in the target rests on these two; the command refuses properties that change them.
        configuration.acks = .all
        configuration.idempotence = true
        self.producerConfiguration = configuration
    }

    /// The checkpoint of a copy that has not started: every source partition at its start, every target partition at
    /// its log end now.
    public func initialCheckpoint(for plan: CopyPlan) async throws -> CopyCheckpoint {
        let targetConsumer = PartitionConsumer(client: target, configuration: consumerConfiguration)
        let ends = try await targetConsumer.logEnds((0..<plan.targetPartitionCount).map { TopicPartition(plan.targetTopic, $0) })
        return CopyCheckpoint(
            sourceTopic: plan.sourceTopic, targetTopic: plan.targetTopic, partitionMap: plan.partitionMap,
            targetPartitionCount: plan.targetPartitionCount,
            sources: plan.ranges.map { .init(partition: $0.partition, next: $0.start, end: $0.end) },
            targetEnds: Dictionary(uniqueKeysWithValues: ends.map { ($0.key.partition, $0.value) }),
            filterExpression: filter?.expression)
    }

    /// Settles what a dead run wrote past `checkpoint` (see `CopyReconciler`) and saves the settled cut.
    public func reconcile(_ checkpoint: CopyCheckpoint) async throws -> (checkpoint: CopyCheckpoint, reconciled: Int) {
        let reconciler = CopyReconciler(source: PartitionConsumer(client: source, configuration: consumerConfiguration), filter: filter,
                                        target: PartitionConsumer(client: target, configuration: consumerConfiguration))
        let outcome = try await reconciler.reconcile(checkpoint)
        if outcome.reconciled > 0 { try await checkpointStore.save(outcome.checkpoint) }
        return (outcome.checkpoint, outcome.reconciled)
    }

    /// Copies what `checkpoint` has pending. Saves it first (so that a run killed after its first acknowledgement can
    /// be resumed), then after acknowledgements every `checkpointInterval` and at the end. Returns when every pending
    /// record is acknowledged, or when `stopRequested` returns (then what was handed over is flushed and the cut
    /// saved). A record the target refuses fails the run after the cut before it is saved.
    public func run(
        _ checkpoint: CopyCheckpoint, reconciled: Int = 0, stopRequested: @escaping @Sendable () async -> Void,
        progress: @escaping @Sendable (CopyProgress) -> Void
    ) async throws -> CopySummary {
        let plan = checkpoint.remainingPlan
        try await checkpointStore.save(checkpoint)
        let state = CopyRunState(CopyTracker(
            sourceStarts: Dictionary(uniqueKeysWithValues: checkpoint.sources.map { ($0.partition, $0.next) }),
            targetEnds: checkpoint.targetEnds))
        let started = ContinuousClock.now
        let producer = Producer(client: target, topic: plan.targetTopic, configuration: producerConfiguration)
        try await producer.start()
        await producer.observeAcknowledgements { numbers, _ in state.tracker.withLock { $0.acknowledge(numbers) } }
        let store = checkpointStore
        let total = plan.totalRecords
        @Sendable func cut() -> (CopyCheckpoint, CopyProgress) {
            let (sources, targets, copied, bytes, skipped) = state.tracker.withLock { tracker in
                let cut = tracker.cut()
                return (cut.sources, cut.targets, tracker.acknowledgedRecords, tracker.acknowledgedBytes, tracker.skippedRecords)
            }
            var saved = checkpoint
            for index in saved.sources.indices { saved.sources[index].next = sources[saved.sources[index].partition]! }
            saved.targetEnds = targets
            return (saved, CopyProgress(copied: copied, bytes: bytes, total: total, positions: sources,
                                        elapsed: ContinuousClock.now - started, skipped: skipped))
        }

        async let sending: Void = producer.run()
        let interval = checkpointInterval
        let readError: Error? = await withTaskGroup(of: Error?.self) { group in
            group.addTask {
                await stopRequested()
                if !Task.isCancelled { state.stopping.store(true, ordering: .relaxed) }
                return nil
            }
            group.addTask {
                var last = checkpoint
                while !state.finished.load(ordering: .relaxed) {
                    try? await Task.sleep(for: interval)
                    let (saved, report) = cut()
                    if saved != last {
                        do {
                            try await store.save(saved)
                        } catch {
                            // Cancelled because the copy ended: the final save below follows; a group store's
                            // request in flight ends with the task.
                            if Task.isCancelled { return nil }
                            return error
                        }
                        last = saved
                    }
                    progress(report)
                }
                return nil
            }
            let error = await self.copyRecords(plan, producer: producer, state: state)
            state.finished.store(true, ordering: .relaxed)
            group.cancelAll()
            var first = error
            for await other in group where first == nil { first = other }
            return first
        }
        let delivery = await producer.close()
        await sending
        let (final, report) = cut()
        try await checkpointStore.save(final)
        progress(report)
        if delivery.failedCount > 0 {
            let first = delivery.failures[0].error
            throw KafkactlError(first.category == .unreachable ? .unreachable : .partial,
                                "\(delivery.failedCount) records were not written to '\(plan.targetTopic)' (first: \(first.message)); the checkpoint holds what was, resume with --resume",
                                code: first.code)
        }
        if let readError { throw readError }
        return CopySummary(plan: plan, copied: report.copied, bytes: report.bytes, reconciled: reconciled,
                           elapsed: report.elapsed, interrupted: state.stopping.load(ordering: .relaxed) && final.sources.contains { $0.next < $0.end },
                           checkpoint: final, skipped: report.skipped)
    }

    /// Reads the pending ranges and hands their records to the producer, numbered in the tracker, at the `--rate`.
    private func copyRecords(_ plan: CopyPlan, producer: Producer, state: CopyRunState) async -> Error? {
        let pending = plan.ranges.filter { $0.count > 0 }
        guard !pending.isEmpty else { return nil }
        let consumer = PartitionConsumer(client: source, configuration: consumerConfiguration)
        let limiter = CopyRateLimiter(rate)
        let filter = self.filter
        let maxOutstanding = self.maxOutstanding
        var handed = 0
        var handedBytes = 0
        var batch: [ProducerRecord] = []
        do {
            try await consumer.consume(
                from: Dictionary(uniqueKeysWithValues: pending.map { (TopicPartition(plan.sourceTopic, $0.partition), $0.start) }),
                stopAtEnd: false,
                stopOffsets: Dictionary(uniqueKeysWithValues: pending.map { (TopicPartition(plan.sourceTopic, $0.partition), $0.end) })
            ) { chunk in
                if state.stopping.load(ordering: .relaxed) { return .stop }
                let sourcePartition = chunk.topicPartition.partition
                batch.removeAll(keepingCapacity: true)
                var bytes = 0
                try state.tracker.withLock { tracker in
                    var after: Int64?
                    try chunk.forEachRecord { view in
                        after = view.offset + 1
                        if let filter, !filter.matches(view, sourcePartition) {
                            tracker.skip(source: sourcePartition, offset: view.offset)
                            return true
                        }
                        let target = plan.targetPartition(sourcePartition: sourcePartition, offset: view.offset, key: view.key)
                        // Keys, values and header values are slices of the fetched bytes, not copies: the producer
                        // copies them once, into its batch.
                        var headers: [RecordHeader] = []
                        var size = (view.key?.count ?? 0) + (view.value?.count ?? 0)
                        if view.headerCount > 0 {
                            headers.reserveCapacity(view.headerCount)
                            try view.forEachHeader { key, value in
                                var owned: ByteBuffer?
                                if let value { owned = chunk.owned(value) }
                                headers.append(RecordHeader(key: String(decoding: key, as: UTF8.self), value: owned))
                                size += key.count + (value?.count ?? 0)
                            }
                        }
                        bytes += size
                        let number = tracker.register(source: sourcePartition, offset: view.offset, target: target, size: size)
                        // Called directly, not as `map(chunk.owned)`: a method reference copies the chunk per call.
                        var key: ByteBuffer?
                        var value: ByteBuffer?
                        if let bytes = view.key { key = chunk.owned(bytes) }
                        if let bytes = view.value { value = chunk.owned(bytes) }
                        batch.append(ProducerRecord(key: key, value: value, headers: headers,
                                                    timestamp: view.timestamp, partition: target, source: number))
                        return true
                    }
                    if let after { tracker.advance(source: sourcePartition, to: after) }
                }
                // Under --rate the chunk goes a tenth of a second's worth at a time, each part paced, and a stop is
                // seen between parts. Records numbered but not handed over stay outstanding, so the cut stays before
                // them and a resume reads them again.
                let step = batch.isEmpty ? nil : limiter.step(averageRecordSize: bytes / batch.count)
                var index = 0
                repeat {
                    let end = step.map { min(index + $0, batch.count) } ?? batch.count
                    // The whole chunk at once is handed over as it is, without copying its records into a new array.
                    if end > index { await producer.send(index == 0 && end == batch.count ? batch : Array(batch[index..<end])) }
                    handed += end - index
                    handedBytes += batch.isEmpty ? 0 : bytes * (end - index) / batch.count
                    index = end
                    while state.tracker.withLock({ $0.outstanding }) > maxOutstanding && !state.stopping.load(ordering: .relaxed) {
                        await producer.flush()
                    }
                    try await limiter.pace(records: handed, bytes: handedBytes)
                    if state.stopping.load(ordering: .relaxed) { return .stop }
                } while index < batch.count
                return .continue
            }
            return nil
        } catch {
            return error
        }
    }
}
