import NIOCore
import Testing

@testable import AdminCore

/// producer-perf-test's arithmetic without a broker: Apache's windows and totals, the HDR percentiles, the
/// throttle's schedule and which send a record's acknowledgement is measured from.
@Suite struct ProducerPerformanceTests {
    let start = ContinuousClock.now

    @Test func aWindowClosesOnlyOnceTheReportingIntervalHasPassedAndCountsOnlyItsOwnRecords() {
        var stats = ProducerPerformanceStats(start: start, reportingInterval: .seconds(5))
        #expect(stats.record(latency: .milliseconds(2), bytes: 1_048_576, at: start + .seconds(1)) == nil)
        #expect(stats.record(latency: .milliseconds(4), bytes: 1_048_576, at: start + .seconds(4)) == nil)
        let first = stats.record(latency: .milliseconds(9), bytes: 1_048_576, at: start + .seconds(6))
        #expect(first == ProducerPerformanceWindow(records: 3, recordsPerSecond: 0.5, megabytesPerSecond: 0.5,
                                                   averageLatencyMs: 5, maxLatencyMs: 9))
        // The next window starts where the last closed: its records alone, over its own time.
        #expect(stats.record(latency: .milliseconds(1), bytes: 0, at: start + .seconds(8)) == nil)
        let second = stats.record(latency: .milliseconds(3), bytes: 0, at: start + .seconds(11))
        #expect(second?.records == 2 && second?.averageLatencyMs == 2 && second?.maxLatencyMs == 3)
        #expect(second?.recordsPerSecond == 0.4)
    }

    @Test func theSummaryCoversTheWholeRunWithPercentilesFromTheHistogram() {
        var stats = ProducerPerformanceStats(start: start, reportingInterval: .seconds(3600))
        // 1000 records: latencies 1 ms to 1000 ms, one each.
        for ms in 1...1000 {
            _ = stats.record(latency: .milliseconds(ms), bytes: 100, at: start + .seconds(1))
        }
        let summary = stats.summary(at: start + .seconds(2))
        #expect(summary.records == 1000)
        #expect(summary.recordsPerSecond == 500)
        #expect(abs(summary.megabytesPerSecond - 100_000.0 / 1_048_576 / 2) < 1e-12)
        #expect(summary.averageLatencyMs == 500.5)
        #expect(summary.maxLatencyMs == 1000)
        // Three significant digits: each percentile within 0.1% of the exact value.
        #expect(summary.p50Ms == 500)
        #expect(summary.p95Ms == 950)
        #expect(summary.p99Ms == 990)
        #expect(summary.p999Ms == 999)
    }

    @Test func aRunWithoutAcknowledgementsSummarisesToZeros() {
        let summary = ProducerPerformanceStats(start: start).summary(at: start + .seconds(1))
        #expect(summary == ProducerPerformanceSummary(records: 0, recordsPerSecond: 0, megabytesPerSecond: 0, averageLatencyMs: 0,
                                                      maxLatencyMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, p999Ms: 0))
    }

    @Test func theThrottleLetsOutWhatIsDueByTheScheduleAndUnthrottledEverything() {
        let throttled = ThroughputThrottler(recordsPerSecond: 100)
        #expect(throttled.due(sent: 0, elapsed: .zero) == 1)
        #expect(throttled.due(sent: 1, elapsed: .milliseconds(5)) == 0)
        #expect(throttled.due(sent: 1, elapsed: .milliseconds(500)) == 50)
        #expect(throttled.due(sent: 60, elapsed: .milliseconds(500)) == 0)
        #expect(throttled.dueTime(of: 60) == .milliseconds(600))
        #expect(ThroughputThrottler(recordsPerSecond: nil).due(sent: 5, elapsed: .zero) == Int.max)
    }

    @Test func aRecordIsMeasuredFromTheSendThatHandedItOver() {
        let starts = [0, 1000, 1500, 4000]
        #expect(LatencyRecorder.group(of: 0, in: starts) == 0)
        #expect(LatencyRecorder.group(of: 999, in: starts) == 0)
        #expect(LatencyRecorder.group(of: 1000, in: starts) == 1)
        #expect(LatencyRecorder.group(of: 3999, in: starts) == 2)
        #expect(LatencyRecorder.group(of: 9000, in: starts) == 3)

        let recorder = LatencyRecorder(stats: ProducerPerformanceStats(start: start))
        recorder.handing(from: 0, at: start)
        recorder.handing(from: 2, at: start + .milliseconds(10))
        _ = recorder.acknowledged([0, 1, 2, 3], at: start + .milliseconds(30), size: { _ in 10 })
        let summary = recorder.summary(at: start + .seconds(1))
        #expect(summary.records == 4)
        #expect(summary.averageLatencyMs == 25)  // 30, 30, 20, 20
        #expect(summary.maxLatencyMs == 30)
    }

    @Test func aPayloadFileValueIsChosenFromTheRecordNumberSoItsSizeCanBeToldAgain() {
        let values = ["a", "bb", "ccc"].map { ByteBuffer(string: $0) }
        let payload = PerformancePayload.choices(values)
        var seen = Set<Int>()
        for number in 0..<300 {
            let value = payload.value(of: number, fixed: nil)
            #expect(payload.size(of: number) == value.readableBytes)
            seen.insert(value.readableBytes)
        }
        #expect(seen == [1, 2, 3], "every value is used")
        let letters = PerformancePayload.randomLetters(64)
        #expect(letters.readableBytes == 64)
        #expect(letters.readableBytesView.allSatisfy { (65...90).contains($0) })
    }
}
