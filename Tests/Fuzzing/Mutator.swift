/// Random-mutation strategies in the style of AFL's havoc stage, aimed at Kafka's encodings: length and count
/// fields are int16/int32 or unsigned varints, so boundary values written over them are what breaks a reader.
public struct Mutator: Sendable {
    public var random: FuzzRandom
    /// Inputs never grow past this (the frames family feeds streams, the others single messages).
    public let maximumSize: Int

    public init(seed: UInt64, maximumSize: Int = 1 << 20) {
        self.random = FuzzRandom(seed: seed)
        self.maximumSize = maximumSize
    }

    static let interestingBytes: [UInt8] = [0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe]
    static let interesting16: [Int16] = [-1, 0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, -0x8000, 0x100]
    static let interesting32: [Int32] = [-1, 0, 1, 2, 0x7f, 0x80, 0xffff, 0x7fff_ffff, -0x8000_0000, 0x4000_0000, 0x00ff_ffff, 1 << 20]
    static let interesting64: [Int64] = [-1, 0, 1, .max, .min, 0x7fff_ffff, Int64(Int32.max) + 1, -0x8000_0000]
    /// Unsigned varint values: compact lengths are N+1, so 0 is null and the huge ones are absurd counts.
    static let interestingVarints: [UInt64] = [0, 1, 2, 0x7f, 0x80, 0x3fff, 0x4000, 0x7fff_ffff, 0xffff_ffff, 1 << 34, 0x7_ffff_ffff, .max]

    /// One mutated copy of `input`: one to several stacked mutations; `donors` feed splicing.
    public mutating func mutate(_ input: [UInt8], donors: [[UInt8]]) -> [UInt8] {
        var bytes = input
        let rounds = 1 + (random.oneIn(2) ? 0 : random.below(6))
        for _ in 0..<rounds { mutateOnce(&bytes, donors: donors) }
        if bytes.count > maximumSize { bytes.removeLast(bytes.count - maximumSize) }
        return bytes
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8], donors: [[UInt8]]) {
        switch random.below(17) {
        case 0 where !bytes.isEmpty:  // flip one bit
            bytes[random.below(bytes.count)] ^= 1 << UInt8(random.below(8))
        case 1 where !bytes.isEmpty:  // a byte to an interesting value
            bytes[random.below(bytes.count)] = random.pick(Self.interestingBytes)
        case 2 where !bytes.isEmpty:  // a random byte
            bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
        case 3:  // an int16 (string lengths, error codes, versions)
            overwrite(&bytes, with: random.pick(Self.interesting16))
        case 4:  // an int32 (array counts, byte lengths, sizes); also "exactly the bytes left" and one more
            if random.oneIn(3), bytes.count >= 4 {
                let at = random.below(bytes.count - 3)
                let remaining = Int32(truncatingIfNeeded: bytes.count - at - 4)
                write(&bytes, at: at, bigEndian(random.oneIn(2) ? remaining : remaining &+ 1))
            } else {
                overwrite(&bytes, with: random.pick(Self.interesting32))
            }
        case 5:  // an int64 (offsets, timestamps)
            overwrite(&bytes, with: random.pick(Self.interesting64))
        case 6:  // an unsigned varint over (or into) the bytes
            let encoded = varint(random.oneIn(4) ? random.next() >> UInt64(random.below(64)) : random.pick(Self.interestingVarints))
            let at = bytes.isEmpty ? 0 : random.below(bytes.count)
            if random.oneIn(2) { bytes.insert(contentsOf: encoded, at: at) } else { write(&bytes, at: at, encoded) }
        case 7 where !bytes.isEmpty:  // truncate
            bytes.removeLast(1 + random.below(bytes.count))
        case 8:  // extend with junk
            let count = 1 + random.below(random.oneIn(8) ? 4096 : 64)
            let filler = random.oneIn(2) ? random.pick(Self.interestingBytes) : nil
            bytes += (0..<count).map { _ in filler ?? UInt8(truncatingIfNeeded: random.next()) }
        case 9 where !donors.isEmpty:  // splice: a prefix of this and a suffix of another seed
            let donor = random.pick(donors)
            let cut = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
            let from = donor.isEmpty ? 0 : random.below(donor.count + 1)
            bytes = Array(bytes[..<cut]) + donor[from...]
        case 10 where !bytes.isEmpty:  // duplicate a range somewhere
            let range = randomRange(in: bytes.count)
            bytes.insert(contentsOf: bytes[range], at: random.below(bytes.count + 1))
        case 11 where !bytes.isEmpty:  // delete a range
            bytes.removeSubrange(randomRange(in: bytes.count))
        case 12 where !bytes.isEmpty:  // nudge a byte by a little (off-by-one lengths)
            let at = random.below(bytes.count)
            bytes[at] = bytes[at] &+ UInt8(truncatingIfNeeded: random.below(9) - 4)
        case 13 where bytes.count >= 4:  // nudge a big-endian int32
            let at = random.below(bytes.count - 3)
            let value = bytes[at..<at + 4].reduce(Int32(0)) { $0 << 8 | Int32($1) }
            write(&bytes, at: at, bigEndian(value &+ Int32(random.below(33) - 16)))
        case 14 where !bytes.isEmpty:  // copy a range over another place
            let range = randomRange(in: bytes.count)
            write(&bytes, at: random.below(bytes.count), Array(bytes[range]))
        case 15:  // insert an interesting byte run
            let run = [UInt8](repeating: random.pick(Self.interestingBytes), count: 1 + random.below(16))
            bytes.insert(contentsOf: run, at: bytes.isEmpty ? 0 : random.below(bytes.count + 1))
        case 16 where random.oneIn(64):  // rarely, grow big: a count that checks only against "bytes left" shows here
            let count = min(maximumSize - bytes.count, 1 << (12 + random.below(8)))
            if count > 0 { bytes += [UInt8](repeating: random.pick(Self.interestingBytes), count: count) }
        default:
            if !bytes.isEmpty { bytes[random.below(bytes.count)] ^= 0xff }
        }
    }

    private mutating func overwrite<T: FixedWidthInteger>(_ bytes: inout [UInt8], with value: T) {
        guard bytes.count >= MemoryLayout<T>.size else { return }
        write(&bytes, at: random.below(bytes.count - MemoryLayout<T>.size + 1), bigEndian(value))
    }

    private func write(_ bytes: inout [UInt8], at index: Int, _ values: [UInt8]) {
        for (offset, value) in values.enumerated() where index + offset < bytes.count { bytes[index + offset] = value }
    }

    private mutating func randomRange(in count: Int) -> Range<Int> {
        let start = random.below(count)
        let length = 1 + random.below(min(count - start, random.oneIn(4) ? count : 32))
        return start..<start + length
    }
}

func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value.bigEndian) { Array($0) }
}

func varint(_ value: UInt64) -> [UInt8] {
    var value = value
    var bytes: [UInt8] = []
    while value >= 0x80 {
        bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
        value >>= 7
    }
    bytes.append(UInt8(value))
    return bytes
}
