import AdminCore
import Testing

@testable import kafkactl

/// consumer-perf-test's lines as kafka-consumer-perf-test.sh prints them (Java's printf and SimpleDateFormat), its
/// JSON documents, and the date patterns it reads.
@Suite struct ConsumerPerfTestRendererTests {
    /// Seconds and milliseconds only, so the test holds in any time zone.
    static let seconds = try! JavaDateFormat("ss.SSS")

    @Test func headersAreApaches() {
        #expect(ConsumerPerfTestRenderer.header(detailed: false)
                == "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec")
        #expect(ConsumerPerfTestRenderer.header(detailed: true)
                == "time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec")
    }

    @Test func theSummaryLineHasApachesFieldsAndFourDecimals() {
        // 2,000 records of 1 KiB in 4 s, 1 s of it joining.
        let summary = ConsumerPerformanceSummary(startMs: 1_000, endMs: 5_000, bytes: 2_048_000, records: 2_000, rebalanceTimeMs: 1_000, latency: nil)
        let renderer = ConsumerPerfTestRenderer(json: false, dateFormat: Self.seconds)
        #expect(renderer.summaryLine(summary) == "01.000, 05.000, 1.9531, 0.4883, 2000, 500.0000, 1000, 3000, 0.6510, 666.6667")
        let empty = ConsumerPerformanceSummary(startMs: 1_000, endMs: 1_000, bytes: 0, records: 0, rebalanceTimeMs: 0, latency: nil)
        #expect(renderer.summaryLine(empty) == "01.000, 01.000, 0.0000, NaN, 0, NaN, 0, 0, NaN, NaN", "Java's 0.0/0.0")
        #expect(ConsumerPerfTestRenderer.summaryDocument(empty, timedOut: true).serialized()
                == #"{"start_time_ms":1000,"end_time_ms":1000,"data_consumed_mb":0.0,"mb_per_sec":null,"records":0,"records_per_sec":null,"rebalance_time_ms":0,"fetch_time_ms":0,"fetch_mb_per_sec":null,"fetch_records_per_sec":null,"timed_out":true,"latency_ms":null}"#)
    }

    @Test func statsCloseAnIntervalOnceItHasLastedAndCountRebalanceTimeInIt() throws {
        var stats = ConsumerPerformanceStats(startMs: 0, reportingIntervalMs: 1_000)
        stats.addRebalance(ms: 200)
        #expect(stats.record(keyBytes: 24, valueBytes: 1_000, timestampMs: 400, nowMs: 500) == nil)
        let closed = stats.record(keyBytes: 0, valueBytes: 1_024, timestampMs: 990, nowMs: 1_000)
        let interval = try #require(closed)
        #expect(interval.totalRecords == 2 && interval.rebalanceTimeMs == 200 && interval.fetchTimeMs == 800)
        let renderer = ConsumerPerfTestRenderer(json: false, dateFormat: Self.seconds)
        #expect(renderer.intervalLine(interval) == "01.000, 0, 0.0020, 0.0020, 2, 2.0000, 200, 800, 0.0024, 2.5000")
        #expect(stats.record(keyBytes: 0, valueBytes: 0, timestampMs: 1_000, nowMs: 1_500) == nil, "a new interval started at 1,000")
        let summary = stats.summary(endMs: 2_000)
        #expect(summary.records == 3 && summary.bytes == 2_048 && summary.rebalanceTimeMs == 200 && summary.fetchTimeMs == 1_800)
        let latency = try #require(summary.latency)
        // Ages 100, 10 and 500 ms.
        #expect(latency.maxMs == 500 && latency.p50Ms == 100 && latency.p95Ms == 500)
        #expect(ConsumerPerfTestRenderer.latencyLine(latency) == "end-to-end latency: 203.33 ms avg, 500 ms max, 100 ms 50th, 500 ms 95th, 500 ms 99th, 500 ms 99.9th.")
    }

    @Test func dateFormatsAreSimpleDateFormatsLetters() throws {
        #expect(try JavaDateFormat("yyyy-MM-dd HH:mm:ss:SSS").parts.count == 13)
        #expect(try JavaDateFormat("'at' ss''SSS").format(61_007) == "at 01'007")
        #expect(try JavaDateFormat("S SSS").format(7) == "7 007")
        #expect(throws: KafkactlError.self) { try JavaDateFormat("yyyy-MM-dd Q") }
        #expect(throws: KafkactlError.self) { try JavaDateFormat("'open") }
    }
}
