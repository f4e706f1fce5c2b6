import CCRC32C

/// CRC-32C (Castagnoli), the checksum of record batch v2. The CPU's CRC-32C instruction where there is one (every
/// x86-64 since 2008, ARMv8 with the CRC extension): a whole fetch response is checksummed on the consumer's hot
/// path, and the instruction is about ten times faster than tables. Elsewhere slicing-by-8 in Swift (Debian
/// packages no CRC32C library).
public enum CRC32C {
    /// Whether `update` uses the CPU instruction (decided once per process).
    public static let usesHardware = ccrc32c_hardware_available() != 0

    private static let tables: [[UInt32]] = {
        var tables = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 8)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            tables[0][index] = crc
        }
        for index in 0..<256 {
            for table in 1..<8 {
                let previous = tables[table - 1][index]
                tables[table][index] = (previous >> 8) ^ tables[0][Int(previous & 0xff)]
            }
        }
        return tables
    }()

    /// The checksum of `bytes`.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        update(0, bytes)
    }

    public static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        bytes.withContiguousStorageIfAvailable { checksum(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { checksum($0) }
    }

    /// Continues a checksum over more bytes (`crc` is a previous result, or 0 to start).
    public static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard usesHardware else { return tableUpdate(crc, bytes) }
        guard let base = bytes.baseAddress else { return crc }
        return ~ccrc32c_hardware_update(~crc, base, bytes.count)
    }

    /// The same checksum from tables, for CPUs without the instruction (and to cross-check it in tests).
    public static func tableUpdate(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = ~crc
        var count = bytes.count
        guard var pointer = bytes.baseAddress else { return ~crc }
        tables.withUnsafeBufferPointer { tables in
            let t0 = tables[0], t1 = tables[1], t2 = tables[2], t3 = tables[3]
            let t4 = tables[4], t5 = tables[5], t6 = tables[6], t7 = tables[7]
            t0.withUnsafeBufferPointer { t0 in
            t1.withUnsafeBufferPointer { t1 in
            t2.withUnsafeBufferPointer { t2 in
            t3.withUnsafeBufferPointer { t3 in
            t4.withUnsafeBufferPointer { t4 in
            t5.withUnsafeBufferPointer { t5 in
            t6.withUnsafeBufferPointer { t6 in
            t7.withUnsafeBufferPointer { t7 in
                while count >= 8 {
                    let word = UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self)) ^ UInt64(crc)
                    crc = t7[Int(word & 0xff)] ^ t6[Int((word >> 8) & 0xff)]
                        ^ t5[Int((word >> 16) & 0xff)] ^ t4[Int((word >> 24) & 0xff)]
                        ^ t3[Int((word >> 32) & 0xff)] ^ t2[Int((word >> 40) & 0xff)]
                        ^ t1[Int((word >> 48) & 0xff)] ^ t0[Int(word >> 56)]
                    pointer += 8
                    count -= 8
                }
                while count > 0 {
                    crc = (crc >> 8) ^ t0[Int((crc ^ UInt32(pointer.load(as: UInt8.self))) & 0xff)]
                    pointer += 1
                    count -= 1
                }
            }}}}}}}}
        }
        return ~crc
    }
}
