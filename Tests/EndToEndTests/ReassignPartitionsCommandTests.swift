import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `kafkactl reassign-partitions` from the built binary. The test broker offers ListPartitionReassignments but not
/// AlterPartitionReassignments, so --list is proven live and the rest on a scripted cluster that reassigns as
/// Kafka's controller does: a started reassignment lists its replicas (old and new together), adding and removing
/// until it finishes a number of polls later, a cancellation puts the old replicas back, and config changes are
/// kept per resource so the throttles can be read back.
@Suite struct ReassignPartitionsCommandTests {
    static let hint = "See 'kafkactl reassign-partitions --help' for usage."

    /// The controller's state: replicas per partition, reassignments in progress, configs per resource.
    final class Controller: Sendable {
        struct Moving { var original: [Int32]; var target: [Int32]; var pollsLeft: Int }
        struct State {
            var replicas: [TopicPartition: [Int32]]
            var moving: [TopicPartition: Moving] = [:]
            var configs: [String: [String: String]] = [:]
            var alterRequests: [(version: Int16, partitions: [String: [Int32]?])] = []
            var configRequests = 0
            /// Each hosted replica's log directory ("/d1" unless moved), and the copies being made into another one.
            var dirs: [PartitionReplica: String] = [:]
            var futures: [PartitionReplica: (dir: String, pollsLeft: Int)] = [:]
            /// Replicas a reassignment adds that have appeared on their broker (the first AlterReplicaLogDirs for one
            /// is answered REPLICA_NOT_AVAILABLE, as a broker does before the replica exists there).
            var appeared: Set<PartitionReplica> = []
            var notAvailableAnswers: [PartitionReplica: Int] = [:]
            var alterLogDirsRequests: [(broker: Int32, version: Int16)] = []
        }
        let state: Mutex<State>
        /// How many ListPartitionReassignments answers a started reassignment stays in progress for.
        let polls: Int
        /// Partitions the controller refuses to move, with the error it answers.
        let refuse: [TopicPartition: ErrorCode]

        /// How many AlterReplicaLogDirs a replica a reassignment adds is answered REPLICA_NOT_AVAILABLE before it appears.
        let appearsAfter: Int

        init(replicas: [TopicPartition: [Int32]], polls: Int, refuse: [TopicPartition: ErrorCode], appearsAfter: Int = 1) {
            state = Mutex(State(replicas: replicas))
            self.polls = polls
            self.refuse = refuse
            self.appearsAfter = appearsAfter
        }

        var configs: [String: [String: String]] { state.withLock { $0.configs } }
        var alterLogDirsRequests: [(broker: Int32, version: Int16)] { state.withLock { $0.alterLogDirsRequests } }
        /// The log directories every broker has.
        static let logDirs = ["/d1", "/d2"]
        /// How many DescribeLogDirs answers a replica's copy to another directory takes.
        static let copyPolls = 2

        /// Whether `broker` holds a replica of `partition`: one of its replicas, or one a reassignment adds once it
        /// has appeared.
        static func hosts(_ state: State, _ replica: PartitionReplica) -> Bool {
            if state.replicas[replica.partition]?.contains(replica.broker) == true { return true }
            return state.moving[replica.partition]?.target.contains(replica.broker) == true && state.appeared.contains(replica)
        }

        func alterLogDirs(_ request: AlterReplicaLogDirsRequest, broker: Int32, version: Int16) -> AlterReplicaLogDirsResponse {
            state.withLock { state in
                state.alterLogDirsRequests.append((broker, version))
                var results: [String: [AlterReplicaLogDirsResponse.AlterReplicaLogDirPartitionResult]] = [:]
                for dir in request.dirs {
                    for topic in dir.topics {
                        for index in topic.partitions {
                            let replica = PartitionReplica(TopicPartition(topic.name, index), broker: broker)
                            var code = ErrorCode.none
                            if !Self.logDirs.contains(dir.path) {
                                code = .logDirNotFound
                            } else if !Self.hosts(state, replica) {
                                code = .replicaNotAvailable
                                state.notAvailableAnswers[replica, default: 0] += 1
                                if state.moving[replica.partition]?.target.contains(broker) == true && state.notAvailableAnswers[replica]! >= appearsAfter {
                                    state.appeared.insert(replica)
                                }
                            } else if state.dirs[replica, default: "/d1"] != dir.path {
                                state.futures[replica] = (dir.path, Self.copyPolls)
                            } else {
                                // Back to the directory it is in: the copy in progress is dropped, as Kafka does.
                                state.futures[replica] = nil
                            }
                            results[topic.name, default: []].append(.init(partitionIndex: index, errorCode: code.rawValue))
                        }
                    }
                }
                return AlterReplicaLogDirsResponse(results: results.keys.sorted().map { .init(topicName: $0, partitions: results[$0]!) })
            }
        }

