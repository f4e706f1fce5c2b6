import AdminCore
import Testing

@testable import kafkactl

/// consumer-groups' list, delete, delete-offsets and reset-backup renderings, without a broker or the binary.
@Suite struct ConsumerGroupsOutputTests {
    static func cells(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }

    static let groups = [GroupListing(groupId: "billing", protocolType: "consumer", state: "Stable", type: "consumer"),
                         GroupListing(groupId: "old", protocolType: "consumer", state: "", type: "")]

    @Test func listIsIdsOrATableWithTheAskedColumns() {
        #expect(GroupListOutput(groups: Self.groups, showsType: false, showsState: false).lines() == ["billing", "old"])
        let table = GroupListOutput(groups: Self.groups, showsType: true, showsState: true).lines()
        #expect(table.map(Self.cells) == [["GROUP", "TYPE", "STATE"], ["billing", "Consumer", "Stable"], ["old", "Unknown", "-"]])
        #expect(table[0].hasPrefix("GROUP" + String(repeating: " ", count: 20)), "the GROUP column is at least 25 wide")
        let states = GroupListOutput(groups: Self.groups, showsType: false, showsState: true).lines()
        #expect(states.map(Self.cells) == [["GROUP", "STATE"], ["billing", "Stable"], ["old", "-"]])
    }

    @Test func listJSONCallsAnUntypedGroupClassic() {
        #expect(GroupListOutput(groups: Self.groups, showsType: false, showsState: false).json().serialized()
            == #"{"groups":[{"group":"billing","type":"consumer","state":"Stable","protocolType":"consumer"},{"group":"old","type":"classic","state":null,"protocolType":"consumer"}]}"#)
    }

    @Test func deletionSaysAllWentInOneLineElseSplitsTheOutcome() {
        let all = GroupDeletionOutput(groups: ["a", "b"], results: ["a": .success(()), "b": .success(())])
        #expect(all.lines() == ["Deletion of requested consumer groups ('a', 'b') was successful."] && all.errorLines().isEmpty)
        let refusal = KafkactlError(.conflict, "Group 'b' is not empty")
        let some = GroupDeletionOutput(groups: ["a", "b"], results: ["a": .success(()), "b": .failure(refusal)])
        #expect(some.lines() == ["These consumer groups were deleted successfully: 'a'"])
        #expect(some.errorLines() == ["* Group 'b' could not be deleted due to: Group 'b' is not empty"])
        #expect(GroupDeletionOutput(groups: ["b"], results: ["b": .failure(refusal)]).lines().isEmpty)
    }

    @Test func offsetDeletionTableCountsFailuresAndMissingAnswers() {
        let view = OffsetDeletionOutput(
            group: "billing", partitions: [TopicPartition("orders", 1), TopicPartition("orders", 0), TopicPartition("audit", 0)],
            results: [TopicPartition("orders", 0): .success(()), TopicPartition("orders", 1): .failure(KafkactlError(.rejected, "busy"))])
        let lines = view.lines()
        #expect(lines[0] == "Request succeeded for deleting offsets from group billing." && lines[1] == "")
        #expect(lines.dropFirst(2).map(Self.cells) == [
            ["TOPIC", "PARTITION", "STATUS"], ["audit", "0", "Error:", "no", "answer"], ["orders", "0", "Successful"],
            ["orders", "1", "Error:", "busy"],
        ])
        #expect(view.failures == 2)
    }

    @Test func resetBackupHasTheCommittedOffsetsOfTheMovedPartitions() {
        let plan = OffsetResetPlan(
            scenario: .earliest, partitions: [TopicPartition("orders", 0), TopicPartition("orders", 1)], committed: [:],
            bounds: [TopicPartition("orders", 0): .init(earliest: 3, latest: 9), TopicPartition("orders", 1): .init(earliest: 0, latest: 2)])
        let lines = ResetBackupOutput(group: "billing", committed: [TopicPartition("orders", 0): CommittedOffset(offset: 7)], plan: plan).lines()
        #expect(lines == ["# no offset was committed before for: orders-1", "billing,orders,0,7"])
    }

    @Test func describeWarnsOfEmptyAndRebalancingGroups() {
        var description = GroupDescription(groupId: "billing", state: "Empty", protocolType: "consumer", protocolName: "", members: [])
        #expect(GroupDescriptionOutput(description: description, verbose: false).stateNotice() == "\nConsumer group 'billing' has no active members.")
        description.state = "CompletingRebalance"
        #expect(GroupDescriptionOutput(description: description, verbose: false).stateNotice() == "\nWarning: Consumer group 'billing' is rebalancing.")
        description.state = "Stable"
        #expect(GroupDescriptionOutput(description: description, verbose: false).stateNotice() == nil)
    }
}
