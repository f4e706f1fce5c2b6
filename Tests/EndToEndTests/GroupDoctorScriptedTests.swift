import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `consumer-groups --doctor` from the built binary against a scripted node that answers as a Kafka broker would in
/// each trouble the test broker cannot stage: a rebalance loop, a partition without a leader, offsets below the log
/// start (deleted records), a recreated topic (a committed leader epoch newer than the partition's), partitions no
/// member is assigned, and a hanging transaction, whose producer, transactional id and coordinator's account the
/// doctor must find through DescribeProducers, ListTransactions and DescribeTransactions. Each cause is named first.
@Suite struct GroupDoctorScriptedTests {
    /// What the scripted node holds for the group `billing` and the topic `orders` (partitions 0 and 1).
    struct Scene: Sendable {
        /// DescribeGroups answers in turn; the last one repeats.
        var states: [(state: String, members: [(id: String, assignment: [Int32])])] = [("Empty", [])]
        var protocolName = "range"
        /// Committed offset and its leader epoch, by partition.
        var committed: [Int32: (offset: Int64, epoch: Int32)] = [:]
        /// Committed offsets of the topic `gone`, which the cluster no longer has.
        var gone: [Int32: Int64] = [:]
        /// Leader (-1: none), leader epoch, log start, high watermark, last stable offset, by partition.
        var partitions: [Int32: (leader: Int32, epoch: Int32, start: Int64, end: Int64, stable: Int64)] = [:]
        var producers: [Int32: [DescribeProducersResponse.ProducerState]] = [:]
        /// Transactions the node coordinates: id, producer id, state, start time, partitions.
        var transactions: [(id: String, producerId: Int64, state: String, startMs: Int64, partitions: [Int32])] = []
    }

    /// What the node was asked.
    final class Log: Sendable {
        let apis = Mutex<[ApiKey]>([])
        let isolationLevels = Mutex<[Int8]>([])
        let port = Mutex(0)
        let turn = Mutex(0)
    }

    final class Node: Sendable {
        let broker: ScriptedBroker
        let log = Log()