        /// Each answer is a poll of the copies being made on `broker`: a copy whose polls are used up replaces its replica.
        func describeLogDirs(_ request: DescribeLogDirsRequest, broker: Int32) -> DescribeLogDirsResponse {
            state.withLock { state in
                let asked = request.topics.map { Set($0.flatMap { topic in topic.partitions.map { TopicPartition(topic.topic, $0) } }) }
                let partitions = Set(state.replicas.keys).union(state.moving.keys).filter { asked?.contains($0) ?? true }
                let hosted = partitions.map { PartitionReplica($0, broker: broker) }.filter { Self.hosts(state, $0) }
                let results = Self.logDirs.map { dir in
                    var entries: [(TopicPartition, Bool)] = hosted.filter { state.dirs[$0, default: "/d1"] == dir }.map { ($0.partition, false) }
                    entries += hosted.filter { state.futures[$0]?.dir == dir }.map { ($0.partition, true) }
                    let byTopic = Dictionary(grouping: entries, by: { $0.0.topic })
                    return DescribeLogDirsResponse.DescribeLogDirsResult(errorCode: 0, logDir: dir, topics: byTopic.keys.sorted().map { topic in
                        .init(name: topic, partitions: byTopic[topic]!.map { .init(partitionIndex: $0.0.partition, partitionSize: 100, offsetLag: $0.1 ? 10 : 0, isFutureKey: $0.1) })
                    })
                }
                for replica in hosted {
                    guard let future = state.futures[replica] else { continue }
                    if future.pollsLeft <= 1 {
                        state.dirs[replica] = future.dir
                        state.futures[replica] = nil
                    } else {
                        state.futures[replica]!.pollsLeft -= 1
                    }
                }
                return DescribeLogDirsResponse(results: results)
            }
        }
        var alterRequests: [(version: Int16, partitions: [String: [Int32]?])] { state.withLock { $0.alterRequests } }

        /// The replicas Kafka lists while a partition moves: the target first, then the original ones leaving.
        static func listed(_ move: Moving) -> [Int32] { move.target + move.original.filter { !move.target.contains($0) } }

        func metadata(_ request: MetadataRequest, ports: [Int32: Int]) -> MetadataResponse {
            state.withLock { state in
                let names = request.topics?.compactMap(\.name) ?? Array(Set(state.replicas.keys.map(\.topic)))
                return MetadataResponse(
                    brokers: (1...3).map { .init(nodeId: $0, host: "127.0.0.1", port: Int32(ports[$0] ?? 0), rack: "rack\($0)") },
                    clusterId: "scripted", controllerId: 1,
                    topics: names.sorted().map { name in
                        let partitions = state.replicas.keys.filter { $0.topic == name }.sorted()
                        guard !partitions.isEmpty else { return .init(errorCode: ErrorCode.unknownTopicOrPartition.rawValue, name: name) }
                        return .init(name: name, partitions: partitions.map { partition in
                            let replicas = state.moving[partition].map(Self.listed) ?? state.replicas[partition]!
                            return .init(partitionIndex: partition.partition, leaderId: replicas[0], leaderEpoch: 0, replicaNodes: replicas, isrNodes: replicas)
                        })
                    })
            }
        }

        func list(_ request: ListPartitionReassignmentsRequest) -> ListPartitionReassignmentsResponse {
            state.withLock { state in
                let wanted = request.topics.map { Set($0.flatMap { topic in topic.partitionIndexes.map { TopicPartition(topic.name, $0) } }) }
                let listed = state.moving.filter { wanted?.contains($0.key) ?? true }
                let response = ListPartitionReassignmentsResponse(topics: Dictionary(grouping: listed, by: { $0.key.topic }).sorted { $0.key < $1.key }.map { topic, moves in
                    .init(name: topic, partitions: moves.sorted { $0.key < $1.key }.map { partition, move in
                        .init(partitionIndex: partition.partition, replicas: Self.listed(move),
                              addingReplicas: move.target.filter { !move.original.contains($0) },
                              removingReplicas: move.original.filter { !move.target.contains($0) })
                    })
                })
                // Each answer is one poll: a reassignment whose polls are used up finishes.
                for (partition, move) in state.moving {
                    if move.pollsLeft <= 1 {
                        state.replicas[partition] = move.target
                        state.moving[partition] = nil
                    } else {
                        state.moving[partition]!.pollsLeft -= 1
                    }
                }
                return response
            }
        }

        func alter(_ request: AlterPartitionReassignmentsRequest, version: Int16) -> AlterPartitionReassignmentsResponse {
            state.withLock { state in
                var asked: [String: [Int32]?] = [:]
                let responses = request.topics.map { topic in
                    AlterPartitionReassignmentsResponse.ReassignableTopicResponse(name: topic.name, partitions: topic.partitions.map { entry in
                        let partition = TopicPartition(topic.name, entry.partitionIndex)
                        asked[partition.description] = entry.replicas
                        var code = ErrorCode.none
                        if let refused = refuse[partition] {
                            code = refused
                        } else if state.replicas[partition] == nil {
                            code = .unknownTopicOrPartition
                        } else if let target = entry.replicas {
                            state.moving[partition] = Moving(original: state.replicas[partition]!, target: target, pollsLeft: polls)
                        } else if state.moving.removeValue(forKey: partition) == nil {
                            code = .noReassignmentInProgress
                        }
                        return .init(partitionIndex: entry.partitionIndex, errorCode: code.rawValue,
                                     errorMessage: code == .none ? nil : "scripted refusal of \(partition)")
                    })
                }
                state.alterRequests.append((version, asked))
                return AlterPartitionReassignmentsResponse(responses: responses)
            }
        }

