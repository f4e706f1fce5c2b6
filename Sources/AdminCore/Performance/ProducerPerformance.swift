import NIOCore
import Synchronization

/// What producer-perf-test sends as record values.
public enum PerformancePayload: Sendable {
    /// Every record the same `size` bytes of random capital letters (Apache's --record-size).
    case fixedSize(Int)
    /// Each record one of these values (Apache's --payload-file).
    case choices([ByteBuffer])

    /// The value of record `number`. For a file, the choice is a hash of the number, so that its size can be told
    /// again from the number alone when the record is acknowledged, without keeping a size per record.
    func value(of number: Int, fixed: ByteBuffer?) -> ByteBuffer {
        switch self {
        case .fixedSize: return fixed!
        case .choices(let values): return values[Self.choice(number, among: values.count)]
        }
    }

    func size(of number: Int) -> Int {
        switch self {
        case .fixedSize(let size): return size
        case .choices(let values): return values[Self.choice(number, among: values.count)].readableBytes
        }
    }

    /// SplitMix64's finaliser: an even spread of choices for consecutive numbers.
    static func choice(_ number: Int, among count: Int) -> Int {
        var z = UInt64(truncatingIfNeeded: number) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(count))
    }

    static func randomLetters(_ size: Int) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: size)
        for _ in 0..<size { buffer.writeInteger(UInt8.random(in: 65...90)) }
        return buffer
    }
}

/// kafka-producer-perf-test.sh's run: sends `count` records through a started `Producer` at the throttler's pace
/// and measures each one from the `send` that handed it over to its acknowledgement.
public struct ProducerPerformance: Sendable {
    public var count: Int
    public var payload: PerformancePayload
    public var throttler: ThroughputThrottler
    public var reportingInterval: Duration
    /// With a transactional producer: how long each transaction runs before it is committed (Apache's
    /// --transaction-duration-ms), and how long a commit may take (max.block.ms).
    public var transactions: (duration: Duration, commitTimeout: Duration)?

    public init(count: Int, payload: PerformancePayload, throttler: ThroughputThrottler, reportingInterval: Duration = .seconds(5),
                transactions: (duration: Duration, commitTimeout: Duration)? = nil) {
        self.count = count
        self.payload = payload
        self.throttler = throttler
        self.reportingInterval = reportingInterval
        self.transactions = transactions
    }

    public struct Outcome: Sendable {
        public var summary: ProducerPerformanceSummary
        public var delivery: DeliverySummary
        /// The transactions committed (0 without transactions).
        public var committedTransactions: Int
        /// Why the run stopped early: a transaction that could not be committed.
        public var transactionFailure: KafkactlError?
        /// The run was asked to stop (Ctrl-C) before every record was sent; what was sent is flushed (and its
        /// transaction committed) and counted.
        public var interrupted = false
    }

    /// Sends everything, then closes `producer` (whose `run()` the caller runs) and returns the totals. Each window
    /// report goes to `progress` as it closes, from the producer's executor.
    public func run(
        _ producer: Producer, stopRequested: @escaping @Sendable () -> Bool = { false },
        progress: @escaping @Sendable (ProducerPerformanceWindow) -> Void
    ) async -> Outcome {
        let start = ContinuousClock.now
        let recorder = LatencyRecorder(stats: ProducerPerformanceStats(start: start, reportingInterval: reportingInterval))
        let payload = self.payload
        await producer.observeAcknowledgements { sources, acknowledged in
            if let window = recorder.acknowledged(sources, at: acknowledged, size: payload.size(of:)) { progress(window) }
        }
        let fixed: ByteBuffer? = if case .fixedSize(let size) = payload { PerformancePayload.randomLetters(size) } else { nil }
        var sent = 0
        var records: [ProducerRecord] = []
        var transactionStart: ContinuousClock.Instant?
        var committed = 0
        var transactionFailure: KafkactlError?
        var interrupted = false
        // Apache commits after the send that finds the transaction's duration elapsed; kafkactl hands records over up
        // to a thousand at a time, so a commit comes after the group that does.
        func commit() async -> Bool {
            guard let transactions, transactionStart != nil else { return true }
            transactionStart = nil
            do {
                try await producer.commitTransaction(timeout: transactions.commitTimeout)
                committed += 1
                return true
            } catch {
                transactionFailure = error as? KafkactlError ?? KafkactlError(.internal, "\(error)")
                return false
            }
        }
        while sent < count {
            if stopRequested() {
                interrupted = true
                break
            }
            let due = min(throttler.due(sent: sent, elapsed: .now - start), count - sent, 1000)
            if due == 0 {
                try? await Task.sleep(until: start + throttler.dueTime(of: sent), clock: .continuous)
                continue
            }
            records.removeAll(keepingCapacity: true)
            for number in sent..<(sent + due) {
                records.append(ProducerRecord(key: nil, value: payload.value(of: number, fixed: fixed), source: number))
            }
            if transactions != nil && transactionStart == nil {
                await producer.beginTransaction()
                transactionStart = .now
            }
            recorder.handing(from: sent, at: .now)
            await producer.send(records)
            sent += due
            if let transactions, let started = transactionStart, ContinuousClock.now - started >= transactions.duration {
                guard await commit() else { break }
            }
        }
        if transactionFailure == nil { _ = await commit() }
        let delivery = await producer.close()
        return Outcome(summary: recorder.summary(at: .now), delivery: delivery, committedTransactions: committed,
                       transactionFailure: transactionFailure, interrupted: interrupted)
    }
}

/// When each group of records was handed to the producer, and the stats their acknowledgements add up to; shared by
/// the sending task and the producer's acknowledgement observer.
final class LatencyRecorder: Sendable {
    private struct State {
        /// The first record number of each group handed over, ascending, and when.
        var groupStarts: [Int] = []
        var handedAt: [ContinuousClock.Instant] = []
        var stats: ProducerPerformanceStats
    }

    private let state: Mutex<State>

    init(stats: ProducerPerformanceStats) { state = Mutex(State(stats: stats)) }

    func handing(from first: Int, at instant: ContinuousClock.Instant) {
        state.withLock {
            $0.groupStarts.append(first)
            $0.handedAt.append(instant)
        }
    }

    /// Records the latency of each of `sources`; returns the last window report this closed, if any.
    func acknowledged(_ sources: [Int], at instant: ContinuousClock.Instant, size: (Int) -> Int) -> ProducerPerformanceWindow? {
        state.withLock { state in
            var report: ProducerPerformanceWindow?
            for source in sources {
                let sentAt = state.handedAt[Self.group(of: source, in: state.groupStarts)]
                if let window = state.stats.record(latency: instant - sentAt, bytes: size(source), at: instant) { report = window }
            }
            return report
        }
    }

    func summary(at instant: ContinuousClock.Instant) -> ProducerPerformanceSummary {
        state.withLock { $0.stats.summary(at: instant) }
    }

    /// The last group starting at or before `number` (binary search).
    static func group(of number: Int, in starts: [Int]) -> Int {
        var (low, high) = (0, starts.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= number { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
