import AdminCore
import Foundation
import TestSupport
import Testing

/// AdminClient's topic operations against the real test broker (Tansu, one node, id 111).
@Suite struct TopicAdminTests {
    /// The test broker's address. The first call starts the broker, blocking until it is ready, and concurrent
    /// callers wait for it too: wait on a thread of its own, never on one Swift Concurrency shares with other tests.
    static func brokerAddress() async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try BrokerHarness.bootstrap() }) }
        }
    }

    /// Runs `body` with an AdminClient connected to the test broker, shutting the client down afterwards.
    static func withAdmin<T: Sendable>(_ body: (AdminClient) async throws -> T) async throws -> T {
        let bootstrap = try await brokerAddress()
        let configuration = ClientConfiguration(bootstrapServers: try BrokerAddress.parseList(bootstrap))
        return try await KafkaClient.withClient(configuration) { try await body(AdminClient(client: $0)) }
    }

    /// Creates `name` and returns once it is created (failing the test otherwise).
    static func create(_ admin: AdminClient, _ topic: NewTopic) async throws {
        let results = try await admin.createTopics([topic])
        #expect(results.map(\.name) == [topic.name])
        try results[0].result.get()
    }

    /// Polls `condition` until it holds or `timeout` passes; returns whether it held.
    static func eventually(
        within timeout: Duration = .seconds(10), _ condition: () async throws -> Bool
    ) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    @Test func aCreatedTopicIsDescribedWithItsPartitionsLeadersAndConfig() async throws {
        let name = BrokerHarness.uniqueName("it-create")
        try await Self.withAdmin { admin in
            try await Self.create(admin, NewTopic(
                name: name, partitions: 3, replicationFactor: 1,
                configs: [ConfigSetting(name: "cleanup.policy", value: "compact")]))

            let descriptions = try await admin.describeTopics([name])
            let topic = try #require(descriptions.first)
            #expect(descriptions.count == 1)
            #expect(topic.name == name)
            #expect(!topic.topicId.isZero)
            #expect(!topic.isInternal)
            #expect(topic.partitions.map(\.partition) == [0, 1, 2])
            #expect(topic.replicationFactor == 1)
            let brokers = Set(try await admin.client.metadata(topics: []).brokers.keys)
            for partition in topic.partitions {
                let leader = try #require(partition.leader, "partition \(partition.partition) has no leader")
                #expect(brokers.contains(leader))
                #expect(partition.replicas == [leader])
                #expect(partition.isr == [leader])
            }

            // The broker keeps the config it was given.
            let configs = try #require(try await admin.topicConfigs([name])[name])
            #expect(configs.contains { $0.name == "cleanup.policy" && $0.value == "compact" })
            // Tansu reports explicitly set topic configs with source DEFAULT_CONFIG, which describe leaves out
            // (Kafka reports DYNAMIC_TOPIC_CONFIG); so the description holds the override or, on Tansu, nothing else.
            #expect(topic.configs.allSatisfy { $0.name == "cleanup.policy" && $0.value == "compact" })
            #expect(topic.minInsyncReplicas == 1)
            _ = try await admin.deleteTopics([name])
        }
    }

    @Test func listTopicsIncludesACreatedTopic() async throws {
        let name = BrokerHarness.uniqueName("it-list")
        try await Self.withAdmin { admin in
            try await Self.create(admin, NewTopic(name: name, partitions: 2, replicationFactor: 1))
            let listed = try #require(try await admin.listTopics().first { $0.name == name })
            #expect(listed.partitions.count == 2)
            #expect(!listed.isInternal)
            let names = try await admin.listTopics().map(\.name)
            #expect(names == names.sorted())
            _ = try await admin.deleteTopics([name])
        }
    }

    @Test func creatingAnExistingTopicIsAConflict() async throws {
        let name = BrokerHarness.uniqueName("it-twice")
        try await Self.withAdmin { admin in
            try await Self.create(admin, NewTopic(name: name, partitions: 1))
            let again = try await admin.createTopics([NewTopic(name: name, partitions: 1)])
            #expect(again.count == 1)
            guard case .failure(let error) = again[0].result else {
                Issue.record("creating \(name) a second time succeeded")
                return
            }
            #expect(error.category == .conflict)
            #expect(error.code == .topicAlreadyExists)
            #expect(error.message == "Topic '\(name)' already exists. [TOPIC_ALREADY_EXISTS]")
            _ = try await admin.deleteTopics([name])
        }
    }

    @Test func oneBadTopicDoesNotHideTheOthers() async throws {
        let existing = BrokerHarness.uniqueName("it-batch-old")
        let fresh = BrokerHarness.uniqueName("it-batch-new")
        try await Self.withAdmin { admin in
            try await Self.create(admin, NewTopic(name: existing, partitions: 1))
            let results = try await admin.createTopics([
                NewTopic(name: existing, partitions: 1), NewTopic(name: fresh, partitions: 1),
            ])
            #expect(results.map(\.name) == [existing, fresh])
            #expect((try? results[0].result.get()) == nil)
            #expect((try? results[1].result.get()) != nil)
            _ = try await admin.deleteTopics([existing, fresh])
        }
    }

    @Test func deletingAnUnknownTopicIsNotFound() async throws {
        let name = BrokerHarness.uniqueName("it-never-created")
        try await Self.withAdmin { admin in
            let results = try await admin.deleteTopics([name])
            #expect(results.map(\.name) == [name])
            guard case .failure(let error) = results[0].result else {
                Issue.record("deleting a topic that never existed succeeded")
                return
            }
            #expect(error.category == .notFound)
            #expect(error.code == .unknownTopicOrPartition)
            #expect(error.message.contains("'\(name)'"))
        }
    }

    @Test func describingAnUnknownTopicLeavesItOut() async throws {
        let name = BrokerHarness.uniqueName("it-absent")
        let descriptions = try await Self.withAdmin { try await $0.describeTopics([name]) }
        #expect(descriptions.isEmpty)
    }

    @Test func addingPartitionsIsUnsupportedOnThisBroker() async throws {
        let name = BrokerHarness.uniqueName("it-grow")
        let bootstrap = try await Self.brokerAddress()
        try await Self.withAdmin { admin in
            try await Self.create(admin, NewTopic(name: name, partitions: 1))
            let error = await #expect(throws: KafkactlError.self) {
                try await admin.createPartitions(name, totalCount: 2)
            }
            #expect(error?.category == .unsupported)
            #expect(error?.exitCode == 1)
            #expect(error?.message.contains("does not support adding partitions (CreatePartitions)") == true)
            // The message names the broker that refused.
            #expect(error?.message.contains(bootstrap) == true)
            // Nothing changed.
            #expect(try await admin.describeTopics([name]).first?.partitions.count == 1)
            _ = try await admin.deleteTopics([name])
        }
    }

    @Test func aDeletedTopicIsNoLongerListed() async throws {
        let name = BrokerHarness.uniqueName("it-delete")
        try await Self.withAdmin { admin in
            try await Self.create(admin, NewTopic(name: name, partitions: 1))
            #expect(try await admin.listTopics().contains { $0.name == name })
            let results = try await admin.deleteTopics([name])
            #expect(results.map(\.name) == [name])
            try results[0].result.get()
            // Deletion may complete asynchronously on the broker.
            let gone = try await Self.eventually { try await !admin.listTopics().contains { $0.name == name } }
            #expect(gone, "\(name) is still listed after deletion")
            #expect(try await admin.describeTopics([name]).isEmpty)
        }
    }

    @Test func anUnreachableBrokerIsNamed() async throws {
        var configuration = ClientConfiguration(bootstrapServers: [BrokerAddress("127.0.0.1:1")!])
        configuration.connectTimeout = .milliseconds(500)
        let client = KafkaClient(configuration: configuration)
        let error = await #expect(throws: KafkactlError.self) { try await AdminClient(client: client).listTopics() }
        await client.shutdown()
        #expect(error?.category == .unreachable)
        #expect(error?.exitCode == 69)
        #expect(error?.message.contains("127.0.0.1:1") == true)
    }
}
