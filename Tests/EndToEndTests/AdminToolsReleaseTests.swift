import Foundation
import TestSupport
import Testing

/// acls and leader-election against the test cluster presenting Apache Kafka releases' API versions
/// (`ClusterProxy(release:)`): kafkactl negotiates each release's DescribeAcls version and decodes the test broker's
/// real answer at it, and says in one line what a release cannot do (no ElectLeaders before 2.2; no unclean
/// election in 2.2-2.3's ElectPreferredLeaders). The commands' semantics are proven on scripted brokers
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

    @Test func kafka22CannotElectUncleanlyWhichIsOneLine() async throws {
        try await Self.withRelease("2.2") { bootstrap in
            expectFailure(try await ProxyCluster.run("leader-election", bootstrap, ["--election-type", "unclean", "--all-topic-partitions"]),
                          exitCode: 1, containing: ["the controller does not support unclean leader election", "use --election-type preferred"])
        }
    }
}
