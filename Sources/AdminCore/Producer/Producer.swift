import NIOCore

/// Produces records to one topic: partitions them, batches them per partition, and sends the batches to each
/// partition's leader with several requests in flight, retrying what can be retried within the delivery timeout
/// and accounting for every record: each one ends up delivered or in the `DeliverySummary`'s failures.
///
/// Use: `start()`, then `run()` in a child task while calling `send(_:)`; then `close()` returns the summary.
public actor Producer {
    public let topic: String
    public let configuration: ProducerConfiguration
    private let client: KafkaClient

    // Each job's state is a type of its own: where partitions are (`layout`), how batches are numbered for the broker
    // (`sequences`), the room left in buffer.memory (`memory`), and what each leader gets next (`sendQueues`); the
    // actor orders them.
    private var layout = TopicLayout()
    private var sequences = IdempotentSequences()
    private var partitioner = StickyPartitioner()
    private var memory: MemoryBudget
    /// Only used with a `transactional.id`.
    private var transaction = TransactionPartitions()
    /// The failures counted when the current transaction began: a commit with more aborts instead.
    private var failuresBeforeTransaction = 0

    private var open = OpenBatches()
    /// Acknowledged batches' buffers, for the next batches to be written into: without them every batch allocated a
    /// buffer (and grew it from 64 KB to batch.size), and glibc kept the freed ones, so peak RSS grew with the input.
    private var spareBuffers: [ByteBuffer] = []
    /// Sealed batches waiting to be compressed, in seal order (see `compressInOrder`).
    private var compressing: [UncompressedBatch] = []
    private var compressorRunning = false
    private var sendQueues = SendQueues()
    private let newLeaders: AsyncStream<Int32>
    private let newLeaderSink: AsyncStream<Int32>.Continuation

    private var flushWaiters: [CheckedContinuation<Void, Never>] = []
    private var batchCounter = 0
    private var closing = false
    private var summary = DeliverySummary()
    private var firstRetryWarning: String?
    /// Told each acknowledged batch's record sources and when the answer came (producer-perf-test's latencies);
    /// nil for everyone else, who then pay one comparison per batch.
    private var acknowledgementObserver: (@Sendable (_ sources: [Int], _ at: ContinuousClock.Instant) -> Void)?

    struct OpenBatch {
        var builder: RecordBatchBuilder
        var sources: [Int]
        var createdAt: ContinuousClock.Instant
    }

    struct UncompressedBatch: Sendable {
        var number: Int
        var partition: Int32
        var builder: RecordBatchBuilder
        var producer: RecordBatchBuilder.ProducerState
        var sources: [Int]
        var createdAt: ContinuousClock.Instant
        var memory: Int
    }

    private var isTransactional: Bool { configuration.transactionalId != nil }

    public init(client: KafkaClient, topic: String, configuration: ProducerConfiguration) {
        self.client = client
        self.topic = topic
        self.configuration = configuration
        memory = MemoryBudget(limit: configuration.bufferMemory)
        (newLeaders, newLeaderSink) = AsyncStream.makeStream(of: Int32.self)
    }

    // MARK: Life cycle

    /// Looks the topic up (a broker that auto-creates topics creates it now) and, for idempotence, obtains a
    /// producer id. Throws `.notFound` for a topic that does not exist.
    public func start(maxBlock: Duration = .seconds(5)) async throws {
        let deadline = ContinuousClock.now + maxBlock
        // A broker that creates the topic on this request may take a moment to have a leader: ask again with the
        // client's backoff (retry.backoff.ms doubling to retry.backoff.max.ms) until max.block.ms.
        var backoff = RetryBackoff(client.configuration, deadline: deadline)
        while true {
            let metadata = try await client.metadata(topics: [topic], allowAutoTopicCreation: true)
            if let found = metadata.topics[topic], found.error == .none, !found.partitions.isEmpty {
                apply(found)
                break
            }
            let code = metadata.topics[topic]?.error ?? .unknownTopicOrPartition
            if code.isError && !code.isRetriable && code != .unknownTopicOrPartition {
                throw KafkactlError.broker(code, "cannot produce to topic '\(topic)'")
            }
            guard backoff.canRetry else {
                throw KafkactlError(.notFound, "Topic '\(topic)' does not exist (not present in metadata after \(maxBlock.components.seconds * 1000 + maxBlock.components.attoseconds / 1_000_000_000_000_000) ms, max.block.ms); create it with `kafkactl topics --create --topic \(topic)` [\(code.name)]", code: code)
            }
            try await backoff.wait()
        }
        if configuration.idempotence || isTransactional { try await initProducerId(until: deadline) }
    }

    /// A producer id (and epoch) from any broker, or, with a transactional id, from its transaction coordinator, which
    /// also fences an older producer of the same id and ends the transaction it left open.
    private func initProducerId(until deadline: ContinuousClock.Instant) async throws {
        let transactionalId = configuration.transactionalId
        let request = InitProducerIdRequest(
            transactionalId: transactionalId,
            transactionTimeoutMs: transactionalId == nil ? Int32.max : Int32(clamping: configuration.transactionTimeout.milliseconds),
            producerId: sequences.producerId, producerEpoch: sequences.producerEpoch)
        // A broker still fetching a block of producer ids answers COORDINATOR_LOAD_IN_PROGRESS (KIP-730), a
        // coordinator still completing the id's last transaction CONCURRENT_TRANSACTIONS: asked again, as Kafka's
        // producer does, until max.block.ms.
        let response = try await client.untilFinal(
            request, feature: transactionalId == nil ? "idempotent producing (set enable.idempotence=false to produce without it)" : "transactions",
            deadline: deadline, errorCode: { ErrorCode(rawValue: $0.errorCode) })
        let code = ErrorCode(rawValue: response.errorCode)
        guard code == .none else {
            if let transactionalId {
                throw KafkactlError.broker(code, "cannot start a transactional producer with transactional.id '\(transactionalId)'")
            }
            throw KafkactlError.broker(code, "cannot start an idempotent producer (set enable.idempotence=false to produce without it)")
        }
        sequences.restart(producerId: response.producerId, epoch: response.producerEpoch)
    }

    // MARK: Transactions

    /// Starts a transaction: the records sent until `commitTransaction()` are read by read_committed consumers only
    /// once it commits. Needs a `transactional.id`.
    public func beginTransaction() {
        precondition(isTransactional, "beginTransaction() needs a transactional.id")
        failuresBeforeTransaction = summary.failedCount
    }

    /// Sends what the transaction holds, waits for every answer and commits it at the transaction coordinator. If a
    /// record of it was not delivered, the transaction is aborted instead and this throws, naming the first failure.
    public func commitTransaction(timeout: Duration) async throws {
        await flush()
        let failed = summary.failedCount - failuresBeforeTransaction
        if failed > 0 {
            try await endTransaction(commit: false, timeout: timeout)
            // The failures list keeps the first hundred of the whole run.
            let named = summary.failures.dropFirst(failuresBeforeTransaction).first ?? summary.failures.last
            let first = named.map { "; first: record \($0.source): \($0.error.message)" } ?? ""
            throw KafkactlError(.partial, "the transaction was aborted: \(failed) of its records were not delivered\(first)")
        }
        try await endTransaction(commit: true, timeout: timeout)
    }

    /// Aborts the current transaction after its batches in flight are answered: read_committed consumers never see it.
    public func abortTransaction(timeout: Duration) async throws {
        await flush()
        try await endTransaction(commit: false, timeout: timeout)
    }

    private func endTransaction(commit: Bool, timeout: Duration) async throws {
        defer { transaction.ended() }
        // Kafka's producer ends a transaction that added no partition on its own: the coordinator never heard of it.
        guard let transactionalId = configuration.transactionalId, !transaction.added.isEmpty else { return }
        let response = try await client.untilFinal(
            EndTxnRequest(transactionalId: transactionalId, producerId: sequences.producerId, producerEpoch: sequences.producerEpoch,
                          committed: commit),
            feature: "transactions", deadline: .now + timeout, errorCode: { ErrorCode(rawValue: $0.errorCode) })
        let code = ErrorCode(rawValue: response.errorCode)
        guard code == .none else {
            throw KafkactlError.broker(code, "cannot \(commit ? "commit" : "abort") the transaction of transactional.id '\(transactionalId)'")
        }
    }

    /// Adds the held batches' partitions to the transaction, one AddPartitionsToTxn at a time; each answered
    /// partition's batches then go to their leader, a refused one's fail.
    private func addHeldPartitions() {
        guard let transactionalId = configuration.transactionalId, let partitions = transaction.partitionsToAdd() else { return }
        let request = AddPartitionsToTxnRequest(
            v3AndBelowTransactionalId: transactionalId, v3AndBelowProducerId: sequences.producerId,
            v3AndBelowProducerEpoch: sequences.producerEpoch, v3AndBelowTopics: [.init(name: topic, partitions: partitions)])
        let (client, deadline) = (self.client, ContinuousClock.now + configuration.deliveryTimeout)
        Task {
            let outcome: Result<AddPartitionsToTxnResponse, KafkactlError>
            do {
                outcome = .success(try await client.untilFinal(request, feature: "transactions", deadline: deadline, errorCode: Self.worstCode))
            } catch {
                outcome = .failure(error as? KafkactlError ?? KafkactlError(.internal, "\(error)"))
            }
            self.partitionsAnswered(partitions, outcome: outcome)
        }
    }

    /// The code that decides whether an AddPartitionsToTxn is asked again: the first that is not OPERATION_NOT_ATTEMPTED
    /// (what the coordinator answers for the partitions it left alone because of another's error).
    private static func worstCode(_ response: AddPartitionsToTxnResponse) -> ErrorCode {
        let codes = response.resultsByTopicV3AndBelow.flatMap { $0.resultsByPartition.map { ErrorCode(rawValue: $0.partitionErrorCode) } }
        return codes.first { $0 != .none && $0 != .operationNotAttempted } ?? codes.first { $0 != .none } ?? .none
    }

    private func partitionsAnswered(_ partitions: [Int32], outcome: Result<AddPartitionsToTxnResponse, KafkactlError>) {
        var added = Set<Int32>()
        var refused: [Int32: KafkactlError] = [:]
        switch outcome {
        case .success(let response):
            var codes: [Int32: ErrorCode] = [:]
            for result in response.resultsByTopicV3AndBelow where result.name == topic {
                for partition in result.resultsByPartition { codes[partition.partitionIndex] = ErrorCode(rawValue: partition.partitionErrorCode) }
            }
            let cause = Self.worstCode(response)
            for partition in partitions {
                let code = codes[partition] ?? .unknownServerError
                if code == .none {
                    added.insert(partition)
                } else {
                    let reported = code == .operationNotAttempted ? cause : code
                    refused[partition] = KafkactlError.broker(reported, "cannot add \(topic)-\(partition) to the transaction of transactional.id '\(configuration.transactionalId ?? "")'")
                }
            }
        case .failure(let error):
            for partition in partitions { refused[partition] = error }
        }
        let (send, fail) = transaction.answered(added: added, refused: Set(refused.keys))
        for batch in send { enqueue(batch) }
        for batch in fail { self.fail(batch.sources, memory: batch.memory, error: refused[batch.partition]!) }
        addHeldPartitions()
        checkDrained()
    }

    private func apply(_ topicMetadata: ClusterMetadata.Topic) {
        for leader in layout.apply(topicMetadata) { newLeaderSink.yield(leader) }
    }

    /// The sender loops (one per leader) and the linger timer. Returns once `close()` has drained everything.
    public func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.lingerLoop() }
            for await leader in newLeaders {
                group.addTask { await self.senderLoop(leader: leader) }
            }
            // close() has drained everything; the linger timer may be asleep for up to linger.ms/2: wake it.
            group.cancelAll()
        }
    }

    /// Sends what is left, waits for every answer and stops the sender loops.
    public func close() async -> DeliverySummary {
        await flush()
        closing = true
        newLeaderSink.finish()
        for leader in sendQueues.parkedLeaders { sendQueues.wake(leader) }
        return summary
    }

    /// Calls `observer` with the sources of every batch the broker acknowledges, and the time of the answer, on
    /// the producer's executor: it must be quick. Set it before the first `send(_:)`.
    public func observeAcknowledgements(_ observer: @escaping @Sendable (_ sources: [Int], _ at: ContinuousClock.Instant) -> Void) {
        acknowledgementObserver = observer
    }

    /// What happened so far.
    public var deliverySummary: DeliverySummary { summary }
    /// The first retriable error met, for a warning while retries go on.
    public var retryWarning: String? { firstRetryWarning }

    // MARK: Accepting records

    /// Partitions and batches `records`; waits while more than `buffer.memory` bytes are unacknowledged.
    public func send(_ records: [ProducerRecord]) async {
        let now = ContinuousClock.now
        let wallClock = WallClock.millis()
        for record in records {
            while memory.isFull && !closing {
                await withCheckedContinuation { memory.wait($0) }
            }
            let size = RecordBatchBuilder.encodedSize(key: record.key, value: record.value, headers: record.headers)
            if size + RecordBatchBuilder.headerSize > configuration.maxRequestSize {
                summary.recordFailures([record.source], error: KafkactlError(
                    .rejected, "record of \(size) bytes exceeds max.request.size (\(configuration.maxRequestSize)) [MESSAGE_TOO_LARGE]",
                    code: .messageTooLarge))
                continue
            }
            let partition = record.partition ?? partitioner.partition(for: record.key, partitionCount: layout.partitionCount)
            guard partition >= 0 && Int(partition) < layout.partitionCount else {
                summary.recordFailures([record.source], error: KafkactlError(
                    .usage, "partition \(partition) does not exist: topic '\(topic)' has \(layout.partitionCount) partitions"))
                continue
            }
            if let filled = open.uncompressedSize(of: partition), filled + size > configuration.batchSize {
                seal(partition)
            }
            open.append(to: partition, open: { OpenBatch(builder: newBuilder(), sources: [], createdAt: now) }) { batch in
                batch.builder.append(key: record.key, value: record.value, headers: record.headers,
                                     timestamp: record.timestamp ?? wallClock)
                batch.sources.append(record.source)
            }
            memory.reserve(size)
        }
        if configuration.linger == .zero {
            for partition in open.partitions { seal(partition) }
        }
    }

    private func newBuilder() -> RecordBatchBuilder {
        if let spare = spareBuffers.popLast() { return RecordBatchBuilder(reusing: spare) }
        // Small to start: a topic of many partitions may have a batch open in each.
        return RecordBatchBuilder(capacity: min(configuration.batchSize, 64 * 1024))
    }

    /// Keeps an acknowledged batch's buffer for a later batch: a few, as many as the batches a leader can have in
    /// flight, so that the pool itself stays small.
    private func recycle(_ buffer: ByteBuffer) {
        guard spareBuffers.count < configuration.maxInFlightPerBroker + 2, buffer.capacity >= 64 * 1024 else { return }
        spareBuffers.append(buffer)
    }

    /// Seals every open batch and waits until every sealed batch is answered.
    public func flush() async {
        for partition in open.partitions { seal(partition) }
        if isDrained { return }
        await withCheckedContinuation { flushWaiters.append($0) }
    }

    private var isDrained: Bool {
        open.isEmpty && compressing.isEmpty && sendQueues.isIdle && transaction.isSettled
    }

    private func seal(_ partition: Int32) {
        guard var batch = open.remove(partition), !batch.builder.isEmpty else { return }
        partitioner.sealed(partition, partitionCount: layout.partitionCount)
        let memory = batch.builder.uncompressedSize - RecordBatchBuilder.headerSize
        var producer = RecordBatchBuilder.ProducerState.none
        if configuration.idempotence || isTransactional { producer = sequences.stamp(partition, count: batch.builder.count) }
        batchCounter += 1
        guard configuration.compression == .none else {
            compressing.append(UncompressedBatch(number: batchCounter, partition: partition, builder: batch.builder,
                                                 producer: producer, sources: batch.sources, createdAt: batch.createdAt,
                                                 memory: memory))
            if !compressorRunning {
                compressorRunning = true
                Task { await compressInOrder() }
            }
            return
        }
        // Uncompressed, the header goes in front of the records in the builder's own buffer: no copy (the builder is
        // this batch's only holder of the buffer, so writing the header does not copy it either).
        let bytes = batch.builder.sealInPlace(producer: producer, isTransactional: isTransactional)
        enqueue(SealedBatch(number: batchCounter, partition: partition, bytes: bytes, sources: batch.sources,
                            createdAt: batch.createdAt, memory: memory))
    }

    /// Compresses sealed batches one at a time, off the actor, so that reading and batching the next records runs
    /// on the other core meanwhile (gzip costs more CPU than everything else together). One at a time and in
    /// seal order, because a partition's batches must reach the sender in sequence-number order.
    private func compressInOrder() async {
        while let next = compressing.first {
            let result = await Self.build(next.builder, compression: configuration.compression,
                                          level: configuration.compressionLevel, producer: next.producer, isTransactional: isTransactional)
            compressing.removeFirst()
            finishBuilding(next, result: result)
        }
        compressorRunning = false
    }

    @concurrent
    private nonisolated static func build(
        _ builder: RecordBatchBuilder, compression: CompressionCodec, level: Int?, producer: RecordBatchBuilder.ProducerState,
        isTransactional: Bool
    ) async -> Result<ByteBuffer, Error> {
        Result { try builder.build(compression: compression, compressionLevel: level, producer: producer, isTransactional: isTransactional) }
    }

    private func finishBuilding(_ batch: UncompressedBatch, result: Result<ByteBuffer, Error>) {
        switch result {
        case .success(let bytes):
            enqueue(SealedBatch(number: batch.number, partition: batch.partition, bytes: bytes, sources: batch.sources,
                                createdAt: batch.createdAt, memory: batch.memory))
        case .failure(let error):
            fail(batch.sources, memory: batch.memory,
                 error: KafkactlError(.internal, "cannot compress a batch for \(topic)-\(batch.partition): \(error)"))
        }
    }

    private func enqueue(_ batch: SealedBatch) {
        if isTransactional && !transaction.admit(batch) {
            addHeldPartitions()
            return
        }
        guard let leader = layout.leader(of: batch.partition) else {
            fail(batch.sources, memory: batch.memory,
                 error: KafkactlError(.rejected, "partition \(topic)-\(batch.partition) has no leader [LEADER_NOT_AVAILABLE]"))
            return
        }
        sendQueues.enqueue(batch, leader: leader)
    }

    // MARK: Sending

    private func lingerLoop() async {
        let tick = max(configuration.linger / 2, .milliseconds(1))
        while !closing {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            for partition in open.partitions where now - open.createdAt(partition)! >= configuration.linger {
                seal(partition)
            }
            // Retries waiting out their backoff become sendable.
            for leader in sendQueues.leadersWithDueRetries(at: now) { sendQueues.wake(leader) }
        }
    }

    private func senderLoop(leader: Int32) async {
        await withDiscardingTaskGroup { group in
            while let batches = await nextRequest(leader: leader) {
                // Each request is written here, in the loop, so a partition's batches reach the broker in the
                // order they were taken; only the waits for the answers run side by side.
                if let pending = await dispatch(batches, leader: leader) {
                    group.addTask { await self.complete(batches, pending: pending, leader: leader) }
                }
            }
        }
    }

    /// The batches of the next Produce to `leader`: at most one per partition, the oldest first, up to
    /// `max.request.size`; waits while the broker already has `max.in.flight` requests.
    private func nextRequest(leader: Int32) async -> [SealedBatch]? {
        while true {
            if let batches = sendQueues.takeRequest(
                leader, maxInFlight: configuration.maxInFlightPerBroker, maxRequestSize: configuration.maxRequestSize)
            {
                return batches
            }
            if closing && sendQueues.isIdle(leader) { return nil }
            await withCheckedContinuation { sendQueues.park(leader, $0) }
        }
    }

    /// Writes the Produce for `batches`; returns its pending answer, or nil when it is already settled
    /// (acks=0, or the connection failed).
    private func dispatch(_ batches: [SealedBatch], leader: Int32) async -> BrokerConnection.PendingResponse<ProduceRequest>? {
        let request = ProduceRequest(
            transactionalId: configuration.transactionalId, acks: configuration.acks.rawValue,
            timeoutMs: Int32(clamping: configuration.requestTimeout.milliseconds),
            topicData: [.init(name: topic, partitionData: batches.map { .init(index: $0.partition, records: $0.bytes) })])
        let connection: BrokerConnection
        do {
            connection = try await client.leaderConnection(leader, lane: .produce)
        } catch let error as KafkactlError where error.category == .unreachable || error.category == .timeout {
            // No connection, so nothing was sent: the batches may go to the partitions' (new) leaders, with or
            // without idempotence. Only a request that was written and then lost its answer has an unknown fate.
            for batch in batches { retryOrFail(batch, error: error, retriable: true) }
            let giveUp = batches.map { $0.createdAt + configuration.deliveryTimeout }.max() ?? .now
            await refreshLeaders(until: giveUp)
            requestSettled(leader: leader)
            return nil
        } catch {
            await connectionFailed(batches, error: error as? KafkactlError ?? KafkactlError(.internal, "\(error)"))
            requestSettled(leader: leader)
            return nil
        }
        do {
            // Produce v12 means the coordinator's transaction.version 2 (KIP-890 part 2: partitions added by the
            // Produce itself, a new epoch per transaction), which this producer does not speak: it adds them itself.
            let version = min(try connection.version(for: ProduceRequest.self), isTransactional ? 11 : Int16.max)
            if configuration.acks == .none {
                try await connection.sendWithoutResponse(request, version: version)
                for batch in batches { succeed(batch) }
            } else {
                return try connection.write(request, version: version)
            }
        } catch let error as KafkactlError {
            await connectionFailed(batches, error: error)
        } catch {
            await connectionFailed(batches, error: KafkactlError(.internal, "\(error)"))
        }
        requestSettled(leader: leader)
        return nil
    }

    private func complete(_ batches: [SealedBatch], pending: BrokerConnection.PendingResponse<ProduceRequest>, leader: Int32) async {
        do {
            await handle(try await pending.response(), batches: batches)
        } catch let error as KafkactlError {
            await connectionFailed(batches, error: error)
        } catch {
            await connectionFailed(batches, error: KafkactlError(.internal, "\(error)"))
        }
        requestSettled(leader: leader)
    }

    private func requestSettled(leader: Int32) {
        sendQueues.settled(leader)
        checkDrained()
    }

    private func handle(_ response: ProduceResponse, batches: [SealedBatch]) async {
        var answers: [Int32: ProduceResponse.PartitionProduceResponse] = [:]
        for topicResponse in response.responses where topicResponse.name == topic {
            for partition in topicResponse.partitionResponses { answers[partition.index] = partition }
        }
        var refreshNeeded = false
        for batch in batches {
            guard let answer = answers[batch.partition] else {
                retryOrFail(batch, error: KafkactlError(.internal, "the broker did not answer for \(topic)-\(batch.partition)"), retriable: false)
                continue
            }
            let code = ErrorCode(rawValue: answer.errorCode)
            switch code {
            case .none, .duplicateSequenceNumber:
                succeed(batch)
            default:
                let error = KafkactlError.broker(code, "\(topic)-\(batch.partition)", brokerMessage: answer.errorMessage)
                let retriable = code.isRetriable || code == .outOfOrderSequenceNumber
                if [.notLeaderOrFollower, .leaderNotAvailable, .unknownTopicOrPartition, .fencedLeaderEpoch].contains(code) {
                    refreshNeeded = true
                }
                retryOrFail(batch, error: error, retriable: retriable)
            }
        }
        if refreshNeeded { await refreshLeaders() }
    }

    /// The connection broke (or timed out) with these batches in flight: their fate is unknown. Idempotence
    /// makes a retry safe (the broker drops duplicates); without it a retry could write twice, so they fail.
    private func connectionFailed(_ batches: [SealedBatch], error: KafkactlError) async {
        for batch in batches {
            if configuration.idempotence || isTransactional || configuration.acks == .none {
                retryOrFail(batch, error: error, retriable: error.category == .unreachable || error.category == .timeout)
            } else {
                retryOrFail(batch, error: KafkactlError(error.category, "\(error.message); the records are not known to be delivered (enable.idempotence=true makes such retries safe)"), retriable: false)
            }
        }
        // With the broker gone, a metadata refresh can take the whole connection setup timeout; it must not hold
        // this request's slot (and so the final flush) past the moment its batches are given up on.
        let giveUp = batches.map { $0.createdAt + configuration.deliveryTimeout }.max() ?? .now
        await refreshLeaders(until: giveUp)
    }

    private func retryOrFail(_ batch: SealedBatch, error: KafkactlError, retriable: Bool) {
        var batch = batch
        batch.attempts += 1
        let backoff = RetryBackoff.delay(afterAttempt: batch.attempts, client.configuration)
        let now = ContinuousClock.now
        guard retriable, batch.attempts <= configuration.retries, now + backoff < batch.createdAt + configuration.deliveryTimeout else {
            let reason = retriable ? "\(error.message) (gave up after \(batch.attempts) attempts within delivery.timeout.ms)" : error.message
            fail(batch.sources, memory: batch.memory, error: KafkactlError(error.category, reason, code: error.code))
            return
        }
        if firstRetryWarning == nil { firstRetryWarning = error.message }
        batch.notBefore = now + backoff
        enqueue(batch)
    }

    private func refreshLeaders(until deadline: ContinuousClock.Instant? = nil) async {
        let (client, topic) = (self.client, self.topic)
        let refreshed: ClusterMetadata?
        if let deadline {
            refreshed = await withTaskGroup(of: ClusterMetadata?.self) { group in
                group.addTask { try? await client.metadata(topics: [topic]) }
                group.addTask {
                    try? await Task.sleep(until: deadline, clock: .continuous)
                    return nil
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
        } else {
            refreshed = try? await client.metadata(topics: [topic])
        }
        guard let metadata = refreshed, let found = metadata.topics[topic] else { return }
        apply(found)
        // Queued batches follow their partition's leader.
        for batch in sendQueues.removeAll() { enqueue(batch) }
    }

    private func succeed(_ batch: SealedBatch) {
        recycle(batch.bytes)
        summary.delivered += batch.sources.count
        acknowledgementObserver?(batch.sources, .now)
        self.memory.release(batch.memory)
    }

    private func fail(_ sources: [Int], memory: Int, error: KafkactlError) {
        summary.recordFailures(sources, error: error)
        self.memory.release(memory)
        checkDrained()
    }

    private func checkDrained() {
        guard isDrained else { return }
        let waiters = flushWaiters
        flushWaiters.removeAll()
        for waiter in waiters { waiter.resume() }
    }
}


#if canImport(Glibc)
import Glibc
#endif
