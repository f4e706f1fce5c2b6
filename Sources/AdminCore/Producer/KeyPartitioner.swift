import CZlib

/// Where the common clients put a keyed record, so a reader can go straight to the partition that holds a key
/// (`console-consumer --where 'key == "K"'`): Java's producer, franz-go and kafkactl use murmur2; librdkafka (kcat,
/// confluent-kafka) defaults to CRC-32 (its `consistent_random` for keyed records); Sarama to FNV-1a.
public enum KeyPartitioner: String, Sendable, CaseIterable {
    case murmur2
    /// librdkafka's `consistent`: `crc32(key) % partitions`, zlib's CRC-32.
    case consistent
    /// Sarama's hash partitioner: 32-bit FNV-1a, as a signed number, modulo, made positive.
    case fnv1a

    public func partition(forKey key: UnsafeRawBufferPointer, partitionCount: Int) -> Int32 {
        precondition(partitionCount > 0)
        switch self {
        case .murmur2:
            return Int32((Int(Murmur2.hash(key)) & 0x7fff_ffff) % partitionCount)
        case .consistent:
            let crc = crc32(0, key.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(key.count))
            return Int32(UInt64(crc) % UInt64(partitionCount))
        case .fnv1a:
            var hash: UInt32 = 2_166_136_261
            for byte in key {
                hash ^= UInt32(byte)
                hash = hash &* 16_777_619
            }
            let partition = Int64(Int32(bitPattern: hash)) % Int64(partitionCount)
            return Int32(partition < 0 ? -partition : partition)
        }
    }
}
