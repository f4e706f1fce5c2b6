/// `--rate`: a cap on records or bytes per second, averaged from the start of the run, so a copy from a production
/// cluster takes no more than its share of it.
public enum CopyRate: Sendable, Hashable {
    case recordsPerSecond(Double)
    case bytesPerSecond(Double)
}

/// Paces the copy to a `CopyRate`: after each chunk handed over, sleeps until the total so far is due, on
/// producer-perf-test's schedule (`ThroughputThrottler`, in records or in bytes).
struct CopyRateLimiter: Sendable {
    private let schedule: (throttler: ThroughputThrottler, inBytes: Bool)?
    private let start = ContinuousClock.now

    init(_ rate: CopyRate?) {
        switch rate {
        case .recordsPerSecond(let perSecond): schedule = (ThroughputThrottler(recordsPerSecond: perSecond), false)
        case .bytesPerSecond(let perSecond): schedule = (ThroughputThrottler(recordsPerSecond: perSecond), true)
        case nil: schedule = nil
        }
    }

    /// Waits until `records` records of `bytes` bytes in all are due since the start.
    func pace(records: Int, bytes: Int) async throws {
        guard let schedule else { return }
        let due = start + schedule.throttler.dueTime(of: schedule.inBytes ? bytes : records)
        if due > ContinuousClock.now { try await Task.sleep(until: due, clock: .continuous) }
    }
}
