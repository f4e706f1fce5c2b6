import Synchronization

/// consumer-perf-test's run (Apache's ConsumerPerformance): reads `count` records through kafkactl's consumer,
/// alone or as a group member, counting each record's key and value bytes and its end-to-end latency into
/// `ConsumerPerformanceStats`, until `count` records were read or none arrived for `timeoutMs`.
public struct ConsumerPerformance: Sendable {
    /// Where the records come from: partitions read directly from their start positions, or a group whose
    /// coordinator assigns them (each join's time is the run's rebalance time).
    public enum Source: Sendable {
        case partitions([TopicPartition: Int64])
        case group(GroupConsumerSettings, partitions: [TopicPartition])
    }

    public struct Outcome: Sendable {
        public var summary: ConsumerPerformanceSummary
        /// No record arrived for the timeout before `count` were read (Apache's warning).
        public var timedOut: Bool
    }

    let client: KafkaClient
    let consumer: ConsumerConfiguration
    let count: Int64
    let timeoutMs: Int64
    let reportingIntervalMs: Int64

    public init(client: KafkaClient, consumer: ConsumerConfiguration, count: Int64, timeoutMs: Int64, reportingIntervalMs: Int64) {
        self.client = client
        self.consumer = consumer
        self.count = count
        self.timeoutMs = timeoutMs
        self.reportingIntervalMs = reportingIntervalMs
    }

    /// Reads from `source`, handing each detailed-stats interval to `progress` as it closes.
    public func run(_ source: Source, progress: @escaping @Sendable (ConsumerPerformanceInterval) -> Void) async throws -> Outcome {
        let tally = ConsumptionTally(ConsumerPerformanceStats(startMs: WallClock.millis(), reportingIntervalMs: reportingIntervalMs), count: count)
        // Apache's loop runs while fewer than the count were read: with none to read, it reads nothing.
        if count == 0 { return Outcome(summary: tally.summary(endMs: WallClock.millis()), timedOut: false) }
        let take = { @Sendable (chunk: ConsumedRecords) throws -> (next: Int64?, done: Bool) in
            let (next, done, intervals) = try tally.take(chunk, nowMs: WallClock.millis())
            for interval in intervals { progress(interval) }
            return (next, done)
        }
        let (client, consumer) = (self.client, self.consumer)
        let reading = { @Sendable () async throws in
            switch source {
            case .partitions(let positions):
                try await PartitionConsumer(client: client, configuration: consumer).consume(from: positions, stopAtEnd: false) { chunk in
                    try take(chunk).done ? .stop : .continue
                }
            case .group(let settings, let partitions):
                let member = JoinTimingMember(settings.member(client: client, partitions: partitions)) { tally.addRebalance(ms: $0) }
                let session = GroupConsumerSession(
                    client: client, consumer: PartitionConsumer(client: client, configuration: consumer), member: member,
                    autoCommit: settings.autoCommit, autoCommitInterval: settings.autoCommitInterval, stopAtEnd: false)
                do {
                    try await session.run { chunk in
                        let (next, done) = try take(chunk)
                        return ChunkProgress(reachedLimit: done, nextUnprinted: next)
                    }
                } catch {
                    await session.close()
                    throw error
                }
                await session.close()
            }
        }
        let timeoutMs = self.timeoutMs
        let timedOut: Bool = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await reading()
                return false
            }
            // Apache's loop ends when no poll returned records for the timeout (joining included): sleep until the
            // last record's time plus the timeout, and again from the newer one if records came meanwhile.
            group.addTask {
                while true {
                    let idle = tally.idleMs(nowMs: WallClock.millis())
                    if idle > timeoutMs { return true }
                    try await Task.sleep(for: .milliseconds(timeoutMs - idle + 1))
                }
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
        let summary = tally.summary(endMs: WallClock.millis())
        return Outcome(summary: summary, timedOut: timedOut && summary.records < count)
    }
}

/// The run's counts, shared by the reading task, the join timer and the idle watchdog.
final class ConsumptionTally: Sendable {
    private struct State {
        var stats: ConsumerPerformanceStats
        var lastConsumedMs: Int64
    }

    private let state: Mutex<State>
    private let count: Int64

    init(_ stats: ConsumerPerformanceStats, count: Int64) {
        state = Mutex(State(stats: stats, lastConsumedMs: stats.startMs))
        self.count = count
    }

    /// Counts a chunk's records, up to `count` in all: the offset after the last one counted (nil: none), whether
    /// the run is done, and the detailed-stats intervals that closed.
    func take(_ chunk: ConsumedRecords, nowMs: Int64) throws -> (next: Int64?, done: Bool, intervals: [ConsumerPerformanceInterval]) {
        let count = self.count
        return try state.withLock { state in
            var next: Int64?
            var intervals: [ConsumerPerformanceInterval] = []
            if state.stats.records < count {
                try chunk.forEachRecord { record in
                    if let interval = state.stats.record(keyBytes: record.key?.count ?? 0, valueBytes: record.value?.count ?? 0,
                                                         timestampMs: record.timestamp, nowMs: nowMs) {
                        intervals.append(interval)
                    }
                    next = record.offset + 1
                    return state.stats.records < count
                }
                if next != nil { state.lastConsumedMs = nowMs }
            }
            return (next, state.stats.records >= count, intervals)
        }
    }

    func addRebalance(ms: Int64) { state.withLock { $0.stats.addRebalance(ms: ms) } }

    /// How long since a record last arrived (or the run started).
    func idleMs(nowMs: Int64) -> Int64 { nowMs - state.withLock { $0.lastConsumedMs } }

    func summary(endMs: Int64) -> ConsumerPerformanceSummary { state.withLock { $0.stats.summary(endMs: endMs) } }
}

/// A group member whose joins are timed: Apache's rebalance listener measures from giving up the partitions to
/// being assigned new ones, which is what one join (JoinGroup and SyncGroup, or the heartbeat that assigns) takes.
struct JoinTimingMember: ConsumerGroupMembership {
    let member: any ConsumerGroupMembership
    let joined: @Sendable (Int64) -> Void

    init(_ member: any ConsumerGroupMembership, joined: @escaping @Sendable (Int64) -> Void) {
        self.member = member
        self.joined = joined
    }

    var rebalanceProtocol: RebalanceProtocol { member.rebalanceProtocol }

    func join() async throws -> [TopicPartition] {
        let start = WallClock.millis()
        let partitions = try await member.join()
        joined(WallClock.millis() - start)
        return partitions
    }

    func heartbeatLoop() async { await member.heartbeatLoop() }
    func waitForRebalance() async { await member.waitForRebalance() }
    func takePartitionsLost() async -> Bool { await member.takePartitionsLost() }
    func commit(_ positions: [TopicPartition: Int64]) async throws { try await member.commit(positions) }
    func committed(_ partitions: [TopicPartition]) async throws -> [TopicPartition: Int64] { try await member.committed(partitions) }
    func leave() async { await member.leave() }
}
