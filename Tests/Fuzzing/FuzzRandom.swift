/// SplitMix64: small, fast and fully determined by its seed, so a run (and any finding) replays exactly from
/// `--seed`. Not for anything that needs unpredictability.
public struct FuzzRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A value in 0..<bound (bound > 0); the slight modulo bias does not matter for mutation.
    public mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// True with probability 1 / `odds`.
    public mutating func oneIn(_ odds: Int) -> Bool {
        below(odds) == 0
    }

    public mutating func pick<T>(_ values: [T]) -> T {
        values[below(values.count)]
    }
}

/// FNV-1a of the input: targets derive their knobs (chunk sizes, positions) from it, so a saved input alone
/// replays the run that failed.
public func fuzzHash(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01b3
    }
    return hash
}
