import Histogram

/// One --show-detailed-stats line of consumer-perf-test: the totals so far and the rates of the interval since the
/// previous line (Apache's printConsumerProgress).
public struct ConsumerPerformanceInterval: Sendable, Equatable {
    /// The interval's end, wall-clock milliseconds since the epoch.
    public var endMs: Int64
    public var totalMegabytes: Double
    public var megabytesPerSecond: Double
    public var totalRecords: Int64
    public var recordsPerSecond: Double
    /// Time spent joining the group during the interval.
    public var rebalanceTimeMs: Int64
    /// The interval less its rebalance time.
    public var fetchTimeMs: Int64
    public var fetchMegabytesPerSecond: Double
    public var fetchRecordsPerSecond: Double
}

/// The run's totals: Apache's summary line, plus the end-to-end latency percentiles kafkactl adds (each record's
/// age when consumed: the consumer's clock minus the record's timestamp, in milliseconds).
public struct ConsumerPerformanceSummary: Sendable, Equatable {
    public var startMs: Int64
    public var endMs: Int64
    public var bytes: Int64
    public var records: Int64
    public var rebalanceTimeMs: Int64
    public var latency: Latency?

    public struct Latency: Sendable, Equatable {
        public var averageMs: Double
        public var maxMs: Int64
        public var p50Ms: Int64
        public var p95Ms: Int64
        public var p99Ms: Int64
        public var p999Ms: Int64
    }

    public init(startMs: Int64, endMs: Int64, bytes: Int64, records: Int64, rebalanceTimeMs: Int64, latency: Latency?) {
        (self.startMs, self.endMs, self.bytes, self.records) = (startMs, endMs, bytes, records)
        (self.rebalanceTimeMs, self.latency) = (rebalanceTimeMs, latency)
    }

    public var megabytes: Double { Double(bytes) / 1_048_576 }
    public var elapsedSeconds: Double { Double(endMs - startMs) / 1000 }
    /// Apache's fetch.time.ms: the run less its rebalance time.
    public var fetchTimeMs: Int64 { endMs - startMs - rebalanceTimeMs }
    // Java's double arithmetic, so a zero time gives NaN or Infinity as Apache prints them.
    public var megabytesPerSecond: Double { megabytes / elapsedSeconds }
    public var recordsPerSecond: Double { Double(records) / elapsedSeconds }
    public var fetchMegabytesPerSecond: Double { megabytes / (Double(fetchTimeMs) / 1000) }
    public var fetchRecordsPerSecond: Double { Double(records) / (Double(fetchTimeMs) / 1000) }
}

/// Apache's ConsumerPerformance bookkeeping: records and key-plus-value bytes read, rebalance time (overall and in
/// the current interval), the interval closed into a detailed-stats line once `reportingIntervalMs` has passed, and
/// an HDR histogram of each record's end-to-end latency. Times are wall-clock milliseconds, as Apache's are.
public struct ConsumerPerformanceStats: Sendable {
    private var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000, numberOfSignificantValueDigits: .three)
    public let startMs: Int64
    private let reportingIntervalMs: Int64
    public private(set) var records: Int64 = 0
    public private(set) var bytes: Int64 = 0
    public private(set) var rebalanceTimeMs: Int64 = 0
    private var rebalanceTimeInIntervalMs: Int64 = 0
    private var lastReportMs: Int64
    private var lastRecords: Int64 = 0
    private var lastBytes: Int64 = 0
    private var totalLatencyMs: Int64 = 0
    private var maxLatencyMs: Int64 = 0

    public init(startMs: Int64, reportingIntervalMs: Int64) {
        self.startMs = startMs
        self.reportingIntervalMs = reportingIntervalMs
        lastReportMs = startMs
    }

    /// Adds a group join's duration (Apache's rebalance listener: revoked to assigned).
    public mutating func addRebalance(ms: Int64) {
        rebalanceTimeMs += ms
        rebalanceTimeInIntervalMs += ms
    }

    /// Counts one record read at `nowMs` (Apache takes the time once per poll); returns the interval's line when
    /// the reporting interval has passed, as Apache checks after each record.
    public mutating func record(keyBytes: Int, valueBytes: Int, timestampMs: Int64, nowMs: Int64) -> ConsumerPerformanceInterval? {
        records += 1
        bytes += Int64(keyBytes + valueBytes)
        // A record stamped in the future (clocks out of step) counts as no latency rather than a negative one.
        let latency = min(max(0, nowMs - timestampMs), Int64(histogram.highestTrackableValue))
        _ = histogram.record(UInt64(latency))
        totalLatencyMs += latency
        maxLatencyMs = max(maxLatencyMs, latency)
        guard nowMs - lastReportMs >= reportingIntervalMs else { return nil }
        let elapsedMs = Double(nowMs - lastReportMs)
        let intervalMegabytes = Double(bytes - lastBytes) / 1_048_576
        let intervalRecords = records - lastRecords
        let fetchTimeMs = nowMs - lastReportMs - rebalanceTimeInIntervalMs
        let interval = ConsumerPerformanceInterval(
            endMs: nowMs, totalMegabytes: Double(bytes) / 1_048_576,
            megabytesPerSecond: 1000 * intervalMegabytes / elapsedMs, totalRecords: records,
            recordsPerSecond: Double(intervalRecords) / elapsedMs * 1000, rebalanceTimeMs: rebalanceTimeInIntervalMs,
            fetchTimeMs: fetchTimeMs,
            fetchMegabytesPerSecond: fetchTimeMs <= 0 ? 0 : 1000 * intervalMegabytes / Double(fetchTimeMs),
            fetchRecordsPerSecond: fetchTimeMs <= 0 ? 0 : 1000 * Double(intervalRecords) / Double(fetchTimeMs))
        rebalanceTimeInIntervalMs = 0
        lastReportMs = nowMs
        lastRecords = records
        lastBytes = bytes
        return interval
    }

    /// The totals from the start to `endMs`.
    public func summary(endMs: Int64) -> ConsumerPerformanceSummary {
        let latency = records == 0 ? nil : ConsumerPerformanceSummary.Latency(
            averageMs: Double(totalLatencyMs) / Double(records), maxMs: maxLatencyMs,
            p50Ms: Int64(histogram.valueAtPercentile(50)), p95Ms: Int64(histogram.valueAtPercentile(95)),
            p99Ms: Int64(histogram.valueAtPercentile(99)), p999Ms: Int64(histogram.valueAtPercentile(99.9)))
        return ConsumerPerformanceSummary(startMs: startMs, endMs: endMs, bytes: bytes, records: records,
                                          rebalanceTimeMs: rebalanceTimeMs, latency: latency)
    }
}
