import AdminCore
import Foundation
import TestSupport
import Testing

/// `kafkactl console-consumer --group G --consumer-property group.protocol=consumer`, run as a process: the member
/// joins with ConsumerGroupHeartbeat (KIP-848), against a scripted Kafka 4.0 coordinator since the local test broker
/// lacks the API; against the test broker it must say so in one line.
@Suite struct ConsumerProtocolConsumerTests {
    static let group = "k4-consumer"

    /// `t4`: two partitions, three records each; partition 0 has offset 1 committed.
    static func coordinator(versions: [Int16: ClosedRange<Int16>] = ConsumerProtocolCoordinator.kafka40Versions) throws -> ConsumerProtocolCoordinator {
        let coordinator = try ConsumerProtocolCoordinator(versions: versions.merging([1: 0...17]) { old, _ in old })
        coordinator.store.state.withLock { state in
            state.topics = ["t4": (partitions: 2, logEnd: 3)]
            state.records = [TopicPartition("t4", 0): ["a0", "a1", "a2"], TopicPartition("t4", 1): ["b0", "b1", "b2"]]
            var group = ConsumerProtocolCoordinator.Group(state: "Empty", groupEpoch: 4, assignmentEpoch: 4)
            group.committed = [TopicPartition("t4", 0): 1]
            state.groups[Self.group] = group
        }
        return coordinator
    }

