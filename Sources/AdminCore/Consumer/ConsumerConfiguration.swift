/// Consumer settings under Kafka's property names and defaults.
public struct ConsumerConfiguration: Sendable {
    public enum OffsetReset: String, Sendable {
        case earliest, latest, none
    }

    /// `fetch.max.bytes`
    public var fetchMaxBytes: Int32 = 52_428_800
    /// `max.partition.fetch.bytes`
    public var maxPartitionFetchBytes: Int32 = 1_048_576
    /// `fetch.min.bytes`
    public var fetchMinBytes: Int32 = 1
    /// `fetch.max.wait.ms`
    public var fetchMaxWait: Duration = .milliseconds(500)
    /// `isolation.level`
    public var isolation: IsolationLevel = .readUncommitted
    /// `auto.offset.reset`: where to go when a position is out of range (and, in a group, when none is committed).
    public var autoOffsetReset: OffsetReset = .latest
    /// `check.crcs`
    public var checkCRCs = true

    public init() {}

    public init(properties: [String: String]) throws {
        self.init()
        for (key, raw) in properties {
            let value = raw.trimmingCharacters(in: " ")
            func int32(_ minimum: Int32) throws -> Int32 {
                guard let number = Int32(value), number >= minimum else {
                    throw KafkactlError(.usage, "invalid value '\(raw)' for \(key): expected a whole number of at least \(minimum)")
                }
                return number
            }
            switch key {
            case "fetch.max.bytes": fetchMaxBytes = try int32(0)
            case "max.partition.fetch.bytes": maxPartitionFetchBytes = try int32(0)
            case "fetch.min.bytes": fetchMinBytes = try int32(0)
            case "fetch.max.wait.ms": fetchMaxWait = .milliseconds(Int64(try int32(0)))
            case "isolation.level":
                guard let level = IsolationLevel(name: value) else {
                    throw KafkactlError(.usage, "invalid value '\(raw)' for isolation.level: expected read_uncommitted or read_committed")
                }
                isolation = level
            case "auto.offset.reset":
                guard let reset = OffsetReset(rawValue: value.lowercased()) else {
                    throw KafkactlError(.usage, "invalid value '\(raw)' for auto.offset.reset: expected earliest, latest or none")
                }
                autoOffsetReset = reset
            case "check.crcs":
                guard let flag = Bool(value.lowercased()) else {
                    throw KafkactlError(.usage, "invalid value '\(raw)' for check.crcs: expected true or false")
                }
                checkCRCs = flag
            default: continue
            }
        }
    }
}
