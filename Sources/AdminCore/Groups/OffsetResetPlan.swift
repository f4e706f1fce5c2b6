/// Where `consumer-groups --reset-offsets` moves each partition, computed purely from the offsets looked up, so
/// that every rule (clamping, fallbacks, missing commits) is tested without a broker.
public struct OffsetResetPlan: Sendable {
    /// The scenario (`--to-earliest`, `--shift-by`, ...). Times are milliseconds since the epoch.
    public enum Scenario: Sendable, Hashable {
        case earliest
        case latest
        case current
        case offset(Int64)
        case shiftBy(Int64)
        case timestamp(Int64)
        /// Targets read from a `--from-file` CSV.
        case given([TopicPartition: Int64])
    }

    /// What the broker said about one partition.
    public struct Bounds: Sendable, Hashable {
        public var earliest: Int64
        public var latest: Int64
        /// The first offset at or after the scenario's time, nil when no record is that new.
        public var byTime: Int64?

        public init(earliest: Int64, latest: Int64, byTime: Int64? = nil) {
            self.earliest = earliest
            self.latest = latest
            self.byTime = byTime
        }
    }

    public struct Entry: Sendable, Hashable {
        public var partition: TopicPartition
        public var newOffset: Int64
        /// A note for the user (a clamped value, an empty partition), as Kafka's tool prints them.
        public var warning: String?
    }

    public var entries: [Entry]
    /// Partitions the scenario cannot move (e.g. `--shift-by` without a committed offset).
    public var failures: [TopicPartition: String]

    public init(scenario: Scenario, partitions: [TopicPartition], committed: [TopicPartition: Int64],
                bounds: [TopicPartition: Bounds]) {
        var entries: [Entry] = []
        var failures: [TopicPartition: String] = [:]
        for partition in partitions.sorted() {
            guard let bound = bounds[partition] else {
                failures[partition] = "Error getting starting offset of topic partition: \(partition)"
                continue
            }
            func clamped(_ offset: Int64) -> Entry {
                if offset > bound.latest {
                    return Entry(partition: partition, newOffset: bound.latest,
                                 warning: "New offset (\(offset)) is higher than latest offset for topic partition \(partition). Value will be set to \(bound.latest)")
                }
                if offset < bound.earliest {
                    return Entry(partition: partition, newOffset: bound.earliest,
                                 warning: "New offset (\(offset)) is lower than earliest offset for topic partition \(partition). Value will be set to \(bound.earliest)")
                }
                return Entry(partition: partition, newOffset: offset, warning: nil)
            }
            switch scenario {
            case .earliest: entries.append(Entry(partition: partition, newOffset: bound.earliest, warning: nil))
            case .latest: entries.append(Entry(partition: partition, newOffset: bound.latest, warning: nil))
            case .current: entries.append(Entry(partition: partition, newOffset: committed[partition] ?? bound.latest, warning: nil))
            case .offset(let offset): entries.append(clamped(offset))
            case .shiftBy(let delta):
                guard let current = committed[partition] else {
                    failures[partition] = "Cannot shift offset for partition \(partition) since there is no current committed offset"
                    continue
                }
                let (sum, overflow) = current.addingReportingOverflow(delta)
                entries.append(clamped(overflow ? (delta > 0 ? Int64.max : 0) : sum))
            case .timestamp:
                if let offset = bound.byTime, offset >= 0 {
                    entries.append(clamped(offset))
                } else {
                    entries.append(Entry(partition: partition, newOffset: bound.latest,
                                         warning: "Partition \(partition.partition) from topic \(partition.topic) is empty. Falling back to latest known offset."))
                }
            case .given(let targets):
                guard let target = targets[partition] else { continue }
                entries.append(clamped(target))
            }
        }
        self.entries = entries
        self.failures = failures
    }
}

/// Lag of one partition: log end minus committed, nil when nothing is committed. Negative when the committed
/// offset is past the log end (a truncated or recreated topic), as Kafka's tool shows it: that is the signal.
public func groupLag(committed: Int64?, logEnd: Int64?) -> Int64? {
    guard let committed, let logEnd else { return nil }
    return logEnd - committed
}
