/// The topic-level configs Kafka knows (4.x, plus names 3.x brokers still accept), with the type and bounds
/// the broker enforces, so that a typo or a bad value is caught before anything is sent.
public enum TopicConfigCatalog {
    public enum Kind: Sendable, Equatable {
        case int(min: Int64?, max: Int64?)
        case long(min: Int64?)
        case double(min: Double, max: Double)
        case boolean
        case choice([String])
        /// Comma-separated values, each one of `allowed` when given.
        case list(allowed: [String]?)
        case text
    }

    public static let entries: [String: Kind] = [
        "cleanup.policy": .list(allowed: ["compact", "delete"]),
        "compression.type": .choice(["uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"]),
        "compression.gzip.level": .int(min: -1, max: 9),
        "compression.lz4.level": .int(min: 1, max: 17),
        "compression.zstd.level": .int(min: -131072, max: 22),
        "delete.retention.ms": .long(min: 0),
        "file.delete.delay.ms": .long(min: 0),
        "flush.messages": .long(min: 1),
        "flush.ms": .long(min: 0),
        "follower.replication.throttled.replicas": .list(allowed: nil),
        "index.interval.bytes": .int(min: 0, max: nil),
        "leader.replication.throttled.replicas": .list(allowed: nil),
        "local.retention.bytes": .long(min: -2),
        "local.retention.ms": .long(min: -2),
        "max.compaction.lag.ms": .long(min: 1),
        "max.message.bytes": .int(min: 0, max: nil),
        "message.downconversion.enable": .boolean,
        "message.format.version": .text,
        "message.timestamp.after.max.ms": .long(min: 0),
        "message.timestamp.before.max.ms": .long(min: 0),
        "message.timestamp.difference.max.ms": .long(min: 0),
        "message.timestamp.type": .choice(["CreateTime", "LogAppendTime"]),
        "min.cleanable.dirty.ratio": .double(min: 0, max: 1),
        "min.compaction.lag.ms": .long(min: 0),
        "min.insync.replicas": .int(min: 1, max: nil),
        "preallocate": .boolean,
        "remote.log.copy.disable": .boolean,
        "remote.log.delete.on.disable": .boolean,
        "remote.storage.enable": .boolean,
        "retention.bytes": .long(min: nil),
        "retention.ms": .long(min: -1),
        "segment.bytes": .int(min: 14, max: nil),
        "segment.index.bytes": .int(min: 4, max: nil),
        "segment.jitter.ms": .long(min: 0),
        "segment.ms": .long(min: 1),
        "unclean.leader.election.enable": .boolean,
    ]

    public static var names: [String] { entries.keys.sorted() }

    /// Checks a name and value; throws a usage error that names the key and what it expects.
    public static func validate(name: String, value: String) throws {
        guard let kind = entries[name] else {
            throw KafkactlError(.usage, "Unknown topic config name: \(name)")
        }
        if let problem = problem(with: value, kind: kind) {
            throw KafkactlError(.usage, "invalid value '\(value)' for topic config \(name): expected \(problem)")
        }
    }

    /// nil when `value` fits `kind`, else a description of what was expected.
    static func problem(with value: String, kind: Kind) -> String? {
        switch kind {
        case .int(let min, let max):
            guard let number = Int32(value) else { return "an integer" + rangeText(min, max) }
            if let min, Int64(number) < min { return "an integer" + rangeText(min, max) }
            if let max, Int64(number) > max { return "an integer" + rangeText(min, max) }
            return nil
        case .long(let min):
            guard let number = Int64(value), min.map({ number >= $0 }) ?? true else {
                return "a whole number" + rangeText(min, nil)
            }
            return nil
        case .double(let min, let max):
            guard let number = Double(value), number >= min, number <= max else {
                return "a number from \(min) to \(max)"
            }
            return nil
        case .boolean:
            return ["true", "false"].contains(value.lowercased()) ? nil : "true or false"
        case .choice(let options):
            return options.contains(value) ? nil : "one of \(options.joined(separator: ", "))"
        case .list(let allowed):
            guard let allowed else { return nil }
            let items = value.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }
            return items.allSatisfy(allowed.contains) && !items.isEmpty
                ? nil : "a comma-separated list of \(allowed.joined(separator: ", "))"
        case .text:
            return nil
        }
    }

    private static func rangeText(_ min: Int64?, _ max: Int64?) -> String {
        switch (min, max) {
        case let (min?, max?): return " from \(min) to \(max)"
        case let (min?, nil): return " of at least \(min)"
        case let (nil, max?): return " of at most \(max)"
        case (nil, nil): return ""
        }
    }
}
