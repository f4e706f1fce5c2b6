import Foundation
import TestSupport
import Testing

/// acls, leader-election and transactions against the test cluster presenting Apache Kafka releases' API versions
/// (`ClusterProxy(release:)`): kafkactl negotiates each release's DescribeAcls version and decodes the test broker's
/// real answer at it, and says in one line what a release cannot do (no ElectLeaders before 2.2; no unclean
/// election in 2.2-2.3's ElectPreferredLeaders; no ListTransactions before 3.0, no duration filter before 3.8). The commands' semantics are proven on scripted brokers
/// (AclsCommandTests, LeaderElectionCommandTests): the test broker's ACLs are stubs and it lacks ElectLeaders.
@Suite(.serialized) struct AdminToolsReleaseTests {
    static func withRelease(_ name: String, _ body: (String) async throws -> Void) async throws {
        let release = try #require(KafkaReleases.named(name), "no release \(name) in the table")
        let upstream = try await brokerAddress()
        let cluster = try ClusterProxy(upstream: upstream, release: release, brokerVersions: try await ClusterProxy.brokerVersions(of: upstream))
        defer { cluster.stop() }
        try await body(cluster.bootstrapList)
    }

    // DescribeAcls v1 (2.1-2.4), v2 (2.5-3.2) and v3 (3.3+).
    @Test(arguments: ["2.1", "2.5", "3.3-kraft", "4.0"])
    func listingAclsNegotiatesTheReleasesVersion(_ release: String) async throws {
        try await Self.withRelease(release) { bootstrap in
            let result = try await ProxyCluster.run("acls", bootstrap, ["--list", "--output", "json"])
            #expect(result.exitCode == 0, "Kafka \(release): \(result.stderr)")
            #expect(result.stdout == "{\"acls\":[]}\n", "the test broker keeps no ACLs")
        }
    }

    @Test func kafka21HasNoLeaderElectionWhichIsOneLine() async throws {
        try await Self.withRelease("2.1") { bootstrap in
            expectFailure(try await ProxyCluster.run("leader-election", bootstrap, ["--election-type", "preferred", "--all-topic-partitions"]),
                          exitCode: 1, containing: ["does not support electing leaders (ElectLeaders)", "it does not offer ElectLeaders"])
        }
    }

    @Test func kafka28HasNoListTransactionsWhichIsOneLine() async throws {
        // ListTransactions arrived in 3.0; 2.8 (ZooKeeper mode) lists DescribeProducers only.
        try await Self.withRelease("2.8") { bootstrap in
            expectFailure(try await ProxyCluster.run("transactions", bootstrap, ["list"]), exitCode: 1,
                          containing: ["Failed to list transactions: ", "does not support listing transactions (ListTransactions)", "it does not offer ListTransactions"])
        }
    }

    @Test func kafka37CannotFilterTransactionsByDurationWhichIsOneLine() async throws {
        // ListTransactions v1 (the duration filter) arrived in 3.8: 3.7 offers v0, and nothing is sent.
        try await Self.withRelease("3.7") { bootstrap in
            expectFailure(try await ProxyCluster.run("transactions", bootstrap, ["list", "--duration-filter", "1000"]), exitCode: 1,
                          containing: ["cannot filter transactions by duration: it speaks ListTransactions v0, the filter needs v1 (Kafka 3.8 or later)"])
        }
    }

    // Partition reassignment through the admin API arrived in 2.4 (2.1-2.3 reassigned through ZooKeeper).
    @Test func kafka23HasNoPartitionReassignmentAPIWhichIsOneLine() async throws {
        try await Self.withRelease("2.3") { bootstrap in
            expectFailure(try await ProxyCluster.run("reassign-partitions", bootstrap, ["--list"]), exitCode: 1,
                          containing: ["does not support listing partition reassignments (ListPartitionReassignments)"])
        }
    }

    @Test(arguments: ["2.4", "4.0"])
    func listingReassignmentsWorksFromKafka24(_ release: String) async throws {
        try await Self.withRelease(release) { bootstrap in
            // The test broker lists every partition (see ReassignPartitionsCommandTests); decoding its answer at the
            // release's version is what is proven here.
            let result = try await ProxyCluster.run("reassign-partitions", bootstrap, ["--list", "--output", "json"])
            #expect(result.exitCode == 0, "Kafka \(release): \(result.stderr)")
            #expect(result.stdout.hasPrefix(#"{"reassignments":["#))
        }
    }

    @Test func kafka22CannotElectUncleanlyWhichIsOneLine() async throws {
        try await Self.withRelease("2.2") { bootstrap in
            expectFailure(try await ProxyCluster.run("leader-election", bootstrap, ["--election-type", "unclean", "--all-topic-partitions"]),
                          exitCode: 1, containing: ["the controller does not support unclean leader election", "use --election-type preferred"])
        }
    }
}

/// Where acls, log-dirs and leader-election send their requests, in the three-node test cluster presenting Kafka
/// 4.0 (which offers every API these commands use): ElectLeaders to the controller, DescribeLogDirs to each broker
/// named, the ACL APIs to any node. The test broker behind the proxy lacks ElectLeaders and DescribeLogDirs and
/// drops the connection, so these runs fail after sending; what is proven is which node received what.
@Suite(.serialized) struct AdminToolsRoutingTests {
    static func withCluster(_ body: (ClusterProxy) async throws -> Void) async throws {
        let release = try #require(KafkaReleases.named("4.0"))
        let upstream = try await brokerAddress()
        let cluster = try ClusterProxy(upstream: upstream, release: release, brokerVersions: try await ClusterProxy.brokerVersions(of: upstream))
        defer { cluster.stop() }
        try await body(cluster)
    }

    @Test func leaderElectionGoesToTheControllerWhicheverNodeBootstraps() async throws {
        try await Self.withCluster { cluster in
            // The lowest live node is the controller: with node 1 down, node 2.
            cluster.kill(1)
            let result = try await ProxyCluster.run("leader-election", cluster.address(of: 3), ["--election-type", "preferred", "--all-topic-partitions"],
                                                    timeout: .seconds(30))
            #expect(result.exitCode != 0 && result.stderrLines.count == 1, "stderr: \(result.stderr)")
            #expect(cluster.requestCount(.electLeaders, node: 2) >= 1)
            #expect(cluster.requestCount(.electLeaders, node: 3) == 0)
        }
    }

    @Test func logDirsAsksEachBrokerNamedAtItsOwnAddress() async throws {
        try await Self.withCluster { cluster in
            let result = try await ProxyCluster.run("log-dirs", cluster.address(of: 1), ["--describe", "--broker-list", "3"], timeout: .seconds(30))
            #expect(result.exitCode != 0 && result.stderrLines.count == 1, "stderr: \(result.stderr)")
            #expect(cluster.requestCount(.describeLogDirs, node: 3) >= 1)
            #expect(cluster.requestCount(.describeLogDirs, node: 1) == 0 && cluster.requestCount(.describeLogDirs, node: 2) == 0)
        }
    }
}
