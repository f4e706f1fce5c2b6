import Testing

@testable import AdminCore

/// Every `--reset-offsets` scenario as `OffsetResetPlan` computes it from looked-up offsets (cli-parity §5.3):
/// clamping to [earliest, latest] with Kafka's warnings, `--shift-by` without a commit, by-time with no match
/// (falls back to latest with Kafka's warning), `--to-current` without a commit, and plans read from a file.
@Suite struct OffsetResetPlanTests {
    static let p0 = TopicPartition("orders", 0)
    static let p1 = TopicPartition("orders", 1)
    static let p2 = TopicPartition("orders", 2)

    /// p0: log 10..<50 (committed 20); p1: 0..<30 (committed 30); p2: 5..<5, empty (nothing committed).
    static let bounds: [TopicPartition: OffsetResetPlan.Bounds] = [
        p0: .init(earliest: 10, latest: 50),
        p1: .init(earliest: 0, latest: 30),
        p2: .init(earliest: 5, latest: 5),
    ]
    static let committed: [TopicPartition: Int64] = [p0: 20, p1: 30]

    static func plan(_ scenario: OffsetResetPlan.Scenario, partitions: [TopicPartition] = [p0, p1, p2],
                     committed: [TopicPartition: Int64] = committed,
                     bounds: [TopicPartition: OffsetResetPlan.Bounds] = bounds) -> OffsetResetPlan {
        OffsetResetPlan(scenario: scenario, partitions: partitions, committed: committed, bounds: bounds)
    }

