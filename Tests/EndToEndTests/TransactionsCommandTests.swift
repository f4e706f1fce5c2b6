import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `kafkactl transactions` from the built binary. The test broker lacks DescribeProducers, DescribeTransactions,
/// ListTransactions and WriteTxnMarkers, so every command is proven on a scripted two-node cluster that answers as
/// Kafka's brokers do: each partition's leader (and replica) keeps its producers' state, each broker coordinates its
/// own transactional ids and lists only those, and an ABORT marker ends the open transaction it names. Against the
/// test broker: the missing APIs in one line.
@Suite struct TransactionsCommandTests {
    static let hint = "See 'kafkactl transactions --help' for usage."

    /// What the cluster holds and what it was sent.
    final class State: Sendable {
        struct Transaction: Sendable {
            var producerId: Int64
            var epoch: Int16
            var state: String
            var startTimeMs: Int64
            var partitions: [TopicPartition]
        }

        /// Producer states by partition, as both replicas of a partition keep them.
        let producers: Mutex<[TopicPartition: [DescribeProducersResponse.ProducerState]]>
        /// Transactions by transactional id, with the node that coordinates each.
        let transactions: Mutex<[String: (coordinator: Int32, transaction: Transaction)]>
        /// Each request the cluster answered: node, API, version.
        let asked = Mutex<[(node: Int32, api: ApiKey, version: Int16)]>([])
        /// Each WriteTxnMarkers request, decoded, with the node and version it reached.
        let markers = Mutex<[(node: Int32, version: Int16, request: WriteTxnMarkersRequest)]>([])
        /// Each ListTransactions request's producer id filter, by node.
        let listFilters = Mutex<[(node: Int32, producerIds: [Int64], durationFilter: Int64)]>([])

        init(producers: [TopicPartition: [DescribeProducersResponse.ProducerState]],
             transactions: [String: (coordinator: Int32, transaction: Transaction)]) {
            self.producers = Mutex(producers)
            self.transactions = Mutex(transactions)
        }
    }

    /// Nodes 1 and 2; topic `orders` with partition 0 led by node 1 and partition 1 by node 2, each replicated on both.
    final class Cluster: Sendable {
        let nodes: [ScriptedBroker]
        let state: State

