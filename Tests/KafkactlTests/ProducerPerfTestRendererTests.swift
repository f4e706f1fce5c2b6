import AdminCore
import Testing

@testable import kafkactl

/// producer-perf-test's lines as kafka-producer-perf-test.sh prints them (Java's printf), and its JSON document.
@Suite struct ProducerPerfTestRendererTests {
    @Test func theProgressLineHasApachesLayoutAndDecimals() {
        let window = ProducerPerformanceWindow(records: 49_985, recordsPerSecond: 9_997.0, megabytesPerSecond: 0.953388,
                                               averageLatencyMs: 3.456, maxLatencyMs: 120)
        #expect(ProducerPerfTestRenderer.progressLine(window)
                == "49985 records sent, 9997.0 records/sec (0.95 MB/sec), 3.5 ms avg latency, 120.0 ms max latency.")
    }

    @Test func theSummaryLineHasApachesLayoutAndDecimals() {
        let summary = ProducerPerformanceSummary(records: 100_000, recordsPerSecond: 19_990.004, megabytesPerSecond: 1.906,
                                                 averageLatencyMs: 2.3449, maxLatencyMs: 210, p50Ms: 1, p95Ms: 6, p99Ms: 30, p999Ms: 200)
        #expect(ProducerPerfTestRenderer.summaryLine(summary)
                == "100000 records sent, 19990.004000 records/sec (1.91 MB/sec), 2.34 ms avg latency, 210.00 ms max latency, 1 ms 50th, 6 ms 95th, 30 ms 99th, 200 ms 99.9th.")
    }

    @Test func theDocumentCarriesTheSummaryAndPercentiles() {
        let summary = ProducerPerformanceSummary(records: 10, recordsPerSecond: 5, megabytesPerSecond: 0.5, averageLatencyMs: 1.5,
                                                 maxLatencyMs: 3, p50Ms: 1, p95Ms: 2, p99Ms: 3, p999Ms: 3)
        #expect(ProducerPerfTestRenderer.document(summary, failed: 2).serialized()
                == #"{"records_sent":10,"records_failed":2,"records_per_sec":5.0,"mb_per_sec":0.5,"avg_latency_ms":1.5,"max_latency_ms":3.0,"latency_percentiles_ms":{"p50":1,"p95":2,"p99":3,"p99_9":3}}"#)
        #expect(ProducerPerfTestRenderer.document(summary, failed: 0, transactions: 4).serialized()
                == #"{"records_sent":10,"records_failed":0,"transactions_committed":4,"records_per_sec":5.0,"mb_per_sec":0.5,"avg_latency_ms":1.5,"max_latency_ms":3.0,"latency_percentiles_ms":{"p50":1,"p95":2,"p99":3,"p99_9":3}}"#)
    }

    @Test func fixedDecimalsRoundHalfUpAndPadAsJavaDoes() {
        #expect(FixedDecimals.fixed(0, 2) == "0.00")
        #expect(FixedDecimals.fixed(1.005, 1) == "1.0")
        #expect(FixedDecimals.fixed(2.25, 1) == "2.3")
        #expect(FixedDecimals.fixed(0.05, 2) == "0.05")
        #expect(FixedDecimals.fixed(-1.5, 0) == "-2")
        #expect(FixedDecimals.fixed(123456.789, 6) == "123456.789000")
    }
}
