import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// console-consumer, alone and in a group, against the three-node cluster while leaders and the group's coordinator
/// move and the node it was bootstrapped from dies. Records are written straight to the real broker (not through
/// the proxy), so the only moving part is the consumer.
/// One test at a time: each runs several processes, and the rest of the suite runs beside them on 2 cores.
@Suite("Cluster: consumers follow leader and coordinator moves", .serialized)
struct ClusterConsumerTests {
    static let partitions: Int32 = 3

    /// Writes `values` to the real broker with kafkactl, bypassing the proxy.
    static func produceDirectly(_ topic: String, _ values: [String]) async throws {
        let result = try await ProducerHarness.produce(topic, input: values.joined(separator: "\n") + "\n")
        try #require(result.exitCode == 0, "producing directly failed: \(result.stderr)")
    }

    static func rotateLeaders(_ cluster: ClusterProxy, _ topic: String) {
        for partition in 0..<partitions {
            let current = cluster.leader(of: topic, partition: partition) ?? 1
            cluster.moveLeader(of: topic, partition: partition, to: current % Int32(cluster.nodeIds.count) + 1)
        }
    }

    @Test func consoleConsumerFollowsLeaderMovesAndOutlivesItsBootstrapNode() async throws {
        try await ProxyCluster.with { cluster in
            let topic = BrokerHarness.uniqueName("cluster-consume-moves")
            try await ProxyCluster.succeed("topics", cluster.bootstrapList,
                                           ["--create", "--topic", topic, "--partitions", String(Self.partitions), "--replication-factor", "1"])
            let first = (0..<300).map { "a\($0)" }
            let second = (0..<300).map { "b\($0)" }
            let third = (0..<300).map { "c\($0)" }
            try await Self.produceDirectly(topic, first)
            let bootstrapNode: Int32 = 1
            let consumer = try OpenStdinProducer([
                "console-consumer", "--bootstrap-server", cluster.address(of: bootstrapNode), "--topic", topic,
                "--from-beginning", "--max-messages", String(first.count + second.count + third.count),
            ])
            func printedAll(_ values: [String]) async throws {
                try await ProxyCluster.waitUntil("\(values[0])... were printed", within: .seconds(60)) {
                    Set(ProxyCluster.lines(consumer.stdoutSoFar)).isSuperset(of: values) || !consumer.isRunning
                }
            }
            try await printedAll(first)
            // Leaders move: the consumer keeps fetching from the old ones until they refuse.
            Self.rotateLeaders(cluster, topic)
            try await Self.produceDirectly(topic, second)
            try await printedAll(second)
            // An election: partition 0 has no leader for a moment (records keep arriving on the others).
            cluster.dropLeader(of: topic, partition: 0)
            try await Task.sleep(for: .milliseconds(700))
            cluster.electLeader(of: topic, partition: 0, node: 3)
            let refusals = cluster.refusalCount(.notLeaderOrFollower)
            // The node it was bootstrapped from dies: it goes on with the nodes it learnt from metadata.
            cluster.kill(bootstrapNode)
            try await Self.produceDirectly(topic, third)
            let result = try await consumer.finish(timeout: .seconds(90))
            let printed = ProxyCluster.lines(result.stdout)
            print("console-consumer: \(printed.count) printed of \(first.count + second.count + third.count), duplicates: \(ProxyCluster.duplicates(printed).count), NOT_LEADER answers: \(refusals)")
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(printed.sorted() == (first + second + third).sorted(), "no record lost or repeated")
            #expect(refusals > 0, "the leader moves were met")
        }
    }

