/// `--rate`: a cap on records or bytes per second, averaged from the start of the run, so a copy from a production
/// cluster takes no more than its share of it.
public enum CopyRate: Sendable, Hashable {
    case recordsPerSecond(Double)
    case bytesPerSecond(Double)
}

/// Paces the copy to a `CopyRate`: after each chunk handed over, sleeps until the total so far is due.
struct CopyRateLimiter: Sendable {
    let rate: CopyRate?
    private let start = ContinuousClock.now

    init(_ rate: CopyRate?) { self.rate = rate }

    /// Waits until `records` records of `bytes` bytes in all are due since the start.
    func pace(records: Int, bytes: Int) async throws {
        guard let rate else { return }
        let seconds: Double
        switch rate {
        case .recordsPerSecond(let perSecond): seconds = Double(records) / perSecond
        case .bytesPerSecond(let perSecond): seconds = Double(bytes) / perSecond
        }
        let due = start + .nanoseconds(Int64(seconds * 1e9))
        if due > ContinuousClock.now { try await Task.sleep(until: due, clock: .continuous) }
    }
}
