import AdminCore

/// `--replica-assignment 1:2,2:3`: broker ids per partition.
enum ReplicaAssignment {
    static func parse(_ text: String) throws -> [[Int32]] {
        let partitions = try text.split(separator: ",", omittingEmptySubsequences: false).map { entry in
            try entry.split(separator: ":", omittingEmptySubsequences: false).map { id in
                guard let value = Int32(id.trimmingCharacters(in: " ")) else {
                    throw KafkactlUsageError("invalid --replica-assignment '\(text)': expected broker ids like 1:2,2:3")
                }
                return value
            }
        }
        for (index, replicas) in partitions.enumerated() {
            var seen = Set<Int32>()
            if let duplicate = replicas.first(where: { !seen.insert($0).inserted }) {
                throw KafkactlUsageError("Partition replica lists may not contain duplicate entries: \(duplicate)")
            }
            if index > 0 && replicas.count != partitions[0].count {
                throw KafkactlUsageError("Partition \(index) has different replication factor: [\(replicas.map(String.init).joined(separator: ", "))]")
            }
        }
        return partitions
    }
}

extension Substring {
    func trimmingCharacters(in character: Character) -> String { String(self).trimmingCharacters(in: character) }
}
