import AdminCore
import ArgumentParser

/// What topics' flags mean: kafka-topics.sh's cross-flag rules, with its messages, and the partition report the
/// health flags ask for.
extension Topics {
    private var reportFlags: [(String, Bool)] {
        [("under-replicated-partitions", underReplicatedPartitions), ("under-min-isr-partitions", underMinIsrPartitions),
         ("at-min-isr-partitions", atMinIsrPartitions), ("unavailable-partitions", unavailablePartitions)]
    }

    var partitionReport: PartitionReport {
        var report: PartitionReport = []
        if underReplicatedPartitions { report.insert(.underReplicated) }
        if underMinIsrPartitions { report.insert(.underMinIsr) }
        if atMinIsrPartitions { report.insert(.atMinIsr) }
        if unavailablePartitions { report.insert(.unavailable) }
        return report
    }

    func validate() throws {
        guard let action else {
            throw ValidationError("Command must include exactly one action: --list, --describe, --create, --alter, --delete, --verify or --diff")
        }
        try validateComparison(action)
        func refuse(_ option: String, with other: String) -> ValidationError {
            ValidationError("Option \"[\(option)]\" can't be used with option \"[\(other)]\"")
        }
        if topic == nil && ![.list, .describe].contains(action) { throw ValidationError("Missing required argument \"[topic]\"") }
        if action == .alter && partitions == nil { throw ValidationError("Missing required argument \"[partitions]\"") }
        if action == .alter && !config.isEmpty {
            throw ValidationError("Option combination \"[bootstrap-server, config]\" can't be used with option \"[alter]\" (To alter topic configurations, the kafka-configs tool can be used.)")
        }
        if ![.create, .alter].contains(action) {
            if !config.isEmpty { throw refuse("config", with: action.rawValue) }
            if partitions != nil { throw refuse("partitions", with: action.rawValue) }
            if replicaAssignment != nil { throw refuse("replica-assignment", with: action.rawValue) }
        }
        if action != .create && replicationFactor != nil { throw refuse("replication-factor", with: action.rawValue) }
        if action == .create && replicaAssignment != nil {
            if partitions != nil { throw refuse("replica-assignment", with: "partitions") }
            if replicationFactor != nil { throw refuse("replica-assignment", with: "replication-factor") }
        }
        for (flag, set) in reportFlags where set {
            if action != .describe { throw refuse(flag, with: action.rawValue) }
            if topicsWithOverrides { throw refuse(flag, with: "topics-with-overrides") }
        }
        if topicsWithOverrides && action != .describe { throw refuse("topics-with-overrides", with: action.rawValue) }
        if ifExists && ![.alter, .delete, .describe].contains(action) { throw refuse("if-exists", with: action.rawValue) }
        if ifNotExists && action != .create { throw refuse("if-not-exists", with: action.rawValue) }
        if excludeInternal && ![.list, .describe].contains(action) { throw refuse("exclude-internal", with: action.rawValue) }
        if let topicId, KafkaUUID(topicId) == nil {
            throw ValidationError("Invalid --topic-id '\(topicId)': expected Kafka's 22-character topic id, as topics --describe shows it")
        }
        if topicId != nil && action != .describe { throw refuse("topic-id", with: action.rawValue) }
        if partitionSizeLimitPerResponse != nil && action != .describe {
            throw refuse("partition-size-limit-per-response", with: action.rawValue)
        }
        if let limit = partitionSizeLimitPerResponse, limit < 1 {
            throw ValidationError("--partition-size-limit-per-response must be at least 1")
        }
        if action == .describe && ifExists && topic == nil && topicId == nil {
            throw ValidationError("--topic or --topic-id is required to describe a topic")
        }
        if let partitions, partitions < 1 { throw ValidationError("The partitions must be greater than 0") }
        if let replicationFactor, !(1...32767).contains(replicationFactor) {
            throw ValidationError("The replication factor must be between 1 and 32767 inclusive")
        }
        if let timeoutMs, timeoutMs <= 0 { throw ValidationError("--timeout-ms must be a positive number of milliseconds") }
        if output.isJSON && ![.list, .describe, .verify, .diff].contains(action) {
            throw ValidationError("--output json is available for --list, --describe, --verify and --diff")
        }
    }
}
