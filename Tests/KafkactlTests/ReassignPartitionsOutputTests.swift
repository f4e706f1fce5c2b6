import AdminCore
import Testing

@testable import kafkactl

/// reassign-partitions' lines and JSON as ReassignPartitionsRenderer prints them, and its file rules; the whole
/// workflow from the binary is proven in ReassignPartitionsCommandTests.
@Suite struct ReassignPartitionsOutputTests {
    static func render(json: Bool = false, _ body: (ReassignPartitionsRenderer, CommandContext) throws -> Void) rethrows -> (out: String, err: String) {
        let out = CapturedOutput(), err = CapturedOutput()
        try body(ReassignPartitionsRenderer(json: json), CommandContext(stdout: out, stderr: err))
        return (out.text, err.text)
    }

    @Test func aPlanIsApachesCompactJSONSortedWithAnyLogDirs() {
        let plan = ReassignPartitionsRenderer.plan([TopicPartition("b", 0): [3], TopicPartition("a", 10): [1, 2], TopicPartition("a", 2): [2]])
        #expect(plan.serialized() == #"{"version":1,"partitions":[{"topic":"a","partition":2,"replicas":[2],"log_dirs":["any"]},{"topic":"a","partition":10,"replicas":[1,2],"log_dirs":["any","any"]},{"topic":"b","partition":0,"replicas":[3],"log_dirs":["any"]}]}"#)
    }

    @Test func listSaysAddingAndRemovingOnlyWhenThereAreAny() throws {
        let text = try Self.render { renderer, context in
            try renderer.render([
                TopicPartition("t", 1): PartitionReassignment(replicas: [1, 2], addingReplicas: [], removingReplicas: []),
                TopicPartition("t", 0): PartitionReassignment(replicas: [3, 1, 2], addingReplicas: [3], removingReplicas: [2]),
            ], on: context)
        }
        #expect(text.out == "Current partition reassignments:\nt-0: replicas: 3,1,2. adding: 3. removing: 2.\nt-1: replicas: 1,2.\n")
        #expect(try Self.render { try $0.render([TopicPartition: PartitionReassignment](), on: $1) }.out == "No partition reassignments found.\n")
    }

    @Test func verifyNamesEachStateAndTheThrottlesCleared() throws {
        let verification = ReassignmentVerification(states: [
            TopicPartition("t", 0): .init(currentReplicas: [1, 2], targetReplicas: [1, 2], done: true),
            TopicPartition("t", 1): .init(currentReplicas: [1], targetReplicas: [2], done: true),
        ], inProgress: false, cleared: ClearedThrottles(brokers: [1], topics: ["t", "u"]))
        let text = try Self.render { try $0.render(verification, on: $1) }
        #expect(text.out == """
            Status of partition reassignment:
            Reassignment of partition t-0 is completed.
            There is no active reassignment of partition t-1, but replica set is 1 rather than 2.

            Clearing broker-level throttles on broker 1
            Clearing topic-level throttles on topics t,u

            """)
        let json = try Self.render(json: true) { try $0.render(verification, on: $1) }
        #expect(json.out.contains(#"{"topic":"t","partition":1,"state":"not_at_target","current_replicas":[1],"target_replicas":[2]}"#))
    }

    @Test func executeSaysEachRefusedPartitionOnStderr() throws {
        let execution = ReassignmentExecution(
            previous: [TopicPartition("t", 0): [1], TopicPartition("t", 1): [1]], interBrokerThrottle: nil, logDirThrottle: 2048,
            started: [TopicPartition("t", 0)], failures: [TopicPartition("t", 1): KafkactlError(.rejected, "no [INVALID_REPLICA_ASSIGNMENT]")])
        let text = try Self.render { try $0.render(execution, on: $1) }
        #expect(text.out.hasSuffix("""
            Warning: You must run --verify periodically, until the reassignment completes, to ensure the throttle is removed.
            The replica-alter-dir throttle limit was set to 2048 B/s
            Successfully started partition reassignment for t-0

            """))
        #expect(text.err == "Error reassigning partition t-1: no [INVALID_REPLICA_ASSIGNMENT]\n")
        let json = try Self.render(json: true) { try $0.render(execution, on: $1) }
        #expect(json.out.contains(#""inter_broker_throttle":null,"log_dir_throttle":2048,"started":[{"topic":"t","partition":0}],"failed":[{"topic":"t","partition":1,"error":"no [INVALID_REPLICA_ASSIGNMENT]"}]"#))
    }

    @Test func theReassignmentFileIsReadAsApacheReadsIt() throws {
        let parsed = try ReassignPartitions.parseReassignmentFile(
            #"{"partitions":[{"topic":"t","partition":1,"replicas":[3,1],"log_dirs":["any","any"]},{"topic":"u","partition":0,"replicas":[2]}]}"#, path: "p")
        #expect(parsed == [TopicPartition("t", 1): [3, 1], TopicPartition("u", 0): [2]])
        #expect(try ReassignPartitions.parseTopicsFile(#"{"topics":[{"topic":"a"},{"topic":"b"}],"version":1}"#, path: "t") == ["a", "b"])
        #expect(try ReassignPartitions.parseBrokerList("3, 1,2") == [3, 1, 2])
    }
}