        func alterConfigs(_ request: IncrementalAlterConfigsRequest) -> IncrementalAlterConfigsResponse {
            state.withLock { state in
                state.configRequests += 1
                return IncrementalAlterConfigsResponse(responses: request.resources.map { resource in
                    let key = "\(resource.resourceType == 4 ? "broker" : "topic") \(resource.resourceName)"
                    for config in resource.configs {
                        if config.configOperation == 0 { state.configs[key, default: [:]][config.name] = config.value }
                        else { state.configs[key]?[config.name] = nil }
                    }
                    if state.configs[key]?.isEmpty == true { state.configs[key] = nil }
                    return .init(errorCode: 0, errorMessage: nil, resourceType: resource.resourceType, resourceName: resource.resourceName)
                })
            }
        }
    }

    /// A scripted three-node cluster (a port per node, node 1 the controller and the bootstrap) with topic `orders`:
    /// partition 0 on 1,2, partition 1 on 2,3, partition 2 on 3,1. Each node answers DescribeLogDirs and
    /// AlterReplicaLogDirs for its own replicas, in directories /d1 and /d2.
    final class Cluster: Sendable {
        let nodes: [ScriptedBroker]
        var broker: ScriptedBroker { nodes[0] }
        let controller: Controller

        init(polls: Int = 2, refuse: [TopicPartition: ErrorCode] = [:], alterVersions: ClosedRange<Int16> = 0...1, appearsAfter: Int = 1) throws {
            let controller = Controller(replicas: [
                TopicPartition("orders", 0): [1, 2], TopicPartition("orders", 1): [2, 3], TopicPartition("orders", 2): [3, 1],
            ], polls: polls, refuse: refuse, appearsAfter: appearsAfter)
            self.controller = controller
            let ports = Mutex([Int32: Int]())
            nodes = try (Int32(1)...3).map { node in
                try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 44: 0...1, 45: alterVersions, 46: 0...0, 34: 1...2, 35: 1...4]) { header, body in
                    var copy = body
                    let version = header.apiVersion
                    switch header.apiKey {
                    case .metadata:
                        guard let request = try? MetadataRequest(from: &copy, version: version) else { return .close }
                        return ScriptedBroker.reply(controller.metadata(request, ports: ports.withLock { $0 }), to: MetadataRequest.self, version: version)
                    case .alterReplicaLogDirs:
                        guard let request = try? AlterReplicaLogDirsRequest(from: &copy, version: version) else { return .close }
                        return ScriptedBroker.reply(controller.alterLogDirs(request, broker: node, version: version), to: AlterReplicaLogDirsRequest.self, version: version)
                    case .describeLogDirs:
                        guard let request = try? DescribeLogDirsRequest(from: &copy, version: version) else { return .close }
                        return ScriptedBroker.reply(controller.describeLogDirs(request, broker: node), to: DescribeLogDirsRequest.self, version: version)
                    case .listPartitionReassignments:
                        guard let request = try? ListPartitionReassignmentsRequest(from: &copy, version: version) else { return .close }
                        return ScriptedBroker.reply(controller.list(request), to: ListPartitionReassignmentsRequest.self, version: version)
                    case .alterPartitionReassignments:
                        guard let request = try? AlterPartitionReassignmentsRequest(from: &copy, version: version) else { return .close }
                        return ScriptedBroker.reply(controller.alter(request, version: version), to: AlterPartitionReassignmentsRequest.self, version: version)
                    case .incrementalAlterConfigs:
                        guard let request = try? IncrementalAlterConfigsRequest(from: &copy, version: version) else { return .close }
                        return ScriptedBroker.reply(controller.alterConfigs(request), to: IncrementalAlterConfigsRequest.self, version: version)
                    default:
                        return .silence
                    }
                }
            }
            ports.withLock { ports in for (index, node) in nodes.enumerated() { ports[Int32(index + 1)] = node.port } }
        }

        func run(_ arguments: [String]) async throws -> ProcessResult {
            try await kafkactl(["reassign-partitions", "--bootstrap-server", broker.address] + arguments, timeout: .seconds(20))
        }

        func stop() { nodes.forEach { $0.stop() } }
    }

    static func file(_ json: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(BrokerHarness.uniqueName("rp") + ".json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// orders-0 from 1,2 to 2,3 and orders-1 from 2,3 to 3,1.
    static let plan = #"{"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[2,3]},{"topic":"orders","partition":1,"replicas":[3,1],"log_dirs":["any","any"]}]}"#

    @Test func executeSetsApachesThrottlesAndVerifyClearsThemOnlyOnceEveryReassignmentIsDone() async throws {
        let cluster = try Cluster(polls: 2)
        defer { cluster.stop() }
        let plan = try Self.file(Self.plan)
        defer { try? FileManager.default.removeItem(at: plan) }

        let execute = try await cluster.run(["--execute", "--reassignment-json-file", plan.path, "--throttle", "50000000"])
        #expect(execute.exitCode == 0, "stderr: \(execute.stderr)")
        #expect(execute.stdout == """
            Current partition replica assignment

            {"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[1,2],"log_dirs":["any","any"]},{"topic":"orders","partition":1,"replicas":[2,3],"log_dirs":["any","any"]}]}

            Save this to use as the --reassignment-json-file option during rollback
            Warning: You must run --verify periodically, until the reassignment completes, to ensure the throttle is removed.
            The inter-broker throttle limit was set to 50000000 B/s
            Successfully started partition reassignments for orders-0,orders-1

            """)
        // Apache's throttles: leaders are the sources (0:1,0:2 and 1:2,1:3), followers the new replicas (0:3, 1:1),
        // rates on every broker that sends or receives.
        #expect(cluster.controller.configs == [
            "topic orders": ["leader.replication.throttled.replicas": "0:1,0:2,1:2,1:3", "follower.replication.throttled.replicas": "0:3,1:1"],
            "broker 1": ["leader.replication.throttled.rate": "50000000", "follower.replication.throttled.rate": "50000000"],
            "broker 2": ["leader.replication.throttled.rate": "50000000", "follower.replication.throttled.rate": "50000000"],
            "broker 3": ["leader.replication.throttled.rate": "50000000", "follower.replication.throttled.rate": "50000000"],
        ])
        let asked = try #require(cluster.controller.alterRequests.first)
        #expect(asked.version == 1 && asked.partitions == ["orders-0": [2, 3], "orders-1": [3, 1]])

        // The first --verify is the reassignment's first poll: still moving, throttles kept.
        let first = try await cluster.run(["--verify", "--reassignment-json-file", plan.path])
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        #expect(first.stdout == """
            Status of partition reassignment:
            Reassignment of partition orders-0 is still in progress.
            Reassignment of partition orders-1 is still in progress.


            """)
        #expect(cluster.controller.configs["topic orders"] != nil)

        // --list at the second poll shows the replicas old and new, adding and removing.
        let list = try await cluster.run(["--list"])
        #expect(list.stdout == """
            Current partition reassignments:
            orders-0: replicas: 2,3,1. adding: 3. removing: 1.
            orders-1: replicas: 3,1,2. adding: 1. removing: 2.

            """)

        // Done now: --verify says so and clears every throttle.
        let done = try await cluster.run(["--verify", "--reassignment-json-file", plan.path, "--output", "json"])
        #expect(done.exitCode == 0, "stderr: \(done.stderr)")
        #expect(done.stdout == #"{"partitions":[{"topic":"orders","partition":0,"state":"complete","current_replicas":[2,3],"target_replicas":[2,3]},{"topic":"orders","partition":1,"state":"complete","current_replicas":[3,1],"target_replicas":[3,1]}],"in_progress":false,"log_dir_moves":[],"log_dir_moves_in_progress":false,"cleared_throttles":{"brokers":[1,2,3],"topics":["orders"]}}"# + "\n")
        #expect(cluster.controller.configs.isEmpty, "every throttle is cleared: \(cluster.controller.configs)")

        let text = try await cluster.run(["--verify", "--reassignment-json-file", plan.path])
        #expect(text.stdout == """
            Status of partition reassignment:
            Reassignment of partition orders-0 is completed.
            Reassignment of partition orders-1 is completed.

            Clearing broker-level throttles on brokers 1,2,3
            Clearing topic-level throttles on topic orders

            """)
        #expect(try await cluster.run(["--list"]).stdout == "No partition reassignments found.\n")
    }

    @Test func preserveThrottlesKeepsThemAndAPartitionNotAtItsTargetIsSaid() async throws {
        let cluster = try Cluster(polls: 1)
        defer { cluster.stop() }
        let plan = try Self.file(Self.plan)
        defer { try? FileManager.default.removeItem(at: plan) }
        #expect(try await cluster.run(["--execute", "--reassignment-json-file", plan.path, "--throttle", "1024"]).exitCode == 0)
        #expect(try await cluster.run(["--list", "--output", "json"]).stdout.contains(#""adding_replicas":[3]"#))
        let other = try Self.file(#"{"partitions":[{"topic":"orders","partition":2,"replicas":[1,2]}]}"#)
        defer { try? FileManager.default.removeItem(at: other) }
        let kept = try await cluster.run(["--verify", "--reassignment-json-file", other.path, "--preserve-throttles"])
        #expect(kept.stdout == """
            Status of partition reassignment:
            There is no active reassignment of partition orders-2, but replica set is 3,1 rather than 1,2.


            """)
        #expect(cluster.controller.configs["topic orders"] != nil && cluster.controller.configs["broker 1"] != nil)
    }

    @Test func executeRefusesWhileAnotherReassignmentRunsUnlessAdditional() async throws {
        let cluster = try Cluster(polls: 100)
        defer { cluster.stop() }
        let plan = try Self.file(Self.plan)
        defer { try? FileManager.default.removeItem(at: plan) }
        #expect(try await cluster.run(["--execute", "--reassignment-json-file", plan.path]).exitCode == 0)
        expectFailure(try await cluster.run(["--execute", "--reassignment-json-file", plan.path]), exitCode: 1,
                      containing: ["Cannot execute because there is an existing partition assignment.", "Use --additional"])
        let more = try Self.file(#"{"partitions":[{"topic":"orders","partition":2,"replicas":[1,2]}]}"#)
        defer { try? FileManager.default.removeItem(at: more) }
        let additional = try await cluster.run(["--execute", "--reassignment-json-file", more.path, "--additional", "--throttle", "2048"])
        #expect(additional.exitCode == 0, "stderr: \(additional.stderr)")
        // The throttles cover the ongoing moves too, as Apache's do: orders-0 and -1 keep their sources.
        #expect(cluster.controller.configs["topic orders"]?["leader.replication.throttled.replicas"] == "0:1,0:2,1:2,1:3,2:1,2:3")
        #expect(cluster.controller.configs["topic orders"]?["follower.replication.throttled.replicas"] == "0:3,1:1,2:2")
    }

    @Test func cancelStopsWhatIsMovingAndClearsTheThrottles() async throws {
        let cluster = try Cluster(polls: 100)
        defer { cluster.stop() }
        let plan = try Self.file(Self.plan)
        defer { try? FileManager.default.removeItem(at: plan) }
        #expect(try await cluster.run(["--execute", "--reassignment-json-file", plan.path, "--throttle", "4096"]).exitCode == 0)
        let cancel = try await cluster.run(["--cancel", "--reassignment-json-file", plan.path])
        #expect(cancel.exitCode == 0, "stderr: \(cancel.stderr)")
        #expect(cancel.stdout == """
            Successfully cancelled partition reassignments for: orders-0,orders-1
            None of the specified partition moves are active.
            Clearing broker-level throttles on brokers 1,2,3
            Clearing topic-level throttles on topic orders

            """)
        #expect(cluster.controller.alterRequests.last?.partitions == (["orders-0": nil, "orders-1": nil] as [String: [Int32]?]))
        #expect(cluster.controller.configs.isEmpty)
        let again = try await cluster.run(["--cancel", "--reassignment-json-file", plan.path, "--output", "json"])
        #expect(again.stdout == #"{"cancelled":[],"failed":[],"log_dir_moves":{"started":[],"failed":[],"timed_out":[]},"cleared_throttles":{"brokers":[1,2,3],"topics":["orders"]}}"# + "\n")
    }

    /// orders-0 from 1,2 to 2,3, both replicas into /d2: broker 2 moves its copy from /d1, broker 3's replica is
    /// new (its first AlterReplicaLogDirs answer is REPLICA_NOT_AVAILABLE, the move starts on the retry).
    static let movePlan = #"{"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[2,3],"log_dirs":["/d2","/d2"]}]}"#

    @Test func logDirMovesStartOnEachBrokerAndVerifyClearsTheThrottleOnceTheyAreDone() async throws {
        let cluster = try Cluster(polls: 1)
        defer { cluster.stop() }
        let plan = try Self.file(Self.movePlan)
        defer { try? FileManager.default.removeItem(at: plan) }

        let execute = try await cluster.run(["--execute", "--reassignment-json-file", plan.path, "--replica-alter-log-dirs-throttle", "3000"])
        #expect(execute.exitCode == 0, "stderr: \(execute.stderr)")
        #expect(execute.stdout.hasSuffix("""
            Save this to use as the --reassignment-json-file option during rollback
            Warning: You must run --verify periodically, until the reassignment completes, to ensure the throttle is removed.
            The replica-alter-dir throttle limit was set to 3000 B/s
            Successfully started partition reassignment for orders-0
            Successfully started moving log directory to /d2 for replica orders-0 with broker 2 \("")
            Successfully started moving log directory to /d2 for replica orders-0 with broker 3 \("")

            """), "stdout: \(execute.stdout)")
        // The log-dir rate on the brokers with a move only; broker 3 was asked again once its replica existed.
        #expect(cluster.controller.configs == [
            "broker 2": ["replica.alter.log.dirs.io.max.bytes.per.second": "3000"],
            "broker 3": ["replica.alter.log.dirs.io.max.bytes.per.second": "3000"],
        ])
        #expect(cluster.controller.alterLogDirsRequests.map(\.broker).sorted() == [2, 3, 3])
        #expect(cluster.controller.alterLogDirsRequests.allSatisfy { $0.version == 2 })

        // First poll: the partition is still moving, so are both copies.
        let first = try await cluster.run(["--verify", "--reassignment-json-file", plan.path])
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        #expect(first.stdout == """
            Status of partition reassignment:
            Reassignment of partition orders-0 is still in progress.
            Reassignment of replica orders-0-2 is still in progress.
            Reassignment of replica orders-0-3 is still in progress.

            """)
        // The partition is done, the copies are not: the throttle stays.
        let second = try await cluster.run(["--verify", "--reassignment-json-file", plan.path, "--output", "json"])
        #expect(second.stdout == #"{"partitions":[{"topic":"orders","partition":0,"state":"complete","current_replicas":[2,3],"target_replicas":[2,3]}],"in_progress":false,"log_dir_moves":[{"topic":"orders","partition":0,"broker":2,"state":"in_progress","current_dir":"/d1","target_dir":"/d2","future_dir":"/d2"},{"topic":"orders","partition":0,"broker":3,"state":"in_progress","current_dir":"/d1","target_dir":"/d2","future_dir":"/d2"}],"log_dir_moves_in_progress":true,"cleared_throttles":null}"# + "\n")
        #expect(cluster.controller.configs["broker 2"] != nil)
        // Every copy is in place: completed, and the throttles are cleared.
        let done = try await cluster.run(["--verify", "--reassignment-json-file", plan.path])
        #expect(done.exitCode == 0, "stderr: \(done.stderr)")
        #expect(done.stdout == """
            Status of partition reassignment:
            Reassignment of partition orders-0 is completed.
            Reassignment of replica orders-0-2 completed successfully.
            Reassignment of replica orders-0-3 completed successfully.
            Clearing broker-level throttles on brokers 1,2,3
            Clearing topic-level throttles on topic orders

            """)
        #expect(cluster.controller.configs.isEmpty, "every throttle is cleared: \(cluster.controller.configs)")
    }

    @Test func aRefusedLogDirMoveNamesTheReplicaAndExitsOne() async throws {
        let cluster = try Cluster(polls: 1)
        defer { cluster.stop() }
        let plan = try Self.file(#"{"version":1,"partitions":[{"topic":"orders","partition":2,"replicas":[3,1],"log_dirs":["/nope","/d2"]}]}"#)
        defer { try? FileManager.default.removeItem(at: plan) }
        let result = try await cluster.run(["--execute", "--reassignment-json-file", plan.path])
        #expect(result.exitCode == 1)
        #expect(result.stdout.hasSuffix("Successfully started moving log directory to /d2 for replica orders-2 with broker 1 \n"))
        #expect(result.stderrLines.count == 2, "stderr: \(result.stderr)")
        #expect(result.stderrLines.first?.hasPrefix("Failed to alter dir for orders-2-3: ") == true)
        #expect(result.stderrLines.first?.hasSuffix("[LOG_DIR_NOT_FOUND]") == true)
        #expect(result.stderrLines.last?.contains("1 log directory move(s) could not be started") == true)
    }

    @Test func aReplicaThatDoesNotAppearBeforeTheTimeoutIsNamedAndExitsOne() async throws {
        let cluster = try Cluster(polls: 100, appearsAfter: 1_000_000)
        defer { cluster.stop() }
        let plan = try Self.file(Self.movePlan)
        defer { try? FileManager.default.removeItem(at: plan) }
        let start = ContinuousClock.now
        let result = try await cluster.run(["--execute", "--reassignment-json-file", plan.path, "--timeout", "600"])
        let elapsed = ContinuousClock.now - start
        #expect(result.exitCode == 1)
        #expect(result.stdout.hasSuffix("Successfully started moving log directory to /d2 for replica orders-0 with broker 2 \n"))
        #expect(result.stderrLines == [
            "Timed out before log directory move could be started for: orders-0-3",
            "Error: 1 log directory move(s) could not be started",
        ], "stderr: \(result.stderr)")
        // Asked again every 100 ms for the 600 ms: several times, and not for much longer than the timeout.
        let asked = cluster.controller.alterLogDirsRequests.filter { $0.broker == 3 }.count
        #expect(asked >= 4 && asked <= 9, "broker 3 was asked \(asked) times")
        #expect(elapsed >= .milliseconds(600) && elapsed < .seconds(8), "took \(elapsed)")
    }

    @Test func cancelMovesACopyInProgressBackToItsCurrentDirectory() async throws {
        let cluster = try Cluster(polls: 100)
        defer { cluster.stop() }
        let plan = try Self.file(Self.movePlan)
        defer { try? FileManager.default.removeItem(at: plan) }
        #expect(try await cluster.run(["--execute", "--reassignment-json-file", plan.path, "--replica-alter-log-dirs-throttle", "3000"]).exitCode == 0)
        let cancel = try await cluster.run(["--cancel", "--reassignment-json-file", plan.path])
        #expect(cancel.exitCode == 0, "stderr: \(cancel.stderr)")
        // Broker 2's copy goes back to /d1; broker 3's replica left with the cancelled reassignment, nothing to stop.
        #expect(cancel.stdout == """
            Successfully cancelled partition reassignment for: orders-0
            Successfully started moving log directory to /d1 for replica orders-0 with broker 2 \("")
            Clearing broker-level throttles on brokers 1,2,3
            Clearing topic-level throttles on topic orders

            """)
        #expect(cluster.controller.configs.isEmpty)
        let verify = try await cluster.run(["--verify", "--reassignment-json-file", plan.path])
        #expect(verify.stdout == """
            Status of partition reassignment:
            There is no active reassignment of partition orders-0, but replica set is 1,2 rather than 2,3.
            Partition orders-0 on broker 2 is not being moved from log dir /d1 to /d2.
            Partition orders-0 is not found in any live log dir on broker 3. There is likely an offline log directory on the broker.
            Clearing broker-level throttles on brokers 1,2,3
            Clearing topic-level throttles on topic orders

            """)
    }

    @Test func aRefusedPartitionIsNamedOnStderrAndExitsOne() async throws {
        let cluster = try Cluster(refuse: [TopicPartition("orders", 1): .invalidReplicaAssignment])
        defer { cluster.stop() }
        let plan = try Self.file(Self.plan)
        defer { try? FileManager.default.removeItem(at: plan) }
        let result = try await cluster.run(["--execute", "--reassignment-json-file", plan.path])
        #expect(result.exitCode == 1)
        #expect(result.stdout.hasSuffix("Successfully started partition reassignment for orders-0\n"))
        #expect(result.stderrLines == [
            "Error reassigning partition orders-1: scripted refusal of orders-1 [INVALID_REPLICA_ASSIGNMENT]",
            "Error: 1 partition reassignment(s) could not be started",
        ])
    }

    @Test func anUnknownBrokerOrPartitionIsOneLineAndNothingMoves() async throws {
        let cluster = try Cluster()
        defer { cluster.stop() }
        let unknownBroker = try Self.file(#"{"partitions":[{"topic":"orders","partition":0,"replicas":[1,9]}]}"#)
        let unknownPartition = try Self.file(#"{"partitions":[{"topic":"orders","partition":7,"replicas":[1,2]}]}"#)
        defer { try? FileManager.default.removeItem(at: unknownBroker); try? FileManager.default.removeItem(at: unknownPartition) }
        expectFailure(try await cluster.run(["--execute", "--reassignment-json-file", unknownBroker.path]), exitCode: 64, message: "Unknown broker id 9")
        expectFailure(try await cluster.run(["--execute", "--reassignment-json-file", unknownPartition.path]), exitCode: 1,
                      message: "Unable to find partition: orders-7")
        #expect(cluster.controller.alterRequests.isEmpty)
    }

    @Test func disallowingAReplicationFactorChangeNeedsV1() async throws {
        let cluster = try Cluster(alterVersions: 0...0)
        defer { cluster.stop() }
        let plan = try Self.file(Self.plan)
        defer { try? FileManager.default.removeItem(at: plan) }
        expectFailure(try await cluster.run(["--execute", "--reassignment-json-file", plan.path, "--disallow-replication-factor-change"]),
                      exitCode: 1, containing: ["cannot refuse a replication factor change", "AlterPartitionReassignments v0"])
        #expect(cluster.controller.alterRequests.isEmpty)
    }

    @Test func generateProposesEveryPartitionOnTheBrokersNamed() async throws {
        let cluster = try Cluster()
        defer { cluster.stop() }
        let topics = try Self.file(#"{"topics":[{"topic":"orders"}],"version":1}"#)
        defer { try? FileManager.default.removeItem(at: topics) }
        let result = try await cluster.run(["--generate", "--topics-to-move-json-file", topics.path, "--broker-list", "1,2", "--output", "json"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let object = try result.jsonObject()
        let proposed = try #require((object["proposed"] as? [String: Any])?["partitions"] as? [[String: Any]])
        #expect(proposed.map { $0["partition"] as? Int } == [0, 1, 2])
        for partition in proposed {
            let replicas = try #require(partition["replicas"] as? [Int])
            #expect(Set(replicas) == [1, 2], "two replicas on brokers 1 and 2: \(replicas)")
        }
        let text = try await cluster.run(["--generate", "--topics-to-move-json-file", topics.path, "--broker-list", "1,2,3", "--disable-rack-aware"])
        #expect(text.stdout.hasPrefix("""
            Current partition replica assignment
            {"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[1,2],"log_dirs":["any","any"]},{"topic":"orders","partition":1,"replicas":[2,3],"log_dirs":["any","any"]},{"topic":"orders","partition":2,"replicas":[3,1],"log_dirs":["any","any"]}]}

            Proposed partition reassignment configuration
            {"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[
            """))
        let missing = try Self.file(#"{"topics":[{"topic":"nope"}]}"#)
        defer { try? FileManager.default.removeItem(at: missing) }
        expectFailure(try await cluster.run(["--generate", "--topics-to-move-json-file", missing.path, "--broker-list", "1"]), exitCode: 1, message: "Topic nope not found.")
        expectFailure(try await cluster.run(["--generate", "--topics-to-move-json-file", topics.path, "--broker-list", "1,7"]), exitCode: 64,
                      containing: ["Unknown broker id 7"])
    }

    /// The test broker answers ListPartitionReassignments with every partition (replicas, nothing adding or
    /// removing), where Kafka lists only partitions that are moving. kafkactl reads the answer as Kafka's tool does:
    /// --list prints it, and --execute sees reassignments in progress and needs --additional, after which the
    /// missing AlterPartitionReassignments is one line.
    @Test func theTestBrokerListsReassignmentsButCannotStartOne() async throws {
        let bootstrap = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("reassign")
        #expect(try await kafkactl(["topics", "--bootstrap-server", bootstrap, "--create", "--topic", topic, "--partitions", "1", "--replication-factor", "1"]).exitCode == 0)
        let list = try await kafkactl(["reassign-partitions", "--bootstrap-server", bootstrap, "--list"])
        #expect(list.exitCode == 0, "stderr: \(list.stderr)")
        #expect(list.stdout.hasPrefix("Current partition reassignments:\n") && list.stdout.contains("\n\(topic)-0: replicas: 111.\n"), "stdout: \(list.stdout)")
        let json = try await kafkactl(["reassign-partitions", "--bootstrap-server", bootstrap, "--list", "--output", "json"])
        #expect(json.stdout.contains(#"{"topic":"\#(topic)","partition":0,"replicas":[111],"adding_replicas":[],"removing_replicas":[]}"#))

        let plan = try Self.file(#"{"partitions":[{"topic":"\#(topic)","partition":0,"replicas":[111]}]}"#)
        defer { try? FileManager.default.removeItem(at: plan) }
        expectFailure(try await kafkactl(["reassign-partitions", "--bootstrap-server", bootstrap, "--execute", "--reassignment-json-file", plan.path]),
                      exitCode: 1, containing: ["Cannot execute because there is an existing partition assignment."])
        expectFailure(try await kafkactl(["reassign-partitions", "--bootstrap-server", bootstrap, "--execute", "--additional", "--reassignment-json-file", plan.path]),
                      exitCode: 1, containing: ["does not support reassigning partitions (AlterPartitionReassignments)", "it does not offer AlterPartitionReassignments"])

        // A file with a log dir: --verify asks the replica's broker where it is; the test broker lacks DescribeLogDirs.
        // (--execute would move it with AlterReplicaLogDirs, which it lacks too, but it stops at the refused
        // AlterPartitionReassignments before that, as Apache's tool does.)
        let moves = try Self.file(#"{"partitions":[{"topic":"\#(topic)","partition":0,"replicas":[111],"log_dirs":["/d2"]}]}"#)
        defer { try? FileManager.default.removeItem(at: moves) }
        expectFailure(try await kafkactl(["reassign-partitions", "--bootstrap-server", bootstrap, "--verify", "--reassignment-json-file", moves.path]),
                      exitCode: 1, containing: ["does not support describing log directories (DescribeLogDirs)", "it does not offer DescribeLogDirs"])
    }

    @Test(arguments: [
        ([], "Command must include exactly one action: --generate, --execute, --verify, --cancel, --list"),
        (["--list", "--verify"], "Command must include exactly one action: --generate, --execute, --verify, --cancel, --list"),
        (["--execute"], "Missing required argument \"--reassignment-json-file\""),
        (["--generate", "--topics-to-move-json-file", "t.json"], "Missing required argument \"--broker-list\""),
        (["--verify", "--reassignment-json-file", "p.json", "--throttle", "10"], "Option \"--throttle\" can't be used with action \"--verify\""),
        (["--list", "--additional"], "Option \"--additional\" can't be used with action \"--list\""),
        (["--execute", "--reassignment-json-file", "p.json", "--throttle", "-5"], "--throttle must be 0 or more, not -5"),
    ])
    func aRuleBrokenOnTheCommandLineIsOneLineAndTheHint(arguments: [String], message: String) async throws {
        let result = try await kafkactl(["reassign-partitions", "--bootstrap-server", "127.0.0.1:1"] + arguments)
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["Error: \(message)", Self.hint])
    }

    @Test func aThrottleThatIsNotANumberIsExitCode64() async throws {
        let result = try await kafkactl(["reassign-partitions", "--bootstrap-server", "127.0.0.1:1", "--execute",
                                         "--reassignment-json-file", "p.json", "--throttle", "fast"])
        #expect(result.exitCode == 64 && result.stdout.isEmpty)
        #expect(result.stderrLines.first?.contains("fast") == true, "stderr: \(result.stderr)")
    }

    @Test(arguments: [
        ("{\"partitions\": [", "The input string is not a valid JSON"),
        ("{\"version\": 2, \"partitions\": []}", "Not supported version field value 2"),
        ("{\"partitions\": []}", "Partition reassignment list cannot be empty"),
        ("{\"partitions\": [{\"topic\": \"t\", \"partition\": 0, \"replicas\": []}]}", "Partition replica list cannot be empty"),
        ("{\"partitions\": [{\"topic\": \"t\", \"partition\": 0, \"replicas\": [1, 1]}]}", "Partition replica lists may not contain duplicate entries: t-0 contains multiple entries for 1"),
        ("{\"partitions\": [{\"topic\": \"t\", \"partition\": 0, \"replicas\": [1]}, {\"topic\": \"t\", \"partition\": 0, \"replicas\": [2]}]}", "Partition reassignment contains duplicate topic partitions: t-0"),
        ("{\"partitions\": [{\"topic\": \"t\", \"partition\": 0, \"replicas\": [1, 2], \"log_dirs\": [\"any\"]}]}", "Size of replicas list [1, 2] is different from size of log dirs list [any] for partition t-0"),
        ("{\"partitions\": [{\"topic\": \"t\", \"partition\": 0, \"replicas\": [\"a\"]}]}", "partitions entry 1 has a replica that is not a broker id"),
    ])
    func aBadReassignmentFileIsOneLineBeforeAnythingIsSent(json: String, message: String) async throws {
        let file = try Self.file(json)
        defer { try? FileManager.default.removeItem(at: file) }
        expectFailure(try await kafkactl(["reassign-partitions", "--bootstrap-server", "127.0.0.1:1", "--execute",
                                          "--reassignment-json-file", file.path]), exitCode: 64, containing: [message])
    }

    @Test(arguments: [
        ("{\"topics\": [{\"topic\": \"a\"}, {\"topic\": \"a\"}]}", "1", "List of topics to reassign contains duplicate entries: a"),
        ("{\"topics\": []}", "1", "names no topics"),
        ("{\"topics\": [{\"topic\": \"a\"}]}", "1,x", "--broker-list '1,x' is not a list of broker ids"),
        ("{\"topics\": [{\"topic\": \"a\"}]}", "1,2,1", "Broker list contains duplicate entries: 1"),
    ])
    func aBadGenerateInputIsOneLineBeforeAnythingIsSent(json: String, brokers: String, message: String) async throws {
        let file = try Self.file(json)
        defer { try? FileManager.default.removeItem(at: file) }
        expectFailure(try await kafkactl(["reassign-partitions", "--bootstrap-server", "127.0.0.1:1", "--generate",
                                          "--topics-to-move-json-file", file.path, "--broker-list", brokers]), exitCode: 64, containing: [message])
    }
}
