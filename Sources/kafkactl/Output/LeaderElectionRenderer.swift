import AdminCore

/// leader-election's output: kafka-leader-election.sh's lines (partitions sorted, where Apache's order is a hash
/// set's), or one JSON document: `{"election_type":"PREFERRED","partitions":[{"topic","partition","result"
/// (elected, not_needed or failed),"error"}]}`.
struct LeaderElectionRenderer {
    var json: Bool

    func render(_ type: ElectionType, _ outcomes: [TopicPartition: ElectionOutcome], on context: CommandContext) throws {
        let sorted = outcomes.sorted { $0.key < $1.key }
        if json {
            try context.print(JSON.object([("election_type", .string(type.name)), ("partitions", .array(sorted.map { partition, outcome in
                var fields: [(String, JSON)] = [("topic", .string(partition.topic)), ("partition", .int(partition.partition))]
                switch outcome {
                case .elected: fields.append(("result", .string("elected")))
                case .notNeeded: fields.append(("result", .string("not_needed")))
                case .failed(let error): fields += [("result", .string("failed")), ("error", .string(error.message))]
                }
                return .object(fields)
            }))]).serialized())
            return
        }
        let elected = sorted.filter { $0.value == .elected }.map(\.key.description)
        let notNeeded = sorted.filter { $0.value == .notNeeded }.map(\.key.description)
        if !elected.isEmpty {
            try context.print("Successfully completed leader election (\(type.name)) for partitions \(elected.joined(separator: ", "))")
        }
        if !notNeeded.isEmpty { try context.print("Valid replica already elected for partitions \(notNeeded.joined(separator: ", "))") }
        for (partition, outcome) in sorted {
            guard case .failed(let error) = outcome else { continue }
            try context.print("Error completing leader election (\(type.name)) for partition: \(partition): \(error.message)")
        }
    }
}
