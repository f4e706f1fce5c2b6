extension AdminClient {
    /// Warnings for topic config values that are legal but likely to hurt, to be said before the change is made.
    public func riskyValueWarnings(topic: String, changes: [ConfigChange]) async throws -> [String] {
        var warnings: [String] = []
        for case .set(let name, let value) in changes {
            switch name {
            case "min.insync.replicas":
                guard let wanted = Int(value), let description = try await describeTopics([topic]).first else { continue }
                let factor = description.replicationFactor
                if wanted > factor || (wanted == factor && factor > 1) {
                    warnings.append("WARNING: min.insync.replicas=\(wanted) is at or above the replication factor of topic \(topic) (\(factor)): producers with acks=all will fail whenever \(wanted > factor ? "they write at all" : "one replica is down").")
                }
            case "retention.ms":
                if let millis = Int64(value), millis >= 0, millis < 3_600_000 {
                    warnings.append("WARNING: retention.ms=\(millis) deletes records of topic \(topic) after less than an hour.")
                }
            case "cleanup.policy" where !value.contains("delete"):
                warnings.append("WARNING: cleanup.policy=\(value) keeps only the latest record per key in topic \(topic); records without a key are removed by compaction.")
            default:
                continue
            }
        }
        return warnings
    }
}
