/// Why a consumer group is not moving (`consumer-groups --doctor`): two observations of the group a window apart, its
/// state watched in between, and for partitions held below their high watermark the open transaction that holds them.
/// The findings come most likely cause first: what stops the whole group (no members, rebalancing) before what stops
/// a partition (no leader, the topic gone or recreated, offsets out of the log's range, an open transaction), and
/// those before what only slows it (partitions nobody is assigned, members that commit nothing).
public struct GroupDiagnosis: Sendable {
    public var group: String
    public var first: GroupObservation
    public var last: GroupObservation
    public var trail: GroupTrail
    public var findings: [GroupFinding]

    public init(group: String, first: GroupObservation, last: GroupObservation, trail: GroupTrail, findings: [GroupFinding]) {
        self.group = group
        self.first = first
        self.last = last
        self.trail = trail
        self.findings = findings
    }

    /// Records the group committed past during the window.
    public var consumed: Int64 {
        last.committed.reduce(0) { total, entry in
            guard let before = first.committed[entry.key]?.offset, entry.value.offset > before else { return total }
            return total + entry.value.offset - before
        }
    }

    public var windowMs: Int64 { last.timeMs - first.timeMs }
}

/// A cause, with the partitions it concerns (their numbers are in the diagnosis' last observation).
public enum GroupFinding: Sendable, Hashable {
    /// Nobody consumes while records wait on these partitions.
    case noMembers(lagging: [TopicPartition])
    /// The group rebalanced again and again in the window (`loop`), or rebalanced through all of it.
    case rebalancing(GroupTrail.Rebalances)
    /// Partitions without a leader: nobody can read them.
    case noLeader([TopicPartition])
    /// Committed offsets of topics that are gone.
    case topicDeleted(topics: [String], partitions: [TopicPartition])
    /// The committed offset's leader epoch is newer than the partition's: the offset belongs to an earlier topic of the
    /// same name.
    case topicRecreated([TopicPartition])
    /// Committed offsets past the high watermark (a truncated log, or a recreated topic).
    case offsetBeyondEnd([TopicPartition])
    /// Committed offsets below the log start: records were deleted before the group read them.
    case offsetBelowStart([TopicPartition])
    /// Partitions whose last stable offset stays below the high watermark where the group waits: an open transaction
    /// holds read_committed consumers there.
    case openTransaction([TransactionHold])
    /// Partitions with records waiting that no member is assigned.
    case unassignedPartitions([TopicPartition])
    /// Members hold these partitions, records wait, and the committed offsets did not move in the window.
    case notCommitting([TopicPartition])

    /// The name scripts match on (`--output json`'s `cause`).
    public var cause: String {
        switch self {
        case .noMembers: return "no-members"
        case .rebalancing(let rebalances): return rebalances.loop ? "rebalance-loop" : "rebalancing"
        case .noLeader: return "no-leader"
        case .topicDeleted: return "topic-deleted"
        case .topicRecreated: return "topic-recreated"
        case .offsetBeyondEnd: return "offset-beyond-log-end"
        case .offsetBelowStart: return "offset-below-log-start"
        case .openTransaction(let holds): return holds.contains(where: \.hanging) ? "hanging-transaction" : "open-transaction"
        case .unassignedPartitions: return "unassigned-partitions"
        case .notCommitting: return "not-committing"
        }
    }

    public var partitions: [TopicPartition] {
        switch self {
        case .rebalancing: return []
        case .noMembers(let partitions), .noLeader(let partitions), .topicRecreated(let partitions),
             .offsetBeyondEnd(let partitions), .offsetBelowStart(let partitions), .unassignedPartitions(let partitions),
             .notCommitting(let partitions):
            return partitions
        case .topicDeleted(_, let partitions): return partitions
        case .openTransaction(let holds): return holds.map(\.partition)
        }
    }
}

/// An open transaction holding a partition's last stable offset, and what its leader and coordinator know of it.
public struct TransactionHold: Sendable, Hashable {
    public var partition: TopicPartition
    public var lastStable: Int64
    public var highWatermark: Int64
    /// The producer whose transaction starts at the last stable offset; nil when the leader could not say.
    public var producer: ProducerState?
    /// Why the producer is unknown (the leader cannot describe producers, or did not answer).
    public var producerUnknownReason: String?
    public var transactionalId: String?
    /// The transaction as its coordinator describes it; nil when no coordinator lists the producer.
    public var transaction: TransactionDescription?
    /// Since the transaction started (its coordinator's start time, else the producer's last write).
    public var ageMs: Int64?

