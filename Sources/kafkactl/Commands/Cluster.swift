import AdminCore
import ArgumentParser

/// `kafkactl cluster`: the cluster at a glance — id, controller, brokers, partitions in trouble and group states.
struct Cluster: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Show the cluster's health at a glance: brokers, controller, partitions in trouble, group states.",
        discussion: """
            Under-replicated partitions have fewer in-sync replicas than replicas; under-min-ISR ones fewer than
            their topic's min.insync.replicas; offline ones no leader (or a leader that is not a live broker).
            The exit code is 0 even when partitions are in trouble; use --output json to act on the numbers.

            Example:
              kafkactl cluster --bootstrap-server localhost:9092
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    struct Problem {
        var kind: String
        var topic: String
        var partition: TopicDescription.Partition
    }

    func run(in context: CommandContext) async throws {
        try await context.withClient(try connection.clientConfiguration()) { client in
            let admin = AdminClient(client: client)
            let metadata = try await client.metadata(topics: nil)
            let topics = try await admin.describeTopics(metadata.topics.keys.sorted())
            let live = Set(metadata.brokers.keys)
            var problems: [Problem] = []
            for topic in topics {
                for partition in topic.partitions {
                    if partition.leader.map({ !live.contains($0) }) ?? true {
                        problems.append(Problem(kind: "offline", topic: topic.name, partition: partition))
                    } else if partition.isr.count < topic.minInsyncReplicas {
                        problems.append(Problem(kind: "under-min-isr", topic: topic.name, partition: partition))
                    } else if partition.isr.count < partition.replicas.count {
                        problems.append(Problem(kind: "under-replicated", topic: topic.name, partition: partition))
                    }
                }
            }
            let groups = (try? await admin.listGroups()) ?? []
            let states = Dictionary(grouping: groups, by: { $0.state.isEmpty ? "Unknown" : $0.state }).mapValues(\.count)
            let partitionCount = topics.reduce(0) { $0 + $1.partitions.count }
            let count = { (kind: String) in problems.filter { $0.kind == kind }.count }

            if output.isJSON {
                try context.print(JSON.object([
                    ("clusterId", .optional(metadata.clusterId)),
                    ("controller", metadata.controllerId >= 0 ? .int(metadata.controllerId) : .null),
                    ("brokers", .array(metadata.brokers.values.sorted { $0.nodeId < $1.nodeId }.map { broker in
                        .object([("id", .int(broker.nodeId)), ("host", .string(broker.address.host)),
                                 ("port", .int(broker.address.port)), ("rack", .optional(broker.rack))])
                    })),
                    ("topics", .int(topics.count)), ("partitions", .int(partitionCount)),
                    ("underReplicated", .int(count("under-replicated"))), ("underMinIsr", .int(count("under-min-isr"))),
                    ("offline", .int(count("offline"))),
                    ("problems", .array(problems.map { problem in
                        .object([("kind", .string(problem.kind)), ("topic", .string(problem.topic)),
                                 ("partition", .int(problem.partition.partition)),
                                 ("leader", problem.partition.leader.map { JSON.int($0) } ?? .null),
                                 ("replicas", .array(problem.partition.replicas.map { JSON.int($0) })),
                                 ("isr", .array(problem.partition.isr.map { JSON.int($0) }))])
                    })),
                    ("groups", .object(states.sorted { $0.key < $1.key }.map { ($0.key, JSON.int($0.value)) })),
                ]).serialized())
                return
            }
            try context.print("Cluster: \(metadata.clusterId ?? "-")")
            try context.print("Controller: \(metadata.controllerId >= 0 ? String(metadata.controllerId) : "none")")
            try context.print("Brokers: \(metadata.brokers.count)")
            for broker in metadata.brokers.values.sorted(by: { $0.nodeId < $1.nodeId }) {
                try context.print("  \(broker.nodeId)\t\(broker.address)\(broker.rack.map { "\track=\($0)" } ?? "")")
            }
            try context.print("Topics: \(topics.count)\tPartitions: \(partitionCount)")
            try context.print("Under-replicated: \(count("under-replicated"))\tUnder min ISR: \(count("under-min-isr"))\tOffline: \(count("offline"))")
            for problem in problems {
                let ids = { (list: [Int32]) in list.map(String.init).joined(separator: ",") }
                try context.print("  \(problem.kind)\t\(problem.topic)-\(problem.partition.partition)\tLeader: \(problem.partition.leader.map(String.init) ?? "none")\tReplicas: \(ids(problem.partition.replicas))\tIsr: \(ids(problem.partition.isr))")
            }
            let summary = states.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            try context.print("Groups: \(groups.count)\(summary.isEmpty ? "" : " (\(summary))")")
        }
    }
}
