import AdminCore
import Foundation
import Testing

@testable import kafkactl

/// The time grammar of `--offset` (and every other command taking a time): ISO-8601 with a zone, an offset or
/// none (local time), fractional seconds, relative times from a given `now`, epoch milliseconds; anything else nil.
@Suite struct TimeExpressionTests {
    /// 2026-11-23T10:15:00Z in milliseconds, computed independently: 20,780 days after the epoch plus 10 h 15 min.
    static let reference: Int64 = (20_780 * 86_400 + 10 * 3600 + 15 * 60) * 1000

    @Test func theReferenceIsRight() {
        // Foundation's calendar arithmetic agrees with the hand count above.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: 2026, month: 11, day: 23, hour: 10, minute: 15))!
        #expect(Int64(date.timeIntervalSince1970 * 1000) == Self.reference)
    }

    @Test(arguments: ["2026-11-23T10:15:00Z", "2026-11-23T10:15Z", "2026-11-23T10:15:00z", "2026-11-23 10:15:00Z",
                      "2026-11-23T10:15:00+00:00", "2026-11-23T10:15:00-0000", " 2026-11-23T10:15:00Z "])
    func utcFormsAllMeanTheSameInstant(text: String) {
        #expect(TimeExpression.parse(text) == Self.reference)
    }

    @Test func aPositiveOffsetIsEastOfUTC() {
        #expect(TimeExpression.parse("2026-11-23T11:15:00+01:00") == Self.reference)
        #expect(TimeExpression.parse("2026-11-23T11:15:00+0100") == Self.reference)
        #expect(TimeExpression.parse("2026-11-23T11:15:00+01") == Self.reference)
    }

    @Test func aNegativeOffsetWithMinutesIsWestOfUTC() {
        #expect(TimeExpression.parse("2026-11-23T04:45:00-05:30") == Self.reference)
    }

    @Test func anOffsetCanCrossMidnightAndTheYear() {
        let newYear: Int64 = (20_454 * 86_400) * 1000  // 2026-01-01T00:00:00Z
        #expect(TimeExpression.parse("2025-12-31T19:00:00-05:00") == newYear)
    }

    @Test func fractionalSecondsAreMilliseconds() {
        #expect(TimeExpression.parse("2026-11-23T10:15:00.5Z") == Self.reference + 500)
        #expect(TimeExpression.parse("2026-11-23T10:15:00.05Z") == Self.reference + 50)
        #expect(TimeExpression.parse("2026-11-23T10:15:00.123Z") == Self.reference + 123)
        // Finer digits are cut, not rounded, as Java truncates an Instant to milliseconds.
        #expect(TimeExpression.parse("2026-11-23T10:15:00.123999Z") == Self.reference + 123)
        #expect(TimeExpression.parse("2026-11-23T10:15:00,250Z") == Self.reference + 250)
    }

    @Test func theEpochIsZero() {
        #expect(TimeExpression.parse("1970-01-01T00:00:00Z") == 0)
        #expect(TimeExpression.parse("1969-12-31T23:59:59Z") == -1000)
    }

    /// Without a zone the time is local, as Kafka's tools read it: compared with Foundation's view of this
    /// process's zone (TZ or /etc/localtime).
    @Test func withoutAZoneTheTimeIsLocal() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let date = calendar.date(from: DateComponents(year: 2026, month: 11, day: 23, hour: 10, minute: 15, second: 7))!
        #expect(TimeExpression.parse("2026-11-23T10:15:07") == Int64(date.timeIntervalSince1970) * 1000)
        let summer = calendar.date(from: DateComponents(year: 2026, month: 7, day: 1, hour: 12))!
        #expect(TimeExpression.parse("2026-07-01T12:00:00.250") == Int64(summer.timeIntervalSince1970) * 1000 + 250)
        let midnight = calendar.date(from: DateComponents(year: 2026, month: 11, day: 23))!
        #expect(TimeExpression.parse("2026-11-23") == Int64(midnight.timeIntervalSince1970) * 1000)
    }

    @Test(arguments: [("-15m", -900_000), ("-2h", -7_200_000), ("-1d", -86_400_000), ("-30s", -30_000),
                      ("-250ms", -250), ("-1w", -604_800_000), ("+5m", 300_000)] as [(String, Int64)])
    func relativeTimesCountFromNow(text: String, delta: Int64) {
        let now: Int64 = 1_717_000_000_123
        #expect(TimeExpression.parse(text, now: now) == now + delta)
    }

    @Test func nowIsNow() {
        #expect(TimeExpression.parse("now", now: 42) == 42)
    }

    @Test func relativeTimesWithoutAGivenNowUseTheClock() {
        let before = WallClock.millis()
        let parsed = TimeExpression.parse("-1h")
        let after = WallClock.millis()
        #expect(parsed.map { ($0 >= before - 3_600_000) && ($0 <= after - 3_600_000) } == true)
    }

    @Test func epochMillisecondsAreTakenAsTheyAre() {
        #expect(TimeExpression.parse("1717000000000", now: 5) == 1_717_000_000_000)
        #expect(TimeExpression.parse("0", now: 5) == 0)
    }

    @Test(arguments: ["", "yesterday", "-15", "-15x", "-m", "15m", "--1h", "10:15", "2026-11-23T", "2026-11-23T10",
                      "2026-13-01T00:00Z", "2026-00-10T00:00Z", "2026-11-32T00:00Z", "2026-11-23T24:00Z",
                      "2026-11-23T10:60Z", "2026-11-23T10:15:00.Z", "2026-11-23T10:15:00Zjunk", "2026-11-23T10:15:00+",
                      "26-11-23T10:15Z", "2026/11/23T10:15Z", "1.5e12", "now!"])
    func anythingElseIsNil(text: String) {
        #expect(TimeExpression.parse(text, now: 1000) == nil)
    }
}
