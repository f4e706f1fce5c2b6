import Foundation
import TestSupport
import Testing

/// How many requests a command sends, counted at the test cluster (issue 17): one Metadata answer is enough to
/// know every leader a command needs, so asking again before the work starts only adds round trips.
@Suite struct RequestBudgetTests {
    @Test func consoleConsumerSendsOneMetadataBeforeItsFirstFetch() async throws {
        let upstream = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("budget-consume")
        try await createTopic(topic, partitions: 3)
        try await withTopics(topic) {
            try await ProxyCluster.succeed("console-producer", upstream, ["--topic", topic], stdin: "a\nb\nc\n")
            let cluster = try ClusterProxy(upstream: upstream)
            defer { cluster.stop() }
            let result = try await ProxyCluster.succeed("console-consumer", cluster.bootstrapList,
                                                        ["--topic", topic, "--from-beginning", "--max-messages", "3"])
            #expect(ProxyCluster.lines(result.stdout).sorted() == ["a", "b", "c"])
            #expect(cluster.requestCount(.metadata, before: .fetch) == 1, "Metadata requests before the first Fetch")
        }
    }

    @Test func aGroupConsumerSendsOneMetadataBeforeItsFirstFetch() async throws {
        let upstream = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("budget-group")
        try await createTopic(topic, partitions: 3)
        try await withTopics(topic) {
            let cluster = try ClusterProxy(upstream: upstream)
            defer { cluster.stop() }
            let group = BrokerHarness.uniqueName("budget-group")
            let result = try await ProxyCluster.succeed("console-consumer", cluster.bootstrapList,
                                                        ["--topic", topic, "--group", group, "--from-beginning", "--exit-at-end"] + GroupTestSupport.fastGroupProperties)
            #expect(result.stdout.isEmpty)
            #expect(cluster.requestCount(.metadata, before: .fetch) == 1, "Metadata requests before the first Fetch")
        }
    }

    @Test func resetOffsetsSendsOneMetadata() async throws {
        let upstream = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("budget-reset")
        try await createTopic(topic, partitions: 3)
        try await withTopics(topic) {
            let group = BrokerHarness.uniqueName("budget-reset")
            try await GroupTestSupport.commit(group: group, [topic: [0: 0, 1: 0, 2: 0]])
            let cluster = try ClusterProxy(upstream: upstream)
            defer { cluster.stop() }
            try await ProxyCluster.succeed("consumer-groups", cluster.bootstrapList,
                                           ["--reset-offsets", "--group", group, "--topic", topic, "--to-latest", "--execute"])
            #expect(cluster.requestCount(.metadata) == 1, "Metadata requests of one reset")
        }
    }

    /// Describing (state and committed offsets) and deleting many groups asks each coordinator once, naming all of its groups (before: one
    /// request per group), as Kafka's admin client does.
    @Test func describingAndDeletingGroupsSendsOneRequestPerCoordinator() async throws {
        let upstream = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("budget-groups")
        try await createTopic(topic, partitions: 1)
        try await withTopics(topic) {
            let groups = (0..<9).map { BrokerHarness.uniqueName("budget-groups-\($0)") }
            for group in groups { try await GroupTestSupport.commit(group: group, [topic: [0: 0]]) }
            let cluster = try ClusterProxy(upstream: upstream)
            defer { cluster.stop() }
            let coordinators = Set(groups.compactMap { cluster.coordinator(of: $0) })
            #expect(coordinators.count > 1, "the test needs groups on several coordinators")
            let groupFlags = groups.flatMap { ["--group", $0] }
            let described = try await ProxyCluster.succeed("consumer-groups", cluster.bootstrapList, ["--describe", "--state"] + groupFlags)
            for group in groups { #expect(described.stdout.contains(group)) }
            #expect(cluster.requestCount(.describeGroups) == coordinators.count, "DescribeGroups requests for \(groups.count) groups")
            // Their committed offsets too: OffsetFetch v8+ names several groups.
            #expect(cluster.requestCount(.offsetFetch) == coordinators.count, "OffsetFetch requests for \(groups.count) groups")
            let deleted = try await ProxyCluster.succeed("consumer-groups", cluster.bootstrapList, ["--delete"] + groupFlags)
            #expect(deleted.stdout.hasPrefix("Deletion of requested consumer groups ("), "\(deleted.stdout)")
            for group in groups { #expect(deleted.stdout.contains("'\(group)'")) }
            #expect(cluster.requestCount(.deleteGroups) == coordinators.count, "DeleteGroups requests for \(groups.count) groups")
        }
    }

    /// The shell's point: one warm client for every command with its settings, so a command typed again opens no
    /// new connection (each connection starts with ApiVersions). The shell's one client may open one connection per
    /// node (its background refresh of names for completion asks every broker for its groups); a client per command
    /// would open at least one per command.
    @Test func theShellServesRepeatedCommandsOverItsOneClient() async throws {
        let cluster = try ClusterProxy(upstream: try await brokerAddress())
        defer { cluster.stop() }
        try await ProxyCluster.succeed("shell", cluster.bootstrapList, [], stdin: String(repeating: "topics --list\n", count: 6))
        let connections = cluster.requestCount(.apiVersions)
        #expect(connections >= 1 && connections <= cluster.nodeIds.count, "connections opened for six commands: \(connections)")
    }
}
