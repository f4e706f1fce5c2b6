/// How many records producer-perf-test may send now to stay at `--throughput` records per second from the start
/// (Apache's ThroughputThrottler, by schedule rather than by sleeping after each record). copy's `--rate` keeps the
/// same schedule, in records or in bytes.
public struct ThroughputThrottler: Sendable {
    /// nil: unthrottled (-1).
    public let recordsPerSecond: Double?

    public init(recordsPerSecond: Double?) { self.recordsPerSecond = recordsPerSecond }

    /// The records that are due after `elapsed` and not yet `sent`.
    public func due(sent: Int, elapsed: Duration) -> Int {
        guard let rate = recordsPerSecond else { return Int.max }
        let seconds = Double(ProducerPerformanceStats.microseconds(elapsed)) / 1_000_000
        return max(0, Int(seconds * rate) + 1 - sent)
    }

    /// When, from the start, record number `sent` (0-based) is due.
    public func dueTime(of sent: Int) -> Duration {
        guard let rate = recordsPerSecond else { return .zero }
        return .microseconds(Int64(Double(sent) / rate * 1_000_000))
    }
}