        init(state: State, listVersions: ClosedRange<Int16> = 0...2, markerVersions: ClosedRange<Int16> = 0...2) throws {
            self.state = state
            let ports = Mutex<[Int32: Int]>([:])
            func node(_ id: Int32) throws -> ScriptedBroker {
                try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 10: 0...4, 61: 0...0, 65: 0...0, 66: listVersions, 27: markerVersions]) { header, body in
                    var copy = body
                    let version = header.apiVersion
                    if header.apiKey != .apiVersions { state.asked.withLock { $0.append((id, header.apiKey, version)) } }
                    switch header.apiKey {
                    case .metadata:
                        let known = ports.withLock { $0 }
                        let response = MetadataResponse(
                            brokers: known.keys.sorted().map { .init(nodeId: $0, host: "127.0.0.1", port: Int32(known[$0]!)) },
                            clusterId: "scripted", controllerId: 1,
                            topics: [.init(name: "orders", partitions: [
                                .init(partitionIndex: 0, leaderId: 1, leaderEpoch: 0, replicaNodes: [1, 2], isrNodes: [1, 2]),
                                .init(partitionIndex: 1, leaderId: 2, leaderEpoch: 0, replicaNodes: [2, 1], isrNodes: [2, 1]),
                            ])])
                        return ScriptedBroker.reply(response, to: MetadataRequest.self, version: version)
                    case .findCoordinator:
                        guard let request = try? FindCoordinatorRequest(from: &copy, version: version), request.keyType == 1 else { return .close }
                        let key = request.coordinatorKeys.first ?? request.key
                        // An id no broker knows hashes to a coordinator all the same: node 2 here.
                        let coordinator = state.transactions.withLock { $0[key]?.coordinator } ?? 2
                        let port = Int32(ports.withLock { $0[coordinator]! })
                        let response = version >= 4
                            ? FindCoordinatorResponse(coordinators: [.init(key: key, nodeId: coordinator, host: "127.0.0.1", port: port)])
                            : FindCoordinatorResponse(nodeId: coordinator, host: "127.0.0.1", port: port)
                        return ScriptedBroker.reply(response, to: FindCoordinatorRequest.self, version: version)
                    case .describeProducers:
                        guard let request = try? DescribeProducersRequest(from: &copy, version: version) else { return .close }
                        let held = state.producers.withLock { $0 }
                        let response = DescribeProducersResponse(topics: request.topics.map { topic in
                            .init(name: topic.name, partitions: topic.partitionIndexes.map { index in
                                guard topic.name == "orders", index < 2 else {
                                    return .init(partitionIndex: index, errorCode: ErrorCode.unknownTopicOrPartition.rawValue)
                                }
                                return .init(partitionIndex: index, activeProducers: held[TopicPartition(topic.name, index)] ?? [])
                            })
                        })
                        return ScriptedBroker.reply(response, to: DescribeProducersRequest.self, version: version)
                    case .listTransactions:
                        guard let request = try? ListTransactionsRequest(from: &copy, version: version) else { return .close }
                        state.listFilters.withLock { $0.append((id, request.producerIdFilters, request.durationFilter)) }
                        let mine = state.transactions.withLock { $0 }.filter { $0.value.coordinator == id }.sorted { $0.key < $1.key }
                            .filter { request.producerIdFilters.isEmpty || request.producerIdFilters.contains($0.value.transaction.producerId) }
                        let response = ListTransactionsResponse(transactionStates: mine.map {
                            .init(transactionalId: $0.key, producerId: $0.value.transaction.producerId, transactionState: $0.value.transaction.state)
                        })
                        return ScriptedBroker.reply(response, to: ListTransactionsRequest.self, version: version)
                    case .describeTransactions:
                        guard let request = try? DescribeTransactionsRequest(from: &copy, version: version) else { return .close }
                        let known = state.transactions.withLock { $0 }
                        let response = DescribeTransactionsResponse(transactionStates: request.transactionalIds.map { transactionalId in
                            guard let entry = known[transactionalId] else {
                                return .init(errorCode: ErrorCode.transactionalIdNotFound.rawValue, transactionalId: transactionalId,
                                             transactionStartTimeMs: -1, producerId: -1, producerEpoch: -1)
                            }
                            guard entry.coordinator == id else {
                                return .init(errorCode: ErrorCode.notCoordinator.rawValue, transactionalId: transactionalId)
                            }
                            let transaction = entry.transaction
                            return .init(transactionalId: transactionalId, transactionState: transaction.state, transactionTimeoutMs: 60_000,
                                         transactionStartTimeMs: transaction.startTimeMs, producerId: transaction.producerId,
                                         producerEpoch: transaction.epoch,
                                         topics: Dictionary(grouping: transaction.partitions, by: \.topic).sorted { $0.key < $1.key }.map {
                                             .init(topic: $0.key, partitions: $0.value.map(\.partition))
                                         })
                        })
                        return ScriptedBroker.reply(response, to: DescribeTransactionsRequest.self, version: version)
                    case .writeTxnMarkers:
                        guard let request = try? WriteTxnMarkersRequest(from: &copy, version: version) else { return .close }
                        state.markers.withLock { $0.append((id, version, request)) }
                        let response = WriteTxnMarkersResponse(markers: request.markers.map { marker in
                            .init(producerId: marker.producerId, topics: marker.topics.map { topic in
                                .init(name: topic.name, partitions: topic.partitionIndexes.map { index in
                                    let partition = TopicPartition(topic.name, index)
                                    // Only the leader writes markers; an abort ends the producer's open transaction.
                                    guard partition == TopicPartition("orders", 0) && id == 1 || partition == TopicPartition("orders", 1) && id == 2 else {
                                        return .init(partitionIndex: index, errorCode: ErrorCode.notLeaderOrFollower.rawValue)
                                    }
                                    state.producers.withLock { held in
                                        held[partition] = held[partition]?.map { producer in
                                            var producer = producer
                                            if producer.producerId == marker.producerId && !marker.transactionResult {
                                                producer.currentTxnStartOffset = -1
                                                producer.coordinatorEpoch = marker.coordinatorEpoch
                                            }
                                            return producer
                                        }
                                    }
                                    return .init(partitionIndex: index, errorCode: 0)
                                })
                            })
                        })
                        return ScriptedBroker.reply(response, to: WriteTxnMarkersRequest.self, version: version)
                    default:
                        return .silence
                    }
                }
            }
            nodes = [try node(1), try node(2)]
            ports.withLock { $0 = [1: nodes[0].port, 2: nodes[1].port] }
        }

        func stop() { nodes.forEach { $0.stop() } }
        func asked(_ api: ApiKey) -> [Int32] { state.asked.withLock { $0.filter { $0.api == api }.map(\.node) } }
    }

    static let minute: Int64 = 60_000

    /// A producer that died mid-transaction: 7000 opened a transaction at offset 42 of orders-0 an hour ago and its
    /// coordinator has long forgotten it (no coordinator lists it). Beside it, 7001's transaction is as old but its
    /// coordinator (node 2, `orders-tx`) is still ending it on orders-0, so it is not hanging; 7002's is a minute old;
    /// 7003 has none open. On orders-1, 7004's transaction is 45 minutes old while its coordinator (node 1,
    /// `billing-tx`) shows that transactional id aborted and holding no partition: hanging as well.
    static func hangingCluster(now: Int64 = Int64(Date().timeIntervalSince1970 * 1000), listVersions: ClosedRange<Int16> = 0...2,
                               markerVersions: ClosedRange<Int16> = 0...2) throws -> Cluster {
        typealias Producer = DescribeProducersResponse.ProducerState
        let state = State(
            producers: [
                TopicPartition("orders", 0): [
                    Producer(producerId: 7000, producerEpoch: 2, lastSequence: 9, lastTimestamp: now - 60 * minute - 5_000, coordinatorEpoch: 5, currentTxnStartOffset: 42),
                    Producer(producerId: 7001, producerEpoch: 4, lastSequence: 3, lastTimestamp: now - 30 * minute, coordinatorEpoch: 6, currentTxnStartOffset: 50),
                    Producer(producerId: 7002, producerEpoch: 0, lastSequence: 0, lastTimestamp: now - minute, coordinatorEpoch: -1, currentTxnStartOffset: 60),
                    Producer(producerId: 7003, producerEpoch: 1, lastSequence: 12, lastTimestamp: now - 90 * minute, coordinatorEpoch: 6, currentTxnStartOffset: -1),
                ],
                TopicPartition("orders", 1): [
                    Producer(producerId: 7004, producerEpoch: 1, lastSequence: 0, lastTimestamp: now - 45 * minute - 5_000, coordinatorEpoch: -1, currentTxnStartOffset: 10),
                ],
            ],
            transactions: [
                "orders-tx": (2, .init(producerId: 7001, epoch: 4, state: "Ongoing", startTimeMs: now - 30 * minute,
                                       partitions: [TopicPartition("orders", 0), TopicPartition("orders", 1)])),
                "billing-tx": (1, .init(producerId: 7004, epoch: 2, state: "CompleteAbort", startTimeMs: -1, partitions: [])),
            ])
        return try Cluster(state: state, listVersions: listVersions, markerVersions: markerVersions)
    }

    static func run(_ cluster: Cluster, _ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["transactions", "--bootstrap-server", cluster.nodes[0].address] + arguments, timeout: .seconds(20))
    }

    /// A table's rows as cells without padding (every cell ends in a tab).
    static func rows(_ stdout: String) -> [[String]] {
        stdout.split(separator: "\n").map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    @Test func findHangingFindsTheDeadProducersTransactionsAndAbortEndsOneWithTheMarkerKafkaWrites() async throws {
        let cluster = try Self.hangingCluster()
        defer { cluster.stop() }
        let found = try await Self.run(cluster, ["find-hanging", "--topic", "orders"])
        #expect(found.exitCode == 0, "stderr: \(found.stderr)")
        #expect(Self.rows(found.stdout) == [
            ["Topic", "Partition", "ProducerId", "ProducerEpoch", "CoordinatorEpoch", "StartOffset", "LastTimestamp", "Duration(min)"],
            ["orders", "0", "7000", "2", "5", "42", Self.rows(found.stdout)[1][6], "60"],
            ["orders", "1", "7004", "1", "-1", "10", Self.rows(found.stdout)[2][6], "45"],
        ])
        // The candidates' producers were looked up on every broker, and only orders-tx (7001's) described.
        #expect(cluster.state.listFilters.withLock { $0.map(\.producerIds) } == [[7000, 7001, 7004], [7000, 7001, 7004]])
        #expect(Set(cluster.asked(.describeTransactions)) == [1, 2], "billing-tx at node 1, orders-tx at node 2")

        let aborted = try await Self.run(cluster, ["abort", "--topic", "orders", "--partition", "0", "--start-offset", "42"])
        #expect(aborted.exitCode == 0, "stderr: \(aborted.stderr)")
        #expect(aborted.stdout.isEmpty, "Apache's abort prints nothing")
        let sent = try #require(cluster.state.markers.withLock { $0.first })
        #expect(sent.node == 1, "the marker goes to orders-0's leader")
        #expect(sent.version == 2)
        let marker = try #require(sent.request.markers.first)
        #expect(sent.request.markers.count == 1)
        #expect(marker.producerId == 7000 && marker.producerEpoch == 2 && marker.coordinatorEpoch == 5)
        #expect(marker.transactionResult == false, "an ABORT marker")
        #expect(marker.topics == [.init(name: "orders", partitionIndexes: [0])])
        #expect(marker.transactionVersion == 0)

        let after = try await Self.run(cluster, ["find-hanging", "--broker-id", "1", "--output", "json"])
        #expect(after.exitCode == 0, "stderr: \(after.stderr)")
        #expect(after.stdout.contains(#""topic":"orders","partition":1,"producer":{"producer_id":7004"#))
        #expect(!after.stdout.contains(#""producer_id":7000"#), "the aborted transaction no longer hangs: \(after.stdout)")
        #expect(cluster.asked(.describeProducers).suffix(1) == [1], "--broker-id asks that broker for every partition it holds")
    }

    @Test func abortByProducerSendsTheGivenEpochsWithCoordinatorEpochMinusOneAsZeroAtKafka28sVersion() async throws {
        let cluster = try Self.hangingCluster(markerVersions: 0...1)
        defer { cluster.stop() }
        let result = try await Self.run(cluster, ["abort", "--topic", "orders", "--partition", "1", "--producer-id", "7004",
                                                  "--producer-epoch", "1", "--coordinator-epoch", "-1", "--output", "json"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == #"{"aborted":{"topic":"orders","partition":1,"producer_id":7004,"producer_epoch":1,"coordinator_epoch":0}}"# + "\n")
        let sent = try #require(cluster.state.markers.withLock { $0.first })
        #expect(sent.node == 2 && sent.version == 1)
        #expect(sent.request.markers == [.init(producerId: 7004, producerEpoch: 1, transactionResult: false,
                                               topics: [.init(name: "orders", partitionIndexes: [1])], coordinatorEpoch: 0)])
    }

    @Test func abortOfAStartOffsetNoOpenTransactionHasSaysSoAndSendsNoMarker() async throws {
        let cluster = try Self.hangingCluster()
        defer { cluster.stop() }
        expectFailure(try await Self.run(cluster, ["abort", "--topic", "orders", "--partition", "0", "--start-offset", "43"]), exitCode: 1,
                      message: "Could not find any open transactions starting at offset 43 on partition orders-0")
        #expect(cluster.state.markers.withLock { $0.isEmpty })
    }

    @Test func describeProducersAsksTheLeaderOrTheNamedReplica() async throws {
        let cluster = try Self.hangingCluster(now: 10 * Self.minute * 100)
        defer { cluster.stop() }
        let result = try await Self.run(cluster, ["describe-producers", "--topic", "orders", "--partition", "1"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == """
            ProducerId\tProducerEpoch\tLatestCoordinatorEpoch\tLastSequence\tLastTimestamp\tCurrentTransactionStartOffset\t
            7004      \t1            \t-1                    \t0           \t57295000     \t10                           \t

            """)
        #expect(cluster.asked(.describeProducers) == [2], "orders-1's leader")
        let replica = try await Self.run(cluster, ["describe-producers", "--topic", "orders", "--partition", "1", "--broker-id", "1", "--output", "json"])
        #expect(replica.exitCode == 0, "stderr: \(replica.stderr)")
        #expect(replica.stdout.hasPrefix(#"{"topic":"orders","partition":1,"producers":[{"producer_id":7004,"producer_epoch":1,"coordinator_epoch":null"#))
        #expect(cluster.asked(.describeProducers) == [2, 1])
        expectFailure(try await Self.run(cluster, ["describe-producers", "--topic", "orders", "--partition", "7"]), exitCode: 1,
                      containing: ["Failed to describe producers for partition orders-7 on leader: ", "does not exist"])
    }

    @Test func describeAsksTheTransactionalIdsCoordinator() async throws {
        let cluster = try Self.hangingCluster()
        defer { cluster.stop() }
        let result = try await Self.run(cluster, ["describe", "--transactional-id", "orders-tx"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let rows = Self.rows(result.stdout)
        #expect(rows.first == TransactionsRendererHeaders.describe)
        #expect(rows.count == 2 && Array(rows[1].prefix(6)) == ["2", "orders-tx", "7001", "4", "Ongoing", "60000"])
        #expect(rows[1].last == "orders-0,orders-1")
        #expect(cluster.asked(.describeTransactions) == [2])
        expectFailure(try await Self.run(cluster, ["describe", "--transactional-id", "nobody"]), exitCode: 1,
                      containing: ["Failed to describe transaction state of transactional-id `nobody`: ", "[TRANSACTIONAL_ID_NOT_FOUND]"])
    }

    @Test func listAsksEveryBrokerForTheTransactionsItCoordinates() async throws {
        let cluster = try Self.hangingCluster()
        defer { cluster.stop() }
        let result = try await Self.run(cluster, ["list"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == """
            TransactionalId\tCoordinator\tProducerId\tTransactionState\t
            billing-tx     \t1          \t7004      \tCompleteAbort   \t
            orders-tx      \t2          \t7001      \tOngoing         \t

            """)
        #expect(Set(cluster.asked(.listTransactions)) == [1, 2])
        let filtered = try await Self.run(cluster, ["list", "--duration-filter", "60000", "--output", "json"])
        #expect(filtered.exitCode == 0, "stderr: \(filtered.stderr)")
        #expect(cluster.state.listFilters.withLock { $0.suffix(2).map(\.durationFilter) } == [60_000, 60_000])
    }

    @Test func aDurationFilterABrokerCannotCarryIsRefusedInOneLine() async throws {
        let cluster = try Self.hangingCluster(listVersions: 0...0)
        defer { cluster.stop() }
        expectFailure(try await Self.run(cluster, ["list", "--duration-filter", "1000"]), exitCode: 1,
                      containing: ["Failed to list transactions: broker ", "cannot filter transactions by duration", "needs v1 (Kafka 3.8 or later)"])
        #expect(cluster.state.listFilters.withLock { $0.isEmpty })
    }

    @Test(arguments: [
        ([] as [String], "Missing command: one of list, describe, describe-producers, abort, find-hanging, forceTerminateTransaction"),
        (["watch"], "'watch' is not a transactions command: use one of list, describe, describe-producers, abort, find-hanging, forceTerminateTransaction"),
        (["describe"], "Missing required option(s): --transactional-id"),
        (["describe", "--transactional-id", ""], "--transactional-id needs a transactional id"),
        (["describe-producers", "--topic", "t"], "Missing required option(s): --partition"),
        (["describe-producers", "--topic", "t", "--partition", "-1"], "--partition must be a partition number (0 or more), not -1"),
        (["list", "--topic", "t"], "--topic is not an option of 'list'"),
        (["abort", "--topic", "t", "--partition", "0"], "The transaction to abort must be identified either with --start-offset (for brokers on 3.0 or above) or with --producer-id, --producer-epoch, and --coordinator-epoch (for older brokers)"),
        (["abort", "--topic", "t", "--partition", "0", "--producer-id", "5"], "Missing required argument --producer-epoch"),
        (["abort", "--topic", "t", "--partition", "0", "--producer-id", "5", "--producer-epoch", "1"], "Missing required argument --coordinator-epoch"),
        (["abort", "--topic", "t", "--partition", "0", "--start-offset", "4", "--producer-id", "5"], "--start-offset names the transaction by itself: give it without --producer-id, --producer-epoch and --coordinator-epoch"),
        (["abort", "--topic", "t", "--partition", "0", "--start-offset", "-4"], "--start-offset must be an offset (0 or more), not -4"),
        (["find-hanging"], "The `find-hanging` command requires either --topic or --broker-id to limit the scope of the search"),
        (["find-hanging", "--broker-id", "1", "--partition", "0"], "The --partition argument requires --topic to be provided"),
        (["find-hanging", "--topic", "t", "--max-transaction-timeout", "-5"], "--max-transaction-timeout must be a number of minutes (0 or more), not -5"),
        (["forceTerminateTransaction"], "Missing required option(s): --transactional-id"),
        (["forceTerminateTransaction", "--transactionalId", "tx", "--topic", "t"], "--topic is not an option of 'forceTerminateTransaction'"),
    ] as [([String], String)])
    func badInputIsRefusedInOneLineBeforeConnecting(arguments: [String], message: String) async throws {
        // Nothing listens at this address: a refusal that got as far as connecting would say so instead.
        let result = try await kafkactl(["transactions", "--bootstrap-server", "127.0.0.1:1"] + arguments)
        #expect(result.exitCode == 64 && result.stdout.isEmpty)
        #expect(result.stderrLines == ["Error: \(message)", Self.hint])
    }

    /// A transaction left open by a confluent-kafka producer that went away (60 s timeout, so its coordinator would
    /// not end it during the test): forceTerminateTransaction, as Kafka 4's tool spells it, bumps the id's epoch at
    /// its coordinator, which writes the ABORT marker after the 5 records; Apache's tool prints nothing, the JSON names
    /// the new epoch.
    @Test func forceTerminateTransactionAbortsAnOpenTransactionOnTheTestBroker() async throws {
        let address = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("txn-force")
        let transactionalId = BrokerHarness.uniqueName("txn-force-id")
        let created = try await kafkactl(["topics", "--bootstrap-server", address, "--create", "--topic", topic, "--partitions", "1"])
        #expect(created.exitCode == 0, "stderr: \(created.stderr)")
        let script = """
            import sys, os
            from confluent_kafka import Producer
            p = Producer({"bootstrap.servers": sys.argv[1], "transactional.id": sys.argv[3], "transaction.timeout.ms": 60000})
            p.init_transactions(20)
            p.begin_transaction()
            for i in range(5):
                p.produce(sys.argv[2], value=b"open-%d" % i)
            p.flush(20)
            print(p.list_topics(sys.argv[2], timeout=10).topics[sys.argv[2]].partitions[0].id)
            sys.stdout.flush()
            os._exit(0)  # gone without committing or aborting
            """
        let opened = try await offThePool { try runPython(script: script, args: [address, topic, transactionalId], timeout: .seconds(60)) }
        try #require(opened.exitCode == 0, "confluent-kafka: \(opened.stderr)")
        let terminated = try await kafkactl(["transactions", "--bootstrap-server", address, "forceTerminateTransaction",
                                             "--transactionalId", transactionalId])
        #expect(terminated.exitCode == 0 && terminated.stdout.isEmpty && terminated.stderr.isEmpty, "stderr: \(terminated.stderr)")
        // The marker is one offset after the five records (the test broker's latest offset is its last batch's base + 1).
        let offsets = try await kafkactl(["get-offsets", "--bootstrap-server", address, "--topic", topic])
        #expect(offsets.stdout == "\(topic):0:6\n", "stdout: \(offsets.stdout)")
        let again = try await kafkactl(["transactions", "--bootstrap-server", address, "forceTerminateTransaction",
                                        "--transactional-id", transactionalId, "--output", "json"])
        #expect(again.exitCode == 0, "stderr: \(again.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: [String: Any]])
        #expect(object["terminated"]?["transactional_id"] as? String == transactionalId)
        #expect((object["terminated"]?["producer_epoch"] as? Int ?? 0) >= 1, "a second bump: \(again.stdout)")
        _ = try await kafkactl(["topics", "--bootstrap-server", address, "--delete", "--topic", topic])
    }

    @Test func theTestBrokerLacksTheTransactionApisWhichIsOneLine() async throws {
        let address = try await brokerAddress()
        expectFailure(try await kafkactl(["transactions", "--bootstrap-server", address, "list"]), exitCode: 1,
                      containing: ["Failed to list transactions: ", "does not support listing transactions (ListTransactions)", "it does not offer ListTransactions"])
        let topic = BrokerHarness.uniqueName("txn")
        let created = try await kafkactl(["topics", "--bootstrap-server", address, "--create", "--topic", topic, "--partitions", "1", "--replication-factor", "1"])
        #expect(created.exitCode == 0, "stderr: \(created.stderr)")
        expectFailure(try await kafkactl(["transactions", "--bootstrap-server", address, "find-hanging", "--topic", topic]),
                      exitCode: 1, containing: ["Failed to find hanging transactions: ", "does not support describing producers (DescribeProducers)"])
        expectFailure(try await kafkactl(["transactions", "--bootstrap-server", address, "abort", "--topic", topic, "--partition", "0",
                                          "--producer-id", "1", "--producer-epoch", "0", "--coordinator-epoch", "0"]),
                      exitCode: 1, containing: ["does not support aborting transactions (WriteTxnMarkers)"])
    }
}

/// The describe table's headers, as kafka-transactions.sh prints them.
enum TransactionsRendererHeaders {
    static let describe = ["CoordinatorId", "TransactionalId", "ProducerId", "ProducerEpoch", "TransactionState", "TransactionTimeoutMs",
                           "CurrentTransactionStartTimeMs", "TransactionDurationMs", "TopicPartitions"]
}
