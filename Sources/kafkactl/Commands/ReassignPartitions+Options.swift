import AdminCore
import ArgumentParser

/// reassign-partitions' flag rules (Apache's: one action, its required options, no option another action owns)
/// and its two file formats.
extension ReassignPartitions {
    enum Action: String, CaseIterable { case generate, execute, verify, cancel, list }

    /// The actions given, in Apache's order.
    var actions: [Action] {
        Action.allCases.filter { action in
            switch action {
            case .generate: return generate
            case .execute: return execute
            case .verify: return verify
            case .cancel: return cancel
            case .list: return list
            }
        }
    }

    func validate() throws {
        guard actions.count == 1, let action = actions.first else {
            throw ValidationError("Command must include exactly one action: --generate, --execute, --verify, --cancel, --list")
        }
        let required: [Action: [(String, Bool)]] = [
            .generate: [("topics-to-move-json-file", topicsToMoveJsonFile != nil), ("broker-list", brokerList != nil)],
            .execute: [("reassignment-json-file", reassignmentJsonFile != nil)],
            .verify: [("reassignment-json-file", reassignmentJsonFile != nil)],
            .cancel: [("reassignment-json-file", reassignmentJsonFile != nil)],
            .list: [],
        ]
        if let missing = required[action]!.first(where: { !$0.1 }) {
            throw ValidationError("Missing required argument \"--\(missing.0)\"")
        }
        // Each option and the actions that may take it (Apache's permitted arguments).
        let owners: [(String, Bool, Set<Action>)] = [
            ("reassignment-json-file", reassignmentJsonFile != nil, [.execute, .verify, .cancel]),
            ("topics-to-move-json-file", topicsToMoveJsonFile != nil, [.generate]),
            ("broker-list", brokerList != nil, [.generate]),
            ("disable-rack-aware", disableRackAware, [.generate]),
            ("throttle", throttle != nil, [.execute]),
            ("replica-alter-log-dirs-throttle", replicaAlterLogDirsThrottle != nil, [.execute]),
            ("timeout", timeout != nil, [.execute, .cancel]),
            ("additional", additional, [.execute]),
            ("disallow-replication-factor-change", disallowReplicationFactorChange, [.execute]),
            ("preserve-throttles", preserveThrottles, [.verify, .cancel]),
        ]
        if let misplaced = owners.first(where: { $0.1 && !$0.2.contains(action) }) {
            throw ValidationError("Option \"--\(misplaced.0)\" can't be used with action \"--\(action.rawValue)\"")
        }
        for (flag, value) in [("throttle", throttle), ("replica-alter-log-dirs-throttle", replicaAlterLogDirsThrottle), ("timeout", timeout)] {
            if let value, value < 0 { throw ValidationError("--\(flag) must be 0 or more, not \(value)") }
        }
    }

