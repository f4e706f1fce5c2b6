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

    @Test func verifySaysWhereEachLogDirMoveStandsAsApacheDoes() throws {
        let replica = { (partition: Int32, broker: Int32) in PartitionReplica(TopicPartition("t", partition), broker: broker) }
        let verification = ReassignmentVerification(states: [
            TopicPartition("t", 0): .init(currentReplicas: [1, 2], targetReplicas: [1, 2], done: true),
        ], inProgress: false, moves: [
            replica(0, 2): .completed(target: "/b"),
            replica(0, 1): .active(current: "/a", target: "/b", future: "/b"),
            replica(1, 1): .active(current: "/a", target: "/b", future: "/c"),
            replica(2, 1): .cancelled(current: "/a", target: "/b"),
            replica(10, 1): .missingLogDir(target: "/b"),
        ], cleared: nil)
        #expect(verification.movesInProgress)
        let text = try Self.render { try $0.render(verification, on: $1) }
        // Replicas by broker, then partition; Kafka's TopicPartitionReplica reads topic-partition-broker.
        #expect(text.out == """
            Status of partition reassignment:
            Reassignment of partition t-0 is completed.
            Reassignment of replica t-0-1 is still in progress.
            Partition t-1 on broker 1 is being moved to log dir /c instead of /b.
            Partition t-2 on broker 1 is not being moved from log dir /a to /b.
            Partition t-10 is not found in any live log dir on broker 1. There is likely an offline log directory on the broker.
            Reassignment of replica t-0-2 completed successfully.

            """)
        let json = try Self.render(json: true) { try $0.render(verification, on: $1) }
        #expect(json.out.contains(#"{"topic":"t","partition":1,"broker":1,"state":"moving_elsewhere","current_dir":"/a","target_dir":"/b","future_dir":"/c"}"#))
        #expect(json.out.contains(#""log_dir_moves_in_progress":true"#))
    }

    @Test func executeNamesEachLogDirMoveStartedRefusedOrTimedOut() throws {
        let started = PartitionReplica(TopicPartition("t", 0), broker: 1)
        let refused = PartitionReplica(TopicPartition("t", 0), broker: 2)
        let late = PartitionReplica(TopicPartition("t", 1), broker: 3)
        let execution = ReassignmentExecution(
            previous: [TopicPartition("t", 0): [1, 2]], interBrokerThrottle: nil, logDirThrottle: nil, started: [TopicPartition("t", 0)],
            failures: [:], logDirMoves: LogDirMoveExecution(
                started: [started], failures: [refused: KafkactlError.broker(.logDirNotFound, "Failed to alter dir for t-0-2", brokerMessage: "no /x")],
                timedOut: [late], targets: [started: "/b", refused: "/x", late: "/b"]))
        let text = try Self.render { try $0.render(execution, on: $1) }
        #expect(text.out.hasSuffix("Successfully started moving log directory to /b for replica t-0 with broker 1 \n"))
        #expect(text.err == "Failed to alter dir for t-0-2: no /x [LOG_DIR_NOT_FOUND]\nTimed out before log directory move could be started for: t-1-3\n")
        let json = try Self.render(json: true) { try $0.render(execution, on: $1) }
        #expect(json.out.contains(#""log_dir_moves":{"started":[{"topic":"t","partition":0,"broker":1,"log_dir":"/b"}],"failed":[{"topic":"t","partition":0,"broker":2,"error":"Failed to alter dir for t-0-2: no /x [LOG_DIR_NOT_FOUND]"}],"timed_out":[{"topic":"t","partition":1,"broker":3,"log_dir":"/b"}]}"#))
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
        #expect(parsed.partitions == [TopicPartition("t", 1): [3, 1], TopicPartition("u", 0): [2]])
        #expect(parsed.logDirs.isEmpty)
        let moving = try ReassignPartitions.parseReassignmentFile(
            #"{"partitions":[{"topic":"t","partition":1,"replicas":[3,1],"log_dirs":["/d2","any"]}]}"#, path: "p")
        #expect(moving.logDirs == [PartitionReplica(TopicPartition("t", 1), broker: 3): "/d2"])
        #expect(try ReassignPartitions.parseTopicsFile(#"{"topics":[{"topic":"a"},{"topic":"b"}],"version":1}"#, path: "t") == ["a", "b"])
        #expect(try ReassignPartitions.parseBrokerList("3, 1,2") == [3, 1, 2])
    }
}
