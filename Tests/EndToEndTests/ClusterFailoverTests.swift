import Foundation
import TestSupport
import Testing

/// Admin commands when nodes of the three-node cluster are down: another node answers; with none left, the command
/// fails within its timeout with one line naming every address it tried.
@Suite("Cluster: admin commands with nodes down")
struct ClusterFailoverTests {
    @Test func adminCommandsUseAnotherNodeWhenOneIsDown() async throws {
        try await ProxyCluster.with { cluster in
            let topic = BrokerHarness.uniqueName("cluster-failover")
            try await ProxyCluster.succeed("topics", cluster.bootstrapList,
                                           ["--create", "--topic", topic, "--partitions", "3", "--replication-factor", "1"])
            cluster.kill(1)

            // The list starts with the dead node: the others answer.
            let listed = try await ProxyCluster.succeed("topics", cluster.bootstrapList, ["--list"])
            #expect(ProxyCluster.lines(listed.stdout).contains(topic))
            // Node 1's partitions failed over; it shows as an offline replica.
            let described = try await ProxyCluster.succeed("topics", cluster.bootstrapList, ["--describe", "--topic", topic])
            #expect(!described.stdout.contains("Leader: 1"), "\(described.stdout)")
            #expect(described.stdout.contains("Offline: 1"), "\(described.stdout)")
            let offsets = try await ProxyCluster.succeed("get-offsets", cluster.bootstrapList, ["--topic", topic])
            #expect(ProxyCluster.lines(offsets.stdout).count == 3)
            try await ProxyCluster.succeed("consumer-groups", cluster.bootstrapList, ["--list"])
            let overview = try await ProxyCluster.succeed("cluster", cluster.bootstrapList, ["--output", "json"])
            let brokers = try #require(try overview.jsonObject()["brokers"] as? [[String: Any]])
            #expect(brokers.compactMap { $0["id"] as? Int }.sorted() == [2, 3])

            try cluster.revive(1)
            let back = try await ProxyCluster.succeed("topics", cluster.address(of: 1), ["--describe", "--topic", topic])
            #expect(back.stdout.contains("Leader: 1"), "node 1 leads its partitions again: \(back.stdout)")
            try await ProxyCluster.succeed("topics", cluster.bootstrapList, ["--delete", "--topic", topic])
        }
    }

    /// A node that accepts connections but leaves requests unanswered (stalled) is as good as down: past
    /// request.timeout.ms the command asks another node instead of failing.
    @Test func aStalledNodeMakesAdminCommandsUseAnother() async throws {
        try await ProxyCluster.with { cluster in
            let properties = FileManager.default.temporaryDirectory.appendingPathComponent("\(BrokerHarness.uniqueName("stalled")).properties")
            try "request.timeout.ms=1500\n".write(to: properties, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: properties) }
            cluster.inject(.delay(.seconds(20)), on: .metadata, node: 1, times: 100)
            let listed = try await ProxyCluster.succeed("topics", cluster.bootstrapList, ["--list", "--command-config", properties.path])
            #expect(listed.elapsed < .seconds(10), "took \(listed.elapsed)")
            #expect(cluster.requestCount(.metadata, node: 1) >= 1 && cluster.requestCount(.metadata, node: 2) >= 1, "\(listed.stderr)")
        }
    }

    /// Errors a cluster answers while it changes: a leader that moves as a ListOffsets reaches it, a node still
    /// loading its groups. Admin commands retry them, as Kafka's admin client does.
    @Test func adminCommandsRetryWhatAChangingClusterAnswers() async throws {
        try await ProxyCluster.with { cluster in
            let topic = BrokerHarness.uniqueName("cluster-transient")
            let group = BrokerHarness.uniqueName("cluster-transient")
            let b = cluster.bootstrapList
            try await ProxyCluster.succeed("topics", b, ["--create", "--topic", topic, "--partitions", "3", "--replication-factor", "1"])
            try await ProxyCluster.succeed("console-producer", b, ["--topic", topic], stdin: "a\nb\nc\n")
            try await ProxyCluster.succeed("console-consumer", b, ["--topic", topic, "--group", group, "--from-beginning", "--exit-at-end"]
                                           + GroupTestSupport.fastGroupProperties)

            // Every leader moves the moment the first ListOffsets arrives: that request is refused.
            cluster.inject(.trigger {
                for partition in Int32(0)..<3 {
                    let current = cluster.leader(of: topic, partition: partition) ?? 1
                    cluster.moveLeader(of: topic, partition: partition, to: current % 3 + 1)
                }
            }, on: .listOffsets)
            let offsets = try await ProxyCluster.succeed("get-offsets", b, ["--topic", topic, "--time", "earliest"])
            #expect(ProxyCluster.lines(offsets.stdout).sorted() == (0..<3).map { "\(topic):\($0):0" })
            #expect(cluster.refusalCount(.notLeaderOrFollower) > 0)

            // The node that coordinates the group is still loading it.
            let coordinator = try #require(cluster.coordinator(of: group))
            cluster.inject(.error(.coordinatorLoadInProgress), on: .listGroups, node: coordinator)
            let groups = try await ProxyCluster.succeed("consumer-groups", b, ["--list"])
            #expect(ProxyCluster.lines(groups.stdout).contains(group), "\(groups.stdout)")
            #expect(cluster.refusalCount(.coordinatorLoadInProgress) == 1)

            // The controller moved: the node asked answers NOT_CONTROLLER (as brokers before KRaft do) once.
            let other = BrokerHarness.uniqueName("cluster-transient-create")
            cluster.inject(.error(.notController), on: .createTopics)
            try await ProxyCluster.succeed("topics", b, ["--create", "--topic", other, "--partitions", "1", "--replication-factor", "1"])
            cluster.inject(.error(.notController), on: .deleteTopics)
            try await ProxyCluster.succeed("topics", b, ["--delete", "--topic", other])
            #expect(cluster.refusalCount(.notController) == 2)

            try await ProxyCluster.succeed("consumer-groups", b, ["--delete", "--group", group])
            try await ProxyCluster.succeed("topics", b, ["--delete", "--topic", topic])
        }
    }

    @Test func noReachableNodeFailsWithinTheTimeoutNamingEveryAddressTried() async throws {
        try await ProxyCluster.with { cluster in
            for node in cluster.nodeIds { cluster.kill(node) }
            let result = try await ProxyCluster.run("topics", cluster.bootstrapList, ["--list", "--timeout-ms", "2000"])
            expectFailure(result, exitCode: 69, containing: cluster.nodeIds.map(cluster.address(of:)))
            #expect(result.elapsed < honouredTimeoutBound, "took \(result.elapsed)")
        }
    }
}