    public init(partition: TopicPartition, lastStable: Int64, highWatermark: Int64, producer: ProducerState? = nil,
                producerUnknownReason: String? = nil, transactionalId: String? = nil, transaction: TransactionDescription? = nil,
                ageMs: Int64? = nil) {
        self.partition = partition
        self.lastStable = lastStable
        self.highWatermark = highWatermark
        self.producer = producer
        self.producerUnknownReason = producerUnknownReason
        self.transactionalId = transactionalId
        self.transaction = transaction
        self.ageMs = ageMs
    }

    /// No coordinator will end it: none lists the producer, its transaction no longer includes the partition, or it
    /// is older than its own timeout (a coordinator aborts a transaction at its timeout). Unknown without the producer.
    public var hanging: Bool {
        guard producer != nil else { return false }
        guard let transaction else { return true }
        if !transaction.partitions.contains(partition) || transaction.producerId != producer?.producerId { return true }
        if let ageMs, transaction.timeoutMs > 0, ageMs > Int64(transaction.timeoutMs) { return true }
        return false
    }
}

/// The group's state as it was seen through the window: every state in order, the members seen, and (KIP-848
/// groups) the group epochs.
public struct GroupTrail: Sendable, Hashable {
    public private(set) var states: [String] = []
    public private(set) var memberIds: Set<String> = []
    public private(set) var epochs: [Int32] = []
    public private(set) var looks = 0

    public init() {}

    public mutating func add(_ description: GroupDescription) {
        looks += 1
        states.append(description.state)
        memberIds.formUnion(description.members.map(\.memberId))
        if let epoch = description.groupEpoch { epochs.append(epoch) }
    }

    /// Classic groups rebalance through PreparingRebalance and CompletingRebalance; KIP-848 groups assign and
    /// reconcile.
    public static func isRebalancing(_ state: String) -> Bool {
        ["PreparingRebalance", "CompletingRebalance", "Assigning", "Reconciling"].contains(state)
    }

    public struct Rebalances: Sendable, Hashable {
        /// Rebalances begun in the window (a window that opens mid-rebalance counts that one).
        public var count: Int
        /// Members seen in the window that are gone at its end.
        public var departedMembers: Int
        /// The first and last group epoch (KIP-848 groups).
        public var epochs: ClosedRange<Int32>?
        /// Rebalancing at every look.
        public var throughout: Bool
        public var looks: Int

        public init(count: Int, departedMembers: Int, epochs: ClosedRange<Int32>?, throughout: Bool, looks: Int) {
            self.count = count
            self.departedMembers = departedMembers
            self.epochs = epochs
            self.throughout = throughout
            self.looks = looks
        }

        /// Kafka's classic DescribeGroups does not report the generation, so a loop is two rebalances begun in one
        /// window; a KIP-848 group's epoch climbing by two or more says the same.
        public var loop: Bool { count >= 2 || (epochs.map { $0.upperBound - $0.lowerBound >= 2 } ?? false) }
    }

    public func rebalances(finalMembers: [String]) -> Rebalances {
        var count = 0
        var previous: String?
        for state in states {
            if Self.isRebalancing(state) && (previous.map { !Self.isRebalancing($0) } ?? true) { count += 1 }
            previous = state
        }
        let epochRange = epochs.isEmpty ? nil : epochs.min()!...epochs.max()!
        return Rebalances(count: count, departedMembers: memberIds.subtracting(finalMembers).count, epochs: epochRange,
                          throughout: !states.isEmpty && states.allSatisfy(Self.isRebalancing), looks: looks)
    }
}

