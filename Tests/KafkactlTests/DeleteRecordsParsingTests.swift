import AdminCore
import Testing

@testable import kafkactl

/// kafka-delete-records.sh's offset file as `delete-records --offset-json-file` reads it. The refusals are proven
/// from the binary in DeleteRecordsCommandTests; these pin down what a good file turns into.
@Suite struct DeleteRecordsParsingTests {
    @Test func eachPartitionGetsItsCutAndMinusOneIsTheHighWatermark() throws {
        let cuts = try DeleteRecords.parseOffsetFile("""
            {"partitions": [{"topic": "a", "partition": 0, "offset": 10},
                            {"topic": "a", "partition": 1, "offset": -1},
                            {"topic": "b", "partition": 0, "offset": 0}], "version": 1}
            """, path: "f")
        #expect(cuts == [TopicPartition("a", 0): .beforeOffset(10), TopicPartition("a", 1): .highWatermark,
                         TopicPartition("b", 0): .beforeOffset(0)])
    }

    @Test func withoutAVersionTheFileIsVersionOne() throws {
        // Apache's tool reads a file without "version" as version 1 (EARLIEST_VERSION).
        let cuts = try DeleteRecords.parseOffsetFile(#"{"partitions": [{"topic": "a", "partition": 2, "offset": 5}]}"#, path: "f")
        #expect(cuts == [TopicPartition("a", 2): .beforeOffset(5)])
    }

    @Test func everyDuplicateIsNamed() throws {
        let text = """
            {"partitions": [{"topic": "a", "partition": 0, "offset": 1}, {"topic": "a", "partition": 0, "offset": 2},
                            {"topic": "b", "partition": 3, "offset": 1}, {"topic": "b", "partition": 3, "offset": 1}]}
            """
        #expect(throws: KafkactlError(.usage, "Offset json file contains duplicate topic partitions: a-0,b-3")) {
            try DeleteRecords.parseOffsetFile(text, path: "f")
        }
    }

    @Test(arguments: ["{\"partitions\": [{\"topic\": \"a\", \"partition\": 0, \"offset\": -2}]}",
                      "{\"partitions\": [{\"topic\": \"a\", \"partition\": -1, \"offset\": 1}]}",
                      "{\"partitions\": [{\"topic\": \"a\", \"partition\": 0, \"offset\": 1.5}]}",
                      "{\"partitions\": {}}", "not json", "{\"partitions\": [1]}"])
    func aFaultIsAUsageError(text: String) throws {
        let error = try #require(throws: KafkactlError.self) { try DeleteRecords.parseOffsetFile(text, path: "f") }
        #expect(error.category == .usage)
        #expect(!error.message.contains("\n"))
    }
}
