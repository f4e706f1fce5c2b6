/// One row of `kafkactl top`: a group's position on one topic, with rates from the samples before.
public struct TopicLag: Sendable, Hashable {
    public var group: String
    public var topic: String
    public var state: String
    public var members: Int
    public var partitions: Int
    /// Records between the committed offsets and the log ends (partitions without a log end left out).
    public var lag: Int64
    /// Records per second the group commits past, and the topic grows by; nil until there are two samples.
    public var consumeRate: Double?
    public var produceRate: Double?
    /// How many seconds behind the group is: its lag at its consume rate. Nil without a rate, or when the group
    /// does not move while it lags (`stalled`).
    public var timeLag: Double?
    /// Seconds until the lag is gone at these rates: 0 without lag, nil when the group does not gain on the topic.
    public var eta: Double?
    /// True when the group lags and committed nothing over the window.
    public var stalled: Bool
    /// The group's state changed since the previous sample; the lag grew since the previous sample.
    public var stateChanged: Bool
    public var lagGrowing: Bool
    public var error: String?

    public init(group: String, topic: String, state: String, members: Int, partitions: Int, lag: Int64, consumeRate: Double?,
                produceRate: Double?, timeLag: Double?, eta: Double?, stalled: Bool, stateChanged: Bool, lagGrowing: Bool,
                error: String?) {
        (self.group, self.topic, self.state, self.members, self.partitions, self.lag) = (group, topic, state, members, partitions, lag)
        (self.consumeRate, self.produceRate, self.timeLag, self.eta) = (consumeRate, produceRate, timeLag, eta)
        (self.stalled, self.stateChanged, self.lagGrowing, self.error) = (stalled, stateChanged, lagGrowing, error)
    }
}

/// The samples `top` has taken, and the rows they make. Rates are measured over a window of recent samples rather
/// than between the last two: consumers commit every few seconds (auto.commit.interval.ms is 5 s), so a one-second
/// difference would swing between nothing and five times the true rate.
///
/// Time lag is estimated from the rates (lag / consume rate), not from the timestamp of the next record to consume:
/// that needs a Fetch per lagging partition, which for 1,000 groups is thousands of requests per refresh.
public struct LagTrend: Sendable {
    public let window: Double
    private var samples: [LagSample] = []

    public init(window: Double = 10) {
        self.window = window
    }

    public var latest: LagSample? { samples.last }

    /// Adds a sample and forgets those the window no longer needs (the newest one older than the window is kept,
    /// so a rate always spans at least the window once it can).
    public mutating func add(_ sample: LagSample) {
        samples.append(sample)
        let horizon = sample.time - window
        while samples.count > 2, samples[1].time <= horizon { samples.removeFirst() }
    }

    /// The rows of the newest sample, one per group and topic (a group without committed offsets gets one row with
    /// an empty topic, so it still shows its state).
    public func rows() -> [TopicLag] {
        guard let newest = samples.last else { return [] }
        let previous = samples.count > 1 ? samples[samples.count - 2] : nil
        let oldest = samples.count > 1 ? samples.first : nil
        let previousGroups = Dictionary(previous?.groups.map { ($0.group, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let oldestGroups = Dictionary(oldest?.groups.map { ($0.group, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let span = oldest.map { newest.time - $0.time } ?? 0
        var rows: [TopicLag] = []
        for group in newest.groups {
            let before = previousGroups[group.group]
            let stateChanged = before.map { $0.state != group.state } ?? false
            let byTopic = Dictionary(grouping: group.partitions.keys, by: \.topic)
            if byTopic.isEmpty {
                rows.append(TopicLag(group: group.group, topic: "", state: group.state, members: group.members, partitions: 0, lag: 0,
                                     consumeRate: nil, produceRate: nil, timeLag: nil, eta: nil, stalled: false,
                                     stateChanged: stateChanged, lagGrowing: false, error: group.error?.message))
                continue
            }
            for (topic, partitions) in byTopic {
                let lag = Self.lag(partitions, in: group)
                var row = TopicLag(group: group.group, topic: topic, state: group.state, members: group.members, partitions: partitions.count,
                                   lag: lag, consumeRate: nil, produceRate: nil, timeLag: nil, eta: lag <= 0 ? 0 : nil, stalled: false,
                                   stateChanged: stateChanged, lagGrowing: false, error: group.error?.message)
                if let before { row.lagGrowing = lag > Self.lag(partitions, in: before) }
                if let start = oldestGroups[group.group], span > 0 {
                    let rates = Self.rates(partitions, from: start, to: group, over: span)
                    row.consumeRate = rates.consume
                    row.produceRate = rates.produce
                    row.stalled = lag > 0 && rates.consume == 0
                    if lag > 0 && rates.consume > 0 { row.timeLag = Double(lag) / rates.consume }
                    if lag > 0 && rates.consume > rates.produce { row.eta = Double(lag) / (rates.consume - rates.produce) }
                }
                rows.append(row)
            }
        }
        return rows
    }

    private static func lag(_ partitions: [TopicPartition], in group: GroupPosition) -> Int64 {
        partitions.reduce(0) { $0 + (group.partitions[$1]?.lag ?? 0) }
    }

    /// Records per second committed past and appended, over the partitions both samples know. An offset that went
    /// back (a reset, a recreated topic) counts as no progress rather than a negative rate.
    private static func rates(_ partitions: [TopicPartition], from start: GroupPosition, to end: GroupPosition,
                              over seconds: Double) -> (consume: Double, produce: Double) {
        var consumed: Int64 = 0
        var produced: Int64 = 0
        for partition in partitions {
            guard let now = end.partitions[partition], let then = start.partitions[partition] else { continue }
            consumed += max(0, now.committed - then.committed)
            if let nowEnd = now.logEnd, let thenEnd = then.logEnd { produced += max(0, nowEnd - thenEnd) }
        }
        return (Double(consumed) / seconds, Double(produced) / seconds)
    }
}