    static func consume(_ coordinator: ConsumerProtocolCoordinator, _ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["console-consumer", "--bootstrap-server", coordinator.address, "--topic", "t4", "--group", Self.group]
                           + arguments, timeout: .seconds(30))
    }

    @Test func aConsumerProtocolMemberJoinsByHeartbeatReadsItsAssignmentCommitsUnderItsEpochAndLeaves() async throws {
        let coordinator = try Self.coordinator()
        let result = try await Self.consume(coordinator, ["--consumer-property", "group.protocol=consumer",
                                                          "--consumer-property", "group.remote.assignor=range", "--max-messages", "2"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        // Partition 0 from its committed offset 1; partition 1 has no commit and starts at auto.offset.reset's
        // default, latest: nothing to read there.
        #expect(result.stdout == "a1\na2\n")
        #expect(!coordinator.apiKeys.contains(.joinGroup), "the classic protocol was used")
        let heartbeats = try coordinator.all(ConsumerGroupHeartbeatRequest.self)
        try #require(heartbeats.count >= 2)
        let join = heartbeats[0]
        #expect(join.memberEpoch == 0 && join.subscribedTopicNames == ["t4"] && join.topicPartitions == [])
        #expect(join.serverAssignor == "range", "group.remote.assignor passes through")
        #expect(join.rebalanceTimeoutMs == 300_000)
        // v1: the member makes its own id, a UUID in Kafka's 22-character form, and keeps it.
        #expect(KafkaUUID(join.memberId) != nil, "member id \(join.memberId)")
        #expect(heartbeats.allSatisfy { $0.memberId == join.memberId })
        let leave = try #require(heartbeats.last)
        #expect(leave.memberEpoch == -1, "leaves with epoch -1")
        #expect(coordinator.store.state.withLock { $0.groups[Self.group]!.members.isEmpty })
    }

    @Test func fromTheBeginningItReadsEveryAssignedPartitionAndCommitsWithItsMemberIdAndEpoch() async throws {
        let coordinator = try Self.coordinator()
        let result = try await Self.consume(coordinator, ["--consumer-property", "group.protocol=consumer", "--from-beginning",
                                                          "--max-messages", "5"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(Set(result.stdout.split(separator: "\n").map(String.init)) == ["a1", "a2", "b0", "b1", "b2"])
        #expect(result.stderr.contains("Processed a total of 5 messages"))
        let commits = try coordinator.all(OffsetCommitRequest.self)
        try #require(!commits.isEmpty)
        let joinEpoch = try #require(try coordinator.all(ConsumerGroupHeartbeatRequest.self).first?.memberId)
        // The coordinator gave epoch 5 (group epoch 4 + 1); OffsetCommit v9 carries it with the member id.
        #expect(commits.allSatisfy { $0.memberId == joinEpoch && $0.generationIdOrMemberEpoch == 5 })
        let commitHeaders = coordinator.scripted.requests.filter { $0.apiKey == .offsetCommit }
        #expect(commitHeaders.allSatisfy { $0.apiVersion >= 9 })
        let committed = coordinator.store.state.withLock { $0.groups[Self.group]!.committed }
        #expect(committed == [TopicPartition("t4", 0): 3, TopicPartition("t4", 1): 3])
    }

    @Test func heartbeatsComeAtTheIntervalTheCoordinatorNames() async throws {
        let coordinator = try Self.coordinator()
        coordinator.store.state.withLock { $0.heartbeatIntervalMs = 100 }
        // Everything is read at once; then the member idles for --timeout-ms, heartbeating meanwhile.
        let result = try await Self.consume(coordinator, ["--consumer-property", "group.protocol=consumer", "--from-beginning",
                                                          "--timeout-ms", "2000"])
        #expect(result.stdout.split(separator: "\n").count == 5, "stderr: \(result.stderr)")
        let heartbeats = try coordinator.all(ConsumerGroupHeartbeatRequest.self)
        // Between the join (epoch 0) and the leave (epoch -1), heartbeats at epoch 5 with nothing changed (null
        // subscription and owned partitions): about 20 in 2 s at 100 ms; at Kafka's 3 s default there would be none.
        let regular = heartbeats.filter { $0.memberEpoch == 5 && $0.subscribedTopicNames == nil && $0.topicPartitions == nil }
        #expect(regular.count >= 8, "\(regular.count) heartbeats in 2 s at a 100 ms interval")
        #expect(heartbeats.first?.memberEpoch == 0 && heartbeats.last?.memberEpoch == -1)
    }

    @Test func aRevokedPartitionIsCommittedBeforeTheMemberReportsItNoLongerOwnsIt() async throws {
        let coordinator = try Self.coordinator()
        coordinator.store.state.withLock {
            $0.heartbeatIntervalMs = 100
            $0.shrinkAfter = (heartbeats: 8, keep: [TopicPartition("t4", 0)])  // ~0.8 s in: well after t4-1 was read
        }
        let result = try await Self.consume(coordinator, ["--consumer-property", "group.protocol=consumer", "--from-beginning",
                                                          "--timeout-ms", "2000"])
        #expect(result.stdout.split(separator: "\n").count == 5, "stderr: \(result.stderr)")
        let requests = coordinator.store.state.withLock { $0.requests }
        func decode<R: KafkaRequest>(_ index: Int, as type: R.Type) throws -> R {
            var body = requests[index].1
            return try R(from: &body, version: requests[index].0.apiVersion)
        }
        let t4 = ConsumerProtocolCoordinator.topicId("t4")
        // The release: a heartbeat at the new epoch (6) that reports only t4-0 as owned.
        let release = try #require(try requests.indices.first { index in
            guard requests[index].0.apiKey == .consumerGroupHeartbeat else { return false }
            let heartbeat = try decode(index, as: ConsumerGroupHeartbeatRequest.self)
            return heartbeat.memberEpoch == 6 && heartbeat.topicPartitions == [.init(topicId: t4, partitions: [0])]
        }, "no heartbeat gave t4-1 up")
        // Before it: t4-1's position committed under the member's epoch.
        let commitOfRevoked = try requests[..<release].indices.contains { index in
            guard requests[index].0.apiKey == .offsetCommit else { return false }
            let commit = try decode(index, as: OffsetCommitRequest.self)
            return commit.topics.contains { $0.name == "t4" && $0.partitions.contains { $0.partitionIndex == 1 && $0.committedOffset == 3 } }
        }
        #expect(commitOfRevoked, "t4-1 was given up before its position was committed")
        // After it, t4-1 is not fetched any more.
        let fetchesAfter = try requests[(release + 1)...].indices.filter { requests[$0].0.apiKey == .fetch }
            .map { try decode($0, as: FetchRequest.self) }
        #expect(!fetchesAfter.isEmpty)
        #expect(fetchesAfter.allSatisfy { fetch in fetch.topics.allSatisfy { $0.partitions.allSatisfy { $0.partition == 0 } } })
    }

    @Test func aStaticMemberSendsItsInstanceIdAndLeavesWithEpochMinusTwo() async throws {
        let coordinator = try Self.coordinator()
        let result = try await Self.consume(coordinator, ["--consumer-property", "group.protocol=consumer", "--from-beginning",
                                                          "--consumer-property", "group.instance.id=k4-static", "--max-messages", "5"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let heartbeats = try coordinator.all(ConsumerGroupHeartbeatRequest.self)
        #expect(heartbeats.first?.instanceId == "k4-static")
        // -2: a static member that may come back under its instance id keeps its assignment meanwhile.
        #expect(heartbeats.last?.memberEpoch == -2 && heartbeats.last?.instanceId == "k4-static")
        #expect(try coordinator.all(OffsetCommitRequest.self).allSatisfy { $0.groupInstanceId == "k4-static" })
    }

    @Test func aFencedMemberRejoinsWithEpochZeroUnderTheSameId() async throws {
        let coordinator = try Self.coordinator()
        coordinator.store.state.withLock { $0.heartbeatErrors = [.fencedMemberEpoch] }
        let result = try await Self.consume(coordinator, ["--consumer-property", "group.protocol=consumer", "--from-beginning",
                                                          "--max-messages", "5"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let heartbeats = try coordinator.all(ConsumerGroupHeartbeatRequest.self)
        #expect(heartbeats.prefix(2).map(\.memberEpoch) == [0, 0], "the fenced join is made again at epoch 0")
        #expect(Set(heartbeats.map(\.memberId)).count == 1)
    }

    @Test func groupProtocolConsumerWorksFromTheConsumerConfigFile() async throws {
        let coordinator = try Self.coordinator()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("k4-consumer-\(UUID().uuidString).properties")
        try "group.protocol=CONSUMER\nauto.offset.reset=earliest\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await Self.consume(coordinator, ["--consumer.config", file.path, "--max-messages", "5"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 5)
        #expect(coordinator.apiKeys.contains(.consumerGroupHeartbeat))
        #expect(!coordinator.apiKeys.contains(.joinGroup))
    }

    @Test func anInvalidGroupProtocolIsAUsageError() async throws {
        let coordinator = try Self.coordinator()
        let result = try await Self.consume(coordinator, ["--consumer-property", "group.protocol=fancy", "--max-messages", "1"])
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("invalid group.protocol 'fancy': expected classic or consumer"), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!coordinator.apiKeys.contains(.consumerGroupHeartbeat) && !coordinator.apiKeys.contains(.joinGroup))
    }

    /// Kafka's ConsumerConfig refuses settings the chosen protocol cannot use, in its own words.
    @Test(arguments: [
        (["group.protocol=consumer", "session.timeout.ms=6000", "partition.assignment.strategy=range"],
         "partition.assignment.strategy, session.timeout.ms cannot be set when group.protocol=CONSUMER"),
        (["group.protocol=consumer", "heartbeat.interval.ms=1000"], "heartbeat.interval.ms cannot be set when group.protocol=CONSUMER"),
        (["group.remote.assignor=uniform"], "group.remote.assignor cannot be set when group.protocol=CLASSIC"),
    ])
    func settingsTheProtocolCannotUseAreUsageErrors(_ properties: [String], _ message: String) async throws {
        let coordinator = try Self.coordinator()
        let result = try await Self.consume(coordinator, properties.flatMap { ["--consumer-property", $0] } + ["--max-messages", "1"])
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(!coordinator.apiKeys.contains(.consumerGroupHeartbeat) && !coordinator.apiKeys.contains(.joinGroup))
    }

    @Test func aBrokerWithoutConsumerGroupHeartbeatIsNamedInOneLine() async throws {
        var versions = ConsumerProtocolCoordinator.kafka40Versions
        versions[68] = nil
        let coordinator = try Self.coordinator(versions: versions)
        let result = try await Self.consume(coordinator, ["--consumer-property", "group.protocol=consumer", "--max-messages", "1"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("the broker at \(coordinator.address) does not support the consumer group protocol (ConsumerGroupHeartbeat); use group.protocol=classic"),
                "stderr: \(result.stderr)")
        #expect(!coordinator.apiKeys.contains(.joinGroup) && !coordinator.apiKeys.contains(.consumerGroupHeartbeat))
    }

    @Test func theTestBrokerLacksConsumerGroupHeartbeatAndKafkactlSaysSo() async throws {
        let address = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("k4-topic")
        try await createTopic(topic)
        try await withTopics(topic) {
            let result = try await kafkactl(["console-consumer", "--bootstrap-server", address, "--topic", topic,
                                             "--group", BrokerHarness.uniqueName("k4-group"),
                                             "--consumer-property", "group.protocol=consumer", "--max-messages", "1"])
            #expect(result.exitCode == 1)
            let lines = result.stderr.split(separator: "\n").filter { $0.contains("consumer group protocol") }
            #expect(lines.count == 1, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("does not support the consumer group protocol (ConsumerGroupHeartbeat); use group.protocol=classic"))
            #expect(result.stdout.isEmpty)
        }
    }
}
