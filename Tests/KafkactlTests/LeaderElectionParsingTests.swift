import AdminCore
import Testing

@testable import kafkactl

/// kafka-leader-election.sh's partition file and election types as `leader-election` reads them, and
/// kafka-log-dirs.sh's lists as `log-dirs` reads them. The refusals are proven from the binary in
/// LeaderElectionCommandTests and LogDirsCommandTests.
@Suite struct LeaderElectionParsingTests {
    @Test func theFileGivesEachPartitionInItsOrder() throws {
        let partitions = try LeaderElection.parsePartitionFile(
            #"{"partitions": [{"topic": "foo", "partition": 1}, {"topic": "foobar", "partition": 2}, {"topic": "foo", "partition": 0}]}"#, path: "f")
        #expect(partitions == [TopicPartition("foo", 1), TopicPartition("foobar", 2), TopicPartition("foo", 0)])
    }

    @Test func everyDuplicateIsNamed() throws {
        let text = #"{"partitions": [{"topic": "a", "partition": 0}, {"topic": "b", "partition": 1}, {"topic": "a", "partition": 0}, {"topic": "b", "partition": 1}]}"#
        #expect(throws: KafkactlError(.usage, "Replica election data contains duplicate partitions: a-0,b-1")) {
            try LeaderElection.parsePartitionFile(text, path: "f")
        }
    }

    @Test func electionTypesAreKafkasNamesInEitherCase() throws {
        #expect(try LeaderElection.electionType("PREFERRED") == .preferred)
        #expect(try LeaderElection.electionType("unclean") == .unclean)
        #expect(throws: (any Error).self) { try LeaderElection.electionType("preferred-replica") }
    }

    @Test func theLogDirsListsSkipEmptyItemsAsApachesDo() throws {
        let command = try #require(try Kafkactl.parseAsRoot(["log-dirs", "--bootstrap-server", "b:1", "--describe",
                                                             "--broker-list", "3,,1,", "--topic-list", ",a,b,"]) as? LogDirs)
        #expect(try command.brokers() == [1, 3])
        #expect(command.topics == ["a", "b"])
    }
}