/// The rules, apart from the requests, so that each cause can be checked on observations made up for it.
public enum GroupDoctor {
    /// The findings for what was seen, most likely cause first. `holds` are the open transactions found for the
    /// partitions `transactionCandidates` named.
    public static func findings(first: GroupObservation, last: GroupObservation, trail: GroupTrail,
                                holds: [TransactionHold]) -> [GroupFinding] {
        let description = last.description
        let members = description.members
        var findings: [GroupFinding] = []
        let lagging = last.lagging
        let rebalanced = trail.states.contains(where: GroupTrail.isRebalancing)
        // Where an open transaction holds the group, the records that wait are past the last stable offset: members
        // would not read them either, so they are the transaction's, not a missing member's.
        let held = Set(holds.map(\.partition))
        let unheld = lagging.filter { !held.contains($0) }
        if members.isEmpty && !unheld.isEmpty && !rebalanced {
            findings.append(.noMembers(lagging: unheld))
        }
        let rebalances = trail.rebalances(finalMembers: members.map(\.memberId))
        if rebalances.loop || (rebalances.throughout && rebalances.count > 0) {
            findings.append(.rebalancing(rebalances))
        }
        let leaderless = last.partitions.filter { !$0.value.hasLeader }.map(\.key).sorted()
        if !leaderless.isEmpty { findings.append(.noLeader(leaderless)) }
        if !last.missingTopics.isEmpty {
            let topics = last.missingTopics.sorted()
            findings.append(.topicDeleted(topics: topics, partitions: last.committed.keys.filter { last.missingTopics.contains($0.topic) }.sorted()))
        }
        let recreated = last.committed.filter { partition, committed in
            guard let health = last.partitions[partition], committed.leaderEpoch >= 0, health.leaderEpoch >= 0 else { return false }
            return committed.leaderEpoch > health.leaderEpoch
        }.keys.sorted()
        if !recreated.isEmpty { findings.append(.topicRecreated(recreated)) }
        let beyond = last.committed.filter { partition, committed in
            guard !recreated.contains(partition), let end = last.partitions[partition]?.highWatermark else { return false }
            return committed.offset > end
        }.keys.sorted()
        if !beyond.isEmpty { findings.append(.offsetBeyondEnd(beyond)) }
        let below = last.committed.filter { partition, committed in
            guard let start = last.partitions[partition]?.logStart, committed.offset >= 0 else { return false }
            return committed.offset < start
        }.keys.sorted()
        if !below.isEmpty { findings.append(.offsetBelowStart(below)) }
        if !holds.isEmpty { findings.append(.openTransaction(holds.sorted { $0.partition < $1.partition })) }

        let explained = Set(findings.flatMap(\.partitions))
        let owned = Set(members.flatMap(\.assignment))
        // Kafka reports every Stable member's assignment; a coordinator that reports none at all (no protocol name,
        // no member holding anything) says nothing about ownership, so nothing is concluded from it.
        let reportsAssignments = !description.protocolName.isEmpty || !owned.isEmpty
        let waiting = lagging.filter { !explained.contains($0) }
        if !members.isEmpty, description.state == "Stable", reportsAssignments {
            let unassigned = waiting.filter { !owned.contains($0) }
            if !unassigned.isEmpty { findings.append(.unassignedPartitions(unassigned)) }
        }
        if !members.isEmpty, last.timeMs > first.timeMs, !rebalanced {
            let still = waiting.filter { partition in
                (!reportsAssignments || owned.contains(partition))
                    && first.committed[partition]?.offset == last.committed[partition]?.offset
            }
            if !still.isEmpty { findings.append(.notCommitting(still)) }
        }
        return findings
    }

    /// Partitions where the group waits at a last stable offset below the high watermark that did not move: the
    /// partitions whose open transaction the doctor looks up.
    public static func transactionCandidates(first: GroupObservation, last: GroupObservation) -> [TopicPartition] {
        last.partitions.compactMap { partition, health -> TopicPartition? in
            guard let stable = health.lastStable, let end = health.highWatermark, stable < end,
                  let committed = last.committed[partition]?.offset, committed >= stable else { return nil }
            if last.timeMs > first.timeMs, let before = first.partitions[partition]?.lastStable, before != stable { return nil }
            return partition
        }.sorted()
    }
}

