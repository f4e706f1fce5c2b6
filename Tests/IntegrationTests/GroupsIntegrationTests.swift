import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// AdminCore's group support against the real test broker (two `GroupMember`s splitting a topic, admin commits,
/// describe, delete, OffsetDelete missing), and what kafkactl does with a group that does not exist on a broker
/// that says so as Kafka does (a scripted coordinator: Tansu describes an unknown group as Empty).
@Suite struct GroupsIntegrationTests {
    static func brokerAddress() async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try BrokerHarness.bootstrap() }) }
        }
    }

    static func withClient<T: Sendable>(_ body: (KafkaClient) async throws -> T) async throws -> T {
        let configuration = ClientConfiguration(bootstrapServers: try BrokerAddress.parseList(try await brokerAddress()))
        return try await KafkaClient.withClient(configuration, body)
    }

    static func createTopic(_ client: KafkaClient, _ name: String, partitions: Int32) async throws {
        let results = try await AdminClient(client: client).createTopics([NewTopic(name: name, partitions: partitions, replicationFactor: 1)])
        try results[0].result.get()
    }

    static func memberConfiguration(_ group: String) -> GroupMemberConfiguration {
        var configuration = GroupMemberConfiguration(groupId: group)
        configuration.sessionTimeout = .seconds(6)
        configuration.heartbeatInterval = .seconds(1)
        configuration.rebalanceTimeout = .seconds(20)
        return configuration
    }

    // MARK: Membership on the real broker

    @Test func twoMembersJoiningTogetherSplitThePartitionsByRange() async throws {
        let topic = BrokerHarness.uniqueName("it-group-split")
        let group = BrokerHarness.uniqueName("it-split")
        let address = try await Self.brokerAddress()
        try await Self.withClient { try await Self.createTopic($0, topic, partitions: 4) }
        let clients = try (0..<2).map { _ in
            KafkaClient(configuration: ClientConfiguration(bootstrapServers: try BrokerAddress.parseList(address)))
        }
        let members = clients.map { GroupMember(client: $0, topics: [topic], configuration: Self.memberConfiguration(group)) }
        let start = ContinuousClock.now
        do {
            let assignments = try await withThrowingTaskGroup(of: (Int, [TopicPartition], Duration).self) { tasks in
                for (index, member) in members.enumerated() {
                    tasks.addTask { (index, try await member.join(), ContinuousClock.now - start) }
                }
                var result: [Int: ([TopicPartition], Duration)] = [:]
                for try await (index, partitions, took) in tasks { result[index] = (partitions, took) }
                return result
            }
            let first = try #require(assignments[0])
            let second = try #require(assignments[1])
            print("[measured] two GroupMembers of \(group) joined in \(first.1) and \(second.1): \(first.0) / \(second.0)")
            // Disjoint, together every partition, two each (range over 4 partitions and 2 members).
            #expect(Set(first.0).isDisjoint(with: second.0))
            #expect(Set(first.0 + second.0) == Set((0..<4).map { TopicPartition(topic, Int32($0)) }))
            #expect(first.0.count == 2 && second.0.count == 2)
            // Both hold member ids in the same generation.
            let ids = [await members[0].memberId, await members[1].memberId]
            #expect(!ids[0].isEmpty && !ids[1].isEmpty && ids[0] != ids[1])
            #expect(await members[0].generation == members[1].generation)
            let described = try await AdminClient(client: clients[0]).describeGroups([group])[group]?.get()
            #expect(described?.state == "Stable")
            #expect(Set(described?.members.map(\.memberId) ?? []) == Set(ids))
        } catch {
            for member in members { await member.leave() }
            for client in clients { await client.shutdown() }
            throw error
        }
        for member in members { await member.leave() }
        for client in clients { await client.shutdown() }
    }

    // MARK: Admin operations

    @Test func adminCommitsAreReadBackDescribedAndDeletedWithTheGroup() async throws {
        let topic = BrokerHarness.uniqueName("it-group-admin")
        let group = BrokerHarness.uniqueName("it-admin")
        try await Self.withClient { client in
            try await Self.createTopic(client, topic, partitions: 3)
            let admin = AdminClient(client: client)
            let results = try await admin.commitOffsets(group: group, [TopicPartition(topic, 0): 5, TopicPartition(topic, 2): 0])
            #expect(results.count == 2)
            for (_, result) in results { try result.get() }
            let committed = try await admin.committedOffsets(group: group)
            #expect(committed.mapValues(\.offset) == [TopicPartition(topic, 0): 5, TopicPartition(topic, 2): 0])
            let some = try await admin.committedOffsets(group: group, partitions: [TopicPartition(topic, 1), TopicPartition(topic, 2)])
            #expect(some.mapValues(\.offset) == [TopicPartition(topic, 2): 0], "a partition without a commit is left out")
            let description = try #require(try await admin.describeGroups([group])[group]?.get())
            #expect(description.state == "Empty")
            #expect(description.isInactive)
            #expect(description.members.isEmpty)
            #expect(try await admin.listGroups().contains { $0.groupId == group })
            try #require(try await admin.deleteGroups([group])[group]).get()
            #expect(try await admin.committedOffsets(group: group).isEmpty)
        }
    }

    @Test func deletingOffsetsIsUnsupportedOnThisBrokerWithAClearMessage() async throws {
        let topic = BrokerHarness.uniqueName("it-group-offsetdelete")
        let group = BrokerHarness.uniqueName("it-offsetdelete")
        try await Self.withClient { client in
            try await Self.createTopic(client, topic, partitions: 1)
            let admin = AdminClient(client: client)
            _ = try await admin.commitOffsets(group: group, [TopicPartition(topic, 0): 0])
            let error = await #expect(throws: KafkactlError.self) {
                try await admin.deleteOffsets(group: group, partitions: [TopicPartition(topic, 0)])
            }
            #expect(error?.category == .unsupported)
            #expect(error?.message.contains("does not support deleting committed offsets (OffsetDelete)") == true, "\(error?.message ?? "")")
            #expect(try await admin.committedOffsets(group: group).count == 1)
        }
    }

    // MARK: A group that does not exist, as Kafka reports it

    /// A one-node cluster whose coordinator describes every group as missing: state Dead with DescribeGroups v5,
    /// GROUP_ID_NOT_FOUND with v6 (Kafka 3.8+), and no committed offsets.
    static func unknownGroupBroker(describeGroups: ClosedRange<Int16>) throws -> ScriptedBroker {
        let port = Atomic<Int>(0)
        let broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 10: 0...6, 15: describeGroups, 9: 0...9]) { header, body in
            var body = body
            let version = header.apiVersion
            switch header.apiKey {
            case .metadata:
                return ScriptedBroker.oneNodeMetadataReply(port: Int(port.load(ordering: .relaxed)), version: version)
            case .findCoordinator:
                guard let request = try? FindCoordinatorRequest(from: &body, version: version) else { return .close }
                let response = FindCoordinatorResponse(coordinators: request.coordinatorKeys.map {
                    .init(key: $0, nodeId: 1, host: "127.0.0.1", port: Int32(port.load(ordering: .relaxed)))
                })
                return ScriptedBroker.reply(response, to: FindCoordinatorRequest.self, version: version)
            case .describeGroups:
                guard let request = try? DescribeGroupsRequest(from: &body, version: version) else { return .close }
                let response = DescribeGroupsResponse(groups: request.groups.map { group in
                    version >= 6
                        ? .init(errorCode: ErrorCode.groupIdNotFound.rawValue, errorMessage: "Group \(group) not found.", groupId: group)
                        : .init(groupId: group, groupState: "Dead")
                })
                return ScriptedBroker.reply(response, to: DescribeGroupsRequest.self, version: version)
            case .offsetFetch:
                guard let request = try? OffsetFetchRequest(from: &body, version: version) else { return .close }
                let response = OffsetFetchResponse(groups: request.groups.map { .init(groupId: $0.groupId) })
                return ScriptedBroker.reply(response, to: OffsetFetchRequest.self, version: version)
            default:
                return .silence
            }
        }
        port.store(broker.port, ordering: .relaxed)
        return broker
    }

    @Test(arguments: [5 as Int16, 6])
    func describeOfAGroupKafkaReportsMissingSaysItDoesNotExist(describeGroupsVersion: Int16) async throws {
        let broker = try Self.unknownGroupBroker(describeGroups: 0...describeGroupsVersion)
        defer { broker.stop() }
        var configuration = ClientConfiguration(bootstrapServers: [BrokerAddress(broker.address)!])
        configuration.requestTimeout = .seconds(5)
        let client = KafkaClient(configuration: configuration)
        let described = try await AdminClient(client: client).describeGroups(["nope"])["nope"]?.get()
        await client.shutdown()
        #expect(described?.state == "Dead")
        #expect(described?.isInactive == true)

        let result = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    try runKafkactl(["consumer-groups", "--bootstrap-server", broker.address, "--describe", "--group", "nope"], timeout: .seconds(20))
                })
            }
        }
        #expect(result.exitCode == 1, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "Error: Consumer group 'nope' does not exist.\n")
        #expect(broker.requests.map(\.apiKey).contains(.describeGroups))
        #expect(broker.requests.first { $0.apiKey == .describeGroups }?.apiVersion == describeGroupsVersion)
    }
}
