import AdminCore
import ArgumentParser
import Foundation
import Testing

@testable import kafkactl

/// `get-offsets --topic-partitions` and `--time` as kafka-get-offsets.sh reads them (cli-parity §7.1).
@Suite struct GetOffsetsParsingTests {
    static func partition(_ topic: String, _ id: Int32) -> TopicPartition { TopicPartition(topic, id) }

    /// The partitions 0..<20 of each topic in `topics` that `spec` selects, as `topic-partition` strings.
    static func selected(by spec: String, topics: [String] = ["t", "u"]) throws -> [String] {
        let rules = try GetOffsets.rules(spec)
        return topics.flatMap { topic in (0..<20).map { TopicPartition(topic, Int32($0)) } }
            .filter { partition in rules.contains { $0.matches(partition) } }
            .map(\.description)
    }

    /// The message `spec` is refused with, or nil when it parses.
    static func refusal(_ spec: String) -> String? {
        do {
            _ = try GetOffsets.rules(spec)
            return nil
        } catch let error as ValidationError {
            return error.message
        } catch let error as KafkactlError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    // MARK: --topic-partitions

    @Test func aSinglePartition() throws {
        #expect(try Self.selected(by: "t:1") == ["t-1"])
    }

    @Test func aRangeExcludesItsEnd() throws {
        #expect(try Self.selected(by: "t:0-3") == ["t-0", "t-1", "t-2"])
    }

    @Test func anOpenEndedRangeRunsToTheLastPartition() throws {
        #expect(try Self.selected(by: "t:5-") == (5..<20).map { "t-\($0)" })
    }

    @Test func aRangeWithoutAStartBeginsAtZero() throws {
        #expect(try Self.selected(by: "t:-3") == ["t-0", "t-1", "t-2"])
    }

    @Test func anOmittedTopicMeansEveryTopic() throws {
        #expect(try Self.selected(by: ":0") == ["t-0", "u-0"])
    }

    @Test func anOmittedPartitionMeansEveryPartition() throws {
        #expect(try Self.selected(by: "u") == (0..<20).map { "u-\($0)" })
        // Kafka's grammar also lets the part after the colon be empty.
        #expect(try Self.selected(by: "u:") == (0..<20).map { "u-\($0)" })
    }

    @Test func rulesAddUp() throws {
        #expect(try Self.selected(by: "t:0-2,u:7") == ["t-0", "t-1", "u-7"])
    }

    @Test func theTopicIsAWholeNameRegex() throws {
        // `t.*` matches `t` and `tt`, but `t` alone does not match `tt`.
        #expect(try Self.selected(by: "t.*:0", topics: ["t", "tt", "u"]) == ["t-0", "tt-0"])
        #expect(try Self.selected(by: "t:0", topics: ["t", "tt"]) == ["t-0"])
    }

    @Test(arguments: ["t:x", "t:1-x", "t:x-1", "t:1-2-3", "t:--1", "t:-1-", "t:1.5"])
    func aMalformedPartitionPartIsAnInvalidRule(spec: String) {
        #expect(Self.refusal(spec) == "Invalid rule specification: \(spec)")
    }

    @Test func onlyTheBadRuleIsNamed() {
        #expect(Self.refusal("t:1,u:y") == "Invalid rule specification: u:y")
    }

    @Test func anInvalidTopicRegexIsNamed() {
        #expect(Self.refusal("[:0") == "[ is an invalid regex.")
    }

    // MARK: --time

    @Test(arguments: [("-1", OffsetSpec.latest), ("latest", .latest), ("-2", .earliest), ("earliest", .earliest),
                      ("-3", .maxTimestamp), ("max-timestamp", .maxTimestamp), ("-4", .earliestLocal),
                      ("earliest-local", .earliestLocal), ("-5", .latestTiered), ("latest-tiered", .latestTiered)])
    func specialTimes(text: String, spec: OffsetSpec) {
        #expect(GetOffsets.offsetSpec(text) == spec)
    }

    @Test func aNumberIsEpochMilliseconds() {
        #expect(GetOffsets.offsetSpec("1700000000000") == .timestamp(1_700_000_000_000))
        #expect(GetOffsets.offsetSpec("0") == .timestamp(0))
    }

    @Test func anISOTimeIsItsInstant() {
        #expect(GetOffsets.offsetSpec("2020-01-01T00:00:00Z") == .timestamp(1_577_836_800_000))
    }

    @Test func aRelativeTimeCountsBackFromNow() throws {
        let before = Int64(Date().timeIntervalSince1970 * 1000)
        let spec = try #require(GetOffsets.offsetSpec("-1h"))
        let after = Int64(Date().timeIntervalSince1970 * 1000)
        guard case .timestamp(let value) = spec else {
            Issue.record("-1h should be a timestamp, got \(spec)")
            return
        }
        #expect((before - 3_600_000)...(after - 3_600_000) ~= value)
    }

    @Test(arguments: ["foo", "LATEST", "Earliest", "-6", "-7", "earliest-pending-upload", "", "1.5"])
    func anythingElseIsMalformed(text: String) {
        #expect(GetOffsets.offsetSpec(text) == nil)
    }

    // MARK: --partitions

    @Test func partitionIdsAreACommaSeparatedList() {
        #expect(GetOffsets.partitionIds("0,2") == [0, 2])
        #expect(GetOffsets.partitionIds("3") == [3])
    }

    @Test(arguments: ["x", "0,x", "-1", "0,,1", ""])
    func partitionIdsMustAllBeNumbers(text: String) {
        #expect(GetOffsets.partitionIds(text) == nil)
    }
}