        init(_ scene: Scene) throws {
            let log = self.log
            broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 10: 0...3, 15: 0...5, 9: 0...7, 2: 0...7, 61: 0...0, 65: 0...0, 66: 0...1]) { header, body in
                var copy = body
                let version = header.apiVersion
                log.apis.withLock { $0.append(header.apiKey) }
                switch header.apiKey {
                case .metadata:
                    let own = log.port.withLock { $0 }
                    let response = MetadataResponse(
                        brokers: [.init(nodeId: 1, host: "127.0.0.1", port: Int32(own))], clusterId: "scripted", controllerId: 1,
                        topics: [.init(name: "orders", partitions: scene.partitions.keys.sorted().map { index in
                            let partition = scene.partitions[index]!
                            return .init(errorCode: partition.leader < 0 ? ErrorCode.leaderNotAvailable.rawValue : 0,
                                         partitionIndex: index, leaderId: partition.leader, leaderEpoch: partition.epoch,
                                         replicaNodes: [1, 2], isrNodes: partition.leader < 0 ? [] : [1])
                        })] + (scene.gone.isEmpty ? [] : [.init(errorCode: ErrorCode.unknownTopicOrPartition.rawValue, name: "gone")]))
                    return ScriptedBroker.reply(response, to: MetadataRequest.self, version: version)
                case .findCoordinator:
                    let own = Int32(log.port.withLock { $0 })
                    return ScriptedBroker.reply(FindCoordinatorResponse(nodeId: 1, host: "127.0.0.1", port: own), to: FindCoordinatorRequest.self, version: version)
                case .describeGroups:
                    let index = log.turn.withLock { turn in
                        defer { turn += 1 }
                        return min(turn, scene.states.count - 1)
                    }
                    let look = scene.states[index]
                    let response = DescribeGroupsResponse(groups: [.init(
                        groupId: "billing", groupState: look.state, protocolType: "consumer",
                        protocolData: look.members.isEmpty ? "" : scene.protocolName,
                        members: look.members.map { member in
                            .init(memberId: member.id, clientId: "app", clientHost: "/10.0.0.1",
                                  memberAssignment: ConsumerProtocol.encode(ConsumerProtocol.Assignment(
                                      partitions: member.assignment.map { TopicPartition("orders", $0) })))
                        })])
                    return ScriptedBroker.reply(response, to: DescribeGroupsRequest.self, version: version)
                case .offsetFetch:
                    let response = OffsetFetchResponse(topics: (scene.committed.isEmpty ? [] : [.init(
                        name: "orders", partitions: scene.committed.keys.sorted().map { index in
                            .init(partitionIndex: index, committedOffset: scene.committed[index]!.offset,
                                  committedLeaderEpoch: scene.committed[index]!.epoch)
                        })]) + (scene.gone.isEmpty ? [] : [.init(
                        name: "gone", partitions: scene.gone.keys.sorted().map { .init(partitionIndex: $0, committedOffset: scene.gone[$0]!) })]))
                    return ScriptedBroker.reply(response, to: OffsetFetchRequest.self, version: version)
                case .listOffsets:
                    guard let request = try? ListOffsetsRequest(from: &copy, version: version) else { return .close }
                    log.isolationLevels.withLock { $0.append(request.isolationLevel) }
                    let response = ListOffsetsResponse(topics: request.topics.map { topic in
                        .init(name: topic.name, partitions: topic.partitions.map { asked in
                            guard let partition = scene.partitions[asked.partitionIndex], partition.leader == 1 else {
                                return .init(partitionIndex: asked.partitionIndex, errorCode: ErrorCode.notLeaderOrFollower.rawValue)
                            }
                            let offset = asked.timestamp == -2 ? partition.start : request.isolationLevel == 1 ? partition.stable : partition.end
                            return .init(partitionIndex: asked.partitionIndex, offset: offset, leaderEpoch: partition.epoch)
                        })
                    })
                    return ScriptedBroker.reply(response, to: ListOffsetsRequest.self, version: version)
                case .describeProducers:
                    guard let request = try? DescribeProducersRequest(from: &copy, version: version) else { return .close }
                    let response = DescribeProducersResponse(topics: request.topics.map { topic in
                        .init(name: topic.name, partitions: topic.partitionIndexes.map { index in
                            .init(partitionIndex: index, activeProducers: scene.producers[index] ?? [])
                        })
                    })
                    return ScriptedBroker.reply(response, to: DescribeProducersRequest.self, version: version)
                case .listTransactions:
                    guard let request = try? ListTransactionsRequest(from: &copy, version: version) else { return .close }
                    let response = ListTransactionsResponse(transactionStates: scene.transactions
                        .filter { request.producerIdFilters.isEmpty || request.producerIdFilters.contains($0.producerId) }
                        .map { .init(transactionalId: $0.id, producerId: $0.producerId, transactionState: $0.state) })
                    return ScriptedBroker.reply(response, to: ListTransactionsRequest.self, version: version)
                case .describeTransactions:
                    guard let request = try? DescribeTransactionsRequest(from: &copy, version: version) else { return .close }
                    let response = DescribeTransactionsResponse(transactionStates: request.transactionalIds.map { id in
                        guard let transaction = scene.transactions.first(where: { $0.id == id }) else {
                            return .init(errorCode: ErrorCode.transactionalIdNotFound.rawValue, transactionalId: id)
                        }
                        return .init(transactionalId: id, transactionState: transaction.state, transactionTimeoutMs: 60_000,
                                     transactionStartTimeMs: transaction.startMs, producerId: transaction.producerId, producerEpoch: 3,
                                     topics: transaction.partitions.isEmpty ? [] : [.init(topic: "orders", partitions: transaction.partitions)])
                    })
                    return ScriptedBroker.reply(response, to: DescribeTransactionsRequest.self, version: version)
                default:
                    return .silence
                }
            }
            log.port.withLock { $0 = broker.port }
        }

        func stop() { broker.stop() }
    }

    static func doctor(_ scene: Scene, _ extra: [String] = []) async throws -> (ProcessResult, Node) {
        let node = try Node(scene)
        defer { node.stop() }
        let result = try await kafkactl(
            ["consumer-groups", "--bootstrap-server", node.broker.address, "--doctor", "--group", "billing"] + extra, timeout: .seconds(30))
        return (result, node)
    }

    /// The `--output json` document's findings' causes, in order.
    static func causes(_ result: ProcessResult) throws -> [String] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout) \(result.stderr)")
        let findings = try #require(document["findings"] as? [[String: Any]])
        return findings.compactMap { $0["cause"] as? String }
    }

    static func finding(_ result: ProcessResult, _ index: Int = 0) throws -> [String: Any] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout) \(result.stderr)")
        let findings = try #require(document["findings"] as? [[String: Any]])
        return try #require(index < findings.count ? findings[index] : nil, "\(result.stdout)")
    }

    @Test func aRebalanceLoopIsNamedFirstWithTheRebalancesAndTheMembersThatCameAndWent() async throws {
        var scene = Scene()
        scene.committed = [0: (10, 0)]
        scene.partitions = [0: (1, 0, 0, 500, 500)]
        // Looks every 100 ms over a 1.5 s window: the group keeps rebalancing, and each round brings a new member id.
        scene.states = (0..<30).map { look in
            let round = look / 3
            switch look % 3 {
            case 0: return ("Stable", [("member-\(round)", [0])])
            case 1: return ("PreparingRebalance", [("member-\(round)", [])])
            default: return ("CompletingRebalance", [("member-\(round + 1)", [])])
            }
        }
        let (result, _) = try await Self.doctor(scene, ["--sample-ms", "1500", "--output", "json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try Self.causes(result).first == "rebalance-loop", "\(result.stdout)")
        let finding = try Self.finding(result)
        #expect((finding["rebalances"] as? Int ?? 0) >= 2, "\(finding)")
        #expect((finding["departedMembers"] as? Int ?? 0) >= 1, "\(finding)")
        let (text, _) = try await Self.doctor(scene, ["--sample-ms", "1500"])
        #expect(text.stdout.contains("1. rebalance-loop: the group began"), "\(text.stdout)")
        #expect(text.stdout.contains("max.poll.interval.ms"), "\(text.stdout)")
    }

    @Test func aPartitionWithoutALeaderIsNamedWithTheUncleanElectionPreviewed() async throws {
        var scene = Scene()
        scene.states = [("Stable", [("m1", [0, 1])])]
        scene.committed = [0: (10, 0), 1: (10, 0)]
        scene.partitions = [0: (-1, 3, 0, 0, 0), 1: (1, 0, 0, 10, 10)]
        let (result, node) = try await Self.doctor(scene, ["--sample-ms", "0"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("1. no-leader: orders-0 (replicas 1,2, in sync none) has no leader: nobody can read it."), "\(result.stdout)")
        #expect(lines.contains("   Fix (previewed, not run): kafkactl leader-election --bootstrap-server \(node.broker.address) --election-type unclean --topic orders --partition 0"), "\(result.stdout)")
        // The leaderless partition is not asked for offsets (that would wait out the API timeout).
        #expect(!result.stdout.contains("orders-1"), "\(result.stdout)")
    }

    @Test func offsetsBelowTheLogStartNameTheDeletedRecordsAndTheResetThatFixesThem() async throws {
        var scene = Scene()
        scene.committed = [0: (40, 0), 1: (500, 0)]
        scene.partitions = [0: (1, 0, 100, 300, 300), 1: (1, 0, 0, 200, 200)]
        let (result, node) = try await Self.doctor(scene, ["--sample-ms", "0"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Consumer group 'billing': Empty, 0 members, 260 records behind on 1 partition.", "\(result.stdout)")
        #expect(lines.contains("1. no-members: nobody consumes: the group has no members while 260 records wait on orders-0."), "\(result.stdout)")
        #expect(lines.contains("2. offset-beyond-log-end: committed offsets past the log end (orders-1 committed 500, log end 200): the log was truncated or the topic recreated; consumers jump by auto.offset.reset, or fail without one."), "\(result.stdout)")
        #expect(lines.contains("   Fix (previewed, not run): kafkactl consumer-groups --bootstrap-server \(node.broker.address) --reset-offsets --group billing --topic orders:1 --to-latest --dry-run"), "\(result.stdout)")
        #expect(lines.contains("3. offset-below-log-start: orders-0 committed 40, log start 100: records 40..99 were deleted (retention or delete-records) before the group read them."), "\(result.stdout)")
        #expect(lines.contains("   Fix (previewed, not run): kafkactl consumer-groups --bootstrap-server \(node.broker.address) --reset-offsets --group billing --topic orders:0 --to-earliest --dry-run"), "\(result.stdout)")
    }

    @Test func aCommittedLeaderEpochNewerThanThePartitionsNamesARecreatedTopic() async throws {
        var scene = Scene()
        scene.committed = [0: (120, 9), 1: (5, 0)]
        scene.partitions = [0: (1, 0, 0, 30, 30), 1: (1, 0, 0, 5, 5)]
        let (result, _) = try await Self.doctor(scene, ["--sample-ms", "0", "--output", "json"])
        #expect(try Self.causes(result) == ["topic-recreated"], "\(result.stdout)")
        let finding = try Self.finding(result)
        #expect((finding["evidence"] as? String)?.hasPrefix("orders-0 committed 120 at leader epoch 9, the partition is at epoch 0") == true, "\(finding)")
        #expect((finding["command"] as? String)?.hasSuffix("--reset-offsets --group billing --topic orders:0 --to-earliest --dry-run") == true, "\(finding)")
    }

    @Test func aDeletedTopicsCommittedOffsetsAreNamedWithTheirDeletionPreviewed() async throws {
        var scene = Scene()
        scene.committed = [0: (10, 0)]
        scene.gone = [0: 5, 1: 7, 2: 9]
        scene.partitions = [0: (1, 0, 0, 10, 10)]
        let (result, node) = try await Self.doctor(scene, ["--sample-ms", "0"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("1. topic-deleted: topic 'gone' no longer exists; the group still has committed offsets for 3 of its partitions."), "\(result.stdout)")
        #expect(lines.contains("   Fix (previewed, not run): kafkactl consumer-groups --bootstrap-server \(node.broker.address) --delete-offsets --group billing --topic gone"), "\(result.stdout)")
        #expect(lines.filter { $0.hasPrefix("2. ") }.isEmpty, "\(result.stdout)")
    }

    @Test func partitionsWithRecordsWaitingThatNoMemberHoldsAreUnassigned() async throws {
        var scene = Scene()
        scene.states = [("Stable", [("m1", [0])])]
        scene.committed = [0: (10, 0), 1: (10, 0)]
        scene.partitions = [0: (1, 0, 0, 10, 10), 1: (1, 0, 0, 90, 90)]
        let (result, _) = try await Self.doctor(scene, ["--sample-ms", "300", "--output", "json"])
        #expect(try Self.causes(result) == ["unassigned-partitions"], "\(result.stdout)")
        #expect((try Self.finding(result)["evidence"] as? String) == "80 records wait on orders-1, which no member is assigned.")
    }

    @Test func aHangingTransactionIsNamedWithItsProducerAndTheAbortPreviewed() async throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var scene = Scene()
        scene.states = [("Stable", [("m1", [0, 1])])]
        // The group read up to the last stable offset of orders-0 (42) and waits there; orders-1 moves on.
        scene.committed = [0: (42, 0), 1: (70, 0)]
        scene.partitions = [0: (1, 0, 0, 90, 42), 1: (1, 0, 0, 70, 70)]
        scene.producers = [0: [
            .init(producerId: 7000, producerEpoch: 2, lastSequence: 9, lastTimestamp: now - 3_600_000, coordinatorEpoch: 5, currentTxnStartOffset: 42),
            .init(producerId: 7002, producerEpoch: 0, lastSequence: 0, lastTimestamp: now - 1_000, coordinatorEpoch: -1, currentTxnStartOffset: 60),
        ]]
        // The coordinator lists the id, but its transaction holds no partition: it ended without orders-0's marker.
        scene.transactions = [("orders-tx", 7000, "CompleteAbort", -1, [])]
        let (result, node) = try await Self.doctor(scene, ["--sample-ms", "300"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.first { $0.hasPrefix("1. ") }, "\(result.stdout)")
        #expect(first.hasPrefix("1. hanging-transaction: orders-0 is held at its last stable offset 42 below the high watermark 90 by producer 7000, epoch 2, transactional id 'orders-tx', open 1h 0m (CompleteAbort at its coordinator, timeout 1m 0s)."), "\(first)")
        #expect(lines.contains("   Fix (previewed, not run): kafkactl transactions --bootstrap-server \(node.broker.address) abort --topic orders --partition 0 --start-offset 42"), "\(result.stdout)")
        // Both ends of the last stable offset were asked: read_uncommitted (0) and read_committed (1).
        #expect(Set(node.log.isolationLevels.withLock { $0 }) == [0, 1])
        #expect(node.log.apis.withLock { $0 }.contains(.describeTransactions))
    }

    @Test func anOpenTransactionItsCoordinatorWillEndIsNamedWithoutAnAbort() async throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var scene = Scene()
        scene.states = [("Stable", [("m1", [0])])]
        scene.committed = [0: (42, 0)]
        scene.partitions = [0: (1, 0, 0, 90, 42)]
        scene.producers = [0: [.init(producerId: 7001, producerEpoch: 3, lastSequence: 1, lastTimestamp: now - 5_000, coordinatorEpoch: 1, currentTxnStartOffset: 42)]]
        scene.transactions = [("live-tx", 7001, "Ongoing", now - 5_000, [0])]
        let (result, _) = try await Self.doctor(scene, ["--sample-ms", "0", "--output", "json"])
        #expect(try Self.causes(result) == ["open-transaction"], "\(result.stdout)")
        let finding = try Self.finding(result)
        #expect(finding["command"] is NSNull, "\(finding)")
        #expect((finding["advice"] as? String)?.hasPrefix("Its coordinator aborts it at its timeout") == true, "\(finding)")
    }
}
