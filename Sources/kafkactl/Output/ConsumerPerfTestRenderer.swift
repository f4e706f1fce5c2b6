import AdminCore

/// consumer-perf-test's output: kafka-consumer-perf-test.sh's header, detailed-stats lines, timeout warning and
/// summary line (Java's printf formats, times by --date-format), then kafkactl's end-to-end latency line; or, with
/// `--output json`, one document per detailed-stats interval and one for the summary.
struct ConsumerPerfTestRenderer {
    var json: Bool
    var dateFormat: JavaDateFormat

    static func header(detailed: Bool) -> String {
        (detailed ? "time, threadId" : "start.time, end.time")
            + ", data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec"
    }

    /// Apache's "%s, %d, %.4f, %.4f, %d, %.4f, %d, %d, %.4f, %.4f" (thread id 0, as Apache's one consumer).
    func intervalLine(_ interval: ConsumerPerformanceInterval) -> String {
        [dateFormat.format(interval.endMs), "0", Self.fixed(interval.totalMegabytes), Self.fixed(interval.megabytesPerSecond),
         String(interval.totalRecords), Self.fixed(interval.recordsPerSecond), String(interval.rebalanceTimeMs),
         String(interval.fetchTimeMs), Self.fixed(interval.fetchMegabytesPerSecond), Self.fixed(interval.fetchRecordsPerSecond)]
            .joined(separator: ", ")
    }

    /// Apache's "%s, %s, %.4f, %.4f, %d, %.4f, %d, %d, %.4f, %.4f".
    func summaryLine(_ summary: ConsumerPerformanceSummary) -> String {
        [dateFormat.format(summary.startMs), dateFormat.format(summary.endMs), Self.fixed(summary.megabytes),
         Self.fixed(summary.megabytesPerSecond), String(summary.records), Self.fixed(summary.recordsPerSecond),
         String(summary.rebalanceTimeMs), String(summary.fetchTimeMs), Self.fixed(summary.fetchMegabytesPerSecond),
         Self.fixed(summary.fetchRecordsPerSecond)]
            .joined(separator: ", ")
    }

    /// kafkactl's addition: each record's age when read (the consumer's clock minus the record's timestamp).
    static func latencyLine(_ latency: ConsumerPerformanceSummary.Latency) -> String {
        "end-to-end latency: \(FixedDecimals.fixed(latency.averageMs, 2)) ms avg, \(latency.maxMs) ms max, \(latency.p50Ms) ms 50th, "
            + "\(latency.p95Ms) ms 95th, \(latency.p99Ms) ms 99th, \(latency.p999Ms) ms 99.9th."
    }

    static func timeoutWarning(timeoutMs: Int64) -> String {
        "WARNING: Exiting before consuming the expected number of records: timeout (\(timeoutMs) ms) exceeded. You can use the --timeout option to increase the timeout."
    }

    private static func fixed(_ value: Double) -> String { FixedDecimals.fixed(value, 4) }

    /// A rate as a JSON number; null where Java's arithmetic gives NaN or Infinity (no time elapsed).
    private static func number(_ value: Double) -> JSON { value.isFinite ? .double(value) : .null }

    static func intervalDocument(_ interval: ConsumerPerformanceInterval) -> JSON {
        .object([
            ("time_ms", .int(interval.endMs)), ("data_consumed_mb", number(interval.totalMegabytes)),
            ("mb_per_sec", number(interval.megabytesPerSecond)), ("records", .int(interval.totalRecords)),
            ("records_per_sec", number(interval.recordsPerSecond)), ("rebalance_time_ms", .int(interval.rebalanceTimeMs)),
            ("fetch_time_ms", .int(interval.fetchTimeMs)), ("fetch_mb_per_sec", number(interval.fetchMegabytesPerSecond)),
            ("fetch_records_per_sec", number(interval.fetchRecordsPerSecond)),
        ])
    }

    static func summaryDocument(_ summary: ConsumerPerformanceSummary, timedOut: Bool) -> JSON {
        .object([
            ("start_time_ms", .int(summary.startMs)), ("end_time_ms", .int(summary.endMs)),
            ("data_consumed_mb", number(summary.megabytes)), ("mb_per_sec", number(summary.megabytesPerSecond)),
            ("records", .int(summary.records)), ("records_per_sec", number(summary.recordsPerSecond)),
            ("rebalance_time_ms", .int(summary.rebalanceTimeMs)), ("fetch_time_ms", .int(summary.fetchTimeMs)),
            ("fetch_mb_per_sec", number(summary.fetchMegabytesPerSecond)),
            ("fetch_records_per_sec", number(summary.fetchRecordsPerSecond)), ("timed_out", .bool(timedOut)),
            ("latency_ms", summary.latency.map { latency -> JSON in
                .object([("avg", .double(latency.averageMs)), ("max", .int(latency.maxMs)), ("p50", .int(latency.p50Ms)),
                         ("p95", .int(latency.p95Ms)), ("p99", .int(latency.p99Ms)), ("p999", .int(latency.p999Ms))])
            } ?? .null),
        ])
    }
}
