/// Kafka's murmur2, as the Java producer's default partitioner computes it, so keyed records land where Java
/// clients would put them: `partition = (murmur2(key) & 0x7fffffff) % partitionCount`.
public enum Murmur2 {
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        let m: UInt32 = 0x5bd1_e995
        let r: UInt32 = 24
        let length = bytes.count
        var h: UInt32 = 0x9747_b28c ^ UInt32(truncatingIfNeeded: length)
        var index = 0
        while index + 4 <= length {
            var k = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self))
            k = k &* m
            k ^= k >> r
            k = k &* m
            h = h &* m
            h ^= k
            index += 4
        }
        let remaining = length - index
        if remaining == 3 { h ^= UInt32(bytes[index + 2]) << 16 }
        if remaining >= 2 { h ^= UInt32(bytes[index + 1]) << 8 }
        if remaining >= 1 {
            h ^= UInt32(bytes[index])
            h = h &* m
        }
        h ^= h >> 13
        h = h &* m
        h ^= h >> 15
        return Int32(bitPattern: h)
    }

    public static func hash<C: Collection>(_ bytes: C) -> Int32 where C.Element == UInt8 {
        bytes.withContiguousStorageIfAvailable { hash(UnsafeRawBufferPointer($0)) } ?? Array(bytes).withUnsafeBytes { hash($0) }
    }

    /// The partition Java's default partitioner picks for a key.
    public static func partition<C: Collection>(forKey key: C, partitionCount: Int) -> Int32 where C.Element == UInt8 {
        Int32((Int(hash(key)) & 0x7fff_ffff) % partitionCount)
    }
}
