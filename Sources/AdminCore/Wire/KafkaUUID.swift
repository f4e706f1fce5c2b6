/// Kafka's 128-bit identifier (topic ids, directory ids). Kafka prints it as URL-safe base64 without padding.
public struct KafkaUUID: Hashable, Sendable, CustomStringConvertible {
    public var mostSignificantBits: UInt64
    public var leastSignificantBits: UInt64

    public init(mostSignificantBits: UInt64, leastSignificantBits: UInt64) {
        self.mostSignificantBits = mostSignificantBits
        self.leastSignificantBits = leastSignificantBits
    }

    /// The all-zero id, which the protocol uses for "no id".
    public static let zero = KafkaUUID(mostSignificantBits: 0, leastSignificantBits: 0)

    public var isZero: Bool { self == .zero }

    /// A random version-4 id, as Kafka's `Uuid.randomUuid()` makes (which never gives the zero id).
    public static func random() -> KafkaUUID {
        var generator = SystemRandomNumberGenerator()
        let high = (generator.next() & ~UInt64(0xF000)) | 0x4000
        let low = (generator.next() & ~(UInt64(0xC) << 60)) | (UInt64(0x8) << 60)
        return KafkaUUID(mostSignificantBits: high, leastSignificantBits: low)
    }

    public var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: mostSignificantBits >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: leastSignificantBits >> (56 - 8 * $0)) }
    }

    /// Kafka's `Uuid.toString()`: 22 characters of URL-safe base64.
    public var description: String { Base64.encode(bytes, urlSafe: true, padding: false) }

    /// Parses Kafka's 22-character form.
    public init?(_ text: String) {
        guard text.utf8.count == 22, let bytes = Base64.decode(text, urlSafe: true), bytes.count == 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<8 { high = high << 8 | UInt64(bytes[index]) }
        for index in 8..<16 { low = low << 8 | UInt64(bytes[index]) }
        self.init(mostSignificantBits: high, leastSignificantBits: low)
    }
}
