import AdminCore

/// producer-perf-test's output: kafka-producer-perf-test.sh's progress and summary lines (Java's printf formats),
/// or, with `--output json`, one document with the summary alone.
struct ProducerPerfTestRenderer {
    var json: Bool

    /// Apache's "%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency, %.1f ms max latency."
    static func progressLine(_ window: ProducerPerformanceWindow) -> String {
        "\(window.records) records sent, \(FixedDecimals.fixed(window.recordsPerSecond, 1)) records/sec "
            + "(\(FixedDecimals.fixed(window.megabytesPerSecond, 2)) MB/sec), \(FixedDecimals.fixed(window.averageLatencyMs, 1)) ms avg latency, "
            + "\(FixedDecimals.fixed(window.maxLatencyMs, 1)) ms max latency."
    }

    /// Apache's "%d records sent, %f records/sec (%.2f MB/sec), %.2f ms avg latency, %.2f ms max latency, %d ms 50th,
    /// %d ms 95th, %d ms 99th, %d ms 99.9th."
    static func summaryLine(_ summary: ProducerPerformanceSummary) -> String {
        "\(summary.records) records sent, \(FixedDecimals.fixed(summary.recordsPerSecond, 6)) records/sec "
            + "(\(FixedDecimals.fixed(summary.megabytesPerSecond, 2)) MB/sec), \(FixedDecimals.fixed(summary.averageLatencyMs, 2)) ms avg latency, "
            + "\(FixedDecimals.fixed(summary.maxLatencyMs, 2)) ms max latency, \(summary.p50Ms) ms 50th, \(summary.p95Ms) ms 95th, "
            + "\(summary.p99Ms) ms 99th, \(summary.p999Ms) ms 99.9th."
    }

    /// - Parameter transactions: the transactions committed, with --transactional-id; the key is left out without.
    static func document(_ summary: ProducerPerformanceSummary, failed: Int, transactions: Int? = nil) -> JSON {
        .object([
            ("records_sent", .int(summary.records)),
            ("records_failed", .int(failed)),
        ] + (transactions.map { [("transactions_committed", JSON.int($0))] } ?? []) + [
            ("records_per_sec", .double(summary.recordsPerSecond)),
            ("mb_per_sec", .double(summary.megabytesPerSecond)),
            ("avg_latency_ms", .double(summary.averageLatencyMs)),
            ("max_latency_ms", .double(summary.maxLatencyMs)),
            ("latency_percentiles_ms", .object([
                ("p50", .int(summary.p50Ms)), ("p95", .int(summary.p95Ms)),
                ("p99", .int(summary.p99Ms)), ("p99_9", .int(summary.p999Ms)),
            ])),
        ])
    }

    /// Where progress lines go: stdout with the text output; with JSON, stderr when it is a terminal, else nowhere,
    /// so that stdout stays one document.
    func progress(_ window: ProducerPerformanceWindow, on context: CommandContext) {
        if !json {
            try? context.print(Self.progressLine(window))
        } else if context.stderrIsTerminal {
            context.printError(Self.progressLine(window))
        }
    }

    func summary(_ summary: ProducerPerformanceSummary, failed: Int, transactions: Int?, on context: CommandContext) throws {
        try context.print(json ? Self.document(summary, failed: failed, transactions: transactions).serialized() : Self.summaryLine(summary))
    }
}
