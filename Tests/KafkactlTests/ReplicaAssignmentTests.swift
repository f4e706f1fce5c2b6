import AdminCore
import Testing

@testable import kafkactl

/// `--replica-assignment b1:b2,b3:b4`: partitions by ',', replicas by ':'.
@Suite struct ReplicaAssignmentTests {
    @Test func partitionsAreSeparatedByCommasAndReplicasByColons() throws {
        #expect(try ReplicaAssignment.parse("1:2,2:3,3:1") == [[1, 2], [2, 3], [3, 1]])
        #expect(try ReplicaAssignment.parse("7") == [[7]])
        #expect(try ReplicaAssignment.parse(" 1 : 2 , 2 : 1 ") == [[1, 2], [2, 1]])
    }

    @Test func aDuplicateBrokerInOnePartitionIsRefused() {
        let error = #expect(throws: KafkactlError.self) { try ReplicaAssignment.parse("1:2,3:3") }
        #expect(error?.message == "Partition replica lists may not contain duplicate entries: 3")
        #expect(error?.category == .usage)
    }

    @Test func partitionsWithDifferentReplicaCountsAreRefused() {
        let error = #expect(throws: KafkactlError.self) { try ReplicaAssignment.parse("1:2,2:3:4") }
        #expect(error?.message == "Partition 1 has different replication factor: [2, 3, 4]")
        #expect(error?.category == .usage)
    }

    @Test func aShorterLaterPartitionIsRefusedToo() {
        let error = #expect(throws: KafkactlError.self) { try ReplicaAssignment.parse("1:2,3:4,5") }
        #expect(error?.message == "Partition 2 has different replication factor: [5]")
    }

    @Test(arguments: ["a:b", "1:,2", "1;2", "", "1:2,"])
    func somethingOtherThanBrokerIdsIsRefusedNamingTheValue(text: String) {
        let error = #expect(throws: KafkactlError.self) { try ReplicaAssignment.parse(text) }
        #expect(error?.message == "invalid --replica-assignment '\(text)': expected broker ids like 1:2,2:3")
    }
}
