import NIOCore

/// A batch ready to send: built (and compressed), numbered in seal order.
struct SealedBatch {
    var number: Int
    var partition: Int32
    var bytes: ByteBuffer
    var sources: [Int]
    var createdAt: ContinuousClock.Instant
    var attempts = 0
    /// A retry waits out its backoff until then.
    var notBefore: ContinuousClock.Instant?
    var memory: Int
}

/// The sealed batches waiting for each leader, the requests each leader has in flight, and the sender loop parked
/// for each: what decides which batches go in a leader's next Produce.
struct SendQueues {
    private var queues: [Int32: [SealedBatch]] = [:]
    private var inFlight: [Int32: Int] = [:]
    private var wakeups: [Int32: CheckedContinuation<Void, Never>] = [:]

    /// Nothing queued and nothing in flight.
    var isIdle: Bool { queues.values.allSatisfy(\.isEmpty) && inFlight.values.allSatisfy { $0 == 0 } }

    func isIdle(_ leader: Int32) -> Bool { queues[leader, default: []].isEmpty && inFlight[leader, default: 0] == 0 }

    /// The leaders whose sender loops are parked.
    var parkedLeaders: [Int32] { Array(wakeups.keys) }

    /// Queues `batch` for `leader` in seal order, so a retried batch goes back before later batches of its partition.
    mutating func enqueue(_ batch: SealedBatch, leader: Int32) {
        var queue = queues[leader, default: []]
        let index = queue.firstIndex { $0.number > batch.number } ?? queue.endIndex
        queue.insert(batch, at: index)
        queues[leader] = queue
        wake(leader)
    }

    /// Every queued batch, in seal order, taken out (to be queued again after the leaders moved).
    mutating func removeAll() -> [SealedBatch] {
        let all = queues.values.flatMap { $0 }.sorted { $0.number < $1.number }
        queues.removeAll()
        return all
    }

    /// The batches of `leader`'s next Produce, counted as in flight: at most one per partition, the oldest first, up
    /// to `maxRequestSize`; nil while `maxInFlight` requests are out or nothing is ready.
    mutating func takeRequest(_ leader: Int32, maxInFlight: Int, maxRequestSize: Int) -> [SealedBatch]? {
        guard inFlight[leader, default: 0] < maxInFlight, var queue = queues[leader], !queue.isEmpty else { return nil }
        let now = ContinuousClock.now
        var taken: [SealedBatch] = []
        var partitions: Set<Int32> = []
        var blocked: Set<Int32> = []
        var size = 0
        var index = 0
        while index < queue.count {
            let batch = queue[index]
            let waiting = batch.notBefore.map { $0 > now } ?? false
            if waiting || blocked.contains(batch.partition) || partitions.contains(batch.partition) {
                // Later batches of a partition never overtake an earlier one.
                blocked.insert(batch.partition)
                index += 1
                continue
            }
            if !taken.isEmpty && size + batch.bytes.readableBytes > maxRequestSize { break }
            taken.append(queue.remove(at: index))
            partitions.insert(batch.partition)
            size += batch.bytes.readableBytes
        }
        queues[leader] = queue
        guard !taken.isEmpty else { return nil }
        inFlight[leader, default: 0] += 1
        return taken
    }

    /// A request to `leader` was answered or failed: its slot is free.
    mutating func settled(_ leader: Int32) {
        inFlight[leader, default: 1] -= 1
        wake(leader)
    }

    /// The leaders with a retry whose backoff has passed.
    func leadersWithDueRetries(at now: ContinuousClock.Instant) -> [Int32] {
        queues.filter { $0.value.contains { $0.notBefore.map { $0 <= now } ?? false } }.map(\.key)
    }

    /// Parks `leader`'s sender loop until there is something to do.
    mutating func park(_ leader: Int32, _ waiter: CheckedContinuation<Void, Never>) {
        wakeups[leader] = waiter
    }

    mutating func wake(_ leader: Int32) {
        wakeups.removeValue(forKey: leader)?.resume()
    }
}