    /// `--exit-at-end` reads everything, commits and leaves: a final commit that meets a moved coordinator (which
    /// is still loading the group when first asked) must find it and commit there, or the next run reads it all again.
    @Test func finalCommitFollowsACoordinatorThatMovesAndLoads() async throws {
        try await ProxyCluster.with { cluster in
            let topic = BrokerHarness.uniqueName("cluster-final-commit")
            let group = BrokerHarness.uniqueName("cluster-final-commit")
            try await ProxyCluster.succeed("topics", cluster.bootstrapList,
                                           ["--create", "--topic", topic, "--partitions", String(Self.partitions), "--replication-factor", "1"])
            let values = (0..<90).map { "v\($0)" }
            try await Self.produceDirectly(topic, values)
            cluster.inject(.trigger {
                let current = cluster.coordinator(of: group) ?? 1
                cluster.moveCoordinator(of: group, to: current % 3 + 1)
            }, on: .offsetCommit)
            cluster.inject(.error(.coordinatorLoadInProgress), on: .offsetCommit, times: 2)
            let arguments = ["--topic", topic, "--group", group, "--from-beginning", "--exit-at-end"] + GroupTestSupport.fastGroupProperties
            let first = try await ProxyCluster.succeed("console-consumer", cluster.bootstrapList, arguments)
            #expect(ProxyCluster.lines(first.stdout).sorted() == values.sorted())
            // At least the commit met the moved coordinator; a heartbeat sent just after the move may meet it too.
            #expect(cluster.refusalCount(.notCoordinator) >= 1 && cluster.refusalCount(.coordinatorLoadInProgress) == 2,
                    "NOT_COORDINATOR \(cluster.refusalCount(.notCoordinator)), COORDINATOR_LOAD_IN_PROGRESS \(cluster.refusalCount(.coordinatorLoadInProgress))")
            let second = try await ProxyCluster.succeed("console-consumer", cluster.bootstrapList, arguments)
            #expect(second.stdout.isEmpty, "the final commit was lost: \(ProxyCluster.lines(second.stdout).count) records read again")
        }
    }

    /// The group's coordinator (a leader too) dies while the member consumes: the member finds the new coordinator,
    /// keeps its membership, fetches from the new leaders and commits at the new coordinator.
    @Test func groupConsumerOutlivesItsCoordinatorNode() async throws {
        try await ProxyCluster.with { cluster in
            let (topic, group, consumer) = try await Self.startGroupConsumer(cluster, name: "cluster-group-kill")
            let victim = try #require(cluster.coordinator(of: group))
            cluster.kill(victim)
            try await Self.produceDirectly(topic, Self.second)
            try await ProxyCluster.waitUntil("every record was printed", within: .seconds(60)) {
                Set(ProxyCluster.lines(consumer.stdoutSoFar)).isSuperset(of: Self.second) || !consumer.isRunning
            }
            try await Task.sleep(for: .seconds(1))
            consumer.send(SIGTERM)
            let result = try await consumer.finish(timeout: .seconds(30))
            try await Self.expectEveryRecordOnceCommitted(
                result, cluster: cluster, topic: topic, group: group,
                what: "coordinator node \(victim) killed, now coordinated by \(cluster.coordinator(of: group).map(String.init) ?? "none")")
        }
    }

    @Test func groupConsumerFollowsCoordinatorAndLeaderMoves() async throws {
        try await ProxyCluster.with { cluster in
            let (topic, group, consumer) = try await Self.startGroupConsumer(cluster, name: "cluster-group-moves")
            // First the leaders move (the member fetches from the old ones until refused), then the coordinator.
            Self.rotateLeaders(cluster, topic)
            try await Self.produceDirectly(topic, Self.second.prefix(150).map { $0 })
            try await ProxyCluster.waitUntil("the records after the leader move were printed", within: .seconds(60)) {
                Set(ProxyCluster.lines(consumer.stdoutSoFar)).isSuperset(of: Self.second.prefix(150)) || !consumer.isRunning
            }
            let oldCoordinator = try #require(cluster.coordinator(of: group))
            cluster.moveCoordinator(of: group, to: oldCoordinator % 3 + 1)
            try await Self.produceDirectly(topic, Self.second.dropFirst(150).map { $0 })
            try await ProxyCluster.waitUntil("every record was printed", within: .seconds(60)) {
                Set(ProxyCluster.lines(consumer.stdoutSoFar)).isSuperset(of: Self.second) || !consumer.isRunning
            }
            // Let a heartbeat and a commit reach the new coordinator, then stop the consumer as a user would (it
            // commits and leaves).
            try await Task.sleep(for: .seconds(2))
            consumer.send(SIGTERM)
            let result = try await consumer.finish(timeout: .seconds(30))
            try await Self.expectEveryRecordOnceCommitted(
                result, cluster: cluster, topic: topic, group: group,
                what: "NOT_COORDINATOR answers: \(cluster.refusalCount(.notCoordinator)), NOT_LEADER answers: \(cluster.refusalCount(.notLeaderOrFollower))")
            #expect(cluster.refusalCount(.notCoordinator) > 0, "the member kept talking to the old coordinator until refused")
            #expect(cluster.refusalCount(.notLeaderOrFollower) > 0, "the member kept fetching from the old leaders until refused")
        }
    }

    /// The records each group test produces before and after its fault.
    static let first = (0..<300).map { "a\($0)" }
    static let second = (0..<300).map { "b\($0)" }

    /// A topic with `first` in it and a group member (committing every 500 ms) that has printed all of it.
    static func startGroupConsumer(_ cluster: ClusterProxy, name: String) async throws -> (String, String, OpenStdinProducer) {
        let topic = BrokerHarness.uniqueName(name)
        let group = BrokerHarness.uniqueName(name)
        try await ProxyCluster.succeed("topics", cluster.bootstrapList,
                                       ["--create", "--topic", topic, "--partitions", String(partitions), "--replication-factor", "1"])
        try await produceDirectly(topic, first)
        let consumer = try OpenStdinProducer([
            "console-consumer", "--bootstrap-server", cluster.bootstrapList, "--topic", topic, "--group", group,
            "--from-beginning", "--consumer-property", "auto.commit.interval.ms=500",
        ] + GroupTestSupport.fastGroupProperties)
        try await ProxyCluster.waitUntil("the first records were printed", within: .seconds(60)) {
            Set(ProxyCluster.lines(consumer.stdoutSoFar)).isSuperset(of: first) || !consumer.isRunning
        }
        return (topic, group, consumer)
    }

    /// The stopped member printed every record of `first` and `second`, repeating at most what it had not committed
    /// (at-least-once: commits run every 500 ms, so at most `second`), and everything was committed at the new
    /// coordinator: a second run of the group reads nothing.
    static func expectEveryRecordOnceCommitted(
        _ result: ProcessResult, cluster: ClusterProxy, topic: String, group: String, what: String
    ) async throws {
        let printed = ProxyCluster.lines(result.stdout)
        let repeated = printed.count - Set(printed).count
        print("group consumer: \(printed.count) printed of \(first.count + second.count), \(repeated) repeated; \(what)")
        #expect(Set(printed) == Set(first + second), "no record lost: \(result.stderr)")
        #expect(repeated <= second.count, "\(repeated) records repeated")
        let again = try await ProxyCluster.succeed("console-consumer", cluster.bootstrapList,
                                                   ["--topic", topic, "--group", group, "--exit-at-end"] + GroupTestSupport.fastGroupProperties)
        #expect(again.stdout.isEmpty, "already committed records came again: \(ProxyCluster.lines(again.stdout).count)")
    }
}
