@testable import AdminCore
import Foundation
import NIOCore
import TestSupport
import Testing

/// `kafkactl cluster`: the cluster at a glance, as text and as `--output json`, against the test broker (one
/// healthy broker; a topic made under-min-ISR by its own config) and against a scripted broker presenting what a
/// single healthy broker never shows: offline partitions (no leader, or a leader that is not a live broker) and an
/// under-replicated one.
@Suite struct ClusterCommandTests {
    static func cluster(_ arguments: [String]) async throws -> ProcessResult {
        try await BeyondApacheTests.run(["cluster"] + arguments, timeout: .seconds(20))
    }

    // MARK: the test broker

    @Test func theTestBrokerAtAGlanceAsTextAndJSON() async throws {
        let bootstrap = try await brokerAddress()
        let healthy = BrokerHarness.uniqueName("cluster-ok")
        let strict = BrokerHarness.uniqueName("cluster-minisr")
        let group = BrokerHarness.uniqueName("cluster-group")
        try await createTopic(healthy, partitions: 3)
        try await createTopic(strict, partitions: 1)
        try await withTopics(healthy, strict) {
            // One replica but two required in sync: under min ISR.
            let alter = try await BeyondApacheTests.run(["configs", "--bootstrap-server", bootstrap, "--topic", strict, "--alter",
                                                         "--add-config", "min.insync.replicas=2"])
            try #require(alter.exitCode == 0, "stderr: \(alter.stderr)")
            try await GroupTestSupport.commit(group: group, [healthy: [0: 0]])

            let text = try await Self.cluster(["--bootstrap-server", bootstrap])
            #expect(text.exitCode == 0, "stderr: \(text.stderr)")
            #expect(text.stderr.isEmpty)
            let lines = BeyondApacheTests.lines(text.stdout)
            try #require(lines.count >= 7, "\(text.stdout)")
            #expect(Array(lines.prefix(4)) == ["Cluster: tansu_cluster", "Controller: 111", "Brokers: 1", "  111\t\(bootstrap)"])
            let counts = lines[4].split(separator: "\t").map { $0.split(separator: " ").last.flatMap { Int($0) } }
            #expect(lines[4].hasPrefix("Topics: ") && lines[4].contains("\tPartitions: "), "\(lines[4])")
            #expect((counts.first ?? nil).map { $0 >= 2 } == true && (counts.last ?? nil).map { $0 >= 4 } == true, "\(lines[4])")
            #expect(lines[5].hasPrefix("Under-replicated: 0\tUnder min ISR: ") && lines[5].hasSuffix("\tOffline: 0"), "\(lines[5])")
            #expect(lines.contains("  under-min-isr\t\(strict)-0\tLeader: 111\tReplicas: 111\tIsr: 111"), "\(text.stdout)")
            #expect(!lines.contains { $0.contains("\t\(healthy)-") }, "a healthy topic has no problem line")
            let groups = try #require(lines.last)
            #expect(groups.hasPrefix("Groups: ") && !groups.hasPrefix("Groups: 0"), "\(groups)")

            let json = try await Self.cluster(["--bootstrap-server", bootstrap, "--output", "json"])
            #expect(json.exitCode == 0, "stderr: \(json.stderr)")
            let document = try json.jsonObject()
            #expect(document["clusterId"] as? String == "tansu_cluster")
            #expect(document["controller"] as? Int == 111)
            let brokers = try #require(document["brokers"] as? [[String: Any]])
            #expect(brokers.count == 1)
            #expect(brokers.first?["id"] as? Int == 111)
            #expect("\(brokers.first?["host"] as? String ?? ""):\(brokers.first?["port"] as? Int ?? 0)" == bootstrap)
            #expect(brokers.first?["rack"] is NSNull)
            #expect((document["topics"] as? Int).map { $0 >= 2 } == true)
            #expect((document["partitions"] as? Int).map { $0 >= 4 } == true)
            #expect(document["underReplicated"] as? Int == 0)
            #expect(document["offline"] as? Int == 0)
            let problems = try #require(document["problems"] as? [[String: Any]])
            #expect((document["underMinIsr"] as? Int) == problems.filter { $0["kind"] as? String == "under-min-isr" }.count)
            let mine = problems.filter { $0["topic"] as? String == strict }
            #expect(mine.count == 1)
            #expect(mine.first?["kind"] as? String == "under-min-isr")
            #expect(mine.first?["partition"] as? Int == 0)
            #expect(mine.first?["leader"] as? Int == 111)
            #expect(mine.first?["isr"] as? [Int] == [111])
            #expect(!problems.contains { $0["topic"] as? String == healthy })
            let states = try #require(document["groups"] as? [String: Int])
            #expect(states.values.reduce(0, +) >= 1, "the committed group is listed: \(states)")
        }
    }

    // MARK: a scripted cluster in trouble

