/// A broker replicas may be placed on, with its rack when placement is rack-aware.
public struct UsableBroker: Sendable, Hashable {
    public var id: Int32
    public var rack: String?

    public init(id: Int32, rack: String?) {
        self.id = id
        self.rack = rack
    }
}

/// Kafka's striped replica placement (KRaft's controller places new topics' replicas with it, and
/// kafka-reassign-partitions.sh --generate proposes with it): racks in name order (brokers without a rack first),
/// each rack's brokers sorted, random starting offsets; a partition's first replica comes from the next rack that has
/// a broker left in this round, the others from the following racks in turn, so replicas spread over racks before
/// any rack holds two. Each round of as many partitions as there are brokers shifts every rack's offset by one, and
/// a new round begins with the racks and brokers shuffled. The random source is injectable so a test can fix it;
/// by default it is the system's, as Apache's is.
public struct StripedReplicaPlacer<Random: RandomNumberGenerator> {
    /// One rack's brokers and where the current round has got to in them.
    private struct Rack {
        var brokers: [Int32] = []
        var index = 0
        var offset = 0
        var epoch = 0

        mutating func next(epoch: Int) -> Int32? {
            guard !brokers.isEmpty else { return nil }
            if self.epoch != epoch {
                self.epoch = epoch
                index = 0
                offset = (offset + 1) % brokers.count
            }
            guard index < brokers.count else { return nil }
            defer { index += 1 }
            return brokers[(index + offset) % brokers.count]
        }
    }

    private var random: Random
    private var racks: [String?: Rack] = [:]
    private var rackNames: [String?] = []
    private let brokerCount: Int
    private var epoch = 0
    private var offset = 0

    public init(brokers: [UsableBroker], random: Random) {
        self.random = random
        for broker in brokers {
            if racks[broker.rack] == nil { rackNames.append(broker.rack) }
            racks[broker.rack, default: Rack()].brokers.append(broker.id)
        }
        brokerCount = brokers.count
        // Rack names sorted, no rack first; each rack's brokers sorted, with a random starting offset.
        rackNames.sort { a, b in
            switch (a, b) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let a?, let b?): return a < b
            }
        }
        for name in rackNames {
            racks[name]!.brokers.sort()
            let count = racks[name]!.brokers.count
            let start = Int.random(in: 0..<count, using: &self.random)
            racks[name]!.offset = start
        }
        let rackCount = rackNames.count
        offset = rackCount == 0 ? 0 : Int.random(in: 0..<rackCount, using: &self.random)
    }

    /// The replicas of `partitions` new partitions with `replicationFactor` replicas each.
    public mutating func place(partitions: Int, replicationFactor: Int) throws -> [[Int32]] {
        guard replicationFactor > 0 else {
            throw KafkactlError(.usage, "Invalid replication factor \(replicationFactor): the replication factor must be positive.")
        }
        guard brokerCount > 0 else { throw KafkactlError(.usage, "No brokers to place replicas on.") }
        guard replicationFactor <= brokerCount else {
            throw KafkactlError(.usage, "The target replication factor of \(replicationFactor) cannot be reached because only \(brokerCount) broker(s) are registered.")
        }
        var placed: [[Int32]] = []
        for _ in 0..<partitions { placed.append(placeOne(replicationFactor)) }
        return placed
    }

    private mutating func placeOne(_ replicationFactor: Int) -> [Int32] {
        if epoch == brokerCount && brokerCount > 1 {
            rackNames.shuffle(using: &random)
            for name in rackNames { racks[name]!.brokers.shuffle(using: &random) }
            epoch = 0
        }
        if offset == rackNames.count { offset = 0 }
        var replicas: [Int32] = []
        // The first replica: the first rack from the offset that still has a broker in this round.
        var firstRack = offset
        while true {
            if let broker = racks[rackNames[firstRack]]!.next(epoch: epoch) {
                replicas.append(broker)
                break
            }
            firstRack = (firstRack + 1) % rackNames.count
        }
        // The others: the racks in turn from the offset, passing over the first replica's rack once.
        var rack = offset
        for _ in 1..<replicationFactor {
            var broker: Int32?
            repeat {
                if rack == firstRack {
                    firstRack = -1
                } else {
                    broker = racks[rackNames[rack]]!.next(epoch: epoch)
                }
                rack = (rack + 1) % rackNames.count
            } while broker == nil
            replicas.append(broker!)
        }
        epoch += 1
        offset += 1
        return replicas
    }
}

/// A seeded random source (SplitMix64), so that a proposal can be repeated.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
