import Foundation
import TestSupport
import Testing

/// consumer-groups --describe and --reset-offsets find the group's coordinator wherever it is, and when it moves
/// just as a request reaches it (NOT_COORDINATOR) or is still loading, find it again and retry.
@Suite("Cluster: consumer-groups follows the coordinator")
struct ClusterGroupAdminTests {
    @Test func describeAndResetRetryWhenTheCoordinatorMoves() async throws {
        try await ProxyCluster.with { cluster in
            let topic = BrokerHarness.uniqueName("cluster-groups-admin")
            let group = BrokerHarness.uniqueName("cluster-groups-admin")
            let b = cluster.address(of: 1)
            try await ProxyCluster.succeed("topics", b, ["--create", "--topic", topic, "--partitions", "3", "--replication-factor", "1"])
            try await ProxyCluster.succeed("console-producer", b, ["--topic", topic], stdin: (0..<30).map { "r\($0)\n" }.joined())
            try await ProxyCluster.succeed("console-consumer", b, ["--topic", topic, "--group", group, "--from-beginning", "--exit-at-end"]
                                           + GroupTestSupport.fastGroupProperties)

            /// A fault that moves the coordinator to the next node the moment its request arrives, so that very
            /// request is refused with NOT_COORDINATOR by the node the client was told to use.
            let moveOnArrival = ClusterProxy.Fault.trigger {
                let current = cluster.coordinator(of: group) ?? 1
                cluster.moveCoordinator(of: group, to: current % 3 + 1)
            }

            cluster.inject(moveOnArrival, on: .describeGroups)
            cluster.inject(moveOnArrival, on: .offsetFetch)
            cluster.inject(.error(.coordinatorLoadInProgress), on: .findCoordinator)
            let described = try await ProxyCluster.succeed("consumer-groups", b, ["--describe", "--group", group, "--output", "json"])
            #expect(try ProxyCluster.currentOffsets(described).compactMap { $0 }.reduce(0, +) == 30, "\(described.stdout)")
            #expect(cluster.refusalCount(.notCoordinator) >= 2, "both moves were met")
            #expect(cluster.refusalCount(.coordinatorLoadInProgress) == 1)

            // The coordinator shown is the one that answered, after the moves.
            cluster.inject(moveOnArrival, on: .describeGroups)
            let state = try await ProxyCluster.succeed("consumer-groups", b, ["--describe", "--group", group, "--state"])
            let coordinator = try #require(cluster.coordinator(of: group))
            #expect(state.stdout.contains("\(cluster.address(of: coordinator))  (\(coordinator))"), "\(state.stdout)")

            let refusedBefore = cluster.refusalCount(.notCoordinator)
            cluster.inject(moveOnArrival, on: .offsetCommit)
            cluster.inject(moveOnArrival, on: .offsetFetch)
            let reset = try await ProxyCluster.succeed("consumer-groups", b, ["--reset-offsets", "--group", group, "--topic", topic, "--to-earliest", "--execute"])
            #expect(ProxyCluster.lines(reset.stdout).filter { $0.contains(topic) }.count == 3, "\(reset.stdout)")
            #expect(cluster.refusalCount(.notCoordinator) >= refusedBefore + 2)

            // The reset took effect where the coordinator is now.
            let after = try await ProxyCluster.succeed("consumer-groups", cluster.bootstrapList, ["--describe", "--group", group, "--output", "json"])
            #expect(try ProxyCluster.currentOffsets(after) == [0, 0, 0], "offsets were reset: \(after.stdout)")
            try await ProxyCluster.succeed("consumer-groups", b, ["--delete", "--group", group])
            try await ProxyCluster.succeed("topics", b, ["--delete", "--topic", topic])
        }
    }
}
