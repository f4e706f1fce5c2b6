import Histogram

/// One progress report of producer-perf-test: the records acknowledged since the previous one (Apache's window).
public struct ProducerPerformanceWindow: Sendable, Equatable {
    public var records: Int
    public var recordsPerSecond: Double
    public var megabytesPerSecond: Double
    public var averageLatencyMs: Double
    public var maxLatencyMs: Double

    public init(records: Int, recordsPerSecond: Double, megabytesPerSecond: Double, averageLatencyMs: Double, maxLatencyMs: Double) {
        (self.records, self.recordsPerSecond, self.megabytesPerSecond) = (records, recordsPerSecond, megabytesPerSecond)
        (self.averageLatencyMs, self.maxLatencyMs) = (averageLatencyMs, maxLatencyMs)
    }
}

/// The whole run: Apache's final line, with latency percentiles in whole milliseconds as Apache prints them.
public struct ProducerPerformanceSummary: Sendable, Equatable {
    public var records: Int
    public var recordsPerSecond: Double
    public var megabytesPerSecond: Double
    public var averageLatencyMs: Double
    public var maxLatencyMs: Double
    public var p50Ms: Int
    public var p95Ms: Int
    public var p99Ms: Int
    public var p999Ms: Int

    public init(records: Int, recordsPerSecond: Double, megabytesPerSecond: Double, averageLatencyMs: Double, maxLatencyMs: Double,
                p50Ms: Int, p95Ms: Int, p99Ms: Int, p999Ms: Int) {
        (self.records, self.recordsPerSecond, self.megabytesPerSecond) = (records, recordsPerSecond, megabytesPerSecond)
        (self.averageLatencyMs, self.maxLatencyMs) = (averageLatencyMs, maxLatencyMs)
        (self.p50Ms, self.p95Ms, self.p99Ms, self.p999Ms) = (p50Ms, p95Ms, p99Ms, p999Ms)
    }
}

/// Every acknowledged record's latency and size, Apache's Stats: the run's totals, an HDR histogram for the
/// percentiles, and the current window, closed into a progress report once `reportingInterval` has passed.
public struct ProducerPerformanceStats: Sendable {
    /// Latencies are kept in microseconds (Apache keeps whole milliseconds) so that averages of sub-millisecond
    /// acknowledgements on a local broker are not all zero; an hour is the longest a latency is told apart.
    private var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    private let start: ContinuousClock.Instant
    private let reportingInterval: Duration
    private var count = 0
    private var bytes = 0
    private var totalLatency = Duration.zero
    private var maxLatency = Duration.zero
    private var window: Window

    private struct Window {
        var start: ContinuousClock.Instant
        var count = 0
        var bytes = 0
        var totalLatency = Duration.zero
        var maxLatency = Duration.zero
    }

    public init(start: ContinuousClock.Instant, reportingInterval: Duration = .seconds(5)) {
        self.start = start
        self.reportingInterval = reportingInterval
        window = Window(start: start)
    }

    /// Counts one acknowledged record; returns the window's report when it has lasted `reportingInterval`.
    public mutating func record(latency: Duration, bytes recordBytes: Int, at now: ContinuousClock.Instant) -> ProducerPerformanceWindow? {
        let latency = max(latency, .zero)
        count += 1
        bytes += recordBytes
        totalLatency += latency
        maxLatency = max(maxLatency, latency)
        _ = histogram.record(min(Self.microseconds(latency), histogram.highestTrackableValue))
        window.count += 1
        window.bytes += recordBytes
        window.totalLatency += latency
        window.maxLatency = max(window.maxLatency, latency)
        guard now - window.start >= reportingInterval else { return nil }
        let report = ProducerPerformanceWindow(
            records: window.count,
            recordsPerSecond: Self.perSecond(Double(window.count), over: now - window.start),
            megabytesPerSecond: Self.perSecond(Double(window.bytes) / 1_048_576, over: now - window.start),
            averageLatencyMs: Self.milliseconds(window.totalLatency) / Double(window.count),
            maxLatencyMs: Self.milliseconds(window.maxLatency))
        window = Window(start: now)
        return report
    }

    /// The totals since `start`, as of `now`.
    public func summary(at now: ContinuousClock.Instant) -> ProducerPerformanceSummary {
        func percentile(_ p: Double) -> Int { count == 0 ? 0 : Int(histogram.valueAtPercentile(p) / 1000) }
        return ProducerPerformanceSummary(
            records: count,
            recordsPerSecond: Self.perSecond(Double(count), over: now - start),
            megabytesPerSecond: Self.perSecond(Double(bytes) / 1_048_576, over: now - start),
            averageLatencyMs: count == 0 ? 0 : Self.milliseconds(totalLatency) / Double(count),
            maxLatencyMs: Self.milliseconds(maxLatency),
            p50Ms: percentile(50), p95Ms: percentile(95), p99Ms: percentile(99), p999Ms: percentile(99.9))
    }

    static func microseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(max(0, seconds)) * 1_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000_000)
    }

    static func milliseconds(_ duration: Duration) -> Double { Double(microseconds(duration)) / 1000 }

    static func perSecond(_ amount: Double, over elapsed: Duration) -> Double {
        let seconds = Double(microseconds(elapsed)) / 1_000_000
        return seconds > 0 ? amount / seconds : 0
    }
}