    /// Node 1 is the only live broker (node 2 is gone, node 3 unknown). `broken-0` has no leader, `broken-1` lost
    /// replica 2 from its ISR, `broken-2` names node 3 as leader; `minisr-0` has one replica but min.insync.replicas
    /// is 2; `healthy-0` is fine. Three groups: two Stable, one Empty.
    static func troubledBroker() throws -> ScriptedBroker {
        let port = BeyondGuarded(0)
        let broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 32: 0...4, 16: 0...4]) { header, body in
            var body = body
            switch header.apiKey {
            case .metadata:
                let response = MetadataResponse(
                    brokers: [.init(nodeId: 1, host: "127.0.0.1", port: Int32(port.value), rack: "rack-a")],
                    clusterId: "scripted-cluster", controllerId: 1,
                    topics: [
                        .init(name: "broken", partitions: [
                            .init(partitionIndex: 0, leaderId: -1, replicaNodes: [1, 2], isrNodes: []),
                            .init(partitionIndex: 1, leaderId: 1, replicaNodes: [1, 2], isrNodes: [1]),
                            .init(partitionIndex: 2, leaderId: 3, replicaNodes: [3, 1], isrNodes: [3, 1]),
                        ]),
                        .init(name: "healthy", partitions: [.init(partitionIndex: 0, leaderId: 1, replicaNodes: [1], isrNodes: [1])]),
                        .init(name: "minisr", partitions: [.init(partitionIndex: 0, leaderId: 1, replicaNodes: [1], isrNodes: [1])]),
                    ])
                return ScriptedBroker.reply(response, to: MetadataRequest.self, version: header.apiVersion)
            case .describeConfigs:
                guard let request = try? DescribeConfigsRequest(from: &body, version: header.apiVersion) else { return .close }
                let results = request.resources.map { resource in
                    DescribeConfigsResponse.DescribeConfigsResult(
                        resourceType: resource.resourceType, resourceName: resource.resourceName,
                        configs: resource.resourceName == "minisr"
                            ? [.init(name: "min.insync.replicas", value: "2", readOnly: false,
                                     configSource: ConfigEntry.Source.topicConfig.rawValue, isSensitive: false)]
                            : [])
                }
                return ScriptedBroker.reply(DescribeConfigsResponse(results: results), to: DescribeConfigsRequest.self,
                                            version: header.apiVersion)
            case .listGroups:
                let response = ListGroupsResponse(groups: [
                    .init(groupId: "a", protocolType: "consumer", groupState: "Stable"),
                    .init(groupId: "b", protocolType: "consumer", groupState: "Empty"),
                    .init(groupId: "c", protocolType: "consumer", groupState: "Stable"),
                ])
                return ScriptedBroker.reply(response, to: ListGroupsRequest.self, version: header.apiVersion)
            case .apiVersions:
                return .silence  // answered from the advertised versions
            default:
                return .close
            }
        }
        port.update { $0 = broker.port }
        return broker
    }

    @Test func offlineUnderReplicatedAndUnderMinISRPartitionsAreListedAsText() async throws {
        let broker = try Self.troubledBroker()
        defer { broker.stop() }
        let result = try await Self.cluster(["--bootstrap-server", broker.address])
        #expect(result.exitCode == 0, "partitions in trouble do not fail the command: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == """
            Cluster: scripted-cluster
            Controller: 1
            Brokers: 1
              1\t127.0.0.1:\(broker.port)\track=rack-a
            Topics: 3\tPartitions: 5
            Under-replicated: 1\tUnder min ISR: 1\tOffline: 2
              offline\tbroken-0\tLeader: none\tReplicas: 1,2\tIsr: 
              under-replicated\tbroken-1\tLeader: 1\tReplicas: 1,2\tIsr: 1
              offline\tbroken-2\tLeader: 3\tReplicas: 3,1\tIsr: 3,1
              under-min-isr\tminisr-0\tLeader: 1\tReplicas: 1\tIsr: 1
            Groups: 3 (Empty 1, Stable 2)

            """)
    }

    @Test func theSameTroubleAsJSON() async throws {
        let broker = try Self.troubledBroker()
        defer { broker.stop() }
        let result = try await Self.cluster(["--bootstrap-server", broker.address, "--output", "json"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == #"{"clusterId":"scripted-cluster","controller":1,"brokers":[{"id":1,"host":"127.0.0.1","port":"#
            + "\(broker.port)"
            + #","rack":"rack-a"}],"topics":3,"partitions":5,"underReplicated":1,"underMinIsr":1,"offline":2,"problems":["#
            + #"{"kind":"offline","topic":"broken","partition":0,"leader":null,"replicas":[1,2],"isr":[]},"#
            + #"{"kind":"under-replicated","topic":"broken","partition":1,"leader":1,"replicas":[1,2],"isr":[1]},"#
            + #"{"kind":"offline","topic":"broken","partition":2,"leader":3,"replicas":[3,1],"isr":[3,1]},"#
            + #"{"kind":"under-min-isr","topic":"minisr","partition":0,"leader":1,"replicas":[1],"isr":[1]}],"#
            + #""groups":{"Empty":1,"Stable":2}}"# + "\n")
        _ = try result.jsonObject()
    }
}
