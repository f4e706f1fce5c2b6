import Foundation
import TestSupport
import Testing

/// Every subcommand against a three-node cluster (the proxy in front of the test broker), bootstrapped from one node
/// or from the list: leaders and coordinators are spread over the nodes and a misrouted request is refused, so a
/// command that works here routes each request to the right broker.
@Suite("Cluster: every subcommand against three nodes")
struct ClusterRoutingTests {
    enum Bootstrap: CustomTestStringConvertible, Sendable {
        case node(Int32)
        case list

        func address(in cluster: ClusterProxy) -> String {
            switch self {
            case .node(let id): return cluster.address(of: id)
            case .list: return cluster.bootstrapList
            }
        }

        var testDescription: String {
            switch self {
            case .node(let id): return "bootstrapped from node \(id)"
            case .list: return "bootstrapped from the list"
            }
        }
    }

    @Test(arguments: [Bootstrap.node(1), .node(2), .node(3), .list])
    func everySubcommandRoutesToTheRightNode(_ bootstrap: Bootstrap) async throws {
        try await ProxyCluster.with { cluster in
            let b = bootstrap.address(in: cluster)
            let topic = BrokerHarness.uniqueName("cluster-routing")
            let group = BrokerHarness.uniqueName("cluster-routing-group")
            @discardableResult
            func run(_ command: String, _ arguments: [String], stdin: String? = nil,
                     sourceLocation: SourceLocation = #_sourceLocation) async throws -> ProcessResult {
                try await ProxyCluster.succeed(command, b, arguments, stdin: stdin, sourceLocation: sourceLocation)
            }

            try await run("topics", ["--create", "--topic", topic, "--partitions", "6", "--replication-factor", "1"])
            let listed = try await run("topics", ["--list"])
            #expect(ProxyCluster.lines(listed.stdout).contains(topic))

            // Describe shows the virtual leaders, spread over all three nodes.
            let described = try await run("topics", ["--describe", "--topic", topic])
            var leaders: [Int32: Int32] = [:]
            for line in ProxyCluster.lines(described.stdout) where line.contains("Partition: ") {
                let fields = Dictionary(line.split(separator: "\t").compactMap { field -> (String, String)? in
                    let parts = field.trimmingCharacters(in: .whitespaces).components(separatedBy: ": ")
                    return parts.count == 2 ? (parts[0], parts[1]) : nil
                }, uniquingKeysWith: { first, _ in first })
                if let partition = fields["Partition"].flatMap(Int32.init), let leader = fields["Leader"].flatMap(Int32.init) {
                    leaders[partition] = leader
                }
            }
            #expect(leaders.count == 6, "describe printed: \(described.stdout)")
            for (partition, leader) in leaders { #expect(leader == cluster.leader(of: topic, partition: partition)) }
            #expect(Set(leaders.values) == [1, 2, 3])

            // Keyed records land on every partition, so every node leads some of the Produce traffic.
            let input = (0..<60).map { "key\($0):value\($0)" }
            try await run("console-producer", ["--topic", topic, "--property", "parse.key=true", "--property", "key.separator=:"],
                          stdin: input.joined(separator: "\n") + "\n")
            for node in cluster.nodeIds { #expect(cluster.requestCount(.produce, node: node) > 0, "no Produce reached node \(node)") }

            let consumed = try await run("console-consumer", ["--topic", topic, "--from-beginning", "--max-messages", "60"])
            #expect(ProxyCluster.lines(consumed.stdout).sorted() == input.map { String($0.split(separator: ":")[1]) }.sorted())
            for node in cluster.nodeIds { #expect(cluster.requestCount(.fetch, node: node) > 0, "no Fetch reached node \(node)") }

            let offsets = try await run("get-offsets", ["--topic", topic, "--time", "earliest"])
            #expect(ProxyCluster.lines(offsets.stdout).sorted() == (0..<6).map { "\(topic):\($0):0" })

            // A group: consume and commit through its coordinator, then the admin side of consumer-groups.
            try await run("console-consumer", ["--topic", topic, "--group", group, "--from-beginning", "--exit-at-end"]
                          + GroupTestSupport.fastGroupProperties)
            let groups = try await run("consumer-groups", ["--list"])
            #expect(ProxyCluster.lines(groups.stdout).filter { $0 == group }.count == 1, "each node lists only its own groups: \(groups.stdout)")
            let describedGroup = try await run("consumer-groups", ["--describe", "--group", group])
            #expect(ProxyCluster.lines(describedGroup.stdout).filter { $0.contains(topic) }.count == 6, "describe: \(describedGroup.stdout)")
            try await run("consumer-groups", ["--reset-offsets", "--group", group, "--topic", topic, "--to-earliest", "--execute"])
            let committed = try await run("consumer-groups", ["--describe", "--group", group, "--output", "json"])
            #expect(try ProxyCluster.currentOffsets(committed) == Array(repeating: 0, count: 6), "after the reset: \(committed.stdout)")

            try await run("configs", ["--topic", topic, "--alter", "--add-config", "retention.ms=86400000"])
            // The test broker applies a config change a moment after acknowledging it (as ConfigsCommandTests poll).
            try await ProxyCluster.waitUntil("the new retention.ms is described", within: .seconds(15)) {
                try await run("configs", ["--topic", topic, "--describe", "--all"]).stdout.contains("retention.ms=86400000 ")
            }
            try await run("configs", ["--entity-type", "brokers", "--entity-name", "3", "--describe"])
            #expect(cluster.requestCount(.describeConfigs, node: 3) > 0, "broker 3's configs are asked of broker 3")
            try await run("configs", ["--entity-type", "brokers", "--describe"])
            for node in cluster.nodeIds { #expect(cluster.requestCount(.describeConfigs, node: node) > 0, "each broker describes its own configs") }

            let overview = try await run("cluster", ["--output", "json"])
            let brokers = try #require(try overview.jsonObject()["brokers"] as? [[String: Any]])
            #expect(brokers.compactMap { $0["id"] as? Int }.sorted() == [1, 2, 3])

            // The shell runs each line as the subcommand would, over one client.
            let shell = try await run("shell", [], stdin: "topics --describe --topic \(topic)\nget-offsets --topic \(topic) --time earliest\n")
            #expect(ProxyCluster.lines(shell.stdout).filter { $0.hasPrefix("\(topic):") }.count == 6, "shell: \(shell.stdout)")

            try await run("consumer-groups", ["--delete", "--group", group])
            try await run("topics", ["--delete", "--topic", topic])

            // Every request went to the right node the first time: the cluster never had to refuse one.
            #expect(cluster.refusalCount(.notLeaderOrFollower) == 0)
            #expect(cluster.refusalCount(.notCoordinator) == 0)
        }
    }
}