extension AdminClient {
    /// Diagnoses `group`: observes it (a group without members or committed offsets does not exist: notFound), watches its state for `window` (a DescribeGroups every `lookInterval`),
    /// observes it again, and looks up the open transactions that hold it (DescribeProducers at the leaders,
    /// ListTransactions and DescribeTransactions at the coordinators).
    /// `watching` is called when the window begins (after the first observation found the group), for a progress
    /// line.
    public func diagnoseGroup(_ group: String, window: Duration, lookInterval: Duration = .milliseconds(200),
                              watching: @Sendable () -> Void = {}) async throws -> GroupDiagnosis {
        let first = try await observeGroup(group)
        // Kafka's tool says the same of a group it cannot describe: nothing to diagnose.
        if first.description.isInactive && first.description.members.isEmpty && first.committed.isEmpty {
            throw KafkactlError(.notFound, "Consumer group '\(group)' does not exist.", code: .groupIdNotFound)
        }
        if window > .zero { watching() }
        var trail = GroupTrail()
        trail.add(first.description)
        var last = first
        if window > .zero {
            let deadline = ContinuousClock.now + window
            while ContinuousClock.now + lookInterval < deadline {
                try await Task.sleep(for: lookInterval)
                if let description = try? await describeGroups([group])[group]?.get() { trail.add(description) }
            }
            try await Task.sleep(until: deadline)
            last = try await observeGroup(group)
            trail.add(last.description)
        }
        let holds = try await transactionHolds(GroupDoctor.transactionCandidates(first: first, last: last), in: last)
        return GroupDiagnosis(group: group, first: first, last: last, trail: trail,
                              findings: GroupDoctor.findings(first: first, last: last, trail: trail, holds: holds))
    }

    /// For each partition held below its high watermark: the producer whose transaction starts at the last stable
    /// offset, its transactional id and the coordinator's account of the transaction. What a broker cannot answer
    /// (an older Kafka without these APIs) leaves the hold with what is known and the reason.
    func transactionHolds(_ partitions: [TopicPartition], in observation: GroupObservation) async throws -> [TransactionHold] {
        guard !partitions.isEmpty else { return [] }
        var holds = partitions.map { partition in
            let health = observation.partitions[partition]!
            return TransactionHold(partition: partition, lastStable: health.lastStable!, highWatermark: health.highWatermark!)
        }
        let producers: [TopicPartition: Result<[ProducerState], KafkactlError>]
        do {
            producers = try await describeProducers(partitions)
        } catch let error as KafkactlError {
            return holds.map { hold in
                var hold = hold
                hold.producerUnknownReason = error.message
                return hold
            }
        }
        for index in holds.indices {
            switch producers[holds[index].partition] {
            case .success(let states)?:
                // The transaction the last stable offset waits for starts there; another open one starts later.
                let open = states.filter { $0.currentTransactionStartOffset != nil }
                holds[index].producer = open.first { $0.currentTransactionStartOffset == holds[index].lastStable }
                    ?? open.min { $0.currentTransactionStartOffset! < $1.currentTransactionStartOffset! }
                if holds[index].producer == nil { holds[index].producerUnknownReason = "its leader lists no open transaction" }
            case .failure(let error)?: holds[index].producerUnknownReason = error.message
            case nil: holds[index].producerUnknownReason = "its leader did not answer DescribeProducers"
            }
        }
        let producerIds = Set(holds.compactMap { $0.producer?.producerId })
        guard !producerIds.isEmpty else { return holds }
        var transactionalIds: [Int64: String] = [:]
        if let listed = try? await listTransactions(TransactionListFilter(producerIds: producerIds.sorted())) {
            for listing in listed.values.joined() where producerIds.contains(listing.producerId) {
                transactionalIds[listing.producerId] = listing.transactionalId
            }
        }
        let descriptions = await describeTransactions(Array(Set(transactionalIds.values)).sorted())
        let now = WallClock.millis()
        for index in holds.indices {
            guard let producer = holds[index].producer else { continue }
            let id = transactionalIds[producer.producerId]
            holds[index].transactionalId = id
            if let id, case .success(let description)? = descriptions[id], description.producerId == producer.producerId {
                holds[index].transaction = description
            }
            let started = holds[index].transaction?.startTimeMs.flatMap { $0 > 0 ? $0 : nil } ?? producer.lastTimestamp
            holds[index].ageMs = max(0, now - started)
        }
        return holds
    }
}