    /// `--broker-list`: broker ids separated by commas, none twice.
    static func parseBrokerList(_ text: String) throws -> [Int32] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: " ") }
        let ids = parts.compactMap { Int32($0) }
        guard ids.count == parts.count, ids.allSatisfy({ $0 >= 0 }) else {
            throw KafkactlUsageError("--broker-list '\(text)' is not a list of broker ids: use ids separated by commas, such as 0,1,2")
        }
        let duplicates = Self.duplicates(ids)
        guard duplicates.isEmpty else {
            throw KafkactlUsageError("Broker list contains duplicate entries: \(duplicates.map(String.init).joined(separator: ","))")
        }
        return ids
    }

    /// `--topics-to-move-json-file`: `{"topics": [{"topic": "foo"}], "version": 1}`, no topic twice.
    static func parseTopicsFile(_ text: String, path: String) throws -> [String] {
        let fields = try topLevel(text, flag: "--topics-to-move-json-file", path: path)
        var topics: [String] = []
        if let list = fields["topics"] {
            guard case .array(let entries) = list else { throw KafkactlUsageError("--topics-to-move-json-file '\(path)': \"topics\" must be an array") }
            for (index, entry) in entries.enumerated() {
                guard case .object(let pairs) = entry, case .string(let topic)? = Dictionary(pairs, uniquingKeysWith: { _, last in last })["topic"], !topic.isEmpty else {
                    throw KafkactlUsageError("--topics-to-move-json-file '\(path)': topics entry \(index + 1) needs \"topic\", a topic name")
                }
                topics.append(topic)
            }
        }
        guard !topics.isEmpty else { throw KafkactlUsageError("--topics-to-move-json-file '\(path)' names no topics") }
        let duplicates = Self.duplicates(topics)
        guard duplicates.isEmpty else {
            throw KafkactlUsageError("List of topics to reassign contains duplicate entries: \(duplicates.joined(separator: ","))")
        }
        return topics
    }

    /// `--reassignment-json-file`: `{"version": 1, "partitions": [{"topic", "partition", "replicas", "log_dirs"?}]}`.
    /// Refused as Apache refuses it (no partitions, an empty or duplicated replica list, a partition twice, log dirs
    /// of another length). A log dir other than "any" asks for that replica to be moved to that directory.
    static func parseReassignmentFile(_ text: String, path: String) throws -> ReassignmentFile {
        let flag = "--reassignment-json-file '\(path)'"
        let fields = try topLevel(text, flag: "--reassignment-json-file", path: path)
        var entries: [(TopicPartition, [Int32])] = []
        var logDirs: [PartitionReplica: String] = [:]
        if let list = fields["partitions"] {
            guard case .array(let items) = list else { throw KafkactlUsageError("\(flag): \"partitions\" must be an array") }
            for (index, item) in items.enumerated() {
                let bad = { (why: String) in KafkactlUsageError("\(flag): partitions entry \(index + 1) \(why)") }
                guard case .object(let pairs) = item else { throw bad("is not an object") }
                let entry = Dictionary(pairs, uniquingKeysWith: { _, last in last })
                guard case .string(let topic)? = entry["topic"], !topic.isEmpty else { throw bad("needs \"topic\", a topic name") }
                guard case .integer(let number)? = entry["partition"], let partition = Int32(exactly: number), partition >= 0 else {
                    throw bad("needs \"partition\", a partition number")
                }
                guard case .array(let replicaValues)? = entry["replicas"] else { throw bad("needs \"replicas\", a list of broker ids") }
                let replicas = replicaValues.compactMap { value -> Int32? in
                    if case .integer(let id) = value { return Int32(exactly: id) } else { return nil }
                }
                guard replicas.count == replicaValues.count else { throw bad("has a replica that is not a broker id") }
                let tp = TopicPartition(topic, partition)
                if let dirs = entry["log_dirs"] {
                    guard case .array(let dirValues) = dirs else { throw bad("has \"log_dirs\" that is not a list") }
                    let names = dirValues.compactMap { value -> String? in if case .string(let name) = value { return name } else { return nil } }
                    guard names.count == dirValues.count else { throw bad("has a log dir that is not a string") }
                    guard names.count == replicas.count else {
                        throw KafkactlUsageError("\(flag): Size of replicas list [\(replicas.map(String.init).joined(separator: ", "))] is different from size of log dirs list [\(names.joined(separator: ", "))] for partition \(tp)")
                    }
                    for (broker, dir) in zip(replicas, names) where dir != "any" {
                        logDirs[PartitionReplica(tp, broker: broker)] = dir
                    }
                }
                entries.append((tp, replicas))
            }
        }
        guard !entries.isEmpty else { throw KafkactlUsageError("\(flag): Partition reassignment list cannot be empty") }
        if let empty = entries.first(where: { $0.1.isEmpty }) {
            throw KafkactlUsageError("\(flag): Partition replica list cannot be empty (\(empty.0))")
        }
        let duplicatePartitions = Self.duplicates(entries.map { $0.0 })
        guard duplicatePartitions.isEmpty else {
            throw KafkactlUsageError("Partition reassignment contains duplicate topic partitions: \(duplicatePartitions.map(\.description).joined(separator: ","))")
        }
        let duplicateReplicas = entries.filter { !Self.duplicates($0.1).isEmpty }.sorted { $0.0 < $1.0 }
        guard duplicateReplicas.isEmpty else {
            let detail = duplicateReplicas.map { "\($0.0) contains multiple entries for \(Self.duplicates($0.1).map(String.init).joined(separator: ","))" }
            throw KafkactlUsageError("Partition replica lists may not contain duplicate entries: \(detail.joined(separator: ". "))")
        }
        return ReassignmentFile(partitions: Dictionary(uniqueKeysWithValues: entries), logDirs: logDirs)
    }

    /// The file's top-level object, after checking it is JSON and of version 1 (the only one Apache reads).
    private static func topLevel(_ text: String, flag: String, path: String) throws -> [String: JSON] {
        let json: JSON
        do { json = try JSONParser.parse(text) } catch {
            throw KafkactlUsageError("\(flag) '\(path)': The input string is not a valid JSON (\(error))")
        }
        guard case .object(let members) = json else { throw KafkactlUsageError("\(flag) '\(path)': expected a JSON object") }
        let fields = Dictionary(members, uniquingKeysWith: { _, last in last })
        if let version = fields["version"], version != .integer(1) {
            throw KafkactlUsageError("\(flag) '\(path)': Not supported version field value \(version.serialized())")
        }
        return fields
    }

    /// The values that occur more than once, sorted.
    static func duplicates<T: Hashable & Comparable>(_ values: [T]) -> [T] {
        Dictionary(grouping: values, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
    }
}

/// A `--reassignment-json-file`: each partition's new replicas, and the log directory asked for a replica (those
/// given as "any" are left where the broker puts them).
struct ReassignmentFile: Equatable {
    var partitions: [TopicPartition: [Int32]]
    var logDirs: [PartitionReplica: String]
}
