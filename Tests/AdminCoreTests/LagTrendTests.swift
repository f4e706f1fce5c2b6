import Testing

@testable import AdminCore

/// `top`'s numbers from samples: lag, rates over the window, time lag, ETA, and the flags the screen highlights.
@Suite struct LagTrendTests {
    static func sample(_ time: Double, state: String = "Stable", _ partitions: [Int32: (committed: Int64, end: Int64)]) -> LagSample {
        LagSample(time: time, groups: [GroupPosition(
            group: "g", state: state, members: 2,
            partitions: Dictionary(uniqueKeysWithValues: partitions.map { (TopicPartition("t", $0.key), PartitionPosition(committed: $0.value.committed, logEnd: $0.value.end)) }))])
    }

    @Test func theFirstSampleHasLagButNoRates() throws {
        var trend = LagTrend()
        trend.add(Self.sample(0, [0: (100, 150), 1: (10, 10)]))
        let row = try #require(trend.rows().first)
        #expect(row.lag == 50)
        #expect(row.partitions == 2)
        #expect(row.members == 2)
        #expect(row.consumeRate == nil && row.produceRate == nil && row.timeLag == nil && row.eta == nil)
        #expect(!row.stalled && !row.stateChanged && !row.lagGrowing)
    }

    /// A consumer at 300/s behind a producer at 100/s with 4,000 records to go: 20 s to catch up, 13.3 s behind.
    @Test func ratesTimeLagAndEtaComeFromTheWindow() throws {
        var trend = LagTrend(window: 10)
        for second in 0...4 {
            let t = Int64(second)
            trend.add(Self.sample(Double(second), [0: (1_000 + 300 * t, 5_000 + 100 * t)]))
        }
        let row = try #require(trend.rows().first)
        #expect(row.consumeRate == 300)
        #expect(row.produceRate == 100)
        #expect(row.lag == 3_200)
        #expect(abs(row.timeLag! - 3_200.0 / 300) < 1e-9)
        #expect(row.eta == 16)
        #expect(!row.lagGrowing)
    }

    /// Commits every 5 s would make a one-second rate swing between 0 and 5x; the window evens them out.
    @Test func burstyCommitsAverageOverTheWindow() throws {
        var trend = LagTrend(window: 10)
        for second in 0...10 {
            let committed = Int64(second / 5 * 500)
            trend.add(Self.sample(Double(second), [0: (committed, 2_000)]))
        }
        #expect(try #require(trend.rows().first).consumeRate == 100)
    }

    @Test func samplesOlderThanTheWindowAreForgotten() throws {
        var trend = LagTrend(window: 2)
        trend.add(Self.sample(0, [0: (0, 10_000)]))
        trend.add(Self.sample(1, [0: (1_000, 10_000)]))
        trend.add(Self.sample(2, [0: (1_100, 10_000)]))
        trend.add(Self.sample(3, [0: (1_200, 10_000)]))
        // Rates from t=1 (the newest sample at or before the window's start) to t=3.
        #expect(try #require(trend.rows().first).consumeRate == 100)
    }

    @Test func aGroupThatLagsAndDoesNotMoveIsStalledAndNeverCatchesUp() throws {
        var trend = LagTrend()
        trend.add(Self.sample(0, [0: (10, 100)]))
        trend.add(Self.sample(1, [0: (10, 120)]))
        let row = try #require(trend.rows().first)
        #expect(row.stalled)
        #expect(row.timeLag == nil && row.eta == nil)
        #expect(row.lagGrowing)
        #expect(row.produceRate == 20)
    }

    @Test func noLagMeansNoWaitAndAStateChangeIsFlagged() throws {
        var trend = LagTrend()
        trend.add(Self.sample(0, state: "Stable", [0: (100, 100)]))
        trend.add(Self.sample(1, state: "PreparingRebalance", [0: (100, 100)]))
        let row = try #require(trend.rows().first)
        #expect(row.eta == 0)
        #expect(!row.stalled)
        #expect(row.stateChanged)
    }

    @Test func anOffsetThatWentBackIsNoNegativeRate() throws {
        var trend = LagTrend()
        trend.add(Self.sample(0, [0: (500, 1_000)]))
        trend.add(Self.sample(2, [0: (0, 1_000)]))
        #expect(try #require(trend.rows().first).consumeRate == 0)
    }

    @Test func aGroupWithoutCommitsStillHasARow() throws {
        var trend = LagTrend()
        trend.add(LagSample(time: 0, groups: [GroupPosition(group: "empty", state: "Empty", members: 0, partitions: [:])]))
        let row = try #require(trend.rows().first)
        #expect(row.topic == "" && row.lag == 0 && row.state == "Empty")
    }
}