    static func offsets(_ plan: OffsetResetPlan) -> [TopicPartition: Int64] {
        Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.partition, $0.newOffset) })
    }

    static func warnings(_ plan: OffsetResetPlan) -> [TopicPartition: String] {
        Dictionary(uniqueKeysWithValues: plan.entries.compactMap { entry in entry.warning.map { (entry.partition, $0) } })
    }

    // MARK: Fixed targets

    @Test func toEarliestIsTheLogStartOfEachPartition() {
        let plan = Self.plan(.earliest)
        #expect(Self.offsets(plan) == [Self.p0: 10, Self.p1: 0, Self.p2: 5])
        #expect(Self.warnings(plan).isEmpty)
        #expect(plan.failures.isEmpty)
    }

    @Test func toLatestIsTheLogEndOfEachPartition() {
        let plan = Self.plan(.latest)
        #expect(Self.offsets(plan) == [Self.p0: 50, Self.p1: 30, Self.p2: 5])
        #expect(Self.warnings(plan).isEmpty)
    }

    @Test func toCurrentKeepsCommittedOffsetsAndUsesTheLogEndWhereNothingIsCommitted() {
        let plan = Self.plan(.current, bounds: Self.bounds.merging([Self.p2: .init(earliest: 0, latest: 7)]) { $1 })
        #expect(Self.offsets(plan) == [Self.p0: 20, Self.p1: 30, Self.p2: 7])
        #expect(plan.failures.isEmpty)
    }

    @Test func entriesComeSortedByTopicAndPartition() {
        let other = TopicPartition("audit", 3)
        var bounds = Self.bounds
        bounds[other] = .init(earliest: 0, latest: 1)
        let plan = Self.plan(.earliest, partitions: [Self.p2, other, Self.p0, Self.p1], bounds: bounds)
        #expect(plan.entries.map(\.partition) == [other, Self.p0, Self.p1, Self.p2])
    }

    // MARK: --to-offset

    @Test func toOffsetWithinTheRangeIsTakenAsIs() {
        let plan = Self.plan(.offset(25), partitions: [Self.p0, Self.p1])
        #expect(Self.offsets(plan) == [Self.p0: 25, Self.p1: 25])
        #expect(Self.warnings(plan).isEmpty)
    }

    @Test func toOffsetAboveTheLogEndIsClampedWithKafkasWarning() {
        let plan = Self.plan(.offset(99), partitions: [Self.p0])
        #expect(Self.offsets(plan) == [Self.p0: 50])
        #expect(Self.warnings(plan) == [
            Self.p0: "New offset (99) is higher than latest offset for topic partition orders-0. Value will be set to 50",
        ])
    }

    @Test func toOffsetBelowTheLogStartIsClampedWithKafkasWarning() {
        let plan = Self.plan(.offset(3), partitions: [Self.p0, Self.p1])
        #expect(Self.offsets(plan) == [Self.p0: 10, Self.p1: 3])
        #expect(Self.warnings(plan) == [
            Self.p0: "New offset (3) is lower than earliest offset for topic partition orders-0. Value will be set to 10",
        ])
    }

    @Test func theExactBoundsAreNotClamped() {
        #expect(Self.warnings(Self.plan(.offset(50), partitions: [Self.p0])).isEmpty)
        #expect(Self.warnings(Self.plan(.offset(10), partitions: [Self.p0])).isEmpty)
    }

    // MARK: --shift-by

    @Test func shiftByMovesFromTheCommittedOffset() {
        let plan = Self.plan(.shiftBy(-5), partitions: [Self.p0, Self.p1])
        #expect(Self.offsets(plan) == [Self.p0: 15, Self.p1: 25])
        #expect(Self.warnings(plan).isEmpty)
    }

    @Test func shiftByPastEitherEndIsClamped() {
        let forward = Self.plan(.shiftBy(100), partitions: [Self.p0, Self.p1])
        #expect(Self.offsets(forward) == [Self.p0: 50, Self.p1: 30])
        #expect(Self.warnings(forward)[Self.p0]
            == "New offset (120) is higher than latest offset for topic partition orders-0. Value will be set to 50")
        let back = Self.plan(.shiftBy(-15), partitions: [Self.p0])
        #expect(Self.offsets(back) == [Self.p0: 10])
        #expect(Self.warnings(back)[Self.p0]
            == "New offset (5) is lower than earliest offset for topic partition orders-0. Value will be set to 10")
    }

    @Test func shiftByThatWouldOverflowIsClampedNotTrapped() {
        #expect(Self.offsets(Self.plan(.shiftBy(.max), partitions: [Self.p0])) == [Self.p0: 50])
        #expect(Self.offsets(Self.plan(.shiftBy(.min), partitions: [Self.p0])) == [Self.p0: 10])
    }

    @Test func shiftByWithoutACommittedOffsetFailsWithKafkasMessage() {
        let plan = Self.plan(.shiftBy(1))
        #expect(plan.failures == [
            Self.p2: "Cannot shift offset for partition orders-2 since there is no current committed offset",
        ])
        // The partitions that have a commit still get their entries.
        #expect(Self.offsets(plan) == [Self.p0: 21, Self.p1: 30])
    }

    // MARK: By time (--to-datetime, --by-duration)

    @Test func byTimeTakesTheFirstOffsetAtOrAfterTheTime() {
        var bounds = Self.bounds
        bounds[Self.p0]!.byTime = 42
        bounds[Self.p1]!.byTime = 0
        let plan = Self.plan(.timestamp(1_700_000_000_000), partitions: [Self.p0, Self.p1], bounds: bounds)
        #expect(Self.offsets(plan) == [Self.p0: 42, Self.p1: 0])
        #expect(Self.warnings(plan).isEmpty)
    }

    @Test func byTimeWithNoRecordThatNewFallsBackToLatestWithKafkasWarning() {
        // ListOffsets by time answers -1 (or nothing) when no record is at or after the time.
        var bounds = Self.bounds
        bounds[Self.p1]!.byTime = -1
        let plan = Self.plan(.timestamp(4_000_000_000_000), partitions: [Self.p0, Self.p1], bounds: bounds)
        #expect(Self.offsets(plan) == [Self.p0: 50, Self.p1: 30])
        #expect(Self.warnings(plan) == [
            Self.p0: "Partition 0 from topic orders is empty. Falling back to latest known offset.",
            Self.p1: "Partition 1 from topic orders is empty. Falling back to latest known offset.",
        ])
    }

    @Test func byTimeBeyondTheBoundsIsClamped() {
        var bounds = Self.bounds
        bounds[Self.p0]!.byTime = 3
        let plan = Self.plan(.timestamp(0), partitions: [Self.p0], bounds: bounds)
        #expect(Self.offsets(plan) == [Self.p0: 10])
        #expect(Self.warnings(plan)[Self.p0]?.hasPrefix("New offset (3) is lower than earliest offset") == true)
    }

    // MARK: --from-file

    @Test func givenTargetsAreTakenAndClamped() {
        let plan = Self.plan(.given([Self.p0: 12, Self.p1: 31, Self.p2: 0]))
        #expect(Self.offsets(plan) == [Self.p0: 12, Self.p1: 30, Self.p2: 5])
        #expect(Self.warnings(plan) == [
            Self.p1: "New offset (31) is higher than latest offset for topic partition orders-1. Value will be set to 30",
            Self.p2: "New offset (0) is lower than earliest offset for topic partition orders-2. Value will be set to 5",
        ])
    }

    @Test func givenTargetsOnlyMoveThePartitionsTheFileNames() {
        let plan = Self.plan(.given([Self.p1: 7]))
        #expect(plan.entries.map(\.partition) == [Self.p1])
        #expect(plan.failures.isEmpty)
    }

    // MARK: Missing look-ups and lag

    @Test func aPartitionWhoseOffsetsCouldNotBeLookedUpIsAFailure() {
        let missing = TopicPartition("orders", 9)
        let plan = Self.plan(.earliest, partitions: [Self.p0, missing])
        #expect(plan.failures == [missing: "Error getting starting offset of topic partition: orders-9"])
        #expect(Self.offsets(plan) == [Self.p0: 10])
    }

    @Test func lagIsLogEndMinusCommittedAndAbsentWithoutACommit() {
        #expect(groupLag(committed: 4, logEnd: 10) == 6)
        #expect(groupLag(committed: 10, logEnd: 10) == 0)
        #expect(groupLag(committed: nil, logEnd: 10) == nil)
        #expect(groupLag(committed: 4, logEnd: nil) == nil)
        // A commit past the end (a truncated or recreated topic) is a negative lag, as Kafka shows it.
        #expect(groupLag(committed: 12, logEnd: 10) == -2)
    }
}
