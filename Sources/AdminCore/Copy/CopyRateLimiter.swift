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

    /// How many records to hand over between two waits, so that a tenth of a second's worth goes at a time: a fetch
    /// can return many seconds' worth at once, and handed over whole it would leave the producer in bursts and let a
    /// Ctrl-C wait for the whole of it. Nil without a rate: a chunk goes at once.
    func step(averageRecordSize: Int) -> Int? {
        guard let schedule, let perSecond = schedule.throttler.recordsPerSecond else { return nil }
        let records = schedule.inBytes ? perSecond / 10 / Double(max(averageRecordSize, 1)) : perSecond / 10
        return max(1, Int(records))
    }

    /// Waits until `records` records of `bytes` bytes in all are due since the start.
    func pace(records: Int, bytes: Int) async throws {
        guard let schedule else { return }
        let due = start + schedule.throttler.dueTime(of: schedule.inBytes ? bytes : records)
        if due > ContinuousClock.now { try await Task.sleep(until: due, clock: .continuous) }
    }
}
