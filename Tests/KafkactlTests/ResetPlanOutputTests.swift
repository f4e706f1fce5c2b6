import AdminCore
import Testing

@testable import kafkactl

/// The reset plan's three renderings, without a broker or the binary.
@Suite struct ResetPlanOutputTests {
    static let plan = OffsetResetPlan(
        scenario: .earliest, partitions: [TopicPartition("orders", 0), TopicPartition("orders", 1)],
        committed: [:], bounds: [TopicPartition("orders", 0): .init(earliest: 3, latest: 9), TopicPartition("orders", 1): .init(earliest: 0, latest: 2)])

    @Test func theTableHasOneHeaderForAllGroupsAfterABlankLine() {
        var output = ResetPlanOutput(groupCount: 2, format: .table, executed: false)
        let first = output.lines(group: "a", plan: Self.plan)
        let second = output.lines(group: "b", plan: Self.plan)
        #expect(first.count == 4 && first[0] == "")
        #expect(first[1].hasPrefix("GROUP") && first[1].contains("NEW-OFFSET"))
        #expect(first[2].split(separator: " ").map(String.init) == ["a", "orders", "0", "3"], "\(first[2])")
        #expect(second.count == 2 && second.allSatisfy { $0.hasPrefix("b ") })
        #expect(output.finish().isEmpty)
    }

    @Test func theCSVNamesTheGroupOnlyWhenSeveralAreReset() {
        var one = ResetPlanOutput(groupCount: 1, format: .csv, executed: false)
        #expect(one.lines(group: "a", plan: Self.plan) == ["orders,0,3", "orders,1,0"])
        var two = ResetPlanOutput(groupCount: 2, format: .csv, executed: false)
        #expect(two.lines(group: "a", plan: Self.plan) == ["a,orders,0,3", "a,orders,1,0"])
    }

    @Test func jsonIsOneDocumentAtTheEnd() {
        var output = ResetPlanOutput(groupCount: 2, format: .json, executed: true)
        #expect(output.lines(group: "a", plan: Self.plan).isEmpty)
        #expect(output.lines(group: "b", plan: Self.plan).isEmpty)
        let document = output.finish()
        #expect(document.count == 1)
        #expect(document[0].hasPrefix(#"{"groups":[{"group":"a","executed":true,"partitions":[{"topic":"orders","partition":0,"newOffset":3}"#), "\(document[0])")
        #expect(document[0].contains(#""group":"b""#))
    }
}
